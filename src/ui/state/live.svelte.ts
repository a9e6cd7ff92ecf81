/**
 * A Dexie live query as rune state. Dexie re-runs the query when the tables it read
 * change, in this tab or another one (BroadcastChannel), so badges and lists stay live.
 * Construct it during component initialisation (it uses `$effect`).
 */
import { liveQuery } from 'dexie';
import { errorMessage } from '../error-message.ts';

export class Live<T> {
  value = $state() as T;
  error = $state('');

  constructor(query: () => T | Promise<T>, initial: T) {
    this.value = initial;
    $effect(() => {
      const subscription = liveQuery(query).subscribe({
        next: (value) => {
          this.value = value;
          this.error = '';
        },
        error: (e: unknown) => (this.error = errorMessage(e)),
      });
      return () => subscription.unsubscribe();
    });
  }
}
