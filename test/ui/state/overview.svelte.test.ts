import { describe, expect, it } from 'vitest';
import { Overview, chartBars, chartMax, exportHref, shownWaiting } from '../../../src/ui/state/overview.svelte.ts';
import type { OverviewFigures, WaitingFigures } from '../../../src/core/domain/overview.ts';

function figures(count: number): OverviewFigures {
  return {
    currency: 'NOK',
    waiting: [
      { purpose: 'accounting', configured: true, count, sums: count ? { NOK: 1000 } : {} },
      { purpose: 'factoring', configured: false, count: 0, sums: {} },
    ],
    drafts: 2,
    batches: [],
    closedMonth: { from: '2026-10-01', to: '2026-10-31', timeRecords: 3, claims: 0 },
    months: [],
  };
}

describe('Overview', () => {
  it('keeps the newest answer when an older load answers last', async () => {
    const answers: ((f: OverviewFigures) => void)[] = [];
    const overview = new Overview(() => new Promise((resolve) => answers.push(resolve)));
    const first = overview.load('2026-11-26');
    const second = overview.load('2026-11-27');
    expect(overview.loading).toBe(true);
    answers[1]!(figures(5));
    await second;
    answers[0]!(figures(1));
    await first;
    expect(overview.figures?.waiting[0]!.count).toBe(5);
    expect(overview.loading).toBe(false);
    expect(overview.anythingWaiting).toBe(true);
  });

  it('shows the error of a failed load, and a later load clears it', async () => {
    let fail = true;
    const overview = new Overview(async () => {
      if (fail) throw new Error('worker gone');
      return figures(0);
    });
    await overview.load('2026-11-26');
    expect(overview.error).toContain('worker gone');
    expect(overview.figures).toBeNull();
    fail = false;
    await overview.load('2026-11-26');
    expect(overview.error).toBe('');
    expect(overview.anythingWaiting).toBe(false);
  });
});

describe('what waits, per purpose', () => {
  const line = (purpose: WaitingFigures['purpose'], configured: boolean, count = 0): WaitingFigures => ({
    purpose,
    configured,
    count,
    sums: count ? { NOK: 1000 * count } : {},
  });

  it('lists accounting always, factoring and EHF only where an export for them is set up', () => {
    const none = [line('accounting', false), line('factoring', false), line('ehf', false)];
    expect(shownWaiting(none).map((w) => w.purpose)).toEqual(['accounting']);
    const accountingOnly = [line('accounting', true, 4), line('factoring', false), line('ehf', false)];
    expect(shownWaiting(accountingOnly)).toEqual([line('accounting', true, 4)]);
    // Set up but with nothing waiting is still listed: the firm uses it, and "0 invoices" is news.
    const all = [line('accounting', true, 4), line('factoring', true, 0), line('ehf', true, 2)];
    expect(shownWaiting(all)).toEqual(all);
    expect(shownWaiting([line('accounting', true), line('ehf', true, 1)]).map((w) => w.purpose)).toEqual([
      'accounting',
      'ehf',
    ]);
  });

  it('the page lists what shownWaiting keeps, from the loaded figures', async () => {
    const overview = new Overview(async () => figures(3));
    expect(overview.waiting).toEqual([]);
    await overview.load('2026-11-26');
    expect(overview.waiting.map((w) => w.purpose)).toEqual(['accounting']);
  });

  it("Export now opens each purpose's own export", () => {
    expect(exportHref('accounting')).toBe('#/export?purpose=accounting');
    expect(exportHref('factoring')).toBe('#/export?purpose=factoring');
    expect(exportHref('ehf')).toBe('#/export?purpose=ehf');
  });
});

describe('chartBars', () => {
  const months = [
    { month: '2026-01', invoiced: 400, exported: 100 },
    { month: '2026-02', invoiced: 0, exported: 0 },
    { month: '2026-03', invoiced: 200, exported: 200 },
  ];

  it('scales to the largest month, bottom-aligned, two bars a month inside their slot', () => {
    const bars = chartBars(months, 300, 100);
    expect(chartMax(months)).toBe(400);
    expect(bars[0]!.invoiced).toEqual({ y: 0, height: 100 });
    expect(bars[0]!.exported).toEqual({ y: 75, height: 25 });
    expect(bars[1]!.invoiced).toEqual({ y: 100, height: 0 });
    expect(bars[2]!.exported.height).toBe(50);
    for (const [i, bar] of bars.entries()) {
      expect(bar.x).toBeGreaterThanOrEqual(i * 100);
      expect(bar.x + 2 * bar.width).toBeLessThanOrEqual((i + 1) * 100);
    }
  });

  it('an empty year has flat bars, not NaN', () => {
    const bars = chartBars([{ month: '2026-01', invoiced: 0, exported: 0 }], 100, 50);
    expect(bars[0]!.invoiced).toEqual({ y: 50, height: 0 });
    expect(chartBars([], 100, 50)).toEqual([]);
  });
});
