/**
 * Display formatting for the UI, in the UI language's conventions through Intl (nb: `87 312,50 kr`,
 * `06.12.2026`; sv: `87 312,50 kr`, `2026-12-06`; en: `NOK 87,312.50`, `6 Dec 2026`). Export files
 * never go through here: they follow the formats' own rules (src/core/formats).
 */
import { currencyDecimals, formatMinor } from '../core/domain/money.ts';
import { readTypedDate } from '../core/domain/typed-date.ts';
import { getLocale, INTL_LOCALE, type Locale } from './messages.ts';

/** Intl formatters are costly to make and a table formats thousands of cells: one per locale and kind. */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let found = cache.get(key) as F | undefined;
  if (!found) {
    found = make();
    cache.set(key, found);
  }
  return found;
}

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions, key: string): Intl.NumberFormat {
  return cached(`${locale}|n|${key}`, () => new Intl.NumberFormat(INTL_LOCALE[locale], options));
}

/** Intl reads a decimal string exactly (no float rounding of large amounts). */
type Exact = number & string;

/**
 * An amount in minor units, with the currency the locale's way (`kr` for the locale's own currency),
 * or as a plain number when no currency is given. A code Intl does not know is written after the number.
 */
export function money(minor: number, currency = '', locale = getLocale()): string {
  const digits = currency ? currencyDecimals(currency) : 2;
  const exact = formatMinor(minor, { decimals: digits, decimalSeparator: '.' }, digits) as Exact;
  if (currency && /^[A-Z]{3}$/.test(currency)) {
    try {
      return numberFormat(
        locale,
        { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits },
        `c${currency}`,
      ).format(exact);
    } catch {
      // Not a currency Intl knows: the number and the code as typed, below.
    }
  }
  const text = numberFormat(
    locale,
    { minimumFractionDigits: digits, maximumFractionDigits: digits },
    `d${digits}`,
  ).format(exact);
  return currency ? `${text} ${currency}` : text;
}

/** A count or other whole number, grouped the locale's way (`12 000`). */
export function count(value: number, locale = getLocale()): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }, 'int').format(value);
}

/** A decimal number with a fixed number of decimals (`7,50`). */
export function decimal(value: number, decimals: number, locale = getLocale()): string {
  return numberFormat(
    locale,
    { minimumFractionDigits: decimals, maximumFractionDigits: decimals },
    `f${decimals}`,
  ).format(value);
}

export function hours(value: number, locale = getLocale()): string {
  return decimal(value, 2, locale);
}

export function bytes(size: number, locale = getLocale()): string {
  if (size < 1024) return `${count(size, locale)} B`;
  if (size < 1024 * 1024) return `${decimal(size / 1024, 1, locale)} kB`;
  if (size < 1024 ** 3) return `${decimal(size / 1024 ** 2, 1, locale)} MB`;
  return `${decimal(size / 1024 ** 3, 2, locale)} GB`;
}

const DATE_OPTIONS: Record<Locale, Intl.DateTimeFormatOptions> = {
  // British English with the month as a word: a reader from any country reads it one way.
  en: { day: 'numeric', month: 'short', year: 'numeric' },
  nb: { day: '2-digit', month: '2-digit', year: 'numeric' },
  sv: { day: '2-digit', month: '2-digit', year: 'numeric' },
};

/**
 * A stored date (`YYYY-MM-DD`) or date and time (`YYYY-MM-DDTHH:MM[:SS]`, local time as the app
 * stores it) the locale's way. Anything else is shown as it is, so that a broken value stays visible.
 */
export function date(iso: string | null | undefined, locale = getLocale()): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d, h, mi] = m;
  const at = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0)));
  // The years 0–99 would be read as 1900–1999 by Date.UTC: leave such a value as typed.
  if (Number(y) < 100 || Number.isNaN(at.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = { ...DATE_OPTIONS[locale], timeZone: 'UTC' };
  if (h === undefined)
    return cached(`${locale}|d`, () => new Intl.DateTimeFormat(INTL_LOCALE[locale], options)).format(at);
  return cached(
    `${locale}|dt`,
    () =>
      new Intl.DateTimeFormat(INTL_LOCALE[locale], {
        ...options,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  ).format(at);
}

/**
 * A month (`YYYY-MM`) the locale's way: `short` for a chart's axis (en `Dec 25`, nb `des. 25`,
 * sv `dec. 25`), `long` for a table (en `December 2025`, nb `desember 2025`). Anything else as it is.
 */
export function month(yearMonth: string, style: 'short' | 'long' = 'long', locale = getLocale()): string {
  const m = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  if (!m || Number(m[1]) < 100) return yearMonth;
  const at = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return cached(
    `${locale}|m|${style}`,
    () =>
      new Intl.DateTimeFormat(INTL_LOCALE[locale], {
        month: style,
        year: style === 'short' ? '2-digit' : 'numeric',
        timeZone: 'UTC',
      }),
  ).format(at);
}

/** How the locale writes a date, for placeholders of text date inputs. */
export const DATE_PATTERN: Readonly<Record<Locale, string>> = { en: 'DD/MM/YYYY', nb: 'DD.MM.YYYY', sv: 'YYYY-MM-DD' };

const INPUT_DATE_OPTIONS: Intl.DateTimeFormatOptions = {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
};

/**
 * A stored date as a date input shows it: all digits, the locale's order and separators (nb
 * `06.12.2026`, sv `2026-12-06`, en `06/12/2026`), a form `parseDate` reads back. Anything that
 * is no date stays as it is.
 */
export function inputDate(iso: string, locale = getLocale()): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || Number(m[1]) < 100) return iso;
  const at = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(at.getTime())) return iso;
  return cached(`${locale}|i`, () => new Intl.DateTimeFormat(INTL_LOCALE[locale], INPUT_DATE_OPTIONS)).format(at);
}

/**
 * A date typed the locale's way as `YYYY-MM-DD`, or null when it is no calendar date (the forms
 * each locale reads: src/core/domain/typed-date.ts). `today` lets a date without its year be
 * this year's.
 */
export function parseDate(text: string, locale = getLocale(), today?: string): string | null {
  const read = readTypedDate(text, locale, today);
  return read.ok ? read.value : null;
}
