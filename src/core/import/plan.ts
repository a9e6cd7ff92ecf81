/**
 * Planning an import: every row is read, checked and compared with the stored data, and
 * the result says exactly what would change. Nothing is written here; `applyImportPlan`
 * (apply.ts) or the DB layer carries out a plan.
 *
 * Rules (see the module doc of fields.ts for defaults):
 * - A cell is trimmed. An empty cell gives the field's default (or '' / null); a mapped
 *   column wins over a constant, and a constant fills the cells that are empty.
 * - Required fields must have a value on new records; on an update an unmapped field keeps
 *   its stored value, so a file with only `number` and `email` updates e-mails.
 * - Invoices (grouped by `number`, or by `id` for drafts) and claims (by `claimNumber`):
 *   document fields may be repeated on every row or left empty after the first row; a
 *   different value is an error. A row whose line/item fields are all empty adds no line.
 *   If any row of a document is rejected the whole document is, and its other rows are
 *   listed too, so `rejectedRowsCsv` gives back the complete document to fix.
 *   Mapping any line/item field replaces the stored lines/items of the updated document (invoice or claim).
 * - References (customer, project, employee, account, VAT code, expense type, credited
 *   invoice) must exist in the stored data or among the accepted records of the same file.
 * - Keys: see `naturalKey`. A key twice in the file is an error on the later rows.
 * - Against stored data: identical → `unchanged` (never an error, also with 'stop');
 *   different → per `onDuplicate`: 'skip' counts it as skipped, 'update' plans an update
 *   with the previous version kept for undo, 'stop' rejects those rows and blocks the import.
 */
import type { CompanyData } from '../domain/types.ts';
import type { ConstantValues, ColumnMapping } from './auto-map.ts';
import { checkMapping } from './auto-map.ts';
import type { CsvRow, ParsedCsv } from './csv.ts';
import { importFields, type FieldDef, type ImportKind, type Reference } from './fields.ts';
import { CANONICAL_FORMAT, readValue, type ValueFormat } from './values.ts';
import type { ParseResult } from './numbers.ts';
import type { KindRecords } from './records.ts';
import { identityKey, naturalKey, sameValue } from './records.ts';

export type OnDuplicate = 'skip' | 'update' | 'stop';
export const ON_DUPLICATE_CHOICES: readonly OnDuplicate[] = ['skip', 'update', 'stop'];

export interface PlanImportInput<K extends ImportKind = ImportKind> {
  kind: K;
  table: ParsedCsv;
  mapping: ColumnMapping;
  constants?: ConstantValues;
  format: ValueFormat;
  existing: CompanyData;
  onDuplicate: OnDuplicate;
  /** Let the valid records through when some rows are rejected (an explicit user choice). */
  allowPartial?: boolean;
  /** Ids for new invoices without an id column and new time records. */
  newId: () => string;
  onProgress?: (done: number, total: number) => void;
  /** Checked between chunks; true ends planning with status 'cancelled'. */
  shouldCancel?: () => boolean;
}

export interface CellError {
  /** The file's column header; '' for an error about the whole row. */
  column: string;
  /** The field, '' for an error about the whole row. */
  field: string;
  value: string;
  reason: string;
}

export interface RejectedRow {
  /** 1-based line in the file where the row starts. */
  line: number;
  /** The row as read from the file. */
  cells: string[];
  errors: CellError[];
}

export interface RecordUpdate<T> {
  /** Identity of the stored record (see `identityKey`): invoice and time record id, else the natural key. */
  key: string;
  before: T;
  after: T;
}

export interface ImportChanges<T> {
  /** The CompanyData / DB table: same name as the kind. */
  table: ImportKind;
  toAdd: T[];
  toUpdate: RecordUpdate<T>[];
}

export type PlanStatus = 'ready' | 'has-rejections' | 'stopped' | 'failed' | 'cancelled';

export interface ImportCounts {
  /** Data rows read from the file. */
  rows: number;
  /** Records (an invoice with 3 lines is 1 record). */
  new: number;
  updated: number;
  unchanged: number;
  /** Differing records kept as stored because onDuplicate = 'skip'. */
  skipped: number;
  rejectedRows: number;
  rejectedRecords: number;
}

