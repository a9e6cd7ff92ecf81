/**
 * Dialect detection (our own) and parsing (PapaParse) of CSV text, with the 1-based
 * physical line number of every row so that error messages point at the line a user
 * sees in a text editor: skipped lines, the header, empty lines and newlines inside
 * quoted fields all count.
 *
 * Empty lines are skipped (not reported). Rows whose field count differs from the header
 * (or, without a header, from the first row) are kept but reported as `ragged`; the
 * planner rejects them because a missing field could be any column.
 */
import Papa from 'papaparse';
import type { Confidence } from './encoding.ts';
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_HEADER_CHARS } from '../domain/limits.ts';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export function isDelimiter(value: unknown): value is Delimiter {
  return typeof value === 'string' && (DELIMITERS as readonly string[]).includes(value);
}

export function delimiterLabel(d: Delimiter): string {
  return d === '\t' ? 'tab' : d === ',' ? 'comma' : d === ';' ? 'semicolon' : 'pipe';
}

export interface DialectGuess {
  delimiter: Delimiter;
  hasHeader: boolean;
  /** Lines above the table (titles, blank lines) to skip. */
  skipLines: number;
  /** Fields per row of the table. */
  fieldCount: number;
  confidence: Confidence;
  /** In English (the CLI prints it). */
  reason: string;
  /** The delimiter part of the reason coded for the UI (import.guess.dialect.<code>). */
  code: DialectReasonCode;
  /** delimiter, rows, fields, share (percent of rows that agree), skipLines (for `delimiter`). */
  params: Readonly<Record<string, string | number>>;
  /** Why the first row is or is not a header, coded (import.guess.header.<code>); null when there is no table. */
  header: { code: HeaderReasonCode; params: Readonly<Record<string, string | number>> } | null;
}

export type DialectReasonCode = 'no-text' | 'no-delimiter' | 'delimiter';
export type HeaderReasonCode = 'number' | 'empty-cell' | 'repeats' | 'typed-column' | 'distinct';

/** How much text the detector looks at. */
const SAMPLE_CHARS = 64 * 1024;

interface RecordShape {
  /** 0-based physical line the record starts on. */
  line: number;
  fields: number;
  empty: boolean;
}

/**
 * Splits the sample into records, honouring quotes (quoted newlines stay in the record), and
 * counts each record's fields for every candidate delimiter at once: where records start
 * and end does not depend on the delimiter, so one pass serves all of them.
 */
function recordShapes(sample: string): RecordShape[][] {
  const slotOf = new Int8Array(128).fill(-1);
  DELIMITERS.forEach((d, i) => (slotOf[d.charCodeAt(0)] = i));
  const shapes: RecordShape[][] = DELIMITERS.map(() => []);
  const fields = DELIMITERS.map(() => 1);
  const QUOTE = 0x22;
  const LF = 0x0a;
  const CR = 0x0d;
  const SPACE = 0x20;
  let inQuotes = false;
  let line = 0;
  let start = 0;
  let content = false;
  const endRecord = () => {
    for (let d = 0; d < DELIMITERS.length; d++) {
      shapes[d]!.push({ line: start, fields: fields[d]!, empty: !content });
      fields[d] = 1;
    }
  };
  for (let i = 0; i < sample.length; i++) {
    const ch = sample.charCodeAt(i);
    if (ch === QUOTE) {
      inQuotes = !inQuotes;
      content = true;
    } else if (ch === LF || ch === CR) {
      if (ch === CR && sample.charCodeAt(i + 1) === LF) i++;
      if (!inQuotes) {
        endRecord();
        content = false;
        start = line + 1;
      }
      line++;
    } else {
      if (!inQuotes) {
        const d = ch < 128 ? slotOf[ch]! : -1;
        if (d !== -1) fields[d]!++;
      }
      if (ch !== SPACE) content = true;
    }
  }
  if (content) endRecord();
  return shapes;
}

interface DelimiterScore {
  delimiter: Delimiter;
  fieldCount: number;
  consistency: number;
  skipLines: number;
  records: number;
}

function scoreDelimiter(allShapes: readonly RecordShape[], delimiter: Delimiter): DelimiterScore {
  const shapes = allShapes.filter((s) => !s.empty);
  const counts = new Map<number, number>();
  for (const s of shapes) counts.set(s.fields, (counts.get(s.fields) ?? 0) + 1);
  let mode = 1;
  let modeCount = 0;
  for (const [fields, count] of counts) {
    if (fields > 1 && (count > modeCount || (count === modeCount && fields > mode))) {
      mode = fields;
      modeCount = count;
    }
  }
  const firstIndex = shapes.findIndex((s) => s.fields === mode);
  const table = firstIndex === -1 ? [] : shapes.slice(firstIndex);
  const consistent = table.filter((s) => s.fields === mode).length;
  return {
    delimiter,
    fieldCount: mode,
    consistency: table.length === 0 || mode === 1 ? 0 : consistent / table.length,
    skipLines: firstIndex <= 0 ? 0 : shapes[firstIndex]!.line,
    records: table.length,
  };
}

