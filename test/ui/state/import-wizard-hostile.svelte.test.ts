/** The wizard at the door (issue 16): the CLI's duplicate default, blank cells, and coded read failures in words. */
import { describe, expect, it, vi } from 'vitest';
import { ImportWizard, type ImportWizardDeps } from '../../../src/ui/state/import-wizard.svelte.ts';
import { t } from '../../../src/ui/messages.ts';
import { DEFAULT_ON_DUPLICATE } from '../../../src/core/import/index.ts';
import { analysisOf, failedAnalysis, readForAnalysis } from '../../../src/core/import/preview.ts';
import { BAD_FILES } from '../../fixtures/bad/make-bad.ts';

type Api = ReturnType<ImportWizardDeps['api']>;
type PlanSummary = Awaited<ReturnType<Api['plan']>>;

/** A wizard over the real analysis (src/core/import/preview.ts), as the worker runs it. */
function wizard() {
  const analyze = vi.fn<Api['analyze']>(async (bytes, fileName, overrides = {}) => {
    const read = readForAnalysis(bytes, overrides);
    if (!read.ok) return failedAnalysis(fileName, read);
    return analysisOf(read.value, { fileName, size: bytes.length, overrides, companyCurrency: 'NOK' });
  });
  const plan = vi.fn<Api['plan']>(async (_bytes, options) => ({ planId: 'p', kind: options.kind }) as PlanSummary);
  const commit = vi.fn<Api['commit']>();
  const w = new ImportWizard({
    api: () => ({ analyze, plan, commit }),
    stop: vi.fn(),
    fileBytes: async (blob) => new Uint8Array(await blob.arrayBuffer()),
  });
  return { w, analyze, plan };
}

const fileOf = (name: string) => new File([BAD_FILES[name]! as BlobPart], name.slice(name.indexOf('/') + 1));

describe('ImportWizard and hostile files', () => {
  it('starts with the same duplicate handling as the CLI (stop) and sends "clear" only when asked', async () => {
    const { w, plan } = wizard();
    expect([w.onDuplicate, DEFAULT_ON_DUPLICATE, w.blankCells]).toEqual(['stop', 'stop', 'keep']);
    await w.chooseFile(new File(['number,name\n10,Kunde\n'], 'k.csv'));
    await w.check();
    expect(plan.mock.calls[0]![1]).not.toHaveProperty('blankCells');
    w.onDuplicate = 'update';
    w.blankCells = 'clear';
    await w.check();
    expect(plan.mock.calls[1]![1]).toMatchObject({ onDuplicate: 'update', blankCells: 'clear' });
  });

  it.each([
    ['csv/zip-renamed.csv', t('import.read.zip')],
    ['csv/mixed-utf8-and-1252.csv', t('import.read.mixedEncoding', { line: 3, utf8Line: 2 })],
    ['csv/columns-10001.csv', t('import.read.tooManyColumns', { line: 1, max: 10_000 })],
    ['csv/header-too-long.csv', t('import.read.cellTooLong', { line: 1, column: 2, length: 300, max: 200 })],
  ])('%s: the read failure in the UI words', async (name, message) => {
    const { w } = wizard();
    await w.chooseFile(fileOf(name));
    expect(w.ok).toBeNull();
    expect(w.analysisError).toBe(message);
  });

  it('reads a mixed file once the user chooses the encoding', async () => {
    const { w } = wizard();
    await w.chooseFile(fileOf('csv/mixed-utf8-and-1252.csv'));
    w.encoding = 'windows-1252';
    await w.analyze();
    expect(w.ok?.encoding).toBe('windows-1252');
    expect(w.analysisError).toBe('');
  });

  it('offers at most 500 columns of a wide file', async () => {
    const { w } = wizard();
    await w.chooseFile(fileOf('csv/columns-600.csv'));
    expect([w.ok?.columnCount, w.ok?.header.length]).toEqual([600, 500]);
  });
});
