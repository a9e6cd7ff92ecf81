/**
 * Every refused file of the hostile-input corpus (test/fixtures/bad/manifest.ts), planned and
 * committed the way the import worker does it (workers/import-worker.ts), leaves the database
 * exactly as it was: the commit is refused, and every table reads the same before and after.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportdeskDatabase } from '../../src/db/database.ts';
import { replaceCompany } from '../../src/db/company-store.ts';
import {
  commitImport,
  ImportConflictError,
  readImportBase,
  readImportRecords,
  withRecords,
} from '../../src/db/import-store.ts';
import { toCompanyFile } from '../../src/core/company-file/company-file.ts';
import { createImportPlanner, type ImportPlan } from '../../src/core/import/index.ts';
import { planInChunks, startFilePlan } from '../../src/core/import/plan-file.ts';
import { CSV_CASES, type CsvCase } from '../fixtures/bad/manifest.ts';
import { smallCompany } from '../helpers/small-company.ts';

const DIR = new URL('../fixtures/bad/', import.meta.url);
let db: ExportdeskDatabase;

async function snapshot(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

/** The worker's `planFile`, without its progress and kept plans. */
async function planAsTheWorker(c: CsvCase, bytes: Uint8Array): Promise<ImportPlan> {
  const options = { kind: c.kind, onDuplicate: c.options?.onDuplicate ?? 'stop', ...c.options };
  const start = startFilePlan(bytes, options);
  if (!start.ok) return start.plan;
  const { data } = withRecords(await readImportBase(db), await readImportRecords(db, c.kind, start.scope));
  let n = 0;
  const planner = createImportPlanner({ ...start.input, existing: data, newId: () => `new-${++n}` });
  return planInChunks(planner, () => Promise.resolve());
}

const refusedCases = CSV_CASES.filter((c) => c.expect.outcome !== 'imported');

describe('a refused import changes nothing stored', () => {
  beforeEach(async () => {
    db = new ExportdeskDatabase(`bad-${Math.random()}`);
    await replaceCompany(db, toCompanyFile(smallCompany()));
  });
  afterEach(async () => {
    await db.delete();
  });

  it.each(
    refusedCases.map((c) => [`${'file' in c.source ? c.source.file : c.source.generate}: ${c.what}`, c] as const),
  )('%s', { timeout: 120_000 }, async (_, c) => {
    const bytes = 'file' in c.source ? new Uint8Array(readFileSync(new URL(c.source.file, DIR))) : c.source.make();
    const before = await snapshot();
    const plan = await planAsTheWorker(c, bytes);
    expect(plan.canApply).toBe(false);
    const meta = { id: 'imp-bad', createdAt: '2026-12-06T07:00:00', fileName: 'bad.csv', presetName: '' };
    await expect(commitImport(db, plan, { ...meta, allowPartial: false })).rejects.toBeInstanceOf(ImportConflictError);
    expect(await snapshot()).toEqual(before);
  });

  it('the check is not vacuous: an accepted corpus file does change the data', async () => {
    const c = CSV_CASES.find((k) => 'file' in k.source && k.source.file === 'csv/nfd-name.csv')!;
    const before = await snapshot();
    const plan = await planAsTheWorker(c, new Uint8Array(readFileSync(new URL('csv/nfd-name.csv', DIR))));
    await commitImport(db, plan, {
      id: 'imp-ok',
      createdAt: '2026-12-06T07:00:00',
      fileName: 'ok.csv',
      presetName: '',
      allowPartial: false,
    });
    expect(await snapshot()).not.toEqual(before);
    expect((await db.customers.get('10001'))?.name).toBe('Ångström AS'.normalize('NFC'));
  });
});
