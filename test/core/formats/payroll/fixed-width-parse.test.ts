/**
 * Independent checks of the fixed-width files: every record has exactly its declared length,
 * and slicing it by the widths of the published field tables (written out again here, not
 * taken from the modules) gives back the values of the source records.
 */
import { describe, expect, it } from 'vitest';
import { amountRules, invoiceAmounts } from '../../../../src/core/domain/invoice-amounts.ts';
import { payRateFor } from '../../../../src/core/domain/pay-rate.ts';
import { hoursAmount } from '../../../../src/core/domain/money.ts';
import type { ExportFile } from '../../../../src/core/formats/types.ts';
import { formatOf } from '../../../helpers/loaded-formats.ts';
import { factoringCompany, PAYROLL_CONTEXT, payrollCompany, SG_FINANS_SETTINGS } from './payroll-company.ts';

/** Huldt & Lillevik, moment-exports.md §6.2. */
const HL_WIDTHS = [
  ['employee', 6],
  ['wageType', 5],
  ['department', 12],
  ['project', 12],
  ['element1', 12],
  ['element2', 12],
  ['element3', 12],
  ['element4', 12],
  ['element5', 12],
  ['date', 6],
  ['quantity', 10],
  ['rate', 10],
  ['amount', 13],
  ['filler', 30],
] as const;

/** SG Finans customer record K1–K20, moment-exports.md §5.1. */
const SGF_CUSTOMER_WIDTHS = [
  ['K1', 1],
  ['K2', 4],
  ['K3', 4],
  ['K4', 9],
  ['K5', 11],
  ['K6', 35],
  ['K7', 20],
  ['K8', 30],
  ['K9', 4],
  ['K10', 23],
  ['K11', 20],
  ['K12', 12],
  ['K13', 20],
  ['K14', 2],
  ['K15', 3],
  ['K16', 11],
  ['K17', 4],
  ['K18', 35],
  ['K19', 3],
  ['K20', 3],
] as const;

/** SG Finans invoice record F1–F16. */
const SGF_INVOICE_WIDTHS = [
  ['F1', 1],
  ['F2', 4],
  ['F3', 9],
  ['F4', 8],
  ['F5', 6],
  ['F6', 6],
  ['F7', 11],
  ['F8', 5],
  ['F9', 10],
  ['F10', 15],
  ['F11', 25],
  ['F12', 4],
  ['F13', 7],
  ['F14', 3],
  ['F15', 11],
  ['F16', 3],
] as const;

type Widths = readonly (readonly [string, number])[];

function records(file: ExportFile): string[] {
  const text = Buffer.from(file.bytes).toString('latin1');
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = text.slice(0, -2).split('\r\n');
  expect(lines.every((l) => !l.includes('\n') && !l.includes('\r'))).toBe(true);
  return lines;
}

function slice(line: string, widths: Widths): Record<string, string> {
  const out: Record<string, string> = {};
  let at = 0;
  for (const [name, width] of widths) {
    out[name] = line.slice(at, at + width);
    at += width;
  }
  expect(at).toBe(line.length);
  return out;
}

