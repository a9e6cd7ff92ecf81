/**
 * Visma Lønn: the published sample line reproduced byte for byte, the file read back with
 * PapaParse, and the grouping / summing rules table-driven.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { CompanyData, TimeRecord } from '../../../../src/core/domain/types.ts';
import { vismaLonn } from '../../../../src/core/formats/systems/visma-lonn/visma-lonn.ts';
import type { FormatSettings } from '../../../../src/core/formats/types.ts';
import { PAYROLL_CONTEXT, payrollCompany, timeRecord } from './payroll-company.ts';

function run(data: CompanyData, settings: FormatSettings = {}, context = PAYROLL_CONTEXT) {
  const result = vismaLonn.generate(data, settings, context);
  expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return new TextDecoder('windows-1252').decode(result.files[0]!.bytes);
}

function withRecords(records: TimeRecord[]): CompanyData {
  return { ...payrollCompany(), timeRecords: records };
}

describe('Visma Lønn sample line', () => {
  it("reproduces Moment's published hours sample exactly (wage type 5, 20.5 hours, employee 1002)", () => {
    const data = payrollCompany();
    data.users = [{ employeeNumber: '1002', name: 'Kari Ås', email: '', departmentNumber: '', external: false }];
    data.timeRecords = [
      timeRecord({
        id: 'x1',
        date: '2021-07-15',
        employeeNumber: '1002',
        hours: 20.5,
        wageCode: '5',
        projectNumber: '',
      }),
    ];
    const text = run(
      data,
      { executionNumber: 7 },
      { ...PAYROLL_CONTEXT, period: { from: '2021-07-01', to: '2021-07-31' } },
    );
    expect(text).toBe('2021;7;1002;5;0.0;20.50;0.00;0.00;0;0;"";"";"";"";"";"";0\r\n');
  });

  it('names the file VismaLonn_<stamp>.csv', () => {
    expect(vismaLonn.generate(payrollCompany(), {}, PAYROLL_CONTEXT).files[0]!.name).toBe(
      'VismaLonn_20261126-0930.csv',
    );
  });
});

describe('Visma Lønn read back with PapaParse', () => {
  const text = run(payrollCompany());
  const parsed = Papa.parse<string[]>(text.replace(/\r\n$/, ''), { delimiter: ';', quoteChar: '"', newline: '\r\n' });

  it('parses without errors into 17 fields per row', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.every((row) => row.length === 17)).toBe(true);
  });

  it('gives back the summed rows', () => {
    expect(parsed.data).toEqual([
      ['2026', '1', '17', '100', '0.0', '7.25', '250.50', '1816.13', '0', '0', '', '', '', '', '', '', '0'],
      ['2026', '1', '17', '120', '0.0', '2.00', '0.00', '0.00', '0', '0', '', '', '', '', '', '', '0'],
      ['2026', '1', '1001', '100', '0.0', '13.83', '650.00', '8989.50', '0', '0', '20', 'P100', '', '', '', '', '0'],
      ['2026', '1', '1001', '100', '0.0', '1.00', '700.00', '700.00', '0', '0', '20', 'P100', '', '', '', '', '0'],
      ['2026', '1', '1001', '120', '0.0', '2.00', '975.00', '1950.00', '0', '0', '20', 'P200', '', '', '', '', '0'],
      ['2026', '1', '1002', '100', '0.0', '4.25', '0.00', '0.00', '0', '0', '30', 'INT-1', '', '', '', '', '0'],
      ['2026', '1', '1002', '100', '0.0', '11.75', '0.00', '0.00', '0', '0', '30', 'P200', '', '', '', '', '0'],
    ]);
  });

  it('quotes R1–R6 and nothing else', () => {
    for (const line of text.trimEnd().split('\r\n')) {
      const cells = line.split(';');
      expect(cells.slice(10, 16).every((c) => /^".*"$/.test(c))).toBe(true);
      expect([...cells.slice(0, 10), cells[16]!].some((c) => c.includes('"'))).toBe(false);
    }
  });

  it('quantity × rate = amount on every row', () => {
    for (const row of parsed.data)
      expect(Math.round(Number(row[5]) * Number(row[6]) * 100)).toBe(Math.round(Number(row[7]) * 100));
  });

  it('a quote or semicolon in a project number survives the round trip', () => {
    const data = withRecords([timeRecord({ id: 'q1', employeeNumber: '1001', hours: 1, projectNumber: 'P"7;b' })]);
    const rows = Papa.parse<string[]>(run(data).trimEnd(), { delimiter: ';' }).data;
    expect(rows[0]![11]).toBe('P"7;b');
  });
});

interface GroupingCase {
  name: string;
  records: TimeRecord[];
  settings?: FormatSettings;
  /** [employee, wage type, R1, R2, quantity, rate, amount] per row. */
  rows: [string, string, string, string, string, string, string][];
}

const r = (id: string, partial: Partial<TimeRecord> & Pick<TimeRecord, 'employeeNumber' | 'hours'>) =>
  timeRecord({ id, ...partial });