export interface ImportPlan<K extends ImportKind = ImportKind> {
  kind: K;
  status: PlanStatus;
  /** True when applying makes sense: no problems, not stopped/cancelled, and no rejected rows unless allowPartial. */
  canApply: boolean;
  allowPartial: boolean;
  /** File-level problems (mapping, empty file); each blocks the import. */
  problems: string[];
  counts: ImportCounts;
  /** Sorted by line. */
  rejected: RejectedRow[];
  /** Lines of records that exist with other values (all modes; with 'stop' they are also rejected). */
  duplicates: { line: number; key: string }[];
  changes: ImportChanges<KindRecords[K]>;
  /** The file's header, for `rejectedRowsCsv`. */
  header: string[];
}

type Values = Record<string, unknown>;

interface Reader {
  def: FieldDef;
  /** Column index, -1 when only a constant feeds it. */
  column: number;
  columnName: string;
  /** Parsed constant, or undefined. */
  constant: unknown;
  /** Results by cell text (and currency), for the types worth it; see READ_CACHE_LIMIT. */
  cache: Map<string, ParseResult<string | number | boolean>> | null;
}

/**
 * Columns of dates, hours, rates and yes/no repeat few distinct values, and each read is a
 * parse; remembering up to this many results per column reads each distinct text once.
 * Free text is not remembered (reading it is a copy).
 */
const READ_CACHE_LIMIT = 10_000;

interface ReadRow {
  row: CsvRow;
  /** Mapped field values; null = empty cell. */
  values: Values;
  hasChild: boolean;
  errors: CellError[];
}

interface Unit {
  /** Rows that make the record (1 for flat kinds). */
  rows: ReadRow[];
  key: string;
  record: Values | null;
  errors: CellError[];
  existing: Values | undefined;
}

const CHUNK_ROWS = 2000;

export interface ImportPlanner<K extends ImportKind> {
  readonly total: number;
  readonly done: number;
  /** Reads up to `maxRows` more rows; returns true when all rows are read. */
  step(maxRows: number): boolean;
  /** Finishes (reads what is left) and returns the plan. */
  finish(): ImportPlan<K>;
  /** A plan with status 'cancelled' and nothing to apply. */
  cancel(): ImportPlan<K>;
}

/** Plans in one call, reporting progress and honouring `shouldCancel` every 2,000 rows. */
export function planImport<K extends ImportKind>(input: PlanImportInput<K>): ImportPlan<K> {
  const planner = createImportPlanner(input);
  while (!planner.step(CHUNK_ROWS)) {
    input.onProgress?.(planner.done, planner.total);
    if (input.shouldCancel?.()) return planner.cancel();
  }
  input.onProgress?.(planner.done, planner.total);
  return planner.finish();
}

