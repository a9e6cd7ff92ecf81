import { expect, test, type Page } from '@playwright/test';
import { BAD_FILES } from '../fixtures/bad/make-bad.ts';
import { columns } from '../fixtures/bad/generators.ts';

async function openImport(page: Page) {
  await page.goto('/');
  await page.getByTestId('load-demo-NO').click();
  await expect(page).toHaveURL(/#\/invoices/);
  await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { name: 'Import', exact: true })).toBeVisible();
}

/** The longest task the page ran from now on (PerformanceObserver 'longtask', 50 ms and up). */
async function watchLongTasks(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
    }).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => (window as unknown as { longest: number }).longest);
}

const file = (name: string, buffer: Uint8Array) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(buffer) });

test('a file mixing UTF-8 and Windows-1252 is reported with its line, and read once the user picks the encoding', async ({
  page,
}) => {
  await openImport(page);
  await page.getByTestId('import-file').setInputFiles(file('mixed.csv', BAD_FILES['csv/mixed-utf8-and-1252.csv']!));
  await expect(page.getByTestId('analyze-error')).toContainText('line 2 is UTF-8, but line 3 is not');
  await page.getByTestId('import-read-as').selectOption('windows-1252');
  await expect(page.getByTestId('detected-encoding')).toContainText('windows-1252');
  await expect(page.getByTestId('analyze-error')).toHaveCount(0);
});

test('wide files: 200,000 columns are refused without blocking the page; 600 columns offer the first 500', async ({
  page,
}) => {
  await openImport(page);
  const longest = await watchLongTasks(page);
  await page.getByTestId('import-file').setInputFiles(file('wide.csv', columns(200_000)));
  await expect(page.getByTestId('analyze-error')).toContainText('more than 10000 columns');
  await page.getByTestId('import-file').setInputFiles(file('600.csv', BAD_FILES['csv/columns-600.csv']!));
  await expect(page.getByTestId('columns-capped')).toContainText('The file has 600 columns; the first 500 are offered');
  // A list gets its 500 columns when the pointer reaches it (not all lists at once).
  await expect(page.getByTestId('map-email').locator('option')).toHaveCount(2);
  await page.getByTestId('map-email').hover();
  await expect(page.getByTestId('map-email').locator('option')).toHaveCount(500 + 2);
  await page.getByTestId('map-email').selectOption('extra7');
  await expect(page.getByTestId('preview-2-email')).toHaveText('');
  const blocked = await longest();
  console.info(`wide files: longest task on the page ${blocked.toFixed(0)} ms`);
  // The work is in the worker and what reaches the page is bounded. Issue 16 asks for at most 100 ms; the
  // longest task measured here includes Playwright putting the 400 kB file into the page (about 70 ms on its
  // own on a loaded 2-core machine), hence the slack. Before, a 200k-column file blocked the page for 161 s.
  expect(blocked).toBeLessThan(200);
});
