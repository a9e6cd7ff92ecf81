import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportdeskDatabase } from '../../src/db/database.ts';
import { deleteExportConfig, listExportConfigs, saveExportConfig } from '../../src/db/export-config-store.ts';
import type { ExportConfig } from '../../src/core/export/types.ts';

function config(id: string, purpose: ExportConfig['purpose'], isDefault: boolean): ExportConfig {
  return {
    id,
    name: `Export ${id}`,
    purpose,
    target: { kind: 'format', formatId: 'sie4' },
    settings: {},
    invoiceDateLimit: 'end-of-last-month',
    isDefault,
  };
}

async function defaults(db: ExportdeskDatabase): Promise<string[]> {
  return (await listExportConfigs(db))
    .filter((c) => c.isDefault)
    .map((c) => c.id)
    .sort();
}

describe('export config store', () => {
  let db: ExportdeskDatabase;
  beforeEach(() => {
    db = new ExportdeskDatabase(`test-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('stores a config and replaces it when saved again with the same id', async () => {
    await saveExportConfig(db, config('a', 'accounting', false));
    await saveExportConfig(db, { ...config('a', 'accounting', false), name: 'Renamed', settings: { x: '1' } });
    expect(await listExportConfigs(db)).toEqual([
      { ...config('a', 'accounting', false), name: 'Renamed', settings: { x: '1' } },
    ]);
  });

  it('a new default clears the default of its own purpose only', async () => {
    await saveExportConfig(db, config('acc-1', 'accounting', true));
    await saveExportConfig(db, config('pay-1', 'payroll', true));
    await saveExportConfig(db, config('acc-2', 'accounting', true));
    expect(await defaults(db)).toEqual(['acc-2', 'pay-1']);
    expect((await db.exportConfigs.get('acc-1'))!.isDefault).toBe(false);
  });

  it('saving a config that is not default leaves the current default alone', async () => {
    await saveExportConfig(db, config('acc-1', 'accounting', true));
    await saveExportConfig(db, config('acc-2', 'accounting', false));
    expect(await defaults(db)).toEqual(['acc-1']);
  });

  it('re-saving the default keeps it the default', async () => {
    await saveExportConfig(db, config('acc-1', 'accounting', true));
    await saveExportConfig(db, { ...config('acc-1', 'accounting', true), name: 'Again' });
    expect(await defaults(db)).toEqual(['acc-1']);
  });

  it('moving the default to another purpose clears that purpose’s default', async () => {
    await saveExportConfig(db, config('acc-1', 'accounting', true));
    await saveExportConfig(db, config('fac-1', 'factoring', true));
    await saveExportConfig(db, config('acc-1', 'factoring', true));
    expect(await defaults(db)).toEqual(['acc-1']);
  });

  it('writes nothing when the save fails part-way', async () => {
    await saveExportConfig(db, config('acc-1', 'accounting', true));
    // A key IndexedDB cannot store makes the put fail after the other default was cleared.
    const broken = { ...config('acc-2', 'accounting', true), id: null as unknown as string };
    await expect(saveExportConfig(db, broken)).rejects.toThrow();
    expect(await defaults(db)).toEqual(['acc-1']);
  });

  it('deletes a config; its purpose is then left without a default', async () => {
    await saveExportConfig(db, config('acc-1', 'accounting', true));
    await saveExportConfig(db, config('acc-2', 'accounting', false));
    await deleteExportConfig(db, 'acc-1');
    expect((await listExportConfigs(db)).map((c) => c.id)).toEqual(['acc-2']);
    expect(await defaults(db)).toEqual([]);
  });
});
