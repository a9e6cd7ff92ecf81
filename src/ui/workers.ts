/** The data and export workers of the page, each started on first use. */
import { lazyWorker } from './worker-client.ts';
import type { DataWorkerApi } from '../core/company-file/api.ts';
import type { ExportWorkerApi } from '../core/export/api.ts';

const dataWorker = lazyWorker<DataWorkerApi>(
  () => new Worker(new URL('../../workers/data-worker.ts', import.meta.url), { type: 'module' }),
);
const exportWorker = lazyWorker<ExportWorkerApi>(
  () => new Worker(new URL('../../workers/export-worker.ts', import.meta.url), { type: 'module' }),
);

export const dataApi = dataWorker.api;
export const exportApi = exportWorker.api;

/** Cancel: stop the worker mid-run; IndexedDB aborts its open transaction, so nothing is stored. */
export const stopExportWorker = exportWorker.stop;
