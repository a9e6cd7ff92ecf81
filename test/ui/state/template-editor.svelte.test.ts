import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { ExportdeskDatabase } from '../../../src/db/database.ts';
import { readTemplate } from '../../../src/db/template-store.ts';
import {
  blankLayoutTemplate,
  blankTextTemplate,
  DEFAULT_SAMPLE_SIZE,
  outputLines,
  TemplateEditor,
} from '../../../src/ui/state/template-editor.svelte.ts';
import { TemplateWorkerTimeout } from '../../../src/ui/template-worker-client.ts';
import { t } from '../../../src/ui/messages.ts';
import { toIsoDateTime } from '../../../src/core/domain/dates.ts';
import { fakeTemplateWorker } from '../../helpers/fake-template-worker.ts';
import type { ExportTemplate } from '../../../src/core/templates/types.ts';

type Overrides = Parameters<typeof fakeTemplateWorker>[1];

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
}

describe('TemplateEditor', () => {
  let db: ExportdeskDatabase;

  beforeEach(() => {
    db = new ExportdeskDatabase(`test-${Math.random()}`);
    vi.stubGlobal('navigator', { language: 'nb-NO' });
  });
  afterEach(async () => {
    vi.unstubAllGlobals();
    await db.delete();
  });

  function editor(template: ExportTemplate = blankTextTemplate(), id: string | null = null, overrides: Overrides = {}) {
    const worker = fakeTemplateWorker(db, overrides, () => 'tpl-1');
    return { editor: new TemplateEditor(template, id, 'real', worker.call), worker };
  }

  it('a new template is unsaved until saved; then only a change makes it dirty again', async () => {
    const { editor: e } = editor();
    expect(e.dirty).toBe(true);
    expect(await e.save()).toBe(true);
    expect(e.id).toBe('tpl-1');
    expect(e.dirty).toBe(false);
    e.template.name = 'Renamed';
    expect(e.dirty).toBe(true);
    const stored = await readTemplate(db, 'tpl-1');
    expect(stored.ok && stored.value.name).toBe(blankTextTemplate().name);
  });

  it('an opened template is clean and saving replaces it under its id', async () => {
    await editor().editor.save();
    const stored = await readTemplate(db, 'tpl-1');
    if (!stored.ok) throw new Error(stored.errors.join());
    const { editor: e } = editor(stored.value, 'tpl-1');
    expect(e.dirty).toBe(false);
    e.template.fileExtension = 'csv';
    expect(await e.save()).toBe(true);
    expect(await db.templates.count()).toBe(1);
    const replaced = await readTemplate(db, 'tpl-1');
    expect(replaced.ok && replaced.value.fileExtension).toBe('csv');
  });

  it('keeps what to fix and stores nothing when the template is invalid', async () => {
    const { editor: e } = editor();
    e.template.name = '';
    expect(await e.save()).toBe(false);
    expect(e.saveErrors).toEqual(['Give the template a name.']);
    expect(e.id).toBeNull();
    expect(e.saving).toBe(false);
    expect(await db.templates.count()).toBe(0);
  });

  it('shows a dead worker’s error as the save error', async () => {
    const { editor: e } = editor(blankTextTemplate(), null, {
      save: () => {
        throw new Error('The background worker stopped: it could not be loaded');
      },
    });
    expect(await e.save()).toBe(false);
    expect(e.saveErrors).toEqual(['The background worker stopped: it could not be loaded']);
  });

  it('checks the Liquid of a text template', async () => {
    const { editor: e } = editor();
    await e.check();
    expect(e.checkErrors).toEqual([]);
    if (e.template.kind !== 'text') throw new Error('text expected');
    e.template.content = '{% for i in invoices %}{{ i.number }';
    await e.check();
    expect(e.checkErrors.length).toBeGreaterThan(0);
    expect(e.checkErrors[0]).toMatchObject({ line: 1 });
  });

  it('checks only the Liquid columns of a layout and keeps the ones with errors', async () => {
    const layout = blankLayoutTemplate();
    layout.columns.push(
      { header: 'Fine', liquid: '{{ number }}', format: { type: 'text' } },
      { header: 'Broken', liquid: '{{ number | no_such_filter }}', format: { type: 'text' } },
    );
    const { editor: e, worker } = editor(layout);
    await e.check();
    expect(worker.calls.map((c) => c.method)).toEqual(['checkColumns']);
    expect(e.columnErrors.map((c) => c.index)).toEqual([5]);
  });

  it('shows an unknown field path under its column as an error, and checks again when the path changes', async () => {
    const layout = blankLayoutTemplate();
    layout.columns[2]!.field = 'customer.emial';
    const { editor: e } = editor(layout);
    const keyBefore = e.checkKey;
    await e.check();
    expect(e.columnErrors).toEqual([
      {
        index: 2,
        errors: [
          {
            line: 1,
            column: 1,
            message: 'customer.emial: unknown field; did you mean customer.email?',
            path: 'customer.emial',
            suggestion: 'customer.email',
          },
        ],
      },
    ]);
    if (e.template.kind !== 'layout') throw new Error('layout expected');
    e.template.columns[2]!.field = 'customer.email';
    expect(e.checkKey).not.toBe(keyBefore);
    await e.check();
    expect(e.columnErrors).toEqual([]);
  });

  it('shows an unknown Liquid path as a warning with a suggestion, which does not keep the template from saving', async () => {
    const text = blankTextTemplate();
    text.content = '{% for i in invoices %}{% if i.customer.emial != "" %}{{ i.number }}{% endif %}\n{% endfor %}';
    const { editor: e } = editor(text);
    await e.check();
    expect(e.checkErrors).toEqual([
      {
        line: 1,
        column: 30,
        warning: true,
        message: 'i.customer.emial: unknown field; did you mean i.customer.email?',
        path: 'i.customer.emial',
        suggestion: 'i.customer.email',
      },
    ]);
    expect(await e.save()).toBe(true);
    expect(e.saveErrors).toEqual([]);
  });

  it('keeps the answer of the latest check when an earlier one answers last', async () => {
    const slow = deferred<{ line: number; column: number; message: string }[]>();
    let calls = 0;
    const { editor: e } = editor(blankTextTemplate(), null, {
      check: () => (++calls === 1 ? slow.promise : []),
    });
    const first = e.check();
    const second = e.check();
    await second;
    slow.resolve([{ line: 1, column: 1, message: 'stale' }]);
    await first;
    expect(e.checkErrors).toEqual([]);
  });

  it('says why the check gave no answer', async () => {
    const { editor: e } = editor(blankTextTemplate(), null, {
      check: () => {
        throw new Error('worker gone');
      },
    });
    await e.check();
    expect(e.checkFailure).toBe('worker gone');
  });

  it('the Liquid check key ignores field columns and follows Liquid ones', () => {
    const { editor: e } = editor(blankLayoutTemplate());
    const seen: string[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(e.checkKey);
      });
    });
    flushSync();
    if (e.template.kind !== 'layout') throw new Error('layout expected');
    e.template.columns[0]!.header = 'Invoice number';
    flushSync();
    e.template.columns[0]!.field = '';
    e.template.columns[0]!.liquid = '{{ number }}';
    flushSync();
    stop();
    expect(seen).toHaveLength(2);
    expect(seen[1]).toContain('{{ number }}');
  });

  it('tests with a whole sample size, the period only when both ends are set, and the clock', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 11, 6, 8, 0, 0));
    const answer = { text: 'a;b\r\n', issues: [], fileName: 'EXPORT.txt', byteLength: 5, recordCount: 1 };
    const render = vi.fn((..._args: unknown[]) => answer);
    const { editor: e } = editor(blankTextTemplate(), null, { render });
    e.sampleSize = 2.7;
    e.periodFrom = '2026-11-01';
    const pending = e.runTest();
    expect(e.testing).toBe(true);
    await pending;
    expect(e.testing).toBe(false);
    expect(e.test).toEqual(answer);
    expect(render.mock.calls[0]).toEqual([
      e.snapshot(),
      { source: 'real', sampleSize: 2, now: toIsoDateTime(new Date(2026, 11, 6, 8)), locale: 'nb-NO' },
    ]);

    e.periodTo = '2026-11-30';
    e.sampleSize = 0;
    await e.runTest();
    expect(render.mock.calls[1]![1]).toMatchObject({
      sampleSize: DEFAULT_SAMPLE_SIZE,
      period: { from: '2026-11-01', to: '2026-11-30' },
    });
    vi.useRealTimers();
  });

  it('explains a test that timed out or whose worker died', async () => {
    let failure: Error = new TemplateWorkerTimeout(15);
    const { editor: e } = editor(blankTextTemplate(), null, {
      render: () => {
        throw failure;
      },
    });
    await e.runTest();
    expect(e.test).toBeNull();
    expect(e.testFailure).toBe(new TemplateWorkerTimeout(15).message);
    failure = new Error('out of memory');
    await e.runTest();
    expect(e.testFailure).toBe(t('templates.test.stopped', { error: 'out of memory' }));
    expect(e.testing).toBe(false);
  });

  it('adds, moves and removes layout columns within bounds', () => {
    const { editor: e } = editor(blankLayoutTemplate());
    if (e.template.kind !== 'layout') throw new Error('layout expected');
    const headers = () => (e.template.kind === 'layout' ? e.template.columns.map((c) => c.header) : []);
    expect(headers()).toEqual(['Number', 'Date', 'Customer', 'Total']);
    e.moveColumn(0, -1);
    e.moveColumn(3, 1);
    expect(headers()).toEqual(['Number', 'Date', 'Customer', 'Total']);
    e.moveColumn(0, 1);
    expect(headers()).toEqual(['Date', 'Number', 'Customer', 'Total']);
    e.addColumn();
    expect(headers()).toEqual(['Date', 'Number', 'Customer', 'Total', 'New column']);
    e.removeColumn(1);
    expect(headers()).toEqual(['Date', 'Customer', 'Total', 'New column']);
  });

  it('column actions leave a text template alone', () => {
    const { editor: e } = editor();
    const before = e.snapshot();
    e.addColumn();
    e.removeColumn(0);
    e.moveColumn(0, 1);
    expect(e.snapshot()).toEqual(before);
  });
});

describe('outputLines', () => {
  it('keeps each line ending and counts lines past the cut', () => {
    expect(outputLines('a\r\nb\nc\rd')).toEqual({
      lines: [
        { text: 'a', end: '\r\n' },
        { text: 'b', end: '\n' },
        { text: 'c', end: '\r' },
        { text: 'd', end: '' },
      ],
      total: 4,
    });
    expect(outputLines('1\n2\n3\n', 2)).toEqual({
      lines: [
        { text: '1', end: '\n' },
        { text: '2', end: '\n' },
      ],
      total: 3,
    });
  });
});
