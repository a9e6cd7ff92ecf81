/**
 * Issue 16 item 8: the app talks to no other origin and runs under its Content-Security-Policy
 * without a violation. Every request of the page, its workers and its service worker is recorded
 * while the demo is loaded, every page is opened, a template is tested and an export is run; a
 * request to another origin, or a CSP violation, fails the test.
 */
import { expect, test, type Page } from '@playwright/test';

const PAGES = [
  ['/invoices', 'Invoices'],
  ['/time-records', 'Time records'],
  ['/claims', 'Claims'],
  ['/customers', 'Customers'],
  ['/projects', 'Projects'],
  ['/users', 'Users'],
  ['/import', 'Import'],
  ['/exported-files', 'Exported files'],
  ['/settings', 'Settings'],
] as const;

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

test('every page, a template test and an export: no request leaves the origin, no CSP violation', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL!).origin;
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const consoleProblems: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) consoleProblems.push(message.text());
  });
  page.on('pageerror', (error) => consoleProblems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    const found: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = found;
    document.addEventListener('securitypolicyviolation', (e) =>
      found.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });

  const response = await page.goto('/');
  // The preview server sends the header policy (vite.config.ts), with what a meta tag cannot carry.
  expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await page.getByTestId('load-demo-NO').click();
  await expect(page).toHaveURL(/#\/invoices/);

  const nav = page.getByRole('navigation', { name: 'main' });
  for (const [route, name] of PAGES) {
    await nav.getByRole('link', { name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`#${route}`));
    await expect(page.getByRole('heading').first()).toBeVisible();
  }

  // The template worker, liquidjs and the encoders, under the policy.
  const templates = page.getByTestId('template-settings');
  await templates.getByTestId('new-template').click();
  await templates.getByTestId('new-template-source').selectOption('blank-text');
  await templates.getByTestId('new-template-create').click();
  const editor = page.getByTestId('template-editor');
  await editor
    .getByTestId('template-content')
    .fill('{% for i in invoices %}{{ i.number | pad_left: 8 }}\n{% endfor %}');
  await editor.getByTestId('template-test').click();
  await expect(editor.getByTestId('template-output')).toContainText(/\d/);
  await editor.getByTestId('template-cancel').click();

  // An export: the export worker, the pipeline, a download.
  await page.getByTestId('notifications-button').click();
  await page.getByTestId('menu-export-to-accounting').click();
  await page.getByTestId('accept-warnings').check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('run-export').click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  await expect(page.getByTestId('export-done')).toBeVisible();

  const elsewhere = requests.filter((url) => {
    const { protocol } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:') return false;
    return new URL(url).origin !== origin;
  });
  expect(requests.length).toBeGreaterThan(10);
  expect(elsewhere).toEqual([]);
  expect(await violations(page)).toEqual([]);
  expect(consoleProblems).toEqual([]);
});
