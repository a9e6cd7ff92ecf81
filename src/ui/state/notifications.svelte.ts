/**
 * The bell: how many finalized invoices wait for the default accounting export,
 * respecting its invoice date limit. Live across tabs through Dexie's liveQuery.
 */
import { liveQuery } from 'dexie';
import { db } from '../app-db.ts';
import { invoiceDateLimitDate } from '../../core/export/export-status.ts';
import { todayIso } from '../download.ts';
import { waitingInvoiceCount } from '../../db/export-status.ts';

export async function countWaitingInvoices(): Promise<number> {
  const configs = await db.exportConfigs.toArray();
  const accounting =
    configs.find((c) => c.purpose === 'accounting' && c.isDefault) ?? configs.find((c) => c.purpose === 'accounting');
  if (!accounting) return 0;
  return waitingInvoiceCount(db, invoiceDateLimitDate(accounting.invoiceDateLimit, todayIso()));
}

export class Notifications {
  waiting = $state(0);

  constructor() {
    $effect.root(() => {
      const subscription = liveQuery(countWaitingInvoices).subscribe({
        next: (n) => (this.waiting = n),
        error: () => (this.waiting = 0),
      });
      return () => subscription.unsubscribe();
    });
  }
}

export const notifications = new Notifications();
