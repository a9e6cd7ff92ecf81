/**
 * Issue 16: a hostile template cannot take the tab down or name a file outside its folder.
 * `{{ "x" | pad_left: 300000000 | fit: 5 }}` used to crash the whole tab in Test template; now the
 * filters count toward the render's memory limit and the editor shows the limit error. A file
 * extension that climbs out of the folder is refused in the editor with its own message.
 */
import { expect, test, type Page } from '@playwright/test';

async function newTextTemplate(page: Page) {
  await page.goto('/');
  await page.getByTestId('load-demo-NO').click();
  await expect(page).toHaveURL(/#\/invoices/);
  await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Settings' }).click();
  const templates = page.getByTestId('template-settings');
  await templates.getByTestId('new-template').click();
  await templates.getByTestId('new-template-source').selectOption('blank-text');
  await templates.getByTestId('new-template-create').click();
  return page.getByTestId('template-editor');
}

test('Test template with the filter bomb shows the memory limit error, and the page keeps working', async ({
  page,
}) => {
  let crashed = false;
  page.on('crash', () => (crashed = true));
  const editor = await newTextTemplate(page);
  const content = editor.getByTestId('template-content');
  await content.fill('{{ "x" | pad_left: 300000000 | fit: 5 }}');
  await expect(editor.getByTestId('template-check-ok')).toBeVisible();
  await editor.getByTestId('template-test').click();
  await expect(editor.getByTestId('template-test-error')).toContainText(/Stopped: .*\(memoryLimit\)/);
  await expect(editor.getByTestId('template-test')).toBeEnabled();

  // The same editor, worker and page answer the next test.
  await content.fill('{% for i in invoices limit: 2 %}{{ i.number | pad_left: 8, "0" }}\n{% endfor %}');
  await editor.getByTestId('template-test').click();
  await expect(editor.getByTestId('template-output')).toContainText(/^0+\d+/);
  await expect(editor.getByTestId('template-test-error')).toHaveCount(0);
  await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Customers' }).click();
  await expect(page).toHaveURL(/#\/customers/);
  expect(crashed).toBe(false);
});

test('a file extension that climbs out of the folder is refused in Test template and on save', async ({ page }) => {
  const editor = await newTextTemplate(page);
  await editor.getByTestId('template-name').fill('Escape');
  await editor.getByTestId('template-extension').fill('txt/../../../PWNED.txt');
  await editor.getByTestId('template-test').click();
  await expect(editor).toContainText('holds "/": a file name cannot point into another folder');
  await editor.getByTestId('template-save').click();
  await expect(page.getByText(/cannot point into another folder/).last()).toBeVisible();
  await expect(page.getByTestId('template-settings').getByTestId('template-row')).toHaveCount(0);
});
