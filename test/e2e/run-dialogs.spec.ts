import { expect, test, type Page } from '@playwright/test';

async function loadDemo(page: Page) {
  await page.goto('/');
  await page.getByTestId('load-demo-NO').click();
  await expect(page).toHaveURL(/#\/invoices/);
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'main' }).getByRole('link', { name }).click();

test('a new export takes the name of the system chosen for it, until a name is typed', async ({ page }) => {
  await loadDemo(page);
  await nav(page, 'Settings');
  const settings = page.getByTestId('export-settings');
  await settings.getByTestId('new-config').click();
  const name = settings.getByTestId('config-name');
  await expect(name).not.toHaveValue('');
  await settings.getByTestId('config-format').selectOption('xero');
  await expect(name).toHaveValue('Xero sales invoices (CSV)');
  await settings.getByTestId('save-config').click();
  await expect(settings.getByRole('status')).toHaveText('Saved Xero sales invoices (CSV).');
  // Its name and its target are both Xero's.
  await expect(settings.getByRole('cell', { name: 'Xero sales invoices (CSV)', exact: true })).toHaveCount(2);

  // A typed name stays when the system changes afterwards.
  await settings.getByTestId('new-config').click();
  await name.fill('My ledger');
  await settings.getByTestId('config-format').selectOption('xero');
  await expect(name).toHaveValue('My ledger');
  await settings.getByRole('button', { name: 'Cancel' }).click();

  // The export menu names it after its system, not after the first one in the list (and, the name
  // being the system's, does not say the system twice).
  await page.getByTestId('notifications-button').click();
  await page.getByTestId('menu-export-to-accounting').click();
  await expect(page.getByTestId('export-config').locator('option', { hasText: /^Xero sales invoices/ })).toHaveText(
    'Xero sales invoices (CSV)',
  );
});

test('Escape closes the range dialog and the period export dialog, with the focus back on the opener', async ({
  page,
}) => {
  await loadDemo(page);
  const opener = page.getByTestId('open-range-dialog');
  await opener.click();
  const dialog = page.getByTestId('range-dialog');
  await expect(dialog).toBeVisible();
  // The modal dialog holds the focus: its first field (the purpose) has it.
  await expect(dialog.getByTestId('range-purpose')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();

  // Again, after typing in it (the page may refuse a native close only once without a click).
  await opener.click();
  await dialog.getByTestId('range-from').fill('10010');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();

  // The Close button returns the focus too.
  await opener.click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();

  await nav(page, 'Time records');
  const periodOpener = page.getByTestId('open-period-export');
  await periodOpener.click();
  const period = page.getByTestId('period-export-dialog');
  await expect(period.getByTestId('period-from')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(period).toHaveCount(0);
  await expect(periodOpener).toBeFocused();
});

test('the bell menu: Enter opens it on its first item, the arrows, Home and End move, Escape and Tab close it', async ({
  page,
}) => {
  await loadDemo(page);
  const bell = page.getByTestId('notifications-button');
  await expect(page.getByTestId('notifications-badge')).toHaveText(/^\d+$/);
  const menu = page.getByRole('menu');
  const items = menu.getByRole('menuitem');

  await bell.focus();
  await page.keyboard.press('Enter');
  await expect(bell).toHaveAttribute('aria-expanded', 'true');
  await expect(items.first()).toBeFocused();
  const count = await items.count();
  expect(count).toBeGreaterThan(0);
  const last = count - 1;
  // Down and up wrap at the ends; Home and End jump (with one item, each stays on it).
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1 % count)).toBeFocused();
  await page.keyboard.press('End');
  await expect(items.nth(last)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(items.nth(last)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(items.first()).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(bell).toHaveAttribute('aria-expanded', 'false');
  await expect(bell).toBeFocused();

  // ArrowUp opens it on its last item; Tab closes it and moves on from the bell.
  await page.keyboard.press('ArrowUp');
  await expect(items.nth(last)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(menu).toHaveCount(0);
  await expect(bell).not.toBeFocused();

  // Space opens it too, and Enter on an item follows it.
  await bell.focus();
  await page.keyboard.press(' ');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/export/);
  await expect(menu).toHaveCount(0);

  // A click elsewhere closes it.
  await bell.click();
  await expect(menu).toBeVisible();
  await page.getByRole('heading', { level: 1 }).first().click();
  await expect(menu).toHaveCount(0);
});