/** Incremental planning, for a worker that yields between chunks to receive a cancel message. */
export function createImportPlanner<K extends ImportKind>(input: PlanImportInput<K>): ImportPlanner<K> {
  const { kind, table } = input;
  const defs = importFields(kind);
  const constants = input.constants ?? {};
  const empty = table.errors.find((e) => e.code === 'empty-file');
  // Mapping complaints about a file without columns would only hide the real problem.
  const problems: string[] = empty
    ? [empty.message]
    : checkMapping(kind, table.header, input.mapping, constants).map((p) => p.message);
  for (const e of table.errors) if (e.code === 'no-rows') problems.push(e.message);

  const readers: Reader[] = [];
  for (const def of defs) {
    const columnName = input.mapping[def.name];
    const column = columnName === undefined ? -1 : table.header.indexOf(columnName);
    const constantText = constants[def.name];
    let constant: unknown = undefined;
    if (constantText !== undefined && constantText.trim() !== '') {
      const parsed = readValue(constantText.trim(), def, CANONICAL_FORMAT, input.existing.company.currency);
      if (parsed.ok) constant = parsed.value;
      else problems.push(`constant for ${def.name}: ${parsed.reason}`);
    }
    if (column === -1 && constant === undefined) continue;
    readers.push({
      def,
      column,
      columnName: columnName ?? '(constant)',
      constant,
      cache: def.type === 'text' ? null : new Map(),
    });
  }
  // Money is read after the currency fields it depends on.
  readers.sort((a, b) => Number(a.def.type === 'money') - Number(b.def.type === 'money'));
  const lineErrors = new Map<number, string>();
  for (const e of table.errors) if (e.code === 'ragged' || e.code === 'quotes') lineErrors.set(e.line, e.message);

  const read: ReadRow[] = [];
  let done = 0;
  const total = table.rows.length;

  function readRow(row: CsvRow): ReadRow {
    const values: Values = {};
    let errors: CellError[] | null = null;
    let hasChild = false;
    const structural = lineErrors.get(row.line);
    if (structural !== undefined || row.cells.length !== table.header.length) {
      const reason = structural ?? `${row.cells.length} field(s), but the header has ${table.header.length}`;
      return {
        row,
        values,
        hasChild,
        errors: [{ column: '', field: '', value: '', reason: reason.replace(/^Line \d+: /, '') }],
      };
    }
    for (const reader of readers) {
      const def = reader.def;
      const text = reader.column === -1 ? '' : row.cells[reader.column]!.trim();
      if (text === '') {
        values[def.name] = reader.constant ?? null;
        continue;
      }
      if (def.level === 'child') hasChild = true;
      const currencyField = def.currencyField;
      const currency = (
        currencyField !== undefined && typeof values[currencyField] === 'string' && values[currencyField] !== ''
          ? values[currencyField]
          : input.existing.company.currency
      ) as string;
      const parsed = readCached(reader, text, input.format, currency);
      if (parsed.ok) values[def.name] = parsed.value;
      else (errors ??= []).push({ column: reader.columnName, field: def.name, value: text, reason: parsed.reason });
    }
    return { row, values, hasChild, errors: errors ?? [] };
  }

  const planner: ImportPlanner<K> = {
    get total() {
      return total;
    },
    get done() {
      return done;
    },
    step(maxRows: number) {
      if (problems.length > 0) {
        done = total;
        return true;
      }
      const end = Math.min(total, done + maxRows);
      for (let i = done; i < end; i++) read.push(readRow(table.rows[i]!));
      done = end;
      return done >= total;
    },
    finish() {
      while (!planner.step(CHUNK_ROWS));
      return buildPlan(input, defs, readers, read, problems);
    },
    cancel() {
      return emptyPlan(input, 'cancelled', ['The import was cancelled.']);
    },
  };
  return planner;
}

function readCached(
  reader: Reader,
  text: string,
  format: ValueFormat,
  currency: string,
): ParseResult<string | number | boolean> {
  const cache = reader.cache;
  if (cache === null) return readValue(text, reader.def, format, currency);
  const key = reader.def.type === 'money' ? `${currency}\u001f${text}` : text;
  let parsed = cache.get(key);
  if (parsed === undefined) {
    parsed = readValue(text, reader.def, format, currency);
    if (cache.size < READ_CACHE_LIMIT) cache.set(key, parsed);
  }
  return parsed;
}

function emptyPlan<K extends ImportKind>(
  input: PlanImportInput<K>,
  status: PlanStatus,
  problems: string[],
): ImportPlan<K> {
  return {
    kind: input.kind,
    status,
    canApply: false,
    allowPartial: input.allowPartial ?? false,
    problems,
    counts: {
      rows: input.table.rows.length,
      new: 0,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      rejectedRows: 0,
      rejectedRecords: 0,
    },
    rejected: [],
    duplicates: [],
    changes: { table: input.kind, toAdd: [], toUpdate: [] },
    header: input.table.header,
  };
}

function defaultOf(def: FieldDef, input: PlanImportInput, record: Values): unknown {
  if (def.default !== undefined)
    return typeof def.default === 'function' ? def.default({ company: input.existing.company, record }) : def.default;
  if (def.nullable) return null;
  switch (def.type) {
    case 'integer':
    case 'decimal':
    case 'money':
      return 0;
    case 'boolean':
      return false;
    case 'enum':
      return Object.keys(def.values ?? {})[0] ?? '';
    default:
      return '';
  }
}

