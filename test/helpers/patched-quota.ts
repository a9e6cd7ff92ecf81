/**
 * A full disk for tests (issue 16): after `allowed` more record writes, every `add`/`put` of
 * fake-indexeddb throws the QuotaExceededError a browser gives when its storage quota is used up.
 * Dexie turns the throw into an aborted transaction, as a real quota error does mid-transaction.
 */
export function patchQuota(allowed: number): { writes: () => number; restore: () => void } {
  const proto = globalThis.IDBObjectStore.prototype as unknown as Record<
    'add' | 'put',
    (this: IDBObjectStore, ...args: unknown[]) => IDBRequest
  >;
  const original = { add: proto.add, put: proto.put };
  let writes = 0;
  for (const method of ['add', 'put'] as const)
    proto[method] = function (this: IDBObjectStore, ...args: unknown[]) {
      if (++writes > allowed) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original[method].apply(this, args);
    };
  return {
    writes: () => writes,
    restore: () => Object.assign(proto, original),
  };
}
