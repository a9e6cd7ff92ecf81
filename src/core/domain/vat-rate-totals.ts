/**
 * An invoice's totals per VAT rate, for its page. Grouped over `invoiceAmounts`' lines, so the
 * figures are the ones every export uses; when invoice-amounts.ts returns its own per-rate
 * breakdown (VAT per rate rounded once, issue 14 item 7), this becomes a read of that.
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
export function vatRateTotals(amounts: Pick<InvoiceAmounts, 'lines'>): VatRateTotal[] {
  const byRate = new Map<number, VatRateTotal>();
  for (const line of amounts.lines) {
    const total = byRate.get(line.ratePercent) ?? { ratePercent: line.ratePercent, net: 0, vat: 0, gross: 0 };
    total.net += line.net;
    total.vat += line.vat;
    total.gross += line.gross;
    byRate.set(line.ratePercent, total);
  }
  return [...byRate.values()].sort((a, b) => b.ratePercent - a.ratePercent);
}
