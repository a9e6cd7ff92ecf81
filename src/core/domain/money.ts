/**
 * Money arithmetic on integer minor units. Every rounding in the app goes through
 * `divideRounded`, which rounds half away from zero (the rule Norwegian and Swedish
 * invoicing practice and SAF-T examples use). See docs/decisions/0001-money-dates-rounding.md.
 */
import type { Minor } from './types.ts';

/** Minor-unit digits per currency; everything not listed has 2. */
const CURRENCY_DECIMALS: Readonly<Record<string, number>> = { JPY: 0, ISK: 0, KRW: 0 };

export function currencyDecimals(currency: string): number {
  return CURRENCY_DECIMALS[currency.toUpperCase()] ?? 2;
}

export function assertMinor(value: number, what = 'amount'): Minor {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a whole number of minor units, got ${value}`);
  return value;
}

/** numerator / denominator rounded half away from zero, exactly (BigInt). */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const rounded = (abs * 2n + denominator) / (denominator * 2n);
  return negative ? -rounded : rounded;
}

/**
 * Turns a decimal number given as a JS number (a quantity or a percentage with a few
 * decimals) into an exact scaled integer. `scaleDigits` is how many decimals are kept;
 * more decimals than that are rounded half away from zero.
 */
export function toScaled(value: number, scaleDigits: number): bigint {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  // Fast path (most quantities and rates): when the scaled float is a whole number it is
  // exactly the decimal typed, as long as it stays far below 2^53.
  const direct = value * 10 ** scaleDigits;
  if (Number.isInteger(direct) && Math.abs(direct) < 2 ** 50) return BigInt(direct);
  // toFixed on a float of at most 15 significant digits reproduces the decimal the user typed.
  const text = Math.abs(value).toFixed(scaleDigits + 2);
  const [whole = '0', fraction = ''] = text.split('.');
  const digits = BigInt(whole + fraction);
  const scaled = divideRounded(digits, 100n);
  return value < 0 ? -scaled : scaled;
}

/** Percentages are kept with 4 decimals (1 = 0.0001 %). */
const PERCENT_SCALE = 4;
const QUANTITY_SCALE = 4;

/** unitPrice × quantity × (1 − discount %) rounded to minor units. */
export function lineNetAmount(quantity: number, unitPrice: Minor, discountPercent: number): Minor {
  const q = toScaled(quantity, QUANTITY_SCALE);
  const keep = 100n * 10n ** BigInt(PERCENT_SCALE) - toScaled(discountPercent, PERCENT_SCALE);
  const numerator = q * BigInt(unitPrice) * keep;
  const denominator = 10n ** BigInt(QUANTITY_SCALE) * 100n * 10n ** BigInt(PERCENT_SCALE);
  return Number(divideRounded(numerator, denominator));
}

/** VAT on a net amount at a percentage rate, rounded to minor units. */
export function vatAmount(net: Minor, ratePercent: number): Minor {
  const rate = toScaled(ratePercent, PERCENT_SCALE);
  return Number(divideRounded(BigInt(net) * rate, 100n * 10n ** BigInt(PERCENT_SCALE)));
}

/** a / b rounded towards minus infinity (b > 0). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

/**
 * VAT on the sum of `nets` at one rate, rounded once (EHF/PEPPOL BR-CO-17), and that VAT shared
 * out over the nets so that the shares sum to it exactly: each share is the exact VAT of its net
 * rounded down, and the øre still missing go one each to the largest remainders (the earlier
 * net first when remainders tie), so the result never depends on anything but the order given.
 */
export function vatSharedOut(nets: readonly Minor[], ratePercent: number): { vat: Minor; shares: Minor[] } {
  const rate = toScaled(ratePercent, PERCENT_SCALE);
  const denominator = 100n * 10n ** BigInt(PERCENT_SCALE);
  const exact = nets.map((net) => BigInt(net) * rate);
  const vat = divideRounded(
    exact.reduce((sum, e) => sum + e, 0n),
    denominator,
  );
  const shares = exact.map((e) => floorDiv(e, denominator));
  let missing = vat - shares.reduce((sum, s) => sum + s, 0n);
  // 0 ≤ missing ≤ the number of nets with a remainder: the floors lose less than 1 each.
  const order = exact
    .map((e, i) => ({ i, remainder: e - shares[i]! * denominator }))
    .sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  for (const { i } of order) {
    if (missing <= 0n) break;
    shares[i] = shares[i]! + 1n;
    missing -= 1n;
  }
  return { vat: Number(vat), shares: shares.map((s) => Number(s) + 0) };
}

/** hours × rate per hour, rounded to minor units. */
export function hoursAmount(hours: number, ratePerHour: Minor): Minor {
  return Number(divideRounded(toScaled(hours, QUANTITY_SCALE) * BigInt(ratePerHour), 10n ** BigInt(QUANTITY_SCALE)));
}

export interface MoneyFormat {
  /** Digits after the separator; 0 writes whole units. */
  decimals: number;
  decimalSeparator: string;
  /** Grouping separator for thousands, '' for none. */
  thousandsSeparator: string;
  /** When true the separator is left out and the decimals are implied (fixed-width files). */
  impliedDecimals: boolean;
}

export const PLAIN_DECIMAL: MoneyFormat = {
  decimals: 2,
  decimalSeparator: '.',
  thousandsSeparator: '',
  impliedDecimals: false,
};

/**
 * Formats minor units (with `sourceDecimals` digits, 2 for NOK) as text.
 * Reducing the number of decimals rounds half away from zero.
 */
export function formatMinor(value: Minor, format: Partial<MoneyFormat> = {}, sourceDecimals = 2): string {
  const f = { ...PLAIN_DECIMAL, ...format };
  if (f.decimals === sourceDecimals && !f.thousandsSeparator) {
    // The common case (an export writing every amount as stored) needs no BigInt: the value is a
    // safe integer and only its digits are placed around the separator.
    const negative = assertMinor(value) < 0;
    const digits = String(negative ? -value : value).padStart(f.decimals + 1, '0');
    const cut = digits.length - f.decimals;
    const body =
      f.decimals === 0
        ? digits
        : f.impliedDecimals
          ? digits
          : digits.slice(0, cut) + f.decimalSeparator + digits.slice(cut);
    return negative ? '-' + body : body;
  }
  let scaled = BigInt(assertMinor(value));
  if (f.decimals < sourceDecimals) scaled = divideRounded(scaled, 10n ** BigInt(sourceDecimals - f.decimals));
  else if (f.decimals > sourceDecimals) scaled *= 10n ** BigInt(f.decimals - sourceDecimals);
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(f.decimals + 1, '0');
  const whole = digits.slice(0, digits.length - f.decimals);
  const fraction = digits.slice(digits.length - f.decimals);
  const grouped = f.thousandsSeparator ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, f.thousandsSeparator) : whole;
  const body =
    f.decimals === 0 ? grouped : f.impliedDecimals ? grouped + fraction : grouped + f.decimalSeparator + fraction;
  return negative ? '-' + body : body;
}

/**
 * Parses a plain decimal text (`-1234.5`, `1234,50`) into minor units, exactly.
 * Returns null when the text is not such a number or has more decimals than the currency.
 * (The CSV importer has its own, far more lenient number reader.)
 */
export function parseMinor(text: string, decimals = 2): Minor | null {
  const match = /^\s*([+-]?)(\d+)(?:[.,](\d*))?\s*$/.exec(text);
  if (!match) return null;
  const [, sign, whole = '', fraction = ''] = match;
  if (fraction.length > decimals) return null;
  const value = BigInt(whole + fraction.padEnd(decimals, '0'));
  const result = Number(sign === '-' ? -value : value);
  return Number.isSafeInteger(result) ? result : null;
}
