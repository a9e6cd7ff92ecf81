/**
 * CSV import off the page: the page transfers the file's bytes here, and everything heavy
 * (decoding, parsing, detection, planning against the stored data, writing) runs in this
 * worker. Planning yields between chunks of rows so that the page's Cancel (terminating
 * this worker) takes effect quickly; terminating mid-commit aborts the open IndexedDB
 * transaction, so nothing is half-written. Plans are kept here under a planId until they
 * are committed or replaced (MAX_KEPT_PLANS), so the page never holds the records.
 */
import * as Comlink from 'comlink';
import { ExportdeskDatabase } from '../src/db/database.ts';
import {
  commitImport,
  planCanCommit,
  readImportBase,
  readImportExisting,
  readImportRecords,
  withRecords,
  undoImport,
  ImportConflictError,
  UndoRefusedError,
} from '../src/db/import-store.ts';
import { guessValueFormat, type ValueFormatGuess } from '../src/core/import/value-format-guess.ts';
import { timeRecordScope } from '../src/core/import/existing-scope.ts';
import {
  autoMap,
  checkMapping,
  createImportPlanner,
  exportKindCsv,
  importFields,
  readCsvBytes,
  readValue,
  rejectedRowsCsv,
  type AutoMapResult,
  type ColumnMapping,
  type ConstantValues,
  type CsvError,
  type DateFormat,
  type DecimalSeparator,
  type Delimiter,
  type DialectGuess,
  type EncodingGuess,
  type FieldDef,
  type ImportCounts,
  type ImportEncoding,
  type ImportKind,
  type ImportPlan,
  type MappingProblem,
  type OnDuplicate,
  type PlanStatus,
  type ReadOverrides,
  type RejectedRow,
  type ThousandsSeparator,
  type ValueFormat,
} from '../src/core/import/index.ts';
import { currencyDecimals, formatMinor } from '../src/core/domain/money.ts';
import { toIsoDateTime } from '../src/core/domain/dates.ts';

const db = new ExportdeskDatabase();
// Opening takes a round trip to the storage process; starting it now overlaps it with the
// first request's transfer and parsing. A failure shows again on the first read.
db.open().catch(() => undefined);

/** Rows read between two yields to the event loop (where a terminate can land). */
const PLAN_CHUNK_ROWS = 2000;
/** Rows shown in the preview. */
export const PREVIEW_ROWS = 20;
/** Rows parsed by `analyze` for the preview and the number/date detection. */
const ANALYZE_ROWS = 500;
const MAX_KEPT_PLANS = 3;

/** A number/date format; a part left out (undefined) is detected from the file. */
export interface FormatChoice {
  decimal?: DecimalSeparator | null;
  thousands?: ThousandsSeparator;
  dateFormat?: DateFormat | null;
}

/** Settings of one import; every setting left out is detected (or auto-mapped). */
export interface ImportOptions {
  kind: ImportKind;
  encoding?: ImportEncoding;
  delimiter?: Delimiter;
  hasHeader?: boolean;
  skipLines?: number;
  mapping?: ColumnMapping;
  constants?: ConstantValues;
  format?: FormatChoice;
  onDuplicate: OnDuplicate;
  /** Kept in the import history. */
  fileName?: string;
  presetName?: string;
  /** `run` only: import the valid rows when some are rejected. */
  allowPartial?: boolean;
}

export type AnalyzeOverrides = Partial<Omit<ImportOptions, 'onDuplicate' | 'allowPartial' | 'fileName' | 'presetName'>>;

export interface PreviewCell {
  field: string;
  /** The text in the file (or the constant). */
  text: string;
  /** The value as it will be stored, written plainly (ISO dates, `.` decimals). */
  display: string;
  /** Why the value cannot be read, or ''. */
  error: string;
}

export interface PreviewRow {
  line: number;
  cells: string[];
  values: PreviewCell[];
}

export type AnalyzeResult =
  | {
      ok: true;
      fileName: string;
      size: number;
      encodingGuess: EncodingGuess;
      dialectGuess: DialectGuess;
      /** The settings used: the guesses with the overrides applied. */
      encoding: ImportEncoding;
      delimiter: Delimiter;
      hasHeader: boolean;
      skipLines: number;
      header: string[];
      /** Structure problems in the analysed part (ragged rows, quotes). */
      csvErrors: CsvError[];
      valueGuess: ValueFormatGuess | null;
      /** The format used for the preview: the choices, else the guesses. */
      format: ValueFormat;
      autoMap: AutoMapResult | null;
      /** The mapping used for the preview: the given one, else the automatic one. */
      mapping: ColumnMapping;
      mappingProblems: MappingProblem[];
      preview: PreviewRow[];
      /** More rows follow the preview. */
      more: boolean;
    }
  | { ok: false; fileName: string; reason: string; encodingGuess: EncodingGuess };

