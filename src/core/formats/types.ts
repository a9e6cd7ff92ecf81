/**
 * The contract between a format module, the registry, the export pipeline, the
 * Settings form, pre-flight and the CLI. A format is pure: the same data, settings
 * and context give the same bytes.
 */
import type { CompanyData, IsoDate, IsoDateTime } from '../domain/types.ts';
import type { CodeMapping } from './kit/code-mapping.ts';
import type { TextEncodingName } from '../encoding/text-encoding.ts';

export type FileLineEnding = 'CRLF' | 'LF' | 'none';

export type FormatDataType = 'invoices' | 'timeRecords' | 'claims' | 'customers';
/** What an export is for; every list of purposes (the backup reader's among them) is this one. */
export const FORMAT_PURPOSES = ['accounting', 'factoring', 'ehf', 'payroll', 'other'] as const;
export type FormatPurpose = (typeof FORMAT_PURPOSES)[number];

export type SettingDefinition =
  | (SettingBase<'string', string> & {
      pattern?: string;
      maxLength?: number;
      /** The value is a `code=value; …` mapping of the company's codes, shown as a table (kit/code-mapping.ts). */
      mapping?: CodeMapping;
    })
  | (SettingBase<'integer', number> & { min?: number; max?: number })
  | SettingBase<'boolean', boolean>
  | (SettingBase<'choice', string> & { choices: readonly { value: string; label: string }[] });

interface SettingBase<K extends string, V> {
  key: string;
  kind: K;
  label: string;
  help?: string;
  /**
   * The form of a valid value, for the issue that refuses one (`invalid-setting`), e.g. `EUR=11.49`
   * or "4 digits, given by SG Finans". Like the label, a text the UI words in its language.
   */
  expected?: string;
  default: V;
  required?: boolean;
  /**
   * An older setting this one took the place of: saved exports and company files that still hold
   * `key` get this setting's value from `values` (the old value as text → the new value), and the
   * old key is not reported as unknown.
   */
  replaces?: { key: string; values: Record<string, V> };
}

export type SettingValue = string | number | boolean;
export type FormatSettings = Record<string, SettingValue>;

export interface ExportContext {
  /** The clock, passed in so that output is reproducible. Local time. */
  now: IsoDateTime;
  /** e.g. `nb-NO`; formats that write fixed text in a language may use it. */
  locale: string;
  programName: string;
  programVersion: string;
  /** Period of a time-record or claim export (inclusive); absent for invoice exports. */
  period?: { from: IsoDate; to: IsoDate };
}

export type IssueSeverity = 'error' | 'warning';

/**
 * A problem found before or while generating. `error` blocks the run. Made by `issue()` in
 * ./issues.ts, whose list holds every code; the UI words it (`issue.<code>` in src/ui/messages.ts).
 */
export interface ExportIssue {
  severity: IssueSeverity;
  /** Stable machine code from the catalogue in ./issues.ts, e.g. `unencodable-character`. */
  code: string;
  /**
   * What the message is made of (record keys, field, values, limits), for rendering it in
   * another language. Optional only for issues made outside `src/core` (the workers).
   */
  params?: Readonly<Record<string, string | number>>;
  /**
   * Only for issues made outside `src/core` (a worker that stopped, a setting the registry refused):
   * their own text, shown as it is. Issues made by `issue()` have none: the UI renders code and params.
   */
  message?: string;
  /** What record to fix, e.g. `{ kind: 'invoice', key: '10023' }`. */
  record?: {
    kind: 'invoice' | 'customer' | 'project' | 'user' | 'account' | 'vatCode' | 'timeRecord' | 'claim' | 'company';
    key: string;
  };
  field?: string;
  /**
   * How many more issues of this severity and code the run found and does not list one by one
   * (`capRepeatedIssues`): a 100k-line export can warn on every line, and a list of 177k warnings
   * helps nobody and takes the page a frame-breaking moment to receive.
   */
  moreLikeThis?: number;
}

export interface ExportFile {
  name: string;
  mimeType: string;
  bytes: Uint8Array;
  recordCount: number;
  /** e.g. `{ 'gross NOK': 123450 }` in minor units, or `{ hours: 37.5 }`. */
  controlTotals: Record<string, number>;
}

