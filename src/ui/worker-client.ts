/**
 * Comlink with a safety net: a worker that fails to load (or dies) would leave every
 * pending Comlink call waiting for ever, so each call also races the worker's `error`
 * event and rejects with the worker's message.
 */
import * as Comlink from 'comlink';

export type WorkerApi<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

export function connectWorker<T>(worker: Worker): WorkerApi<T> & { terminate(): void } {
  const remote = Comlink.wrap<T>(worker);
  let failure: Error | null = null;
  const failed = new Promise<never>((_, reject) => {
    const fail = (message: string) => {
      failure = new Error(`The background worker stopped: ${message}`);
      reject(failure);
    };
    worker.addEventListener('error', (event) => fail(event.message || 'it could not be loaded'));
    worker.addEventListener('messageerror', () => fail('a message could not be read'));
  });
  failed.catch(() => undefined);
  return new Proxy({} as WorkerApi<T> & { terminate(): void }, {
    get(_, key: string) {
      if (key === 'terminate') return () => worker.terminate();
      if (key === 'then') return undefined;
      return (...args: unknown[]) => {
        if (failure) return Promise.reject(failure);
        const call = (remote as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[key]!(...args);
        return Promise.race([call, failed]);
      };
    },
  });
}

export { Comlink };

export interface LazyWorker<T> {
  /** The running worker, started on first use. */
  api(): WorkerApi<T> & { terminate(): void };
  /** Stops it now (Cancel, or a hung worker); the next `api()` starts a fresh one. */
  stop(): void;
  /** Stops `instance` if it is still the running worker (a late timeout must not stop its successor). */
  stopIf(instance: WorkerApi<T> & { terminate(): void }): void;
}

/** One worker of a kind for the page, started when first needed and replaceable after a stop. */
export function lazyWorker<T>(create: () => Worker): LazyWorker<T> {
  let current: (WorkerApi<T> & { terminate(): void }) | null = null;
  return {
    api: () => (current ??= connectWorker<T>(create())),
    stop: () => {
      current?.terminate();
      current = null;
    },
    stopIf: (instance) => {
      if (current !== instance) return;
      instance.terminate();
      current = null;
    },
  };
}
