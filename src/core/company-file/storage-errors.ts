/**
 * Telling a full disk from other database failures (issue 16: a full disk gave a bare
 * "QuotaExceededError"). IndexedDB reports it as a `QuotaExceededError` DOMException on the
 * request or the transaction; Dexie wraps it (`AbortError` with `inner`, `BulkError` with
 * `failures`), and Comlink passes only the name and message of an error to the page. So the
 * check walks the wrappers and also reads the message. Pure: it only inspects the value.
 */
const QUOTA = /QuotaExceeded|quota (has been )?exceeded|no space left/i;

export function isQuotaExceeded(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return typeof error === 'string' && QUOTA.test(error);
  const e = error as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (typeof e.name === 'string' && QUOTA.test(e.name)) return true;
  if (typeof e.message === 'string' && QUOTA.test(e.message)) return true;
  if (isQuotaExceeded(e.inner, depth + 1) || isQuotaExceeded(e.cause, depth + 1)) return true;
  if (Array.isArray(e.failures)) return e.failures.some((f) => isQuotaExceeded(f, depth + 1));
  // Dexie's BulkError keeps its failures by position in an object.
  const byPos = (error as { failuresByPos?: unknown }).failuresByPos;
  return typeof byPos === 'object' && byPos !== null && Object.values(byPos).some((f) => isQuotaExceeded(f, depth + 1));
}

/** The error's name for a message, never its text (which may quote a database internals). */
export function errorName(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string')
    return (error as { name: string }).name;
  return typeof error;
}
