import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportdeskDatabase } from '../../src/db/database.ts';
import { replaceCompany } from '../../src/db/company-store.ts';
import {
  createCreditNote,
  createDraft,
  deleteDraft,
  finalizeDraft,
  InvoiceStoreError,
  readInvoiceDetail,
  saveDraft,
  saveInvoiceNumbering,
} from '../../src/db/invoice-store.ts';
import { draftFieldsOf } from '../../src/core/domain/invoice-draft.ts';
import { isValidKid, mod10CheckDigit } from '../../src/core/domain/kid.ts';
import type { ExportBatch } from '../../src/core/export/types.ts';
import { toCompanyFile } from '../../src/core/company-file/company-file.ts';
import { smallCompany } from '../helpers/small-company.ts';

describe('finalizing a draft', () => {
  let db: ExportdeskDatabase;
  beforeEach(async () => {
    db = new ExportdeskDatabase(`test-${Math.random()}`);
    const data = smallCompany();
    const base = data.invoices[0]!;
    data.invoices.push(
      { ...base, id: 'draft-1', number: '', status: 'draft', finalizedAt: '', exportStatus: 'to-transfer' },
      { ...base, id: 'draft-2', number: '', status: 'draft', finalizedAt: '', exportStatus: 'do-not-transfer' },
    );
    await replaceCompany(db, toCompanyFile(data));
  });
  afterEach(() => db.delete());

  it('gives the next number and sets To transfer', async () => {
    expect(await finalizeDraft(db, 'draft-1', '2026-06-01T09:00:00')).toBe('10006');
    expect(await db.invoices.get('draft-1')).toMatchObject({
      number: '10006',
      status: 'finalized',
      exportStatus: 'to-transfer',
      finalizedAt: '2026-06-01T09:00:00',
    });
  });

  it('keeps Do not transfer chosen while draft', async () => {
    await finalizeDraft(db, 'draft-1', '2026-06-01T09:00:00');
    expect(await finalizeDraft(db, 'draft-2', '2026-06-01T09:01:00')).toBe('10007');
    expect((await db.invoices.get('draft-2'))?.exportStatus).toBe('do-not-transfer');
  });

  it('refuses an invoice that is already finalized', async () => {
    await expect(finalizeDraft(db, 'inv-1', '2026-06-01T09:00:00')).rejects.toThrow('already finalized');
  });
});

