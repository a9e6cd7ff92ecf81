import { expect, test, type Locator, type Page } from '@playwright/test';
import { englishInputDate } from '../helpers/input-date.ts';
import { DEMO_LAST_MONTH, DEMO_NOW } from '../helpers/demo-export.ts';

test.use({ timezoneId: 'UTC' });

const TODAY = DEMO_NOW.slice(0, 10);

/** `NOK 1,234.50` or `-NOK 1,234.50` (the lists' money in English, src/ui/format.ts) as minor units and currency. */
function parseMoney(text: string): { minor: number; currency: string } {
  const m = /(-?)\s*([A-Z]{3})?\s*([\d,]+)\.(\d{2})/.exec(text.trim());
  if (!m) throw new Error(`not an amount: ${text}`);
  const sign = m[1] === '-' ? -1 : 1;
  return { minor: sign * (Number(m[3]!.replace(/,/g, '')) * 100 + Number(m[4])), currency: m[2] ?? '' };
}

async function loadDemo(page: Page) {
  await page.clock.setFixedTime(new Date(`${DEMO_NOW}Z`));
  await page.goto('/');
  await page.getByTestId('load-demo-NO').click();
  await expect(page).toHaveURL(/#\/invoices/);
}

async function openList(page: Page, name: string, table: string) {
  await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name }).click();
  await expect(page.getByTestId(table)).toHaveAttribute('aria-busy', 'false');
}

async function settled(total: Locator) {
  await expect(total).toHaveAttribute('aria-busy', 'false');
}

test('New time record → its hours are in the list Total; New claim with two items → the Total counts it', async ({
  page,
}) => {
  await loadDemo(page);
  await openList(page, 'Time records', 'time-records-table');
  await page.getByTestId('filter-from').fill(TODAY);
  await page.getByTestId('filter-to').fill(TODAY);
  const total = page.getByRole('region', { name: 'Total' });
  await settled(total);
  const before = /(\d+) records: ([\d.]+) h billable/.exec(
    (await total.getByTestId('time-records-total-hours').textContent())!,
  )!;

  await page.getByRole('button', { name: 'New time record' }).click();
  const form = page.getByTestId('time-record-form');
  await expect(form.getByTestId('record-date')).toHaveValue(englishInputDate(TODAY));
  await form.getByTestId('record-employee').selectOption({ index: 1 });
  await form.getByTestId('record-project').selectOption({ index: 1 });
  await form.getByTestId('record-hours').fill('3,25');
  await form.getByLabel('Billable').check();
  await form.getByTestId('record-save').click();
  await expect(form).toHaveCount(0);
  await settled(total);
  await expect(total.getByTestId('time-records-total-hours')).toContainText(
    `${Number(before[1]) + 1} records: ${(Number(before[2]) + 3.25).toFixed(2)} h billable`,
  );

  await openList(page, 'Claims', 'claims-table');
  await page.getByRole('button', { name: 'New claim' }).click();
  const claim = page.getByTestId('claim-form');
  const number = await claim.getByTestId('claim-claimNumber').inputValue();
  expect(number).toMatch(/^R-2026-\d+$/);
  await claim.getByTestId('claim-employee').selectOption({ index: 1 });
  const first = claim.getByTestId('claim-item').nth(0);
  await first.getByTestId('item-expenseType').selectOption({ index: 1 });
  await first.getByTestId('item-amount').fill('553.00');
  await first.getByTestId('item-vatAmount').fill('59.25');
  await claim.getByRole('button', { name: 'Add item' }).click();
  const second = claim.getByTestId('claim-item').nth(1);
  await second.getByTestId('item-expenseType').selectOption({ index: 1 });
  await second.getByTestId('item-amount').fill('1253');
  await expect(claim.getByTestId('claim-sum')).toHaveText('Sum: NOK 1,806.00');
  await claim.getByTestId('record-save').click();
  await expect(claim).toHaveCount(0);

  await page.getByTestId('filter-search').fill(number);
  const claimsTotal = page.getByRole('region', { name: 'Total' });
  await expect(page.getByTestId('claims-table').locator('tbody tr')).toHaveCount(1);
  await settled(claimsTotal);
  await expect(claimsTotal.getByTestId('claims-total-count')).toHaveText('1 claims');
  await expect(claimsTotal.getByTestId('claims-total-NOK')).toHaveText('NOK 1,806.00');
  // The row shows the claim's amount, not its items to add up.
  await expect(page.getByTestId('claims-table').locator('tbody tr')).toContainText('NOK 1,806.00');
});

