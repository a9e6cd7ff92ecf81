import { expect, test } from '@playwright/test';

test('the offline indicator shows while the browser is offline, and goes when it is back', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await page.getByTestId('load-demo-NO').click();
  await expect(page).toHaveURL(/#\/invoices/);
  const indicator = page.getByTestId('offline-indicator');
  await expect(indicator).toHaveCount(0);
  // The service worker must control the page before going offline (pages are loaded on first visit).
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
  });

  await context.setOffline(true);
  // In the page's one live region, so a screen reader announces it.
  await expect(page.getByRole('status').filter({ has: indicator })).toBeVisible();
  await expect(indicator).toBeVisible();
  // Still usable offline.
  await page.evaluate(() => (window.location.hash = '#/time-records'));
  await expect(page.getByTestId('time-records-table')).toBeVisible();
  await expect(indicator).toBeVisible();

  await context.setOffline(false);
  await expect(indicator).toHaveCount(0);
});
