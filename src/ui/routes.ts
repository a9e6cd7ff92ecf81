/** Pages added by feature areas (import, export runs, exported files, templates). */
import type { Component } from 'svelte';
import ExportRunPage from './pages/export-run-page.svelte';
import ExportedFilesPage from './pages/exported-files-page.svelte';
import ImportPage from './pages/import-page.svelte';

export const ROUTES: Record<string, Component> = {
  '/export': ExportRunPage,
  '/exported-files': ExportedFilesPage,
  '/import': ImportPage,
};
