import { expect, test } from '@playwright/test';

test('lists show names beside numbers, statuses as words, and a search by name finds the records', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('load-demo-NO').click();
  await expect(page).toHaveURL(/#\/invoices/);

  const invoices = page.getByTestId('invoices-table');
  const first = invoices.locator('tbody tr').first();
  await expect(first).toBeVisible();
  // The customer column: the number and the customer's name (Number, Type, Customer, ...).
  const customerCell = first.locator('td').nth(2);
  await expect(customerCell).toHaveText(/^\d+ \S.+/);
  const [customerNumber, ...nameWords] = (await customerCell.textContent())!.trim().split(' ');
  const customerName = nameWords.join(' ');
  const invoiceNumber = (await first.locator('td').first().textContent())!.trim();
  await expect(first.locator('td').nth(5)).toHaveText(/^(Draft|Finalized)$/);

  // Searching by part of the name, in lower case, lists that customer's invoices, this one among them.
  const word = customerName.split(' ')[0]!.toLowerCase();
  await page.getByTestId('filter-search').fill(word);
  await expect(page.getByTestId('invoices-table-page')).toContainText(/rows/);
  const customers = invoices.locator('tbody tr td:nth-child(3)');
  await expect
    .poll(async () => (await customers.allTextContents()).every((text) => text.toLowerCase().includes(word)))
    .toBe(true);
  await expect(invoices.locator('tbody tr td:first-child', { hasText: invoiceNumber })).toHaveCount(1);
  expect(customerNumber).toMatch(/^\d+$/);

  // Time records and claims by co-worker name (the Norwegian demo has Kari Ødegård).
  // Wait for each page's own table before typing: the search box of the page being left is still there for a moment
  // while the next page loads on demand, and a search typed into it would be lost.
  await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Time records' }).click();
  await expect(page.getByTestId('time-records-table')).toBeVisible();
  await page.getByTestId('filter-search').fill('kari');
  const records = page.getByTestId('time-records-table').locator('tbody tr');
  const employees = page.getByTestId('time-records-table').locator('tbody tr td:nth-child(2)');
  await expect
    .poll(async () => {
      const texts = await employees.allTextContents();
      return texts.length > 0 && texts.every((text) => /^\d+ Kari Ødegård$/.test(text));
    })
    .toBe(true);
  await expect(records.first()).toContainText('Kari Ødegård');

  await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Claims' }).click();
  await expect(page.getByTestId('claims-table')).toBeVisible();
  await page.getByTestId('filter-search').fill('ØDEGÅRD');
  const claims = page.getByTestId('claims-table').locator('tbody tr');
  const claimants = page.getByTestId('claims-table').locator('tbody tr td:nth-child(3)');
  await expect
    .poll(async () => {
      const texts = await claimants.allTextContents();
      return texts.length > 0 && texts.every((text) => text.endsWith('Kari Ødegård'));
    })
    .toBe(true);
  await expect(claims.first()).toContainText('Kari Ødegård');
  await expect(claims.first().locator('td').nth(3)).toHaveText(/^(Draft|Submitted|Approved|Paid|Rejected)$/);
});
