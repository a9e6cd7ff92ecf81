/**
 * Date formats found in Nordic and English CSV exports.
 *
 * Day and month may be written with one digit in the separated formats (`1.2.2024`),
 * which Excel produces for some locales. Two-digit years (`DD.MM.YY`) use a fixed pivot,
 * as POSIX `strptime %y` does: `00`–`68` are 2000–2068 and `69`–`99` are 1969–1999
 * (`TWO_DIGIT_YEAR_PIVOT`). A fixed rule keeps the result independent of the clock.
 *
 * With no format chosen (`null`) a value is read only when exactly one format fits it;
 * `01/02/2024` is then an error naming the formats to choose from, never a silent guess.
 */
import { daysInMonth, isoDate } from '../domain/dates.ts';
import type { IsoDate } from '../domain/types.ts';
import { parseFailure, type ParseResult } from './numbers.ts';

export const DATE_FORMATS = ['YYYY-MM-DD', 'DD.MM.YYYY', 'DD/MM/YYYY', 'MM/DD/YYYY', 'YYYYMMDD', 'DD.MM.YY'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export function isDateFormat(value: unknown): value is DateFormat {
  return typeof value === 'string' && (DATE_FORMATS as readonly string[]).includes(value);
}

/** Two-digit years below this are 20xx, the others 19xx. */
export const TWO_DIGIT_YEAR_PIVOT = 69;

interface DateShape {
  pattern: RegExp;
  /** Capture group index of year, month, day. */
  year: number;
  month: number;
  day: number;
  twoDigitYear?: boolean;
}

const SHAPES: Readonly<Record<DateFormat, DateShape>> = {
  'YYYY-MM-DD': { pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, year: 1, month: 2, day: 3 },
  'DD.MM.YYYY': { pattern: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, year: 3, month: 2, day: 1 },
  'DD/MM/YYYY': { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, year: 3, month: 2, day: 1 },
  'MM/DD/YYYY': { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, year: 3, month: 1, day: 2 },
  YYYYMMDD: { pattern: /^(\d{4})(\d{2})(\d{2})$/, year: 1, month: 2, day: 3 },
  'DD.MM.YY': { pattern: /^(\d{1,2})\.(\d{1,2})\.(\d{2})$/, year: 3, month: 2, day: 1, twoDigitYear: true },
};

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Reads `text` in `format`; `null` accepts a value that exactly one format fits. */
export function parseDate(text: string, format: DateFormat | null): ParseResult<IsoDate> {
  const value = text.trim();
  if (value === '') return parseFailure('empty value', 'empty', {});
  if (format !== null) return parseWith(value, format);
  const fits: DateFormat[] = [];
  let parsed: IsoDate = '';
  for (const candidate of DATE_FORMATS) {
    const r = parseWith(value, candidate);
    if (r.ok) {
      fits.push(candidate);
      parsed = r.value;
    }
  }
  if (fits.length === 1) return { ok: true, value: parsed };
  if (fits.length === 0)
    return parseFailure(`"${value}" is not a date in any supported format`, 'date-no-format', { value });
  return parseFailure(
    `"${value}" is ambiguous: it fits ${fits.join(' and ')}; choose the date format`,
    'date-ambiguous',
    { value, formats: fits.join(', ') },
  );
}

function parseWith(value: string, format: DateFormat): ParseResult<IsoDate> {
  const shape = SHAPES[format];
  const m = shape.pattern.exec(value);
  if (!m)
    return parseFailure(`"${value}" is not a date in the format ${format}`, 'date-not-in-format', { value, format });
  let year = Number(m[shape.year]);
  const month = Number(m[shape.month]);
  const day = Number(m[shape.day]);
  if (shape.twoDigitYear) year += year < TWO_DIGIT_YEAR_PIVOT ? 2000 : 1900;
  if (month < 1 || month > 12)
    return parseFailure(
      `"${value}" is not a valid date in the format ${format}: there is no month ${month}`,
      'date-no-month',
      { value, format, month },
    );
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    return parseFailure(
      `"${value}" is not a valid date in the format ${format}: ${MONTH_NAMES[month - 1]} ${year} has ${days} days`,
      'date-no-day',
      { value, format, month, year, days },
    );
  }
  return { ok: true, value: isoDate(year, month, day) };
}

export interface DateFormatGuess {
  /** Every format that reads all non-empty samples. */
  formats: DateFormat[];
  /** More than one format fits: the user must choose (see `formats`). */
  needsChoice: boolean;
  /** For each format that does not fit, the first sample it fails on. */
  rejectedBy: Partial<Record<DateFormat, string>>;
  /** In English (the CLI prints it). */
  reason: string;
  /** The reason coded for the UI (import.guess.date.<code>); the formats are in `formats`. */
  code: DateReasonCode;
  /** example (the first value) for `several-formats`. */
  params: Readonly<Record<string, string | number>>;
}

export type DateReasonCode = 'no-values' | 'no-format' | 'one-format' | 'several-formats';

export function detectDateFormats(values: readonly string[]): DateFormatGuess {
  // Distinct values in order of appearance: a format reads all of them or fails on the same first one.
  const samples = [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
  const formats: DateFormat[] = [];
  const rejectedBy: Partial<Record<DateFormat, string>> = {};
  for (const format of DATE_FORMATS) {
    const failing = samples.find((v) => !parseWith(v, format).ok);
    if (failing === undefined) formats.push(format);
    else rejectedBy[format] = failing;
  }
  let reason: string;
  const code: DateReasonCode =
    samples.length === 0
      ? 'no-values'
      : formats.length === 0
        ? 'no-format'
        : formats.length === 1
          ? 'one-format'
          : 'several-formats';
  if (samples.length === 0) reason = 'No date values to look at.';
  else if (formats.length === 0) reason = 'No supported date format reads every value.';
  else if (formats.length === 1) reason = `Every value reads as ${formats[0]}.`;
  else
    reason = `The values read as ${formats.join(' or ')}; choose one (e.g. is "${samples[0]}" day first or month first?).`;
  return {
    formats: samples.length === 0 ? [] : formats,
    needsChoice: samples.length > 0 && formats.length > 1,
    rejectedBy,
    reason,
    code,
    params: code === 'several-formats' ? { example: samples[0]! } : {},
  };
}

/** Reads an ISO date-time `YYYY-MM-DDTHH:mm[:ss]` (a space instead of `T` too) into `YYYY-MM-DDTHH:mm:ss`. */
export function parseDateTime(text: string): ParseResult<string> {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m)
    return parseFailure(`"${text.trim()}" is not a date-time (YYYY-MM-DDTHH:mm:ss)`, 'datetime-format', {
      value: text.trim(),
    });
  const date = parseWith(m[1]!, 'YYYY-MM-DD');
  if (!date.ok) return date;
  const [h, min, s] = [Number(m[2]), Number(m[3]), Number(m[4] ?? '0')];
  if (h > 23 || min > 59 || s > 59)
    return parseFailure(`"${text.trim()}" has an invalid time`, 'datetime-time', { value: text.trim() });
  return { ok: true, value: `${date.value}T${m[2]}:${m[3]}:${m[4] ?? '00'}` };
}
