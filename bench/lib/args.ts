/**
 * Command line of `npm run bench`:
 *   --rows 1000,10000,100000   sizes of the per-size figures (default; smoke: 1000)
 *   --scale 1000000            time records for the scale figures; 0 skips them
 *                              (default: 1000000 in a full run, 0 with --smoke)
 *   --smoke                    CI: one repetition, 1 MB ZIP, no scale figures; checks it completes
 *   --out bench/results.json   where the results go
 *   --only sie4,gbat10,import  only these groups (cold, sie4, gbat10, template, layout, import,
 *                              formats, zip, scale, sizes, restore, totals); default all. For working on one figure.
 *                              `formats` runs every registered format at the largest --rows size.
 *                              restore: per size N, N time records and N/2 invoices; with
 *                              --scale, also a restore of that many time records.
 *                              totals: the Time records Total of one month of --scale records
 *                              (seeds them itself when the scale group does not run).
 *   --formats visma-business,ehf   the `formats` group runs only these registered formats (to
 *                              re-measure one); default every one.
 */
export const BENCH_GROUPS = [
  'cold',
  'sie4',
  'gbat10',
  'template',
  'layout',
  'import',
  'formats',
  'zip',
  'scale',
  'sizes',
  'restore',
  'totals',
] as const;
export type BenchGroup = (typeof BENCH_GROUPS)[number];

export interface BenchArgs {
  rows: number[];
  scale: number;
  smoke: boolean;
  out: string;
  only: ReadonlySet<BenchGroup>;
  /** Format ids the `formats` group runs; null: every registered format. */
  formats: ReadonlySet<string> | null;
}

function positiveCount(text: string, flag: string): number {
  const n = Number(text.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${flag}: "${text}" is not a whole number ≥ 0`);
  return n;
}

export function parseArgs(argv: readonly string[]): BenchArgs {
  const smoke = argv.includes('--smoke');
  let rows: number[] | undefined;
  let scale: number | undefined;
  let out = 'bench/results.json';
  let only: Set<BenchGroup> = new Set(BENCH_GROUPS);
  let formats: Set<string> | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--rows')
      rows = value()
        .split(',')
        .filter(Boolean)
        .map((v) => positiveCount(v, '--rows'));
    else if (flag === '--scale') scale = positiveCount(value(), '--scale');
    else if (flag === '--out') out = value();
    else if (flag === '--only') {
      const names = value().split(',').filter(Boolean);
      const unknown = names.filter((n) => !(BENCH_GROUPS as readonly string[]).includes(n));
      if (unknown.length > 0)
        throw new Error(`--only: unknown group ${unknown.join(', ')} (use ${BENCH_GROUPS.join(', ')})`);
      only = new Set(names as BenchGroup[]);
    } else if (flag === '--formats') formats = new Set(value().split(',').filter(Boolean));
    else if (flag !== '--smoke')
      throw new Error(
        `unknown option ${arg} (use --rows 1000,10000 --scale 1000000 --smoke --out file --only sie4,import --formats ehf)`,
      );
  }
  rows = rows ?? (smoke ? [1000] : [1000, 10_000, 100_000]);
  if (rows.length === 0 || rows.some((r) => r === 0)) throw new Error('--rows needs sizes ≥ 1');
  return { rows, scale: scale ?? (smoke ? 0 : 1_000_000), smoke, out, only, formats };
}
