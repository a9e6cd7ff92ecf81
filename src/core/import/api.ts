/**
 * What the page and the import worker (workers/import-worker.ts) say to each other. The types
 * live here, in the pure core, so that the UI never imports from workers/ and the worker only
 * has to implement `ImportWorkerApi`.
 */
import type {
  AutoMapResult,
  BlankCells,
  ColumnMapping,
  ConstantValues,
  CsvError,
  DateFormat,
  DecimalSeparator,
  Delimiter,
  DialectGuess,
  EncodingGuess,
  ImportCounts,
  ImportEncoding,
  ImportKind,
  ImportWarning,
  MappingProblem,
  OnDuplicate,
  PlanStatus,
  RejectedRow,
  ThousandsSeparator,
  ValueFormat,
  ValueFormatGuess,
} from './index.ts';

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
  /** Empty cells of updated records: keep the stored value (default) or clear it. */
  blankCells?: BlankCells;
  /** Kept in the import history. */
  fileName?: string;
  presetName?: string;
  /** `run` only: import the valid rows when some are rejected. */
  allowPartial?: boolean;
}

export type AnalyzeOverrides = Partial<
  Omit<ImportOptions, 'onDuplicate' | 'blankCells' | 'allowPartial' | 'fileName' | 'presetName'>
>;

export interface PreviewCell {
  field: string;
  /** The text in the file (or the constant). */
  text: string;
  /** The value as it will be stored, written plainly (ISO dates, `.` decimals). */
  display: string;
  /** Why the value cannot be read (in English), or ''. */
  error: string;
  /** The reason coded for the UI (`problem.import.<problem>`), with `params`, when the value cannot be read. */
  problem?: string;
  params?: Readonly<Record<string, string | number>>;
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
      /**
       * The columns offered for mapping: at most MAX_OFFERED_COLUMNS (limits.ts), so a very
       * wide file does not block the page with thousands of choices per field.
       */
      header: string[];
      /** The file's number of columns; more than `header.length` when the offer is capped. */
      columnCount: number;
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
  | {
      ok: false;
      fileName: string;
      reason: string;
      /** The coded reason (read-file.ts ReadFailureCode, or a csv.ts file-level code) and where. */
      code?: string;
      params?: Record<string, string | number>;
      encodingGuess: EncodingGuess;
    };

/** The settings a plan was made with (detected ones filled in). */
export interface PlanSettings {
  encoding: ImportEncoding;
  delimiter: Delimiter;
  hasHeader: boolean;
  skipLines: number;
  mapping: ColumnMapping;
  format: ValueFormat;
}

export interface PlanSummary {
  planId: string;
  kind: ImportKind;
  fileName: string;
  status: PlanStatus;
  problems: string[];
  counts: ImportCounts;
  rejected: RejectedRow[];
  /** Odd but possible values of the records the plan would import (a rule-set warning each). */
  warnings: ImportWarning[];
  header: string[];
  /** The settings the plan was made with (detected ones filled in). */
  settings: PlanSettings;
}

export type ImportPhase = 'reading' | 'checking' | 'comparing' | 'writing';
export type ImportProgress = (phase: ImportPhase, done: number, total: number) => void;

export type CommitResult = { ok: true; importId: string; counts: ImportCounts } | { ok: false; reason: string };
export type RunResult =
  { ok: true; importId: string; summary: PlanSummary } | { ok: false; reason: string; summary: PlanSummary };
export type UndoResult = { ok: true; removed: number; restored: number } | { ok: false; reason: string };

/** The import worker's methods (each call crosses to the worker, so the page sees them as promises). */
export interface ImportWorkerApi {
  /** Detected settings, header, auto-mapping and a parsed preview; `overrides` replace any guess. */
  analyze(bytes: Uint8Array, fileName: string, overrides?: AnalyzeOverrides): Promise<AnalyzeResult>;
  /** Reads and checks the whole file against the stored data; nothing is written. */
  plan(bytes: Uint8Array, options: ImportOptions, onProgress?: ImportProgress): Promise<PlanSummary>;
  /** Writes a checked plan (one transaction, with its history row); returns the import id. */
  commit(planId: string, choice: { allowPartial: boolean }, onProgress?: ImportProgress): Promise<CommitResult>;
  /** Plan and commit in one call (scripts, the benchmark). */
  run(bytes: Uint8Array, fileName: string, options: ImportOptions, onProgress?: ImportProgress): Promise<RunResult>;
  /** The rejected rows of a kept plan as a CSV to fix and import again. */
  rejectedCsv(planId: string): string | null;
  undo(importId: string): Promise<UndoResult>;
  /** The kind's stored records in the importer's canonical CSV form (UTF-8). */
  exportCsv(kind: ImportKind): Promise<string>;
}
