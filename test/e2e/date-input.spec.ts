import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Locator } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { nb } from '../../src/ui/i18n/nb.ts';
import { DEMO_GOLDEN_DIR, DEMO_NOW } from '../helpers/demo-export.ts';

/**
 * Issue 18, item 2: date fields take the UI language's way of typing (src/core/domain/typed-date.ts)
 * and show the date in its digits; text that is no date is refused with why and how to type it.
 */

test.use({ timezoneId: 'UTC' });

async function demoIn(browser: Browser, locale: string) {
  const context = await browser.newContext({ locale, timezoneId: 'UTC', acceptDownloads: true });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(`${DEMO_NOW}Z`));
  await page.goto('/');
  await page.getByTestId('load-demo-NO').click();
  await expect(page).toHaveURL(/#\/invoices/);
  return { context, page };
}

/** The number of records the list's Total counts (its first number). */
async function recordCount(total: Locator): Promise<number> {
  await expect(total).not.toHaveText('');
  return Number(/\d+/.exec((await total.textContent())!)![0]);
}

test('Norwegian: 6.12.2026 typed into a time record is stored as 2026-12-06 and shown 06.12.2026; 31.02.2026 is refused and nothing is saved', async ({
  browser,
}) => {
  const { context, page } = await demoIn(browser, 'nb-NO');
  await page.goto('/#/time-records');
  const table = page.getByTestId('time-records-table');
  await expect(table).toHaveAttribute('aria-busy', 'false');

  // The filter takes the Norwegian forms too, and shows them the Norwegian way once left.
  await page.getByTestId('filter-from').fill('26.11.26');
  await page.getByTestId('filter-to').fill('6.12.2026');
  await page.getByTestId('filter-search').focus();
  await expect(page.getByTestId('filter-from')).toHaveValue('26.11.2026');
  await expect(page.getByTestId('filter-to')).toHaveValue('06.12.2026');
  await expect(page.getByTestId('filter-from')).toHaveAttribute('placeholder', 'dd.mm.åååå');
  const total = page.getByTestId('time-records-total-hours');
  await expect(table).toHaveAttribute('aria-busy', 'false');
  const before = await recordCount(total);
  await expect(table.locator('tbody tr', { hasText: '06.12.2026' })).toHaveCount(0);

  await page.getByRole('button', { name: nb['records.newTimeRecord'] }).click();
  const form = page.getByTestId('time-record-form');
  const dateField = form.getByTestId('record-date');
  await expect(dateField).toHaveValue('26.11.2026');
  await form.getByTestId('record-employee').selectOption({ index: 1 });
  await form.getByTestId('record-project').selectOption({ index: 1 });
  await form.getByTestId('record-hours').fill('2');

  // A day February does not have: why, and the form to type; the text stays and Save stores nothing.
  await dateField.fill('31.02.2026');
  await form.getByTestId('record-hours').focus();
  await expect(dateField).toHaveAttribute('aria-invalid', 'true');
  const why = 'Det er bare 28 dager i februar 2026. Skriv datoen som dd.mm.åååå.';
  await expect(form.getByTestId('date-error')).toHaveText(why);
  await expect(dateField).toHaveAccessibleDescription(why);
  await expect(dateField).toHaveAccessibleName(nb['records.date']);
  await expect(dateField).toHaveValue('31.02.2026');
  expect((await new AxeBuilder({ page }).include('[data-testid="time-record-form"]').analyze()).violations).toEqual([]);
  await form.getByTestId('record-save').click();
  await expect(form).toBeVisible();
  await expect(table).toHaveAttribute('aria-busy', 'false');
  expect(await recordCount(total)).toBe(before);

  await dateField.fill('6.12.2026');
  await form.getByTestId('record-hours').focus();
  await expect(dateField).toHaveValue('06.12.2026');
  await expect(dateField).not.toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByTestId('date-error')).toHaveCount(0);
  await form.getByTestId('record-save').click();
  await expect(form).toHaveCount(0);

  // Stored as 2026-12-06: the list (which shows stored dates through Intl) has it on that day.
  const saved = table.locator('tbody tr', { hasText: '06.12.2026' });
  await expect(saved).toHaveCount(1);
  await expect.poll(() => recordCount(total)).toBe(before + 1);
  const stored = await page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('exportdesk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('timeRecords').objectStore('timeRecords').getAll();
          all.onsuccess = () => resolve((all.result as { date: string }[]).map((r) => r.date));
        };
      }),
  );
  expect(stored.filter((d) => d === '2026-12-06')).toHaveLength(1);
  await saved.click();
  await expect(page.getByTestId('time-record-form').getByTestId('record-date')).toHaveValue('06.12.2026');
  await context.close();
});

test('Swedish: a period typed 261001–20261031 runs the export of October 2026; 261332 is refused and nothing runs', async ({
  browser,
}) => {
  const { context, page } = await demoIn(browser, 'sv-SE');
  await page.goto('/#/time-records');
  await page.getByTestId('open-period-export').click();
  const dialog = page.getByTestId('period-export-dialog');
  const from = dialog.getByTestId('period-from');
  const to = dialog.getByTestId('period-to');
  await expect(from).toHaveValue('2026-10-01');

  await from.fill('261332');
  await dialog.getByTestId('period-check').click();
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByTestId('date-error')).toHaveText('Det finns ingen månad 13. Skriv datumet som åååå-mm-dd.');
  await expect(dialog.getByTestId('preflight-ok')).toHaveCount(0);
  await expect(dialog.getByTestId('run-export')).toHaveCount(0);
  expect((await new AxeBuilder({ page }).include('[data-testid="period-export-dialog"]').analyze()).violations).toEqual(
    [],
  );

  await from.fill('261001');
  await to.fill('20261031');
  await dialog.getByTestId('period-check').click();
  await expect(from).toHaveValue('2026-10-01');
  await expect(to).toHaveValue('2026-10-31');
  await expect(dialog.getByTestId('date-error')).toHaveCount(0);
  await expect(dialog.getByTestId('preflight-ok')).toBeVisible();
  // The run takes October 2026: its file is the golden one of that period.
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('run-export').click()]);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.equals(readFileSync(`${DEMO_GOLDEN_DIR}/${download.suggestedFilename()}`))).toBe(true);
  await context.close();
});
