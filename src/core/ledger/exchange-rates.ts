/**
 * Exchange rates typed by the user ("EUR=11.4921; USD=10.80") and the one conversion of an amount
 * in another currency into the company currency, used by every format and template that posts in
 * the company currency (invoice vouchers, SG Finans).
 */
import { currencyDecimals, divideRounded, toScaled } from '../domain/money.ts';
import type { Minor } from '../domain/types.ts';

/** Rates are kept as company-currency units per 1 unit, scaled by 10^6 (six decimals typed at most). */
const RATE_SCALE_DIGITS = 6;

/** Parses "EUR=11.4921; USD=10.80"; returns the rates and the parts it could not read. */
export function parseExchangeRates(text: string): { rates: Map<string, bigint>; invalid: string[] } {
  const rates = new Map<string, bigint>();
  const invalid: string[] = [];
  for (const part of text.split(/[;\n]/)) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const m = /^([A-Za-z]{3})\s*=\s*(\d+(?:[.,]\d+)?)$/.exec(trimmed);
    if (!m) {
      invalid.push(trimmed);
      continue;
    }
    rates.set(m[1]!.toUpperCase(), toScaled(Number(m[2]!.replace(',', '.')), RATE_SCALE_DIGITS));
  }
  return { rates, invalid };
}

/**
 * Converts minor units of `from` into minor units of `to` (each currency's own decimals), rounded
 * half away from zero once; undefined when `rates` has no rate for `from`. Same currency: unchanged.
 */
export function currencyConverter(
  from: string,
  to: string,
  rates: ReadonlyMap<string, bigint>,
): ((amount: Minor) => Minor) | undefined {
  if (from.toUpperCase() === to.toUpperCase()) return (amount) => amount;
  const rate = rates.get(from.toUpperCase());
  if (rate === undefined) return undefined;
  const fromDigits = BigInt(currencyDecimals(from));
  const toDigits = BigInt(currencyDecimals(to));
  // `+ 0` turns a -0 from a zero amount into 0, so that it prints as "0".
  return (amount) =>
    Number(divideRounded(BigInt(amount) * rate * 10n ** toDigits, 10n ** (BigInt(RATE_SCALE_DIGITS) + fromDigits))) + 0;
}
