import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportRun, type ExportRunDeps } from '../../../src/ui/state/export-run.svelte.ts';
import { t } from '../../../src/ui/messages.ts';
import { toIsoDateTime } from '../../../src/core/domain/dates.ts';
import type { ExportIssue } from '../../../src/core/formats/types.ts';

type Api = ReturnType<ExportRunDeps['api']>;
type PlanResponse = Awaited<ReturnType<Api['plan']>>;
type RunResponse = Awaited<ReturnType<Api['run']>>;
type RunRequest = Parameters<Api['run']>[0];
type Progress = NonNullable<Parameters<Api['run']>[1]>;

const warning: ExportIssue = { severity: 'warning', code: 'no-lines', message: 'Invoice 7 has no lines.' };
const error: ExportIssue = { severity: 'error', code: 'no-account', message: 'Customer 3 has no account.' };

function planned(issues: ExportIssue[] = [warning]): PlanResponse {
  return {
    configName: 'Ledger',
    targetName: 'SIE 4',
    dataType: 'invoices',
    summary: { recordCount: 2, totals: { NOK: 12500 }, firstDate: '2026-11-01', lastDate: '2026-11-30', issues },
    overlapping: [],
  };
}

const done: RunResponse = {
  ok: true,
  batchId: 'batch-1',
  download: { name: 'export.se', mimeType: 'text/plain', bytes: new Uint8Array([1, 2, 3]) },
  issues: [warning],
  report: [],
};

/** A promise the test settles when it chooses: the worker's answer still on its way. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const selection: RunRequest['selection'] = { kind: 'invoices' };

describe('ExportRun', () => {
  const clock = new Date(2026, 11, 6, 9, 30, 0);
  let plan: ReturnType<typeof vi.fn<Api['plan']>>;
  let run: ReturnType<typeof vi.fn<Api['run']>>;
  let stop: ReturnType<typeof vi.fn<() => void>>;
  let download: ReturnType<typeof vi.fn<ExportRunDeps['download']>>;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(clock);
    vi.stubGlobal('navigator', { language: 'sv-SE' });
    plan = vi.fn(async () => planned());
    run = vi.fn(async () => done);
    stop = vi.fn();
    download = vi.fn();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const exportRun = () => new ExportRun({ api: () => ({ plan, run }), stop, download });

  it('plans with the clock and locale and shows the plan’s issues', async () => {
    const state = exportRun();
    const pending = state.prepare({ configId: 'cfg', selection });
    expect(state.phase).toBe('planning');
    await pending;
    expect(plan).toHaveBeenCalledWith({
      configId: 'cfg',
      selection,
      now: toIsoDateTime(clock),
      locale: 'sv-SE',
      acceptWarnings: false,
    });
    expect(state.phase).toBe('planned');
    expect(state.plan?.summary.recordCount).toBe(2);
    expect(state.warnings).toEqual([warning]);
    expect(state.errors).toEqual([]);
  });

  it('splits errors from warnings', async () => {
    plan.mockResolvedValue(planned([warning, error]));
    const state = exportRun();
    await state.prepare({ configId: 'cfg', selection });
    expect(state.errors).toEqual([error]);
    expect(state.warnings).toEqual([warning]);
  });

  it('fails with the worker’s message when planning throws', async () => {
    plan.mockRejectedValue(new Error('That export is no longer configured.'));
    const state = exportRun();
    await state.prepare({ configId: 'gone', selection });
    expect(state.phase).toBe('failed');
    expect(state.message).toBe('That export is no longer configured.');
  });

  it('runs with the accepted warnings, reports progress and downloads the file', async () => {
    const answer = deferred<RunResponse>();
    let progress: Progress | undefined;
    run.mockImplementation((_request, onProgress) => {
      progress = onProgress;
      return answer.promise;
    });
    const state = exportRun();
    await state.prepare({ configId: 'cfg', selection });
    state.acceptWarnings = true;
    vi.setSystemTime(new Date(2026, 11, 6, 9, 31, 0));
    const running = state.run();
    expect(state.phase).toBe('running');
    expect(state.step).toBe(t('exportRun.starting'));
    expect(run.mock.calls[0]![0]).toMatchObject({
      acceptWarnings: true,
      now: toIsoDateTime(new Date(2026, 11, 6, 9, 31)),
    });

    progress!('generating', 0.35);
    expect([state.step, state.fraction]).toEqual(['Generating files', 0.35]);

    answer.resolve(done);
    await running;
    expect(state.phase).toBe('done');
    expect(state.result?.batchId).toBe('batch-1');
    expect(download).toHaveBeenCalledWith('export.se', new Uint8Array([1, 2, 3]), 'text/plain');

    state.downloadAgain();
    expect(download).toHaveBeenCalledTimes(2);
  });

  it('does nothing on run before a plan', async () => {
    const state = exportRun();
    await state.run();
    expect(run).not.toHaveBeenCalled();
    expect(state.phase).toBe('idle');
  });

  it('shows a refused run’s message and issues and downloads nothing', async () => {
    run.mockResolvedValue({ ok: false, issues: [warning], reason: 'warnings' });
    const state = exportRun();
    await state.prepare({ configId: 'cfg', selection });
    await state.run();
    expect(state.phase).toBe('failed');
    expect(state.message).toBe('Accept the warnings to run the export.');
    expect(state.issues).toEqual([warning]);
    expect(download).not.toHaveBeenCalled();
  });

  it('lists each issue once, planned or run, also when the worker’s list repeats one', async () => {
    const again = { ...warning };
    plan.mockResolvedValue(planned([warning, error, again]));
    const state = exportRun();
    await state.prepare({ configId: 'cfg', selection });
    expect(state.issues).toEqual([warning, error]);

    plan.mockResolvedValue(planned([warning, again]));
    run.mockResolvedValue({ ...done, issues: [warning, again, { ...warning }] });
    await state.prepare({ configId: 'cfg', selection });
    state.acceptWarnings = true;
    await state.run();
    expect(state.phase).toBe('done');
    expect(state.issues).toEqual([warning]);
    expect(state.warnings).toHaveLength(1);

    run.mockResolvedValue({ ok: false, issues: [error, { ...error }], reason: 'blocked' });
    await state.prepare({ configId: 'cfg', selection });
    await state.run();
    expect(state.issues).toEqual([error]);
  });

  it('cancel stops the worker and the dead worker’s error does not replace the cancel', async () => {
    const answer = deferred<RunResponse>();
    run.mockReturnValue(answer.promise);
    const state = exportRun();
    await state.prepare({ configId: 'cfg', selection });
    const running = state.run();
    state.cancel();
    expect(stop).toHaveBeenCalledTimes(1);
    answer.reject(new Error('The background worker stopped: terminated'));
    await running;
    expect(state.phase).toBe('cancelled');
    expect(state.message).toBe(t('exportRun.cancelled'));
    expect(download).not.toHaveBeenCalled();
  });

  it('a worker that dies mid-run fails the run with its message', async () => {
    run.mockRejectedValue('out of memory');
    const state = exportRun();
    await state.prepare({ configId: 'cfg', selection });
    await state.run();
    expect(state.phase).toBe('failed');
    expect(state.message).toBe('out of memory');
  });

  it('a new plan clears the last result and the accepted warnings', async () => {
    const state = exportRun();
    await state.prepare({ configId: 'cfg', selection });
    state.acceptWarnings = true;
    await state.run();
    await state.prepare({ configId: 'cfg', selection });
    expect(state.result).toBeNull();
    expect(state.acceptWarnings).toBe(false);
    expect(state.phase).toBe('planned');
  });
});
