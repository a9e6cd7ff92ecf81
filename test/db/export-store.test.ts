import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportdeskDatabase } from '../../src/db/database.ts';
import { replaceCompany } from '../../src/db/company-store.ts';
import { batchDownload, commitExportBatch, ExportConflictError, revertExportBatch } from '../../src/db/export-store.ts';
import { countRangeChange, setExportStatusForRange } from '../../src/db/export-status-store.ts';
import { toCompanyFile } from '../../src/core/company-file/company-file.ts';
import { generateExport, planExport } from '../../src/core/export/pipeline.ts';
import type { ExportConfig } from '../../src/core/export/types.ts';
import type { ExportContext } from '../../src/core/formats/types.ts';
import { smallCompany } from '../helpers/small-company.ts';
import { lineFormat } from '../helpers/test-format.ts';

const config: ExportConfig = {
  id: 'c1',
  name: 'Test',
  purpose: 'accounting',
  target: { kind: 'format', formatId: 'test-lines' },
  settings: {},
  invoiceDateLimit: 'none',
  isDefault: true,
};
const context: ExportContext = { now: '2026-06-01T12:00:00', locale: 'nb-NO', programName: 'Exportdesk', programVersion: 'test' };
let n = 0;
const newId = () => `id-${++n}`;

async function run(db: ExportdeskDatabase, files = 1) {
  const data = smallCompany();
  data.invoices = await db.invoices.toArray();
  const format = lineFormat({ files });
  const plan = planExport(data, format, config, {}, { kind: 'invoices', today: '2026-06-01' }, context);
  return generateExport(plan, format, config, {}, context, newId);
}

describe('export batches', () => {
  let db: ExportdeskDatabase;
  beforeEach(async () => {
    db = new ExportdeskDatabase(`test-${Math.random()}`);
    await replaceCompany(db, toCompanyFile(smallCompany()));
  });
  afterEach(async () => {
    await db.delete();
  });

  it('stores the batch and its bytes and sets the invoices to transferred, together', async () => {
    const result = await run(db);
    await commitExportBatch(db, result.batch, result.files, null);
    expect(await db.invoices.where('exportStatus').equals('transferred').count()).toBe(5);
    const stored = await batchDownload(db, result.batch);
    expect(stored.bytes).toEqual(result.download.bytes);
  });

  it('a failure half-way leaves nothing changed', async () => {
    const result = await run(db);
    // A file id that already exists makes the last write of the transaction fail.
    await db.exportFiles.add({ id: result.files[0]!.id, batchId: 'other', name: 'x', mimeType: 'text/plain', bytes: new Uint8Array([1]) });
    await expect(commitExportBatch(db, result.batch, result.files, null)).rejects.toThrow();
    expect(await db.invoices.where('exportStatus').equals('to-transfer').count()).toBe(5);
    expect(await db.exportBatches.count()).toBe(0);
    expect(await db.exportFiles.count()).toBe(1);
  });

  it('two concurrent runs export each invoice once', async () => {
    const [a, b] = await Promise.all([run(db), run(db)]);
    const outcomes = await Promise.allSettled([
      commitExportBatch(db, a.batch, a.files, null),
      commitExportBatch(db, b.batch, b.files, null),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ExportConflictError);
    expect(await db.exportBatches.count()).toBe(1);
  });

  it('keeps a multi-file export as a ZIP whose download is byte-identical', async () => {
    const result = await run(db, 2);
    expect(result.download.name.endsWith('.zip')).toBe(true);
    await commitExportBatch(db, result.batch, result.files, result.download);
    expect((await batchDownload(db, result.batch)).bytes).toEqual(result.download.bytes);
  });

  it('revert sets the invoices back and keeps the batch in history', async () => {
    const result = await run(db);
    await commitExportBatch(db, result.batch, result.files, null);
    expect(await revertExportBatch(db, result.batch.id, '2026-06-02T08:00:00')).toBe(5);
    expect(await db.invoices.where('exportStatus').equals('to-transfer').count()).toBe(5);
    expect(await db.exportBatches.get(result.batch.id)).toMatchObject({ status: 'reverted', revertedAt: '2026-06-02T08:00:00' });
    await expect(revertExportBatch(db, result.batch.id, '2026-06-02T08:00:00')).rejects.toThrow('already been reverted');
  });

  it('changes the status of exactly the invoices in a number range', async () => {
    expect(await countRangeChange(db, '10002', '10004', 'do-not-transfer')).toBe(3);
    expect(await setExportStatusForRange(db, '10002', '10004', 'do-not-transfer')).toBe(3);
    const statuses = (await db.invoices.orderBy('number').toArray()).map((i) => `${i.number}:${i.exportStatus}`);
    expect(statuses).toEqual([
      '10001:to-transfer',
      '10002:do-not-transfer',
      '10003:do-not-transfer',
      '10004:do-not-transfer',
      '10005:to-transfer',
    ]);
  });
});
