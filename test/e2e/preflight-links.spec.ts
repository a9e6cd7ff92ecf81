import { expect, test, type Page } from '@playwright/test';
import { DEMO_NOW } from '../helpers/demo-export.ts';

/**
 * Issue 13, steps 5–6 of "Must show", and issue 12's link to a setting: a customer renamed in its
 * form shows by its new name on the Invoices page and is found by it; a pre-flight issue about the
 * customer links to its form, and after Save the export run comes back with its choice kept and
 * the check run again, without the issue. An issue about a setting opens that setting.
 */

test.use({ timezoneId: 'UTC' });

async function loadDemo(page: Page) {
  await page.clock.setFixedTime(new Date(`${DEMO_NOW}Z`));
  await page.goto('/');
  await page.getByTestId('load-demo-NO').click();
  await expect(page).toHaveURL(/#\/invoices/);
}

function form(page: Page) {
  return page.getByTestId('register-form');
}

test('a pre-flight issue about a customer opens its form; fixing it clears the issue on the run page', async ({
  page,
}) => {
  await loadDemo(page);
  // The first invoice's customer, as the Invoices list shows it ("number name").
  const firstCustomer = (
    await page.getByTestId('invoices-table').locator('tbody tr').first().locator('td').nth(2).innerText()
  ).trim();
  const customerNumber = firstCustomer.split(' ')[0]!;

  // Rename the customer and take away its address, which SG Finans needs.
  await page.goto(`/#/customers?customer=${customerNumber}`);
  await form(page).getByLabel('Name', { exact: true }).fill('Nordlys Testkunde AS');
  await form(page).getByLabel('Address', { exact: true }).fill('');
  await form(page).getByLabel('Address line 2').fill('');
  await form(page).getByRole('button', { name: 'Save' }).click();
  await expect(form(page)).toHaveCount(0);

  // Step 5: the Invoices list shows the new name, and a search by it finds the customer's invoices.
  await page.goto('/#/invoices');
  await page.getByRole('searchbox').fill('testkunde');
  const rows = page.getByTestId('invoices-table').locator('tbody tr');
  await expect(rows.first()).toContainText(`${customerNumber} Nordlys Testkunde AS`);

  // Step 6: the factoring run's pre-flight names the customer, with a link to its form.
  await page.goto('/#/export?purpose=factoring');
  const issueAbout = page.getByTestId('issue-error').filter({ hasText: 'the address is required' });
  await expect(issueAbout).toHaveCount(1);
  const configBefore = await page.getByTestId('export-config').inputValue();
  await issueAbout.getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`customer=${customerNumber}`));
  await form(page).getByLabel('Address', { exact: true }).fill('Storgata 1');
  await form(page).getByRole('button', { name: 'Save' }).click();

  // Back on the run page, the same export chosen, checked again: the issue is gone.
  await expect(page).toHaveURL(/#\/export\?config=/);
  await expect(page.getByTestId('export-config')).toHaveValue(configBefore);
  await expect(page.getByTestId('summary-count')).toBeVisible();
  await expect(page.getByTestId('issue-error').filter({ hasText: 'the address is required' })).toHaveCount(0);
});

test('an issue about a mapping setting opens its table; mapping every row clears it', async ({ page }) => {
  await loadDemo(page);
  // GBAT10 (the demo's accounting export) warns once that payment terms have no Mamut code yet.
  await page.goto('/#/export');
  const unmapped = page.getByTestId('issue-warning').filter({ hasText: 'Payment terms left empty' });
  await expect(unmapped).toHaveCount(1);
  await unmapped.getByTestId('issue-setting-link').click();
  await expect(page).toHaveURL(/#\/settings\?export=demo-accounting&setting=paymentTermsCodes/);

  // The setting is a table: the payment terms the customers use down the side, one input each.
  const table = page.getByTestId('mapping-paymentTermsCodes');
  const inputs = table.locator('tbody input');
  await expect(inputs.first()).toBeFocused();
  const count = await inputs.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    await inputs.nth(i).fill(String(i + 1));
    await inputs.nth(i).blur();
  }
  await page.getByTestId('export-settings').getByRole('button', { name: 'Save' }).click();

  // Back on the run, checked again: the warning is gone.
  await expect(page).toHaveURL(/#\/export\?config=demo-accounting/);
  await expect(page.getByTestId('summary-count')).toBeVisible();
  await expect(page.getByTestId('issue-warning').filter({ hasText: 'Payment terms left empty' })).toHaveCount(0);
});
