/** The lines of each list's Total box, as text (src/ui/components/records/list-total.svelte shows them). */
import type { ClaimTotals, InvoiceTotals, TimeRecordTotals } from '../../../core/domain/record-totals.ts';
import { hours, money } from '../../format.ts';
import { t } from '../../messages.ts';

export interface TotalLine {
  /** Stable per line: `count`, `hours`, or a currency code. */
  id: string;
  text: string;
}

export function invoiceTotalLines(totals: InvoiceTotals): TotalLine[] {
  return [
    { id: 'count', text: t('totals.invoices', { count: totals.count }) },
    ...Object.entries(totals.byCurrency)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([currency, sums]) => ({
        id: currency,
        text: t('totals.invoiceAmounts', {
          currency,
          net: money(sums.net),
          vat: money(sums.vat),
          gross: money(sums.gross),
        }),
      })),
  ];
}

export function timeRecordTotalLines(totals: TimeRecordTotals): TotalLine[] {
  return [
    {
      id: 'hours',
      text: t('totals.timeRecords', {
        count: totals.count,
        billable: hours(totals.billableHours),
        other: hours(totals.otherHours),
      }),
    },
    ...Object.entries(totals.amounts).map(([currency, amount]) => ({
      id: currency,
      text: t('totals.timeRecordAmount', { amount: money(amount, currency) }),
    })),
  ];
}

export function claimTotalLines(totals: ClaimTotals): TotalLine[] {
  return [
    { id: 'count', text: t('totals.claims', { count: totals.count }) },
    ...Object.entries(totals.amounts)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([currency, amount]) => ({
        id: currency,
        text: t('totals.claimAmount', { amount: money(amount, currency) }),
      })),
  ];
}
