/**
 * At 390 × 844 (a phone) no page scrolls sideways: wide tables scroll inside their own region.
 * The same check at 640 px wide stands for 200 % zoom of a 1280 px window.
 */
import { expect, test, type Page } from '@playwright/test';

const ROUTES = [
  '#/overview',
  '#/invoices',
  '#/time-records',
  '#/claims',
  '#/customers',
  '#/customers?new=customer',
  '#/projects',
  '#/users',
  '#/import',
  '#/exported-files',
  '#/settings',
  '#/export?purpose=accounting',
];

/** The page's overflow, with the widest elements that stick out, for the failure message. */
async function overflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const innerWidth = window.innerWidth;
    const culprits: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect();
      if (box.right > innerWidth + 1 && !el.closest('.table-wrap, [data-scroll-region]'))
        culprits.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(box.right)}px`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, culprits: culprits.slice(0, 8) };
  });
}

for (const viewport of [
  { width: 390, height: 844 },
  { width: 640, height: 400 },
]) {
  test(`no page scrolls sideways at ${viewport.width} × ${viewport.height}`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    await page.goto('/');
    await page.getByTestId('load-demo-NO').click();
    await expect(page).toHaveURL(/#\/(invoices|overview)/);
    const wide: string[] = [];
    for (const route of ROUTES) {
      await page.evaluate((hash) => (window.location.hash = hash), route);
      await expect(page.locator('main h1').first()).toBeVisible();
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      const o = await overflow(page);
      if (o.scrollWidth > o.innerWidth)
        wide.push(`${route}: ${o.scrollWidth} > ${o.innerWidth}: ${o.culprits.join(', ')}`);
    }
    // The status controls of the Invoices page are on screen.
    await page.evaluate(() => (window.location.hash = '#/invoices'));
    await expect(page.getByTestId('open-range-dialog')).toBeInViewport();
    expect(wide, wide.join('\n')).toEqual([]);
  });
}
