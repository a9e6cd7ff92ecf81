/**
 * Export templates: user-made formats, stored as versioned JSON (see portable.ts).
 *
 * Two kinds share the common settings Moment's template editor has (name, data type,
 * file name, file type, decimal separator, line break, quotes, quoting of empty fields,
 * encoding):
 * - a layout template is a table of columns rendered through the shared delimited or
 *   fixed-width builders;
 * - a text template is Liquid, for any structure (XML, sections, SIE-like records).
 */
import type { IsoDate } from '../domain/types.ts';
import type { TextEncodingName } from '../encoding/text-encoding.ts';
import type { FieldReplacements } from '../formats/builders/delimited.ts';
import type { FieldFormat } from '../formats/builders/field-format.ts';
import type { LedgerDataOptions } from './ledger-scope.ts';

export const TEMPLATE_DATA_TYPES = [
  'customers',
  'expenses',
  'invoices',
  'invoicesByAccount',
  'projects',
  'timeRecords',
  'timeRecordsGrouped',
  'users',
] as const;
export type TemplateDataType = (typeof TEMPLATE_DATA_TYPES)[number];

export const LINE_BREAKS = ['windows', 'unix'] as const;
export type LineBreak = (typeof LINE_BREAKS)[number];

/**
 * - `none`: fields are written as they are;
 * - `all`: every field is quoted;
 * - `text`: every field that is not a number is quoted;
 * - `needed`: only fields holding the delimiter, a quote or a line break are quoted.
 */
export const QUOTINGS = ['none', 'all', 'text', 'needed'] as const;
export type Quoting = (typeof QUOTINGS)[number];

export const DECIMAL_SEPARATORS = ['.', ','] as const;
export type DecimalSeparator = (typeof DECIMAL_SEPARATORS)[number];

/** Keys that Timerecords (grouped) can sum over. */
export const TIME_GROUP_KEYS = ['employee', 'wageCode', 'project', 'activity', 'date'] as const;
export type TimeGroupKey = (typeof TIME_GROUP_KEYS)[number];

export interface DatasetOptions {
  /** Timerecords (grouped) only. Default: employee, wage code, project. */
  groupBy?: TimeGroupKey[];
  /**
   * Time records, grouped time records and expenses of external co-workers
   * (subcontractors) are left out unless this is true, as payroll exports do by default.
   */
  includeExternalUsers?: boolean;
  /** The export period, shown to templates; the pipeline has already narrowed the data to it. */
  period?: { from: IsoDate; to: IsoDate };
  /** Invoice data types, text templates: settings of the `ledger` vouchers (see ledger-scope.ts). */
  ledger?: LedgerDataOptions;
}

export interface TemplateCommon {
  name: string;
  dataType: TemplateDataType;
  /** With `{DATETIME}` (yyyyMMddHHmmss), `{DATE}` (yyyyMMdd), `{FROM}` and `{TO}` (yyyyMMdd of the period). */
  fileNamePattern: string;
  /** Without the dot, e.g. `csv`, `txt`, `se`, `xml`. */
  fileExtension: string;
  decimalSeparator: DecimalSeparator;
  lineBreak: LineBreak;
  quoting: Quoting;
  quoteEmptyFields: boolean;
  encoding: TextEncodingName;
  dataOptions: DatasetOptions;
  /**
   * Text cells of a delimited layout, and values of the `csv` filter, that a spreadsheet would run as
   * a formula (`=`, `+`, `-`, `@`, tab or CR first) get a `'` in front (formats/builders/delimited.ts
   * `FormulaCells`). Absent or true: on; false: written as they are, for a reader that needs the raw text.
   */
  neutraliseFormulas?: boolean;
}

/**
 * One column of a layout template. The value comes from `field` (a path into the row,
 * `customer.name`), else from `liquid` (a small Liquid snippet rendered per row, e.g.
 * `{% if vatRatePercent == 0 %}No VAT{% else %}{{ vatRatePercent }}%{% endif %}`), else
 * from the constant `value`. `format` is the shared builders' field format (text, amount
 * in minor units with decimals/separator/implied decimals, date pattern, integer, quantity).
 * `width`, `align`, `pad`, `zeroFill` and `overflow` are for fixed-width layouts; in a
 * delimited layout `format.maxLength` limits a text.
 */
export interface LayoutColumn {
  header: string;
  field?: string;
  liquid?: string;
  value?: string;
  format?: FieldFormat;
  width?: number;
  align?: 'left' | 'right';
  pad?: string;
  zeroFill?: boolean;
  overflow?: 'truncate' | 'error';
}

export interface LayoutTemplate extends TemplateCommon {
  kind: 'layout';
  layout: 'delimited' | 'fixed-width';
  /** Delimited only, e.g. `,` `;` `\t`. */
  delimiter: string;
  /** Delimited only: write the column headers as the first line. */
  headerRow: boolean;
  /**
   * Delimited with quoting `none` only: what replaces the delimiter (and quotes, line breaks)
   * inside a value, with a warning each time; absent = such a value is an error. Copied from a
   * built-in format whose spec has no quoting (GBAT10: `;` → `,`).
   */
  replacements?: FieldReplacements;
  /** End the last line with a line break too. */
  finalLineBreak: boolean;
  /**
   * Empty: one line per dataset row. A list field of the data type (invoices: `lines`):
   * one line per item, the item's fields under `line` and the row's under `record`
   * (paths `line.description`, `record.customer.name`).
   */
  rowsFrom: '' | 'lines';
  columns: LayoutColumn[];
}

export const POST_PROCESSES = ['none', 'sie-ksumma'] as const;
/** `sie-ksumma` fills the `#KSUMMA` record with the CRC-32 of the finished file (a template can't checksum its own output). */
export type PostProcess = (typeof POST_PROCESSES)[number];

export interface TextTemplate extends TemplateCommon {
  kind: 'text';
  /** Liquid source. */
  content: string;
  postProcess: PostProcess;
}

export type ExportTemplate = LayoutTemplate | TextTemplate;
