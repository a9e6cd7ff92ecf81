/**
 * The pages, by route. Each page's code is its own chunk, loaded when the page is first opened
 * (the service worker precaches every chunk, so this works offline too): the first load holds only
 * the shell and the welcome screen. The start page of a company is the Overview, a chunk of its
 * own; the Invoices page was in the first load while it was the start page, and left it when the
 * Overview took that place (and the date fields grew it past the budget). The budget is 120 kB
 * gzip for the first load (`npm run bench` → App first load).
 */
import type { Component } from 'svelte';

export type PageModule = { default: Component };

export const ROUTES: Readonly<Record<string, () => Promise<PageModule>>> = {
  '/overview': () => import('./pages/overview-page.svelte'),
  '/invoices': () => import('./pages/invoices-page.svelte'),
  '/time-records': () => import('./pages/time-records-page.svelte'),
  '/claims': () => import('./pages/claims-page.svelte'),
  '/customers': () => import('./pages/customers-page.svelte'),
  '/projects': () => import('./pages/projects-page.svelte'),
  '/users': () => import('./pages/users-page.svelte'),
  '/settings': () => import('./pages/settings-page.svelte'),
  '/export': () => import('./pages/export-run-page.svelte'),
  '/exported-files': () => import('./pages/exported-files-page.svelte'),
  '/import': () => import('./pages/import-page.svelte'),
  '/saft': () => import('./pages/saft-page.svelte'),
};

/** Pages under a path of their own records (`/invoices/<id>`), by the list's path they belong to. */
const RECORD_ROUTES: Readonly<Record<string, () => Promise<PageModule>>> = {
  '/invoices/': () => import('./pages/invoice-page.svelte'),
};

/** The page of `path`: a list's route, else a record's page (`/invoices/<id>`), else none. */
export function pageFor(path: string): (() => Promise<PageModule>) | undefined {
  const exact = ROUTES[path];
  if (exact) return exact;
  const prefix = Object.keys(RECORD_ROUTES).find((p) => path.startsWith(p) && path.length > p.length);
  return prefix ? RECORD_ROUTES[prefix] : undefined;
}
