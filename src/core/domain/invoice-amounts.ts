/**
 * The one place where invoice amounts are derived (docs/decisions/0001-money-dates-rounding.md):
 * - line net = quantity × unit price × (1 − discount %), rounded half away from zero to minor units;
 * - line VAT = line net × VAT rate, rounded the same way, per line;
 * - invoice net / VAT / gross = sums of the rounded line figures, so a voucher built from
 *   lines always balances to the gross amount;
 * - a credit note's lines are stored positive and every derived amount is negated.
 */
import { lineNetAmount, vatAmount } from './money.ts';
import type { Invoice, InvoiceLine, Minor, VatCode } from './types.ts';

export interface LineAmounts {
  net: Minor;
  vat: Minor;
  gross: Minor;
  ratePercent: number;
}

export interface InvoiceAmounts {
  net: Minor;
  vat: Minor;
  gross: Minor;
  lines: LineAmounts[];
}

export type VatRateLookup = (code: string) => number | undefined;

export function vatRateLookup(vatCodes: readonly VatCode[]): VatRateLookup {
  const byCode = new Map(vatCodes.map((v) => [v.code, v.ratePercent]));
  return (code) => byCode.get(code);
}

/** Sign applied to stored amounts: -1 for credit notes. */
export function documentSign(invoice: Pick<Invoice, 'type'>): 1 | -1 {
  return invoice.type === 'credit' ? -1 : 1;
}

export function lineAmounts(line: InvoiceLine, sign: 1 | -1, rateOf: VatRateLookup): LineAmounts {
  const ratePercent = rateOf(line.vatCode) ?? 0;
  const net = sign * lineNetAmount(line.quantity, line.unitPrice, line.discountPercent);
  const vat = vatAmount(net, ratePercent);
  return { net: net + 0, vat: vat + 0, gross: net + vat + 0, ratePercent };
}

/** Unknown VAT codes count as 0 %; pre-flight checks report them before any export. */
export function invoiceAmounts(invoice: Invoice, rateOf: VatRateLookup): InvoiceAmounts {
  const sign = documentSign(invoice);
  const lines = invoice.lines.map((line) => lineAmounts(line, sign, rateOf));
  let net = 0;
  let vat = 0;
  for (const l of lines) {
    net += l.net;
    vat += l.vat;
  }
  return { net, vat, gross: net + vat, lines };
}
