import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

async function loadDemo(page: Page) {
  await page.goto('/');
  await page.getByTestId('load-demo-NO').click();
  await expect(page).toHaveURL(/#\/invoices/);
}

async function openSettings(page: Page) {
  await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByTestId('template-settings')).toBeVisible();
}

test('a layout copied from Xero, with a changed header, is tested, saved and used by an export', async ({ page }) => {
  await loadDemo(page);
  await openSettings(page);

  const templates = page.getByTestId('template-settings');
  await templates.getByTestId('new-template').click();
  const source = templates.getByTestId('new-template-source');
  const xero = source.locator('option', { hasText: /^Xero/ }).first();
  await source.selectOption({ value: (await xero.getAttribute('value'))! });
  await templates.getByTestId('new-template-create').click();

  const editor = page.getByTestId('template-editor');
  await expect(editor.getByTestId('column-header-0')).toHaveValue('*ContactName');
  await editor.getByTestId('column-header-0').fill('Customer');
  await editor.getByTestId('template-name').fill('Xero with Customer');

  await editor.getByTestId('template-sample-size').fill('5');
  // The copy guesses no Xero tax rate name: an unmapped VAT code is an error until the user maps it.
  await editor.getByTestId('template-test').click();
  await expect(editor).toContainText('has no Xero tax rate');
  await editor
    .getByLabel('Liquid of column 22')
    .fill(
      '{% case line.vatCode %}{% when "3" %}25% (VAT on Income){% when "31" %}15% (VAT on Income){% when "33" %}12% (VAT on Income){% when "5" %}No VAT{% when "6" %}No VAT{% else %}{{ "" | required: "unmapped" }}{% endcase %}',
    );
  await editor.getByTestId('template-test').click();
  await expect(editor).not.toContainText('has no Xero tax rate');
  const output = editor.getByTestId('template-output');
  await expect(output).toContainText(/^Customer,EmailAddress,/);
  // Windows line breaks are shown as markers.
  await expect(output).toContainText('␍␊');
  await expect(editor.getByTestId('template-test-file-name')).toHaveText(/^XERO-INVOICES_\d{14}\.csv$/);

  await editor.getByTestId('template-save').click();
  await expect(templates.getByTestId('template-status')).toHaveText('Saved Xero with Customer.');
  await expect(templates.getByTestId('template-row')).toHaveCount(1);
  await expect(templates.getByTestId('template-row')).toContainText('Layout');

  const settings = page.getByTestId('export-settings');
  await settings.getByTestId('new-config').click();
  await settings.getByTestId('target-template').check();
  await settings.getByTestId('config-template').selectOption({ label: 'Xero with Customer (Invoices)' });
  await settings.getByTestId('config-name').fill('Xero by template');
  await settings.getByTestId('save-config').click();
  await expect(settings.getByRole('status')).toHaveText('Saved Xero by template.');

  // The template is in use now: deleting it is refused, naming the export.
  page.once('dialog', (dialog) => dialog.accept());
  await templates.getByTestId('template-delete').click();
  await expect(templates.getByTestId('template-error')).toContainText('"Xero by template"');

  await page.getByTestId('notifications-button').click();
  await page.getByTestId('menu-export-to-accounting').click();
  await expect(page.getByTestId('export-summary')).toBeVisible();
  await page.getByTestId('export-config').selectOption({ label: 'Xero by template (Xero with Customer)' });
  await expect(page.getByTestId('export-summary')).toContainText('Xero by template');
  const run = page.getByTestId('run-export');
  await expect(run).toBeVisible();
  const accept = page.getByTestId('accept-warnings');
  if (await accept.isVisible()) await accept.check();

  const [download] = await Promise.all([page.waitForEvent('download'), run.click()]);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(download.suggestedFilename()).toMatch(/^XERO-INVOICES_\d{14}\.csv$/);
  expect(text.split('\r\n')[0]).toContain('Customer');
  expect(text.split('\r\n')[0]).not.toContain('*ContactName');
  await expect(page.getByTestId('export-done')).toBeVisible();
});

