/**
 * The Overview page's figures, read in the data worker (workers/data-worker.ts): with 50k invoices
 * and 1M time records no walk may run on the main thread. Every read goes through an index:
 *
 * - waiting per purpose: the To transfer keys of `waitingInvoiceKeys`, then those rows with their
 *   statuses (`readInvoicesWithStatus`; statuses are read only through src/db/export-status.ts);
 * - drafts: the `number` index (a draft has no number yet);
 * - the chart: the invoices of the last 12 months by `issueDate`, with their statuses;
 * - the last closed month: the keys of its time records and claims by `date`, less the keys of the
 *   active export batches of that data type.
 */
import type { ExportdeskDatabase } from './database.ts';
import { readCompanyCurrency } from './company-currency.ts';
import { readInvoicesWithStatus, statusTables, waitingInvoiceKeys } from './export-status.ts';
import { withRecordKeys } from './export-store.ts';
import { amountRules, invoiceAmounts, type AmountRules } from '../core/domain/invoice-amounts.ts';
import { invoiceDateLimitDate, isWaiting, statusFor, takesCustomer } from '../core/export/export-status.ts';
import {
  addToSums,
  lastClosedMonth,
  monthsUpTo,
  type MonthFigures,
  type OverviewFigures,
  type WaitingFigures,
} from '../core/domain/overview.ts';
import { STATUS_PURPOSES, type IsoDate, type StatusPurpose } from '../core/domain/types.ts';
import type { ExportConfig } from '../core/export/types.ts';

/** How many of the latest export batches the page lists. */
export const OVERVIEW_BATCHES = 5;

function defaultOf(configs: readonly ExportConfig[], purpose: StatusPurpose): ExportConfig | undefined {
  return configs.find((c) => c.purpose === purpose && c.isDefault) ?? configs.find((c) => c.purpose === purpose);
}

export async function overviewFigures(db: ExportdeskDatabase, today: IsoDate): Promise<OverviewFigures> {
  const [currency, vatCodes, configs, company] = await Promise.all([
    readCompanyCurrency(db),
    db.vatCodes.toArray(),
    db.exportConfigs.toArray(),
    db.company.get('company'),
  ]);
  const rules = amountRules({ company: company ?? {}, vatCodes });
  const [waiting, drafts, batches, closedMonth, months] = await Promise.all([
    Promise.all(STATUS_PURPOSES.map((purpose) => waitingFor(db, purpose, defaultOf(configs, purpose), today, rules))),
    db.invoices.where('number').equals('').count(),
    db.exportBatches.orderBy('createdAt').reverse().limit(OVERVIEW_BATCHES).toArray(),
    notExported(db, lastClosedMonth(today)),
    monthTotals(db, today, currency, rules),
  ]);
  return {
    currency,
    waiting,
    drafts,
    batches: batches.map(({ id, createdAt, configName, recordCount, status }) => ({
      id,
      createdAt,
      configName,
      recordCount,
      status,
    })),
    closedMonth,
    months,
  };
}

async function waitingFor(
  db: ExportdeskDatabase,
  purpose: StatusPurpose,
  config: ExportConfig | undefined,
  today: IsoDate,
  rules: AmountRules,
): Promise<WaitingFigures> {
  if (!config) return { purpose, configured: false, count: 0, sums: {} };
  const lastDate = invoiceDateLimitDate(config.invoiceDateLimit, today);
  // The bell's rule (takesCustomer): factoring set to marked customers, and EHF always (only customers with a
  // PEPPOL id can receive one), take fewer than every customer; only then are the customers read.
  const takes =
    config.customerSelection === 'marked' || config.purpose === 'ehf'
      ? takesCustomer(config, await db.customers.toArray())
      : () => true;
  const invoices = await db.transaction('r', statusTables(db), async () => {
    const keys = await waitingInvoiceKeys(db, purpose, lastDate);
    return readInvoicesWithStatus(db, async (table) => (await table.bulkGet(keys)).filter((i) => i !== undefined));
  });
  const figures: WaitingFigures = { purpose, configured: true, count: 0, sums: {} };
  for (const invoice of invoices) {
    if (!isWaiting(invoice, lastDate, purpose) || !takes(invoice.customerNumber)) continue;
    figures.count += 1;
    addToSums(figures.sums, invoice.currency, invoiceAmounts(invoice, rules).gross);
  }
  return figures;
}

async function notExported(
  db: ExportdeskDatabase,
  month: { from: IsoDate; to: IsoDate },
): Promise<OverviewFigures['closedMonth']> {
  const [timeKeys, claimKeys, batches] = await Promise.all([
    db.timeRecords.where('date').between(month.from, month.to, true, true).primaryKeys(),
    db.claims.where('date').between(month.from, month.to, true, true).primaryKeys(),
    db.exportBatches.where('createdAt').aboveOrEqual(month.from).toArray(),
  ]);
  const active = await withRecordKeys(
    db,
    batches.filter((b) => b.status === 'active' && (b.dataType === 'timeRecords' || b.dataType === 'claims')),
  );
  const exported = (dataType: string) =>
    new Set(active.filter((b) => b.dataType === dataType).flatMap((b) => b.recordKeys));
  const timeExported = exported('timeRecords');
  const claimsExported = exported('claims');
  return {
    ...month,
    timeRecords: timeKeys.filter((k) => !timeExported.has(String(k))).length,
    claims: claimKeys.filter((k) => !claimsExported.has(String(k))).length,
  };
}

async function monthTotals(
  db: ExportdeskDatabase,
  today: IsoDate,
  currency: string,
  rules: AmountRules,
): Promise<MonthFigures[]> {
  const months = monthsUpTo(today);
  const byMonth = new Map(months.map((month) => [month, { month, invoiced: 0, exported: 0 }]));
  const invoices = await readInvoicesWithStatus(db, (table) =>
    table
      .where('issueDate')
      .between(`${months[0]}-01`, `${months[months.length - 1]}-31`, true, true)
      .toArray(),
  );
  for (const invoice of invoices) {
    if (invoice.status !== 'finalized' || invoice.currency !== currency) continue;
    const figures = byMonth.get(invoice.issueDate.slice(0, 7));
    if (!figures) continue;
    const gross = invoiceAmounts(invoice, rules).gross;
    figures.invoiced += gross;
    if (statusFor(invoice, 'accounting') === 'transferred') figures.exported += gross;
  }
  return [...byMonth.values()];
}
