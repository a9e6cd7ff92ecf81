/**
 * axe on every page and main dialog, with the demo company: English in the light and the dark theme,
 * Norwegian and Swedish in the light theme. Pages are reached by their routes and controls by test id,
 * so the walk does not depend on the UI's language; the language is stored under the app's own
 * localStorage key (src/ui/i18n/locale.svelte.ts) before the app starts.
 * Every screen is checked and the violations are listed together at the end, so one run shows them all.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const LANG_KEY = 'exportdesk.locale';
const WALKS = [
  { lang: 'en', colorScheme: 'light' },
  { lang: 'en', colorScheme: 'dark' },
  { lang: 'nb', colorScheme: 'light' },
  { lang: 'sv', colorScheme: 'light' },
] as const;
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/e2e/${name}`, import.meta.url));

/** Each screen's violations, as `screen: rule (count) targets`. */
type Found = string[];

async function check(page: Page, screen: string, found: Found): Promise<void> {
  // Let transitions and live lists settle before the scan.
  await page.waitForTimeout(150);
  const result = await new AxeBuilder({ page }).analyze();
  for (const v of result.violations) {
    const targets = v.nodes
      .slice(0, 4)
      .map((n) => n.target.join(' '))
      .join(' | ');
    found.push(`${screen}: ${v.id} (${v.nodes.length}) ${targets}`);
  }
}

async function go(page: Page, route: string) {
  await page.evaluate((hash) => (window.location.hash = hash), route);
  await page.waitForFunction((hash) => window.location.hash === hash, route);
  await expect(page.locator('main h1').first()).toBeVisible();
}

for (const { lang: LANG, colorScheme } of WALKS) {
  test.describe(`${colorScheme} theme, ${LANG}`, () => {
    test.use({ colorScheme });

    test('every page and dialog passes axe', async ({ page }) => {
      test.setTimeout(240_000);
      await page.addInitScript(([key, lang]) => localStorage.setItem(key!, lang!), [LANG_KEY, LANG]);
      const found: Found = [];

      await page.goto('/');
      await expect(page.getByTestId('load-demo-NO')).toBeVisible();
      await check(page, 'start', found);
      await page.getByTestId('load-demo-NO').click();
      await expect(page).toHaveURL(/#\/(invoices|overview)/);

      // The Overview with its figures and chart (the worker has answered).
      await go(page, '#/overview');
      await expect(page.getByTestId('overview-chart')).toBeVisible();
      await page.getByTestId('overview').locator('summary').click();
      await expect(page.getByTestId('overview-chart-table').locator('tbody tr')).toHaveCount(12);
      for (const route of ['#/overview', '#/invoices', '#/time-records', '#/claims', '#/customers', '#/projects']) {
        await go(page, route);
        await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
        await check(page, route, found);
      }
      await go(page, '#/users');
      await check(page, '#/users', found);

      // A register form, a record form.
      await go(page, '#/customers?new=customer');
      await check(page, 'customer form', found);
      await go(page, '#/time-records');
      await page.getByTestId('open-period-export').click();
      await expect(page.getByTestId('period-export-dialog')).toBeVisible();
      await check(page, 'period export dialog', found);
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('period-export-dialog')).toHaveCount(0);

      // The bell menu and the range dialog.
      await go(page, '#/invoices');
      await page.getByTestId('notifications-button').click();
      await expect(page.getByRole('menu')).toBeVisible();
      await check(page, 'bell menu', found);
      await page.keyboard.press('Escape');
      await page.getByTestId('open-range-dialog').click();
      await expect(page.getByTestId('range-dialog')).toBeVisible();
      await check(page, 'range dialog', found);
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('range-dialog')).toHaveCount(0);

      // An export run, then Exported files with that batch reverted.
      await page.getByTestId('notifications-button').click();
      await page.getByTestId('menu-export-to-accounting').click();
      await expect(page.getByTestId('export-summary')).toBeVisible();
      await check(page, 'export run', found);
      await page.getByTestId('accept-warnings').check();
      await Promise.all([page.waitForEvent('download'), page.getByTestId('run-export').click()]);
      await expect(page.getByTestId('export-done')).toBeVisible();
      await check(page, 'export done', found);
      await go(page, '#/exported-files');
      await expect(page.getByTestId('batch-row')).toHaveCount(1);
      page.once('dialog', (dialog) => dialog.accept());
      await page.getByTestId('batch-revert').click();
      await expect(page.getByTestId('batch-revert')).toHaveCount(0);
      await check(page, 'exported files, reverted batch', found);

      // Settings: export settings form, a template with its test output.
      await go(page, '#/settings');
      await check(page, '#/settings', found);
      const settings = page.getByTestId('export-settings');
      await settings.getByTestId('new-config').click();
      await expect(settings.getByTestId('config-name')).toBeVisible();
      await check(page, 'export settings form', found);
      const templates = page.getByTestId('template-settings');
      await templates.getByTestId('new-template').click();
      await templates.getByTestId('new-template-create').click();
      const editor = page.getByTestId('template-editor');
      await editor.getByTestId('template-sample-size').fill('3');
      await editor.getByTestId('template-test').click();
      await expect(editor.getByTestId('template-output')).toBeVisible();
      await check(page, 'template editor with test output', found);

      // The import wizard: kind, file, mapping, check, result.
      await go(page, '#/import');
      await check(page, 'import: kind', found);
      await page.getByTestId('import-kind').selectOption('timeRecords');
      await page.getByTestId('import-file').setInputFiles(fixture('timer-windows-1252.csv'));
      await expect(page.getByTestId('mapping-table')).toBeVisible();
      await check(page, 'import: settings and column mapping', found);
      await page.getByTestId('map-employeeNumber').selectOption('Ansattnummer x');
      await page.getByTestId('import-check').click();
      await expect(page.getByTestId('count-new')).toBeVisible();
      await check(page, 'import: check result', found);
      await page.getByTestId('import-commit').click();
      await expect(page.getByTestId('import-done')).toBeVisible();
      await check(page, 'import: done', found);

      expect(found, found.join('\n')).toEqual([]);
    });
  });
}
