import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportdeskDatabase } from '../../src/db/database.ts';
import { replaceCompany } from '../../src/db/company-store.ts';
import {
  batchDownload,
  commitExportBatch,
  ExportConflictError,
  revertExportBatch,
  withRecordKeys,
} from '../../src/db/export-store.ts';
import { readCompanyData, readCompanyFile } from '../../src/db/company-store.ts';
import { invoicePage } from '../../src/db/queries.ts';
import {
  countRangeChange,
  JOURNAL_CHUNK,
  setExportStatusForRange,
  setInvoiceExportStatus,
  settleTransferJournal,
  toTransferInvoices,
  waitingInvoiceKeys,
} from '../../src/db/export-status.ts';
import type { ExportStatus } from '../../src/core/domain/types.ts';
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
const context: ExportContext = {
  now: '2026-06-01T12:00:00',
  locale: 'nb-NO',
  programName: 'Exportdesk',
  programVersion: 'test',
};
let n = 0;
const newId = () => `id-${++n}`;

async function run(db: ExportdeskDatabase, files = 1) {
  const data = smallCompany();
  data.invoices = (await readCompanyData(db))!.invoices;
  const format = lineFormat({ files });
  const plan = planExport(data, format, config, {}, { kind: 'invoices', today: '2026-06-01' }, context);
  return generateExport(plan, format, config, {}, context, newId);
}

/** Each invoice's status as every reader sees it (the transfer journal applied), by number. */
async function statuses(db: ExportdeskDatabase): Promise<string[]> {
  const invoices = (await readCompanyData(db))!.invoices.sort((a, b) => a.number.localeCompare(b.number));
  return invoices.map((i) => `${i.number}:${i.exportStatus}`);
}

function count(list: string[], status: ExportStatus): number {
  return list.filter((s) => s.endsWith(`:${status}`)).length;
}

