/**
 * Norwegian KID (customer identification on a payment), as Nets' OCR giro agreements define it:
 * digits with one check digit at the end, at most 25 characters in all.
 * - MOD10: Luhn, weights 2,1,2,… from the right of the payload.
 * - MOD11: weights 2,3,4,5,6,7,2,… from the right; check = 11 − sum mod 11, where 11 gives 0
 *   and 10 gives `-` (banks accept `-` as the check "digit" of a MOD11 KID).
 * The layout (which numbers, how wide) is the company's choice in Settings (`KidLayout`).
 */
import type { KidLayout, KidScheme } from './types.ts';

/** Nets' limit for a KID, check digit included. */
export const MAX_KID_LENGTH = 25;

function digitsOf(text: string): number[] | null {
  return /^\d+$/.test(text) ? Array.from(text, (c) => c.charCodeAt(0) - 48) : null;
}

export function mod10CheckDigit(payload: string): string {
  const digits = digitsOf(payload);
  if (!digits) throw new RangeError(`not digits: ${JSON.stringify(payload)}`);
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits[i]!;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function mod11CheckDigit(payload: string): string {
  const digits = digitsOf(payload);
  if (!digits) throw new RangeError(`not digits: ${JSON.stringify(payload)}`);
  let sum = 0;
  for (let i = digits.length - 1, weight = 2; i >= 0; i--, weight = weight === 7 ? 2 : weight + 1)
    sum += digits[i]! * weight;
  const check = 11 - (sum % 11);
  return check === 11 ? '0' : check === 10 ? '-' : String(check);
}

export function kidCheckDigit(payload: string, scheme: KidScheme): string {
  return scheme === 'mod10' ? mod10CheckDigit(payload) : mod11CheckDigit(payload);
}

/** Whether `kid` is a payload of digits followed by its `scheme` check digit. */
export function isValidKid(kid: string, scheme: KidScheme): boolean {
  if (kid.length < 2 || kid.length > MAX_KID_LENGTH) return false;
  const payload = kid.slice(0, -1);
  if (!/^\d+$/.test(payload)) return false;
  return kidCheckDigit(payload, scheme) === kid.slice(-1);
}

export type KidProblem =
  | { code: 'kid-not-digits'; params: { part: 'customer' | 'invoice'; value: string } }
  | { code: 'kid-too-wide'; params: { part: 'customer' | 'invoice'; value: string; digits: number } }
  | { code: 'kid-layout'; params: { max: number } };

/**
 * A layout's problem, or null: widths are whole numbers, the invoice number takes at least one
 * digit, and the KID with its check digit fits in 25 characters.
 */
export function kidLayoutProblem(layout: KidLayout): KidProblem | null {
  const { customerDigits, invoiceDigits } = layout;
  const ok =
    Number.isInteger(customerDigits) &&
    Number.isInteger(invoiceDigits) &&
    customerDigits >= 0 &&
    invoiceDigits >= 1 &&
    customerDigits + invoiceDigits + 1 <= MAX_KID_LENGTH;
  return ok ? null : { code: 'kid-layout', params: { max: MAX_KID_LENGTH - 1 } };
}

function padded(part: 'customer' | 'invoice', value: string, digits: number): string | KidProblem {
  if (!/^\d+$/.test(value)) return { code: 'kid-not-digits', params: { part, value } };
  const trimmed = value.replace(/^0+(?=\d)/, '');
  if (trimmed.length > digits) return { code: 'kid-too-wide', params: { part, value, digits } };
  return trimmed.padStart(digits, '0');
}

/** The KID of an invoice under `layout`, or why there is none (a number that is not digits or too wide). */
export function makeKid(
  layout: KidLayout,
  customerNumber: string,
  invoiceNumber: string,
): { ok: true; kid: string } | { ok: false; problem: KidProblem } {
  const layoutProblem = kidLayoutProblem(layout);
  if (layoutProblem) return { ok: false, problem: layoutProblem };
  const customer = layout.customerDigits === 0 ? '' : padded('customer', customerNumber, layout.customerDigits);
  if (typeof customer !== 'string') return { ok: false, problem: customer };
  const invoice = padded('invoice', invoiceNumber, layout.invoiceDigits);
  if (typeof invoice !== 'string') return { ok: false, problem: invoice };
  const payload = customer + invoice;
  return { ok: true, kid: payload + kidCheckDigit(payload, layout.scheme) };
}
