/**
 * The types of an import plan, public and internal, in a module of their own: plan.ts and its
 * phase modules (plan/*.ts) both read them, and with the types in plan.ts the phases would
 * import plan.ts while it imports them (an import circle).
 */
import type { CompanyData } from '../../domain/types.ts';
import type { ConstantValues, ColumnMapping } from '../auto-map.ts';
import type { CsvRow, ParsedCsv } from '../csv.ts';
import type { FieldDef, ImportKind } from '../fields.ts';
import type { ValueFormat } from '../values.ts';
import type { ParseResult } from '../numbers.ts';
import type { KindRecords } from '../records.ts';

export type OnDuplicate = 'skip' | 'update' | 'stop';

/**
 * What an empty cell in a mapped column does to a stored record that the import updates:
 * `keep` (the default) keeps the stored value, so a file that leaves a column empty where it
 * knows nothing does not erase what was typed in the app; `clear` sets the field's default
 * ('' / null / 0), for a file that is the complete truth. New records get the default either way.
 */
export type BlankCells = 'keep' | 'clear';
export const DEFAULT_BLANK_CELLS: BlankCells = 'keep';

/**
 * The duplicate handling the wizard and the CLI start with: `stop`. A record that exists with
 * other values is neither overwritten nor silently left out; the check lists them, and the user
 * chooses skip or update knowingly (docs/reliability.md, issue 16).
 */
export const DEFAULT_ON_DUPLICATE: OnDuplicate = 'stop';

export interface PlanImportInput<K extends ImportKind = ImportKind> {
  kind: K;
  table: ParsedCsv;
  mapping: ColumnMapping;
  constants?: ConstantValues;
  format: ValueFormat;
  existing: CompanyData;
  onDuplicate: OnDuplicate;
  /** Empty cells of an updated record (default `keep`, see BlankCells). */
  blankCells?: BlankCells;
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
  /** The rule's code (src/core/validation) when the rule set found it, for a translated message. */
  code?: string;
  /** The rule's parameters, with `code`. */
  params?: Readonly<Record<string, string | number>>;
}

/** A value that may be right but looks odd: the record is imported, and the user is told. */
export interface ImportWarning extends CellError {
  /** 1-based line in the file of the row with the value. */
  line: number;
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
  /** Odd but possible values of the records that would be imported, sorted by line. */
  warnings: ImportWarning[];
  /** Lines of records that exist with other values (all modes; with 'stop' they are also rejected). */
  duplicates: { line: number; key: string }[];
  changes: ImportChanges<KindRecords[K]>;
  /** The file's header, for `rejectedRowsCsv`. */
  header: string[];
}

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

// ---------------------------------------------------------------- internal to planning

export type Values = Record<string, unknown>;

export interface Reader {
  def: FieldDef;
  /** Column index, -1 when only a constant feeds it. */
  column: number;
  columnName: string;
  /** Parsed constant, or undefined. */
  constant: unknown;
  /** Results by cell text (and currency), for the types worth it; see READ_CACHE_LIMIT (read-rows.ts). */
  cache: Map<string, ParseResult<string | number | boolean>> | null;
}

export interface ReadRow {
  row: CsvRow;
  /** Mapped field values; null = empty cell. */
  values: Values;
  hasChild: boolean;
  errors: CellError[];
}

export interface Unit {
  /** Rows that make the record (1 for flat kinds). */
  rows: ReadRow[];
  key: string;
  record: Values | null;
  errors: CellError[];
  existing: Values | undefined;
  /** Warnings of the rule set (plan/rules.ts); shown only if the unit is accepted. */
  warnings: ImportWarning[];
}

/** What every phase of `buildPlan` reads about the mapping; worked out once per plan. */
export interface PlanContext<K extends ImportKind = ImportKind> {
  input: PlanImportInput<K>;
  kind: K;
  /** All fields of the kind, in their order (which is the order of a row's errors). */
  defs: readonly FieldDef[];
  /** Fields with a column or a constant. */
  mapped: ReadonlySet<string>;
  /** The file's column of each mapped field ('(constant)' when only a constant feeds it). */
  columnOf: ReadonlyMap<string, string>;
  recordDefs: readonly FieldDef[];
  childDefs: readonly FieldDef[];
  /** A line/item field is mapped, so updated documents get the file's lines/items. */
  childMapped: boolean;
}