/** Guesses delimiter, header row and lines to skip from the start of the text. */
export function detectDialect(text: string): DialectGuess {
  let sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  if (text.length > SAMPLE_CHARS) {
    const lastBreak = sample.lastIndexOf('\n');
    if (lastBreak > 0) sample = sample.slice(0, lastBreak + 1);
  }
  if (sample.charCodeAt(0) === 0xfeff) sample = sample.slice(1);
  const shapes = recordShapes(sample);
  const scores = DELIMITERS.map((d, i) => scoreDelimiter(shapes[i]!, d));
  // Best: most consistent, then more records in the table, then more fields.
  scores.sort((a, b) => b.consistency - a.consistency || b.records - a.records || b.fieldCount - a.fieldCount);
  const best = scores[0]!;
  if (best.consistency === 0) {
    return {
      delimiter: ',',
      hasHeader: sample.trim() !== '',
      skipLines: 0,
      fieldCount: 1,
      confidence: 'low',
      reason:
        sample.trim() === ''
          ? 'The file has no text.'
          : 'No delimiter splits the lines into several columns; the file has one column or is not CSV.',
      code: sample.trim() === '' ? 'no-text' : 'no-delimiter',
      params: {},
      header: null,
    };
  }
  const header = detectHeader(sample, best);
  const rows = `${best.records} row(s) with ${best.fieldCount} fields`;
  const share = Math.round(best.consistency * 100);
  const confidence: Confidence =
    best.consistency >= 0.95 && best.records >= 2 ? 'high' : best.consistency >= 0.8 ? 'medium' : 'low';
  return {
    delimiter: best.delimiter,
    hasHeader: header.hasHeader,
    skipLines: best.skipLines,
    fieldCount: best.fieldCount,
    confidence,
    reason:
      `The ${delimiterLabel(best.delimiter)} gives ${rows} (${share}% of the rows agree)` +
      (best.skipLines > 0 ? `, after ${best.skipLines} line(s) of other text at the top` : '') +
      `. ${header.reason}`,
    code: 'delimiter',
    params: {
      delimiter: best.delimiter,
      rows: best.records,
      fields: best.fieldCount,
      share,
      skipLines: best.skipLines,
    },
    header: header.code === null ? null : { code: header.code, params: header.params },
  };
}

const LOOKS_NUMERIC = /^[\s(+\-−]*[\d\s\u00a0\u202f.,'/:-]*\d[\d\s\u00a0\u202f.,'/:-]*[)\-−]?\s*$/;

interface HeaderGuess {
  hasHeader: boolean;
  reason: string;
  code: HeaderReasonCode | null;
  params: Readonly<Record<string, string | number>>;
}

function detectHeader(sample: string, score: DelimiterScore): HeaderGuess {
  const parsed = parseCsv(sample, {
    delimiter: score.delimiter,
    hasHeader: false,
    skipLines: score.skipLines,
    maxRows: 20,
  });
  if (parsed.rows.length === 0) return { hasHeader: false, reason: '', code: null, params: {} };
  const first = parsed.rows[0]!.cells;
  const rest = parsed.rows.slice(1);
  const numericHeader = first.filter((c) => c.trim() !== '' && LOOKS_NUMERIC.test(c));
  if (numericHeader.length > 0)
    return {
      hasHeader: false,
      reason: `The first row has a number ("${numericHeader[0]}"), so it is data, not a header.`,
      code: 'number',
      params: { value: numericHeader[0]! },
    };
  if (first.some((c) => c.trim() === ''))
    return {
      hasHeader: false,
      reason: 'The first row has an empty cell, so it is probably data.',
      code: 'empty-cell',
      params: {},
    };
  const unique = new Set(first.map((c) => c.trim().toLowerCase())).size === first.length;
  if (!unique)
    return {
      hasHeader: false,
      reason: 'The first row repeats a value, so it is probably data.',
      code: 'repeats',
      params: {},
    };
  const typedColumn = first.findIndex(
    (_, col) =>
      rest.length > 0 && rest.every((r) => LOOKS_NUMERIC.test(r.cells[col] ?? '') || (r.cells[col] ?? '') === ''),
  );
  if (typedColumn !== -1)
    return {
      hasHeader: true,
      reason: `The first row is text above a column of numbers or dates ("${first[typedColumn]}").`,
      code: 'typed-column',
      params: { column: first[typedColumn]! },
    };
  return {
    hasHeader: true,
    reason: 'The first row has distinct text values, as a header does.',
    code: 'distinct',
    params: {},
  };
}

