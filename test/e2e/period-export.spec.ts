import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { englishInputDate } from '../helpers/input-date.ts';
import { DEMO_GOLDEN_DIR, DEMO_LAST_MONTH, DEMO_NOW } from '../helpers/demo-export.ts';

test.use({ timezoneId: 'UTC' });

test('Time records → Export… last month: download equals the golden file; a second run warns of the overlap and leaves out what was taken', async ({
  page,
}) => {
  await page.clock.setFixedTime(new Date(`${DEMO_NOW}Z`));
  await page.goto('/');
  await page.getByTestId('load-demo-NO').click();
  await expect(page).toHaveURL(/#\/invoices/);
  const badge = page.getByTestId('notifications-badge');
  await expect(badge).toHaveText(/^\d+$/);
  const waiting = await badge.textContent();

  await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Time records' }).click();
  await page.getByTestId('open-period-export').click();
  const dialog = page.getByTestId('period-export-dialog');
  await expect(dialog.getByTestId('period-from')).toHaveValue(englishInputDate(DEMO_LAST_MONTH.from));
  await expect(dialog.getByTestId('period-to')).toHaveValue(englishInputDate(DEMO_LAST_MONTH.to));
  await dialog.getByTestId('period-check').click();
  await expect(dialog.getByTestId('preflight-ok')).toBeVisible();
  await expect(dialog.getByTestId('overlap-warning')).toHaveCount(0);

  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('run-export').click()]);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.equals(readFileSync(`${DEMO_GOLDEN_DIR}/${download.suggestedFilename()}`))).toBe(true);
  await expect(dialog.getByTestId('export-done')).toBeVisible();

  // The same period again: the earlier export is named, and with "leave out" on nothing is left.
  await dialog.getByTestId('period-check').click();
  await expect(dialog.getByTestId('overlap-warning')).toBeVisible();
  await expect(dialog.getByTestId('issue-error')).toContainText('nothing to export');
  await dialog.getByTestId('period-close').click();

  // A period export changes no record: the invoices still wait.
  await expect(badge).toHaveText(waiting!);
});
