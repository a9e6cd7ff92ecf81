/**
 * Storing a CSV import and taking it back.
 *
 * - `commitImport` writes a plan (src/core/import) and its history row in ONE read-write
 *   transaction, in bulk chunks of IMPORT_WRITE_CHUNK rows. Any failure (a record that
 *   appeared or changed since planning, a closed tab, a terminated worker) aborts the
 *   transaction, so an import is stored completely or not at all.
 * - `undoImport` removes what the import added and puts back the previous version of what
 *   it updated, also in one transaction. It is refused, naming the record, when something
 *   done since depends on the import: an export batch (created at or after the import, not
 *   reverted) that took one of its invoices, time records or claims; a later import that
 *   changed one of its records; an updated record that no longer equals what the import
 *   wrote; a record elsewhere that refers to a record the import added (an invoice of an
 *   imported customer).
 *
 * An empty database (no company yet) gets a company record with defaults on the first
 * import (DEFAULT_COMPANY_NAME, Norway, NOK); the user edits it in Settings. Planning uses
 * the same defaults, so imported customers get the currency the company will have.
 *
 * This module only uses the database instance it is given (no Dexie import at run time).
 */
import type { Company, CompanyData, TimeRecord } from '../core/domain/types.ts';
import { emptyCompany } from '../core/domain/types.ts';
import type { ImportKind } from '../core/import/fields.ts';
import { readMasterLists } from './company-store.ts';
import type { TimeRecordScope } from '../core/import/existing-scope.ts';
import type { ImportPlan } from '../core/import/plan.ts';
import type { ImportPreset } from '../core/import/preset.ts';
import { identityKey, naturalKey, sameValue, type AnyImportRecord } from '../core/import/records.ts';
import type { ExportdeskDatabase, ImportHistoryRow, ImportPresetRow } from './database.ts';
import { readInvoicesWithStatus, statusTables, takeOverStatuses } from './export-status.ts';
import { withRecordKeys } from './export-store.ts';

export const IMPORT_WRITE_CHUNK = 2000;
export const DEFAULT_COMPANY_NAME = 'My company';

/** The import could not be stored; nothing was written. */
export class ImportConflictError extends Error {}
/** Undo was refused; nothing was changed. */
export class UndoRefusedError extends Error {}

export function defaultCompany(): Company {
  return { ...emptyCompany(), name: DEFAULT_COMPANY_NAME };
}

const MASTER_TABLES = ['customers', 'projects', 'users', 'accounts', 'vatCodes', 'expenseTypes'] as const;

/**
 * What planning an import compares with: the company (or the defaults), all master data
 * (references point there, and it is small) and the records of the kind. For time records a
 * `scope` (src/core/import/existing-scope.ts) narrows that to the records the file can
 * collide with, so a small import into a large database stays small.
 *
 * The reads are issued together in one read transaction: each IndexedDB request is a round
 * trip to the browser's storage process, and with a fixed cost per import that latency, not
 * the amount of data, is what a small import waits for.
 */
export async function readImportExisting(
  db: ExportdeskDatabase,
  kind: ImportKind,
  scope?: TimeRecordScope,
): Promise<{ data: CompanyData; hasCompany: boolean }> {
  return db.transaction('r', [...baseTables(db), ...recordTables(db, kind)], async () => {
    const [base, records] = await Promise.all([readBase(db), readRecords(db, kind, scope)]);
    return withRecords(base, records);
  });
}

/** The company (or the defaults) and the master data, without records of a kind. */
export interface ImportBase {
  data: CompanyData;
  hasCompany: boolean;
}

/**
 * The part of `readImportExisting` that does not depend on the file, in its own read
 * transaction, so that a worker can start it before parsing the file and let the storage
 * round trips overlap the parse. `readImportRecords` then reads the records in a second
 * transaction. Between the two another tab could change master data; that is the same
 * gap as between planning and committing (references are checked against the plan's
 * snapshot, and the commit re-checks every record it updates or adds).
 */
export async function readImportBase(db: ExportdeskDatabase): Promise<ImportBase> {
  return db.transaction('r', baseTables(db), () => readBase(db));
}

/** The stored records of `kind` a plan compares with (see `readImportExisting`). */
export async function readImportRecords(
  db: ExportdeskDatabase,
  kind: ImportKind,
  scope?: TimeRecordScope,
): Promise<KindLists> {
  return db.transaction('r', recordTables(db, kind), () => readRecords(db, kind, scope));
}