export interface CsvOptions {
  delimiter: Delimiter;
  hasHeader: boolean;
  skipLines: number;
  /** Stop after this many data rows (live preview). */
  maxRows?: number;
}

export interface CsvRow {
  /** 1-based physical line of the row's first character. */
  line: number;
  cells: string[];
}

/**
 * `too-many-columns` (more than MAX_COLUMNS) and a `cell-too-long` on the header line are about
 * the whole file: nothing is read. A `cell-too-long` on a data row rejects that row.
 */
export type CsvErrorCode = 'ragged' | 'quotes' | 'empty-file' | 'no-rows' | 'too-many-columns' | 'cell-too-long';

export interface CsvError {
  line: number;
  code: CsvErrorCode;
  message: string;
  /** Where and how much, for a translated message (`column` is 1-based). */
  params?: Record<string, string | number>;
}

/** The errors of a parsed table that stop the whole file (see CsvErrorCode). */
export function fileLevelErrors(table: ParsedCsv): CsvError[] {
  return table.errors.filter(
    (e) =>
      e.code === 'empty-file' ||
      e.code === 'too-many-columns' ||
      (e.code === 'cell-too-long' && table.header.length === 0),
  );
}

/**
 * Fields in the first record of `body`, counted up to `limit + 1` (quotes honoured), so a file
 * of a million columns is refused before the parser builds a million strings.
 */
function firstRecordFields(body: string, delimiter: string, limit: number): number {
  let fields = 1;
  let inQuotes = false;
  const d = delimiter.charCodeAt(0);
  for (let i = 0; i < body.length; i++) {
    const ch = body.charCodeAt(i);
    if (ch === 0x22) inQuotes = !inQuotes;
    else if (!inQuotes && (ch === 0x0a || ch === 0x0d)) {
      if (fields > 1 || body.slice(0, i).trim() !== '') return fields;
    } else if (!inQuotes && ch === d && ++fields > limit) return fields;
  }
  return fields;
}

export interface ParsedCsv {
  /** Column names; `Column 1`… when the file has no header; duplicates get ` (2)`, ` (3)`. */
  header: string[];
  /** The line of the header row (0 without header). */
  headerLine: number;
  rows: CsvRow[];
  errors: CsvError[];
  /** True when `maxRows` cut the file short. */
  truncated: boolean;
}

/** Index just after the `count`-th line break, treating CRLF, CR and LF as one break each. */
function offsetAfterLines(text: string, count: number): number {
  let offset = 0;
  for (let skipped = 0; skipped < count && offset < text.length; skipped++) {
    const lf = text.indexOf('\n', offset);
    const cr = text.indexOf('\r', offset);
    if (lf === -1 && cr === -1) return text.length;
    if (cr !== -1 && (lf === -1 || cr < lf)) offset = text[cr + 1] === '\n' ? cr + 2 : cr + 1;
    else offset = lf + 1;
  }
  return offset;
}