const GROUPING_CASES: GroupingCase[] = [
  {
    name: 'same employee, wage code, project and pay rate are summed',
    records: [
      r('a', { employeeNumber: '1001', hours: 7.5, payRate: 50000 }),
      r('b', { employeeNumber: '1001', hours: 2.25, payRate: 50000 }),
    ],
    rows: [['1001', '100', '20', 'P100', '9.75', '500.00', '4875.00']],
  },
  {
    name: 'different projects stay apart when grouping by project',
    records: [
      r('a', { employeeNumber: '1001', hours: 1 }),
      r('b', { employeeNumber: '1001', hours: 2, projectNumber: 'P200' }),
    ],
    rows: [
      ['1001', '100', '20', 'P100', '1.00', '0.00', '0.00'],
      ['1001', '100', '20', 'P200', '2.00', '0.00', '0.00'],
    ],
  },
  {
    name: 'projects are merged when not grouping by project',
    records: [
      r('a', { employeeNumber: '1001', hours: 1 }),
      r('b', { employeeNumber: '1001', hours: 2, projectNumber: 'P200' }),
    ],
    settings: { groupByProject: false },
    rows: [['1001', '100', '20', '', '3.00', '0.00', '0.00']],
  },
  {
    name: 'different wage codes stay apart',
    records: [
      r('a', { employeeNumber: '1001', hours: 1 }),
      r('b', { employeeNumber: '1001', hours: 1, wageCode: '120' }),
    ],
    rows: [
      ['1001', '100', '20', 'P100', '1.00', '0.00', '0.00'],
      ['1001', '120', '20', 'P100', '1.00', '0.00', '0.00'],
    ],
  },
  {
    name: 'different pay rates stay apart so quantity × rate = amount',
    records: [
      r('a', { employeeNumber: '1001', hours: 1, payRate: 50000 }),
      r('b', { employeeNumber: '1001', hours: 1, payRate: 60000 }),
    ],
    rows: [
      ['1001', '100', '20', 'P100', '1.00', '500.00', '500.00'],
      ['1001', '100', '20', 'P100', '1.00', '600.00', '600.00'],
    ],
  },
  {
    name: 'a record without a pay rate does not share a row with one that has a pay rate',
    records: [
      r('a', { employeeNumber: '1001', hours: 1, payRate: null }),
      r('b', { employeeNumber: '1001', hours: 1, payRate: 50000 }),
    ],
    rows: [
      ['1001', '100', '20', 'P100', '1.00', '0.00', '0.00'],
      ['1001', '100', '20', 'P100', '1.00', '500.00', '500.00'],
    ],
  },
  {
    name: 'hours are summed exactly, then rounded to 2 decimals (0.1 + 0.2, 3 × 0.3333)',
    records: [
      r('a', { employeeNumber: '1001', hours: 0.1, payRate: 100 }),
      r('b', { employeeNumber: '1001', hours: 0.2, payRate: 100 }),
      r('c', { employeeNumber: '1002', hours: 0.3333, payRate: 100 }),
      r('d', { employeeNumber: '1002', hours: 0.3333, payRate: 100 }),
      r('e', { employeeNumber: '1002', hours: 0.3333, payRate: 100 }),
    ],
    rows: [
      ['1001', '100', '20', 'P100', '0.30', '1.00', '0.30'],
      ['1002', '100', '30', 'P100', '1.00', '1.00', '1.00'],
    ],
  },
  {
    name: 'a negative correction reduces the sum; amount rounds half away from zero',
    records: [
      r('a', { employeeNumber: '1001', hours: 2, payRate: 33333 }),
      r('b', { employeeNumber: '1001', hours: -0.5, payRate: 33333 }),
    ],
    rows: [['1001', '100', '20', 'P100', '1.50', '333.33', '500.00']],
  },
  {
    name: 'rows are sorted by employee number as a number, then wage code',
    records: [
      r('a', { employeeNumber: '1001', hours: 1, wageCode: '20' }),
      r('b', { employeeNumber: '17', hours: 1, wageCode: '3' }),
      r('c', { employeeNumber: '1001', hours: 1, wageCode: '3' }),
    ],
    rows: [
      ['17', '3', '', 'P100', '1.00', '0.00', '0.00'],
      ['1001', '3', '20', 'P100', '1.00', '0.00', '0.00'],
      ['1001', '20', '20', 'P100', '1.00', '0.00', '0.00'],
    ],
  },
  {
    name: "department from the project: the co-worker's records split by their projects' departments",
    records: [
      r('a', { employeeNumber: '1001', hours: 1 }),
      r('b', { employeeNumber: '1001', hours: 2, projectNumber: 'P200' }),
    ],
    settings: { groupByProject: false, departmentSource: 'project' },
    rows: [
      ['1001', '100', '20', '', '1.00', '0.00', '0.00'],
      ['1001', '100', '30', '', '2.00', '0.00', '0.00'],
    ],
  },
  {
    name: 'no department',
    records: [r('a', { employeeNumber: '1001', hours: 1 })],
    settings: { departmentSource: 'none' },
    rows: [['1001', '100', '', 'P100', '1.00', '0.00', '0.00']],
  },
];

describe('Visma Lønn grouping and summing', () => {
  for (const c of GROUPING_CASES) {
    it(c.name, () => {
      const rows = Papa.parse<string[]>(run(withRecords(c.records), c.settings).trimEnd(), { delimiter: ';' }).data;
      expect(rows.map((row) => [row[2], row[3], row[10], row[11], row[5], row[6], row[7]])).toEqual(c.rows);
    });
  }

  it('wage year follows the period end; execution number and deduction code the settings', () => {
    const data = withRecords([r('a', { employeeNumber: '1001', hours: 1, date: '2026-12-30' })]);
    const text = run(
      data,
      { executionNumber: 12, deductionCode: '1' },
      { ...PAYROLL_CONTEXT, period: { from: '2026-12-01', to: '2027-01-15' } },
    );
    expect(text.split(';').slice(0, 2)).toEqual(['2027', '12']);
    expect(text.trimEnd().endsWith(';1')).toBe(true);
  });
});
