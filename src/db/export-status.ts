/**
 * Invoices' export status: the one module that reads invoices with their status and writes
 * statuses (decision 0005). Nothing else touches the transfer journal (an ESLint rule keeps
 * `transferJournal` in here and in the schema), so a change to how statuses are stored, such as
 * a status per purpose, changes this module only.
 *
 * The transfer journal is how an export run sets thousands of invoices to Has been transferred
 * in one transaction without rewriting thousands of rows in it. The run's commit must store the
 * batch, its file bytes and the new statuses together; rewriting each exported invoice row ran
 * at Chromium's IndexedDB row-write rate (46,582 invoices: 7.1 s, and 5.0 s even for tiny status
 * rows; docs/performance.md), five times the time it takes to make the file. So the commit
 * writes the batch's invoice ids into a few journal rows instead (JOURNAL_CHUNK ids each), and:
 *
 * - **an invoice whose id is in the journal has the status Has been transferred**, whatever its
 *   own row still says; every read of statuses goes through the functions below;
 * - a settle step copies the status into the invoice rows, one journal row per transaction, and
 *   deletes that journal row (the export worker runs it right after a commit; the app's start-up
 *   asks for it when a closed tab left some, `hasUnsettledTransfers`). Reads give the same answer
 *   before and after.
 *
 * Invariants that keep the two views equal:
 * - a journaled invoice's own row says `to-transfer` (the commit journals only invoices that are
 *   waiting, and every other status write first takes its invoices out of the journal);
 * - an invoice is in at most one journal row.
 *
 * Callers never name the status field or the journal: they pass invoices, ids and statuses, and
 * include `statusTables(db)` in a transaction of their own when they read or write invoices there.
 * (Finalizing a draft, src/db/invoice-store.ts, writes its first status; a draft is never journaled.)
 */
import type { Table } from 'dexie';
import type { ExportStatus, Invoice, IsoDate } from '../core/domain/types.ts';
import { inNumberRange, isWaiting } from '../core/export/export-status.ts';
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

type WithStatus = Pick<Invoice, 'id' | 'exportStatus'>;

// ---------------------------------------------------------------------------------------------
// Inside: the journal and the status field. Nothing below the next rule line exports them.

function journalRows(batchId: string, invoiceIds: readonly string[]): TransferJournalRow[] {
  const rows: TransferJournalRow[] = [];
  for (let i = 0; i < invoiceIds.length; i += JOURNAL_CHUNK)
    rows.push({ id: `${batchId}:${i / JOURNAL_CHUNK}`, batchId, invoiceIds: invoiceIds.slice(i, i + JOURNAL_CHUNK) });
  return rows;
}

/** Every journaled invoice id (inside a transaction that includes the journal, for a consistent view). */
async function journaledIds(db: ExportdeskDatabase): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const row of await db.transferJournal.toArray()) for (const id of row.invoiceIds) ids.add(id);
  return ids;
}

/** An invoice's status as the journal says. */
function statusOf(invoice: WithStatus, journaled: ReadonlySet<string>): ExportStatus {
  return journaled.has(invoice.id) && invoice.exportStatus === 'to-transfer' ? 'transferred' : invoice.exportStatus;
}

/** The invoices with their export status as the journal says. */
function withJournal<T extends WithStatus>(invoices: T[], journaled: ReadonlySet<string>): T[] {
  if (journaled.size === 0) return invoices;
  return invoices.map((invoice) =>
    statusOf(invoice, journaled) !== invoice.exportStatus ? { ...invoice, exportStatus: 'transferred' } : invoice,
  );
}

/** The invoice rows that say To transfer with an issue date up to `lastDate` (the status index). */
function toTransferRows(db: ExportdeskDatabase, lastDate: IsoDate | null) {
  return db.invoices
    .where('[exportStatus+issueDate]')
    .between(['to-transfer', '0000-00-00'], ['to-transfer', lastDate ?? '9999-99-99'], true, true);
}