export interface PlanSummary {
  planId: string;
  kind: ImportKind;
  fileName: string;
  status: PlanStatus;
  problems: string[];
  counts: ImportCounts;
  rejected: RejectedRow[];
  header: string[];
  /** The settings the plan was made with (detected ones filled in). */
  settings: {
    encoding: ImportEncoding;
    delimiter: Delimiter;
    hasHeader: boolean;
    skipLines: number;
    mapping: ColumnMapping;
    format: ValueFormat;
  };
}

export type ImportPhase = 'reading' | 'checking' | 'comparing' | 'writing';
export type ImportProgress = (phase: ImportPhase, done: number, total: number) => void;

export type CommitResult = { ok: true; importId: string; counts: ImportCounts } | { ok: false; reason: string };
export type RunResult =
  { ok: true; importId: string; summary: PlanSummary } | { ok: false; reason: string; summary: PlanSummary };
export type UndoResult = { ok: true; removed: number; restored: number } | { ok: false; reason: string };

interface KeptPlan {
  plan: ImportPlan;
  fileName: string;
  presetName: string;
}

const plans = new Map<string, KeptPlan>();

const yieldToEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function readOverrides(options: AnalyzeOverrides): ReadOverrides {
  const overrides: ReadOverrides = {};
  if (options.encoding !== undefined) overrides.encoding = options.encoding;
  if (options.delimiter !== undefined) overrides.delimiter = options.delimiter;
  if (options.hasHeader !== undefined) overrides.hasHeader = options.hasHeader;
  if (options.skipLines !== undefined) overrides.skipLines = options.skipLines;
  return overrides;
}

function chooseFormat(choice: FormatChoice | undefined, guess: ValueFormat): ValueFormat {
  return {
    decimal: choice?.decimal !== undefined ? choice.decimal : guess.decimal,
    thousands: choice?.thousands !== undefined ? choice.thousands : guess.thousands,
    dateFormat: choice?.dateFormat !== undefined ? choice.dateFormat : guess.dateFormat,
  };
}

