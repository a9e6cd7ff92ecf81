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
 * An invoice has a status per purpose (accounting, factoring; issue 15; EHF, issue 19): `exportStatus`
 * is the accounting one, `factoringStatus` the factoring one, `ehfStatus` the EHF one. A journal row
 * carries its purpose, and reads, the settle and Revert apply it to that purpose's status only.
 *
 * `ehfStatus` has no index (only the e-records helper may add a schema version this round): an
 * invoice stored without it counts as Has been transferred (`ownStatus`), and "To transfer by issue
 * date" for EHF is an issue-date range read with a filter (`purposeWaitingRows`). To index it, the
 * schema's next version adds `[ehfStatus+issueDate]` to `invoices` and that function takes the
 * index like the other purposes.
 *
 * Invariants that keep the two views equal:
 * - a journaled invoice's own row says `to-transfer` for the row's purpose (the commit journals
 *   only invoices that are waiting, and every other status write first takes its invoices out of
 *   that purpose's journal rows);
 * - an invoice is in at most one journal row per purpose.
 *
 * Callers never name the status field or the journal: they pass invoices, ids and statuses, and
 * include `statusTables(db)` in a transaction of their own when they read or write invoices there.
 * (Finalizing a draft, src/db/invoice-store.ts, writes its first status; a draft is never journaled.)
 */
import type { Table } from 'dexie';
import {
  STATUS_PURPOSES,
  type ExportStatus,
  type Invoice,
  type IsoDate,
  type StatusPurpose,
} from '../core/domain/types.ts';
import { compareInvoiceNumbers, inNumberRange, isWaiting } from '../core/export/export-status.ts';
import type { ExportdeskDatabase } from './database.ts';

export interface TransferJournalRow {
  /** `<batchId>:<chunk index>` */
  id: string;
  batchId: string;
  /** Whose status the batch set (rows written before statuses per purpose are migrated as accounting). */
  purpose: StatusPurpose;
  invoiceIds: string[];
}

/**
 * Invoice ids per journal row: one settle transaction rewrites this many invoice rows (about
 * 0.15 s here), short enough that other tabs' reads never wait long behind it.
 */
export const JOURNAL_CHUNK = 1000;

/** The range dialog's invoices: an invoice-number range or an issue-date range, both ends included. */
export interface InvoiceRange {
  kind: 'number' | 'date';
  from: string;
  to: string;
}

/**
 * What a range change would do: how many invoices change and, when none would, why not: the
 * range is reversed, it holds no finalized invoice, or all of them already have that status.
 */
export interface RangeChange {
  count: number;
  reason: 'reversed' | 'no-finalized' | 'all-in-status' | null;
}

type WithStatus = Pick<Invoice, 'id' | 'exportStatus' | 'factoringStatus' | 'ehfStatus'>;

// ---------------------------------------------------------------------------------------------
// Inside: the journal and the status fields. Nothing below the next rule line exports them.

const FIELD = { accounting: 'exportStatus', factoring: 'factoringStatus', ehf: 'ehfStatus' } as const satisfies Record<
  StatusPurpose,
  keyof Invoice
>;

/** The purposes whose status field has a `[field+issueDate]` index (database.ts); EHF's has none. */
const INDEXED = { accounting: true, factoring: true, ehf: false } as const satisfies Record<StatusPurpose, boolean>;

/** A row's own status for `purpose`; an invoice stored before EHF existed has none, which counts as transferred. */
function ownStatus(invoice: WithStatus, purpose: StatusPurpose): ExportStatus {
  return invoice[FIELD[purpose]] ?? 'transferred';
}

type Journaled = Record<StatusPurpose, Set<string>>;

/** The row change that sets `purpose`'s status. */
function statusChange(purpose: StatusPurpose, status: ExportStatus): Partial<Invoice> {
  return { [FIELD[purpose]]: status };
}

function journalRows(purpose: StatusPurpose, batchId: string, invoiceIds: readonly string[]): TransferJournalRow[] {
  const rows: TransferJournalRow[] = [];
  for (let i = 0; i < invoiceIds.length; i += JOURNAL_CHUNK)
    rows.push({
      id: `${batchId}:${i / JOURNAL_CHUNK}`,
      batchId,
      purpose,
      invoiceIds: invoiceIds.slice(i, i + JOURNAL_CHUNK),
    });
  return rows;
}

/** A row's purpose; a row that somehow still lacks one (written before v6) was accounting's. */
function purposeOf(row: Pick<TransferJournalRow, 'purpose'>): StatusPurpose {
  return row.purpose ?? 'accounting';
}

/** Every journaled invoice id per purpose (inside a transaction that includes the journal, for a consistent view). */
async function journaledIds(db: ExportdeskDatabase): Promise<Journaled> {
  const ids: Journaled = { accounting: new Set(), factoring: new Set(), ehf: new Set() };
  for (const row of await db.transferJournal.toArray()) {
    const set = ids[purposeOf(row)];
    for (const id of row.invoiceIds) set.add(id);
  }
  return ids;
}

/** An invoice's status for `purpose` as the journal says. */
function statusOf(invoice: WithStatus, purpose: StatusPurpose, journaled: ReadonlySet<string>): ExportStatus {
  const own = ownStatus(invoice, purpose);
  return journaled.has(invoice.id) && own === 'to-transfer' ? 'transferred' : own;
}

/** The invoice with its statuses as the journal says (the same object when nothing differs). */
function withJournalOne<T extends WithStatus>(invoice: T, journaled: Journaled): T {
  let result = invoice;
  for (const purpose of STATUS_PURPOSES) {
    if (statusOf(invoice, purpose, journaled[purpose]) !== ownStatus(invoice, purpose))
      result = { ...result, [FIELD[purpose]]: 'transferred' };
  }
  return result;
}

/** The invoices with their export statuses as the journal says. */
function withJournal<T extends WithStatus>(invoices: T[], journaled: Journaled): T[] {
  if (STATUS_PURPOSES.every((purpose) => journaled[purpose].size === 0)) return invoices;
  return invoices.map((invoice) => withJournalOne(invoice, journaled));
}

/** The invoice rows that say To transfer for `purpose` with an issue date up to `lastDate` (the status index). */
function toTransferRows(db: ExportdeskDatabase, purpose: StatusPurpose, lastDate: IsoDate | null) {
  return purposeWaitingRows(db, purpose, 'to-transfer', lastDate);
}

/**
 * The invoice rows whose own `purpose` status is `status`, issued up to `lastDate`: the status index
 * where the purpose has one; for EHF (no index, see the module comment) the issue-date index with a
 * filter, which reads every invoice row in the range.
 */
function purposeWaitingRows(
  db: ExportdeskDatabase,
  purpose: StatusPurpose,
  status: ExportStatus,
  lastDate: IsoDate | null,
) {
  const last = lastDate ?? '9999-99-99';
  if (INDEXED[purpose])
    return db.invoices
      .where(`[${FIELD[purpose]}+issueDate]`)
      .between([status, '0000-00-00'], [status, last], true, true);
  return db.invoices
    .where('issueDate')
    .between('0000-00-00', last, true, true)
    .filter((invoice) => invoice[FIELD[purpose]] === status);
}

/**
 * Takes `ids` out of `purpose`'s journal rows. Call inside a read-write transaction over
 * statusTables, right before writing those invoices' status for that purpose: from then on their
 * rows are their status. Returns the ids that were journaled (their status was Has been transferred).
 */
async function dropFromJournal(
  db: ExportdeskDatabase,
  purpose: StatusPurpose,
  ids: ReadonlySet<string>,
): Promise<Set<string>> {
  const dropped = new Set<string>();
  if (ids.size === 0) return dropped;
  for (const row of await db.transferJournal.toArray()) {
    if (purposeOf(row) !== purpose) continue;
    const kept = row.invoiceIds.filter((id) => !ids.has(id));
    if (kept.length === row.invoiceIds.length) continue;
    for (const id of row.invoiceIds) if (ids.has(id)) dropped.add(id);
    if (kept.length === 0) await db.transferJournal.delete(row.id);
    else await db.transferJournal.put({ ...row, invoiceIds: kept });
  }
  return dropped;
}

/** Copies one journal row into its invoice rows (its purpose's status) and deletes it, in one transaction. */
async function settleRow(db: ExportdeskDatabase, rowId: string): Promise<number> {
  return db.transaction('rw', [db.invoices, db.transferJournal], async () => {
    const row = await db.transferJournal.get(rowId);
    if (!row) return 0; // another tab settled it first
    const field = FIELD[purposeOf(row)];
    const invoices = await db.invoices.bulkGet(row.invoiceIds);
    const changed = invoices
      .filter((i): i is Invoice => i !== undefined && i[field] === 'to-transfer')
      .map((i) => ({ ...i, [field]: 'transferred' as const }));
    await db.invoices.bulkPut(changed);
    await db.transferJournal.delete(rowId);
    return changed.length;
  });
}

function inRange(range: InvoiceRange) {
  return range.kind === 'number'
    ? (i: Invoice) => inNumberRange(i.number, range.from, range.to)
    : (i: Invoice) => i.issueDate >= range.from && i.issueDate <= range.to;
}

function isReversed(range: InvoiceRange): boolean {
  return range.kind === 'number' ? compareInvoiceNumbers(range.from, range.to) > 0 : range.from > range.to;
}

/** The finalized invoices in the range (an issue-date range reads its part of the date index only). */
function finalizedInRange(db: ExportdeskDatabase, range: InvoiceRange) {
  const within = inRange(range);
  const candidates =
    range.kind === 'date' ? db.invoices.where('issueDate').between(range.from, range.to, true, true) : db.invoices;
  return candidates.filter((i) => i.status === 'finalized' && within(i));
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
 * The invoices `read` returns, with their export statuses. `read` gets the invoices table to query
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
 * Keys of the invoices whose `purpose` status is To transfer with an issue date up to `lastDate`
 * (drafts included): the candidates for waiting. Keys only, so an export of 46k invoices that is
 * still settling costs no row reads here. Call inside a transaction over statusTables.
 */
export async function waitingInvoiceKeys(
  db: ExportdeskDatabase,
  purpose: StatusPurpose,
  lastDate: IsoDate | null,
): Promise<string[]> {
  const keys = await toTransferRows(db, purpose, lastDate).primaryKeys();
  const journaled = (await journaledIds(db))[purpose];
  return journaled.size === 0 ? keys : keys.filter((key) => !journaled.has(key));
}

/**
 * The invoices whose `purpose` status is To transfer with an issue date up to `lastDate`: what an
 * export run reads. With nothing of that purpose in the journal (the usual case) one range read;
 * otherwise the journaled ones are left out by key before their rows are read. The statuses of the
 * other purpose are as the journal says.
 */
export async function toTransferInvoices(
  db: ExportdeskDatabase,
  purpose: StatusPurpose,
  lastDate: IsoDate | null,
): Promise<Invoice[]> {
  return db.transaction('r', statusTables(db), async () => {
    if ((await db.transferJournal.count()) === 0) return toTransferRows(db, purpose, lastDate).toArray();
    const journaled = await journaledIds(db);
    const keys = (await toTransferRows(db, purpose, lastDate).primaryKeys()).filter(
      (key) => !journaled[purpose].has(key),
    );
    const rows = (await db.invoices.bulkGet(keys)).filter((i) => i !== undefined);
    return withJournal(rows, journaled);
  });
}

/**
 * The bell: how many invoices wait for a `purpose` export (finalized, numbered, To transfer,
 * issued up to `lastDate`, and of a customer `takesCustomer` accepts when given).
 */
export async function waitingInvoiceCount(
  db: ExportdeskDatabase,
  purpose: StatusPurpose,
  lastDate: IsoDate | null,
  takesCustomer: (customerNumber: string) => boolean = () => true,
): Promise<number> {
  return db.transaction('r', statusTables(db), async () => {
    const candidates = await db.invoices.bulkGet(await waitingInvoiceKeys(db, purpose, lastDate));
    return candidates.filter(
      (invoice) =>
        invoice !== undefined && isWaiting(invoice, lastDate, purpose) && takesCustomer(invoice.customerNumber),
    ).length;
  });
}

// ---------------------------------------------------------------------------------------------
// Writing statuses.

/** Sets one invoice's `purpose` status by hand (the Invoices page); a status set by hand wins over the journal. */
export async function setInvoiceExportStatus(
  db: ExportdeskDatabase,
  invoiceId: string,
  purpose: StatusPurpose,
  status: ExportStatus,
): Promise<void> {
  await db.transaction('rw', statusTables(db), async () => {
    const invoice = await db.invoices.get(invoiceId);
    if (!invoice) throw new Error(`Invoice ${invoiceId} no longer exists.`);
    await dropFromJournal(db, purpose, new Set([invoiceId]));
    await db.invoices.update(invoiceId, statusChange(purpose, status));
  });
}

/**
 * What setting the `purpose` status of the finalized invoices in the range would change (the range
 * dialog's confirmation), with the reason when nothing would.
 */
export async function describeRangeChange(
  db: ExportdeskDatabase,
  purpose: StatusPurpose,
  range: InvoiceRange,
  status: ExportStatus,
): Promise<RangeChange> {
  if (isReversed(range)) return { count: 0, reason: 'reversed' };
  return db.transaction('r', statusTables(db), async () => {
    const journaled = (await journaledIds(db))[purpose];
    const finalized = await finalizedInRange(db, range).toArray();
    const count = finalized.filter((i) => statusOf(i, purpose, journaled) !== status).length;
    if (count > 0) return { count, reason: null };
    return { count, reason: finalized.length === 0 ? 'no-finalized' : 'all-in-status' };
  });
}

/** How many finalized invoices in the range would change (see `describeRangeChange` for why none would). */
export async function countRangeChange(
  db: ExportdeskDatabase,
  purpose: StatusPurpose,
  range: InvoiceRange,
  status: ExportStatus,
): Promise<number> {
  return (await describeRangeChange(db, purpose, range, status)).count;
}

/** Sets the `purpose` status of the finalized invoices in the range (the range dialog); returns how many changed. */
export async function setExportStatusForRange(
  db: ExportdeskDatabase,
  purpose: StatusPurpose,
  range: InvoiceRange,
  status: ExportStatus,
): Promise<number> {
  if (isReversed(range)) return 0;
  return db.transaction('rw', statusTables(db), async () => {
    const journaled = (await journaledIds(db))[purpose];
    const changed = await finalizedInRange(db, range)
      .filter((i) => statusOf(i, purpose, journaled) !== status)
      .primaryKeys();
    await dropFromJournal(db, purpose, new Set(changed));
    return db.invoices.where('id').anyOf(changed).modify(statusChange(purpose, status));
  });
}

/**
 * Before whole invoice rows are rewritten (an import's updates): takes `ids` out of the journal
 * and returns `stored` (their current rows, in the same order; undefined for a missing one) with
 * the statuses readers saw. The caller then writes rows that carry their statuses themselves.
 * Call inside a read-write transaction over statusTables.
 */
export async function takeOverStatuses<T extends WithStatus>(
  db: ExportdeskDatabase,
  ids: readonly string[],
  stored: readonly (T | undefined)[],
): Promise<(T | undefined)[]> {
  const idSet = new Set(ids);
  const dropped: Journaled = {
    accounting: await dropFromJournal(db, 'accounting', idSet),
    factoring: await dropFromJournal(db, 'factoring', idSet),
    ehf: await dropFromJournal(db, 'ehf', idSet),
  };
  return stored.map((invoice) => invoice && withJournalOne(invoice, dropped));
}

/**
 * The export commit: records `invoiceIds` as Has been transferred for `purpose` by `batchId`
 * (journal rows, not invoice rows). Call inside the commit's read-write transaction over
 * statusTables, after checking with `waitingInvoiceKeys` that every one still waits.
 */
export async function markTransferred(
  db: ExportdeskDatabase,
  purpose: StatusPurpose,
  batchId: string,
  invoiceIds: readonly string[],
): Promise<void> {
  await db.transferJournal.bulkAdd(journalRows(purpose, batchId, invoiceIds));
}

/**
 * Revert of an export: the batch's invoices whose `purpose` status is Has been transferred go back
 * to To transfer (one still journaled just leaves the journal: its row says To transfer already).
 * The other purpose's status is left alone. Call inside a read-write transaction over
 * statusTables. Returns how many changed.
 */
export async function revertTransferred(
  db: ExportdeskDatabase,
  purpose: StatusPurpose,
  invoiceIds: readonly string[],
): Promise<number> {
  const field = FIELD[purpose];
  const unsettled = await dropFromJournal(db, purpose, new Set(invoiceIds));
  const settled = await db.invoices
    .where('id')
    .anyOf(invoiceIds.filter((id) => !unsettled.has(id)))
    .filter((i) => i[field] === 'transferred')
    .modify(statusChange(purpose, 'to-transfer'));
  return unsettled.size + settled;
}

/**
 * Every invoice that is Has been transferred back to To transfer, for every purpose, journal
 * emptied: the benchmark's reset between runs. Call inside a read-write transaction over statusTables.
 */
export async function resetTransferred(db: ExportdeskDatabase): Promise<void> {
  await db.transferJournal.clear();
  for (const purpose of STATUS_PURPOSES)
    await purposeWaitingRows(db, purpose, 'transferred', null).modify(statusChange(purpose, 'to-transfer'));
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

// ---------------------------------------------------------------------------------------------
// An invoice's export history (its page).

/** One export batch that took an invoice: when, which export, for whose status, and whether it was reverted. */
export interface InvoiceExportEntry {
  batchId: string;
  createdAt: string;
  configName: string;
  purpose: StatusPurpose;
  reverted: boolean;
  revertedAt: string;
}

/**
 * The batches that took `invoiceId`, oldest first. Batch rows are few (one per export run), so
 * walking them beats an index on their invoice ids, which every commit would have to write.
 */
export async function invoiceExportHistory(db: ExportdeskDatabase, invoiceId: string): Promise<InvoiceExportEntry[]> {
  const batches = await db.exportBatches
    .orderBy('createdAt')
    .filter((batch) => batch.invoiceIds.includes(invoiceId))
    .toArray();
  return batches.map((batch) => ({
    batchId: batch.id,
    createdAt: batch.createdAt,
    configName: batch.configName,
    purpose: batch.statusPurpose ?? 'accounting',
    reverted: batch.status === 'reverted',
    revertedAt: batch.revertedAt,
  }));
}
