/**
 * Which number and date formats the sampled values of the mapped columns suggest: what the
 * wizard shows as its guess and what the CLI uses where no option was given.
 */
import type { ColumnMapping } from './auto-map.ts';
import type { ParsedCsv } from './csv.ts';
import { detectDateFormats, type DateFormat, type DateReasonCode } from './date-formats.ts';
import { importFields, type ImportKind } from './fields.ts';
import { detectNumberFormat, type NumberFormatGuess } from './numbers.ts';
import type { ValueFormat } from './values.ts';

/** The number and date formats sample values of the mapped columns suggest. */
export interface ValueFormatGuess {
  number: NumberFormatGuess;
  /** Date formats that read every sampled date; more than one means the user must choose. */
  dateFormats: DateFormat[];
  /** In English (the CLI prints it). */
  dateReason: string;
  /** The date reason coded for the UI (import.guess.date.<code>), with its parameters. */
  dateCode: DateReasonCode;
  dateParams: Readonly<Record<string, string | number>>;
  /** The format to use where the user chose nothing: the guesses, null where undecided. */
  format: ValueFormat;
}

/** How many rows the number and date detection looks at. */
export const FORMAT_SAMPLE_ROWS = 500;

export function guessValueFormat(kind: ImportKind, table: ParsedCsv, mapping: ColumnMapping): ValueFormatGuess {
  const numberColumns: number[] = [];
  const dateColumns: number[] = [];
  for (const def of importFields(kind)) {
    const column = mapping[def.name] === undefined ? -1 : table.header.indexOf(mapping[def.name]!);
    if (column === -1) continue;
    if (def.type === 'money' || def.type === 'decimal' || def.type === 'integer') numberColumns.push(column);
    else if (def.type === 'date') dateColumns.push(column);
  }
  const rows = table.rows.slice(0, FORMAT_SAMPLE_ROWS);
  const sample = (columns: number[]) => rows.flatMap((r) => columns.map((c) => r.cells[c] ?? ''));
  const number = detectNumberFormat(sample(numberColumns));
  const dates = detectDateFormats(sample(dateColumns));
  return {
    number,
    dateFormats: dates.formats,
    dateReason: dates.reason,
    dateCode: dates.code,
    dateParams: dates.params,
    format: {
      decimal: number.decimal,
      thousands: number.thousands,
      dateFormat: dates.formats.length === 1 ? dates.formats[0]! : null,
    },
  };
}
