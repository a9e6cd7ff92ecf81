import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { DEMO_NOW } from '../helpers/demo-export.ts';

/**
 * Issue 18's Overview as a bookkeeper reads it: accounting always, factoring and EHF only at a firm
 * that exports to them, each "Export now" opening its own purpose's export, and the closed month's
 * dates written the UI language's way.
 */

test.use({ timezoneId: 'UTC' });

const LANG_KEY = 'exportdesk.locale';

const EHF_CONFIG = {
  id: 'overview-e2e-ehf',
  name: 'EHF to customers',
  purpose: 'ehf',
  target: { kind: 'format', formatId: 'ehf' },
  settings: {},
  invoiceDateLimit: 'none',
  isDefault: true,
};

async function loadDemo(page: Page) {
  await page.clock.setFixedTime(new Date(`${DEMO_NOW}Z`));
  await page.goto('/');
  await page.getByTestId('load-demo-NO').click();
  await expect(page).toHaveURL(/#\/invoices/);
}

async function openOverview(page: Page) {
  await page.goto('/#/overview');
  await expect(page.getByTestId('overview-waiting-accounting')).toBeVisible();
}

/** The export the run page has chosen, as its select shows it. */
const chosenExport = (page: Page) => page.getByTestId('export-config').locator('option:checked');

test('each purpose at a firm that uses it, its own Export now, dates the language’s way', async ({ page }) => {
  test.setTimeout(180_000);
  await loadDemo(page);
  await openOverview(page);

  // The demo exports to accounting and factoring, not EHF: no line for EHF.
  const accounting = page.getByTestId('overview-waiting-accounting');
  const factoring = page.getByTestId('overview-waiting-factoring');
  await expect(factoring).toBeVisible();
  await expect(page.getByTestId('overview-waiting-ehf')).toHaveCount(0);
  await expect(page.getByTestId('overview-not-configured')).toHaveCount(0);
  await expect(page.locator('#overview-closed')).toHaveText('Not yet exported for 1 Oct 2026 – 31 Oct 2026');

  await factoring.getByTestId('overview-export-now').click();
  await expect(page).toHaveURL(/#\/export\?purpose=factoring$/);
  await expect(chosenExport(page)).toHaveText(/^SG Finans factoring/);
  await openOverview(page);
  await accounting.getByTestId('overview-export-now').click();
  await expect(page).toHaveURL(/#\/export\?purpose=accounting$/);
  await expect(chosenExport(page)).toHaveText(/^Mamut GBAT10 to accounting/);

  // The same firm starts sending EHF: a backup with an EHF export and invoices waiting for it, restored.
  await page.goto('/#/settings');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-backup').click()]);
  const backup = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Record<string, unknown>;
  backup['exportConfigs'] = [...(backup['exportConfigs'] as object[]), EHF_CONFIG];
  backup['invoices'] = (backup['invoices'] as Record<string, unknown>[]).map((i) => ({
    ...i,
    ehfStatus: i['exportStatus'],
  }));
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('restore-input').setInputFiles({
    name: 'with-ehf.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(backup)),
  });
  await expect(page.getByTestId('page-notice')).toHaveText(/Backup restored/, { timeout: 120_000 });

  await openOverview(page);
  const ehf = page.getByTestId('overview-waiting-ehf');
  await expect(ehf).toContainText(/EHF\s*\d+ invoices?/);
  await ehf.getByTestId('overview-export-now').click();
  await expect(page).toHaveURL(/#\/export\?purpose=ehf$/);
  await expect(chosenExport(page)).toHaveText(/^EHF to customers/);

  // In Norwegian the closed month is written 01.10.2026; in Swedish 2026-10-01.
  await page.evaluate((key) => localStorage.setItem(key, 'nb'), LANG_KEY);
  await page.reload();
  await openOverview(page);
  await expect(page.locator('#overview-closed')).toHaveText('Ikke eksportert ennå for 01.10.2026 – 31.10.2026');
});

test('a firm without an export: accounting says where to set one up, nothing about factoring or EHF', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Set up your company' }).click();
  const form = page.getByTestId('register-form');
  await form.getByLabel('Name', { exact: true }).fill('Nordkapp Tjenester AS');
  await form.getByLabel('Organisation number', { exact: true }).fill('919399619');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/#\/invoices/);

  await openOverview(page);
  const notConfigured = page.getByTestId('overview-waiting-accounting').getByTestId('overview-not-configured');
  await expect(notConfigured).toHaveText('No export to accounting is set up yet. Set one up in Settings.');
  await expect(page.getByTestId('overview-waiting-factoring')).toHaveCount(0);
  await expect(page.getByTestId('overview-waiting-ehf')).toHaveCount(0);
  await notConfigured.getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/#\/settings$/);
});
