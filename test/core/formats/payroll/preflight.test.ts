/**
 * Pre-flight errors, table-driven: each case breaks one thing in otherwise exportable data and
 * expects an error with the given code that names the record to fix; `generate` then hands out
 * no file at all.
 */
import { describe, expect, it } from 'vitest';
import type { CompanyData } from '../../../../src/core/domain/types.ts';
import type { ExportIssue, FormatSettings } from '../../../../src/core/formats/types.ts';
import { formatOf } from '../../../helpers/loaded-formats.ts';
import {
  factoringCompany,
  PAYROLL_CONTEXT,
  payrollCompany,
  SG_FINANS_SETTINGS,
  timeRecord,
} from './payroll-company.ts';

interface PreflightCase {
  format: string;
  name: string;
  data: () => CompanyData;
  settings?: FormatSettings;
  code: string;
  /** The record the error must name; undefined for setting errors. */
  record?: ExportIssue['record'];
}

function payroll(change: (data: CompanyData) => void): () => CompanyData {
  return () => {
    const data = payrollCompany();
    change(data);
    return data;
  };
}

function factoring(change: (data: CompanyData) => void): () => CompanyData {
  return () => {
    const data = factoringCompany();
    change(data);
    return data;
  };
}

const oneRecord = (partial: Parameters<typeof timeRecord>[0]) =>
  payroll((d) => d.timeRecords.push(timeRecord(partial)));
const customer = (data: CompanyData, number: string) => data.customers.find((c) => c.number === number)!;

