import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportdeskDatabase } from '../../../src/db/database.ts';
import { ExportConfigs, type ExportConfigsDeps } from '../../../src/ui/state/export-configs.svelte.ts';
import { t } from '../../../src/ui/messages.ts';
import type { ExportConfig } from '../../../src/core/export/types.ts';
import type { FormatDescription } from '../../../src/core/formats/registry.ts';
import type { ConfigProblem } from '../../../src/core/export/api.ts';
import { issue } from '../../../src/core/formats/issues.ts';

const CATALOGUE: FormatDescription[] = [
  {
    id: 'payroll-x',
    name: 'Payroll X',
    country: 'NO',
    purpose: 'payroll',
    dataType: 'timeRecords',
    fileKind: 'csv',
    defaultEncoding: 'utf-8',
    specUrl: 'https://example.com/payroll-x',
    settings: [{ key: 'company', kind: 'string', label: 'Company number', default: '', required: true }],
  },
  {
    id: 'ledger-y',
    name: 'Ledger Y',
    country: 'SE',
    purpose: 'accounting',
    dataType: 'invoices',
    fileKind: 'text',
    defaultEncoding: 'utf-8',
    specUrl: 'https://example.com/ledger-y',
    settings: [{ key: 'series', kind: 'string', label: 'Voucher series', default: 'A' }],
  },
];

function stored(id: string, purpose: ExportConfig['purpose'], isDefault: boolean): ExportConfig {
  return {
    id,
    name: `Export ${id}`,
    purpose,
    target: { kind: 'format', formatId: 'ledger-y' },
    settings: {},
    invoiceDateLimit: 'today',
    isDefault,
  };
}

