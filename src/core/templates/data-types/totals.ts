/** Control totals the data types share: sums of money per currency, sums of hours. */
import { HoursSum } from '../grouping.ts';
import type { TotalsAccumulator } from './definition.ts';
import type { DatasetRow } from './row.ts';

export function totalsOf(accumulator: TotalsAccumulator, rows: readonly DatasetRow[]): Record<string, number> {
  accumulator.add(rows);
  return accumulator.totals();
}

export function moneyTotal(
  rows: readonly DatasetRow[],
  field: string,
  currencyField: string | null,
  label: string,
): Record<string, number> {
  return totalsOf(moneyTotals(field, currencyField, label), rows);
}

export function moneyTotals(field: string, currencyField: string | null, label: string): TotalsAccumulator {
  const totals: Record<string, number> = {};
  return {
    add(rows) {
      for (const row of rows) {
        const currency = currencyField ? String(row[currencyField] ?? '') : '';
        const key = currency ? `${label} ${currency}` : label;
        totals[key] = (totals[key] ?? 0) + Number(row[field] ?? 0);
      }
    },
    totals: () => ({ ...totals }),
  };
}

export function hoursTotals(): TotalsAccumulator {
  const hours = new HoursSum();
  return {
    add(rows) {
      for (const row of rows) hours.add(Number(row.hours));
    },
    totals: () => ({ hours: hours.value() }),
  };
}
