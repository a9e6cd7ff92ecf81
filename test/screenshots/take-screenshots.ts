/**
 * Writes a PNG of each page with the demo company to docs/screenshots/ (run by `npm run screenshots`).
 * The clock is fixed at the demo's date, so the pictures change only when the UI does.
 */
import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { DEMO_NOW } from '../helpers/demo-export.ts';

const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/e2e/${name}`, import.meta.url));

async function open(page: Page, route: string) {
  await page.evaluate((hash) => (window.location.hash = hash), route);
  await expect(page.locator('main h1').first()).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${OUT}${name}.png` });

test('screenshots of every page', async ({ page }) => {
  await page.clock.setFixedTime(new Date(`${DEMO_NOW}Z`));
  await page.goto('/');
  await shot(page, '01-start');
  await page.getByTestId('load-demo-NO').click();
  await expect(page).toHaveURL(/#\/invoices/);

  await open(page, '#/overview');
  await expect(page.getByTestId('overview-chart')).toBeVisible();
  await shot(page, '02-overview');
  await open(page, '#/invoices');
  await shot(page, '03-invoices');
  await page.getByTestId('open-range-dialog').click();
  await expect(page.getByTestId('range-dialog')).toBeVisible();
  await shot(page, '04-range-status-dialog');
  await page.keyboard.press('Escape');
  await open(page, '#/time-records');
  await shot(page, '05-time-records');
  await open(page, '#/claims');
  await shot(page, '06-claims');
  await open(page, '#/customers');
  await shot(page, '07-customers');

  await page.getByTestId('notifications-button').click();
  await page.getByTestId('menu-export-to-accounting').click();
  await expect(page.getByTestId('export-summary')).toBeVisible();
  await shot(page, '08-export-to-accounting');
  await page.getByTestId('accept-warnings').check();
  await Promise.all([page.waitForEvent('download'), page.getByTestId('run-export').click()]);
  await expect(page.getByTestId('export-done')).toBeVisible();
  await open(page, '#/exported-files');
  await shot(page, '09-exported-files');

  await open(page, '#/import');
  await page.getByTestId('import-kind').selectOption('timeRecords');
  await page.getByTestId('import-file').setInputFiles(fixture('timer-windows-1252.csv'));
  await expect(page.getByTestId('mapping-table')).toBeVisible();
  await shot(page, '10-import');
  await open(page, '#/settings');
  await shot(page, '11-settings');

  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, '#/overview');
  await expect(page.getByTestId('overview-chart')).toBeVisible();
  await shot(page, '12-phone-overview');
});
