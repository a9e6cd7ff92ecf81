/**
 * The benchmark harness page. It starts the REAL workers of the app (export worker, import
 * worker when present) against the same origin and database, plus the bench worker for
 * seeding and the bare baselines, and exposes `window.bench` for bench/run.ts to drive.
 * Every figure is timed here, on the page, from call to answer, for real and bare alike.
 */
import { connectWorker, Comlink, type WorkerApi } from '../../src/ui/worker-client.ts';
import type { ImportWorkerApi } from '../../src/core/import/api.ts';
import type { ExportWorkerApi, RunRequest, RunResponse, RunStep } from '../../src/core/export/api.ts';
import type { BenchWorkerApi } from './bench-worker.ts';
import type { DataWorkerApi, RestorePhase } from '../../src/core/company-file/api.ts';
import { BENCH_LOCALE, BENCH_NOW, CONFIG_IDS, formatConfigId, ONE_MONTH, WHOLE_PERIOD } from './fixtures.ts';
import { monitorMainThread, type MainThreadFigures } from './main-thread-monitor.ts';
import { timeRecordsCsv } from './time-records-csv.ts';

const exportWorker = connectWorker<ExportWorkerApi>(
  new Worker(new URL('../../workers/export-worker.ts', import.meta.url), { type: 'module' }),
);
const dataWorker = connectWorker<DataWorkerApi>(
  new Worker(new URL('../../workers/data-worker.ts', import.meta.url), { type: 'module' }),
);
const benchWorker = connectWorker<BenchWorkerApi>(
  new Worker(new URL('./bench-worker.ts', import.meta.url), { type: 'module' }),
);

/**
 * Loaded through a glob so that a tree without the import worker still builds (the glob is
 * then empty) and the import row says so instead of inventing a figure.
 */
const importWorkerModules = import.meta.glob<{ default: new () => Worker }>('../../workers/import-worker.ts', {
  query: '?worker',
});

export interface PhaseTimes {
  [step: string]: number;
}

export interface CaseResult {
  valueMs: number;
  baselineMs: number;
  bytes: number;
  baselineBytes: number;
  lines: number;
  equal: boolean;
  phases: PhaseTimes;
  main: MainThreadFigures;
  /** The background settle after the run (invoice exports only): its time and invoice rows written. */
  settleMs: number;
  settledRows: number;
  note: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** The worse of two runs' main-thread figures (repeated runs report their worst). */
function worstOf(a: MainThreadFigures, b: MainThreadFigures): MainThreadFigures {
  return {
    longestTaskMs: Math.max(a.longestTaskMs, b.longestTaskMs),
    longTasks: Math.max(a.longTasks, b.longTasks),
    maxFrameGapMs: Math.max(a.maxFrameGapMs, b.maxFrameGapMs),
    maxFrameGapStart: a.maxFrameGapMs >= b.maxFrameGapMs ? a.maxFrameGapStart : b.maxFrameGapStart,
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function firstDifference(a: Uint8Array, b: Uint8Array): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const show = (bytes: Uint8Array) =>
    JSON.stringify(new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, i - 60), i + 60)));
  return `first difference at byte ${i} of ${a.length}/${b.length}: real ${show(a)} bare ${show(b)}`;
}

function countLines(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) n++;
  return n;
}

/** The worker reports step codes; the results keep the names they have always had. */
const STEP_NAMES: Record<RunStep, string> = {
  reading: 'Reading data',
  readingAndChecking: 'Reading and checking',
  checking: 'Checking',
  generating: 'Generating files',
  storing: 'Storing the batch',
  done: 'Done',
};

/** Phase durations from the worker's progress steps (each step starts the next phase). */
function phasesOf(marks: [string, number][], end: number): PhaseTimes {
  const phases: PhaseTimes = {};
  marks.forEach(([step, at], i) => {
    const next = marks[i + 1]?.[1] ?? end;
    // A step reported several times (progress within a step) adds up.
    phases[step] = Math.round((phases[step] ?? 0) + next - at);
  });
  return phases;
}

function request(configId: string, period?: { from: string; to: string }): RunRequest {
  return {
    configId,
    now: BENCH_NOW,
    locale: BENCH_LOCALE,
    selection: period
      ? { kind: 'period', ...period, includeExternal: true, onlyApproved: false, leaveOutExported: false }
      : { kind: 'invoices' },
    acceptWarnings: true,
  };
}

