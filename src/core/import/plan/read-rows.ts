/**
 * Reading the file's rows into field values, the part of planning done chunk by chunk (so a
 * worker can report progress and be cancelled); `buildPlan` then works on the values only.
 */
import type { FieldDef } from '../fields.ts';
import { parseProblem, type ParseProblem, type ParseResult } from '../numbers.ts';
import type { CsvRow } from '../csv.ts';
import { CANONICAL_FORMAT, readValue, type ValueFormat } from '../values.ts';
import type { CellError, PlanImportInput, Reader, ReadRow, Values } from './types.ts';

/**
 * Columns of dates, hours, rates and yes/no repeat few distinct values, and each read is a
 * parse; remembering up to this many results per column reads each distinct text once.
 * Free text is not remembered (reading it is a copy).
 */
const READ_CACHE_LIMIT = 10_000;

/**
 * One reader per field that has a column or a constant. A constant that does not read is a
 * file-level problem (pushed onto `problems`), since it would fail on every row alike.
 */
export function makeReaders(input: PlanImportInput, defs: readonly FieldDef[], problems: string[]): Reader[] {
  const { table } = input;
  const constants = input.constants ?? {};
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
  return readers;
}

/**
 * The function that reads one row. A row the CSV parser found broken (ragged, bad quotes) is
 * not read field by field: its cells are shifted, so every field error would be misleading.
 */
export function rowReader(input: PlanImportInput, readers: readonly Reader[]): (row: CsvRow) => ReadRow {
  const { table } = input;
  const lineErrors = new Map<number, { message: string; code: string }>();
  for (const e of table.errors)
    if (e.code === 'ragged' || e.code === 'quotes' || e.code === 'cell-too-long')
      lineErrors.set(e.line, { message: e.message, code: e.code });

  return function readRow(row: CsvRow): ReadRow {
    const values: Values = {};
    let errors: CellError[] | null = null;
    let hasChild = false;
    const structural = lineErrors.get(row.line);
    if (structural !== undefined || row.cells.length !== table.header.length) {
      const reason = structural?.message ?? `${row.cells.length} field(s), but the header has ${table.header.length}`;
      return {
        row,
        values,
        hasChild,
        errors: [
          {
            column: '',
            field: '',
            value: '',
            reason: reason.replace(/^Line \d+: /, ''),
            code: structural?.code ?? 'ragged',
          },
        ],
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
      else
        (errors ??= []).push({
          column: reader.columnName,
          field: def.name,
          value: text,
          reason: parsed.reason,
          code: parsed.code ?? `invalid-${def.type}`,
          // The reason coded for the UI beside the rejection's code (which tests and the CLI report).
          ...withProblem(parseProblem(parsed)),
        });
    }
    return { row, values, hasChild, errors: errors ?? [] };
  };
}

/** A failed read's coded reason as a rejection's params (`problem` names the UI's message). */
function withProblem(found: ParseProblem | undefined): Pick<CellError, 'params'> {
  return found ? { params: { ...found.params, problem: found.problem } } : {};
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
