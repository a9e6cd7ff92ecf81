/**
 * The one place where invoice amounts are derived (docs/decisions/0001-money-dates-rounding.md):
 * - line net = quantity × unit price × (1 − discount %), rounded half away from zero to minor units;
 * - VAT per rate, by the book (`per-rate`, EHF/PEPPOL BR-CO-17): the net total of the lines at that
 *   rate × the rate, rounded once; each line's VAT is its share of that total, shared out by the
 *   largest remainder so that the shares sum to it exactly (money.ts `vatSharedOut`);
 * - VAT per line (`per-line`, the company setting for firms whose billing system rounds so): line
 *   net × rate rounded per line, and the VAT per rate is the sum of those;
 * - invoice net / VAT / gross = sums of the line figures (equal to the sums per rate), so a voucher
 *   built from lines always balances to the gross amount;
 * - a credit note's lines are stored positive; everything is derived as for an invoice and then
 *   negated, so a credit note is the exact negative of the invoice it credits (shares included).
 */
import { lineNetAmount, vatAmount, vatSharedOut } from './money.ts';
import type { Company, Invoice, InvoiceLine, Minor, VatCode, VatRounding } from './types.ts';

export interface LineAmounts {
  net: Minor;
  vat: Minor;
  gross: Minor;
  ratePercent: number;
}

/** The VAT breakdown of one rate (what EHF's TaxSubtotal and the invoice page show). */
export interface RateAmounts {
  ratePercent: number;
  /** The VAT codes of the lines at this rate, in the order they first appear. */
  vatCodes: string[];
  net: Minor;
  vat: Minor;
}

export interface InvoiceAmounts {
  net: Minor;
  vat: Minor;
  gross: Minor;
  lines: LineAmounts[];
  /** One entry per rate, in the order the rates first appear on the invoice. */
  rates: RateAmounts[];
}

export type VatRateLookup = (code: string) => number | undefined;

/** What invoice amounts depend on besides the invoice: the VAT rates and the company's rounding rule. */
export interface AmountRules {
  rateOf: VatRateLookup;
  vatRounding: VatRounding;
}

export function vatRateLookup(vatCodes: readonly VatCode[]): VatRateLookup {
  const byCode = new Map(vatCodes.map((v) => [v.code, v.ratePercent]));
  return (code) => byCode.get(code);
}

/** A company without the setting (every file made before it existed) rounds by the book. */
export function vatRoundingOf(company: Pick<Company, 'vatRounding'>): VatRounding {
  return company.vatRounding ?? 'per-rate';
}

/** The rules of a company's data, built once per export or page and passed to `invoiceAmounts`. */
export function amountRules(data: {
  company: Pick<Company, 'vatRounding'>;
  vatCodes: readonly VatCode[];
}): AmountRules {
  return { rateOf: vatRateLookup(data.vatCodes), vatRounding: vatRoundingOf(data.company) };
}

/** Sign applied to stored amounts: -1 for credit notes. */
export function documentSign(invoice: Pick<Invoice, 'type'>): 1 | -1 {
  return invoice.type === 'credit' ? -1 : 1;
}

/** Unknown VAT codes count as 0 %; pre-flight checks report them before any export. */
export function invoiceAmounts(invoice: Invoice, rules: AmountRules): InvoiceAmounts {
  const sign = documentSign(invoice);
  const rates = new Map<number, { codes: string[]; indexes: number[] }>();
  const nets: Minor[] = [];
  const ratePercents: number[] = [];
  invoice.lines.forEach((line: InvoiceLine, i) => {
    const ratePercent = rules.rateOf(line.vatCode) ?? 0;
    nets.push(lineNetAmount(line.quantity, line.unitPrice, line.discountPercent));
    ratePercents.push(ratePercent);
    const group = rates.get(ratePercent) ?? { codes: [], indexes: [] };
    if (!group.codes.includes(line.vatCode)) group.codes.push(line.vatCode);
    group.indexes.push(i);
    rates.set(ratePercent, group);
  });

  // Unsigned (as an invoice) first, so that a credit note's shares are the invoice's, negated.
  const vats: Minor[] = nets.map(() => 0);
  const breakdown: RateAmounts[] = [];
  for (const [ratePercent, group] of rates) {
    const groupNets = group.indexes.map((i) => nets[i]!);
    let vat = 0;
    if (rules.vatRounding === 'per-line') {
      for (const i of group.indexes) {
        vats[i] = vatAmount(nets[i]!, ratePercent);
        vat += vats[i]!;
      }
    } else {
      const shared = vatSharedOut(groupNets, ratePercent);
      group.indexes.forEach((lineIndex, k) => (vats[lineIndex] = shared.shares[k]!));
      vat = shared.vat;
    }
    const net = groupNets.reduce((sum, n) => sum + n, 0);
    breakdown.push({ ratePercent, vatCodes: group.codes, net: sign * net + 0, vat: sign * vat + 0 });
  }

  const lines = nets.map((n, i) => {
    const net = sign * n + 0;
    const vat = sign * vats[i]! + 0;
    return { net, vat, gross: net + vat + 0, ratePercent: ratePercents[i]! };
  });
  let net = 0;
  let vat = 0;
  for (const l of lines) {
    net += l.net;
    vat += l.vat;
  }
  return { net: net + 0, vat: vat + 0, gross: net + vat + 0, lines, rates: breakdown };
}
