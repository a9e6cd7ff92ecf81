import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ImportWizard, type ImportWizardDeps } from '../../../src/ui/state/import-wizard.svelte.ts';
import { t } from '../../../src/ui/messages.ts';
import type { ImportCounts, ImportPreset } from '../../../src/core/import/index.ts';

type Api = ReturnType<ImportWizardDeps['api']>;
type AnalyzeResult = Awaited<ReturnType<Api['analyze']>>;
type Overrides = NonNullable<Parameters<Api['analyze']>[2]>;
type ImportOptions = Parameters<Api['plan']>[1];
type PlanSummary = Awaited<ReturnType<Api['plan']>>;
type CommitResult = Awaited<ReturnType<Api['commit']>>;
type Progress = NonNullable<Parameters<Api['plan']>[2]>;

const counts: ImportCounts = {
  rows: 3,
  new: 2,
  updated: 1,
  unchanged: 0,
  skipped: 0,
  rejectedRows: 0,
  rejectedRecords: 0,
};

/** What the worker's analysis answers: the overrides applied over fixed guesses, like the real one. */
function analysisOf(fileName: string, overrides: Overrides): AnalyzeResult {
  return {
    ok: true,
    fileName,
    encoding: overrides.encoding ?? 'utf-8',
    delimiter: overrides.delimiter ?? ';',
    hasHeader: overrides.hasHeader ?? true,
    skipLines: overrides.skipLines ?? 0,
    header: ['Nr', 'Navn', 'E-post'],
    format: {
      decimal: overrides.format?.decimal === undefined ? ',' : overrides.format.decimal,
      thousands: overrides.format?.thousands ?? ' ',
      dateFormat: overrides.format?.dateFormat === undefined ? 'DD.MM.YYYY' : overrides.format.dateFormat,
    },
    mapping: overrides.mapping ?? { number: 'Nr', name: 'Navn' },
  } as AnalyzeResult;
}

