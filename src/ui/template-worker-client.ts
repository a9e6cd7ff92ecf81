/**
 * The page's side of workers/template-worker.ts, with a hard timeout on top of liquidjs'
 * own limits: a worker that has not answered within TEMPLATE_WORKER_TIMEOUT_MS is
 * terminated (the only way to stop synchronous code in it) and the next call starts a
 * fresh one. The page itself never waits on the template.
 */
import { lazyWorker, type WorkerApi } from './worker-client.ts';
import type { TemplateWorkerApi } from '../core/templates/api.ts';

/** Longer than the worker's own render limit (5 s), so liquidjs normally stops a runaway first and says where. */
export const TEMPLATE_WORKER_TIMEOUT_MS = 15_000;

export class TemplateWorkerTimeout extends Error {
  override name = 'TemplateWorkerTimeout';
  constructor(seconds: number) {
    super(
      `Stopped: the template did not finish within ${seconds} seconds, so it was cancelled. Look for a loop that never ends or is far too large.`,
    );
  }
}

const worker = lazyWorker<TemplateWorkerApi>(
  () => new Worker(new URL('../../workers/template-worker.ts', import.meta.url), { type: 'module' }),
);

/** Stops the worker now; the next call starts a new one. */
export const restartTemplateWorker = worker.stop;

/**
 * Calls `method` in the template worker. Rejects with TemplateWorkerTimeout after `timeoutMs`
 * (the worker is then replaced), or with the worker's error when it died.
 */
export function callTemplateWorker<K extends keyof TemplateWorkerApi>(
  method: K,
  args: Parameters<WorkerApi<TemplateWorkerApi>[K]>,
  timeoutMs = TEMPLATE_WORKER_TIMEOUT_MS,
): ReturnType<WorkerApi<TemplateWorkerApi>[K]> {
  const current = worker.api();
  const fn = current[method] as (...a: unknown[]) => Promise<unknown>;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      worker.stopIf(current);
      reject(new TemplateWorkerTimeout(Math.round(timeoutMs / 1000)));
    }, timeoutMs);
    fn(...(args as unknown[])).then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        // A dead worker answers nothing again: start a new one next time.
        worker.stopIf(current);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  }) as ReturnType<WorkerApi<TemplateWorkerApi>[K]>;
}
