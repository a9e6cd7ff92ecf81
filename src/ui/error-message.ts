import { isQuotaExceeded } from '../core/company-file/storage-errors.ts';
import { t } from './messages.ts';

/**
 * What the page shows for a caught error: its message, or the thrown value as text (workers may
 * throw strings). A full disk, from any import, export or restore, gets the one clear sentence
 * (issue 16) instead of the browser's bare "QuotaExceededError".
 */
export function errorMessage(error: unknown): string {
  if (isQuotaExceeded(error)) return t('storage.full');
  return error instanceof Error ? error.message : String(error);
}