const CASES: PreflightCase[] = [
  // Missing wage code, in every time-record format.
  ...['visma-lonn', 'huldt-lillevik-hours', 'hogia'].map((format) => ({
    format,
    name: 'a time record without wage code',
    data: oneRecord({ id: 't900', employeeNumber: '1001', hours: 1, wageCode: '' }),
    code: 'missing-wageCode',
    record: { kind: 'timeRecord' as const, key: 't900' },
  })),
  ...['visma-lonn', 'huldt-lillevik-hours', 'hogia'].map((format) => ({
    format,
    name: 'a time record without employee number',
    data: oneRecord({ id: 't901', employeeNumber: '', hours: 1 }),
    code: 'missing-employeeNumber',
    record: { kind: 'timeRecord' as const, key: 't901' },
  })),
  {
    format: 'visma-lonn',
    name: 'an employee number with letters (written bare in a numeric column)',
    data: oneRecord({ id: 't902', employeeNumber: 'A-12', hours: 1 }),
    code: 'non-numeric-employeeNumber',
    record: { kind: 'timeRecord', key: 't902' },
  },
  {
    format: 'visma-lonn',
    name: 'a wage code with letters',
    data: oneRecord({ id: 't903', employeeNumber: '1001', hours: 1, wageCode: 'OT1' }),
    code: 'non-numeric-wageCode',
    record: { kind: 'timeRecord', key: 't903' },
  },
  {
    format: 'visma-lonn',
    name: 'execution number 0',
    data: payrollCompany,
    settings: { executionNumber: 0 },
    code: 'invalid-setting',
  },
  {
    format: 'huldt-lillevik-hours',
    name: 'an employee number longer than the 6 positions of Employee ID',
    data: oneRecord({ id: 't904', employeeNumber: '1234567', hours: 1 }),
    code: 'too-long',
    record: { kind: 'timeRecord', key: 't904' },
  },
  {
    format: 'huldt-lillevik-hours',
    name: 'a wage code longer than 5 positions',
    data: oneRecord({ id: 't905', employeeNumber: '1001', hours: 1, wageCode: '123456' }),
    code: 'too-long',
    record: { kind: 'timeRecord', key: 't905' },
  },
  {
    format: 'huldt-lillevik-hours',
    name: 'a project number longer than 12 positions',
    data: oneRecord({ id: 't906', employeeNumber: '1001', hours: 1, projectNumber: 'PROJECT-2026-0001' }),
    code: 'too-long',
    record: { kind: 'timeRecord', key: 't906' },
  },
  {
    format: 'huldt-lillevik-hours',
    name: 'a non-ASCII letter in a project number (flat ASCII file)',
    data: oneRecord({ id: 't907', employeeNumber: '1001', hours: 1, projectNumber: 'PRØ-1' }),
    code: 'non-ascii-character',
    record: { kind: 'timeRecord', key: 't907' },
  },
  {
    format: 'huldt-lillevik-hours',
    name: 'hours too large for the 10 positions of Quantity',
    data: oneRecord({ id: 't908', employeeNumber: '1001', hours: 123456789 }),
    code: 'too-long',
    record: { kind: 'timeRecord', key: 't908' },
  },
  {
    format: 'huldt-lillevik-expenses',
    name: 'an expense type without wage code',
    data: payroll((d) => (d.expenseTypes[1]!.wageCode = '')),
    code: 'missing-wageCode',
    record: { kind: 'claim', key: 'R-2026-001' },
  },
  {
    format: 'huldt-lillevik-expenses',
    name: 'an unknown expense type',
    data: payroll((d) => (d.claims[0]!.items[0]!.expenseType = 'HOTEL')),
    code: 'unknown-expense-type',
    record: { kind: 'claim', key: 'R-2026-001' },
  },
  {
    format: 'huldt-lillevik-expenses',
    name: 'an item in a foreign currency',
    data: payroll((d) => (d.claims[1]!.items[0]!.currency = 'EUR')),
    code: 'foreign-currency-claim',
    record: { kind: 'claim', key: 'R-2026-002' },
  },
  {
    format: 'huldt-lillevik-expenses',
    name: 'a rejected claim',
    data: payroll((d) => (d.claims[0]!.status = 'rejected')),
    code: 'rejected-claim',
    record: { kind: 'claim', key: 'R-2026-001' },
  },
  {
    format: 'huldt-lillevik-expenses',
    name: 'a too long employee number on a claim',
    data: payroll((d) => (d.claims[0]!.employeeNumber = '1234567')),
    code: 'too-long',
    record: { kind: 'claim', key: 'R-2026-001' },
  },
  {
    format: 'hogia',
    name: 'a control character in a project number',
    data: oneRecord({ id: 't909', employeeNumber: '1001', hours: 1, projectNumber: 'P\u0001' }),
    code: 'invalid-xml-character',
    record: { kind: 'timeRecord', key: 't909' },
  },
  {
    format: 'sg-finans',
    name: 'no client number',
    data: factoringCompany,
    settings: { ...SG_FINANS_SETTINGS, clientNumber: '' },
    code: 'invalid-setting',
  },
  {
    format: 'sg-finans',
    name: 'a 5-digit client number',
    data: factoringCompany,
    settings: { ...SG_FINANS_SETTINGS, clientNumber: '12345' },
    code: 'invalid-setting',
  },
  {
    format: 'sg-finans',
    name: 'a client number with letters',
    data: factoringCompany,
    settings: { ...SG_FINANS_SETTINGS, clientNumber: '12A4' },
    code: 'invalid-setting',
  },
  {
    format: 'sg-finans',
    name: 'a non-numeric debtor (customer) number',
    data: factoring((d) => {
      customer(d, '10006').number = 'K-6';
      d.invoices.find((i) => i.number === '1006')!.customerNumber = 'K-6';
    }),
    code: 'non-numeric-number',
    record: { kind: 'customer', key: 'K-6' },
  },
  {
    format: 'sg-finans',
    name: 'a debtor number longer than 9 digits',
    data: factoring((d) => {
      customer(d, '10006').number = '1234567890';
      d.invoices.find((i) => i.number === '1006')!.customerNumber = '1234567890';
    }),
    code: 'too-long',
    record: { kind: 'customer', key: '1234567890' },
  },
  {
    format: 'sg-finans',
    name: 'an invoice number with letters',
    data: factoring((d) => (d.invoices[0]!.number = 'F-1001')),
    code: 'non-numeric-number',
    record: { kind: 'invoice', key: 'F-1001' },
  },
  {
    format: 'sg-finans',
    name: 'an invoice number longer than 8 digits',
    data: factoring((d) => (d.invoices[0]!.number = '202611001')),
    code: 'too-long',
    record: { kind: 'invoice', key: '202611001' },
  },
  {
    format: 'sg-finans',
    name: 'a country missing from the numeric-code table',
    data: factoring((d) => (customer(d, '10006').countryCode = 'BR')),
    code: 'unknown-country',
    record: { kind: 'customer', key: '10006' },
  },
  {
    format: 'sg-finans',
    name: 'a customer without org. number',
    data: factoring((d) => (customer(d, '10005').orgNumber = '')),
    code: 'missing-orgNumber',
    record: { kind: 'customer', key: '10005' },
  },
  {
    format: 'sg-finans',
    name: 'an org. number longer than 11 characters',
    data: factoring((d) => (customer(d, '10003').orgNumber = 'SE556123456701')),
    code: 'too-long',
    record: { kind: 'customer', key: '10003' },
  },
  {
    format: 'sg-finans',
    name: 'a Norwegian postcode longer than 4 characters',
    data: factoring((d) => (customer(d, '10005').postalCode = '50033')),
    code: 'too-long',
    record: { kind: 'customer', key: '10005' },
  },
  {
    format: 'sg-finans',
    name: 'a customer without address',
    data: factoring((d) => (customer(d, '10005').addressLine1 = '')),
    code: 'missing-addressLine1',
    record: { kind: 'customer', key: '10005' },
  },
  {
    format: 'sg-finans',
    name: 'an EUR invoice without exchange rate',
    data: factoringCompany,
    settings: { clientNumber: '0427' },
    code: 'missing-exchange-rate',
    record: { kind: 'invoice', key: '1004' },
  },
  {
    format: 'sg-finans',
    name: 'an invoice for an unknown customer',
    data: factoring((d) => (d.invoices[0]!.customerNumber = '99999')),
    code: 'unknown-customer',
    record: { kind: 'invoice', key: '1001' },
  },
];

