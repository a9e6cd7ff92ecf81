/** One instance of each worker for the page, started on first use. */
import { connectWorker } from './worker-client.ts';
import type { DataWorkerApi } from '../../workers/data-worker.ts';

let dataWorker: ReturnType<typeof connectWorker<DataWorkerApi>> | null = null;

export function dataApi() {
  dataWorker ??= connectWorker<DataWorkerApi>(new Worker(new URL('../../workers/data-worker.ts', import.meta.url), { type: 'module' }));
  return dataWorker;
}

import type { ExportWorkerApi } from '../../workers/export-worker.ts';

let exportWorker: ReturnType<typeof connectWorker<ExportWorkerApi>> | null = null;

export function exportApi() {
  exportWorker ??= connectWorker<ExportWorkerApi>(
    new Worker(new URL('../../workers/export-worker.ts', import.meta.url), { type: 'module' }),
  );
  return exportWorker;
}

/** Cancel: stop the worker mid-run; IndexedDB aborts its open transaction, so nothing is stored. */
export function stopExportWorker(): void {
  exportWorker?.terminate();
  exportWorker = null;
}