/** Puts the records read for a kind into the base data. */
export function withRecords(base: ImportBase, records: KindLists): { data: CompanyData; hasCompany: boolean } {
  return { data: { ...base.data, ...records }, hasCompany: base.hasCompany };
}

type KindLists = Pick<CompanyData, 'invoices' | 'timeRecords' | 'claims'>;

/**
 * The tables an import of `kind` reads and writes its records in. Invoices are read with their
 * export status and an updated invoice takes its status into its row (src/db/export-status.ts).
 */
function recordTables(db: ExportdeskDatabase, kind: ImportKind) {
  return kind === 'invoices' ? statusTables(db) : [db.table(kind)];
}

function baseTables(db: ExportdeskDatabase) {
  return [db.company, ...MASTER_TABLES.map((t) => db.table(t))];
}

async function readBase(db: ExportdeskDatabase): Promise<ImportBase> {
  const [row, master] = await Promise.all([db.company.get('company'), readMasterLists(db)]);
  let company: Company = defaultCompany();
  if (row) {
    const { id: _id, ...stored } = row;
    company = stored;
  }
  return { data: { company, ...master, invoices: [], timeRecords: [], claims: [] }, hasCompany: row !== undefined };
}

function readInvoices(db: ExportdeskDatabase) {
  return readInvoicesWithStatus(db, (invoices) => invoices.toArray());
}

async function readRecords(
  db: ExportdeskDatabase,
  kind: ImportKind,
  scope: TimeRecordScope | undefined,
): Promise<KindLists> {
  const [invoices, timeRecords, claims] = await Promise.all([
    kind === 'invoices' ? readInvoices(db) : [],
    kind === 'timeRecords' ? readTimeRecords(db, scope) : [],
    kind === 'claims' ? db.claims.toArray() : [],
  ]);
  return { invoices, timeRecords, claims };
}

/**
 * The id span is read in one request when it holds at most this many records per id the file
 * names (ids from an export of this table are close together); otherwise (random ids in a
 * large table) the named ids are looked up one by one, which costs a request per id.
 */
export const ID_SPAN_RECORDS_PER_ID = 2;

async function readTimeRecords(db: ExportdeskDatabase, scope: TimeRecordScope | undefined): Promise<TimeRecord[]> {
  if (!scope) return db.timeRecords.toArray();
  const [inRange, span] = await Promise.all([
    scope.dates ? db.timeRecords.where('date').between(scope.dates.from, scope.dates.to, true, true).toArray() : [],
    readIdSpan(db, scope.ids),
  ]);
  const seen = new Set(inRange.map((r) => r.id));
  const wanted = scope.ids.filter((id) => !seen.has(id));
  if (wanted.length === 0) return inRange;
  const wantedSet = new Set(wanted);
  const byId = span
    ? span.filter((r) => wantedSet.has(r.id))
    : (await db.timeRecords.bulkGet(wanted)).filter((r): r is TimeRecord => r !== undefined);
  return [...inRange, ...byId];
}

/** Every stored record between the smallest and largest id, or null when there are too many. */
async function readIdSpan(db: ExportdeskDatabase, ids: readonly string[]): Promise<TimeRecord[] | null> {
  if (ids.length === 0) return [];
  // The default sort compares UTF-16 code units, the order IndexedDB gives string keys.
  const sorted = [...ids].sort();
  const limit = ids.length * ID_SPAN_RECORDS_PER_ID;
  const span = await db.timeRecords
    .where(':id')
    .between(sorted[0]!, sorted[sorted.length - 1]!, true, true)
    .limit(limit + 1)
    .toArray();
  return span.length > limit ? null : span;
}

