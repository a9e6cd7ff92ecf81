/**
 * An invoice's totals per VAT rate, for its page: a read of `invoiceAmounts`' own per-rate
 * breakdown (VAT per rate rounded once, docs/decisions/0001), so the page shows the figures every
 * export uses, with the gross added.
 */
import type { InvoiceAmounts } from './invoice-amounts.ts';
import type { Minor } from './types.ts';

export interface VatRateTotal {
  ratePercent: number;
  net: Minor;
  vat: Minor;
  gross: Minor;
}

/** One row per rate present, highest rate first. */
export function vatRateTotals(amounts: Pick<InvoiceAmounts, 'rates'>): VatRateTotal[] {
  return amounts.rates
    .map((r) => ({ ratePercent: r.ratePercent, net: r.net, vat: r.vat, gross: r.net + r.vat }))
    .sort((a, b) => b.ratePercent - a.ratePercent);
}