function summaryOf(options: ImportOptions): PlanSummary {
  return { planId: 'plan-1', kind: options.kind, fileName: options.fileName ?? '', counts } as PlanSummary;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const file = () => new File(['Nr;Navn\n1;Acme\n'], 'customers.csv', { type: 'text/csv' });

describe('ImportWizard', () => {
  let analyze: ReturnType<typeof vi.fn<Api['analyze']>>;
  let plan: ReturnType<typeof vi.fn<Api['plan']>>;
  let commit: ReturnType<typeof vi.fn<Api['commit']>>;
  let stop: ReturnType<typeof vi.fn<() => void>>;

  beforeEach(() => {
    analyze = vi.fn(async (_bytes, fileName, overrides) => analysisOf(fileName, overrides ?? { kind: 'customers' }));
    plan = vi.fn(async (_bytes, options) => summaryOf(options));
    commit = vi.fn(async (): Promise<CommitResult> => ({ ok: true, importId: 'import-1', counts }));
    stop = vi.fn();
  });

  const wizard = () =>
    new ImportWizard({
      api: () => ({ analyze, plan, commit }),
      stop,
      fileBytes: async (blob) => new Uint8Array(await blob.arrayBuffer()),
    });

  /** The overrides of the latest analysis. */
  const lastOverrides = () => analyze.mock.calls.at(-1)![2];

  it('analyses a chosen file with nothing overridden and takes the automatic mapping', async () => {
    const w = wizard();
    await w.chooseFile(file());
    expect(analyze).toHaveBeenCalledTimes(1);
    const [bytes, name, overrides] = analyze.mock.calls[0]!;
    expect(new TextDecoder().decode(bytes)).toBe('Nr;Navn\n1;Acme\n');
    expect(name).toBe('customers.csv');
    expect(overrides).toEqual({ kind: 'customers', constants: {}, format: {} });
    expect(w.step).toBe('configure');
    expect(w.ok?.delimiter).toBe(';');
    expect(w.mapping).toEqual({ number: 'Nr', name: 'Navn' });
    expect(w.analyzing).toBe(false);
  });

  it('sends only the settings the user changed, and the mapping once there is one', async () => {
    const w = wizard();
    await w.chooseFile(file());
    w.delimiter = ',';
    w.decimal = null;
    w.hasHeader = false;
    await w.analyze();
    expect(lastOverrides()).toEqual({
      kind: 'customers',
      delimiter: ',',
      hasHeader: false,
      mapping: { number: 'Nr', name: 'Navn' },
      constants: {},
      format: { decimal: null },
    });
  });

  it('maps and unmaps a field, and sets and clears a constant, analysing again each time', async () => {
    const w = wizard();
    await w.chooseFile(file());
    w.mapField('email', 'E-post');
    w.mapField('name', '');
    expect(w.mapping).toEqual({ number: 'Nr', email: 'E-post' });
    w.setConstant('country', 'NO');
    w.setConstant('country', null);
    w.setConstant('currency', 'NOK');
    expect(w.constants).toEqual({ currency: 'NOK' });
    await vi.waitFor(() => expect(analyze).toHaveBeenCalledTimes(6));
    expect(lastOverrides()).toMatchObject({
      mapping: { number: 'Nr', email: 'E-post' },
      constants: { currency: 'NOK' },
    });
  });

  it('shows the latest analysis when an earlier one answers last', async () => {
    const w = wizard();
    await w.chooseFile(file());
    const slow = deferred<AnalyzeResult>();
    analyze.mockImplementationOnce(() => slow.promise);
    w.delimiter = ',';
    const first = w.analyze();
    w.delimiter = '\t';
    await w.analyze();
    slow.resolve(analysisOf('customers.csv', { kind: 'customers', delimiter: ',' }));
    await first;
    expect(w.ok?.delimiter).toBe('\t');
    expect(w.analyzing).toBe(false);
  });

  it('says why the analysis failed', async () => {
    analyze.mockRejectedValueOnce(new Error('The background worker stopped: it could not be loaded'));
    const w = wizard();
    await w.chooseFile(file());
    expect(w.message).toBe('The background worker stopped: it could not be loaded');
    expect(w.analysis).toBeNull();
  });

  it('another kind forgets the mapping, constants and preset and analyses again', async () => {
    const w = wizard();
    await w.chooseFile(file());
    w.setConstant('country', 'NO');
    w.presetName = 'Mine';
    w.setKind('projects');
    expect(w.kind).toBe('projects');
    expect(w.constants).toEqual({});
    expect(w.presetName).toBe('');
    await vi.waitFor(() => expect(lastOverrides()).toEqual({ kind: 'projects', constants: {}, format: {} }));
  });

  it('checks with exactly the analysed settings and reports progress', async () => {
    const answer = deferred<PlanSummary>();
    let progress: Progress | undefined;
    plan.mockImplementation((_bytes, _options, onProgress) => {
      progress = onProgress;
      return answer.promise;
    });
    const w = wizard();
    await w.chooseFile(file());
    w.onDuplicate = 'update';
    w.presetName = 'Mine';
    const checking = w.check();
    await vi.waitFor(() => expect(plan).toHaveBeenCalled());
    expect(w.step).toBe('checking');
    expect(plan.mock.calls[0]![1]).toEqual({
      kind: 'customers',
      encoding: 'utf-8',
      delimiter: ';',
      hasHeader: true,
      skipLines: 0,
      mapping: { number: 'Nr', name: 'Navn' },
      constants: {},
      format: { decimal: ',', thousands: ' ', dateFormat: 'DD.MM.YYYY' },
      onDuplicate: 'update',
      fileName: 'customers.csv',
      presetName: 'Mine',
    });
    progress!('comparing', 40, 100);
    expect([w.phaseLabel, w.done, w.total]).toEqual([t('import.phase.comparing'), 40, 100]);
    answer.resolve(summaryOf(plan.mock.calls[0]![1]));
    await checking;
    expect(w.step).toBe('result');
    expect(w.summary?.planId).toBe('plan-1');
  });

  it('a failed check goes back to the settings with the reason', async () => {
    plan.mockRejectedValue(new Error('The file changed while it was read.'));
    const w = wizard();
    await w.chooseFile(file());
    await w.check();
    expect(w.step).toBe('configure');
    expect(w.message).toBe('The file changed while it was read.');
  });

  it('cancel during a check stops the worker and ignores its late answer', async () => {
    const answer = deferred<PlanSummary>();
    plan.mockReturnValue(answer.promise);
    const w = wizard();
    await w.chooseFile(file());
    const checking = w.check();
    await vi.waitFor(() => expect(plan).toHaveBeenCalled());
    w.cancel();
    expect(stop).toHaveBeenCalledTimes(1);
    expect(w.message).toBe(t('import.checkCancelled'));
    answer.reject(new Error('The background worker stopped: terminated'));
    await checking;
    expect(w.step).toBe('configure');
    expect(w.summary).toBeNull();
    expect(w.message).toBe(t('import.checkCancelled'));
  });

  it('commits the checked plan with the partial choice and shows the counts', async () => {
    const w = wizard();
    await w.chooseFile(file());
    await w.check();
    w.allowPartial = true;
    const committing = w.commit();
    expect(w.step).toBe('committing');
    expect(w.total).toBe(3);
    await committing;
    expect(commit.mock.calls[0]!.slice(0, 2)).toEqual(['plan-1', { allowPartial: true }]);
    expect(w.step).toBe('done');
    expect(w.committed).toEqual({ importId: 'import-1', counts });
  });

  it('a refused commit returns to the result with the reason', async () => {
    commit.mockResolvedValue({ ok: false, reason: 'Another import ran meanwhile: check again.' });
    const w = wizard();
    await w.chooseFile(file());
    await w.check();
    await w.commit();
    expect(w.step).toBe('result');
    expect(w.message).toBe('Another import ran meanwhile: check again.');
    expect(w.committed).toBeNull();
  });

  it('cancel during the write says nothing was stored', async () => {
    const answer = deferred<CommitResult>();
    commit.mockReturnValue(answer.promise);
    const w = wizard();
    await w.chooseFile(file());
    await w.check();
    const committing = w.commit();
    w.cancel();
    expect(w.message).toBe(t('import.importCancelled'));
    answer.resolve({ ok: true, importId: 'late', counts });
    await committing;
    expect(w.step).toBe('configure');
    expect(w.committed).toBeNull();
  });

  it('a preset sets every setting; the current settings save as one', async () => {
    const preset: ImportPreset = {
      format: 'exportdesk-import-preset',
      version: 1,
      name: 'Bank export',
      kind: 'customers',
      encoding: 'windows-1252',
      delimiter: '\t',
      hasHeader: false,
      skipLines: 2,
      decimal: '.',
      thousands: '',
      dateFormat: 'YYYY-MM-DD',
      columns: { number: 'A', name: 'B' },
      constants: { country: 'NO' },
      onDuplicate: 'update',
    };
    const w = wizard();
    await w.chooseFile(file());
    w.applyPreset(preset);
    await vi.waitFor(() =>
      expect(lastOverrides()).toEqual({
        kind: 'customers',
        encoding: 'windows-1252',
        delimiter: '\t',
        hasHeader: false,
        skipLines: 2,
        mapping: { number: 'A', name: 'B' },
        constants: { country: 'NO' },
        format: { decimal: '.', thousands: '', dateFormat: 'YYYY-MM-DD' },
      }),
    );
    await vi.waitFor(() => expect(w.ok?.delimiter).toBe('\t'));
    expect(w.presetName).toBe('Bank export');
    expect(w.toPreset('Bank export')).toEqual(preset);
  });

  it('has no preset to save before a file was analysed', () => {
    expect(wizard().toPreset('Nothing')).toBeNull();
  });

  it('reset goes back to the start and forgets the file', async () => {
    const w = wizard();
    await w.chooseFile(file());
    await w.check();
    w.reset();
    expect([w.step, w.file, w.analysis, w.summary, w.mapping]).toEqual(['start', null, null, null, undefined]);
  });
});
