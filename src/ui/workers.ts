/** One instance of each worker for the page, started on first use. */
import { connectWorker } from './worker-client.ts';
import type { DataWorkerApi } from '../../workers/data-worker.ts';

let dataWorker: ReturnType<typeof connectWorker<DataWorkerApi>> | null = null;

export function dataApi() {
  dataWorker ??= connectWorker<DataWorkerApi>(new Worker(new URL('../../workers/data-worker.ts', import.meta.url), { type: 'module' }));
  return dataWorker;
}