async function runReal(configId: string, period?: { from: string; to: string }, marks: [string, number][] = []) {
  marks.push(['Starting', performance.now()]);
  const start = performance.now();
  const result: RunResponse = await exportWorker.run(
    request(configId, period),
    Comlink.proxy((step: RunStep) => void marks.push([STEP_NAMES[step], performance.now()])),
  );
  const ms = performance.now() - start;
  if (!result.ok)
    throw new Error(`export ${configId} failed: ${result.reason} ${JSON.stringify(result.issues.slice(0, 3))}`);
  // After the answer the worker copies the journaled statuses into the invoice rows (not part
  // of the run the user waits for); wait for it so that nothing overlaps the next figure.
  const phases = phasesOf(marks, start + ms);
  const settleStart = performance.now();
  marks.push(['Settling statuses', settleStart]);
  const settledRows = await exportWorker.settleTransfers();
  const settleMs = performance.now() - settleStart;
  return { ms, bytes: result.download.bytes, phases, settleMs, settledRows };
}

async function timed<T>(call: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await call();
  return { ms: performance.now() - start, value };
}

type ExportCase = 'sie4' | 'gbat10' | 'template' | 'layout-month';

/** One registered format's run in the `formats` group; `error` when it could not run. */
export interface FormatCaseResult {
  valueMs: number | null;
  baselineMs: number | null;
  bytes: number;
  phases: PhaseTimes;
  main: MainThreadFigures;
  note: string;
  error: string;
}

