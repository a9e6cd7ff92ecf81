/**
 * src/db/export-status.ts on its own: the functions other modules now call instead of reading
 * the transfer journal themselves (the bell's count, reads with a caller's query, the import's
 * take-over, the start-up check, the bench reset) and the template sample built on them; each
 * purpose's status on its own (issue 15) and the range dialog's explanations.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportdeskDatabase } from '../../src/db/database.ts';
import { replaceCompany } from '../../src/db/company-store.ts';
import {
  countRangeChange,
  describeRangeChange,
  hasUnsettledTransfers,
  markTransferred,
  readInvoicesWithStatus,
  resetTransferred,
  revertTransferred,
  setExportStatusForRange,
  setInvoiceExportStatus,
  settleTransferJournal,
  statusTables,
  takeOverStatuses,
  toTransferInvoices,
  waitingInvoiceCount,
  type InvoiceRange,
} from '../../src/db/export-status.ts';
import { takesCustomer } from '../../src/core/export/export-status.ts';
import type { StatusPurpose } from '../../src/core/domain/types.ts';
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

describe('export status per purpose (accounting and factoring)', () => {
  let db: ExportdeskDatabase;
  beforeEach(async () => {
    db = new ExportdeskDatabase(`test-${Math.random()}`);
    await replaceCompany(db, toCompanyFile(smallCompany()));
  });
  afterEach(async () => {
    await db.delete();
  });

  const transfer = (purpose: StatusPurpose, batchId: string, ids: string[]) =>
    db.transaction('rw', statusTables(db), () => markTransferred(db, purpose, batchId, ids));
  const both = async () =>
    (await readInvoicesWithStatus(db, (invoices) => invoices.orderBy('id').toArray())).map(
      (i) => `${i.id}:${i.exportStatus}:${i.factoringStatus}`,
    );

  it('a factoring export leaves the accounting status and count alone, before and after settling', async () => {
    await transfer('accounting', 'acc', ['inv-1', 'inv-2', 'inv-3', 'inv-4', 'inv-5']);
    expect(await waitingInvoiceCount(db, 'accounting', null)).toBe(0);
    expect(await waitingInvoiceCount(db, 'factoring', null)).toBe(5);
    expect((await toTransferInvoices(db, 'factoring', null)).map((i) => i.id)).toHaveLength(5);
    await transfer('factoring', 'fac', ['inv-1', 'inv-2']);
    expect(await waitingInvoiceCount(db, 'factoring', null)).toBe(3);
    // What a factoring run reads carries the accounting status readers see (journaled).
    expect((await toTransferInvoices(db, 'factoring', null)).map((i) => `${i.id}:${i.exportStatus}`)).toEqual([
      'inv-3:transferred',
      'inv-4:transferred',
      'inv-5:transferred',
    ]);
    const before = await both();
    expect(before).toEqual([
      'inv-1:transferred:transferred',
      'inv-2:transferred:transferred',
      'inv-3:transferred:to-transfer',
      'inv-4:transferred:to-transfer',
      'inv-5:transferred:to-transfer',
    ]);
    expect(await settleTransferJournal(db)).toBe(7);
    expect(await both()).toEqual(before);
  });

  it('reverting a factoring batch restores only factoring statuses, journaled or settled', async () => {
    await transfer('accounting', 'acc', ['inv-1', 'inv-2']);
    await transfer('factoring', 'fac', ['inv-1', 'inv-2']);
    expect(await db.transaction('rw', statusTables(db), () => revertTransferred(db, 'factoring', ['inv-1']))).toBe(1);
    await settleTransferJournal(db);
    expect(await db.transaction('rw', statusTables(db), () => revertTransferred(db, 'factoring', ['inv-2']))).toBe(1);
    expect((await both()).slice(0, 2)).toEqual(['inv-1:transferred:to-transfer', 'inv-2:transferred:to-transfer']);
    expect(await waitingInvoiceCount(db, 'accounting', null)).toBe(3);
    expect(await waitingInvoiceCount(db, 'factoring', null)).toBe(5);
  });

  it('a status set by hand changes its purpose only', async () => {
    await transfer('accounting', 'acc', ['inv-1']);
    await setInvoiceExportStatus(db, 'inv-1', 'factoring', 'do-not-transfer');
    expect((await both())[0]).toBe('inv-1:transferred:do-not-transfer');
    await setInvoiceExportStatus(db, 'inv-1', 'accounting', 'to-transfer');
    expect((await both())[0]).toBe('inv-1:to-transfer:do-not-transfer');
  });

  it('an import taking over rows keeps both journaled statuses', async () => {
    await transfer('accounting', 'acc', ['inv-1']);
    await transfer('factoring', 'fac', ['inv-1', 'inv-2']);
    const ids = ['inv-1', 'inv-2'];
    const taken = await db.transaction('rw', statusTables(db), async () =>
      takeOverStatuses(db, ids, await db.invoices.bulkGet(ids)),
    );
    expect(taken.map((i) => `${i?.exportStatus}:${i?.factoringStatus}`)).toEqual([
      'transferred:transferred',
      'to-transfer:transferred',
    ]);
    expect(await hasUnsettledTransfers(db)).toBe(false);
  });

  it('the bell counts only the customers a factoring export set to marked ones takes', async () => {
    const customers = [{ number: '10', factoring: false }];
    const takes = takesCustomer({ purpose: 'factoring', customerSelection: 'marked' }, customers);
    expect(await waitingInvoiceCount(db, 'factoring', null, takes)).toBe(0);
    const marked = takesCustomer({ purpose: 'factoring', customerSelection: 'marked' }, [
      { number: '10', factoring: true },
    ]);
    expect(await waitingInvoiceCount(db, 'factoring', null, marked)).toBe(5);
  });
});

describe('the EHF status (issue 19): a field without an index, absent meaning Has been transferred', () => {
  let db: ExportdeskDatabase;
  beforeEach(async () => {
    db = new ExportdeskDatabase(`test-${Math.random()}`);
    await replaceCompany(db, toCompanyFile(smallCompany()));
  });
  afterEach(async () => {
    await db.delete();
  });

  const statuses = async () =>
    (await readInvoicesWithStatus(db, (invoices) => invoices.orderBy('id').toArray())).map(
      (i) => `${i.id}:${i.exportStatus}:${i.ehfStatus ?? '-'}`,
    );
  const reachable = takesCustomer({ purpose: 'ehf' }, [{ number: '10', factoring: false, peppolId: '0192:974760673' }]);

  it('invoices stored without it do not wait; those set To transfer do, by issue date, and an export journals them', async () => {
    expect(await waitingInvoiceCount(db, 'ehf', null)).toBe(0);
    await db.invoices.where('id').anyOf(['inv-2', 'inv-4']).modify({ ehfStatus: 'to-transfer' });
    expect(await waitingInvoiceCount(db, 'ehf', null, reachable)).toBe(2);
    const secondIssued = (await db.invoices.get('inv-2'))!.issueDate;
    expect(await waitingInvoiceCount(db, 'ehf', secondIssued)).toBe(1);
    expect((await toTransferInvoices(db, 'ehf', null)).map((i) => i.id)).toEqual(['inv-2', 'inv-4']);
    await db.transaction('rw', statusTables(db), () => markTransferred(db, 'ehf', 'ehf-1', ['inv-2']));
    expect(await waitingInvoiceCount(db, 'ehf', null)).toBe(1);
    const before = await statuses();
    expect(before.slice(0, 4)).toEqual([
      'inv-1:to-transfer:-',
      'inv-2:to-transfer:transferred',
      'inv-3:to-transfer:-',
      'inv-4:to-transfer:to-transfer',
    ]);
    await settleTransferJournal(db);
    expect(await statuses()).toEqual(before);
    // Accounting is untouched, and a revert brings the EHF status back.
    expect(await waitingInvoiceCount(db, 'accounting', null)).toBe(5);
    expect(await db.transaction('rw', statusTables(db), () => revertTransferred(db, 'ehf', ['inv-2']))).toBe(1);
    expect(await waitingInvoiceCount(db, 'ehf', null)).toBe(2);
  });

  it('the bell counts only customers with a PEPPOL id; a status set by hand changes EHF only', async () => {
    await db.invoices.toCollection().modify({ ehfStatus: 'to-transfer' });
    const none = takesCustomer({ purpose: 'ehf' }, [{ number: '10', factoring: false, peppolId: '' }]);
    expect(await waitingInvoiceCount(db, 'ehf', null, none)).toBe(0);
    expect(await waitingInvoiceCount(db, 'ehf', null, reachable)).toBe(5);
    await setInvoiceExportStatus(db, 'inv-1', 'ehf', 'do-not-transfer');
    expect((await statuses())[0]).toBe('inv-1:to-transfer:do-not-transfer');
    await db.transaction('rw', statusTables(db), () => resetTransferred(db));
    expect(await waitingInvoiceCount(db, 'ehf', null)).toBe(4);
  });
});

describe('the range dialog (invoice numbers or issue dates, per purpose)', () => {
  let db: ExportdeskDatabase;
  beforeEach(async () => {
    db = new ExportdeskDatabase(`test-${Math.random()}`);
    await replaceCompany(db, toCompanyFile(smallCompany()));
  });
  afterEach(async () => {
    await db.delete();
  });

  const numbers = (from: string, to: string): InvoiceRange => ({ kind: 'number', from, to });
  const dates = (from: string, to: string): InvoiceRange => ({ kind: 'date', from, to });

  it('changes the invoices of an issue-date range for the chosen purpose only', async () => {
    const range = dates('2026-02-01', '2026-04-30');
    expect(await describeRangeChange(db, 'factoring', range, 'do-not-transfer')).toEqual({ count: 3, reason: null });
    expect(await setExportStatusForRange(db, 'factoring', range, 'do-not-transfer')).toBe(3);
    const rows = await db.invoices.orderBy('id').toArray();
    expect(rows.map((i) => `${i.number}:${i.exportStatus}:${i.factoringStatus}`)).toEqual([
      '10001:to-transfer:to-transfer',
      '10002:to-transfer:do-not-transfer',
      '10003:to-transfer:do-not-transfer',
      '10004:to-transfer:do-not-transfer',
      '10005:to-transfer:to-transfer',
    ]);
    expect(await countRangeChange(db, 'accounting', range, 'do-not-transfer')).toBe(3);
  });

  it('says why nothing changes: reversed, no finalized invoices, or all already in that status', async () => {
    expect(await describeRangeChange(db, 'accounting', numbers('10005', '10001'), 'transferred')).toEqual({
      count: 0,
      reason: 'reversed',
    });
    // Numerically reversed though not as text (9 < 10).
    expect((await describeRangeChange(db, 'accounting', numbers('10', '9'), 'transferred')).reason).toBe('reversed');
    expect((await describeRangeChange(db, 'accounting', dates('2026-05-01', '2026-01-01'), 'transferred')).reason).toBe(
      'reversed',
    );
    expect(await setExportStatusForRange(db, 'accounting', numbers('10005', '10001'), 'transferred')).toBe(0);
    expect(await describeRangeChange(db, 'accounting', numbers('20000', '20010'), 'transferred')).toEqual({
      count: 0,
      reason: 'no-finalized',
    });
    await db.invoices.update('inv-1', { status: 'draft' });
    expect((await describeRangeChange(db, 'accounting', dates('2026-01-01', '2026-01-31'), 'transferred')).reason).toBe(
      'no-finalized',
    );
    await transfer(['inv-2', 'inv-3']);
    expect(await describeRangeChange(db, 'accounting', numbers('10002', '10003'), 'transferred')).toEqual({
      count: 0,
      reason: 'all-in-status',
    });
    // The same invoices still wait for factoring.
    expect(await describeRangeChange(db, 'factoring', numbers('10002', '10003'), 'transferred')).toEqual({
      count: 2,
      reason: null,
    });
  });

  const transfer = (ids: string[]) =>
    db.transaction('rw', statusTables(db), () => markTransferred(db, 'accounting', 'batch-r', ids));
});
