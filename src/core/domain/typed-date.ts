/**
 * A date as a person types it into the UI, in the UI language's habits, read into `YYYY-MM-DD`.
 * Unlike the CSV import (src/core/import/date-formats.ts), where a whole column is read in one
 * chosen format, a typed date has one reader per language, and that reader takes every form the
 * language's users write without asking which:
 *
 * - every language: ISO `2026-12-06` (`2026-12-6` too) and eight digits, `20261206` or `06122026`
 *   (within 1900–2199 no eight digits read both ways, so there is nothing to choose);
 * - nb: day first, `6.12.2026`, `06.12.26`, `6/12/2026`, `6-12-2026`, six digits `061226`;
 * - en (British, as INTL_LOCALE's en-GB): day first, `6/12/2026`, `06/12/26`, `6.12.2026`, `061226`;
 * - sv: year first, `2026-12-06`, `26-12-06`, six digits `261206`;
 * - month names in the language or English: `6 Dec 2026`, `6. des. 2026`, `6 december 2026`;
 * - without the year when `today` is given: nb `6.12`, en and sv `6/12`, `6 Dec`: this year.
 *
 * Two-digit years are 20yy (a date typed into the app is this century's, unlike an old CSV file).
 * No user text here: a refusal is a code with its parameters, worded by the UI.
 */
import { daysInMonth, isoDate } from './dates.ts';
import type { IsoDate } from './types.ts';

export type DateTypingLocale = 'en' | 'nb' | 'sv';

/** The years a typed date may have: the range the record rules accept (validation's MIN_DATE–MAX_DATE). */
export const TYPED_YEAR_MIN = 1900;
export const TYPED_YEAR_MAX = 2199;

export type TypedDateProblem =
  /** Nothing typed (the UI treats it as no date). */
  | { code: 'empty' }
  /** No form of the language reads it. */
  | { code: 'unreadable' }
  | { code: 'no-such-month'; month: number }
  /** `days` is how many days the month has that year. */
  | { code: 'no-such-day'; day: number; month: number; year: number; days: number }
  | { code: 'year-out-of-range'; year: number; min: number; max: number };

export type TypedDateResult = { ok: true; value: IsoDate } | { ok: false; problem: TypedDateProblem };

interface Parts {
  year: number;
  month: number;
  day: number;
}

/** Lower-case month names; a typed name is read when it starts one of them (3 letters at least). */
const MONTH_NAMES: Readonly<Record<DateTypingLocale, readonly string[]>> = {
  en: 'january february march april may june july august september october november december'.split(' '),
  nb: 'januar februar mars april mai juni juli august september oktober november desember'.split(' '),
  sv: 'januari februari mars april maj juni juli augusti september oktober november december'.split(' '),
};

const SEPARATED_DAY_FIRST = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})$/;
const ISO_LIKE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SV_SHORT = /^(\d{2})-(\d{1,2})-(\d{1,2})$/;
/** `6.12`, `6.12.` (nb), `6/12` (every language). */
const NO_YEAR = /^(\d{1,2})([./])(\d{1,2})\.?$/;
/** `6 Dec 2026`, `6. des. 2026`, `6 december`, `6 Dec, 2026`. */
const NAMED = /^(\d{1,2})\.?\s*([\p{L}]+)\.?,?(?:\s*(\d{4}|\d{2}))?$/u;

export function readTypedDate(text: string, locale: DateTypingLocale, today?: IsoDate): TypedDateResult {
  const typed = text.trim().replace(/\s+/g, ' ');
  if (typed === '') return { ok: false, problem: { code: 'empty' } };
  const parts = shape(typed, locale, today);
  if (parts === null) return { ok: false, problem: { code: 'unreadable' } };
  return checked(parts);
}

/** Year, month and day as typed (not yet checked), or null when no form of the language fits. */
function shape(typed: string, locale: DateTypingLocale, today: IsoDate | undefined): Parts | null {
  let m = ISO_LIKE.exec(typed);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (/^\d{8}$/.test(typed)) return eightDigits(typed, locale);
  if (/^\d{6}$/.test(typed)) {
    const [a, b, c] = [typed.slice(0, 2), typed.slice(2, 4), typed.slice(4)].map(Number) as [number, number, number];
    return locale === 'sv' ? { year: 2000 + a, month: b, day: c } : { year: 2000 + c, month: b, day: a };
  }
  if (locale === 'sv') {
    m = SV_SHORT.exec(typed);
    if (m) return { year: 2000 + Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  } else {
    m = SEPARATED_DAY_FIRST.exec(typed);
    if (m) return { year: fullYear(m[4]!), month: Number(m[3]), day: Number(m[1]) };
  }
  const thisYear = today ? Number(today.slice(0, 4)) : null;
  m = NO_YEAR.exec(typed);
  // nb writes `6.12`; `/` is day/month in all three (Swedes write `6/12` by hand too).
  if (m && thisYear !== null && (m[2] === '/' || locale === 'nb'))
    return { year: thisYear, month: Number(m[3]), day: Number(m[1]) };
  m = NAMED.exec(typed);
  if (m) {
    const month = monthOfName(m[2]!, locale);
    const year = m[3] !== undefined ? fullYear(m[3]) : thisYear;
    if (month !== null && year !== null) return { year, month, day: Number(m[1]) };
  }
  return null;
}

/**
 * `yyyymmdd` or `ddmmyyyy`, whichever is a date in the year range (at most one is: a year 19xx–21xx
 * at the end leaves no month 19–21 for the year-first reading). When neither is, the
 * language's own order, so that the refusal speaks of the day and month the user meant.
 */
function eightDigits(typed: string, locale: DateTypingLocale): Parts {
  const yearFirst = { year: Number(typed.slice(0, 4)), month: Number(typed.slice(4, 6)), day: Number(typed.slice(6)) };
  const dayFirst = { year: Number(typed.slice(4)), month: Number(typed.slice(2, 4)), day: Number(typed.slice(0, 2)) };
  if (checked(yearFirst).ok) return yearFirst;
  if (checked(dayFirst).ok) return dayFirst;
  return locale === 'sv' ? yearFirst : dayFirst;
}

function fullYear(digits: string): number {
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

function monthOfName(name: string, locale: DateTypingLocale): number | null {
  const typed = name.toLowerCase();
  if (typed.length < 3) return null;
  const months = new Set<number>();
  for (const names of [MONTH_NAMES[locale], MONTH_NAMES.en]) {
    names.forEach((full, i) => {
      if (full.startsWith(typed)) months.add(i + 1);
    });
  }
  // `mar` starts March, mars and mars alike: one month however many names it starts.
  return months.size === 1 ? [...months][0]! : null;
}

function checked({ year, month, day }: Parts): TypedDateResult {
  if (year < TYPED_YEAR_MIN || year > TYPED_YEAR_MAX)
    return { ok: false, problem: { code: 'year-out-of-range', year, min: TYPED_YEAR_MIN, max: TYPED_YEAR_MAX } };
  if (month < 1 || month > 12) return { ok: false, problem: { code: 'no-such-month', month } };
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return { ok: false, problem: { code: 'no-such-day', day, month, year, days } };
  return { ok: true, value: isoDate(year, month, day) };
}