const bench = {
  /**
   * Issue 6's goal: a layout template at least half the speed of the built-in it was copied
   * from. Both run through the export worker on the same invoices; the figure compares their
   * build phase (the built-in Xero splits at 500 invoices and zips, the template writes one
   * file, so end to end would compare the ZIP too), with end-to-end times in the note.
   */
  async layoutVsBuiltIn(repeats: number) {
    const builtIn: { ms: number; build: number }[] = [];
    const layout: { ms: number; build: number }[] = [];
    for (let i = 0; i < repeats; i++) {
      await benchWorker.resetExports();
      const a = await runReal(CONFIG_IDS.xero);
      builtIn.push({ ms: a.ms, build: a.phases['Checking'] ?? a.ms });
      await benchWorker.resetExports();
      const b = await runReal(CONFIG_IDS.xeroLayout);
      layout.push({ ms: b.ms, build: b.phases['Checking'] ?? b.ms });
    }
    await benchWorker.resetExports();
    return {
      builtInBuildMs: median(builtIn.map((x) => x.build)),
      layoutBuildMs: median(layout.map((x) => x.build)),
      builtInMs: median(builtIn.map((x) => x.ms)),
      layoutMs: median(layout.map((x) => x.ms)),
    };
  },

  /**
   * Issue 14: the Time records list's Total over one month of the seeded records, through the
   * real data worker (the day sums of schema v7), next to the bare read-and-sum of the month.
   * The first call (the worker answering its first request) is in the note; the figure is the
   * median of the calls after it, as when the list's filter changes.
   */
  timeRecordCount(): Promise<number> {
    return benchWorker.timeRecordCount();
  },

  async totalsCase(month: { from: string; to: string }, repeats: number) {
    const filter = { search: '', ...month };
    const first = await timed(() => dataWorker.timeRecordTotals(filter));
    const real: { ms: number; value: Awaited<ReturnType<typeof dataWorker.timeRecordTotals>> }[] = [];
    for (let i = 0; i < repeats; i++) real.push(await timed(() => dataWorker.timeRecordTotals(filter)));
    const bare: typeof real = [];
    for (let i = 0; i < repeats; i++) bare.push(await timed(() => benchWorker.bareMonthTotals(month.from, month.to)));
    return {
      valueMs: median(real.map((r) => r.ms)),
      baselineMs: median(bare.map((r) => r.ms)),
      firstMs: first.ms,
      totals: real[0]!.value,
      equal: JSON.stringify(real[0]!.value) === JSON.stringify(bare[0]!.value),
    };
  },

  async seed(options: { invoiceLines: number; timeRecords: number; claims?: number; country?: 'SE' | 'NO' }) {
    return timed(() => benchWorker.seed(options));
  },

  /** One export figure: the real worker run and the bare loop, `repeats` times each (medians). */
  async exportCase(kind: ExportCase, repeats: number): Promise<CaseResult> {
    const configId =
      kind === 'sie4'
        ? CONFIG_IDS.sie4
        : kind === 'gbat10'
          ? CONFIG_IDS.gbat10
          : kind === 'template'
            ? CONFIG_IDS.template
            : CONFIG_IDS.layout;
    const period = kind === 'template' ? WHOLE_PERIOD : kind === 'layout-month' ? ONE_MONTH : undefined;
    const real: number[] = [];
    const bare: number[] = [];
    let realBytes: Uint8Array = new Uint8Array();
    let bareBytes: Uint8Array = new Uint8Array();
    let phases: PhaseTimes = {};
    let settle = { ms: 0, rows: 0 };
    let main: MainThreadFigures = { longestTaskMs: 0, longTasks: 0, maxFrameGapMs: 0, maxFrameGapStart: 0 };
    for (let i = 0; i < repeats; i++) {
      await benchWorker.resetExports();
      const monitor = monitorMainThread();
      const run = await runReal(configId, period);
      const figures = monitor.stop();
      settle = { ms: run.settleMs, rows: run.settledRows };
      main = worstOf(main, figures);
      real.push(run.ms);
      realBytes = run.bytes;
      phases = run.phases;
      await benchWorker.resetExports();
      const b = await timed(() =>
        period ? benchWorker.bareTimeExport(period) : benchWorker.bareInvoiceExport(kind as 'sie4' | 'gbat10'),
      );
      bare.push(b.ms);
      bareBytes = b.value;
    }
    await benchWorker.resetExports();
    const equal = sameBytes(realBytes, bareBytes);
    return {
      valueMs: median(real),
      baselineMs: median(bare),
      bytes: realBytes.length,
      baselineBytes: bareBytes.length,
      lines: countLines(realBytes),
      equal,
      phases,
      main,
      settleMs: settle.ms,
      settledRows: settle.rows,
      note: equal ? 'bare output byte-identical' : firstDifference(realBytes, bareBytes),
    };
  },

  /**
   * Issue 15: a registered format through the real export worker, over every invoice waiting
   * (invoice formats) or the whole period (time records, claims); next to its bare loop where one
   * exists (SIE 4, GBAT10: the same bytes). A format that cannot run reports its error instead of
   * stopping the bench.
   */
  async formatCase(formatId: string, byPeriod: boolean, bare: 'sie4' | 'gbat10' | null): Promise<FormatCaseResult> {
    const period = byPeriod ? WHOLE_PERIOD : undefined;
    await benchWorker.resetExports();
    const monitor = monitorMainThread();
    const marks: [string, number][] = [];
    let run: Awaited<ReturnType<typeof runReal>>;
    try {
      run = await runReal(formatConfigId(formatId), period, marks);
    } catch (error) {
      const main = monitor.stop();
      await benchWorker.resetExports();
      return { valueMs: null, baselineMs: null, bytes: 0, phases: {}, main, note: '', error: String(error) };
    }
    const main = monitor.stop();
    // Which phase the largest frame gap began in, for the report (is it the page's work or the machine's?).
    const gapPhase = marks.filter(([, at]) => at <= main.maxFrameGapStart).at(-1)?.[0] ?? 'before the run';
    let baselineMs: number | null = null;
    let note = `largest frame gap began in: ${gapPhase}`;
    if (bare) {
      await benchWorker.resetExports();
      const b = await timed(() => benchWorker.bareInvoiceExport(bare));
      baselineMs = b.ms;
      note += `; ${sameBytes(run.bytes, b.value) ? 'bare output byte-identical' : firstDifference(run.bytes, b.value)}`;
    }
    await benchWorker.resetExports();
    return { valueMs: run.ms, baselineMs, bytes: run.bytes.length, phases: run.phases, main, note, error: '' };
  },

  async zipCase(totalBytes: number, files: number) {
    await benchWorker.zipInput(totalBytes, files);
    const real = await timed(() => benchWorker.realZip());
    const bare = await timed(() => benchWorker.bareZip());
    return { valueMs: real.ms, baselineMs: bare.ms, zipBytes: real.value, bareZipBytes: bare.value };
  },

  importWorkerPresent(): boolean {
    return Object.keys(importWorkerModules).length > 0;
  },

  /**
   * Import: the real import worker end to end vs PapaParse + one bulkAdd, each into an empty
   * time-record table. Returns null when the import worker does not exist yet.
   */
  async importCase(rows: number, repeats = 1) {
    const load = Object.values(importWorkerModules)[0];
    if (!load) return null;
    const csv = timeRecordsCsv(rows);
    const WorkerClass = (await load()).default;
    const real: number[] = [];
    const bare: number[] = [];
    let main: MainThreadFigures = { longestTaskMs: 0, longTasks: 0, maxFrameGapMs: 0, maxFrameGapStart: 0 };
    let detail: Awaited<ReturnType<typeof runImport>> | null = null;
    let imported = 0;
    let bareImported = 0;
    for (let i = 0; i < repeats; i++) {
      // A fresh worker each time (as after Cancel in the app), booted before the clock starts, as
      // the bench worker that runs the bare baseline is (and as in the app, where the wizard's
      // preview has started the worker before Import is pressed).
      const importWorker = connectWorker<ImportWorkerApi>(new WorkerClass());
      await importWorker.rejectedCsv('');
      await benchWorker.clearTimeRecords();
      const monitor = monitorMainThread();
      const run = await timed(() => runImport(importWorker, csv));
      const figures = monitor.stop();
      main = worstOf(main, figures);
      real.push(run.ms);
      detail = run.value;
      imported = await benchWorker.timeRecordCount();
      importWorker.terminate();
      await benchWorker.clearTimeRecords();
      const b = await timed(() => benchWorker.bareImport(csv.slice()));
      bare.push(b.ms);
      bareImported = b.value;
    }
    return {
      valueMs: median(real),
      baselineMs: median(bare),
      csvBytes: csv.length,
      imported,
      bareImported,
      main,
      detail: detail!,
    };
  },

  /**
   * Restore of a backup: the real data worker end to end (read, check, write in chunks in one
   * transaction, with progress to the page) vs the bare baseline, a bulkAdd per table of the
   * same parsed records. Both replace the whole company, so each run starts from a full database.
   */
  async restoreCase(options: { invoices: number; timeRecords: number }, repeats: number) {
    const file = await benchWorker.restoreInput(options);
    const real: number[] = [];
    const bare: { parseMs: number; bulkAddMs: number }[] = [];
    let phases: PhaseTimes = {};
    let main: MainThreadFigures = { longestTaskMs: 0, longTasks: 0, maxFrameGapMs: 0, maxFrameGapStart: 0 };
    let records = 0;
    for (let i = 0; i < repeats; i++) {
      const marks: [string, number][] = [];
      const monitor = monitorMainThread();
      const start = performance.now();
      const result = await dataWorker.restore(
        file,
        // The first report of each phase marks its start (progress comes over the proxy's own
        // port, so a late report of an earlier phase may still arrive after the next has begun).
        Comlink.proxy((phase: RestorePhase) => {
          if (!marks.some(([p]) => p === phase)) marks.push([phase, performance.now()]);
        }),
      );
      const ms = performance.now() - start;
      main = worstOf(main, monitor.stop());
      if (!result.ok) throw new Error(`restore failed: ${JSON.stringify(result).slice(0, 300)}`);
      records = result.records;
      real.push(ms);
      phases = phasesOf(marks, start + ms);
      const b = await benchWorker.bareRestore(file);
      bare.push(b);
    }
    return {
      valueMs: median(real),
      baselineMs: median(bare.map((b) => b.bulkAddMs)),
      bareParseMs: median(bare.map((b) => b.parseMs)),
      bytes: file.size,
      records,
      phases,
      main,
    };
  },

  /** Peak memory during a whole-year export of every time record (layout template). */
  async peakMemoryExport() {
    const measure = (performance as Performance & { measureUserAgentSpecificMemory?: () => Promise<MemoryMeasurement> })
      .measureUserAgentSpecificMemory;
    if (!crossOriginIsolated || !measure) return { available: false as const };
    const marks: [string, number][] = [];
    const sample = async () => {
      const m = await measure.call(performance);
      const worker = m.breakdown
        .filter((b) => b.attribution.some((a) => a.url.includes('export-worker')))
        .reduce((s, b) => s + b.bytes, 0);
      // The worker's step when the measurement was taken, so the note says where the peak is.
      return { total: m.bytes, worker, step: marks[marks.length - 1]?.[0] ?? 'before the run' };
    };
    await benchWorker.resetExports();
    const idle = await sample();
    let peak = idle;
    let done = false;
    const sampling = (async () => {
      while (!done) {
        const s = await sample();
        if (s.total > peak.total) peak = s;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const run = await runReal(CONFIG_IDS.layout, WHOLE_PERIOD, marks).finally(() => (done = true));
    await sampling;
    await benchWorker.resetExports();
    return { available: true as const, idle, peak, outputBytes: run.bytes.length, ms: run.ms, phases: run.phases };
  },
};

interface MemoryMeasurement {
  bytes: number;
  breakdown: { bytes: number; attribution: { url: string; scope: string }[]; types: string[] }[];
}

/** `run` = plan + commit in one call; duplicates (none in an empty table) would be updated. */
async function runImport(worker: WorkerApi<ImportWorkerApi>, csv: Uint8Array) {
  const phases: [string, number][] = [];
  const start = performance.now();
  const progress = Comlink.proxy((phase: string) => {
    if (phases[phases.length - 1]?.[0] !== phase) phases.push([phase, performance.now()]);
  });
  const result = await worker.run(csv, 'time-records.csv', { kind: 'timeRecords', onDuplicate: 'update' }, progress);
  if (!result.ok)
    throw new Error(`import failed: ${result.reason} ${JSON.stringify(result.summary.rejected.slice(0, 3))}`);
  return { counts: result.summary.counts, phases: phasesOf(phases, start + (performance.now() - start)) };
}

declare global {
  interface Window {
    bench: typeof bench;
  }
}

window.bench = bench;
document.getElementById('status')!.dataset['ready'] = 'true';