export interface CommitMeta {
  id: string;
  createdAt: string;
  fileName: string;
  presetName: string;
  /** The user ticked "import the valid rows only". */
  allowPartial: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** Whether a plan may be written (the core's `canApply`, with the partial choice made at commit time). */
export function planCanCommit(plan: ImportPlan, allowPartial: boolean): boolean {
  if (plan.problems.length > 0) return false;
  return plan.status === 'ready' || (plan.status === 'has-rejections' && allowPartial);
}

type AnyTable = {
  bulkGet(keys: string[]): Promise<(unknown | undefined)[]>;
  bulkAdd(items: readonly unknown[]): Promise<unknown>;
  bulkPut(items: readonly unknown[]): Promise<unknown>;
  bulkDelete(keys: string[]): Promise<void>;
};

function tableOf(db: ExportdeskDatabase, kind: ImportKind): AnyTable {
  return db.table(kind) as unknown as AnyTable;
}

/** Writes the plan and its history row in one transaction; returns the history row. */
export async function commitImport(
  db: ExportdeskDatabase,
  plan: ImportPlan,
  meta: CommitMeta,
): Promise<ImportHistoryRow> {
  if (!planCanCommit(plan, meta.allowPartial)) {
    throw new ImportConflictError(
      plan.status === 'has-rejections'
        ? 'Some rows are rejected: tick "import the valid rows only" to import the others.'
        : `This check result cannot be imported (${plan.problems[0] ?? plan.status}).`,
    );
  }
  const kind = plan.kind;
  const { toAdd, toUpdate } = plan.changes as {
    toAdd: AnyImportRecord[];
    toUpdate: { key: string; before: AnyImportRecord; after: AnyImportRecord }[];
  };
  const table = tableOf(db, kind);
  const total = toAdd.length + toUpdate.length;
  const row: ImportHistoryRow = {
    id: meta.id,
    createdAt: meta.createdAt,
    fileName: meta.fileName,
    kind,
    presetName: meta.presetName,
    counts: {
      new: toAdd.length,
      updated: toUpdate.length,
      unchanged: plan.counts.unchanged,
      rejected: plan.counts.rejectedRows,
    },
    undo: [
      {
        table: kind,
        added: toAdd.map((r) => identityKey(kind, r)),
        updated: toUpdate.map((u) => ({ key: u.key, before: u.before, after: u.after })),
      },
    ],
    status: 'active',
    undoneAt: '',
  };
  const writeRecords = async () => {
    let done = 0;
    for (let i = 0; i < toUpdate.length; i += IMPORT_WRITE_CHUNK) {
      const chunk = toUpdate.slice(i, i + IMPORT_WRITE_CHUNK);
      let stored = await table.bulkGet(chunk.map((u) => u.key));
      if (kind === 'invoices') {
        // Compared as the plan saw them (with their status); from now on their rows are their status.
        const keys = chunk.map((u) => u.key);
        stored = await takeOverStatuses(db, keys, stored as Parameters<typeof takeOverStatuses>[2]);
      }
      chunk.forEach((u, j) => {
        if (stored[j] === undefined)
          throw new ImportConflictError(`${describe(kind, u.before)} no longer exists; check the file again.`);
        if (!sameValue(stored[j], u.before))
          throw new ImportConflictError(
            `${describe(kind, u.before)} was changed after the check; check the file again.`,
          );
      });
      await table.bulkPut(chunk.map((u) => u.after));
      done += chunk.length;
      meta.onProgress?.(done, total);
    }
    if (kind === 'invoices') await refuseTakenInvoiceNumbers(db, toAdd as { number: string }[]);
    for (let i = 0; i < toAdd.length; i += IMPORT_WRITE_CHUNK) {
      const chunk = toAdd.slice(i, i + IMPORT_WRITE_CHUNK);
      try {
        await table.bulkAdd(chunk);
      } catch (error) {
        throw new ImportConflictError(
          `${describe(kind, firstFailed(error, chunk))} already exists (added after the check?); nothing was imported.`,
        );
      }
      done += chunk.length;
      meta.onProgress?.(done, total);
    }
  };
  await db.transaction('rw', [db.company, ...recordTables(db, kind), db.importHistory], async () => {
    // Within one transaction a failure anywhere aborts every write, so the company check and
    // the history row need not wait for the records: they go out together, saving round trips.
    await Promise.all([ensureCompany(db), writeRecords(), db.importHistory.add(row)]);
  });
  return row;
}

async function ensureCompany(db: ExportdeskDatabase): Promise<void> {
  if ((await db.company.count()) === 0) await db.company.add({ ...defaultCompany(), id: 'company' });
}

async function refuseTakenInvoiceNumbers(db: ExportdeskDatabase, added: readonly { number: string }[]): Promise<void> {
  const numbers = added.map((i) => i.number).filter((n) => n !== '');
  if (numbers.length === 0) return;
  const taken = await db.invoices.where('number').anyOf(numbers).first();
  if (taken)
    throw new ImportConflictError(
      `Invoice ${taken.number} already exists (added after the check?); nothing was imported.`,
    );
}

/** The record a Dexie BulkError names first, else the chunk's first. */
function firstFailed<T>(error: unknown, chunk: readonly T[]): T {
  const byPos = (error as { failuresByPos?: Record<string, unknown> }).failuresByPos;
  const first = byPos ? Number(Object.keys(byPos)[0]) : 0;
  return chunk[Number.isInteger(first) ? first : 0] ?? chunk[0]!;
}

const SINGULAR: Readonly<Record<ImportKind, string>> = {
  customers: 'Customer',
  projects: 'Project',
  users: 'Employee',
  accounts: 'Account',
  vatCodes: 'VAT code',
  expenseTypes: 'Expense type',
  invoices: 'Invoice',
  timeRecords: 'Time record',
  claims: 'Claim',
};

/** "Customer 1001", "Invoice 10023", "Time record 1001 / 2024-03-04 / P-1 / 7.5 / Montering". */
export function describe(kind: ImportKind, record: unknown): string {
  const r = record as Record<string, unknown>;
  let key = naturalKey(kind, r as never).replaceAll('\u001f', ' / ');
  if (kind === 'invoices' && key === '') key = `(draft ${String(r['id'])})`;
  return `${SINGULAR[kind]} ${key}`;
}

/** Which stored records point at a record of a master table (by its key), and through which values. */
const REFERRERS: Partial<
  Record<ImportKind, readonly { table: ImportKind; refs: (record: Record<string, unknown>) => unknown[] }[]>
> = {
  customers: [
    { table: 'projects', refs: (r) => [r['customerNumber']] },
    { table: 'invoices', refs: (r) => [r['customerNumber']] },
  ],
  projects: [
    { table: 'invoices', refs: (r) => [r['projectNumber'], ...lines(r, 'lines', 'projectNumber')] },
    { table: 'timeRecords', refs: (r) => [r['projectNumber']] },
    { table: 'claims', refs: (r) => lines(r, 'items', 'projectNumber') },
  ],
  users: [
    { table: 'timeRecords', refs: (r) => [r['employeeNumber']] },
    { table: 'claims', refs: (r) => [r['employeeNumber']] },
  ],
  accounts: [
    { table: 'customers', refs: (r) => [r['ledgerAccount']] },
    { table: 'expenseTypes', refs: (r) => [r['accountNumber']] },
    { table: 'invoices', refs: (r) => lines(r, 'lines', 'accountNumber') },
  ],
  vatCodes: [
    { table: 'accounts', refs: (r) => [r['vatCode']] },
    { table: 'expenseTypes', refs: (r) => [r['vatCode']] },
    { table: 'invoices', refs: (r) => lines(r, 'lines', 'vatCode') },
  ],
  expenseTypes: [{ table: 'claims', refs: (r) => lines(r, 'items', 'expenseType') }],
};

function lines(record: Record<string, unknown>, property: string, field: string): unknown[] {
  const children = record[property];
  return Array.isArray(children) ? children.map((c: Record<string, unknown>) => c[field]) : [];
}

const UNDO_TABLES = [
  ...MASTER_TABLES,
  'invoices',
  'timeRecords',
  'claims',
  'exportBatches',
  'exportBatchKeys',
  'importHistory',
] as const;

export interface UndoOutcome {
  removed: number;
  restored: number;
}

/** Takes an import back, or throws UndoRefusedError saying which record stands in the way. */
export async function undoImport(db: ExportdeskDatabase, importId: string, undoneAt: string): Promise<UndoOutcome> {
  return db.transaction(
    'rw',
    UNDO_TABLES.map((t) => db.table(t)),
    async () => {
      const row = await db.importHistory.get(importId);
      if (!row) throw new UndoRefusedError('That import is no longer in the history.');
      if (row.status === 'undone') throw new UndoRefusedError(`The import of ${row.fileName} has already been undone.`);
      let removed = 0;
      let restored = 0;
      for (const part of row.undo) {
        const kind = part.table as ImportKind;
        const table = tableOf(db, kind);
        const touched = new Set([...part.added, ...part.updated.map((u) => u.key)]);
        await refuseLaterImports(db, row, kind, touched);
        await refuseLaterExports(db, row, kind, touched);
        const current = await table.bulkGet(part.updated.map((u) => u.key));
        part.updated.forEach((u, i) => {
          if (current[i] === undefined)
            throw new UndoRefusedError(
              `${describe(kind, u.after)} was deleted after the import; it cannot be restored by Undo.`,
            );
          if (!sameValue(current[i], u.after))
            throw new UndoRefusedError(
              `${describe(kind, u.after)} was changed after the import; Undo would overwrite that change.`,
            );
        });
        await refuseReferences(db, kind, part.added);
        for (let i = 0; i < part.added.length; i += IMPORT_WRITE_CHUNK)
          await table.bulkDelete(part.added.slice(i, i + IMPORT_WRITE_CHUNK));
        for (let i = 0; i < part.updated.length; i += IMPORT_WRITE_CHUNK)
          await table.bulkPut(part.updated.slice(i, i + IMPORT_WRITE_CHUNK).map((u) => u.before));
        removed += part.added.length;
        restored += part.updated.length;
      }
      await db.importHistory.update(importId, { status: 'undone', undoneAt });
      return { removed, restored };
    },
  );
}

async function refuseLaterImports(
  db: ExportdeskDatabase,
  row: ImportHistoryRow,
  kind: ImportKind,
  touched: ReadonlySet<string>,
): Promise<void> {
  // Same-second imports count as later: refusing is safe, undoing over a later change is not.
  const later = await db.importHistory
    .where('createdAt')
    .aboveOrEqual(row.createdAt)
    .filter((h) => h.id !== row.id && h.status === 'active')
    .toArray();
  for (const other of later) {
    for (const part of other.undo) {
      if (part.table !== kind) continue;
      const hit = part.updated.find((u) => touched.has(u.key));
      if (hit)
        throw new UndoRefusedError(
          `${describe(kind, hit.after)} was changed again by the later import of ${other.fileName} (${other.createdAt.replace('T', ' ')}); undo that import first.`,
        );
    }
  }
}

async function refuseLaterExports(
  db: ExportdeskDatabase,
  row: ImportHistoryRow,
  kind: ImportKind,
  touched: ReadonlySet<string>,
): Promise<void> {
  if (kind !== 'invoices' && kind !== 'timeRecords' && kind !== 'claims') return;
  const later = await db.exportBatches
    .where('createdAt')
    .aboveOrEqual(row.createdAt)
    .filter((b) => b.status === 'active')
    .toArray();
  const batches = kind === 'invoices' ? later : await withRecordKeys(db, later);
  for (const batch of batches) {
    const keys = kind === 'invoices' ? batch.invoiceIds : batch.recordKeys;
    const hit = keys.find((k) => touched.has(k));
    if (hit === undefined) continue;
    const record = await db.table(kind).get(hit);
    throw new UndoRefusedError(
      `${record ? describe(kind, record) : `${SINGULAR[kind]} ${hit}`} was exported after the import (${batch.configName}, ${batch.createdAt.replace('T', ' ')}); revert that export in Exported files first.`,
    );
  }
}

async function refuseReferences(db: ExportdeskDatabase, kind: ImportKind, added: readonly string[]): Promise<void> {
  const referrers = REFERRERS[kind];
  if (!referrers || added.length === 0) return;
  const keys = new Set(added);
  for (const { table, refs } of referrers) {
    let hit: unknown = undefined;
    const user = await db
      .table(table)
      .filter((r: Record<string, unknown>) => {
        hit = refs(r).find((v) => typeof v === 'string' && keys.has(v));
        return hit !== undefined;
      })
      .first();
    if (user)
      throw new UndoRefusedError(
        `${SINGULAR[kind]} ${String(hit)} is used by ${describe(table, user)}; remove or undo that first.`,
      );
  }
}

export async function importHistory(db: ExportdeskDatabase): Promise<ImportHistoryRow[]> {
  return db.importHistory.orderBy('createdAt').reverse().toArray();
}

/** Saves a preset under its name and kind (replacing one of the same name and kind); returns its id. */
export async function saveImportPreset(
  db: ExportdeskDatabase,
  preset: ImportPreset,
  newId: () => string,
): Promise<string> {
  return db.transaction('rw', db.importPresets, async () => {
    const same = await db.importPresets
      .where('kind')
      .equals(preset.kind)
      .filter((p) => p.name === preset.name)
      .first();
    const id = same?.id ?? newId();
    const row: ImportPresetRow = { id, name: preset.name, kind: preset.kind, preset: { id, ...preset } };
    await db.importPresets.put(row);
    return id;
  });
}

export async function deleteImportPreset(db: ExportdeskDatabase, id: string): Promise<void> {
  await db.importPresets.delete(id);
}
