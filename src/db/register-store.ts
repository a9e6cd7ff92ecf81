/**
 * Saving and deleting register records (the company, customers, projects, co-workers, accounts,
 * VAT codes, expense types) from their forms. Each call is ONE read-write transaction:
 *
 * - A save names the version the form was opened with (`original`). When the stored record is no
 *   longer that version (another tab saved or deleted it meanwhile), nothing is written and the
 *   caller gets the stored version back, to show both and let the user choose: nothing is lost
 *   without the user seeing it. A save sets `updatedAt` from the clock the caller passes in.
 * - A changed key (number, code) is carried to every record that refers to the old key in the
 *   same transaction, or refused when the new key is taken.
 * - A delete is refused, with what refers to the record, while anything does.
 *
 * This module only uses the database instance it is given (no Dexie import at run time).
 */
import type { Table } from 'dexie';
import type { Account, Company, ExpenseType, IsoDateTime, VatCode } from '../core/domain/types.ts';
import type { RegisterKind } from '../core/validation/index.ts';
import type { ExportdeskDatabase } from './database.ts';

export type ListKind = Exclude<RegisterKind, 'company'>;
export type RegisterTable = 'customers' | 'projects' | 'users' | 'accounts' | 'vatCodes' | 'expenseTypes';
type AnyRecord = Record<string, unknown>;

export const REGISTERS: Readonly<Record<ListKind, { table: RegisterTable; key: string }>> = {
  customer: { table: 'customers', key: 'number' },
  project: { table: 'projects', key: 'number' },
  user: { table: 'users', key: 'employeeNumber' },
  account: { table: 'accounts', key: 'number' },
  vatCode: { table: 'vatCodes', key: 'code' },
  expenseType: { table: 'expenseTypes', key: 'code' },
};

/** A table whose records refer to a register record. */
export type ReferringTable = RegisterTable | 'invoices' | 'timeRecords' | 'claims';

/** What refers to a record: how many records of a table, and one of them to name. */
export interface RecordReference {
  table: ReferringTable;
  count: number;
  example: string;
}

export type SaveResult =
  | { status: 'saved'; record: AnyRecord }
  /** The stored record is not the version the form started from; `current` is null when it was deleted. */
  | { status: 'conflict'; current: AnyRecord | null }
  | { status: 'key-taken'; key: string };

export type DeleteResult =
  | { status: 'deleted' }
  | { status: 'conflict'; current: AnyRecord | null }
  | { status: 'refused'; references: RecordReference[] };

interface ReferenceRule {
  table: ReferringTable;
  /** Narrows the scan to an index range of `[key, date]`, for the tables that can hold a million records. */
  index?: string;
  matches: (record: AnyRecord, key: string) => boolean;
  rename: (record: AnyRecord, from: string, to: string) => void;
  example: (record: AnyRecord) => string;
}

/** A top-level field holding the key. */
function field(table: ReferringTable, name: string, example: string, index?: string): ReferenceRule {
  return {
    table,
    ...(index ? { index } : {}),
    matches: (r, key) => r[name] === key,
    rename: (r, from, to) => {
      if (r[name] === from) r[name] = to;
    },
    example: (r) => String(r[example] ?? ''),
  };
}

/** A field of the child records in a list (invoice lines, claim items). */
function child(table: ReferringTable, list: string, name: string, example: string): ReferenceRule {
  const items = (r: AnyRecord) => (Array.isArray(r[list]) ? (r[list] as AnyRecord[]) : []);
  return {
    table,
    matches: (r, key) => items(r).some((item) => item[name] === key),
    rename: (r, from, to) => {
      r[list] = items(r).map((item) => (item[name] === from ? { ...item, [name]: to } : item));
    },
    example: (r) => String(r[example] || r['id'] || ''),
  };
}

/** Both a field of the record and of its children (an invoice's project and its lines' projects). */
function either(a: ReferenceRule, b: ReferenceRule): ReferenceRule {
  return {
    table: a.table,
    matches: (r, key) => a.matches(r, key) || b.matches(r, key),
    rename: (r, from, to) => {
      a.rename(r, from, to);
      b.rename(r, from, to);
    },
    example: a.example,
  };
}

const REFERENCES: Readonly<Record<ListKind, readonly ReferenceRule[]>> = {
  customer: [field('invoices', 'customerNumber', 'number'), field('projects', 'customerNumber', 'number')],
  project: [
    either(field('invoices', 'projectNumber', 'number'), child('invoices', 'lines', 'projectNumber', 'number')),
    field('timeRecords', 'projectNumber', 'date', '[projectNumber+date]'),
    child('claims', 'items', 'projectNumber', 'claimNumber'),
  ],
  user: [
    field('timeRecords', 'employeeNumber', 'date', '[employeeNumber+date]'),
    field('claims', 'employeeNumber', 'claimNumber', '[employeeNumber+date]'),
  ],
  account: [
    field('vatCodes', 'accountNumber', 'code'),
    field('expenseTypes', 'accountNumber', 'code'),
    field('customers', 'ledgerAccount', 'number'),
    child('invoices', 'lines', 'accountNumber', 'number'),
  ],
  vatCode: [
    field('accounts', 'vatCode', 'number'),
    field('expenseTypes', 'vatCode', 'code'),
    child('invoices', 'lines', 'vatCode', 'number'),
  ],
  expenseType: [child('claims', 'items', 'expenseType', 'claimNumber')],
};

function tableOf(db: ExportdeskDatabase, name: string): Table<AnyRecord, string> {
  return db.table(name);
}

function collectionFor(db: ExportdeskDatabase, rule: ReferenceRule, key: string) {
  const table = tableOf(db, rule.table);
  // Dates are ISO strings: '' sorts before every date and '\uffff' after.
  const scoped = rule.index ? table.where(rule.index).between([key, ''], [key, '\uffff'], true, true) : table;
  return scoped.filter((r) => rule.matches(r, key));
}