function display(def: FieldDef, value: unknown, currency: string): string {
  if (value === null || value === undefined) return '';
  if (def.type === 'money')
    return formatMinor(value as number, { decimals: currencyDecimals(currency) }, currencyDecimals(currency));
  if (def.type === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

function previewRow(
  cells: string[],
  header: string[],
  defs: readonly FieldDef[],
  mapping: ColumnMapping,
  constants: ConstantValues,
  format: ValueFormat,
  companyCurrency: string,
): PreviewCell[] {
  const textOf = (def: FieldDef) => {
    const column = mapping[def.name] === undefined ? -1 : header.indexOf(mapping[def.name]!);
    const text = column === -1 ? '' : (cells[column] ?? '').trim();
    return { text, fromFile: text !== '' };
  };
  const currencyOf = (def: FieldDef) => {
    const currencyDef = def.currencyField ? defs.find((d) => d.name === def.currencyField) : undefined;
    const text = currencyDef ? textOf(currencyDef).text || (constants[currencyDef.name] ?? '') : '';
    return text || companyCurrency;
  };
  const out: PreviewCell[] = [];
  for (const def of defs) {
    const { text, fromFile } = textOf(def);
    const constant = constants[def.name]?.trim() ?? '';
    if (mapping[def.name] === undefined && constant === '') continue;
    const shown = fromFile ? text : constant;
    if (shown === '') {
      out.push({ field: def.name, text: '', display: '', error: '' });
      continue;
    }
    // Constants are typed in the canonical format, file values in the file's format.
    const parsed = readValue(
      shown,
      def,
      fromFile ? format : { decimal: '.', thousands: '', dateFormat: 'YYYY-MM-DD' },
      currencyOf(def),
    );
    out.push({
      field: def.name,
      text: shown,
      display: parsed.ok ? display(def, parsed.value, currencyOf(def)) : '',
      error: parsed.ok ? '' : parsed.reason,
    });
  }
  return out;
}

async function companyCurrency(): Promise<string> {
  return (await db.company.get('company'))?.currency ?? 'NOK';
}

function keep(planId: string, kept: KeptPlan): void {
  plans.set(planId, kept);
  while (plans.size > MAX_KEPT_PLANS) plans.delete(plans.keys().next().value!);
}

async function planFile(
  bytes: Uint8Array,
  options: ImportOptions,
  onProgress?: ImportProgress,
): Promise<{ summary: PlanSummary; plan: ImportPlan }> {
  const fileName = options.fileName ?? '';
  onProgress?.('reading', 0, bytes.length);
  // The company and master data do not depend on the file: ask for them first and let one
  // turn of the event loop send the requests, so the storage round trips run during the parse.
  const base = readImportBase(db);
  base.catch(() => undefined);
  await yieldToEvents();
  const read = readCsvBytes(bytes, readOverrides(options));
  const settingsOf = (mapping: ColumnMapping, format: ValueFormat) =>
    read.ok
      ? {
          encoding: read.value.encoding,
          delimiter: read.value.delimiter,
          hasHeader: read.value.hasHeader,
          skipLines: read.value.skipLines,
          mapping,
          format,
        }
      : {
          encoding: read.encodingGuess.encoding,
          delimiter: options.delimiter ?? ',',
          hasHeader: options.hasHeader ?? true,
          skipLines: options.skipLines ?? 0,
          mapping,
          format,
        };
  if (!read.ok) {
    const format = chooseFormat(options.format, { decimal: null, thousands: '', dateFormat: null });
    const plan = emptyFailedPlan(options.kind, read.reason);
    return { plan, summary: summarize('', plan, fileName, settingsOf(options.mapping ?? {}, format)) };
  }
  const table = read.value.table;
  const mapping = options.mapping ?? autoMap(options.kind, table.header).mapping;
  const format = chooseFormat(options.format, guessValueFormat(options.kind, table, mapping).format);
  const scope =
    options.kind === 'timeRecords' ? timeRecordScope(table, mapping, options.constants ?? {}, format) : undefined;
  const { data } = withRecords(await base, await readImportRecords(db, options.kind, scope));
  const planner = createImportPlanner({
    kind: options.kind,
    table,
    mapping,
    ...(options.constants ? { constants: options.constants } : {}),
    format,
    existing: data,
    onDuplicate: options.onDuplicate,
    newId: () => crypto.randomUUID(),
  });
  while (!planner.step(PLAN_CHUNK_ROWS)) {
    onProgress?.('checking', planner.done, planner.total);
    await yieldToEvents();
  }
  onProgress?.('comparing', planner.total, planner.total);
  await yieldToEvents();
  const plan = planner.finish();
  const planId = crypto.randomUUID();
  keep(planId, { plan, fileName, presetName: options.presetName ?? '' });
  return { plan, summary: summarize(planId, plan, fileName, settingsOf(mapping, format)) };
}

function emptyFailedPlan(kind: ImportKind, reason: string): ImportPlan {
  return {
    kind,
    status: 'failed',
    canApply: false,
    allowPartial: false,
    problems: [reason],
    counts: { rows: 0, new: 0, updated: 0, unchanged: 0, skipped: 0, rejectedRows: 0, rejectedRecords: 0 },
    rejected: [],
    duplicates: [],
    changes: { table: kind, toAdd: [], toUpdate: [] },
    header: [],
  };
}

function summarize(planId: string, plan: ImportPlan, fileName: string, settings: PlanSummary['settings']): PlanSummary {
  return {
    planId,
    kind: plan.kind,
    fileName,
    status: plan.status,
    problems: plan.problems,
    counts: plan.counts,
    rejected: plan.rejected,
    header: plan.header,
    settings,
  };
}

async function commitKept(planId: string, allowPartial: boolean, onProgress?: ImportProgress): Promise<CommitResult> {
  const kept = plans.get(planId);
  if (!kept)
    return {
      ok: false,
      reason: 'This check result is no longer available (the check was cancelled or replaced); run Check again.',
    };
  try {
    const row = await commitImport(db, kept.plan, {
      id: crypto.randomUUID(),
      createdAt: toIsoDateTime(new Date()),
      fileName: kept.fileName,
      presetName: kept.presetName,
      allowPartial,
      onProgress: (done, total) => onProgress?.('writing', done, total),
    });
    plans.delete(planId);
    return { ok: true, importId: row.id, counts: kept.plan.counts };
  } catch (error) {
    if (error instanceof ImportConflictError) return { ok: false, reason: error.message };
    throw error;
  }
}

const api = {
  /** Detected settings, header, auto-mapping and a parsed preview; `overrides` replace any guess. */
  async analyze(bytes: Uint8Array, fileName: string, overrides: AnalyzeOverrides = {}): Promise<AnalyzeResult> {
    const read = readCsvBytes(bytes, { ...readOverrides(overrides), maxRows: ANALYZE_ROWS });
    if (!read.ok) return { ok: false, fileName, reason: read.reason, encodingGuess: read.encodingGuess };
    const { table } = read.value;
    const kind = overrides.kind;
    const auto = kind ? autoMap(kind, table.header) : null;
    const mapping = overrides.mapping ?? auto?.mapping ?? {};
    const constants = overrides.constants ?? {};
    const valueGuess = kind ? guessValueFormat(kind, table, mapping) : null;
    const format = chooseFormat(
      overrides.format,
      valueGuess?.format ?? { decimal: null, thousands: '', dateFormat: null },
    );
    const defs = kind ? importFields(kind) : [];
    const currency = await companyCurrency();
    const rows = table.rows.slice(0, PREVIEW_ROWS);
    return {
      ok: true,
      fileName,
      size: bytes.length,
      encodingGuess: read.value.encodingGuess,
      dialectGuess: read.value.dialectGuess,
      encoding: read.value.encoding,
      delimiter: read.value.delimiter,
      hasHeader: read.value.hasHeader,
      skipLines: read.value.skipLines,
      header: table.header,
      csvErrors: table.errors,
      valueGuess,
      format,
      autoMap: auto,
      mapping,
      mappingProblems: kind ? checkMapping(kind, table.header, mapping, constants) : [],
      preview: rows.map((r) => ({
        line: r.line,
        cells: r.cells,
        values: previewRow(r.cells, table.header, defs, mapping, constants, format, currency),
      })),
      more: table.rows.length > PREVIEW_ROWS || table.truncated,
    };
  },

  /** Reads and checks the whole file against the stored data; nothing is written. */
  async plan(bytes: Uint8Array, options: ImportOptions, onProgress?: ImportProgress): Promise<PlanSummary> {
    return (await planFile(bytes, options, onProgress)).summary;
  },

  /** Writes a checked plan (one transaction, with its history row); returns the import id. */
  async commit(planId: string, choice: { allowPartial: boolean }, onProgress?: ImportProgress): Promise<CommitResult> {
    return commitKept(planId, choice.allowPartial, onProgress);
  },

  /** Plan and commit in one call (scripts, the benchmark). */
  async run(
    bytes: Uint8Array,
    fileName: string,
    options: ImportOptions,
    onProgress?: ImportProgress,
  ): Promise<RunResult> {
    const { summary, plan } = await planFile(bytes, { ...options, fileName }, onProgress);
    if (!planCanCommit(plan, options.allowPartial ?? false))
      return {
        ok: false,
        reason: summary.problems[0] ?? `The file has ${summary.counts.rejectedRows} rejected row(s).`,
        summary,
      };
    const committed = await commitKept(summary.planId, options.allowPartial ?? false, onProgress);
    return committed.ok
      ? { ok: true, importId: committed.importId, summary }
      : { ok: false, reason: committed.reason, summary };
  },

  /** The rejected rows of a kept plan as a CSV to fix and import again. */
  rejectedCsv(planId: string): string | null {
    const kept = plans.get(planId);
    return kept ? rejectedRowsCsv(kept.plan) : null;
  },

  async undo(importId: string): Promise<UndoResult> {
    try {
      return { ok: true, ...(await undoImport(db, importId, toIsoDateTime(new Date()))) };
    } catch (error) {
      if (error instanceof UndoRefusedError) return { ok: false, reason: error.message };
      throw error;
    }
  },

  /** The kind's stored records in the importer's canonical CSV form (UTF-8). */
  async exportCsv(kind: ImportKind): Promise<string> {
    const { data } = await readImportExisting(db, kind);
    return exportKindCsv(kind, data);
  },
};

export type ImportWorkerApi = typeof api;
Comlink.expose(api);