/**
 * Takes `ids` out of the journal. Call inside a read-write transaction over statusTables, right
 * before writing those invoices' rows: from then on their rows are their status. Returns the ids
 * that were journaled (their status was Has been transferred).
 */
async function dropFromJournal(db: ExportdeskDatabase, ids: ReadonlySet<string>): Promise<Set<string>> {
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

// ---------------------------------------------------------------------------------------------
// Reading invoices with their status.

/**
 * The tables a transaction must include to read or write invoices with their status through this
 * module (the invoices and the journal). Use it in a caller's own transaction that also reads
 * other tables, e.g. the backup or an import.
 */
export function statusTables(db: ExportdeskDatabase): Table[] {
  return [db.invoices, db.transferJournal];
}

/**
 * The invoices `read` returns, with their export status. `read` gets the invoices table to query
 * as it likes (an index range, a page, a limit); the reads run in one read transaction with the
 * journal (or in the caller's, which must include `statusTables`).
 */
export function readInvoicesWithStatus(
  db: ExportdeskDatabase,
  read: (invoices: Table<Invoice, string>) => Promise<Invoice[]>,
): Promise<Invoice[]> {
  return db.transaction('r', statusTables(db), async () => {
    const [invoices, journaled] = await Promise.all([read(db.invoices), journaledIds(db)]);
    return withJournal(invoices, journaled);
  });
}

/**
 * Keys of the invoices whose status is To transfer with an issue date up to `lastDate` (drafts
 * included): the candidates for waiting. Keys only, so an export of 46k invoices that is still
 * settling costs no row reads here. Call inside a transaction over statusTables.
 */
export async function waitingInvoiceKeys(db: ExportdeskDatabase, lastDate: IsoDate | null): Promise<string[]> {
  const keys = await toTransferRows(db, lastDate).primaryKeys();
  const journaled = await journaledIds(db);
  return journaled.size === 0 ? keys : keys.filter((key) => !journaled.has(key));
}

/**
 * The invoices whose status is To transfer with an issue date up to `lastDate`: what an export run
 * reads. With an empty journal (the usual case) one range read; otherwise the journaled ones are
 * left out by key before their rows are read.
 */
export async function toTransferInvoices(db: ExportdeskDatabase, lastDate: IsoDate | null): Promise<Invoice[]> {
  return db.transaction('r', statusTables(db), async () => {
    if ((await db.transferJournal.count()) === 0) return toTransferRows(db, lastDate).toArray();
    const rows = await db.invoices.bulkGet(await waitingInvoiceKeys(db, lastDate));
    return rows.filter((i) => i !== undefined);
  });
}

/** The bell: how many invoices wait for export (finalized, numbered, To transfer, issued up to `lastDate`). */
export async function waitingInvoiceCount(db: ExportdeskDatabase, lastDate: IsoDate | null): Promise<number> {
  return db.transaction('r', statusTables(db), async () => {
    const candidates = await db.invoices.bulkGet(await waitingInvoiceKeys(db, lastDate));
    return candidates.filter((invoice) => invoice !== undefined && isWaiting(invoice, lastDate)).length;
  });
}

// ---------------------------------------------------------------------------------------------
// Writing statuses.

/** Sets one invoice's status by hand (the Invoices page); a status set by hand wins over the journal. */
export async function setInvoiceExportStatus(
  db: ExportdeskDatabase,
  invoiceId: string,
  status: ExportStatus,
): Promise<void> {
  await db.transaction('rw', statusTables(db), async () => {
    const invoice = await db.invoices.get(invoiceId);
    if (!invoice) throw new Error(`Invoice ${invoiceId} no longer exists.`);
    await dropFromJournal(db, new Set([invoiceId]));
    await db.invoices.update(invoiceId, { exportStatus: status });
  });
}

function rangeChange(journaled: ReadonlySet<string>, from: string, to: string, status: ExportStatus) {
  return (i: Invoice) =>
    i.status === 'finalized' && inNumberRange(i.number, from, to) && statusOf(i, journaled) !== status;
}

/** How many finalized invoices in the number range would change (for the range dialog's confirmation). */
export async function countRangeChange(
  db: ExportdeskDatabase,
  from: string,
  to: string,
  status: ExportStatus,
): Promise<number> {
  return db.transaction('r', statusTables(db), async () =>
    db.invoices.filter(rangeChange(await journaledIds(db), from, to, status)).count(),
  );
}

/** Sets the status of the finalized invoices in the number range (the range dialog); returns how many changed. */
export async function setExportStatusForRange(
  db: ExportdeskDatabase,
  from: string,
  to: string,
  status: ExportStatus,
): Promise<number> {
  return db.transaction('rw', statusTables(db), async () => {
    const changes = rangeChange(await journaledIds(db), from, to, status);
    const changed = await db.invoices.filter(changes).primaryKeys();
    await dropFromJournal(db, new Set(changed));
    return db.invoices.where('id').anyOf(changed).modify({ exportStatus: status });
  });
}

/**
 * Before whole invoice rows are rewritten (an import's updates): takes `ids` out of the journal
 * and returns `stored` (their current rows, in the same order; undefined for a missing one) with
 * the status readers saw. The caller then writes rows that carry their status themselves. Call
 * inside a read-write transaction over statusTables.
 */
export async function takeOverStatuses<T extends WithStatus>(
  db: ExportdeskDatabase,
  ids: readonly string[],
  stored: readonly (T | undefined)[],
): Promise<(T | undefined)[]> {
  const dropped = await dropFromJournal(db, new Set(ids));
  return stored.map((invoice) =>
    invoice && statusOf(invoice, dropped) !== invoice.exportStatus
      ? { ...invoice, exportStatus: 'transferred' }
      : invoice,
  );
}

/**
 * The export commit: records `invoiceIds` as Has been transferred by `batchId` (journal rows, not
 * invoice rows). Call inside the commit's read-write transaction over statusTables, after checking
 * with `waitingInvoiceKeys` that every one still waits.
 */
export async function markTransferred(
  db: ExportdeskDatabase,
  batchId: string,
  invoiceIds: readonly string[],
): Promise<void> {
  await db.transferJournal.bulkAdd(journalRows(batchId, invoiceIds));
}

/**
 * Revert of an export: the batch's invoices that are Has been transferred go back to To transfer
 * (one still journaled just leaves the journal: its row says To transfer already). Call inside a
 * read-write transaction over statusTables. Returns how many changed.
 */
export async function revertTransferred(db: ExportdeskDatabase, invoiceIds: readonly string[]): Promise<number> {
  const unsettled = await dropFromJournal(db, new Set(invoiceIds));
  const settled = await db.invoices
    .where('id')
    .anyOf(invoiceIds.filter((id) => !unsettled.has(id)))
    .filter((i) => i.exportStatus === 'transferred')
    .modify({ exportStatus: 'to-transfer' });
  return unsettled.size + settled;
}

/**
 * Every invoice that is Has been transferred back to To transfer, journal emptied: the benchmark's
 * reset between runs. Call inside a read-write transaction over statusTables.
 */
export async function resetTransferred(db: ExportdeskDatabase): Promise<void> {
  await db.transferJournal.clear();
  await db.invoices.where('exportStatus').equals('transferred').modify({ exportStatus: 'to-transfer' });
}

// ---------------------------------------------------------------------------------------------
// Settling the journal into the invoice rows.

/** Whether an export's statuses still wait to be settled (a tab closed during a settle leaves some). */
export async function hasUnsettledTransfers(db: ExportdeskDatabase): Promise<boolean> {
  return (await db.transferJournal.count()) > 0;
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
