/**
 * Properties over generated time records: every Huldt & Lillevik record is 164 characters and
 * its quantity parses back to the record's hours; Visma Lønn's rows carry all hours of the
 * records (up to the rounding of each row to hundredths) and quantity × rate = amount.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { divideRounded } from '../../../../src/core/domain/money.ts';
import type { TimeRecord } from '../../../../src/core/domain/types.ts';
import { huldtLillevikHours } from '../../../../src/core/formats/systems/huldt-lillevik/huldt-lillevik.ts';
import { vismaLonn } from '../../../../src/core/formats/systems/visma-lonn/visma-lonn.ts';
import { PAYROLL_CONTEXT, payrollCompany, timeRecord } from './payroll-company.ts';

interface RecordSpec {
  employeeNumber: string;
  wageCode: string;
  projectNumber: string;
  hundredths: number;
  payRate: number | null;
  rate: number | null;
}

const recordArb: fc.Arbitrary<RecordSpec> = fc.record({
  employeeNumber: fc.constantFrom('1001', '1002', '17', '999999'),
  wageCode: fc.constantFrom('100', '120', '5', '99999'),
  projectNumber: fc.constantFrom('', 'P100', 'P200', 'ABCDEFGHIJKL'),
  // Hundredths of an hour, also negative corrections.
  hundredths: fc.integer({ min: -99_999, max: 9_999_999 }),
  payRate: fc.option(fc.integer({ min: 0, max: 9_999_999 }), { nil: null }),
  // A billing rate on top, which payroll files must never write.
  rate: fc.option(fc.integer({ min: 0, max: 9_999_999 }), { nil: null }),
});

function records(list: RecordSpec[]): TimeRecord[] {
  return list.map((r, i) =>
    timeRecord({
      id: `p${i}`,
      employeeNumber: r.employeeNumber,
      wageCode: r.wageCode,
      projectNumber: r.projectNumber,
      hours: r.hundredths / 100,
      rate: r.rate,
      payRate: r.payRate,
    }),
  );
}

describe('payroll properties', () => {
  it('H&L: every record is 164 characters and the quantity parses back', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { minLength: 1, maxLength: 20 }), (list) => {
        const data = { ...payrollCompany(), timeRecords: records(list) };
        const result = huldtLillevikHours.generate(data, {}, PAYROLL_CONTEXT);
        expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
        const lines = Buffer.from(result.files[0]!.bytes).toString('latin1').slice(0, -2).split('\r\n');
        expect(lines).toHaveLength(list.length);
        lines.forEach((line, i) => {
          expect(line).toHaveLength(164);
          expect(Number(line.slice(101, 111).replace(/^-0*/, '-'))).toBe(list[i]!.hundredths);
        });
      }),
      { numRuns: 50 },
    );
  });

  it('Visma Lønn: rows add up to the records and quantity × rate = amount', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { minLength: 1, maxLength: 30 }), fc.boolean(), (list, byProject) => {
        const data = { ...payrollCompany(), timeRecords: records(list) };
        const result = vismaLonn.generate(data, { groupByProject: byProject }, PAYROLL_CONTEXT);
        expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
        const rows = Papa.parse<string[]>(new TextDecoder().decode(result.files[0]!.bytes).trimEnd(), {
          delimiter: ';',
        }).data;
        const total = rows.reduce((sum, row) => sum + Math.round(Number(row[5]) * 100), 0);
        expect(total).toBe(list.reduce((sum, r) => sum + r.hundredths, 0));
        for (const row of rows) {
          const quantity = BigInt(Math.round(Number(row[5]) * 100));
          const rate = BigInt(Math.round(Number(row[6]) * 100));
          expect(Math.round(Number(row[7]) * 100)).toBe(Number(divideRounded(quantity * rate, 100n)));
        }
      }),
      { numRuns: 50 },
    );
  });
});
