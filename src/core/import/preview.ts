/**
 * The wizard's first look at a file: the detected settings, the header, the automatic mapping
 * and the first rows parsed with the chosen format, each value shown as it will be stored.
 * Only the first ANALYZE_ROWS rows are read, so this stays quick for any file size.
 */
import type { AnalyzeOverrides, AnalyzeResult, PreviewCell } from './api.ts';
import { autoMap, checkMapping, type ColumnMapping, type ConstantValues } from './auto-map.ts';
import { importFields, type FieldDef } from './fields.ts';
import { chooseFormat, readOverrides, UNKNOWN_FORMAT } from './import-options.ts';
import { readCsvBytes, type ReadCsvOutcome, type ReadCsvResult } from './read-file.ts';
import { guessValueFormat } from './value-format-guess.ts';
import { CANONICAL_FORMAT, readValue, type ValueFormat } from './values.ts';
import { parseProblem } from './numbers.ts';
import { currencyDecimals, formatMinor } from '../domain/money.ts';
import { MAX_OFFERED_COLUMNS } from '../domain/limits.ts';
import { fileLevelErrors } from './csv.ts';

/** Rows shown in the preview. */
export const PREVIEW_ROWS = 20;
/** Rows parsed for the preview and the number/date detection. */
export const ANALYZE_ROWS = 500;

/** Reads the start of the file with the user's reading settings. */
export function readForAnalysis(bytes: Uint8Array, overrides: AnalyzeOverrides): ReadCsvOutcome {
  return readCsvBytes(bytes, { ...readOverrides(overrides), maxRows: ANALYZE_ROWS });
}

/** The answer for a file that could not be read at all. */
export function failedAnalysis(fileName: string, read: ReadCsvOutcome & { ok: false }): AnalyzeResult {
  return {
    ok: false,
    fileName,
    reason: read.reason,
    code: read.code,
    params: read.params,
    encodingGuess: read.encodingGuess,
  };
}

/** Text longer than this is shortened in the preview (the check reads it whole). */
export const PREVIEW_TEXT_CHARS = 200;

function shorten(text: string): string {
  return text.length > PREVIEW_TEXT_CHARS ? `${text.slice(0, PREVIEW_TEXT_CHARS)}…` : text;
}

export interface AnalysisInput {
  fileName: string;
  /** The whole file's size in bytes. */
  size: number;
  overrides: AnalyzeOverrides;
  /** Money without a currency column is shown with the company's decimals. */
  companyCurrency: string;
}

/** Detection, mapping and preview for a file read by `readForAnalysis`. */
export function analysisOf(read: ReadCsvResult, input: AnalysisInput): AnalyzeResult {
  const { overrides } = input;
  const fatal = fileLevelErrors(read.table).find((e) => e.code !== 'empty-file');
  if (fatal)
    return {
      ok: false,
      fileName: input.fileName,
      reason: fatal.message,
      code: fatal.code,
      params: fatal.params ?? { line: fatal.line },
      encodingGuess: read.encodingGuess,
    };
  // Only the first MAX_OFFERED_COLUMNS columns are offered (and auto-mapped): the page gets a
  // bounded header and bounded rows whatever the file's width.
  const columnCount = read.table.header.length;
  const offered = Math.min(columnCount, MAX_OFFERED_COLUMNS);
  const table =
    columnCount > offered
      ? {
          ...read.table,
          header: read.table.header.slice(0, offered),
          rows: read.table.rows.map((r) => ({ line: r.line, cells: r.cells.slice(0, offered) })),
        }
      : read.table;
  const kind = overrides.kind;
  const auto = kind ? autoMap(kind, table.header) : null;
  const mapping = overrides.mapping ?? auto?.mapping ?? {};
  const constants = overrides.constants ?? {};
  const valueGuess = kind ? guessValueFormat(kind, table, mapping) : null;
  const format = chooseFormat(overrides.format, valueGuess?.format ?? UNKNOWN_FORMAT);
  const defs = kind ? importFields(kind) : [];
  const rows = table.rows.slice(0, PREVIEW_ROWS);
  return {
    ok: true,
    fileName: input.fileName,
    size: input.size,
    encodingGuess: read.encodingGuess,
    dialectGuess: read.dialectGuess,
    encoding: read.encoding,
    delimiter: read.delimiter,
    hasHeader: read.hasHeader,
    skipLines: read.skipLines,
    header: table.header,
    columnCount,
    csvErrors: table.errors,
    valueGuess,
    format,
    autoMap: auto,
    mapping,
    mappingProblems: kind ? checkMapping(kind, table.header, mapping, constants) : [],
    preview: rows.map((r) => ({
      line: r.line,
      cells: r.cells.map(shorten),
      values: previewValues(r.cells, table.header, defs, mapping, constants, format, input.companyCurrency),
    })),
    more: table.rows.length > PREVIEW_ROWS || table.truncated,
  };
}

/** A stored value written plainly: money in major units with the currency's decimals, booleans as yes/no. */
function display(def: FieldDef, value: unknown, currency: string): string {
  if (value === null || value === undefined) return '';
  if (def.type === 'money')
    return formatMinor(value as number, { decimals: currencyDecimals(currency) }, currencyDecimals(currency));
  if (def.type === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/**
 * One row's mapped fields (and constants) as they will be read; fields with neither a column
 * nor a constant are left out. A file value wins over the field's constant.
 */
export function previewValues(
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
    const parsed = readValue(shown, def, fromFile ? format : CANONICAL_FORMAT, currencyOf(def));
    out.push({
      field: def.name,
      text: shorten(shown),
      display: parsed.ok ? shorten(display(def, parsed.value, currencyOf(def))) : '',
      error: parsed.ok ? '' : parsed.reason,
      ...(parsed.ok ? {} : parseProblem(parsed)),
    });
  }
  return out;
}
