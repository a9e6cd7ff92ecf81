import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportdeskDatabase } from '../../../src/db/database.ts';
import { replaceCompany } from '../../../src/db/company-store.ts';
import { toCompanyFile } from '../../../src/core/company-file/company-file.ts';
import { isValidKid } from '../../../src/core/domain/kid.ts';
import { InvoiceDetailState, newInvoice } from '../../../src/ui/state/invoice-detail.svelte.ts';
import { InvoiceNumberingForm } from '../../../src/ui/state/invoice-numbering.svelte.ts';
import { t } from '../../../src/ui/messages.ts';
import { smallCompany } from '../../helpers/small-company.ts';

const NOW = '2026-12-06T09:30:00';

describe('InvoiceDetailState', () => {
  let db: ExportdeskDatabase;
  const deps = () => ({ db, now: () => NOW });

  beforeEach(async () => {
    db = new ExportdeskDatabase(`test-${Math.random()}`);
    const data = smallCompany();
    data.vatCodes.push({
      code: '31',
      ratePercent: 15,
      description: 'Næringsmiddel',
      accountNumber: '2701',
      standardTaxCode: '31',
    });
    await replaceCompany(db, toCompanyFile(data));
  });
  afterEach(() => db.delete());

  it('New invoice → pick customer, Add line twice at 25 % and 15 %, Finalize: next number, KID, per-rate totals', async () => {
    const numbering = new InvoiceNumberingForm(db);
    await numbering.load();
    expect(numbering.nextNumber).toBe('10006');
    numbering.useKid = true;
    numbering.customerDigits = 4;
    numbering.invoiceDigits = 6;
    expect(numbering.example?.kid).toMatch(/^0010010006\d$/);
    expect(await numbering.save()).toBe(true);

    const id = await newInvoice(deps());
    const page = new InvoiceDetailState(deps());
    await page.load(id);
    expect(page.isDraft).toBe(true);
    page.setField('customerNumber', '10');
    expect(page.draft).toMatchObject({ currency: 'NOK', dueDate: '2026-12-20' });
    page.addLine();
    page.addLine();
    expect(page.draft!.lines[0]).toMatchObject({ accountNumber: '3000', vatCode: '3', quantity: 1 });
    page.setLine(0, 'unitPrice', 100000);
    page.setLine(1, 'vatCode', '31');
    page.setLine(1, 'quantity', 2);
    page.setLine(1, 'unitPrice', 5000);
    expect(page.rateTotals).toEqual([
      { ratePercent: 25, net: 100000, vat: 25000, gross: 125000 },
      { ratePercent: 15, net: 10000, vat: 1500, gross: 11500 },
    ]);

    expect(await page.finalize()).toBe('10006');
    expect(page.isDraft).toBe(false);
    expect(page.draft).toBeNull();
    expect(isValidKid(page.invoice!.kid, 'mod10')).toBe(true);
    expect(page.invoice!.kid.startsWith('0010010006')).toBe(true);
    expect(page.notice).toBe(t('invoiceDetail.finalized', { number: '10006' }));
    expect(page.amounts).toMatchObject({ net: 110000, vat: 26500, gross: 136500 });
  });

  it('shows the problems of a draft only after Finalize was tried, and does not finalize it', async () => {
    const id = await newInvoice(deps());
    const page = new InvoiceDetailState(deps());
    await page.load(id);
    expect(page.problemsOf('customerNumber')).toEqual([]);
    expect(await page.finalize()).toBeNull();
    expect(page.problemsOf('customerNumber').map((p) => p.code)).toEqual(['required']);
    expect(page.error).toBe(t('invoiceDetail.error.notReadyHere'));
    expect((await db.invoices.get(id))?.status).toBe('draft');
  });

  it('Create credit note credits every line; lowering a quantity credits less; the pages link to each other', async () => {
    const invoice = new InvoiceDetailState(deps());
    await invoice.load('inv-4');
    expect(invoice.canCredit).toBe(true);
    const creditId = (await invoice.createCreditNote())!;
    const credit = new InvoiceDetailState(deps());
    await credit.load(creditId);
    expect(credit.isCredit).toBe(true);
    expect(credit.detail?.creditedInvoice?.id).toBe('inv-4');
    const line = credit.draft!.lines[0]!;
    expect(line.quantity).toBe(4);
    expect(credit.remainingFor(line)).toBe(4);
    credit.setLine(0, 'quantity', 5);
    expect(await credit.finalize()).toBeNull();
    expect(credit.error).toBe(t('invoiceDetail.error.creditExceeds', { line: 1, remaining: 4 }));
    credit.setLine(0, 'quantity', 1);
    const number = await credit.finalize();
    expect(number).toBe('10006');
    expect(credit.amounts?.gross).toBe(-125000);

    await invoice.load('inv-4');
    expect(invoice.detail?.creditNotes.map((c) => c.number)).toEqual(['10006']);
    expect(invoice.canCredit).toBe(true);
  });

  it('a finalized invoice has no form, and the store refuses to delete it even if asked', async () => {
    const page = new InvoiceDetailState(deps());
    await page.load('inv-1');
    expect(page.draft).toBeNull();
    page.addLine();
    expect(await page.remove()).toBe(false);
    expect(page.error).toBe(t('invoiceDetail.error.locked', { number: '10001' }));
    expect(await db.invoices.get('inv-1')).toBeDefined();
  });

  it("a draft's Do not transfer is kept when it is finalized", async () => {
    const id = await newInvoice(deps());
    const page = new InvoiceDetailState(deps());
    await page.load(id);
    await page.setDraftStatus('accounting', 'do-not-transfer');
    page.setField('customerNumber', '10');
    page.addLine();
    page.setLine(0, 'unitPrice', 1000);
    await page.finalize();
    expect(page.invoice).toMatchObject({ exportStatus: 'do-not-transfer', factoringStatus: 'to-transfer' });
  });

  it('Settings refuses a next number that leaves a gap, before Save and in the store', async () => {
    const form = new InvoiceNumberingForm(db);
    await form.load();
    form.nextNumber = '10010';
    expect(form.problem).toBe(t('invoiceDetail.error.numberGap', { value: '10010', expected: '10006' }));
    expect(await form.save()).toBe(false);
    expect((await db.company.get('company'))?.invoiceNumbering).toBeUndefined();
  });
});