describe('export store (a fresh small company per test)', () => {
  let db: ExportdeskDatabase;
  beforeEach(async () => {
    db = new ExportdeskDatabase(`test-${Math.random()}`);
    await replaceCompany(db, toCompanyFile(smallCompany()));
  });
  afterEach(async () => {
    await db.delete();
  });

  describe('export batches', () => {
    it('stores the batch and its bytes and sets the invoices to transferred, together', async () => {
      const result = await run(db);
      await commitExportBatch(db, result.batch, result.files, null);
      expect(count(await statuses(db), 'transferred')).toBe(5);
      expect(await waitingInvoiceKeys(db, 'accounting', null)).toEqual([]);
      const stored = await batchDownload(db, result.batch);
      expect(stored.bytes).toEqual(result.download.bytes);
    });

    it('a failure half-way leaves nothing changed', async () => {
      const result = await run(db);
      // A file id that already exists makes the last write of the transaction fail.
      await db.exportFiles.add({
        id: result.files[0]!.id,
        batchId: 'other',
        name: 'x',
        mimeType: 'text/plain',
        bytes: new Uint8Array([1]),
      });
      await expect(commitExportBatch(db, result.batch, result.files, null)).rejects.toThrow();
      expect(count(await statuses(db), 'to-transfer')).toBe(5);
      expect(await db.transferJournal.count()).toBe(0);
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

    it("keeps a period export's record keys apart from the batch row, and gives them back where they are needed", async () => {
      const result = await run(db);
      const period = {
        ...result.batch,
        id: 'period-1',
        dataType: 'timeRecords' as const,
        invoiceIds: [],
        invoiceNumbers: [],
      };
      const files = result.files.map((f) => ({ ...f, id: `${f.id}-p` }));
      await commitExportBatch(db, period, files, null, '["t1","t2","t3"]');
      expect((await db.exportBatches.get('period-1'))!.recordKeys).toEqual([]);
      expect((await withRecordKeys(db, [(await db.exportBatches.get('period-1'))!]))[0]!.recordKeys).toEqual([
        't1',
        't2',
        't3',
      ]);
      const backup = (await readCompanyFile(db))!;
      expect(backup.exportHistory.find((b) => b.id === 'period-1')!.recordKeys).toEqual(['t1', 't2', 't3']);
      // A restored backup keeps the keys inline in its batch rows; they are read the same way.
      await replaceCompany(db, backup);
      expect(await db.exportBatchKeys.count()).toBe(0);
      expect(
        (await withRecordKeys(db, await db.exportBatches.toArray())).find((b) => b.id === 'period-1')!.recordKeys,
      ).toEqual(['t1', 't2', 't3']);
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
      expect(count(await statuses(db), 'to-transfer')).toBe(5);
      expect(await db.exportBatches.get(result.batch.id)).toMatchObject({
        status: 'reverted',
        revertedAt: '2026-06-02T08:00:00',
      });
      await expect(revertExportBatch(db, result.batch.id, '2026-06-02T08:00:00')).rejects.toThrow(
        'already been reverted',
      );
    });

    it('changes the status of exactly the invoices in a number range', async () => {
      expect(
        await countRangeChange(db, 'accounting', { kind: 'number', from: '10002', to: '10004' }, 'do-not-transfer'),
      ).toBe(3);
      expect(
        await setExportStatusForRange(
          db,
          'accounting',
          { kind: 'number', from: '10002', to: '10004' },
          'do-not-transfer',
        ),
      ).toBe(3);
      expect(await statuses(db)).toEqual([
        '10001:to-transfer',
        '10002:do-not-transfer',
        '10003:do-not-transfer',
        '10004:do-not-transfer',
        '10005:to-transfer',
      ]);
    });
  });

  describe('the transfer journal (statuses of a run before and after they are settled into the invoice rows)', () => {
    async function exported() {
      const result = await run(db);
      await commitExportBatch(db, result.batch, result.files, null);
      return result;
    }

    it('every reader sees Has been transferred right after the commit, and the same after settling', async () => {
      await exported();
      expect(await db.transferJournal.count()).toBe(1);
      expect((await db.invoices.toArray()).every((i) => i.exportStatus === 'to-transfer')).toBe(true); // rows not written yet
      const before = await statuses(db);
      const page = await invoicePage(db, { search: '', from: '', to: '' }, 0, 50);
      expect(page.rows.map((i) => i.exportStatus)).toEqual(Array(5).fill('transferred'));

      expect(await settleTransferJournal(db)).toBe(5);
      expect(await db.transferJournal.count()).toBe(0);
      expect((await db.invoices.toArray()).every((i) => i.exportStatus === 'transferred')).toBe(true);
      expect(await statuses(db)).toEqual(before);
    });

    it('what a run reads and what the bell counts leave out journaled invoices, date limit included', async () => {
      const all = await toTransferInvoices(db, 'accounting', null);
      const lastDate = [...all.map((i) => i.issueDate)].sort()[2]!;
      const upToLimit = all.filter((i) => i.issueDate <= lastDate).map((i) => i.id);
      expect((await toTransferInvoices(db, 'accounting', lastDate)).map((i) => i.id).sort()).toEqual(upToLimit.sort());
      const id = (await db.invoices.where('number').equals('10001').first())!.id;
      await setInvoiceExportStatus(db, id, 'accounting', 'do-not-transfer');
      await exported();
      expect(await toTransferInvoices(db, 'accounting', null)).toEqual([]);
      expect(await waitingInvoiceKeys(db, 'accounting', lastDate)).toEqual([]);
      await setInvoiceExportStatus(db, id, 'accounting', 'to-transfer');
      expect((await toTransferInvoices(db, 'accounting', null)).map((i) => i.number)).toEqual(['10001']);
      expect(await waitingInvoiceKeys(db, 'accounting', null)).toEqual([id]);
    });

    it('a second run of the same invoices is refused while they are only journaled, and after settling', async () => {
      const stale = await run(db);
      await exported();
      await expect(commitExportBatch(db, stale.batch, stale.files, null)).rejects.toBeInstanceOf(ExportConflictError);
      await settleTransferJournal(db);
      await expect(commitExportBatch(db, stale.batch, stale.files, null)).rejects.toBeInstanceOf(ExportConflictError);
      expect(await db.exportBatches.count()).toBe(1);
    });

    it('a status set by hand on a journaled invoice wins, and settling does not overwrite it', async () => {
      await exported();
      const id = (await db.invoices.where('number').equals('10003').first())!.id;
      await setInvoiceExportStatus(db, id, 'accounting', 'to-transfer');
      expect(await statuses(db)).toContain('10003:to-transfer');
      await settleTransferJournal(db);
      expect(await statuses(db)).toEqual([
        '10001:transferred',
        '10002:transferred',
        '10003:to-transfer',
        '10004:transferred',
        '10005:transferred',
      ]);
    });

    it('the range dialog counts and changes journaled invoices by their journaled status', async () => {
      await exported();
      expect(
        await countRangeChange(db, 'accounting', { kind: 'number', from: '10001', to: '10002' }, 'transferred'),
      ).toBe(0);
      expect(
        await countRangeChange(db, 'accounting', { kind: 'number', from: '10001', to: '10002' }, 'do-not-transfer'),
      ).toBe(2);
      expect(
        await setExportStatusForRange(
          db,
          'accounting',
          { kind: 'number', from: '10001', to: '10002' },
          'do-not-transfer',
        ),
      ).toBe(2);
      await settleTransferJournal(db);
      expect(await statuses(db)).toEqual([
        '10001:do-not-transfer',
        '10002:do-not-transfer',
        '10003:transferred',
        '10004:transferred',
        '10005:transferred',
      ]);
    });

    it('revert before settling takes the invoices out of the journal; revert after settling rewrites the rows', async () => {
      const first = await exported();
      expect(await revertExportBatch(db, first.batch.id, '2026-06-02T08:00:00')).toBe(5);
      expect(await db.transferJournal.count()).toBe(0);
      expect(count(await statuses(db), 'to-transfer')).toBe(5);

      const second = await exported();
      await settleTransferJournal(db);
      expect(await revertExportBatch(db, second.batch.id, '2026-06-02T09:00:00')).toBe(5);
      expect(count(await statuses(db), 'to-transfer')).toBe(5);
    });

    it('splits a large batch into journal rows of JOURNAL_CHUNK ids, and a backup carries the journaled statuses', async () => {
      const many = smallCompany();
      const template = many.invoices.find((i) => i.status === 'finalized')!;
      many.invoices = Array.from({ length: JOURNAL_CHUNK * 2 + 3 }, (_, k) => ({
        ...template,
        id: `inv-${k}`,
        number: String(20000 + k),
        exportStatus: 'to-transfer' as const,
      }));
      await replaceCompany(db, toCompanyFile(many));
      const result = await run(db);
      await commitExportBatch(db, result.batch, result.files, null);
      expect((await db.transferJournal.toArray()).map((r) => r.invoiceIds.length)).toEqual([
        JOURNAL_CHUNK,
        JOURNAL_CHUNK,
        3,
      ]);
      const backup = (await readCompanyData(db))!;
      expect(backup.invoices.every((i) => i.exportStatus === 'transferred')).toBe(true);
      expect(await settleTransferJournal(db)).toBe(JOURNAL_CHUNK * 2 + 3);
    });
  });
});
