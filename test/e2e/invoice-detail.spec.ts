import { expect, test, type Page } from '@playwright/test';

/** MOD10 (Luhn) over the whole KID, check digit included: the test's own check, not the app's. */
function luhnValid(kid: string): boolean {
  if (!/^\d{2,25}$/.test(kid)) return false;
  let sum = 0;
  for (let i = kid.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = Number(kid[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

async function openNav(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name, exact: true }).click();
}

test('a new invoice at 25 % and 15 % is finalized with the next number and a KID, credited, and locked', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByTestId('load-demo-NO').click();
  await expect(page.getByTestId('invoices-table').locator('tbody tr').first()).toBeVisible();

  // Settings → Company: the company uses KID, MOD10, customer number and invoice number.
  await openNav(page, 'Settings');
  const numbering = page.getByTestId('invoice-numbering');
  await expect(numbering.getByTestId('next-invoice-number')).not.toHaveValue('');
  const expectedNumber = await numbering.getByTestId('next-invoice-number').inputValue();
  expect(expectedNumber).toMatch(/^\d+$/);
  await numbering.getByTestId('use-kid').check();
  await numbering.getByTestId('kid-scheme').selectOption('mod10');
  await numbering.getByTestId('kid-customer-digits').fill('6');
  await numbering.getByTestId('kid-invoice-digits').fill('7');
  await numbering.getByTestId('save-invoice-numbering').click();
  await expect(numbering.getByRole('status')).toHaveText('Invoice numbering saved.');

  // New invoice: a draft with two lines, one at 25 % and one at 15 %.
  await openNav(page, 'Invoices');
  await page.getByRole('button', { name: 'New invoice' }).click();
  await expect(page).toHaveURL(/#\/invoices\/[\w-]+$/);
  await expect(page.getByTestId('invoice-title')).toHaveText('Draft invoice');
  const customer = page.getByTestId('draft-customer');
  const customerNumber = await customer.locator('option').nth(1).getAttribute('value');
  await customer.selectOption(customerNumber!);
  await page.getByRole('button', { name: 'Add line' }).click();
  await page.getByRole('button', { name: 'Add line' }).click();
  await page.getByTestId('line-description-0').fill('Rådgivning');
  await page.getByTestId('line-unit-price-0').fill('1000.00');
  await page.getByTestId('line-vat-code-0').selectOption('3');
  await page.getByTestId('line-description-1').fill('Lunsj');
  await page.getByTestId('line-quantity-1').fill('2');
  // Typed key by key, as a person does: the field keeps the text while it is being typed.
  await page.getByTestId('line-unit-price-1').fill('');
  await page.getByTestId('line-unit-price-1').pressSequentially('150.5');
  await page.getByTestId('line-unit-price-1').press('Backspace');
  await expect(page.getByTestId('line-unit-price-1')).toHaveValue('150.');
  await page.getByTestId('line-vat-code-1').selectOption('31');

  await page.getByRole('button', { name: 'Finalize' }).click();
  await expect(page.getByTestId('invoice-title')).toHaveText(`Invoice ${expectedNumber}`);
  await expect(page.getByTestId('invoice-number')).toHaveText(expectedNumber);
  const kid = (await page.getByTestId('invoice-kid').textContent())!.trim();
  expect(kid).toBe(customerNumber!.padStart(6, '0') + expectedNumber.padStart(7, '0') + kid.slice(-1));
  expect(luhnValid(kid)).toBe(true);

  // Totals per VAT rate: 1 000.00 at 25 %, 2 × 150.00 at 15 %.
  const totals = page.getByTestId('vat-totals');
  await expect(totals.getByTestId('vat-total-25')).toContainText('NOK 1,000.00');
  await expect(totals.getByTestId('vat-total-25')).toContainText('NOK 250.00');
  await expect(totals.getByTestId('vat-total-15')).toContainText('NOK 300.00');
  await expect(totals.getByTestId('vat-total-15')).toContainText('NOK 45.00');
  await expect(totals.getByTestId('invoice-total')).toContainText('NOK 1,595.00');

  // No edit controls on a finalized invoice; the page says why where they would be.
  const invoiceUrl = page.url();
  await expect(page.getByTestId('locked-note')).toContainText('cannot be edited or deleted');
  for (const name of ['Add line', 'Finalize', 'Save draft', 'Delete draft'])
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  await expect(page.getByTestId('invoice-lines').locator('input, select')).toHaveCount(0);
  await expect(page.getByTestId('draft-header')).toHaveCount(0);

  // Create credit note for the 15 % line only.
  await page.getByRole('button', { name: 'Create credit note' }).click();
  await expect(page.getByTestId('invoice-title')).toHaveText('Draft credit note');
  await expect(page.getByTestId('line-quantity-0')).toHaveValue('1');
  await expect(page.getByTestId('line-quantity-1')).toHaveValue('2');
  await page.getByTestId('line-quantity-0').fill('0');
  await page.getByRole('button', { name: 'Finalize' }).click();
  const creditNumber = String(BigInt(expectedNumber) + 1n);
  await expect(page.getByTestId('invoice-title')).toHaveText(`Credit note ${creditNumber}`);
  await expect(page.getByTestId('invoice-lines').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('vat-total-15')).toContainText(/-NOK\s?300\.00/);
  await expect(page.getByTestId('vat-total-25')).toHaveCount(0);

  // The two pages link to each other.
  await page.getByTestId('credited-invoice-link').click();
  await expect(page).toHaveURL(invoiceUrl);
  await expect(page.getByTestId('invoice-title')).toHaveText(`Invoice ${expectedNumber}`);
  const creditLink = page.getByTestId('credit-note-link');
  await expect(creditLink).toHaveText(`Credit note ${creditNumber}`);
  await creditLink.click();
  await expect(page.getByTestId('invoice-title')).toHaveText(`Credit note ${creditNumber}`);
  await expect(page.getByTestId('locked-note')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Finalize' })).toHaveCount(0);

  // The Invoices list opens an invoice by its row.
  await openNav(page, 'Invoices');
  const row = page.getByTestId('invoices-table').locator('tbody tr', { hasText: expectedNumber }).first();
  await page.getByTestId('filter-search').fill(expectedNumber);
  await row.locator('td').first().click();
  await expect(page.getByTestId('invoice-title')).toHaveText(`Invoice ${expectedNumber}`);
});
