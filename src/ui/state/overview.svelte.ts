/**
 * The Overview page: its figures come from the data worker (src/db/overview.ts), so the page never
 * walks invoices or time records itself. `chartBars` lays out the chart's bars; the page draws
 * them as plain SVG (smaller than any chart library) beside a table with the same numbers.
 */
import type { MonthFigures, OverviewFigures, WaitingFigures } from '../../core/domain/overview.ts';
import type { StatusPurpose } from '../../core/domain/types.ts';
import { errorMessage } from '../error-message.ts';
import { maxOf } from '../../core/push-all.ts';

export type OverviewLoader = (today: string) => Promise<OverviewFigures>;

export class Overview {
  figures = $state<OverviewFigures | null>(null);
  loading = $state(false);
  error = $state('');
  #request = 0;
  readonly #loader: OverviewLoader;

  constructor(loader: OverviewLoader) {
    this.#loader = loader;
  }

  async load(today: string): Promise<void> {
    const request = ++this.#request;
    this.loading = true;
    try {
      const figures = await this.#loader(today);
      if (request !== this.#request) return;
      this.figures = figures;
      this.error = '';
    } catch (e) {
      if (request !== this.#request) return;
      this.error = errorMessage(e);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  /** The purposes the page lists under Waiting for export (see `shownWaiting`). */
  get waiting(): WaitingFigures[] {
    return shownWaiting(this.figures?.waiting ?? []);
  }

  /** Whether anything waits for an export (the page then leads with it). */
  get anythingWaiting(): boolean {
    return (this.figures?.waiting ?? []).some((w) => w.count > 0);
  }
}

/**
 * What a bookkeeper wants to see waiting: every firm books its invoices, so accounting is always
 * listed (without an export the page says where to set one up). Factoring and EHF are services a
 * firm may not use at all; they are listed only where an export for them is set up, never as a
 * "no export" line at a firm that has no reason to have one.
 */
export function shownWaiting(waiting: readonly WaitingFigures[]): WaitingFigures[] {
  return waiting.filter((w) => w.purpose === 'accounting' || w.configured);
}

/** "Export now" of a purpose: the export page opens that purpose's default export (`?purpose=`). */
export function exportHref(purpose: StatusPurpose): string {
  return `#/export?purpose=${purpose}`;
}

export interface Bar {
  month: string;
  x: number;
  width: number;
  invoiced: { y: number; height: number };
  exported: { y: number; height: number };
}

/**
 * Two bars per month (invoiced, exported) in a `width` × `height` plot area, scaled to the largest
 * month; a month of nothing has bars of height 0, and an all-empty year has no scale to divide by.
 */
export function chartBars(months: readonly MonthFigures[], width: number, height: number): Bar[] {
  const max = chartMax(months);
  const slot = months.length > 0 ? width / months.length : 0;
  const barWidth = slot * 0.38;
  const scaled = (value: number) => {
    const h = max > 0 ? (Math.max(0, value) / max) * height : 0;
    return { y: height - h, height: h };
  };
  return months.map((m, i) => ({
    month: m.month,
    x: i * slot + slot * 0.1,
    width: barWidth,
    invoiced: scaled(m.invoiced),
    exported: scaled(m.exported),
  }));
}

/** The largest month's amount, for the chart's axis label. */
export function chartMax(months: readonly MonthFigures[]): number {
  return Math.max(
    0,
    maxOf(
      months.map((m) => Math.max(m.invoiced, m.exported)),
      0,
    ),
  );
}