describe('drafts, the number series, KID, credit notes and locks', () => {
  let db: ExportdeskDatabase;
  const today = '2026-12-06';
  const at = '2026-12-06T10:00:00';
  const line = {
    description: 'Rådgivning',
    productCode: '',
    quantity: 2,
    unitPrice: 100000,
    discountPercent: 0,
    accountNumber: '3000',
    vatCode: '3',
    departmentNumber: '',
    projectNumber: '',
  };
  const fields = (lines = [line]) => ({
    customerNumber: '10',
    projectNumber: 'P1',
    issueDate: today,
    dueDate: '2026-12-20',
    currency: 'NOK',
    orderReference: 'PO-7',
    lines,
  });

  beforeEach(async () => {
    db = new ExportdeskDatabase(`test-${Math.random()}`);
    await replaceCompany(db, toCompanyFile(smallCompany()));
  });
  afterEach(() => db.delete());

  it('a new draft is saved and finalized with the next number of the series and a KID', async () => {
    await saveInvoiceNumbering(db, {
      nextNumber: '10006',
      kid: { scheme: 'mod10', customerDigits: 4, invoiceDigits: 6 },
    });
    const id = await createDraft(db, today);
    expect(await db.invoices.get(id)).toMatchObject({ status: 'draft', number: '', currency: 'NOK', lines: [] });
    await saveDraft(db, id, fields());
    expect(await finalizeDraft(db, id, at)).toBe('10006');
    const invoice = (await db.invoices.get(id))!;
    expect(invoice.kid).toBe('0010010006' + mod10CheckDigit('0010010006'));
    expect(isValidKid(invoice.kid, 'mod10')).toBe(true);
    expect(invoice).toMatchObject({ status: 'finalized', exportStatus: 'to-transfer', factoringStatus: 'to-transfer' });
    expect((await db.company.get('company'))?.invoiceNumbering?.nextNumber).toBe('10007');
  });

  it('refuses to finalize a draft that breaks the shared rules or names a record not in the registers', async () => {
    const id = await createDraft(db, today);
    await saveDraft(db, id, { ...fields([{ ...line, vatCode: '99', discountPercent: 120 }]), customerNumber: '' });
    const error = await finalizeDraft(db, id, at).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvoiceStoreError);
    expect((error as InvoiceStoreError).code).toBe('not-ready');
    const message = (error as InvoiceStoreError).message;
    for (const field of ['customerNumber', 'lines[0].discountPercent', 'lines[0].vatCode'])
      expect(message).toContain(field);
    expect((await db.invoices.get(id))?.status).toBe('draft');
  });

  it('Settings refuses a next number already given or one that leaves a gap', async () => {
    await expect(saveInvoiceNumbering(db, { nextNumber: '10005', kid: null })).rejects.toMatchObject({
      code: 'number-used',
    });
    await expect(saveInvoiceNumbering(db, { nextNumber: '10010', kid: null })).rejects.toMatchObject({
      code: 'number-gap',
    });
    await saveInvoiceNumbering(db, { nextNumber: '10006', kid: null });
    expect((await db.company.get('company'))?.invoiceNumbering).toEqual({ nextNumber: '10006', kid: null });
  });

  it('a number brought in by an import meanwhile is not given again', async () => {
    await saveInvoiceNumbering(db, { nextNumber: '10006', kid: null });
    const stored = (await db.invoices.get('inv-5'))!;
    await db.invoices.add({ ...stored, id: 'imported', number: '10006' });
    const id = await createDraft(db, today);
    await saveDraft(db, id, fields());
    await expect(finalizeDraft(db, id, at)).rejects.toMatchObject({ code: 'number-used' });
  });

  it('a finalized invoice cannot be saved or deleted, only credited; a draft can be deleted', async () => {
    await expect(saveDraft(db, 'inv-1', fields())).rejects.toMatchObject({ code: 'locked' });
    await expect(deleteDraft(db, 'inv-1')).rejects.toMatchObject({ code: 'locked' });
    expect(await db.invoices.get('inv-1')).toMatchObject({ number: '10001', lines: [{ quantity: 1 }] });
    const id = await createDraft(db, today);
    await deleteDraft(db, id);
    expect(await db.invoices.get(id)).toBeUndefined();
  });

  it('a credit note credits what remains, links both ways once finalized, and never more than the invoice', async () => {
    const first = await createCreditNote(db, 'inv-3', today);
    const draft = (await db.invoices.get(first))!;
    expect(draft).toMatchObject({
      type: 'credit',
      status: 'draft',
      creditedInvoiceNumber: '10003',
      customerNumber: '10',
    });
    expect(draft.lines.map((l) => l.quantity)).toEqual([3]);
    await saveDraft(db, first, { ...draftFieldsOf(draft), lines: [{ ...draft.lines[0]!, quantity: 2 }] });
    const number = await finalizeDraft(db, first, at);
    expect((await db.invoices.get(first))?.kid).toBe('');

    const detail = (await readInvoiceDetail(db, 'inv-3'))!;
    expect(detail.creditNotes.map((c) => c.number)).toEqual([number]);
    expect((await readInvoiceDetail(db, first))?.creditedInvoice?.id).toBe('inv-3');

    const second = await createCreditNote(db, 'inv-3', today);
    const rest = (await db.invoices.get(second))!;
    expect(rest.lines.map((l) => l.quantity)).toEqual([1]);
    await saveDraft(db, second, { ...draftFieldsOf(rest), lines: [{ ...rest.lines[0]!, quantity: 2 }] });
    await expect(finalizeDraft(db, second, at)).rejects.toMatchObject({ code: 'credit-exceeds' });
    await saveDraft(db, second, draftFieldsOf(rest));
    await finalizeDraft(db, second, at);
    await expect(createCreditNote(db, 'inv-3', today)).rejects.toMatchObject({ code: 'nothing-to-credit' });
    await expect(createCreditNote(db, first, today)).rejects.toMatchObject({ code: 'credit-of-credit' });
  });

  it("an invoice's page lists the export batches that took it, reverted ones marked", async () => {
    await db.exportBatches.bulkAdd([
      {
        ...batch('b1', '2026-07-01T09:00:00', ['inv-1', 'inv-2']),
        status: 'reverted',
        revertedAt: '2026-07-02T09:00:00',
      },
      { ...batch('b2', '2026-07-03T09:00:00', ['inv-1']), statusPurpose: 'factoring' },
      batch('b3', '2026-07-04T09:00:00', ['inv-2']),
    ]);
    expect((await readInvoiceDetail(db, 'inv-1'))?.history).toEqual([
      {
        batchId: 'b1',
        createdAt: '2026-07-01T09:00:00',
        configName: 'GBAT10',
        purpose: 'accounting',
        reverted: true,
        revertedAt: '2026-07-02T09:00:00',
      },
      {
        batchId: 'b2',
        createdAt: '2026-07-03T09:00:00',
        configName: 'GBAT10',
        purpose: 'factoring',
        reverted: false,
        revertedAt: '',
      },
    ]);
  });
});

function batch(id: string, createdAt: string, invoiceIds: string[]): ExportBatch {
  return {
    id,
    createdAt,
    configId: 'c',
    configName: 'GBAT10',
    target: { kind: 'format', formatId: 'gbat10' } as ExportBatch['target'],
    dataType: 'invoices' as ExportBatch['dataType'],
    settingsSnapshot: {} as ExportBatch['settingsSnapshot'],
    invoiceIds,
    invoiceNumbers: [],
    recordKeys: [],
    period: null,
    recordCount: invoiceIds.length,
    controlTotals: {},
    files: [],
    downloadName: 'x.csv',
    status: 'active',
    revertedAt: '',
    report: [],
  };
}