describe('ExportConfigs', () => {
  let db: ExportdeskDatabase;
  let validate: ReturnType<typeof vi.fn<(config: ExportConfig) => Promise<ConfigProblem[]>>>;
  let stops: (() => void)[];

  beforeEach(() => {
    db = new ExportdeskDatabase(`test-${Math.random()}`);
    validate = vi.fn(async () => []);
    stops = [];
  });
  afterEach(async () => {
    for (const stop of stops) stop();
    await db.delete();
  });

  async function configs(deps: Partial<ExportConfigsDeps> = {}): Promise<ExportConfigs> {
    const state = new ExportConfigs({
      db,
      api: () => ({ catalogue: async () => CATALOGUE, validateConfig: validate }),
      newId: () => 'new-id',
      ...deps,
    });
    stops.push(state.watch());
    await state.loadCatalogue();
    return state;
  }

  async function settled(state: ExportConfigs, ids: string[]): Promise<void> {
    await vi.waitFor(() => expect(state.configs.map((c) => c.id).sort()).toEqual([...ids].sort()));
  }

  it('starts a new config on the first accounting format, default while accounting has none', async () => {
    const state = await configs();
    state.newConfig();
    expect(state.editing).toEqual({
      id: 'new-id',
      name: 'Ledger Y',
      purpose: 'accounting',
      target: { kind: 'format', formatId: 'ledger-y' },
      settings: {},
      invoiceDateLimit: 'end-of-last-month',
      isDefault: true,
    });
    expect(state.format?.id).toBe('ledger-y');
  });

  it('does not offer a second accounting default', async () => {
    await db.exportConfigs.put(stored('acc', 'accounting', true));
    const state = await configs();
    await settled(state, ['acc']);
    state.newConfig();
    expect(state.editing?.isDefault).toBe(false);
  });

  it('names a new config generically when no format is known', async () => {
    const state = await configs({ api: () => ({ catalogue: async () => [], validateConfig: validate }) });
    state.newConfig();
    expect(state.editing?.name).toBe(t('exportSettings.newName'));
    expect(state.editing?.target).toEqual({ kind: 'format', formatId: '' });
  });

  it('edits a copy: the stored config and the list change only on save', async () => {
    await db.exportConfigs.put(stored('acc', 'accounting', false));
    const state = await configs();
    await settled(state, ['acc']);
    state.edit(state.configs[0]!);
    state.editing!.name = 'Changed';
    expect(state.configs[0]!.name).toBe('Export acc');
    state.cancel();
    expect(state.editing).toBeNull();
    expect((await db.exportConfigs.get('acc'))!.name).toBe('Export acc');
  });

  it('a new format clears the settings and brings its purpose', async () => {
    const state = await configs();
    state.newConfig();
    state.editing!.settings = { series: 'B' };
    state.setFormat('payroll-x');
    expect(state.editing?.target).toEqual({ kind: 'format', formatId: 'payroll-x' });
    expect(state.editing?.purpose).toBe('payroll');
    expect(state.editing?.settings).toEqual({});
  });

  it('names a new config after the chosen system until the user types a name', async () => {
    const state = await configs();
    state.newConfig();
    expect(state.nameTyped).toBe(false);
    state.setFormat('payroll-x');
    expect(state.editing?.name).toBe('Payroll X');
    state.setFormat('ledger-y');
    expect(state.editing?.name).toBe('Ledger Y');
    state.setName('My ledger');
    expect(state.nameTyped).toBe(true);
    state.setFormat('payroll-x');
    expect(state.editing?.name).toBe('My ledger');
    expect(await state.save()).toBe(true);
    expect((await db.exportConfigs.get('new-id'))!.name).toBe('My ledger');
  });

  it('hands the name back to the system when the user clears it', async () => {
    const state = await configs();
    state.newConfig();
    state.setName('Mine');
    state.setName('  ');
    expect(state.nameTyped).toBe(false);
    state.setFormat('payroll-x');
    expect(state.editing?.name).toBe('Payroll X');
  });

  it('saves a new config under the system chosen last', async () => {
    const state = await configs();
    state.newConfig();
    state.setFormat('payroll-x');
    expect(await state.save()).toBe(true);
    expect(state.saved).toBe(t('common.saved', { name: 'Payroll X' }));
    expect(await db.exportConfigs.get('new-id')).toMatchObject({
      name: 'Payroll X',
      target: { kind: 'format', formatId: 'payroll-x' },
    });
  });

  it('names a new config after its template, and after the system again when switched back', async () => {
    await db.templates.bulkPut([
      { id: 'tpl-1', name: 'My layout', dataType: 'invoices', template: {} },
      { id: 'tpl-2', name: 'Other layout', dataType: 'invoices', template: {} },
    ]);
    const state = await configs();
    await vi.waitFor(() => expect(state.templates).toHaveLength(2));
    state.newConfig();
    state.setTargetKind('template');
    expect(state.editing?.name).toBe('My layout');
    state.setTemplate('tpl-2');
    expect(state.editing?.target).toEqual({ kind: 'template', templateId: 'tpl-2' });
    expect(state.editing?.name).toBe('Other layout');
    state.setTargetKind('format');
    expect(state.editing?.name).toBe('Payroll X');
  });

  it('keeps a stored config’s name when its system changes', async () => {
    await db.exportConfigs.put({ ...stored('acc', 'accounting', false), name: 'Ledger Y' });
    const state = await configs();
    await settled(state, ['acc']);
    state.edit(state.configs[0]!);
    state.setFormat('payroll-x');
    expect(state.editing?.name).toBe('Ledger Y');
    // A new draft after it follows its system again.
    state.newConfig();
    state.setFormat('payroll-x');
    expect(state.editing?.name).toBe('Payroll X');
  });

  it('switching to a template target picks the first template', async () => {
    await db.templates.put({ id: 'tpl-1', name: 'My layout', dataType: 'invoices', template: {} });
    const state = await configs();
    await vi.waitFor(() => expect(state.templates).toHaveLength(1));
    state.newConfig();
    state.setTargetKind('template');
    expect(state.editing?.target).toEqual({ kind: 'template', templateId: 'tpl-1' });
    expect(state.format).toBeUndefined();
    state.setTargetKind('format');
    expect(state.editing?.target).toEqual({ kind: 'format', formatId: 'payroll-x' });
  });

  it('names a target by its format, its template, or a deleted template', async () => {
    await db.templates.put({ id: 'tpl-1', name: 'My layout', dataType: 'invoices', template: {} });
    const state = await configs();
    await vi.waitFor(() => expect(state.templates).toHaveLength(1));
    const config = stored('x', 'accounting', false);
    expect(state.targetLabel(config)).toBe('Ledger Y');
    expect(state.targetLabel({ ...config, target: { kind: 'format', formatId: 'gone' } })).toBe('gone');
    expect(state.targetLabel({ ...config, target: { kind: 'template', templateId: 'tpl-1' } })).toBe(
      t('exportSettings.templateTarget', { name: 'My layout' }),
    );
    expect(state.targetLabel({ ...config, target: { kind: 'template', templateId: 'tpl-9' } })).toBe(
      t('exportSettings.templateTarget', { name: t('exportSettings.deletedTemplate') }),
    );
  });

  it('refuses a config without a name before asking the worker', async () => {
    const state = await configs();
    state.newConfig();
    state.editing!.name = '   ';
    expect(await state.save()).toBe(false);
    expect(state.errors).toEqual([{ key: 'name', message: t('exportSettings.nameMissing') }]);
    expect(validate).not.toHaveBeenCalled();
    expect(await db.exportConfigs.count()).toBe(0);
  });

  it('keeps the form open with the worker’s errors and stores nothing', async () => {
    validate.mockResolvedValue([
      { key: 'series', issue: issue('error', 'template-invalid', { problem: 'Use one letter.' }) },
      { key: '', issue: issue('error', 'template-invalid', { problem: 'The format is gone.' }) },
    ]);
    const state = await configs();
    state.newConfig();
    expect(await state.save()).toBe(false);
    expect(state.editing).not.toBeNull();
    // The series error is shown beside its field; the rest under the form.
    expect(state.generalErrors).toEqual([{ key: '', message: 'The format is gone.' }]);
    expect(await db.exportConfigs.count()).toBe(0);
  });

  it('stores the draft as a plain object, closes the form and moves the default', async () => {
    await db.exportConfigs.put(stored('old', 'accounting', true));
    const state = await configs();
    await settled(state, ['old']);
    state.newConfig();
    state.editing!.isDefault = true;
    state.editing!.settings = { series: 'B' };
    expect(await state.save()).toBe(true);
    expect(validate).toHaveBeenCalledWith(expect.objectContaining({ id: 'new-id', settings: { series: 'B' } }));
    expect(state.editing).toBeNull();
    expect(state.saved).toBe(t('common.saved', { name: 'Ledger Y' }));
    expect(await db.exportConfigs.get('new-id')).toMatchObject({ isDefault: true, settings: { series: 'B' } });
    expect((await db.exportConfigs.get('old'))!.isDefault).toBe(false);
    await settled(state, ['new-id', 'old']);
  });

  it('shows a failed settings check as an error instead of losing the draft', async () => {
    validate.mockRejectedValue(new Error('The background worker stopped: it could not be loaded'));
    const state = await configs();
    state.newConfig();
    expect(await state.save()).toBe(false);
    expect(state.errors).toEqual([{ key: '', message: 'The background worker stopped: it could not be loaded' }]);
    expect(state.editing?.id).toBe('new-id');
  });

  it('deletes a config', async () => {
    await db.exportConfigs.bulkPut([stored('a', 'accounting', true), stored('b', 'payroll', false)]);
    const state = await configs();
    await settled(state, ['a', 'b']);
    await state.remove(state.configs.find((c) => c.id === 'a')!);
    await settled(state, ['b']);
    expect(await db.exportConfigs.count()).toBe(1);
  });

  it('says why the catalogue could not be loaded', async () => {
    const state = await configs({
      api: () => ({
        catalogue: async () => {
          throw new Error('no worker');
        },
        validateConfig: validate,
      }),
    });
    expect(state.catalogue).toEqual([]);
    expect(state.loadError).toBe('no worker');
  });
});
