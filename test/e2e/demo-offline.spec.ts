import { expect, test } from '@playwright/test';

test('empty app → Load demo company → invoices listed; offline reload keeps app and data', async ({
  page,
  context,
}) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['blob:', 'data:'].includes(url.protocol))
      foreign.push(request.url());
  });

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welcome to Exportdesk' })).toBeVisible();
  await page.getByTestId('load-demo-NO').click();

  await expect(page).toHaveURL(/#\/invoices/);
  const table = page.getByTestId('invoices-table');
  await expect(table.locator('tbody tr')).toHaveCount(50);
  await expect(page.getByTestId('invoices-table-page')).toContainText(/of \d+ \((19\d|20\d|21\d) rows\)/);
  await expect(page.getByTestId('company-name')).not.toBeEmpty();

  // The service worker must control the page before going offline.
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    return registration.active?.state;
  });

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('invoices-table').locator('tbody tr')).toHaveCount(50);
  await page.getByRole('link', { name: 'Time records' }).click();
  await expect(page.getByTestId('time-records-table-page')).toContainText(/\d+ rows/);
  await context.setOffline(false);

  expect(foreign).toEqual([]);
});
