import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** Time records added to the demo's backup: enough that the write lasts long enough to press Cancel. */
const EXTRA_TIME_RECORDS = 120_000;

async function downloadBackup(page: Page): Promise<Record<string, unknown>> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-backup').click()]);
  return JSON.parse(readFileSync((await download.path())!, 'utf8')) as Record<string, unknown>;
}

/** Records the restore's phases as the progress bar shows them, in order. */
async function watchPhases(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { restorePhases: string[] }).restorePhases = seen;
    const note = () => {
      const phase = document.querySelector('[data-testid="restore-progress"]')?.getAttribute('data-phase');
      if (phase && seen[seen.length - 1] !== phase) seen.push(phase);
    };
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-phase'],
    });
  });
}

const phases = (page: Page) => page.evaluate(() => (window as unknown as { restorePhases: string[] }).restorePhases);

test('restore a backup: progress by phase, Cancel leaves the data as it was, the result at the top', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await page.getByTestId('load-demo-NO').click();
  await expect(page).toHaveURL(/#\/invoices/);
  const demoName = (await page.getByTestId('company-name').textContent())!;

  await page.goto('/#/settings');
  const backup = await downloadBackup(page);
  const records = backup['timeRecords'] as Record<string, unknown>[];
  const model = records[0]!;
  for (let i = 0; i < EXTRA_TIME_RECORDS; i++) records.push({ ...model, id: `restore-e2e-${i}` });
  backup['company'] = { ...(backup['company'] as object), name: 'Restored Company AS' };
  const file = {
    name: 'big-backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(backup, null, 2)),
  };
  await page.getByRole('link', { name: 'Time records' }).click();
  const pager = page.getByTestId('time-records-table-page');
  await expect(pager).toContainText(/rows/);
  const rowsBefore = await pager.textContent();
  await page.goto('/#/settings');

  // Cancel in the middle of the write.
  await watchPhases(page);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('restore-input').setInputFiles(file);
  const progress = page.getByTestId('restore-progress');
  await expect(progress).toBeVisible();
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await expect(progress).toHaveAttribute('data-phase', 'writing', { timeout: 60_000 });
  await expect(progress).toContainText('step 3 of 3: Writing to the database');
  await page.getByTestId('cancel-restore').click();
  const notice = page.getByTestId('page-notice');
  await expect(notice).toHaveText(/Restore cancelled\. Nothing was changed\./, { timeout: 60_000 });
  await expect(notice).toBeFocused();
  await expect(progress).toBeHidden();
  expect(await phases(page)).toEqual(['reading', 'checking', 'writing']);
  await expect(page.getByTestId('company-name')).toHaveText(demoName);
  await page.getByRole('link', { name: 'Time records' }).click();
  await expect(pager).toHaveText(rowsBefore!);

  // The same file to the end: the result is the first thing in the page, focused and announced.
  await page.goto('/#/settings');
  await watchPhases(page);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('restore-input').setInputFiles(file);
  await expect(notice).toHaveText(/Backup restored: \d+ invoices, time records and claims\./, { timeout: 120_000 });
  await expect(notice).toHaveAttribute('role', 'status');
  await expect(notice).toBeFocused();
  await expect(page.locator('main > :first-child')).toHaveAttribute('data-testid', 'page-notice');
  expect(await phases(page)).toEqual(['reading', 'checking', 'writing']);
  await expect(page.getByTestId('company-name')).toHaveText('Restored Company AS');
});

test('a file that is not a backup is refused at the top of the page, nothing changed', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('restore-input').setInputFiles({
    name: 'nonsense.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "something else"}'),
  });
  const notice = page.getByTestId('page-notice');
  await expect(notice).toHaveAttribute('role', 'alert');
  await expect(notice).toContainText('The backup was not restored. Nothing was changed.');
  await expect(notice).toContainText('Not a company file');
  await expect(page.getByRole('heading', { name: 'Welcome to Exportdesk' })).toBeVisible();
});
