import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { DEMO_GOLDEN_DIR, DEMO_NOW } from '../helpers/demo-export.ts';

test.use({ timezoneId: 'UTC' });

async function loadDemo(page: Page) {
  await page.clock.setFixedTime(new Date(`${DEMO_NOW}Z`));
  await page.goto('/');
  await page.getByTestId('load-demo-NO').click();
  await expect(page).toHaveURL(/#\/invoices/);
}

/** Runs the export the run page shows, accepting its warnings when it has some; returns the download's name and bytes. */
async function runShownExport(page: Page, expectedCount: string) {
  await expect(page.getByTestId('summary-count')).toHaveText(expectedCount);
  await expect(page.getByTestId('issue-error')).toHaveCount(0);
  const accept = page.getByTestId('accept-warnings');
  if ((await page.getByTestId('issue-warning').count()) > 0) await accept.check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('run-export').click()]);
  await expect(page.getByTestId('export-done')).toBeVisible();
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

/** The stored batches' config ids and invoice ids, straight from IndexedDB. */
function storedBatches(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ configId: string; invoiceIds: string[] }[]>((resolve, reject) => {
        const open = indexedDB.open('exportdesk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          const request = idb.transaction('exportBatches').objectStore('exportBatches').getAll();
          request.onsuccess = () => {
            idb.close();
            resolve(request.result as { configId: string; invoiceIds: string[] }[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

test('Export to accounting, then Export to factoring: the same invoices, each badge to 0; reverting factoring brings back only its badge', async ({
  page,
}) => {
  await loadDemo(page);
  const accountingBadge = page.getByTestId('notifications-badge');
  const factoringBadge = page.getByTestId('notifications-badge-factoring');
  await expect(accountingBadge).toHaveText(/^\d+$/);
  const waiting = (await accountingBadge.textContent())!;
  // The demo's invoices wait for both purposes alike.
  await expect(factoringBadge).toHaveText(waiting);

  await page.getByTestId('notifications-button').click();
  await expect(page.getByTestId('menu-export-to-factoring')).toContainText(`${waiting} invoices waiting`);
  await page.getByTestId('menu-export-to-accounting').click();
  await expect(page.getByTestId('export-config')).toHaveValue('demo-accounting');
  const accounting = await runShownExport(page, waiting);
  expect(accounting.bytes.equals(readFileSync(`${DEMO_GOLDEN_DIR}/${accounting.name}`))).toBe(true);
  await expect(accountingBadge).toHaveCount(0);
  await expect(factoringBadge).toHaveText(waiting);

  await page.getByTestId('notifications-button').click();
  await expect(page.getByTestId('menu-export-to-accounting')).toHaveCount(0);
  await page.getByTestId('menu-export-to-factoring').click();
  await expect(page.getByTestId('export-config')).toHaveValue('demo-factoring');
  await runShownExport(page, waiting);
  await expect(factoringBadge).toHaveCount(0);
  await expect(accountingBadge).toHaveCount(0);

  const batches = await storedBatches(page);
  const idsOf = (configId: string) =>
    batches
      .find((b) => b.configId === configId)!
      .invoiceIds.slice()
      .sort();
  expect(batches).toHaveLength(2);
  expect(idsOf('demo-factoring')).toEqual(idsOf('demo-accounting'));
  expect(idsOf('demo-factoring')).toHaveLength(Number(waiting));

  await page.getByTestId('notifications-button').click();
  await expect(page.getByTestId('notifications-empty')).toBeVisible();
  await page.getByTestId('notifications-button').click();

  await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Exported files' }).click();
  const factoringRow = page.getByTestId('batch-row').filter({ hasText: 'SG Finans' });
  await expect(factoringRow.getByTestId('batch-purpose')).toHaveText('for factoring');
  page.once('dialog', (dialog) => dialog.accept());
  await factoringRow.getByTestId('batch-revert').click();
  await expect(factoringRow.getByTestId('batch-status')).toContainText('Reverted');
  await expect(factoringBadge).toHaveText(waiting);
  await expect(accountingBadge).toHaveCount(0);
});

test('the range dialog explains a reversed range and takes issue dates, per purpose', async ({ page }) => {
  await loadDemo(page);
  await page.getByTestId('filter-search').fill('10190');
  const status = page.getByTestId('export-status-10190');
  await expect(status).toBeVisible();
  // The list shows dates the UI language's way (English: "6 Dec 2026"); the date input takes ISO.
  const [, day, month, year] = (await page
    .getByTestId('invoices-table')
    .getByRole('row')
    .filter({ has: status })
    .textContent())!.match(/(\d{1,2}) (\w{3}) (\d{4})/)!;
  const monthNumber = 'JanFebMarAprMayJunJulAugSepOctNovDec'.indexOf(month!) / 3 + 1;
  const issueDate = `${year}-${String(monthNumber).padStart(2, '0')}-${day!.padStart(2, '0')}`;

  await page.getByTestId('open-range-dialog').click();
  const dialog = page.getByTestId('range-dialog');
  await dialog.getByTestId('range-from').fill('10185');
  await dialog.getByTestId('range-to').fill('10180');
  await expect(dialog.getByTestId('range-count')).toHaveText('This changes 0 invoices.');
  await expect(dialog.getByTestId('range-reason')).toContainText('reversed');
  await expect(dialog.getByTestId('range-apply')).toBeDisabled();

  // An issue-date range far in the past holds no finalized invoices.
  await dialog.getByTestId('range-kind').selectOption('date');
  await dialog.getByTestId('range-from').fill('2001-01-01');
  await dialog.getByTestId('range-to').fill('2001-01-31');
  await expect(dialog.getByTestId('range-reason')).toHaveText('There are no finalized invoices in this range.');

  // A factoring status set for one day's invoices leaves their accounting status alone.
  await dialog.getByTestId('range-purpose').selectOption('factoring');
  await dialog.getByTestId('range-from').fill(issueDate);
  await dialog.getByTestId('range-to').fill(issueDate);
  await dialog.getByTestId('range-status').selectOption('do-not-transfer');
  await expect(dialog.getByTestId('range-count')).toHaveText(/This changes (1 invoice|[1-9]\d* invoices)\./);
  await dialog.getByTestId('range-apply').click();
  await expect(dialog.getByTestId('range-done')).toBeVisible();
  await expect(dialog.getByTestId('range-reason')).toHaveText(
    'All finalized invoices in this range already have the status Do not transfer for Factoring.',
  );
  await dialog.getByRole('button', { name: 'Close' }).click();

  await expect(status).not.toHaveValue('do-not-transfer');
  await page.getByTestId('status-purpose').selectOption('factoring');
  await expect(status).toHaveValue('do-not-transfer');
});
