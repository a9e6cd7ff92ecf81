/**
 * src/db/export-status.ts on its own: the functions other modules now call instead of reading
 * the transfer journal themselves (the bell's count, reads with a caller's query, the import's
 * take-over, the start-up check, the bench reset) and the template sample built on them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportdeskDatabase } from '../../src/db/database.ts';
import { replaceCompany } from '../../src/db/company-store.ts';
import {
  hasUnsettledTransfers,
  markTransferred,
  readInvoicesWithStatus,
  resetTransferred,
  setInvoiceExportStatus,
  settleTransferJournal,
  statusTables,
  takeOverStatuses,
  waitingInvoiceCount,
} from '../../src/db/export-status.ts';
import { readTemplateSample } from '../../src/db/template-sample.ts';
import { toCompanyFile } from '../../src/core/company-file/company-file.ts';
import { smallCompany } from '../helpers/small-company.ts';

describe('export status module (a fresh small company per test)', () => {
  let db: ExportdeskDatabase;
  beforeEach(async () => {
    db = new ExportdeskDatabase(`test-${Math.random()}`);
    await replaceCompany(db, toCompanyFile(smallCompany()));
  });
  afterEach(async () => {
    await db.delete();
  });

  /** What an export commit does to the statuses: inv-1 and inv-2 become Has been transferred (journaled). */
  const transfer = (ids = ['inv-1', 'inv-2']) =>
    db.transaction('rw', statusTables(db), () => markTransferred(db, 'accounting', 'batch-1', ids));

  const byId = async () =>
    Object.fromEntries(
      (await readInvoicesWithStatus(db, (invoices) => invoices.toArray())).map((i) => [i.id, i.exportStatus]),
    );

  it('reads with the caller query and the journal applied, before and after settling', async () => {
    await transfer();
    const firstThree = await readInvoicesWithStatus(db, (invoices) => invoices.orderBy('issueDate').limit(3).toArray());
    expect(firstThree.map((i) => `${i.id}:${i.exportStatus}`)).toEqual([
      'inv-1:transferred',
      'inv-2:transferred',
      'inv-3:to-transfer',
    ]);
    const before = await byId();
    await settleTransferJournal(db);
    expect(await byId()).toEqual(before);
  });

  it("the bell's count leaves out journaled invoices, drafts and invoices after the date limit", async () => {
    expect(await waitingInvoiceCount(db, 'accounting', null)).toBe(5);
    await transfer();
    expect(await waitingInvoiceCount(db, 'accounting', null)).toBe(3);
    expect(await waitingInvoiceCount(db, 'accounting', '2026-03-31')).toBe(1);
    await db.invoices.update('inv-5', { status: 'draft' });
    expect(await waitingInvoiceCount(db, 'accounting', null)).toBe(2);
    await settleTransferJournal(db);
    expect(await waitingInvoiceCount(db, 'accounting', null)).toBe(2);
  });

  it('says whether a settle is left to do (the start-up check)', async () => {
    expect(await hasUnsettledTransfers(db)).toBe(false);
    await transfer();
    expect(await hasUnsettledTransfers(db)).toBe(true);
    await settleTransferJournal(db);
    expect(await hasUnsettledTransfers(db)).toBe(false);
  });

  it('an import taking over rows gets them with the status readers saw, and their rows then decide', async () => {
    await transfer();
    const ids = ['inv-2', 'inv-3', 'gone'];
    const taken = await db.transaction('rw', statusTables(db), async () =>
      takeOverStatuses(db, ids, await db.invoices.bulkGet(ids)),
    );
    expect(taken.map((i) => i?.exportStatus)).toEqual(['transferred', 'to-transfer', undefined]);
    // inv-2 left the journal: until its row is written it reads as its row says; inv-1 stays journaled.
    expect(await byId()).toMatchObject({ 'inv-1': 'transferred', 'inv-2': 'to-transfer' });
    expect(await hasUnsettledTransfers(db)).toBe(true);
  });

  it('the bench reset sets every transferred invoice, settled or journaled, back to To transfer', async () => {
    await transfer(['inv-1']);
    await settleTransferJournal(db);
    await transfer(['inv-2']);
    await setInvoiceExportStatus(db, 'inv-3', 'accounting', 'do-not-transfer');
    await db.transaction('rw', statusTables(db), () => resetTransferred(db));
    expect(await byId()).toEqual({
      'inv-1': 'to-transfer',
      'inv-2': 'to-transfer',
      'inv-3': 'do-not-transfer',
      'inv-4': 'to-transfer',
      'inv-5': 'to-transfer',
    });
    expect(await hasUnsettledTransfers(db)).toBe(false);
  });

  it('the template sample reads the first N invoices by date with their status, or null without a company', async () => {
    await transfer(['inv-1']);
    const sample = await readTemplateSample(db, 'invoices', 2, undefined);
    expect(sample!.invoices.map((i) => `${i.id}:${i.exportStatus}`)).toEqual([
      'inv-1:transferred',
      'inv-2:to-transfer',
    ]);
    expect(sample!.customers.length).toBeGreaterThan(0);
    expect(sample!.timeRecords).toEqual([]);
    const claims = await readTemplateSample(db, 'expenses', 5, { from: '2026-03-01', to: '2026-03-31' });
    expect(claims!.claims.map((c) => c.claimNumber)).toEqual(['R-1']);
    expect(claims!.invoices).toEqual([]);
    await db.company.clear();
    expect(await readTemplateSample(db, 'invoices', 2, undefined)).toBeNull();
  });
});