function isMissing(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/** Index of stored records by natural key (and by id for invoices / time records). */
function indexExisting(kind: ImportKind, data: CompanyData): { byKey: Map<string, Values>; byId: Map<string, Values> } {
  const byKey = new Map<string, Values>();
  const byId = new Map<string, Values>();
  for (const record of data[kind] as unknown as Values[]) {
    const key = naturalKey(kind, record as never);
    if (key !== '' && !byKey.has(key)) byKey.set(key, record);
    if (kind === 'invoices' || kind === 'timeRecords') byId.set(String(record['id']), record);
  }
  return { byKey, byId };
}

const REFERENCE_LABEL: Readonly<Record<Reference, string>> = {
  customers: 'customer',
  projects: 'project',
  users: 'employee',
  accounts: 'account',
  vatCodes: 'VAT code',
  expenseTypes: 'expense type',
  invoices: 'invoice',
};

function referenceKeys(data: CompanyData, table: Reference): Set<string> {
  const set = new Set<string>();
  for (const record of data[table]) set.add(naturalKey(table, record as never));
  set.delete('');
  return set;
}

function buildPlan<K extends ImportKind>(
  input: PlanImportInput<K>,
  defs: readonly FieldDef[],
  readers: readonly Reader[],
  read: ReadRow[],
  problems: string[],
): ImportPlan<K> {
  if (problems.length > 0) return emptyPlan(input, 'failed', problems);
  const { kind } = input;
  const grouped = kind === 'invoices' || kind === 'claims';
  const mapped = new Set(readers.map((r) => r.def.name));
  const columnOf = new Map(readers.map((r) => [r.def.name, r.columnName]));
  const recordDefs = defs.filter((d) => d.level === 'record');
  const childDefs = defs.filter((d) => d.level === 'child');
  const childMapped = childDefs.some((d) => mapped.has(d.name));
  const { byKey, byId } = indexExisting(kind, input.existing);

  // 1. Units: one per row, or one per invoice or claim.
  const units: Unit[] = [];
  if (grouped) {
    const groupKeyField = kind === 'invoices' ? 'number' : 'claimNumber';
    const byGroup = new Map<string, Unit>();
    for (const r of read) {
      const key =
        r.errors.length > 0 && Object.keys(r.values).length === 0
          ? ''
          : String(r.values[groupKeyField] ?? '') || (kind === 'invoices' ? String(r.values['id'] ?? '') : '');
      if (key === '') {
        if (r.errors.length === 0)
          r.errors.push({
            column: columnOf.get(groupKeyField) ?? '',
            field: groupKeyField,
            value: '',
            reason: kind === 'invoices' ? 'the invoice number (or id) is empty' : 'the claim number is empty',
          });
        units.push({ rows: [r], key: '', record: null, errors: [], existing: undefined });
        continue;
      }
      const groupKey = (String(r.values[groupKeyField] ?? '') === '' ? 'id:' : 'n:') + key;
      const unit = byGroup.get(groupKey);
      if (unit) unit.rows.push(r);
      else {
        const created: Unit = { rows: [r], key, record: null, errors: [], existing: undefined };
        byGroup.set(groupKey, created);
        units.push(created);
      }
    }
  } else {
    for (const r of read) units.push({ rows: [r], key: '', record: null, errors: [], existing: undefined });
  }

  // 2. Records: merge document fields, defaults, stored values, children, required fields.
  const refSets = new Map<Reference, Set<string>>();
  const refSet = (table: Reference) => {
    let set = refSets.get(table);
    if (!set) refSets.set(table, (set = referenceKeys(input.existing, table)));
    return set;
  };
  for (const unit of units) {
    if (unit.rows.some((r) => r.errors.length > 0)) continue;
    const first = unit.rows[0]!;
    const values: Values = {};
    // Document-level values: the first non-empty across rows; a different one is an error.
    for (const def of recordDefs) {
      if (!mapped.has(def.name)) continue;
      let value: unknown = null;
      let from: ReadRow | null = null;
      for (const r of unit.rows) {
        const v = r.values[def.name];
        if (isMissing(v)) continue;
        if (from === null) {
          value = v;
          from = r;
        } else if (!sameValue(v, value)) {
          r.errors.push({
            column: columnOf.get(def.name) ?? '',
            field: def.name,
            value: String(v),
            reason: `${kind === 'invoices' ? 'invoice' : 'claim'} ${unit.key}: ${def.name} is ${JSON.stringify(v)} here but ${JSON.stringify(value)} on line ${from.row.line}`,
          });
        }
      }
      values[def.name] = value;
    }
    if (unit.rows.some((r) => r.errors.length > 0)) continue;

    // Match stored record: by id when the file gives one, else by natural key.
    const hasIds = kind === 'invoices' || kind === 'timeRecords';
    const givenId = hasIds && !isMissing(values['id']) ? String(values['id']) : '';
    let existing: Values | undefined = givenId !== '' ? byId.get(givenId) : undefined;
    const record: Values = {};
    const missing: FieldDef[] = [];
    for (const def of recordDefs) {
      const v = values[def.name];
      if (mapped.has(def.name) && !isMissing(v)) record[def.property] = v;
      else if (mapped.has(def.name) && !def.required) record[def.property] = defaultOf(def, input, record);
      else record[def.property] = undefined;
    }
    const natural = naturalKey(kind, record as never);
    if (existing === undefined && givenId === '' && natural !== '') existing = byKey.get(natural);
    for (const def of recordDefs) {
      if (record[def.property] !== undefined) continue;
      if (existing !== undefined && !mapped.has(def.name)) record[def.property] = existing[def.property];
      else if (def.required) missing.push(def);
      else record[def.property] = defaultOf(def, input, record);
    }
    if (kind === 'invoices' && isMissing(record['id'])) record['id'] = existing?.['id'] ?? input.newId();
    if (kind === 'timeRecords' && isMissing(record['id'])) record['id'] = existing?.['id'] ?? input.newId();
    if (kind === 'invoices' && record['number'] === '' && record['status'] === 'finalized') {
      first.errors.push({
        column: columnOf.get('number') ?? '',
        field: 'number',
        value: '',
        reason: 'a finalized invoice needs a number (only drafts have none)',
      });
    }
    for (const def of missing) {
      const column = columnOf.get(def.name);
      first.errors.push({
        column: column ?? '',
        field: def.name,
        value: '',
        reason: column === undefined ? `${def.name} is required and not mapped` : `${def.name} is required`,
      });
    }

    if (grouped) {
      const children: Values[] = [];
      for (const r of unit.rows) {
        if (!r.hasChild) continue;
        const child: Values = {};
        for (const def of childDefs) {
          const v = r.values[def.name];
          if (!isMissing(v)) child[def.property] = v;
          else if (def.required)
            r.errors.push({
              column: columnOf.get(def.name) ?? '',
              field: def.name,
              value: '',
              reason: columnOf.has(def.name)
                ? `${def.name} is required on a ${kind === 'invoices' ? 'line' : 'claim item'}`
                : `${def.name} is required and not mapped`,
            });
          else child[def.property] = defaultOf(def, input, record);
        }
        children.push(child);
      }
      const childProperty = kind === 'invoices' ? 'lines' : 'items';
      record[childProperty] = childMapped || existing === undefined ? children : existing[childProperty];
    }
    unit.record = record;
    unit.existing = existing;
    // The in-file identity: id when given for time records, the number (or id of a draft) for invoices.
    unit.key =
      kind === 'timeRecords' && givenId !== ''
        ? `id:${givenId}`
        : kind === 'invoices' && record['number'] === ''
          ? `id:${String(record['id'])}`
          : naturalKey(kind, record as never);
  }

  // 3. Duplicates in the file, references.
  const seen = new Map<string, number>();
  const fileKeys = new Set<string>();
  const selfRefs: { unit: Unit; def: FieldDef; value: string }[] = [];
  const refDefs = defs.filter((d) => d.reference !== undefined && mapped.has(d.name));
  for (const unit of units) {
    if (!unit.record || unitRejected(unit)) continue;
    const first = unit.rows[0]!;
    const previous = seen.get(unit.key);
    if (previous !== undefined && unit.key !== '') {
      first.errors.push({
        column: '',
        field: '',
        value: unit.key,
        reason: `duplicate: ${describeKey(kind)} ${displayKey(unit.key)} is also on line ${previous}`,
      });
      continue;
    }
    seen.set(unit.key, first.row.line);
    fileKeys.add(unit.key);
    for (const def of refDefs) {
      const table = def.reference!;
      for (const r of unit.rows) {
        const value = def.level === 'record' ? unit.record[def.property] : r.values[def.name];
        if (isMissing(value)) continue;
        if (table === kind) {
          selfRefs.push({ unit, def, value: String(value) });
          break;
        }
        if (!refSet(table).has(String(value))) {
          r.errors.push({
            column: columnOf.get(def.name) ?? '',
            field: def.name,
            value: String(value),
            reason: `unknown ${REFERENCE_LABEL[table]} ${JSON.stringify(value)}`,
          });
        }
        if (def.level === 'record') break;
      }
    }
  }
  // References to records of the same file hold only if that record is accepted.
  for (let changed = true; changed;) {
    changed = false;
    const accepted = new Set(units.filter((u) => u.record && !unitRejected(u)).map((u) => u.key));
    for (const ref of selfRefs) {
      if (unitRejected(ref.unit)) continue;
      if (refSet(ref.def.reference!).has(ref.value) || accepted.has(ref.value)) continue;
      const inFile = fileKeys.has(ref.value);
      ref.unit.rows[0]!.errors.push({
        column: columnOf.get(ref.def.name) ?? '',
        field: ref.def.name,
        value: ref.value,
        reason: inFile
          ? `${REFERENCE_LABEL[ref.def.reference!]} ${JSON.stringify(ref.value)} is rejected in this file`
          : `unknown ${REFERENCE_LABEL[ref.def.reference!]} ${JSON.stringify(ref.value)}`,
      });
      changed = true;
    }
  }

  // 4. Compare with stored data.
  const counts: ImportCounts = {
    rows: read.length,
    new: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    rejectedRows: 0,
    rejectedRecords: 0,
  };
  const duplicates: { line: number; key: string }[] = [];
  const toAdd: Values[] = [];
  const toUpdate: RecordUpdate<Values>[] = [];
  let stopped = false;
  for (const unit of units) {
    if (!unit.record || unitRejected(unit)) continue;
    const { record, existing } = unit;
    if (existing === undefined) {
      toAdd.push(record);
      counts.new++;
      continue;
    }
    if (sameValue(record, existing)) {
      counts.unchanged++;
      continue;
    }
    duplicates.push({ line: unit.rows[0]!.row.line, key: unit.key });
    if (input.onDuplicate === 'skip') counts.skipped++;
    else if (input.onDuplicate === 'update') {
      toUpdate.push({ key: identityKey(kind, existing as never), before: existing, after: record });
      counts.updated++;
    } else {
      stopped = true;
      unit.rows[0]!.errors.push({
        column: '',
        field: '',
        value: unit.key,
        reason: `${describeKey(kind)} ${displayKey(unit.key)} already exists with other values (duplicate handling: stop)`,
      });
    }
  }

  // 5. Rejected rows: a document's rows go together.
  const rejected: RejectedRow[] = [];
  for (const unit of units) {
    if (!unitRejected(unit)) continue;
    counts.rejectedRecords++;
    const firstBad = unit.rows.find((r) => r.errors.length > 0)!;
    for (const r of unit.rows) {
      const errors =
        r.errors.length > 0
          ? r.errors
          : [
              {
                column: '',
                field: '',
                value: '',
                reason: `${kind === 'invoices' ? 'invoice' : 'claim'} ${unit.key} is rejected because of line ${firstBad.row.line}`,
              },
            ];
      rejected.push({ line: r.row.line, cells: r.row.cells, errors });
    }
  }
  rejected.sort((a, b) => a.line - b.line);
  counts.rejectedRows = rejected.length;
  if (stopped) {
    counts.new = counts.updated = counts.skipped = 0;
    toAdd.length = 0;
    toUpdate.length = 0;
  }
  const allowPartial = input.allowPartial ?? false;
  const status: PlanStatus = stopped ? 'stopped' : rejected.length > 0 ? 'has-rejections' : 'ready';
  return {
    kind,
    status,
    canApply: status === 'ready' || (status === 'has-rejections' && allowPartial),
    allowPartial,
    problems: [],
    counts,
    rejected,
    duplicates,
    changes: {
      table: kind,
      toAdd: toAdd as unknown as KindRecords[K][],
      toUpdate: toUpdate as unknown as RecordUpdate<KindRecords[K]>[],
    },
    header: input.table.header,
  };
}

function unitRejected(unit: Unit): boolean {
  return unit.rows.some((r) => r.errors.length > 0);
}

/** Keys as users read them: time record tuples joined with ` / `, ids as they are. */
function displayKey(key: string): string {
  return key.startsWith('id:') ? key.slice(3) : key.replaceAll('\u001f', ' / ');
}

function describeKey(kind: ImportKind): string {
  switch (kind) {
    case 'customers':
      return 'customer number';
    case 'projects':
      return 'project number';
    case 'users':
      return 'employee number';
    case 'accounts':
      return 'account number';
    case 'vatCodes':
      return 'VAT code';
    case 'expenseTypes':
      return 'expense type code';
    case 'invoices':
      return 'invoice';
    case 'timeRecords':
      return 'time record (employee / date / project / hours / activity)';
    case 'claims':
      return 'claim number';
  }
}
