/**
 * The bell: how many finalized invoices wait for the default accounting export,
 * respecting its invoice date limit. Live across tabs through Dexie's liveQuery.
 */
import { liveQuery } from 'dexie';
import { db } from '../app-db.ts';
import { invoiceDateLimitDate, isWaiting } from '../../core/export/export-status.ts';
import { todayIso } from '../download.ts';
import { waitingInvoiceKeys } from '../../db/transfer-journal.ts';
import { exportApi } from '../workers.ts';

export async function countWaitingInvoices(): Promise<number> {
  const configs = await db.exportConfigs.toArray();
  const accounting =
    configs.find((c) => c.purpose === 'accounting' && c.isDefault) ?? configs.find((c) => c.purpose === 'accounting');
  if (!accounting) return 0;
  const lastDate = invoiceDateLimitDate(accounting.invoiceDateLimit, todayIso());
  return db.transaction('r', db.invoices, db.transferJournal, async () => {
    const candidates = await db.invoices.bulkGet(await waitingInvoiceKeys(db, lastDate));
    return candidates.filter((invoice) => invoice !== undefined && isWaiting(invoice, lastDate)).length;
  });
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
    void resumeSettling();
  }
}

/**
 * A tab closed while an export's statuses were being copied into the invoice rows leaves
 * transfer-journal rows behind (still read as Has been transferred); finish the copy off the page.
 */
async function resumeSettling(): Promise<void> {
  try {
    if ((await db.transferJournal.count()) > 0) await exportApi().settleTransfers();
  } catch (error) {
    console.error('Settling the transfer journal failed; it resumes on the next load or export.', error);
  }
}

export const notifications = new Notifications();
