/**
 * The time records' pay rate column (issue 12, item 6): its own field apart from the billing
 * rate, found by its Nordic and English headers, read as money in the file's number format
 * (`350,50`, `1 050,00`), empty = no pay rate (null), and written back by the CSV export.
 */
import { describe, expect, it } from 'vitest';
import type { TimeRecord } from '../../../src/core/domain/types.ts';
import {
  autoMap,
  CANONICAL_FORMAT,
  exportKindCsv,
  parseCsv,
  planImport,
  type ValueFormat,
} from '../../../src/core/import/index.ts';
import { emptyData, referenceData, sequentialIds } from './helpers.ts';

const NORDIC: ValueFormat = { decimal: ',', thousands: ' ', dateFormat: 'DD.MM.YYYY' };

function plan(csv: string, format: ValueFormat, delimiter: ',' | ';' = ';') {
  const table = parseCsv(csv, { delimiter, hasHeader: true, skipLines: 0 });
  return planImport({
    kind: 'timeRecords',
    table,
    mapping: autoMap('timeRecords', table.header).mapping,
    format,
    existing: referenceData(),
    onDuplicate: 'stop',
    newId: sequentialIds(),
  });
}

describe('time records: pay rate column', () => {
  it.each([
    ['Lønnssats', 'Timesats'],
    ['Timelønn', 'Timepris'],
    ['Lönesats', 'Timpris'],
    ['Pay rate', 'Hourly rate'],
  ])('"%s" maps to payRate and "%s" to the billing rate', (payHeader, billingHeader) => {
    const mapping = autoMap('timeRecords', ['Dato', 'Ansattnr', 'Timer', billingHeader, payHeader]).mapping;
    expect(mapping['payRate']).toBe(payHeader);
    expect(mapping['rate']).toBe(billingHeader);
  });

  it.each([
    ['350,50', 35050],
    ['1 050,00', 105000],
    ['420', 42000],
    ['', null],
  ])('reads %j with Nordic numbers as %j, apart from the billing rate', (payText, payRate) => {
    const csv = ['Dato;Ansattnr;Timer;Timesats;Lønnssats', `04.03.2024;1001;7,5;1 200,00;${payText}`].join('\n');
    const p = plan(csv, NORDIC);
    expect(p.rejected).toEqual([]);
    const [record] = p.changes.toAdd as TimeRecord[];
    expect(record).toMatchObject({ hours: 7.5, rate: 120000, payRate });
  });

  it('a new record without the column has no pay rate (null)', () => {
    const p = plan('date,employeeNumber,hours\n2024-03-04,1001,7.5', CANONICAL_FORMAT, ',');
    expect((p.changes.toAdd as TimeRecord[])[0]!.payRate).toBeNull();
  });

  it('a pay rate that is not money is rejected naming the column', () => {
    const p = plan('Dato;Ansattnr;Timer;Lønnssats\n04.03.2024;1001;7,5;mye', NORDIC);
    expect(p.rejected[0]!.errors.map((e) => e.column)).toEqual(['Lønnssats']);
  });

  it('the CSV export writes payRate after rate, and it imports back', () => {
    const record: TimeRecord = {
      id: 't1',
      date: '2024-03-04',
      employeeNumber: '1001',
      projectNumber: '',
      activity: '',
      hours: 7.5,
      wageCode: '100',
      rate: 120000,
      payRate: 35050,
      billable: true,
      approved: false,
      comment: '',
    };
    const csv = exportKindCsv('timeRecords', emptyData({ timeRecords: [record] }));
    const [header, row] = csv.split('\r\n');
    const cells = header!.split(',');
    expect(cells.slice(cells.indexOf('rate'), cells.indexOf('rate') + 2)).toEqual(['rate', 'payRate']);
    expect(row!.split(',')[cells.indexOf('payRate')]).toBe('350.50');
    const back = plan(csv, CANONICAL_FORMAT, ',');
    expect(back.changes.toAdd).toEqual([record]);
  });
});
