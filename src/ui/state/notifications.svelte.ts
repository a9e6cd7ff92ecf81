/**
 * The bell: how many finalized invoices wait for the default accounting export, the default
 * factoring export and the default EHF export (each with its own status, issues 15 and 19),
 * respecting each one's invoice date limit and customer selection (factoring's marked customers,
 * EHF's customers with a PEPPOL id). Live across tabs through Dexie's liveQuery.
 */
import { liveQuery } from 'dexie';
import { db } from '../app-db.ts';
import { invoiceDateLimitDate, takesCustomer } from '../../core/export/export-status.ts';
import type { ExportConfig } from '../../core/export/types.ts';
import type { StatusPurpose } from '../../core/domain/types.ts';
import { todayIso } from '../download.ts';
import { waitingInvoiceCount } from '../../db/export-status.ts';

/** Per purpose: whether an export of that purpose is configured, and how many invoices wait for it. */
export type WaitingCounts = Record<StatusPurpose, { configured: boolean; waiting: number }>;

function defaultOf(configs: readonly ExportConfig[], purpose: StatusPurpose): ExportConfig | undefined {
  return configs.find((c) => c.purpose === purpose && c.isDefault) ?? configs.find((c) => c.purpose === purpose);
}

export async function countWaitingInvoices(): Promise<WaitingCounts> {
  const configs = await db.exportConfigs.toArray();
  const count = async (purpose: StatusPurpose) => {
    const config = defaultOf(configs, purpose);
    if (!config) return { configured: false, waiting: 0 };
    const lastDate = invoiceDateLimitDate(config.invoiceDateLimit, todayIso());
    const takes =
      config.customerSelection === 'marked' || purpose === 'ehf'
        ? takesCustomer(config, await db.customers.toArray())
        : undefined;
    return { configured: true, waiting: await waitingInvoiceCount(db, purpose, lastDate, takes) };
  };
  const [accounting, factoring, ehf] = await Promise.all([count('accounting'), count('factoring'), count('ehf')]);
  return { accounting, factoring, ehf };
}

export class Notifications {
  /** Invoices waiting for the accounting export. */
  waiting = $state(0);
  /** Invoices waiting for the factoring export. */
  factoringWaiting = $state(0);
  /** Whether a factoring export is configured (its bell entry shows only then). */
  factoringConfigured = $state(false);
  /** Invoices waiting to be sent as EHF. */
  ehfWaiting = $state(0);
  /** Whether an EHF export is configured (its bell entry, Send as EHF, shows only then). */
  ehfConfigured = $state(false);

  constructor() {
    $effect.root(() => {
      const subscription = liveQuery(countWaitingInvoices).subscribe({
        next: (counts) => {
          this.waiting = counts.accounting.waiting;
          this.factoringWaiting = counts.factoring.waiting;
          this.factoringConfigured = counts.factoring.configured;
          this.ehfWaiting = counts.ehf.waiting;
          this.ehfConfigured = counts.ehf.configured;
        },
        error: () => {
          this.waiting = 0;
          this.factoringWaiting = 0;
          this.ehfWaiting = 0;
        },
      });
      return () => subscription.unsubscribe();
    });
  }
}

export const notifications = new Notifications();