test('editing a record an earlier period export took warns, and links to that batch on Exported files', async ({
  page,
}) => {
  await loadDemo(page);
  await openList(page, 'Time records', 'time-records-table');
  await page.getByTestId('open-period-export').click();
  const dialog = page.getByTestId('period-export-dialog');
  await expect(dialog.getByTestId('period-from')).toHaveValue(englishInputDate(DEMO_LAST_MONTH.from));
  await dialog.getByTestId('period-check').click();
  await expect(dialog.getByTestId('preflight-ok')).toBeVisible();
  await Promise.all([page.waitForEvent('download'), dialog.getByTestId('run-export').click()]);
  await expect(dialog.getByTestId('export-done')).toBeVisible();
  await dialog.getByTestId('period-close').click();

  // A record of the exported month, and one of this month (not exported).
  await page.getByTestId('filter-from').fill(DEMO_LAST_MONTH.from);
  await page.getByTestId('filter-to').fill(DEMO_LAST_MONTH.to);
  await expect(page.getByTestId('time-records-table').locator('tbody tr').first()).toContainText('Oct 2026');
  await page.getByTestId('time-records-table').locator('tbody tr').first().click();
  const form = page.getByTestId('time-record-form');
  const warning = form.getByTestId('already-exported');
  await expect(warning).toContainText(/already exported in .+; the receiving system has the old values/i);
  // It can still be edited.
  await form.getByTestId('record-comment').fill('corrected after the export');
  await form.getByTestId('record-save').click();
  await expect(form).toHaveCount(0);

  await page.getByTestId('time-records-table').locator('tbody tr').first().click();
  await form.getByTestId('exported-batch-link').click();
  await expect(page).toHaveURL(/#\/exported-files\?batch=/);
  const batchId = decodeURIComponent(/batch=([^&]+)/.exec(page.url())![1]!);
  const row = page.locator(`[data-testid="batch-row"][data-batch-id="${batchId}"]`);
  await expect(row).toHaveAttribute('aria-current', 'true');
  // The period as the English screens write dates (src/ui/format.ts).
  await expect(row).toContainText('1 Oct 2026 – 31 Oct 2026');

  await openList(page, 'Time records', 'time-records-table');
  await page.getByTestId('filter-from').fill('2026-11-01');
  await page.getByTestId('filter-to').fill(TODAY);
  await expect(page.getByTestId('time-records-table').locator('tbody tr').first()).toContainText('Nov 2026');
  await page.getByTestId('time-records-table').locator('tbody tr').first().click();
  await expect(page.getByTestId('time-record-form').getByTestId('record-hours')).not.toHaveValue('');
  await expect(page.getByTestId('already-exported')).toHaveCount(0);
});

test('the Invoices list Total equals the sum of the shown rows after a filter', async ({ page }) => {
  await loadDemo(page);
  const table = page.getByTestId('invoices-table');
  await expect(table).toHaveAttribute('aria-busy', 'false');
  const total = page.getByRole('region', { name: 'Total' });
  await settled(total);
  const all = Number(/(\d+) invoices/.exec((await total.getByTestId('invoices-total-count').textContent())!)![1]);

  await page.getByTestId('filter-from').fill(DEMO_LAST_MONTH.from);
  await page.getByTestId('filter-to').fill(DEMO_LAST_MONTH.to);
  await expect(table.locator('tbody tr').first()).toContainText('Oct 2026');
  await expect(table).toHaveAttribute('aria-busy', 'false');
  await settled(total);
  const rows = table.locator('tbody tr');
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(50);
  await expect(total.getByTestId('invoices-total-count')).toHaveText(`${count} invoices`);
  expect(count).toBeLessThan(all);

  const grossColumn = (await table.locator('thead th').allTextContents()).indexOf('Gross');
  const sums = new Map<string, number>();
  for (const cell of await rows.locator(`td:nth-child(${grossColumn + 1})`).allTextContents()) {
    const { minor, currency } = parseMoney(cell);
    sums.set(currency, (sums.get(currency) ?? 0) + minor);
  }
  expect(sums.size).toBeGreaterThan(0);
  for (const [currency, gross] of sums) {
    const line = (await total.getByTestId(`invoices-total-${currency}`).textContent())!;
    expect(parseMoney(/gross (.+)$/.exec(line)![1]!).minor).toBe(gross);
  }
  await expect(total.locator('[data-testid^="invoices-total-"]')).toHaveCount(1 + sums.size);
});
