/**
 * Pay, not billing (issue 12, item 6), table-driven per payroll format: a file writes a rate only
 * when a pay rate exists (the record's, else the co-worker's default for the wage code), and
 * otherwise what its spec gives for "the payroll system uses its own rate": Visma Lønn `0.00`
 * rate and amount, Huldt & Lillevik zero-filled rate and amount, Hogia no price. The billing rate
 * (`rate`) is never written.
 */
import { describe, expect, it } from 'vitest';
import type { CompanyData, TimeRecord, User } from '../../../../src/core/domain/types.ts';
import { payRateFor } from '../../../../src/core/domain/pay-rate.ts';
import { hogia } from '../../../../src/core/formats/systems/hogia/hogia.ts';
import { huldtLillevikHours } from '../../../../src/core/formats/systems/huldt-lillevik/huldt-lillevik.ts';
import { vismaLonn } from '../../../../src/core/formats/systems/visma-lonn/visma-lonn.ts';
import type { FormatDefinition, FormatSettings } from '../../../../src/core/formats/types.ts';
import { PAYROLL_CONTEXT, payrollCompany, timeRecord } from './payroll-company.ts';

interface RateCase {
  name: string;
  record: Partial<TimeRecord>;
  /** The co-worker's default pay rates (employee 1001). */
  payRates?: User['payRates'];
  /** Visma Lønn [Rate, Am] */
  visma: [string, string];
  /** H&L [Rate (10), Amount (13)] */
  hl: [string, string];
  /** Hogia `<price>` with writePayRate on; undefined = no price element. */
  hogiaPrice: string | undefined;
}

// 7.5 hours of wage code 100 on every case; the billing rate is 1 200.00 throughout.
const CASES: RateCase[] = [
  {
    name: "the record's own pay rate",
    record: { payRate: 35000 },
    visma: ['350.00', '2625.00'],
    hl: ['0000035000', '0000000262500'],
    hogiaPrice: '350.00',
  },
  {
    name: "no pay rate on the record: the co-worker's default for the wage code",
    record: {},
    payRates: { '100': 32050 },
    visma: ['320.50', '2403.75'],
    hl: ['0000032050', '0000000240375'],
    hogiaPrice: '320.50',
  },
  {
    name: "the record's pay rate wins over the co-worker's default",
    record: { payRate: 40000 },
    payRates: { '100': 32050 },
    visma: ['400.00', '3000.00'],
    hl: ['0000040000', '0000000300000'],
    hogiaPrice: '400.00',
  },
  {
    name: 'a default for another wage code does not apply: the system uses its own rate',
    record: {},
    payRates: { '120': 48000 },
    visma: ['0.00', '0.00'],
    hl: ['0000000000', '0000000000000'],
    hogiaPrice: undefined,
  },
  {
    name: 'only a billing rate: it is never written, the system uses its own rate',
    record: { payRate: null },
    visma: ['0.00', '0.00'],
    hl: ['0000000000', '0000000000000'],
    hogiaPrice: undefined,
  },
  {
    name: 'a record stored before pay rates existed (no payRate key) behaves as none',
    record: { payRate: undefined },
    visma: ['0.00', '0.00'],
    hl: ['0000000000', '0000000000000'],
    hogiaPrice: undefined,
  },
];

function companyFor(c: RateCase): CompanyData {
  const data = payrollCompany();
  data.users = data.users.map((u) => (u.employeeNumber === '1001' ? { ...u, payRates: c.payRates ?? {} } : u));
  const record = timeRecord({ id: 'r1', employeeNumber: '1001', hours: 7.5, rate: 120000, ...c.record });
  if ('payRate' in c.record && c.record.payRate === undefined) delete record.payRate;
  data.timeRecords = [record];
  return data;
}

function textOf(format: FormatDefinition, data: CompanyData, settings: FormatSettings = {}): string {
  const result = format.generate(data, settings, PAYROLL_CONTEXT);
  expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return new TextDecoder('windows-1252').decode(result.files[0]!.bytes);
}

describe('payroll formats write the pay rate, never the billing rate', () => {
  describe.each(CASES)('$name', (c) => {
    it('Visma Lønn: Rate and Am', () => {
      const cells = textOf(vismaLonn, companyFor(c)).trimEnd().split(';');
      expect([cells[6], cells[7]]).toEqual(c.visma);
    });

    it('Huldt & Lillevik: Rate and Amount', () => {
      const line = textOf(huldtLillevikHours, companyFor(c)).trimEnd();
      expect([line.slice(111, 121), line.slice(121, 134)]).toEqual(c.hl);
    });

    it('Hogia: price only with writePayRate on and a pay rate; never by default', () => {
      const on = textOf(hogia, companyFor(c), { writePayRate: true });
      expect(on.match(/<price>(.*)<\/price>/)?.[1]).toBe(c.hogiaPrice);
      const off = textOf(hogia, companyFor(c));
      expect(off).not.toContain('<price>');
      expect(off).not.toContain('<amount>');
    });

    it('payRateFor agrees', () => {
      const data = companyFor(c);
      const rate = payRateFor(
        data.timeRecords[0]!,
        data.users.find((u) => u.employeeNumber === '1001'),
      );
      expect(rate === null ? '0.00' : (rate / 100).toFixed(2)).toBe(c.visma[0]);
    });
  });

  it('Hogia: `price` comes after costCentre, as in the library the element order is taken from', () => {
    const data = companyFor(CASES[0]!);
    const xml = textOf(hogia, data, { writePayRate: true, costCentre: 'employee-department' });
    expect(xml.indexOf('</costCentre>')).toBeGreaterThan(0);
    expect(xml.indexOf('<price>')).toBeGreaterThan(xml.indexOf('</costCentre>'));
  });

  it('Hogia summed over the period: without price, billing rates no longer split instructions', () => {
    const data = payrollCompany();
    data.timeRecords = [
      timeRecord({ id: 'a', employeeNumber: '1001', hours: 1, rate: 120000, payRate: 35000 }),
      timeRecord({ id: 'b', employeeNumber: '1001', hours: 2, rate: 130000, payRate: 40000 }),
    ];
    const off = textOf(hogia, data, { grouping: 'period' });
    expect(off.match(/<quantity>[^<]*<\/quantity>/g)).toEqual(['<quantity>3.00</quantity>']);
    const on = textOf(hogia, data, { grouping: 'period', writePayRate: true });
    expect(on.match(/<price>[^<]*<\/price>/g)).toEqual(['<price>350.00</price>', '<price>400.00</price>']);
  });
});
