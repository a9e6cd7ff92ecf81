/**
 * The text functions behind the Liquid filters export files need. They are plain functions
 * (no Liquid here) so they can be tested table-driven and reused by layout columns.
 * A value that cannot be formatted throws a `FilterError`; the engine turns it into an
 * error with the template's line and column.
 */
import { formatDate } from '../domain/dates.ts';
import { formatMinor, toScaled } from '../domain/money.ts';
import { neutraliseFormula, quoteField } from '../formats/builders/delimited.ts';
import { quoteTagged } from '../formats/builders/tagged-text.ts';
import type { Quoting } from './types.ts';

export class FilterError extends Error {
  override name = 'FilterError';
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

export function text(value: unknown): string {
  return isBlank(value) ? '' : String(value);
}

function wholeNumber(value: unknown, what: string): number {
  const n = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n))
    throw new FilterError(`${what}: ${JSON.stringify(value)} is not a whole number`);
  return n;
}

/**
 * Minor units → decimal text. `decimals` (default 2) may be fewer than the source's 2
 * (rounded half away from zero) or more; `implied` leaves the separator out (`12345` for 123.45).
 */
export function amountText(value: unknown, decimals = 2, separator = '.', implied = false, sourceDecimals = 2): string {
  if (isBlank(value)) return '';
  const minor = wholeNumber(value, 'amount expects minor units');
  const digits = wholeNumber(decimals, 'amount: decimals');
  if (digits < 0 || digits > 10) throw new FilterError(`amount: decimals must be 0–10, got ${digits}`);
  return formatMinor(
    minor,
    {
      decimals: digits,
      decimalSeparator: String(separator),
      thousandsSeparator: '',
      impliedDecimals: implied === true,
    },
    sourceDecimals,
  );
}

const MAX_NUMBER_DECIMALS = 20;

/**
 * A plain number (hours, quantity, percent) with the given separator. Without `decimals` as
 * few decimals as needed (at most 4); with `decimals` exactly that many, rounded half away from zero.
 */
export function numberText(value: unknown, decimals: number | undefined, separator = '.'): string {
  if (isBlank(value)) return '';
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n))
    throw new FilterError(`number: ${JSON.stringify(value)} is not a number`);
  const places = decimals === undefined ? 4 : wholeNumber(decimals, 'number: decimals');
  // 10^places is a BigInt of that many digits: `number: 300000000` would never finish.
  if (places < 0 || places > MAX_NUMBER_DECIMALS)
    throw new FilterError(`number: decimals must be 0–${MAX_NUMBER_DECIMALS}, got ${places}`);
  const scaled = toScaled(n, places);
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  let fraction = places === 0 ? '' : digits.slice(digits.length - places);
  if (decimals === undefined) fraction = fraction.replace(/0+$/, '');
  const body = fraction ? whole + separator + fraction : whole;
  return negative && /[1-9]/.test(body) ? '-' + body : body;
}

/** ISO date or date-time → Java-style pattern (`dd/MM/yyyy`, `yyyyMMdd`, `HH:mm`). */
export function dateText(value: unknown, pattern: unknown): string {
  if (isBlank(value)) return '';
  if (typeof pattern !== 'string' || pattern === '')
    throw new FilterError('format_date needs a pattern, e.g. format_date: "dd/MM/yyyy"');
  try {
    return formatDate(String(value), pattern);
  } catch {
    throw new FilterError(`format_date: ${JSON.stringify(value)} is not an ISO date (yyyy-MM-dd)`);
  }
}

function padChar(char: unknown, filter: string): string {
  const c = char === undefined || char === null ? ' ' : String(char);
  if ([...c].length !== 1)
    throw new FilterError(`${filter}: the padding must be one character, got ${JSON.stringify(c)}`);
  return c;
}

function width(value: unknown, filter: string): number {
  const n = wholeNumber(value, `${filter}: width`);
  if (n < 0) throw new FilterError(`${filter}: width must not be negative`);
  return n;
}

/**
 * Called with the number of characters a filter is about to create, before it creates them: the
 * engine counts them toward the render's memory limit, which throws when they would pass it.
 * Without it `pad_left: 300000000` built a 600 MB string that took the whole tab down (issue 16).
 */
export type Allocation = (characters: number) => void;

const UNCOUNTED: Allocation = () => {};

/** Pads on the left to `width` characters; a longer value is left as it is (use `fit` to cut). */
export function padLeft(value: unknown, w: unknown, char?: unknown, allocate: Allocation = UNCOUNTED): string {
  const s = text(value);
  const gap = width(w, 'pad_left') - [...s].length;
  if (gap <= 0) return s;
  const c = padChar(char, 'pad_left');
  allocate(gap + s.length);
  return c.repeat(gap) + s;
}

export function padRight(value: unknown, w: unknown, char?: unknown, allocate: Allocation = UNCOUNTED): string {
  const s = text(value);
  const gap = width(w, 'pad_right') - [...s].length;
  if (gap <= 0) return s;
  const c = padChar(char, 'pad_right');
  allocate(gap + s.length);
  return s + c.repeat(gap);
}

/** Cuts to `width` characters; `cut` tells whether anything was lost (the engine reports it). */
export function fitText(value: unknown, w: unknown): { text: string; cut: boolean } {
  const s = text(value);
  const chars = [...s];
  const n = width(w, 'fit');
  return chars.length > n ? { text: chars.slice(0, n).join(''), cut: true } : { text: s, cut: false };
}

function looksNumeric(s: string): boolean {
  return /^-?\d+(?:[.,]\d+)?$/.test(s);
}

/**
 * One CSV field: quoted by the rule (a quote inside is doubled). A text that a spreadsheet would
 * run as a formula gets a `'` in front unless the template turned that off (`FormulaCells`).
 * `text` quotes everything that is not a plain number; `none` writes the text as it is.
 */
export function csvField(
  value: unknown,
  delimiter = ',',
  quoting: Quoting = 'needed',
  quoteEmpty = false,
  neutraliseFormulas = true,
): string {
  // Only text: a number value (an amount's minor units, hours) is never a formula.
  const s = neutraliseFormulas && typeof value === 'string' ? neutraliseFormula(value) : text(value);
  if (s === '') return quoting !== 'none' && quoteEmpty ? '""' : '';
  const needed = s.includes(delimiter) || /["\r\n]/.test(s) || /^\s|\s$/.test(s);
  switch (quoting) {
    case 'all':
      return quoteField(s, true);
    case 'text':
      return quoteField(s, !looksNumeric(s) || needed);
    case 'needed':
      return quoteField(s, needed);
    case 'none':
      return s;
  }
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes for XML text and attribute values. */
export function xmlText(value: unknown): string {
  return text(value).replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/**
 * A SIE field: quoted when empty or holding a blank, quote or brace (the built-in SIE writer's
 * rule), or always when `always` is true; `"` inside is written `\"`. Control characters are
 * replaced by a blank, as the built-in writer does; `replaced` says so for the report.
 */
export function sieField(value: unknown, always = false): { text: string; replaced: boolean } {
  const raw = text(value);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what SIE forbids in fields
  const replaced = /[\u0000-\u001f\u007f]/.test(raw);
  // eslint-disable-next-line no-control-regex -- see above
  const clean = replaced ? raw.replace(/\r\n|[\u0000-\u001f\u007f]/g, ' ') : raw;
  return { text: always ? `"${clean.replace(/"/g, '\\"')}"` : quoteTagged(clean), replaced };
}
