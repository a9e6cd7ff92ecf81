import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportdeskDatabase } from '../../src/db/database.ts';
import { replaceCompany, restoreCompanyFile } from '../../src/db/company-store.ts';
import { commitImport, readImportExisting, undoImport } from '../../src/db/import-store.ts';
import { saveRegisterRecord } from '../../src/db/register-store.ts';
import { claimPage, invoicePage, timeRecordPage, type ListFilter } from '../../src/db/queries.ts';
import { claimListTotals, invoiceListTotals, timeRecordListTotals } from '../../src/db/record-totals.ts';
import { dayRows, type TimeRecordDayRow } from '../../src/db/time-record-days.ts';
import { serializeCompanyFile, toCompanyFile } from '../../src/core/company-file/company-file.ts';
import { autoMap, parseCsv, planImport } from '../../src/core/import/index.ts';
import { invoiceAmounts, vatRateLookup } from '../../src/core/domain/invoice-amounts.ts';
import { sumClaims, sumTimeRecords, timeRecordTotals } from '../../src/core/domain/record-totals.ts';
import type { Claim, CompanyData, TimeRecord } from '../../src/core/domain/types.ts';
import { smallCompany } from '../helpers/small-company.ts';

let db: ExportdeskDatabase;

function record(id: string, date: string, hours: number, extra: Partial<TimeRecord> = {}): TimeRecord {
  return {
    id,
    date,
    employeeNumber: '1001',
    projectNumber: 'P1',
    activity: 'Dev',
    hours,
    wageCode: '100',
    rate: null,
    payRate: null,
    billable: true,
    approved: true,
    comment: '',
    ...extra,
  };
}

/** The day sums as stored, next to the day sums of the records as stored: they must be equal. */
async function daysAndRecords(): Promise<[TimeRecordDayRow[], TimeRecordDayRow[]]> {
  const stored = await db.timeRecordDays.orderBy('date').toArray();
  const expected = dayRows(await db.timeRecords.toArray()).sort((a, b) => (a.date < b.date ? -1 : 1));
  return [stored, expected];
}

async function expectDaysConsistent() {
  const [stored, expected] = await daysAndRecords();
  expect(stored).toEqual(expected);
}

/** Every row of a list, page by page (what the Total must add up). */
async function allRows<T>(
  page: (db: ExportdeskDatabase, f: ListFilter, o: number, l: number) => Promise<{ rows: T[] }>,
  filter: ListFilter,
) {
  const rows: T[] = [];
  for (let offset = 0; ; offset += 50) {
    const p = await page(db, filter, offset, 50);
    rows.push(...p.rows);
    if (p.rows.length < 50) return rows;
  }
}

function bigCompany(): CompanyData {
  const data = smallCompany();
  data.users.push({ ...data.users[0]!, employeeNumber: '2002', name: 'Kari Nordmann' });
  const timeRecords: TimeRecord[] = [];
  for (let i = 0; i < 300; i++)
    timeRecords.push(
      record(`r${i}`, `2026-0${(i % 3) + 3}-${String((i % 28) + 1).padStart(2, '0')}`, (i % 9) + 0.25, {
        employeeNumber: i % 2 ? '1001' : '2002',
        billable: i % 4 !== 0,
        rate: i % 5 === 0 ? null : 95000 + i,
        comment: i % 7 === 0 ? 'overtid' : '',
      }),
    );
  data.timeRecords = timeRecords;
  return data;
}

