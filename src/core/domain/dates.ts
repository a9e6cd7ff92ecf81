/**
 * Dates are ISO `YYYY-MM-DD` strings; no Date object crosses a module boundary, so
 * time zones can never shift a day. Arithmetic goes through UTC on purpose.
 */
import type { IsoDate, IsoDateTime } from './types.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function dateParts(date: IsoDate): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${JSON.stringify(date)}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = dateParts(date);
  const t = new Date(Date.UTC(year, month - 1, day + days));
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const mo = (index % 12) + 1;
  return isoDate(y, mo, Math.min(day, daysInMonth(y, mo)));
}

export function startOfMonth(date: IsoDate): IsoDate {
  const { year, month } = dateParts(date);
  return isoDate(year, month, 1);
}

export function endOfMonth(date: IsoDate): IsoDate {
  const { year, month } = dateParts(date);
  return isoDate(year, month, daysInMonth(year, month));
}

/** The date part of an ISO date-time. */
export function dateOf(dateTime: IsoDateTime): IsoDate {
  return dateTime.slice(0, 10);
}

/**
 * Formats an ISO date or date-time with a pattern of `yyyy`, `yy`, `MM`, `dd`, `HH`,
 * `mm`, `ss` (Java/Moment style, as in Moment's templates: `dd/MM/yyyy`, `yyyyMMdd`).
 * Anything else is copied as it is.
 */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/;
const PATTERN_TOKEN = /yyyy|yy|MM|dd|HH|mm|ss/g;
/** Which group of ISO_DATE_TIME (and which part of it) each token takes. */
const TOKEN_PARTS: Record<string, (m: RegExpExecArray) => string> = {
  yyyy: (m) => m[1]!,
  yy: (m) => m[1]!.slice(2),
  MM: (m) => m[2]!,
  dd: (m) => m[3]!,
  HH: (m) => m[4] ?? '00',
  mm: (m) => m[5] ?? '00',
  ss: (m) => m[6] ?? '00',
};
/** Patterns are few and dates many (one per exported row): split each pattern once. */
const compiledPatterns = new Map<string, (string | ((m: RegExpExecArray) => string))[]>();

function compilePattern(pattern: string): (string | ((m: RegExpExecArray) => string))[] {
  let parts = compiledPatterns.get(pattern);
  if (parts) return parts;
  parts = [];
  let at = 0;
  for (const token of pattern.matchAll(PATTERN_TOKEN)) {
    if (token.index > at) parts.push(pattern.slice(at, token.index));
    parts.push(TOKEN_PARTS[token[0]]!);
    at = token.index + token[0].length;
  }
  if (at < pattern.length) parts.push(pattern.slice(at));
  compiledPatterns.set(pattern, parts);
  return parts;
}

export function formatDate(value: IsoDate | IsoDateTime, pattern: string): string {
  if (value === '') return '';
  const m = ISO_DATE_TIME.exec(value);
  if (!m) throw new RangeError(`not an ISO date: ${JSON.stringify(value)}`);
  let out = '';
  for (const part of compilePattern(pattern)) out += typeof part === 'string' ? part : part(m);
  return out;
}

/** A clock reading as a local ISO date-time, for the `context.now` that exports receive. */
export function toIsoDateTime(d: Date): IsoDateTime {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** Month within the fiscal year (1–12) and the year the fiscal year starts in. */
export function fiscalPeriod(date: IsoDate, fiscalYearStart: string): { period: number; year: number } {
  const { year, month, day } = dateParts(date);
  const [startMonth = 1, startDay = 1] = (fiscalYearStart || '01-01').split('-').map(Number);
  const before = month < startMonth || (month === startMonth && day < startDay);
  return { period: ((month - startMonth + 12) % 12) + 1, year: before ? year - 1 : year };
}
