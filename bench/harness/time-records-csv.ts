/**
 * The import input: demo time records as a CSV file with the canonical headers (the
 * domain's field names), rates in major units with a decimal point, UTF-8.
 */
import { iterateDemoTimeRecords } from '../../src/core/demo/index.ts';
import { BENCH_COUNTRY, BENCH_TODAY } from './fixtures.ts';

const HEADERS = [
  'id',
  'date',
  'employeeNumber',
  'projectNumber',
  'activity',
  'hours',
  'wageCode',
  'rate',
  'billable',
  'approved',
  'comment',
] as const;

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function timeRecordsCsv(count: number): Uint8Array {
  const lines: string[] = [HEADERS.join(',')];
  for (const r of iterateDemoTimeRecords({ country: BENCH_COUNTRY, today: BENCH_TODAY, timeRecords: count })) {
    const rate = r.rate === null ? '' : (r.rate / 100).toFixed(2);
    lines.push(
      [
        r.id,
        r.date,
        r.employeeNumber,
        r.projectNumber,
        csvField(r.activity),
        String(r.hours),
        r.wageCode,
        rate,
        String(r.billable),
        String(r.approved),
        csvField(r.comment),
      ].join(','),
    );
  }
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}