describe('time record day sums (schema v7)', () => {
  beforeEach(() => {
    db = new ExportdeskDatabase(`test-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('follow add, put, update, delete, modify and clear in the same transaction', async () => {
    await db.timeRecords.bulkAdd([record('a', '2026-03-02', 7.5), record('b', '2026-03-02', 1.25, { rate: 90000 })]);
    await expectDaysConsistent();
    expect(await db.timeRecordDays.get('2026-03-02')).toMatchObject({
      count: 2,
      billableHourUnits: 87_500,
      amount: 112_500,
      rated: 1,
    });
    await db.timeRecords.put(record('a', '2026-03-03', 2, { billable: false }));
    await db.timeRecords.update('b', { hours: 3 });
    await expectDaysConsistent();
    await db.timeRecords.where('date').equals('2026-03-03').modify({ employeeNumber: '9001' });
    await expectDaysConsistent();
    await db.timeRecords.delete('b');
    await expectDaysConsistent();
    expect(await db.timeRecordDays.get('2026-03-02')).toBeUndefined();
    await db.timeRecords.bulkPut([record('c', '2026-03-04', 4), record('d', '2026-03-05', 5)]);
    await db.timeRecords.where('date').between('2026-03-04', '2026-03-05', true, true).delete();
    await expectDaysConsistent();
    await db.timeRecords.clear();
    expect(await db.timeRecordDays.count()).toBe(0);
  });

  it('a failed transaction leaves the sums as they were', async () => {
    await db.timeRecords.add(record('a', '2026-03-02', 7.5));
    await expect(
      db.transaction('rw', db.timeRecords, async () => {
        await db.timeRecords.put(record('a', '2026-03-02', 1));
        await db.timeRecords.add(record('x', '2026-03-09', 3));
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    await expectDaysConsistent();
    expect((await db.timeRecordDays.get('2026-03-02'))?.billableHourUnits).toBe(75_000);
    // A bulkAdd with a taken key adds the others and counts only them.
    await expect(
      db.timeRecords.bulkAdd([record('a', '2026-03-02', 9), record('y', '2026-03-02', 2)]),
    ).rejects.toThrow();
    await expectDaysConsistent();
  });

  it('follow the demo load, a restore, an import and its Undo, and a renamed co-worker', async () => {
    await replaceCompany(db, toCompanyFile(bigCompany()));
    await expectDaysConsistent();

    const csv = ['id,date,employeeNumber,projectNumber,activity,hours']
      .concat(['r1,2026-04-02,1001,P1,Changed,3', 'n1,2026-06-01,1001,P1,New,2.5'])
      .join('\n');
    const table = parseCsv(csv + '\n', { delimiter: ',', hasHeader: true, skipLines: 0 });
    const plan = planImport({
      kind: 'timeRecords',
      table,
      mapping: autoMap('timeRecords', table.header).mapping,
      format: { decimal: '.', thousands: '', dateFormat: 'YYYY-MM-DD' },
      existing: (await readImportExisting(db, 'timeRecords')).data,
      onDuplicate: 'update',
      newId: () => 'x',
    });
    await commitImport(db, plan, {
      id: 'imp',
      createdAt: '2026-06-02T10:00:00',
      fileName: 'f.csv',
      presetName: '',
      allowPartial: false,
    });
    expect(await db.timeRecordDays.get('2026-06-01')).toMatchObject({ count: 1, billableHourUnits: 25_000 });
    await expectDaysConsistent();
    await undoImport(db, 'imp', '2026-06-02T11:00:00');
    await expectDaysConsistent();
    expect(await db.timeRecordDays.get('2026-06-01')).toBeUndefined();

    const user = (await db.users.get('2002'))!;
    await saveRegisterRecord(
      db,
      'user',
      { ...user, employeeNumber: '2003' },
      { original: user, now: '2026-06-02T12:00:00' },
    );
    await expectDaysConsistent();

    const file = serializeCompanyFile(toCompanyFile(smallCompany()));
    const result = await restoreCompanyFile(db, new Blob([file]));
    expect(result.ok).toBe(true);
    await expectDaysConsistent();
    expect(await db.timeRecordDays.count()).toBe(2);
  });
});

describe('list totals', () => {
  beforeEach(async () => {
    db = new ExportdeskDatabase(`test-${Math.random()}`);
    await replaceCompany(db, toCompanyFile(bigCompany()));
  });
  afterEach(async () => {
    await db.delete();
  });

  const filters: [string, ListFilter][] = [
    ['everything', { search: '', from: '', to: '' }],
    ['a month', { search: '', from: '2026-04-01', to: '2026-04-30' }],
    ['from a day on', { search: '', from: '2026-05-10', to: '' }],
    ['a co-worker by name', { search: 'kari', from: '', to: '' }],
    ['a co-worker by name, in a month', { search: 'kari', from: '2026-03-01', to: '2026-03-31' }],
    ['a project (matching both co-workers)', { search: 'P1', from: '2026-05-01', to: '' }],
    ['text of the records', { search: 'overtid', from: '', to: '' }],
    ['nothing', { search: 'no such thing', from: '', to: '' }],
  ];

  it.each(filters)('time records, %s: the Total equals the sum of the listed rows', async (_, filter) => {
    const rows = await allRows(timeRecordPage, filter);
    const totals = await timeRecordListTotals(db, filter);
    expect(totals).toEqual(timeRecordTotals(sumTimeRecords(rows), 'NOK'));
    if (filter.search === '' && filter.from === '') expect(totals.count).toBe(300);
  });

  it.each(filters)('claims and invoices, %s: the Total equals the sum of the listed rows', async (_, filter) => {
    const claims: Claim[] = await allRows(claimPage, filter);
    expect(await claimListTotals(db, filter)).toEqual(sumClaims(claims));
    const invoices = await allRows(invoicePage, filter);
    const totals = await invoiceListTotals(db, filter);
    expect(totals.count).toBe(invoices.length);
    const rules = { rateOf: vatRateLookup(await db.vatCodes.toArray()), vatRounding: 'per-rate' as const };
    const gross = invoices.reduce((sum, i) => sum + invoiceAmounts(i, rules).gross, 0);
    expect(Object.values(totals.byCurrency).reduce((sum, c) => sum + c.gross, 0)).toBe(gross);
  });

  it('invoices by customer name: count and amounts of that customer only', async () => {
    const filter = { search: 'kunde én', from: '', to: '' };
    const totals = await invoiceListTotals(db, filter);
    expect(totals.count).toBe((await allRows(invoicePage, filter)).length);
    expect(totals.count).toBeGreaterThan(0);
    expect(Object.keys(totals.byCurrency)).toEqual(['NOK']);
  });
});
