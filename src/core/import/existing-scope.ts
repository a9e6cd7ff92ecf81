/**
 * Which stored time records an import can collide with: a time record matches by id or by
 * its natural key, which includes the date, so only records with an id named in the file
 * or a date inside the file's dates can matter. Reading just those keeps a small import
 * into a database of 1M records from reading them all.
 */
import type { IsoDate } from '../domain/types.ts';
import type { ConstantValues, ColumnMapping } from './auto-map.ts';
import type { ParsedCsv } from './csv.ts';
import { parseDate } from './date-formats.ts';
import type { ValueFormat } from './values.ts';

export interface TimeRecordScope {
  /** Dates of the file's rows that parse; null when none does. */
  dates: { from: IsoDate; to: IsoDate } | null;
  /** Ids given in the file. */
  ids: string[];
}

export function timeRecordScope(
  table: ParsedCsv,
  mapping: ColumnMapping,
  constants: ConstantValues,
  format: ValueFormat,
): TimeRecordScope {
  const column = (field: string) => (mapping[field] === undefined ? -1 : table.header.indexOf(mapping[field]!));
  const dateColumn = column('date');
  const idColumn = column('id');
  let from = '';
  let to = '';
  // A file repeats few dates: each distinct text is read once.
  const seenDates = new Set<string>();
  const widen = (text: string) => {
    if (seenDates.has(text)) return;
    seenDates.add(text);
    const parsed = parseDate(text, format.dateFormat);
    if (!parsed.ok) return;
    if (from === '' || parsed.value < from) from = parsed.value;
    if (to === '' || parsed.value > to) to = parsed.value;
  };
  const ids = new Set<string>();
  for (const row of table.rows) {
    const dateText = dateColumn >= 0 ? (row.cells[dateColumn] ?? '') : '';
    // A mapped column wins; the constant fills empty cells (as in planning).
    widen(dateText.trim() !== '' ? dateText : (constants['date'] ?? ''));
    const id = idColumn >= 0 ? (row.cells[idColumn] ?? '').trim() : '';
    if (id !== '') ids.add(id);
  }
  return { dates: from === '' ? null : { from, to }, ids: [...ids] };
}