export interface ExportResult {
  files: ExportFile[];
  issues: ExportIssue[];
  /** Human-readable notes, e.g. transliterations made. */
  report: string[];
}

export interface FormatDefinition {
  id: string;
  name: string;
  /** ISO alpha-2 of the system's home market, or `INT`. */
  country: string;
  purpose: FormatPurpose;
  dataType: FormatDataType;
  /** e.g. `csv`, `fixed-width`, `sie`, `xml`. */
  fileKind: string;
  defaultEncoding: TextEncodingName;
  specUrl: string;
  /**
   * Invoices by period (SAF-T): the run takes a period (`--from`/`--to`, the period dialog), every
   * finalized invoice issued in it whatever its export status, and changes no status.
   */
  periodExport?: boolean;
  /**
   * The line ending of the text it writes with its default settings; `none` for a binary file
   * (XLSX). Required of built-in formats (`BuiltInFormatInfo`): docs/formats.md lists it.
   */
  lineEnding?: FileLineEnding;
  /**
   * What it assumes where its spec is silent or unpublished, one short sentence each; the module's
   * header holds the full list and the quotes. Required of built-in formats: docs/formats.md lists it.
   */
  assumptions?: readonly string[];
  settings: readonly SettingDefinition[];
  /**
   * `data` is already narrowed by the pipeline: for an invoice format `data.invoices` holds
   * exactly the invoices to export; for time records and claims, the records of the period.
   * Master data (customers, accounts, ...) is complete.
   *
   * Every issue the run would meet: built-in formats build the whole file here (`defineFormat`
   * in src/core/formats/kit/format-kit.ts runs checks and build, and generate reuses the build).
   */
  preflight(data: CompanyData, settings: FormatSettings, context: ExportContext): ExportIssue[];
  /**
   * Generates the files. `issues` holds everything preflight would report plus what only
   * generation finds; when any issue is an `error`, `files` is empty (built-in formats via
   * src/core/formats/kit/format-kit.ts). Settings missing from `settings` take their defaults.
   * Several files (e.g. Xero's 500-invoice limit) are zipped by the pipeline.
   */
  generate(data: CompanyData, settings: FormatSettings, context: ExportContext): ExportResult;
  /**
   * Optional, for period exports whose output is one line per record in record order (layout
   * templates over time records or expenses): a generation fed the period's records chunk by
   * chunk, so only one chunk is alive. `master` is the master data (its record lists are not
   * read). Null when these settings need all records at once; then the pipeline calls
   * `preflight` and `generate` as usual. A format offering it promises that its pre-flight is
   * that generation: `preflight(data)` equals `generate(data).issues`.
   */
  chunked?(master: CompanyData, settings: FormatSettings, context: ExportContext): ChunkedGeneration | null;
}

/** See `FormatDefinition.chunked`. */
export interface ChunkedGeneration {
  /**
   * The next records, narrowed as for `generate` (`timeRecords` or `claims` of one chunk, in the
   * order a whole export holds them). False: this run cannot be finished chunked after all
   * (`finish` will return null), so the caller may stop reading and take the whole path.
   */
  add(records: CompanyData): boolean;
  /** What `generate` over all the chunks' records at once returns, byte for byte; null: take the whole path. */
  finish(): Promise<ExportResult | null>;
}

/**
 * What the registry holds of a format before its code is loaded: plain data for the Settings
 * form, `exportdesk formats` and settings checks (docs/decisions/0006-lazy-format-code.md).
 */
export type FormatInfo = Omit<FormatDefinition, 'preflight' | 'generate' | 'chunked'>;

/** A built-in format's metadata (systems/<id>/info.ts): the documentation fields are required. */
export type BuiltInFormatInfo = FormatInfo & Required<Pick<FormatInfo, 'lineEnding' | 'assumptions'>>;

/** A registry line: a format's metadata, and its code loaded on demand (a dynamic `import()`). */
export interface RegisteredFormat extends BuiltInFormatInfo {
  load(): Promise<FormatDefinition>;
}
