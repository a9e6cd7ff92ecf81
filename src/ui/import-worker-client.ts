/**
 * The page's side of workers/import-worker.ts. The page hands over files, never parses
 * them: `fileBytes` reads a File (the browser does that off the main thread) and marks the
 * buffer for transfer, so even a 100 MB file costs the page no copy. Cancel terminates the
 * worker; the next call starts a fresh one (and plans kept in the old one are gone).
 */
import { Comlink, lazyWorker } from './worker-client.ts';
import type { ImportWorkerApi } from '../core/import/api.ts';

const worker = lazyWorker<ImportWorkerApi>(
  () => new Worker(new URL('../../workers/import-worker.ts', import.meta.url), { type: 'module' }),
);

export const importApi = worker.api;

/** Cancel: stop the worker mid-run; IndexedDB aborts its open transaction, so nothing is stored. */
export const stopImportWorker = worker.stop;

/** The file's bytes, marked to be moved (not copied) to the worker. */
export async function fileBytes(file: Blob): Promise<Uint8Array> {
  const buffer = await file.arrayBuffer();
  return Comlink.transfer(new Uint8Array(buffer), [buffer]);
}

export { Comlink };
