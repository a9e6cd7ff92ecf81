/** The result rows, their printed table and bench/results.json. */
export interface BenchResult {
  name: string;
  /** Rows, records or bytes the figure was measured at (text, e.g. `100000` or `30 MB`). */
  size: string;
  value: number | null;
  unit: string;
  /** The bare baseline measured in the same run, same unit; null when the figure has none. */
  baseline: number | null;
  /** baseline / value for times (higher is better), null without a baseline. */
  ratio: number | null;
  /** With a baseline: the ratio to reach. Without: the limit (`better` says which side). */
  goal: number | null;
  better: 'higher' | 'lower';
  /** The goal is a ratio to the baseline (also when the figure could not be measured). */
  goalIsRatio: boolean;
  met: boolean | null;
  note: string;
}

export function result(
  row: Omit<BenchResult, 'ratio' | 'met' | 'better' | 'note' | 'goalIsRatio'> & {
    better?: 'higher' | 'lower';
    note?: string;
    goalIsRatio?: boolean;
  },
): BenchResult {
  const better = row.better ?? 'lower';
  const ratio =
    row.value !== null && row.baseline !== null && row.value > 0 && row.baseline > 0
      ? round(better === 'lower' ? row.baseline / row.value : row.value / row.baseline, 3)
      : null;
  const goalIsRatio = row.goalIsRatio ?? row.baseline !== null;
  let met: boolean | null = null;
  if (row.goal !== null && row.value !== null) {
    if (goalIsRatio) met = ratio !== null && ratio >= row.goal;
    else met = better === 'lower' ? row.value <= row.goal : row.value >= row.goal;
  }
  return {
    ...row,
    goalIsRatio,
    value: row.value === null ? null : round(row.value, 1),
    baseline: row.baseline === null ? null : round(row.baseline, 1),
    ratio,
    better,
    met,
    note: row.note ?? '',
  };
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function formatTable(rows: readonly BenchResult[]): string {
  const header = ['name', 'size', 'value', 'unit', 'baseline', 'ratio', 'goal', 'met?'];
  const cells = rows.map((r) => [
    r.name,
    r.size,
    r.value === null ? '—' : String(r.value),
    r.unit,
    r.baseline === null ? '—' : String(r.baseline),
    r.ratio === null ? '—' : r.ratio.toFixed(2),
    r.goal === null ? '—' : r.goalIsRatio ? `≥ ${r.goal}` : `${r.better === 'lower' ? '≤' : '≥'} ${r.goal}`,
    r.met === null ? '—' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => '| ' + c.map((v, i) => v.padEnd(widths[i]!)).join(' | ') + ' |';
  return [line(header), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...cells.map(line)].join('\n');
}

export function formatNotes(rows: readonly BenchResult[]): string {
  return rows
    .filter((r) => r.note)
    .map((r) => `- ${r.name} (${r.size}): ${r.note}`)
    .join('\n');
}
