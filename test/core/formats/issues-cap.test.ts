/**
 * Issue 15, item 5: a run lists at most ISSUES_LISTED_PER_CODE issues of one severity and code, and
 * counts the rest on the last one listed, so that a 100k-line Visma Scenario export (177,718
 * warnings) does not hand the page a list that takes it a frame-breaking moment to receive.
 */
import { describe, expect, it } from 'vitest';
import { scaledInvoices } from '../../../bench/harness/fixtures.ts';
import { generateDemoCompany } from '../../../src/core/demo/demo-company.ts';
import { planResponse } from '../../../src/core/export/run.ts';
import {
  capRepeatedIssues,
  issue,
  type IssueCode,
  ISSUES_LISTED_PER_CODE,
  uniqueIssues,
} from '../../../src/core/formats/issues.ts';
import type { ExportIssue } from '../../../src/core/formats/types.ts';
import { formatConfig, run, settingsOf } from '../export/scale-fixtures.ts';
import { formatOf } from '../../helpers/loaded-formats.ts';
import { englishIssueText } from '../../../src/ui/i18n/issue-text.ts';

function warnings(code: IssueCode, count: number): ExportIssue[] {
  return Array.from({ length: count }, (_, i) =>
    issue('warning', code, { field: 'text', width: 10 }, { kind: 'invoice', key: String(i) }, 'text'),
  );
}

/** Each listed issue stands for itself and the ones it counts. */
function represented(issues: readonly ExportIssue[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const i of issues)
    out.set(`${i.severity} ${i.code}`, (out.get(`${i.severity} ${i.code}`) ?? 0) + 1 + (i.moreLikeThis ?? 0));
  return out;
}

describe('capRepeatedIssues', () => {
  it.each([
    { name: 'fewer than the limit: unchanged', counts: { truncated: 3 }, listed: { truncated: 3 }, more: {} },
    { name: 'exactly the limit: unchanged', counts: { truncated: 5 }, listed: { truncated: 5 }, more: {} },
    {
      name: 'over the limit: the last one listed counts the rest',
      counts: { truncated: 12 },
      listed: { truncated: 5 },
      more: { truncated: 7 },
    },
    {
      name: 'each code on its own',
      counts: { truncated: 8, 'separator-replaced': 2 },
      listed: { truncated: 5, 'separator-replaced': 2 },
      more: { truncated: 3 },
    },
  ])('$name', ({ counts, listed, more }) => {
    const input = Object.entries(counts).flatMap(([code, n]) => warnings(code as IssueCode, n));
    const capped = capRepeatedIssues(input, 5);
    for (const [code, n] of Object.entries(listed)) expect(capped.filter((i) => i.code === code)).toHaveLength(n);
    for (const [code, n] of Object.entries(more as Record<string, number>)) {
      const withCount = capped.filter((i) => i.code === code && i.moreLikeThis);
      expect(withCount).toHaveLength(1);
      expect(withCount[0]!.moreLikeThis).toBe(n);
      expect(capped.filter((i) => i.code === code).at(-1)).toBe(withCount[0]);
    }
    expect(represented(capped)).toEqual(represented(input));
  });

  it('keeps first-seen order and caps errors too, one of each code staying', () => {
    const input = [
      ...warnings('truncated', 3),
      issue('error', 'nothing-to-export'),
      ...warnings('separator-replaced', 1),
      ...warnings('truncated', 3),
    ];
    const capped = capRepeatedIssues(input, 2);
    expect(capped.map((i) => i.code)).toEqual(['truncated', 'truncated', 'nothing-to-export', 'separator-replaced']);
    expect(capped[1]!.moreLikeThis).toBe(4);
  });

  it('the terminal names the count', () => {
    const [, last] = capRepeatedIssues(warnings('truncated', 4), 2);
    expect(englishIssueText(last!)).toMatch(/… and 2 more like this$/);
  });
});

describe('a run with many warnings of one kind', () => {
  const demo = generateDemoCompany({ country: 'SE', today: '2026-11-26', timeRecords: 0 });
  const data = { ...demo, invoices: scaledInvoices(demo.invoices, demo.company.currency, 3000) };

  it('Visma Scenario: the plan and the run list each code at most the limit, and count every warning', async () => {
    const settings = settingsOf('visma-scenario');
    const result = await run(data, formatConfig('visma-scenario', settings), [], undefined);
    // What the format itself finds, uncapped, is what the capped list represents.
    const format = formatOf('visma-scenario')!;
    const context = { now: '2026-11-26T09:30:00', locale: 'sv-SE' } as Parameters<typeof format.generate>[2];
    const uncapped = uniqueIssues([
      ...format.preflight(data, settings, context),
      ...format.generate(data, settings, context).issues,
    ]);
    expect(uncapped.length).toBeGreaterThan(ISSUES_LISTED_PER_CODE);
    expect(result.issues.filter((i) => i.moreLikeThis).map((i) => i.code)).toContain('truncated');
    for (const count of represented(result.issues).values()) expect(count).toBeGreaterThan(0);
    for (const [key] of represented(result.issues))
      expect(result.issues.filter((i) => `${i.severity} ${i.code}` === key).length).toBeLessThanOrEqual(
        ISSUES_LISTED_PER_CODE,
      );
    expect(represented(result.issues)).toEqual(represented(uncapped));
  });

  it('planResponse, which crosses to the page, is capped', () => {
    const many = warnings('truncated', ISSUES_LISTED_PER_CODE + 50);
    const response = planResponse(
      formatConfig('x', {}),
      { name: 'X', dataType: 'invoices' },
      {
        data,
        keys: [],
        summary: { recordCount: 1, totals: {}, firstDate: '', lastDate: '', issues: many },
      },
      [],
    );
    expect(response.summary.issues).toHaveLength(ISSUES_LISTED_PER_CODE);
    expect(response.summary.issues.at(-1)!.moreLikeThis).toBe(50);
  });
});
