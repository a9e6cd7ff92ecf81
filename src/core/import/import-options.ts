/**
 * The user's import settings applied over what was detected. Shared by the preview (analyze)
 * and the full check (plan) so that both read the file with the same settings.
 */
import type { AnalyzeOverrides, FormatChoice } from './api.ts';
import type { ReadOverrides } from './read-file.ts';
import type { ValueFormat } from './values.ts';

/** The format when nothing could be guessed (no kind chosen yet, or the file could not be read). */
export const UNKNOWN_FORMAT: ValueFormat = { decimal: null, thousands: '', dateFormat: null };

/** The reading settings the user chose; the ones left out are detected by `readCsvBytes`. */
export function readOverrides(options: AnalyzeOverrides): ReadOverrides {
  const overrides: ReadOverrides = {};
  if (options.encoding !== undefined) overrides.encoding = options.encoding;
  if (options.delimiter !== undefined) overrides.delimiter = options.delimiter;
  if (options.hasHeader !== undefined) overrides.hasHeader = options.hasHeader;
  if (options.skipLines !== undefined) overrides.skipLines = options.skipLines;
  return overrides;
}

/** Each part of the format the user chose, else the guess; a chosen `null` ("unknown") is kept. */
export function chooseFormat(choice: FormatChoice | undefined, guess: ValueFormat): ValueFormat {
  return {
    decimal: choice?.decimal !== undefined ? choice.decimal : guess.decimal,
    thousands: choice?.thousands !== undefined ? choice.thousands : guess.thousands,
    dateFormat: choice?.dateFormat !== undefined ? choice.dateFormat : guess.dateFormat,
  };
}