test('a template that loops for ever is stopped by a limit, and the page keeps working', async ({ page }) => {
  await loadDemo(page);
  await openSettings(page);

  const templates = page.getByTestId('template-settings');
  await templates.getByTestId('new-template').click();
  await templates.getByTestId('new-template-source').selectOption('blank-text');
  await templates.getByTestId('new-template-create').click();

  const editor = page.getByTestId('template-editor');
  const content = editor.getByTestId('template-content');
  // A syntax error is shown at its line while typing.
  await content.fill('line one\n{% for i in invoices %}{{ i.number }');
  await expect(editor.getByTestId('template-check-errors')).toContainText(/Line 2, column \d+/);

  await content.fill('{% for i in (1..100000000) %}{% for j in (1..100000000) %}x{% endfor %}{% endfor %}');
  await expect(editor.getByTestId('template-check-ok')).toBeVisible();
  await editor.getByTestId('template-test').click();
  await expect(editor.getByTestId('template-test-error')).toContainText(/Stopped: .*limit/);
  await expect(editor.getByTestId('template-test')).toBeEnabled();

  await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByRole('heading', { name: 'Customers' })).toBeVisible();
  await openSettings(page);
  await expect(templates.getByTestId('new-template')).toBeEnabled();
});

test('a template worker that does not answer is replaced after the hard timeout', async ({ page }) => {
  test.setTimeout(90_000);
  // Swallow the first "render" call to the template worker, as a worker stuck in a loop would.
  await page.addInitScript(() => {
    const NativeWorker = window.Worker;
    let swallowed = false;
    window.Worker = class extends NativeWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        if (!String(url).includes('template-worker')) return;
        const post = this.postMessage.bind(this) as (message: unknown, transfer?: Transferable[]) => void;
        this.postMessage = (message: unknown, transfer?: unknown) => {
          const path = (message as { path?: string[] } | null)?.path;
          if (!swallowed && path?.[0] === 'render') {
            swallowed = true;
            return;
          }
          post(message, transfer as Transferable[]);
        };
      }
    };
  });
  await loadDemo(page);
  await openSettings(page);

  const templates = page.getByTestId('template-settings');
  await templates.getByTestId('new-template').click();
  await templates.getByTestId('new-template-source').selectOption('blank-layout');
  await templates.getByTestId('new-template-create').click();
  const editor = page.getByTestId('template-editor');
  await editor.getByTestId('template-test').click();
  await expect(editor.getByTestId('template-test')).toHaveText('Testing…');
  // The page keeps working while the worker is stuck.
  await editor.getByTestId('template-name').fill('Still typing');
  await expect(editor.getByTestId('template-test-error')).toContainText('did not finish within 15 seconds', {
    timeout: 30_000,
  });

  // A new worker answers the next test.
  await editor.getByTestId('template-test').click();
  await expect(editor.getByTestId('template-output')).toContainText(/^Number;Date;Customer;Total/);
  await expect(editor.getByTestId('template-test-error')).toHaveCount(0);
});

test('download a template as JSON, import it back, duplicate and rename; a bad file is refused with a clear error', async ({
  page,
}) => {
  await loadDemo(page);
  await openSettings(page);
  const templates = page.getByTestId('template-settings');
  await templates.getByTestId('new-template').click();
  await templates.getByTestId('new-template-source').selectOption('blank-text');
  await templates.getByTestId('new-template-create').click();
  await page.getByTestId('template-name').fill('Invoice list');
  await page.getByTestId('template-save').click();
  await expect(templates.getByTestId('template-row')).toHaveCount(1);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    templates.getByTestId('template-download').click(),
  ]);
  expect(download.suggestedFilename()).toBe('Invoice list.exportdesk-template.json');
  const json = readFileSync((await download.path())!, 'utf8');
  expect(JSON.parse(json)).toMatchObject({
    format: 'exportdesk-template',
    version: 1,
    template: { name: 'Invoice list', kind: 'text' },
  });

  await templates
    .getByTestId('template-import')
    .setInputFiles({ name: 'list.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await expect(templates.getByTestId('template-status')).toHaveText('Imported list.json.');
  await expect(templates.getByTestId('template-row')).toHaveCount(2);

  const newer = JSON.stringify({ ...JSON.parse(json), version: 99 });
  await templates
    .getByTestId('template-import')
    .setInputFiles({ name: 'new.json', mimeType: 'application/json', buffer: Buffer.from(newer) });
  await expect(templates.getByTestId('template-error')).toContainText('made by a newer Exportdesk');
  await expect(templates.getByTestId('template-row')).toHaveCount(2);

  await templates.getByTestId('template-duplicate').first().click();
  await expect(templates.getByTestId('template-row')).toHaveCount(3);
  await expect(templates.getByTestId('template-list')).toContainText('Invoice list (copy)');

  await templates.getByTestId('template-rename').first().click();
  await templates.getByTestId('template-rename-input').fill('Fakturaliste');
  await templates.getByTestId('template-rename-save').click();
  await expect(templates.getByTestId('template-list')).toContainText('Fakturaliste');
});
