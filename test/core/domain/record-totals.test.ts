import { describe, expect, it } from 'vitest';
import {
  addTimeRecord,
  emptyTimeRecordSums,
  sumClaims,
  sumInvoices,
  sumTimeRecords,
  timeRecordTotals,
  toHourUnits,
} from '../../../src/core/domain/record-totals.ts';
import { invoiceAmounts, vatRateLookup } from '../../../src/core/domain/invoice-amounts.ts';
import type { Claim, ClaimItem, Invoice, InvoiceLine, TimeRecord } from '../../../src/core/domain/types.ts';

function timeRecord(hours: number, billable: boolean, rate: number | null): TimeRecord {
  return {
    id: `t${hours}-${String(billable)}-${rate}`,
    date: '2026-03-02',
    employeeNumber: '1',
    projectNumber: 'P1',
    activity: '',
    hours,
    wageCode: '',
    rate,
    billable,
    approved: true,
    comment: '',
  };
}

function item(amount: number, currency: string): ClaimItem {
  return { date: '2026-03-02', expenseType: 'T', description: '', amount, vatAmount: 0, currency, projectNumber: '' };
}

function claim(...items: ClaimItem[]): Claim {
  return { claimNumber: 'C', employeeNumber: '1', date: '2026-03-02', status: 'draft', items };
}

function line(quantity: number, unitPrice: number, vatCode: string): InvoiceLine {
  return {
    description: '',
    productCode: '',
    quantity,
    unitPrice,
    discountPercent: 0,
    accountNumber: '3000',
    vatCode,
    departmentNumber: '',
    projectNumber: '',
  };
}

function invoice(currency: string, type: Invoice['type'], ...lines: InvoiceLine[]): Invoice {
  return {
    id: `${currency}-${type}-${lines.length}`,
    number: '1',
    type,
    creditedInvoiceNumber: '',
    customerNumber: '10',
    projectNumber: '',
    issueDate: '2026-03-02',
    dueDate: '2026-03-16',
    currency,
    kid: '',
    orderReference: '',
    status: 'finalized',
    finalizedAt: '',
    exportStatus: 'to-transfer',
    factoringStatus: 'to-transfer',
    lines,
  };
}

const rules = {
  rateOf: vatRateLookup([
    { code: '3', ratePercent: 25, description: '', accountNumber: '2700', standardTaxCode: '3' },
    { code: '31', ratePercent: 15, description: '', accountNumber: '2701', standardTaxCode: '31' },
  ]),
  vatRounding: 'per-rate' as const,
};

describe('time record totals', () => {
  const cases: [string, TimeRecord[], { billable: number; other: number; amounts: Record<string, number> }][] = [
    ['none', [], { billable: 0, other: 0, amounts: {} }],
    ['hours without rates: no amount', [timeRecord(7.5, true, null)], { billable: 7.5, other: 0, amounts: {} }],
    [
      'billable and not, rated and not',
      [timeRecord(7.5, true, 95000), timeRecord(1.25, false, null), timeRecord(2, false, 50000)],
      { billable: 7.5, other: 3.25, amounts: { NOK: 7.5 * 95000 + 100000 } },
    ],
    [
      'an amount per record rounded like an invoice line',
      [timeRecord(0.3333, true, 100), timeRecord(0.3333, true, 100), timeRecord(0.3333, true, 100)],
      { billable: 0.9999, other: 0, amounts: { NOK: 99 } },
    ],
    [
      'decimal hours sum without float drift',
      Array.from({ length: 10 }, () => timeRecord(0.1, true, null)),
      { billable: 1, other: 0, amounts: {} },
    ],
  ];
  it.each(cases)('%s', (_, records, expected) => {
    const totals = timeRecordTotals(sumTimeRecords(records), 'NOK');
    expect(totals).toEqual({
      count: records.length,
      billableHours: expected.billable,
      otherHours: expected.other,
      amounts: expected.amounts,
    });
  });

  it('amounts are in the currency given (the company’s)', () => {
    expect(timeRecordTotals(sumTimeRecords([timeRecord(1, true, 100000)]), 'SEK').amounts).toEqual({ SEK: 100000 });
  });

  it('subtracting a record undoes adding it exactly', () => {
    const sums = emptyTimeRecordSums();
    const records = [timeRecord(0.1, true, 33333), timeRecord(0.7, false, 12345), timeRecord(23.9999, true, null)];
    for (const r of records) addTimeRecord(sums, r);
    for (const r of records) addTimeRecord(sums, r, -1);
    expect(sums).toEqual(emptyTimeRecordSums());
    expect(toHourUnits(0.1 + 0.2)).toBe(3000);
  });
});

describe('claim totals', () => {
  const cases: [string, Claim[], number, Record<string, number>][] = [
    ['none', [], 0, {}],
    ['a claim without items counts, with no amount', [claim()], 1, {}],
    ['one currency', [claim(item(55300, 'NOK'), item(125300, 'NOK')), claim(item(100, 'NOK'))], 2, { NOK: 180700 }],
    [
      'per currency, never added across',
      [claim(item(55300, 'NOK'), item(4200, 'EUR')), claim(item(1000, 'SEK'), item(800, 'EUR'))],
      2,
      { NOK: 55300, EUR: 5000, SEK: 1000 },
    ],
    ['a negative item (a refund) subtracts', [claim(item(10000, 'NOK'), item(-2500, 'NOK'))], 1, { NOK: 7500 }],
  ];
  it.each(cases)('%s', (_, claims, count, amounts) => {
    expect(sumClaims(claims)).toEqual({ count, amounts });
  });
});

describe('invoice totals', () => {
  const cases: [string, Invoice[], number, Record<string, { net: number; vat: number; gross: number }>][] = [
    ['none', [], 0, {}],
    [
      'two rates in one currency',
      [invoice('NOK', 'invoice', line(2, 10000, '3'), line(1, 5000, '31'))],
      1,
      { NOK: { net: 25000, vat: 5750, gross: 30750 } },
    ],
    [
      'a credit note subtracts',
      [invoice('NOK', 'invoice', line(2, 10000, '3')), invoice('NOK', 'credit', line(1, 10000, '3'))],
      2,
      { NOK: { net: 10000, vat: 2500, gross: 12500 } },
    ],
    [
      'per currency',
      [invoice('NOK', 'invoice', line(1, 10000, '3')), invoice('EUR', 'invoice', line(3, 333, '31'))],
      2,
      { NOK: { net: 10000, vat: 2500, gross: 12500 }, EUR: { net: 999, vat: 150, gross: 1149 } },
    ],
  ];
  it.each(cases)('%s', (_, invoices, count, byCurrency) => {
    expect(sumInvoices(invoices, rules)).toEqual({ count, byCurrency });
  });

  it('uses invoiceAmounts: the gross Total is the sum of the invoices’ gross amounts', () => {
    const invoices = [
      invoice('NOK', 'invoice', line(1.5, 3333, '3'), line(7, 1999, '31'), line(0.25, 12345, '3')),
      invoice('NOK', 'credit', line(1, 3333, '31')),
    ];
    const totals = sumInvoices(invoices, rules);
    const gross = invoices.reduce((sum, i) => sum + invoiceAmounts(i, rules).gross, 0);
    const vat = invoices.reduce((sum, i) => sum + invoiceAmounts(i, rules).vat, 0);
    expect(totals.byCurrency['NOK']).toMatchObject({ gross, vat });
  });
});
