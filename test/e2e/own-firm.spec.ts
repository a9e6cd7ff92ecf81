import { expect, test, type Page } from '@playwright/test';

/**
 * Issue 13, a firm's own data: set up the company from an empty app (the org number checked),
 * add a customer, import an invoice of it, rename and renumber the customer (carried to the
 * invoice), a refused delete, and two tabs saving the same customer.
 */

async function go(page: Page, link: string) {
  await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: link, exact: true }).click();
}

function form(page: Page) {
  return page.getByTestId('register-form');
}

const INVOICE_CSV = [
  'number;customerNumber;issueDate;dueDate;line.description;line.quantity;line.unitPrice;line.accountNumber;line.vatCode',
  '1001;20026;2026-11-02;2026-11-16;Rådgivning;2;1250.00;3000;3',
  '',
].join('\n');

test('own firm: set up the company, New customer, import an invoice of it, rename it, delete refused', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Set up your company' }).click();
  await form(page).getByLabel('Name', { exact: true }).fill('Nordkapp Tjenester AS');
  const orgNumber = form(page).getByLabel('Organisation number', { exact: true });
  await orgNumber.fill('123456789');
  await form(page).getByRole('button', { name: 'Save' }).click();
  // Refused at the field, with the reason, and nothing stored.
  await expect(orgNumber).toHaveAttribute('aria-invalid', 'true');
  const problemsId = await orgNumber.getAttribute('aria-describedby');
  await expect(page.locator(`[id="${problemsId}"]`)).toContainText(/\w/);
  await expect(page.getByTestId('company-name')).toHaveCount(0);

  await orgNumber.fill('919399619');
  await expect(orgNumber).toHaveAttribute('aria-invalid', 'false');
  await form(page).getByLabel('Address', { exact: true }).fill('Havnegata 3');
  await form(page).getByLabel('Postal code').fill('9750');
  await form(page).getByLabel('City').fill('Honningsvåg');
  await expect(form(page).getByLabel('Country', { exact: true })).toHaveValue('NO');
  await form(page).getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/#\/invoices/);
  await expect(page.getByTestId('company-name')).toHaveText('Nordkapp Tjenester AS');

  // The country chose the Norwegian starter chart.
  await go(page, 'Settings');
  await expect(page.getByTestId('accounts-table')).toContainText('Kundefordringer');
  await expect(page.getByTestId('vatCodes-table')).toContainText('Utgående merverdiavgift, høy sats');
  await page.getByRole('button', { name: 'Edit company' }).click();
  await expect(form(page).getByLabel('Organisation number', { exact: true })).toHaveValue('919399619');
  await form(page).getByRole('button', { name: 'Cancel' }).click();

  // New customer.
  await go(page, 'Customers');
  await page.getByRole('button', { name: 'New customer' }).click();
  await form(page).getByLabel('Customer number').fill('20026');
  await form(page).getByLabel('Name', { exact: true }).fill('Kvitfjell Bygg AS');
  await form(page).getByLabel('E-mail', { exact: true }).fill('ikke-en-epost');
  await form(page).getByRole('button', { name: 'Save' }).click();
  await expect(form(page).getByLabel('E-mail', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await form(page).getByLabel('E-mail', { exact: true }).fill('post@kvitfjell.no');
  await form(page).getByRole('button', { name: 'Save' }).click();
  await expect(form(page)).toHaveCount(0);
  const customers = page.getByTestId('customers-table').locator('tbody tr');
  await expect(customers).toHaveCount(1);
  await expect(customers.first()).toContainText('Kvitfjell Bygg AS');

  // An invoice CSV that refers to it.
  await go(page, 'Import');
  await page.getByTestId('import-kind').selectOption('invoices');
  await page.getByTestId('import-file').setInputFiles({
    name: 'fakturaer.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(INVOICE_CSV, 'utf8'),
  });
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('count-new')).toHaveText('1');
  await expect(page.getByTestId('count-rejected')).toHaveText('0');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toBeVisible();

  // Rename and renumber the customer: its row opens its form.
  await go(page, 'Customers');
  await customers.first().click();
  await expect(form(page).getByLabel('Name', { exact: true })).toHaveValue('Kvitfjell Bygg AS');
  await form(page).getByLabel('Name', { exact: true }).fill('Kvitfjell Eiendom AS');
  await form(page).getByLabel('Customer number').fill('20027');
  await form(page).getByRole('button', { name: 'Save' }).click();
  await expect(form(page)).toHaveCount(0);
  await expect(customers).toHaveCount(1);
  await expect(customers.first()).toContainText('Kvitfjell Eiendom AS');
  await expect(customers.first()).toContainText('20027');
  // The new number was carried to the invoice.
  await go(page, 'Invoices');
  await expect(page.getByTestId('invoices-table').locator('tbody tr').first()).toContainText('20027');

  // Delete is refused while the invoice refers to the customer.
  await go(page, 'Customers');
  await customers.first().click();
  page.once('dialog', (dialog) => dialog.accept());
  await form(page).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('register-refusal')).toContainText('1 invoice, e.g. 1001');
  await form(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(customers).toHaveCount(1);
});

test('two tabs edit the same customer: the change shows in the other tab, whose save sees both versions', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await page.getByTestId('load-demo-NO').click();
  await expect(page).toHaveURL(/#\/invoices/);
  await go(page, 'Customers');
  await expect(page.getByTestId('customers-table')).toHaveAttribute('aria-busy', 'false');
  const first = page.getByTestId('customers-table').locator('tbody tr').first();
  const number = (await first.locator('td').first().textContent())!.trim();
  const path = `/#/customers?customer=${number}`;

  const other = await context.newPage();
  await other.goto(path);
  await page.goto(path);
  await expect(form(other).getByLabel('Name', { exact: true })).not.toHaveValue('');
  await expect(form(page).getByLabel('Name', { exact: true })).not.toHaveValue('');

  // This tab saves a new city.
  await form(page).getByLabel('City').fill('Vardø');
  await form(page).getByRole('button', { name: 'Save' }).click();
  await expect(form(page)).toHaveCount(0);

  // The other tab is told while its form is open, and its list shows the new city without a reload.
  await expect(other.getByTestId('changed-elsewhere')).toBeVisible();
  await expect(other.getByTestId('customers-table')).toContainText('Vardø');

  // Its save writes nothing and shows both versions; it keeps its own by overwriting.
  await form(other).getByLabel('Name', { exact: true }).fill('Overskrevet AS');
  await form(other).getByRole('button', { name: 'Save' }).click();
  await expect(other.getByTestId('register-conflict')).toBeVisible();
  await expect(other.getByTestId('conflict-city')).toContainText('Vardø');
  await expect(other.getByTestId('conflict-name')).toContainText('Overskrevet AS');
  await other.getByRole('button', { name: 'Overwrite with mine' }).click();
  await expect(form(other)).toHaveCount(0);

  // Both tabs now list the version saved last.
  await expect(page.getByTestId('customers-table')).toContainText('Overskrevet AS');
  await expect(other.getByTestId('customers-table')).toContainText('Overskrevet AS');
});
