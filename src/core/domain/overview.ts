/**
 * The Overview page's figures (issue 18, item 3) and the pure parts of computing them: the months
 * of the chart and the last closed month. src/db/overview.ts reads the data; the page only shows it.
 */
import { addDays, startOfMonth } from './dates.ts';
import type { IsoDate, IsoDateTime, StatusPurpose } from './types.ts';

/** Minor units per currency code. */
export type SumsByCurrency = Record<string, number>;

export interface WaitingFigures {
  purpose: StatusPurpose;
  /** Whether an export of this purpose is configured (without one nothing waits for it). */
  configured: boolean;
  count: number;
  sums: SumsByCurrency;
}

export interface BatchFigures {
  id: string;
  createdAt: IsoDateTime;
  configName: string;
  recordCount: number;
  status: 'active' | 'reverted';
}

export interface MonthFigures {
  /** `YYYY-MM` */
  month: string;
  /** Gross of the finalized invoices issued in the month, in the company's currency (minor units). */
  invoiced: number;
  /** The part of `invoiced` whose accounting status is Has been transferred. */
  exported: number;
}

export interface OverviewFigures {
  currency: string;
  waiting: WaitingFigures[];
  drafts: number;
  batches: BatchFigures[];
  /** The last closed month and its records not in an active export batch. */
  closedMonth: { from: IsoDate; to: IsoDate; timeRecords: number; claims: number };
  /** The last 12 months, oldest first, the current month last. */
  months: MonthFigures[];
}

/** The first and last day of the month before `today`'s. */
export function lastClosedMonth(today: IsoDate): { from: IsoDate; to: IsoDate } {
  const to = addDays(startOfMonth(today), -1);
  return { from: startOfMonth(to), to };
}

/** The `count` months up to `today`'s, oldest first, as `YYYY-MM`. */
export function monthsUpTo(today: IsoDate, count = 12): string[] {
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  const months: string[] = [];
  for (let i = 0; i < count; i++) {
    months.unshift(`${year}-${String(month).padStart(2, '0')}`);
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return months;
}

export function addToSums(sums: SumsByCurrency, currency: string, minor: number): void {
  sums[currency] = (sums[currency] ?? 0) + minor;
}