const totalWidth = (widths: Widths) => widths.reduce((sum, [, w]) => sum + w, 0);
/** Zero-filled implied-decimal number → minor units (or hundredths). */
const implied = (text: string) => Number(text.replace(/^-0*/, '-').replace(/^0+(?=\d)/, ''));
const yymmdd = (iso: string) => iso.slice(2).replace(/-/g, '');
const ddmmyy = (iso: string) => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(2, 4)}`;

describe('Huldt & Lillevik records parse back', () => {
  it('hours: 164 characters each, one per time record, same values', () => {
    const data = payrollCompany();
    const result = formatOf('huldt-lillevik-hours')!.generate(data, {}, PAYROLL_CONTEXT);
    const [file] = result.files;
    const lines = records(file!);
    expect(totalWidth(HL_WIDTHS)).toBe(164);
    expect(lines).toHaveLength(data.timeRecords.length);
    const departments = new Map(data.users.map((u) => [u.employeeNumber, u.departmentNumber]));
    const users = new Map(data.users.map((u) => [u.employeeNumber, u]));
    lines.forEach((line, i) => {
      expect(line).toHaveLength(164);
      const r = data.timeRecords[i]!;
      const f = slice(line, HL_WIDTHS);
      expect(Number(f['employee'])).toBe(Number(r.employeeNumber));
      expect(f['employee']).toMatch(/^\d{6}$/);
      expect(Number(f['wageType'])).toBe(Number(r.wageCode));
      expect(f['department']!.trimEnd()).toBe(departments.get(r.employeeNumber));
      expect(f['project']!.trimEnd()).toBe(r.projectNumber);
      for (const blank of ['element1', 'element2', 'element3', 'element4', 'element5', 'filler'])
        expect(f[blank]!.trim()).toBe('');
      expect(f['date']).toBe(ddmmyy(r.date));
      const hundredths = Math.round(r.hours * 100);
      expect(implied(f['quantity']!)).toBe(hundredths);
      const payRate = payRateFor(r, users.get(r.employeeNumber));
      expect(implied(f['rate']!)).toBe(payRate ?? 0);
      expect(implied(f['amount']!)).toBe(payRate === null ? 0 : hoursAmount(hundredths / 100, payRate));
    });
  });

  it('expenses: one 164-character record per claim item, quantity 1, rate = amount = gross', () => {
    const data = payrollCompany();
    const [file] = formatOf('huldt-lillevik-expenses')!.generate(data, {}, PAYROLL_CONTEXT).files;
    const lines = records(file!);
    const items = data.claims.flatMap((c) => c.items.map((item) => ({ claim: c, item })));
    expect(lines).toHaveLength(items.length);
    const wageCodes = new Map(data.expenseTypes.map((t) => [t.code, t.wageCode]));
    lines.forEach((line, i) => {
      expect(line).toHaveLength(164);
      const { claim, item } = items[i]!;
      const f = slice(line, HL_WIDTHS);
      expect(Number(f['employee'])).toBe(Number(claim.employeeNumber));
      expect(Number(f['wageType'])).toBe(Number(wageCodes.get(item.expenseType)));
      expect(f['project']!.trimEnd()).toBe(item.projectNumber);
      expect(f['date']).toBe(ddmmyy(item.date));
      expect(implied(f['quantity']!)).toBe(100);
      expect(implied(f['rate']!)).toBe(item.amount);
      expect(implied(f['amount']!)).toBe(item.amount);
    });
  });

  it('a negative correction keeps its sign in front of the zero fill', () => {
    const data = payrollCompany();
    const [file] = formatOf('huldt-lillevik-hours')!.generate(data, {}, PAYROLL_CONTEXT).files;
    const index = data.timeRecords.findIndex((r) => r.hours < 0);
    const f = slice(records(file!)[index]!, HL_WIDTHS);
    expect(f['quantity']).toBe('-000000150');
    expect(f['amount']).toBe('-000000097500');
  });
});

describe('SG Finans records parse back', () => {
  const data = factoringCompany();
  const result = formatOf('sg-finans')!.generate(data, SG_FINANS_SETTINGS, PAYROLL_CONTEXT);
  const customerFile = result.files.find((f) => f.name.startsWith('SGFinans_kunder_'));
  const invoiceFile = result.files.find((f) => f.name.startsWith('SGFinans_faktura_'));

  it('writes two .SGF files', () => {
    expect(result.files.map((f) => f.name)).toEqual([
      'SGFinans_kunder_20261126-0930.SGF',
      'SGFinans_faktura_20261126-0930.SGF',
    ]);
  });

  it('customer records: 254 characters, K/9409/client, the customers of the invoices', () => {
    expect(totalWidth(SGF_CUSTOMER_WIDTHS)).toBe(254);
    const lines = records(customerFile!);
    const expected = [...new Set(data.invoices.map((i) => i.customerNumber))];
    expect(lines).toHaveLength(expected.length);
    lines.forEach((line, i) => {
      expect(line).toHaveLength(254);
      const f = slice(line, SGF_CUSTOMER_WIDTHS);
      const customer = data.customers.find((c) => c.number === expected[i])!;
      expect([f['K1'], f['K2'], f['K3']]).toEqual(['K', '9409', '0427']);
      expect(Number(f['K4'])).toBe(Number(customer.number));
      expect(f['K5']!.trimEnd()).toBe(customer.orgNumber.replace(/[\s.-]/g, ''));
      expect(customer.name.startsWith(f['K6']!.trimEnd())).toBe(true);
      expect(f['K8']!.trimEnd()).toBe(customer.addressLine1);
      expect(f['K14']).toBe(customer.countryCode);
      expect(f['K15']).toMatch(/^\d{3}$/);
      expect(f['K19']).toBe(customer.currency);
      if (customer.postalCode.length <= 4) {
        expect(f['K9']).toBe(customer.postalCode.padEnd(4));
        expect(f['K10']!.trimEnd()).toBe(customer.city);
      } else {
        expect(f['K9']).toBe('    ');
        expect(f['K10']!.trimEnd()).toBe(`${customer.postalCode} ${customer.city}`);
      }
    });
  });

  it('invoice records: 128 characters, transaction code by type, gross in øre without sign', () => {
    expect(totalWidth(SGF_INVOICE_WIDTHS)).toBe(128);
    const lines = records(invoiceFile!);
    expect(lines).toHaveLength(data.invoices.length);
    const rules = amountRules(data);
    lines.forEach((line, i) => {
      expect(line).toHaveLength(128);
      const invoice = data.invoices[i]!;
      const f = slice(line, SGF_INVOICE_WIDTHS);
      const gross = Math.abs(invoiceAmounts(invoice, rules).gross);
      expect(f['F1']).toBe(invoice.type === 'credit' ? '9' : '1');
      expect(f['F2']).toBe('0427');
      expect(Number(f['F3'])).toBe(Number(invoice.customerNumber));
      expect(Number(f['F4'])).toBe(Number(invoice.number));
      expect(f['F5']).toBe(yymmdd(invoice.issueDate));
      expect(f['F6']).toBe(yymmdd(invoice.dueDate));
      expect(f['F7']).toMatch(/^\d{11}$/);
      expect(f['F14']).toBe(invoice.currency);
      expect(Number(f['F15'])).toBe(gross);
      if (invoice.currency === 'NOK') expect(Number(f['F7'])).toBe(gross);
      else expect(Number(f['F7'])).toBe(Math.round((gross * 114921) / 10000));
      expect(f['F8']).toBe(invoice.type === 'credit' ? invoice.creditedInvoiceNumber.padStart(5, '0') : '     ');
      expect(f['F10']!.trimEnd()).toBe(invoice.orderReference);
      expect(f['F13']!.trimEnd()).toBe(invoice.projectNumber);
    });
  });

  it('reports the cut 35-character name as a warning, not an error', () => {
    const cut = result.issues.filter((i) => i.code === 'truncated');
    expect(cut).toHaveLength(1);
    expect(cut[0]).toMatchObject({ severity: 'warning', record: { kind: 'customer', key: '10005' } });
  });
});
