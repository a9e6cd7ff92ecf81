/**
 * The transfer journal: how an export run sets thousands of invoices to Has been transferred
 * in one transaction without rewriting thousands of rows in it.
 *
 * Why: the run's commit must store the batch, its file bytes and the new statuses together.
 * Rewriting each exported invoice row ran at Chromium's IndexedDB row-write rate (46,582
 * invoices: 7.1 s, and 5.0 s even for tiny status rows; docs/performance.md), five times the
 * time it takes to make the file. So the commit writes the batch's invoice ids into a few
 * journal rows instead (JOURNAL_CHUNK ids each), and:
 *
 * - **an invoice whose id is in the journal has the status Has been transferred**, whatever its
 *   own row still says; every read of export statuses goes through this module
 *   (`withJournal`, `journaledIds`, `waitingInvoiceKeys`, `toTransferInvoices`);
 * - a settle step copies the status into the invoice rows, one journal row per transaction, and
 *   deletes that journal row (the export worker starts it right after a commit; the app starts
 *   it again at load if a closed tab left some). Reads give the same answer before and after.
 *
 * Invariants that keep the two views equal:
 * - a journaled invoice's own row says `to-transfer` (the commit journals only invoices that are
 *   waiting, and every other status write first takes its invoices out of the journal:
 *   `dropFromJournal`);
 * - an invoice is in at most one journal row.
 */
import type { Invoice } from '../core/domain/types.ts';
import type { ExportdeskDatabase } from './database.ts';

export interface TransferJournalRow {
  /** `<batchId>:<chunk index>` */
  id: string;
  batchId: string;
  invoiceIds: string[];
}

/**
 * Invoice ids per journal row: one settle transaction rewrites this many invoice rows (about
 * 0.15 s here), short enough that other tabs' reads never wait long behind it.
 */
export const JOURNAL_CHUNK = 1000;

export function journalRows(batchId: string, invoiceIds: readonly string[]): TransferJournalRow[] {
  const rows: TransferJournalRow[] = [];
  for (let i = 0; i < invoiceIds.length; i += JOURNAL_CHUNK)
    rows.push({ id: `${batchId}:${i / JOURNAL_CHUNK}`, batchId, invoiceIds: invoiceIds.slice(i, i + JOURNAL_CHUNK) });
  return rows;
}

/** Every journaled invoice id (call inside a transaction that includes the journal for a consistent view). */
export async function journaledIds(db: ExportdeskDatabase): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const row of await db.transferJournal.toArray()) for (const id of row.invoiceIds) ids.add(id);
  return ids;
}

/** The invoices with their export status as the journal says. */
export function withJournal<T extends Pick<Invoice, 'id' | 'exportStatus'>>(
  invoices: T[],
  journaled: ReadonlySet<string>,
): T[] {
  if (journaled.size === 0) return invoices;
  return invoices.map((invoice) =>
    journaled.has(invoice.id) && invoice.exportStatus === 'to-transfer'
      ? { ...invoice, exportStatus: 'transferred' }
      : invoice,
  );
}

/** The invoice rows that say To transfer with an issue date up to `lastDate` (the status index). */
function toTransferRows(db: ExportdeskDatabase, lastDate: string | null) {
  return db.invoices
    .where('[exportStatus+issueDate]')
    .between(['to-transfer', '0000-00-00'], ['to-transfer', lastDate ?? '9999-99-99'], true, true);
}

/**
 * Keys of the invoices whose row says To transfer with an issue date up to `lastDate`, minus the
 * journaled ones: the candidates for waiting. Keys only, so an export of 46k invoices that is
 * still settling costs no row reads here.
 */
export async function waitingInvoiceKeys(db: ExportdeskDatabase, lastDate: string | null): Promise<string[]> {
  const keys = await toTransferRows(db, lastDate).primaryKeys();
  const journaled = await journaledIds(db);
  return journaled.size === 0 ? keys : keys.filter((key) => !journaled.has(key));
}

/**
 * The invoices whose status is To transfer (journal applied) with an issue date up to `lastDate`:
 * what an export run reads. With an empty journal (the usual case) one range read; otherwise the
 * journaled ones are left out by key before their rows are read.
 */
export async function toTransferInvoices(db: ExportdeskDatabase, lastDate: string | null): Promise<Invoice[]> {
  return db.transaction('r', db.invoices, db.transferJournal, async () => {
    if ((await db.transferJournal.count()) === 0) return toTransferRows(db, lastDate).toArray();
    const rows = await db.invoices.bulkGet(await waitingInvoiceKeys(db, lastDate));
    return rows.filter((i) => i !== undefined);
  });
}

/**
 * Takes `ids` out of the journal. Call inside a read-write transaction over invoices and the
 * journal, right before writing those invoices' rows: from then on their rows are their status.
 * Returns the ids that were journaled (their status was Has been transferred).
 */
export async function dropFromJournal(db: ExportdeskDatabase, ids: ReadonlySet<string>): Promise<Set<string>> {
  const dropped = new Set<string>();
  if (ids.size === 0) return dropped;
  for (const row of await db.transferJournal.toArray()) {
    const kept = row.invoiceIds.filter((id) => !ids.has(id));
    if (kept.length === row.invoiceIds.length) continue;
    for (const id of row.invoiceIds) if (ids.has(id)) dropped.add(id);
    if (kept.length === 0) await db.transferJournal.delete(row.id);
    else await db.transferJournal.put({ ...row, invoiceIds: kept });
  }
  return dropped;
}

/** Copies one journal row into its invoice rows and deletes it, in one transaction. */
async function settleRow(db: ExportdeskDatabase, rowId: string): Promise<number> {
  return db.transaction('rw', [db.invoices, db.transferJournal], async () => {
    const row = await db.transferJournal.get(rowId);
    if (!row) return 0; // another tab settled it first
    const invoices = await db.invoices.bulkGet(row.invoiceIds);
    const changed = invoices
      .filter((i): i is Invoice => i !== undefined && i.exportStatus === 'to-transfer')
      .map((i) => ({ ...i, exportStatus: 'transferred' as const }));
    await db.invoices.bulkPut(changed);
    await db.transferJournal.delete(rowId);
    return changed.length;
  });
}

/**
 * Settles the whole journal, one row per transaction (safe to run in several tabs at once, and
 * to stop at any point: an unfinished row stays in the journal). Returns the invoice rows written.
 */
export async function settleTransferJournal(
  db: ExportdeskDatabase,
  onProgress?: (rowsLeft: number) => void,
): Promise<number> {
  let written = 0;
  for (;;) {
    const ids = await db.transferJournal.toCollection().primaryKeys();
    if (ids.length === 0) return written;
    onProgress?.(ids.length);
    for (const id of ids) written += await settleRow(db, id);
  }
}
