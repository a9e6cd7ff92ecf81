/**
 * The invoice number series. The Bookkeeping Regulation (bokføringsforskriften § 5-1-1) wants
 * sales documents numbered in an unbroken series, so:
 * - a number is never given twice: the series' next number must be above every number in use,
 *   and finalizing advances the series in the same transaction that stores the invoice;
 * - gaps are refused where the user makes them: once invoices are numbered, Settings accepts only
 *   the number right after the last one given (a firm picks its start number before its first
 *   invoice, e.g. to go on from its old billing system).
 * Invoices and credit notes share the series. Numbers are digits, compared as whole numbers.
 * A company without a series (files made before it existed) numbers as before: one above the
 * highest number in use, 10001 for the first.
 */
import { nextInvoiceNumber } from '../export/export-status.ts';
import type { InvoiceNumbering } from './types.ts';

export type NumberingProblem =
  | { code: 'number-not-digits'; params: { value: string } }
  | { code: 'number-used'; params: { value: string; last: string } }
  | { code: 'number-gap'; params: { value: string; expected: string } };

/** The highest all-digit number among `numbers`, or null when there is none. */
export function highestNumber(numbers: Iterable<string>): bigint | null {
  let highest: bigint | null = null;
  for (const number of numbers)
    if (/^\d+$/.test(number) && (highest === null || BigInt(number) > highest)) highest = BigInt(number);
  return highest;
}

/**
 * The last number given: the highest in use, or the one before the series' next number when that
 * is higher (a number given and then removed, e.g. by an import's Undo, still counts as given).
 */
function lastGiven(highest: bigint | null, series: InvoiceNumbering | undefined): bigint | null {
  const fromSeries = series && /^\d+$/.test(series.nextNumber) ? BigInt(series.nextNumber) - 1n : null;
  if (fromSeries === null || fromSeries < 1n) return highest;
  if (highest === null) return null; // a start number set before the first invoice gave nothing yet
  return fromSeries > highest ? fromSeries : highest;
}

/**
 * Whether `value` may become the series' next number (Settings): digits, above every number
 * given (never reused), and, once numbers are given, right after the last (no gap).
 */
export function checkNextNumber(
  value: string,
  numbersInUse: Iterable<string>,
  series: InvoiceNumbering | undefined,
): NumberingProblem | null {
  if (!/^\d{1,18}$/.test(value) || BigInt(value) < 1n) return { code: 'number-not-digits', params: { value } };
  const last = lastGiven(highestNumber(numbersInUse), series);
  if (last === null) return null;
  const next = BigInt(value);
  if (next <= last) return { code: 'number-used', params: { value, last: String(last) } };
  if (next > last + 1n) return { code: 'number-gap', params: { value, expected: String(last + 1n) } };
  return null;
}

/**
 * The number the next finalized document gets, and the series after it; refused when the
 * series' number is already in use (an import brought an invoice with that number).
 */
export function takeNextNumber(
  series: InvoiceNumbering | undefined,
  numbersInUse: readonly string[],
): { ok: true; number: string; series: InvoiceNumbering } | { ok: false; problem: NumberingProblem } {
  const number = series && /^\d+$/.test(series.nextNumber) ? String(BigInt(series.nextNumber)) : null;
  if (number === null) {
    const fallback = nextInvoiceNumber(numbersInUse);
    return {
      ok: true,
      number: fallback,
      series: { kid: series?.kid ?? null, nextNumber: String(BigInt(fallback) + 1n) },
    };
  }
  const highest = highestNumber(numbersInUse);
  if (highest !== null && BigInt(number) <= highest)
    return { ok: false, problem: { code: 'number-used', params: { value: number, last: String(highest) } } };
  return { ok: true, number, series: { ...series!, nextNumber: String(BigInt(number) + 1n) } };
}

/** The number Settings shows as next before anything is set: what finalizing would give now. */
export function suggestedNextNumber(series: InvoiceNumbering | undefined, numbersInUse: readonly string[]): string {
  if (series && /^\d+$/.test(series.nextNumber)) return String(BigInt(series.nextNumber));
  return nextInvoiceNumber(numbersInUse);
}
