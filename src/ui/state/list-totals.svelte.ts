/**
 * A list's Total as rune state: asks for the totals of the rows the list's filters select (the
 * page passes a reader that asks the data worker, workers/data-worker.ts) and keeps the answer to
 * the latest request only, so fast typing in the search never shows an older filter's Total.
 */
import { errorMessage } from '../error-message.ts';
import type { TotalsFilter } from '../../core/domain/record-totals.ts';

export class ListTotals<T> {
  value = $state.raw<T | null>(null);
  /** The filter `value` belongs to. */
  filter = $state.raw<TotalsFilter | null>(null);
  loading = $state(false);
  error = $state('');
  private request = 0;
  private readonly read: (filter: TotalsFilter) => Promise<T>;

  constructor(read: (filter: TotalsFilter) => Promise<T>) {
    this.read = read;
  }

  async load(filter: TotalsFilter): Promise<void> {
    const current = ++this.request;
    this.loading = true;
    try {
      const value = await this.read({ ...filter });
      if (current !== this.request) return;
      this.value = value;
      this.filter = filter;
      this.error = '';
    } catch (e) {
      if (current === this.request) this.error = errorMessage(e);
    } finally {
      if (current === this.request) this.loading = false;
    }
  }
}
