import { describe, expect, it } from 'vitest';
import { generateDemoCompany } from '../../../src/core/demo/index.ts';
import type { CompanyData } from '../../../src/core/domain/types.ts';
import { integrityProblems } from './demo-integrity.ts';

const TODAY = '2026-03-15';
const fresh = (): CompanyData => generateDemoCompany({ today: TODAY, timeRecords: 200 });

/** The integrity check is only worth its green if it turns red on broken data. */
describe('integrityProblems', () => {
  const cases: [string, (d: CompanyData) => void, RegExp][] = [
    [
      'a customer org number',
      (d) => (d.customers[0]!.orgNumber = d.customers[0]!.orgNumber === '' ? '1' : '123456789'),
      /org number/,
    ],
    ['a KID', (d) => (d.invoices.find((i) => i.kid !== '')!.kid += '1'), /KID/],
    [
      'a credited invoice',
      (d) => (d.invoices.find((i) => i.type === 'credit')!.creditedInvoiceNumber = '99999'),
      /credits unknown/,
    ],
    ['an invoice number', (d) => (d.invoices[3]!.number = '10002'), /consecutive/],
    ['a line account', (d) => (d.invoices[0]!.lines[0]!.accountNumber = '1920'), /line account/],
    ['a time record project', (d) => (d.timeRecords[5]!.projectNumber = 'nope'), /project nope/],
    ['a time record date', (d) => (d.timeRecords[5]!.date = '2024-01-02'), /outside/],
    ['claim VAT', (d) => (d.claims[0]!.items[0]!.vatAmount += 1), /VAT/],
    ['a money field', (d) => (d.invoices[0]!.lines[0]!.unitPrice = 0.5), /unit price/],
    ['an expense type', (d) => (d.claims[0]!.items[0]!.expenseType = 'X'), /expense type X/],
  ];

  it('finds nothing on generated data', () => {
    expect(integrityProblems(fresh(), 'NO', TODAY)).toEqual([]);
  });

  it.each(cases)('reports a broken %s', (_, breakIt, message) => {
    const data = fresh();
    breakIt(data);
    const problems = integrityProblems(data, 'NO', TODAY);
    expect(problems.some((p) => message.test(p))).toBe(true);
  });
});
