import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/e2e/${name}`, import.meta.url));

async function openImport(page: Page) {
  await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { name: 'Import', exact: true })).toBeVisible();
}

test('Windows-1252 time records with decimal commas: detect, fix a mapping, import, see them, undo', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByTestId('load-demo-NO').click();
  await expect(page).toHaveURL(/#\/invoices/);
  await openImport(page);

  await page.getByTestId('import-kind').selectOption('timeRecords');
  await page.getByTestId('import-file').setInputFiles(fixture('timer-windows-1252.csv'));
  await expect(page.getByTestId('detected-encoding')).toContainText('windows-1252');
  await expect(page.getByTestId('setting-delimiter')).toHaveValue(';');
  await expect(page.getByTestId('setting-decimal')).toHaveValue(',');
  await expect(page.getByTestId('setting-date-format')).toHaveValue('DD.MM.YYYY');

  // The preview shows parsed values the UI language's way (English here): æøå decoded, the file's
  // `1 234,50` as an amount, `7,5` hours, `03.11.2026` as a date.
  await expect(page.getByTestId('preview-2-comment')).toHaveText('Møte med Ærlig Økonomi på Tøyen');
  await expect(page.getByTestId('preview-3-comment')).toHaveText('Gjennomgang av løsning – fase 2');
  await expect(page.getByTestId('preview-2-rate')).toHaveText('1,234.50');
  await expect(page.getByTestId('preview-2-hours')).toHaveText('7.5');
  await expect(page.getByTestId('preview-2-date')).toHaveText('3 Nov 2026');

  // "Ansattnummer x" is no known header: map it by hand.
  await expect(page.getByTestId('map-employeeNumber')).toHaveValue('');
  await page.getByTestId('map-employeeNumber').selectOption('Ansattnummer x');
  await expect(page.getByTestId('preview-2-employeeNumber')).toHaveText('1001');

  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('count-new')).toHaveText('3');
  await expect(page.getByTestId('count-rejected')).toHaveText('0');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toContainText('Imported 3 new');
  await expect(page.getByTestId('history-row')).toHaveCount(1);

  await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Time records' }).click();
  await page.getByTestId('filter-search').fill('Ærlig');
  const rows = page.getByTestId('time-records-table').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Møte med Ærlig Økonomi på Tøyen');
  await expect(rows.first()).toContainText('1,234.50');

  await openImport(page);
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByTestId('history-undo').click();
  await expect(page.getByTestId('undo-message')).toHaveText('Undone: 3 records removed, 0 restored.');
  await expect(page.getByTestId('history-status')).toContainText('Undone');

  await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Time records' }).click();
  await page.getByTestId('filter-search').fill('Ærlig');
  await expect(page.getByTestId('time-records-table').locator('tbody tr')).toHaveText([/No rows/]);
});

test('customers into an empty browser: the company is created, rejected rows block until the valid rows are chosen', async ({
  page,
}) => {
  await page.goto('/#/import');
  await page.getByTestId('import-kind').selectOption('customers');
  await page.getByTestId('import-file').setInputFiles(fixture('kunder-windows-1252.csv'));
  await expect(page.getByTestId('preview-2-name')).toHaveText('Blåbær & Søn AS');
  // A constant for a field the file lacks.
  await page.getByTestId('map-countryCode').selectOption({ label: 'a constant value…' });
  await page.getByTestId('const-countryCode').fill('NO');
  await page.getByTestId('const-countryCode').blur();
  await expect(page.getByTestId('preview-2-countryCode')).toHaveText('NO');
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('count-new')).toHaveText('2');
  await expect(page.getByTestId('count-rejected')).toHaveText('1');
  await expect(page.getByTestId('rejected-row')).toHaveText(['4Navnname is required']);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-rejected').click()]);
  expect(readFileSync((await download.path())!, 'utf8')).toBe(
    'line,error,Kundenr,Navn,Org.nr,Poststed,Betalingsfrist\r\n4,Navn: name is required,50003,,923456783,Oslo,14\r\n',
  );
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  await page.getByTestId('allow-partial').check();
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await expect(page.getByTestId('company-name')).toHaveText('My company');

  await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByTestId('customers-table').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('customers-table')).toContainText('Ærlig Økonomi AS');
});