function transactionTables(db: ExportdeskDatabase, kind: ListKind) {
  const names = new Set<string>([REGISTERS[kind].table, ...REFERENCES[kind].map((r) => r.table)]);
  return [...names].map((name) => db.table(name));
}

/** Everything that refers to the record `key` of `kind`, one entry per table (empty when nothing does). */
export async function findReferences(db: ExportdeskDatabase, kind: ListKind, key: string): Promise<RecordReference[]> {
  return db.transaction('r', transactionTables(db, kind), () => referencesOf(db, kind, key));
}

async function referencesOf(db: ExportdeskDatabase, kind: ListKind, key: string): Promise<RecordReference[]> {
  const found = new Map<ReferringTable, RecordReference>();
  for (const rule of REFERENCES[kind]) {
    // Counted, not loaded: a project can have a hundred thousand time records.
    const first = await collectionFor(db, rule, key).first();
    if (!first) continue;
    const count = await collectionFor(db, rule, key).count();
    const entry = found.get(rule.table) ?? { table: rule.table, count: 0, example: rule.example(first) };
    entry.count += count;
    found.set(rule.table, entry);
  }
  return [...found.values()];
}

/**
 * Record equality for conflict checks: the same fields with the same values, whatever the order
 * in which the fields were written.
 */
export function sameRecord(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((k) => (value as AnyRecord)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as AnyRecord)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'undefined';
}

/**
 * Stores a register record from its form. `original` is the record as the form opened it (null
 * for a new record); its key is the record's key before any change.
 */
export async function saveRegisterRecord(
  db: ExportdeskDatabase,
  kind: ListKind,
  record: object,
  options: { original: object | null; now: IsoDateTime },
): Promise<SaveResult> {
  const { table: tableName, key: keyField } = REGISTERS[kind];
  const table = tableOf(db, tableName);
  const key = String((record as AnyRecord)[keyField] ?? '');
  const originalKey = options.original ? String((options.original as AnyRecord)[keyField] ?? '') : null;
  return db.transaction('rw', transactionTables(db, kind), async (): Promise<SaveResult> => {
    if (originalKey !== null) {
      const current = (await table.get(originalKey)) ?? null;
      if (!current || !sameRecord(current, options.original)) return { status: 'conflict', current };
    }
    if (key !== originalKey && (await table.get(key))) return { status: 'key-taken', key };
    const saved = { ...record, updatedAt: options.now };
    if (originalKey !== null && key !== originalKey) {
      await table.delete(originalKey);
      await table.add(saved);
      for (const rule of REFERENCES[kind])
        await collectionFor(db, rule, originalKey).modify((r: AnyRecord) => rule.rename(r, originalKey, key));
    } else {
      await table.put(saved);
    }
    return { status: 'saved', record: saved };
  });
}

/** Deletes a register record, unless it changed since `original` was read or anything refers to it. */
export async function deleteRegisterRecord(
  db: ExportdeskDatabase,
  kind: ListKind,
  original: object,
): Promise<DeleteResult> {
  const { table: tableName, key: keyField } = REGISTERS[kind];
  const table = tableOf(db, tableName);
  const key = String((original as AnyRecord)[keyField] ?? '');
  return db.transaction('rw', transactionTables(db, kind), async (): Promise<DeleteResult> => {
    const current = (await table.get(key)) ?? null;
    if (!current || !sameRecord(current, original)) return { status: 'conflict', current };
    const references = await referencesOf(db, kind, key);
    if (references.length > 0) return { status: 'refused', references };
    await table.delete(key);
    return { status: 'deleted' };
  });
}

/** The starter chart a new company gets (src/core/charts). */
export interface StarterRegisters {
  accounts: readonly Account[];
  vatCodes: readonly VatCode[];
  expenseTypes: readonly ExpenseType[];
}

/**
 * Stores the company from its form. `original` is the company as the form opened it, or null
 * when setting up a company where there is none (then a company stored meanwhile, e.g. the demo
 * loaded in another tab, is a conflict). `starter` adds the starter chart's records whose keys
 * are not yet taken, in the same transaction.
 */
export async function saveCompany(
  db: ExportdeskDatabase,
  company: Company,
  options: { original: Company | null; now: IsoDateTime; starter?: StarterRegisters },
): Promise<{ status: 'saved'; company: Company } | { status: 'conflict'; current: Company | null }> {
  return db.transaction('rw', [db.company, db.accounts, db.vatCodes, db.expenseTypes], async () => {
    const row = await db.company.get('company');
    const current: Company | null = row ? withoutId(row) : null;
    if (options.original === null ? current !== null : !current || !sameRecord(current, options.original))
      return { status: 'conflict' as const, current };
    const saved: Company = { ...company, updatedAt: options.now };
    await db.company.put({ ...saved, id: 'company' });
    if (options.starter) {
      await addMissing(tableOf(db, 'accounts'), 'number', options.starter.accounts);
      await addMissing(tableOf(db, 'vatCodes'), 'code', options.starter.vatCodes);
      await addMissing(tableOf(db, 'expenseTypes'), 'code', options.starter.expenseTypes);
    }
    return { status: 'saved' as const, company: saved };
  });
}

function withoutId(row: Company & { id: string }): Company {
  const { id: _id, ...company } = row;
  return company;
}

async function addMissing(table: Table<AnyRecord, string>, keyField: string, records: readonly object[]) {
  const keys = records.map((r) => String((r as AnyRecord)[keyField]));
  const existing = await table.bulkGet(keys);
  await table.bulkAdd(records.filter((_, i) => existing[i] === undefined) as AnyRecord[]);
}