function lineBreaksIn(cell: string): number {
  if (cell.indexOf('\n') === -1 && cell.indexOf('\r') === -1) return 0;
  let n = 0;
  for (let i = 0; i < cell.length; i++) {
    const ch = cell.charCodeAt(i);
    if (ch === 10) n++;
    else if (ch === 13) {
      n++;
      if (cell.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}

function uniqueHeader(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((raw, i) => {
    const name = raw.trim() === '' ? `Column ${i + 1}` : raw.trim();
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

function longCell(cells: readonly string[], max: number): number {
  for (let c = 0; c < cells.length; c++) if (cells[c]!.length > max) return c;
  return -1;
}

export function parseCsv(text: string, options: CsvOptions): ParsedCsv {
  const errors: CsvError[] = [];
  const bodyStart = offsetAfterLines(text, options.skipLines);
  let body = text.slice(bodyStart);
  if (body.charCodeAt(0) === 0xfeff) body = body.slice(1);
  if (body.trim() === '') {
    errors.push({
      line: options.skipLines + 1,
      code: 'empty-file',
      message:
        options.skipLines > 0
          ? `There is nothing after the ${options.skipLines} skipped line(s).`
          : 'The file is empty.',
    });
    return { header: [], headerLine: 0, rows: [], errors, truncated: false };
  }
  const firstFields = firstRecordFields(body, options.delimiter, MAX_COLUMNS);
  if (firstFields > MAX_COLUMNS) {
    const line = options.skipLines + 1;
    errors.push({
      line,
      code: 'too-many-columns',
      message: `Line ${line} has more than ${MAX_COLUMNS} columns; no import takes that many. Is the delimiter right?`,
      params: { line, max: MAX_COLUMNS },
    });
    return { header: [], headerLine: 0, rows: [], errors, truncated: false };
  }
  const preview = options.maxRows === undefined ? 0 : options.maxRows + (options.hasHeader ? 1 : 0) + 50;
  const result = Papa.parse<string[]>(body, {
    delimiter: options.delimiter,
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    skipEmptyLines: false,
    preview,
  });
  const data = result.data;
  const lines = new Array<number>(data.length);
  let line = options.skipLines + 1;
  for (let i = 0; i < data.length; i++) {
    lines[i] = line;
    const cells = data[i]!;
    let breaks = 0;
    for (let c = 0; c < cells.length; c++) breaks += lineBreaksIn(cells[c]!);
    // A file of CRLF lines read with LF as the break (PapaParse guesses one from the start, and a
    // file can mix them) leaves the CR at the end of the row: it ends this line, it starts no other.
    const last = cells[cells.length - 1];
    if (last !== undefined && last.endsWith('\r') && result.meta.linebreak === '\n') breaks--;
    line += 1 + breaks;
  }
  const quoteErrorRows = new Set<number>();
  for (const e of result.errors) {
    if (e.type !== 'Quotes' || e.row === undefined || quoteErrorRows.has(e.row)) continue;
    quoteErrorRows.add(e.row);
    errors.push({
      line: lines[e.row] ?? line,
      code: 'quotes',
      message: `Line ${lines[e.row] ?? line}: ${e.code === 'MissingQuotes' ? 'a quoted field is not closed' : 'a quote inside a field is not doubled'} (${e.message}).`,
    });
  }

  let header: string[] = [];
  let headerLine = 0;
  const rows: CsvRow[] = [];
  let expected = -1;
  let truncated = result.meta.truncated;
  for (let i = 0; i < data.length; i++) {
    const cells = data[i]!;
    if (cells.length === 1 && cells[0]!.trim() === '') continue;
    const headerRow = expected === -1 && options.hasHeader;
    const long = longCell(cells, headerRow ? MAX_HEADER_CHARS : MAX_CELL_CHARS);
    if (long !== -1) {
      errors.push({
        line: lines[i]!,
        code: 'cell-too-long',
        message: `Line ${lines[i]}, column ${long + 1}: a ${headerRow ? 'column name' : 'field'} of ${cells[long]!.length} characters; at most ${headerRow ? MAX_HEADER_CHARS : MAX_CELL_CHARS} are read.`,
        params: {
          line: lines[i]!,
          column: long + 1,
          length: cells[long]!.length,
          max: headerRow ? MAX_HEADER_CHARS : MAX_CELL_CHARS,
        },
      });
      // A header that long is no header: the file is not read.
      if (expected === -1) return { header: [], headerLine: 0, rows: [], errors, truncated: false };
      // The row is kept (and rejected by its line's error), without the long text.
      rows.push({ line: lines[i]!, cells: cells.map((c) => (c.length > MAX_CELL_CHARS ? '' : c)) });
      continue;
    }
    if (expected === -1) {
      expected = cells.length;
      if (options.hasHeader) {
        header = uniqueHeader(cells);
        headerLine = lines[i]!;
        continue;
      }
      header = cells.map((_, c) => `Column ${c + 1}`);
    }
    if (options.maxRows !== undefined && rows.length >= options.maxRows) {
      truncated = true;
      break;
    }
    if (cells.length !== expected && !quoteErrorRows.has(i)) {
      errors.push({
        line: lines[i]!,
        code: 'ragged',
        message: `Line ${lines[i]}: ${cells.length} field(s), but the ${options.hasHeader ? 'header has' : 'first row has'} ${expected}.`,
      });
    }
    rows.push({ line: lines[i]!, cells });
  }
  if (rows.length === 0 && errors.length === 0) {
    errors.push({
      line: headerLine || options.skipLines + 1,
      code: 'no-rows',
      message: options.hasHeader ? 'The file has a header but no data rows.' : 'The file has no data rows.',
    });
  }
  return { header, headerLine, rows, errors, truncated };
}

/** Quotes a field when it holds the delimiter, a quote, a line break, or surrounding spaces. */
export function csvField(value: string, delimiter: string = ','): string {
  if (value === '') return '';
  const needs =
    value.includes(delimiter) ||
    value.includes('"') ||
    value.includes('\n') ||
    value.includes('\r') ||
    value.trim() !== value;
  return needs ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(cells: readonly string[], delimiter: string = ','): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) out += delimiter;
    out += csvField(cells[i]!, delimiter);
  }
  return out;
}