describe('pre-flight errors', () => {
  for (const c of CASES) {
    it(`${c.format}: ${c.name} → ${c.code}`, () => {
      const format = formatOf(c.format)!;
      const settings = c.settings ?? (c.format === 'sg-finans' ? SG_FINANS_SETTINGS : {});
      const issues = format.preflight(c.data(), settings, PAYROLL_CONTEXT);
      const match = issues.find(
        (i) =>
          i.severity === 'error' &&
          i.code === c.code &&
          (c.record === undefined || (i.record?.kind === c.record.kind && i.record.key === c.record.key)),
      );
      expect(match, JSON.stringify(issues, null, 1)).toBeDefined();
      expect(format.generate(c.data(), settings, PAYROLL_CONTEXT).files).toEqual([]);
    });
  }

  it('the unbroken data has no errors in any format', () => {
    for (const id of ['visma-lonn', 'huldt-lillevik-hours', 'huldt-lillevik-expenses', 'hogia', 'sg-finans']) {
      const data = id === 'sg-finans' ? factoringCompany() : payrollCompany();
      const issues = formatOf(id)!.preflight(data, id === 'sg-finans' ? SG_FINANS_SETTINGS : {}, PAYROLL_CONTEXT);
      expect(
        issues.filter((i) => i.severity === 'error'),
        id,
      ).toEqual([]);
    }
  });
});

describe('pre-flight warnings', () => {
  it('H&L expenses: a claim not yet approved is a warning, and still exported', () => {
    const data = payrollCompany();
    data.claims[0]!.status = 'submitted';
    const result = formatOf('huldt-lillevik-expenses')!.generate(data, {}, PAYROLL_CONTEXT);
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'claim-not-approved',
        record: { kind: 'claim', key: 'R-2026-001' },
      }),
    );
    expect(result.files).toHaveLength(1);
  });

  it('SG Finans: a name starting with the company form is a warning', () => {
    const data = factoringCompany();
    data.customers[0]!.name = 'AS Byggmester';
    const issues = formatOf('sg-finans')!.preflight(data, SG_FINANS_SETTINGS, PAYROLL_CONTEXT);
    expect(issues).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'name-starts-with-company-form' }),
    );
  });

  it('SG Finans: a credited invoice number too long for F8 is a warning and F8 stays blank', () => {
    const data = factoringCompany();
    data.invoices.find((i) => i.type === 'credit')!.creditedInvoiceNumber = '20261001';
    const result = formatOf('sg-finans')!.generate(data, SG_FINANS_SETTINGS, PAYROLL_CONTEXT);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'credited-invoice-not-written' }),
    );
    const credit = Buffer.from(result.files[1]!.bytes)
      .toString('latin1')
      .split('\r\n')
      .find((l) => l.startsWith('9'))!;
    expect(credit.slice(61, 66)).toBe('     ');
  });

  it('an employee number no co-worker has is a warning (department left empty)', () => {
    const data = payrollCompany();
    data.timeRecords = [timeRecord({ id: 'u1', employeeNumber: '4242', hours: 1 })];
    const result = formatOf('visma-lonn')!.generate(data, {}, PAYROLL_CONTEXT);
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'unknown-employee',
        record: { kind: 'timeRecord', key: 'u1' },
      }),
    );
    expect(result.files).toHaveLength(1);
  });
});
