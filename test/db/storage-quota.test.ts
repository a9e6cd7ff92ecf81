/**
 * A full disk in the middle of a restore, an import and an export (issue 16): the write
 * transaction is aborted, nothing is half-written, and the user is told in one clear sentence
 * (the restore as the code `storage-full`; the import and export errors as the page words them,
 * through `errorMessage`).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeCompanyFile, toCompanyFile } from '../../src/core/company-file/company-file.ts';
import { isQuotaExceeded } from '../../src/core/company-file/storage-errors.ts';
import { autoMap, parseCsv, planImport } from '../../src/core/import/index.ts';
import { generateExport, planExport } from '../../src/core/export/pipeline.ts';
import type { ExportConfig } from '../../src/core/export/types.ts';
import type { TimeRecord } from '../../src/core/domain/types.ts';
import { ExportdeskDatabase } from '../../src/db/database.ts';
import { readCompanyData, readCompanyFile, replaceCompany, restoreCompanyFile } from '../../src/db/company-store.ts';
import { commitImport, readImportExisting } from '../../src/db/import-store.ts';
import { commitExportBatch } from '../../src/db/export-store.ts';
import { errorMessage } from '../../src/ui/error-message.ts';
import { t } from '../../src/ui/messages.ts';
import { smallCompany } from '../helpers/small-company.ts';
import { lineFormat } from '../helpers/test-format.ts';
import { patchQuota } from '../helpers/patched-quota.ts';

let db: ExportdeskDatabase;
let quota: ReturnType<typeof patchQuota> | null = null;
let before: string;

const everything = async () => serializeCompanyFile((await readCompanyFile(db, { includeFiles: true }))!);

beforeEach(async () => {
  db = new ExportdeskDatabase(`quota-${Math.random()}`);
  await replaceCompany(db, toCompanyFile(smallCompany()));
  before = await everything();
});

afterEach(async () => {
  quota?.restore();
  quota = null;
  await db.delete();
});

describe('a full disk', () => {
  it('in the middle of a restore: refused as storage-full, the old company as it was', async () => {
    const data = smallCompany();
    const model = data.timeRecords[0]!;
    const timeRecords: TimeRecord[] = [];
    for (let i = 0; i < 12_000; i++) timeRecords.push({ ...model, id: `q-${i}` });
    const file = new Blob([serializeCompanyFile(toCompanyFile({ ...data, timeRecords }))]);
    quota = patchQuota(7_000);
    const result = await restoreCompanyFile(db, file);
    expect(quota.writes()).toBeGreaterThan(7_000);
    quota.restore();
    expect(result).toMatchObject({ ok: false, issues: [{ code: 'storage-full', path: '' }] });
    expect(!result.ok && !result.cancelled && result.errors[0]).toMatch(/no room left/);
    expect(await everything()).toBe(before);
  });

  it('in the middle of an import: nothing written, and the page says the disk is full', async () => {
    const lines = ['id,date,employeeNumber,projectNumber,activity,hours'];
    for (let i = 0; i < 3000; i++) lines.push(`imp-${i},2026-05-04,1001,P1,Work ${i},7.5`);
    const table = parseCsv(lines.join('\n') + '\n', { delimiter: ',', hasHeader: true, skipLines: 0 });
    const { data } = await readImportExisting(db, 'timeRecords');
    let n = 0;
    const plan = planImport({
      kind: 'timeRecords',
      table,
      mapping: autoMap('timeRecords', table.header).mapping,
      format: { decimal: '.', thousands: '', dateFormat: 'YYYY-MM-DD' },
      existing: data,
      onDuplicate: 'update',
      newId: () => `n-${++n}`,
    });
    expect(plan.counts.new).toBe(3000);
    quota = patchQuota(1500);
    const error = await commitImport(db, plan, {
      id: 'imp',
      createdAt: '2026-06-01T10:00:00',
      fileName: 'x.csv',
      presetName: '',
      allowPartial: false,
    }).catch((e: unknown) => e);
    quota.restore();
    expect(isQuotaExceeded(error)).toBe(true);
    expect(errorMessage(error)).toBe(t('storage.full'));
    expect(await everything()).toBe(before);
    expect(await db.importHistory.count()).toBe(0);
  });

  it('in the middle of an export commit: no status, no batch, no file; the page says why', async () => {
    const config: ExportConfig = {
      id: 'c1',
      name: 'Test',
      purpose: 'accounting',
      target: { kind: 'format', formatId: 'test-lines' },
      settings: {},
      invoiceDateLimit: 'none',
      isDefault: true,
    };
    const context = { now: '2026-06-01T12:00:00', locale: 'nb-NO', programName: 'Exportdesk', programVersion: 'test' };
    const data = smallCompany();
    data.invoices = (await readCompanyData(db))!.invoices;
    const format = lineFormat({ files: 2 });
    const plan = planExport(data, format, config, {}, { kind: 'invoices', today: '2026-06-01' }, context);
    let n = 0;
    const result = await generateExport(plan, format, config, {}, context, () => `e-${++n}`);
    quota = patchQuota(3);
    const error = await commitExportBatch(db, result.batch, result.files, null).catch((e: unknown) => e);
    quota.restore();
    expect(isQuotaExceeded(error)).toBe(true);
    expect(errorMessage(error)).toBe(t('storage.full'));
    expect(await everything()).toBe(before);
    expect(await db.transferJournal.count()).toBe(0);
  });

  it('is recognised however it is wrapped, and only then', () => {
    const dom = new DOMException('x', 'QuotaExceededError');
    expect(isQuotaExceeded(dom)).toBe(true);
    expect(isQuotaExceeded({ name: 'AbortError', inner: dom })).toBe(true);
    expect(isQuotaExceeded({ name: 'BulkError', failures: [dom] })).toBe(true);
    expect(isQuotaExceeded({ name: 'BulkError', failuresByPos: { 3: dom } })).toBe(true);
    // As Comlink hands a worker's error to the page: name and message only.
    expect(isQuotaExceeded({ name: 'Error', message: 'QuotaExceededError: The quota has been exceeded.' })).toBe(true);
    expect(isQuotaExceeded(new Error('ConstraintError: Key already exists'))).toBe(false);
    expect(isQuotaExceeded(null)).toBe(false);
  });
});
