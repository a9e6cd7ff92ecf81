import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportdeskDatabase } from '../../src/db/database.ts';
import { replaceCompany } from '../../src/db/company-store.ts';
import { overviewFigures } from '../../src/db/overview.ts';
import { setInvoiceExportStatus, waitingInvoiceCount } from '../../src/db/export-status.ts';
import { toCompanyFile } from '../../src/core/company-file/company-file.ts';
import { generateDemoCompany } from '../../src/core/demo/demo-company.ts';
import { demoExportConfigs } from '../../src/core/export/demo-export-configs.ts';
import { amountRules, invoiceAmounts } from '../../src/core/domain/invoice-amounts.ts';
import { invoiceDateLimitDate, isWaiting, takesCustomer } from '../../src/core/export/export-status.ts';
import { lastClosedMonth, monthsUpTo } from '../../src/core/domain/overview.ts';
import type { CompanyData } from '../../src/core/domain/types.ts';
import type { ExportConfig } from '../../src/core/export/types.ts';

const TODAY = '2026-11-26';
let db: ExportdeskDatabase;
let data: CompanyData;

beforeEach(async () => {
  db = new ExportdeskDatabase(`test-${Math.random()}`);
  data = generateDemoCompany({ seed: 1, country: 'NO', today: TODAY, timeRecords: 400 });
  await replaceCompany(db, toCompanyFile(data, { exportConfigs: demoExportConfigs('NO') }));
});
afterEach(async () => {
  await db.delete();
});

describe('overviewFigures', () => {
  it('counts and sums the waiting invoices as the bell and the invoices themselves say', async () => {
    const figures = await overviewFigures(db, TODAY);
    const accounting = figures.waiting.find((w) => w.purpose === 'accounting')!;
    const config = demoExportConfigs('NO').find((c) => c.purpose === 'accounting')!;
    const lastDate = invoiceDateLimitDate(config.invoiceDateLimit, TODAY);
    expect(accounting.configured).toBe(true);
    expect(accounting.count).toBe(await waitingInvoiceCount(db, 'accounting', lastDate));
    expect(accounting.count).toBeGreaterThan(0);

    const rules = amountRules(data);
    const sums: Record<string, number> = {};
    for (const invoice of data.invoices.filter((i) => isWaiting(i, lastDate, 'accounting')))
      sums[invoice.currency] = (sums[invoice.currency] ?? 0) + invoiceAmounts(invoice, rules).gross;
    expect(accounting.sums).toEqual(sums);
    expect(figures.drafts).toBe(data.invoices.filter((i) => i.number === '').length);
  });

  it('a status set by hand moves the invoice out of waiting and into the month it was exported in', async () => {
    const before = await overviewFigures(db, TODAY);
    const invoice = data.invoices.find((i) => isWaiting(i, TODAY, 'accounting') && i.currency === before.currency)!;
    await setInvoiceExportStatus(db, invoice.id, 'accounting', 'transferred');
    const after = await overviewFigures(db, TODAY);
    const waiting = (f: typeof before) => f.waiting.find((w) => w.purpose === 'accounting')!.count;
    expect(waiting(after)).toBe(waiting(before) - 1);
    const month = (f: typeof before) => f.months.find((m) => m.month === invoice.issueDate.slice(0, 7))!;
    const gross = invoiceAmounts(invoice, amountRules(data)).gross;
    expect(month(after).exported).toBe(month(before).exported + gross);
    expect(month(after).invoiced).toBe(month(before).invoiced);
  });

  it('has 12 months up to today, and counts the last closed month’s records with no export', async () => {
    const figures = await overviewFigures(db, TODAY);
    expect(figures.months.map((m) => m.month)).toEqual(monthsUpTo(TODAY));
    const month = lastClosedMonth(TODAY);
    expect(figures.closedMonth).toEqual({
      ...month,
      timeRecords: data.timeRecords.filter((r) => r.date >= month.from && r.date <= month.to).length,
      claims: data.claims.filter((c) => c.date >= month.from && c.date <= month.to).length,
    });
    expect(figures.batches).toEqual([]);
  });
});

describe('overviewFigures per purpose', () => {
  const ehfConfig: ExportConfig = {
    id: 'c-ehf',
    name: 'EHF to customers',
    purpose: 'ehf',
    target: { kind: 'format', formatId: 'ehf' },
    settings: {},
    invoiceDateLimit: 'none',
    isDefault: true,
  };

  it('marks a purpose without an export as not configured, with nothing waiting', async () => {
    const figures = await overviewFigures(db, TODAY);
    // The Norwegian demo exports to accounting and factoring; it has no EHF export.
    expect(figures.waiting.map((w) => [w.purpose, w.configured])).toEqual([
      ['accounting', true],
      ['factoring', true],
      ['ehf', false],
    ]);
    expect(figures.waiting.find((w) => w.purpose === 'ehf')).toEqual({
      purpose: 'ehf',
      configured: false,
      count: 0,
      sums: {},
    });
  });

  it('counts EHF as the bell does: only invoices of customers with a PEPPOL id', async () => {
    const ehfData = { ...data, invoices: data.invoices.map((i) => ({ ...i, ehfStatus: i.exportStatus })) };
    await replaceCompany(db, toCompanyFile(ehfData, { exportConfigs: [...demoExportConfigs('NO'), ehfConfig] }));
    const ehf = (await overviewFigures(db, TODAY)).waiting.find((w) => w.purpose === 'ehf')!;
    const reachable = takesCustomer(ehfConfig, data.customers);
    const bell = await waitingInvoiceCount(db, 'ehf', null, reachable);
    expect(ehf.configured).toBe(true);
    expect(ehf.count).toBe(bell);
    expect(ehf.count).toBeGreaterThan(0);
    // Some waiting invoices are of customers EHF cannot reach: they are not counted.
    expect(ehf.count).toBeLessThan(await waitingInvoiceCount(db, 'ehf', null));
  });
});

describe('months', () => {
  it('monthsUpTo crosses the year; lastClosedMonth is the month before', () => {
    expect(monthsUpTo('2026-02-10', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(lastClosedMonth('2026-03-05')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(lastClosedMonth('2026-01-31')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });
});
