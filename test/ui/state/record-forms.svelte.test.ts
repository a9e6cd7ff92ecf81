import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportdeskDatabase } from '../../../src/db/database.ts';
import { replaceCompany } from '../../../src/db/company-store.ts';
import { commitExportBatch } from '../../../src/db/export-store.ts';
import { nextClaimNumber } from '../../../src/db/record-store.ts';
import { timeRecordListTotals } from '../../../src/db/record-totals.ts';
import { toCompanyFile } from '../../../src/core/company-file/company-file.ts';
import type { ExportBatch } from '../../../src/core/export/types.ts';
import { TimeRecordForm } from '../../../src/ui/state/time-record-form.svelte.ts';
import { ClaimForm } from '../../../src/ui/state/claim-form.svelte.ts';
import { ListTotals } from '../../../src/ui/state/list-totals.svelte.ts';
import { smallCompany } from '../../helpers/small-company.ts';

let db: ExportdeskDatabase;
let ids = 0;

function periodBatch(id: string, dataType: 'timeRecords' | 'claims', createdAt: string): ExportBatch {
  return {
    id,
    createdAt,
    configId: 'c',
    configName: dataType === 'claims' ? 'Reiseregning' : 'Visma Lønn',
    target: { kind: 'format', formatId: 'visma-lonn' },
    dataType,
    settingsSnapshot: {},
    invoiceIds: [],
    invoiceNumbers: [],
    recordKeys: [],
    period: { from: '2026-03-01', to: '2026-03-31' },
    recordCount: 1,
    controlTotals: {},
    files: [],
    downloadName: 'x.txt',
    status: 'active',
    revertedAt: '',
    report: [],
  };
}

beforeEach(async () => {
  db = new ExportdeskDatabase(`test-${Math.random()}`);
  await replaceCompany(db, toCompanyFile(smallCompany()));
});
afterEach(async () => {
  await db.delete();
});

describe('TimeRecordForm', () => {
  const form = () => new TimeRecordForm({ db, newId: () => `new-${++ids}`, today: () => '2026-03-20' });

  it('New time record: required fields and the shared rules block Save; a saved record counts in the Total', async () => {
    const f = form();
    await f.open(null);
    expect(f.isNew).toBe(true);
    expect(f.values.date).toBe('2026-03-20');
    expect(f.problemsOf('hours')).toEqual([]);
    expect(await f.save()).toBe(false);
    expect(f.problemsOf('employeeNumber').map((p) => p.code)).toEqual(['required']);
    expect(f.problemsOf('hours').map((p) => p.code)).toEqual(['required']);

    f.set('employeeNumber', '1001');
    f.set('projectNumber', 'P1');
    f.set('hours', '25');
    // 25 hours in one record: the rule the CSV import applies too.
    expect(f.problemsOf('hours').map((p) => p.code)).toEqual(['hours-range']);
    f.set('hours', '7,5');
    f.set('rate', '1 150,00');
    f.set('payRate', 'abc');
    expect(f.problemsOf('payRate').map((p) => p.code)).toEqual(['number-format']);
    f.set('payRate', '');
    expect(f.problems).toEqual([]);
    expect(await f.save()).toBe(true);

    const stored = await db.timeRecords.get('new-' + ids);
    expect(stored).toMatchObject({ date: '2026-03-20', hours: 7.5, rate: 115000, payRate: null, billable: true });
    const totals = await timeRecordListTotals(db, { search: '', from: '2026-03-20', to: '2026-03-20' });
    expect(totals).toEqual({ count: 1, billableHours: 7.5, otherHours: 0, amounts: { NOK: 862500 } });
  });

  it('a time record without a project is saved, as the importer takes one (a firm with no projects)', async () => {
    const f = form();
    await f.open(null);
    f.set('employeeNumber', '1001');
    f.set('hours', '2,5');
    expect(f.problems).toEqual([]);
    expect(await f.save()).toBe(true);
    expect(await db.timeRecords.get('new-' + ids)).toMatchObject({ projectNumber: '', hours: 2.5 });
  });

  it('a date typed so that it cannot be read blocks Save until it is readable again', async () => {
    const f = form();
    await f.open(null);
    f.set('employeeNumber', '1001');
    f.set('projectNumber', 'P1');
    f.set('hours', '2');
    const stored = await db.timeRecords.count();
    // The date field keeps its last good value and tells the form its text is no date.
    f.setReadable('date', false);
    expect(f.hasErrors).toBe(true);
    expect(await f.save()).toBe(false);
    expect(await db.timeRecords.count()).toBe(stored);
    f.set('date', '2026-12-06');
    f.setReadable('date', true);
    expect(await f.save()).toBe(true);
    expect(await db.timeRecords.get('new-' + ids)).toMatchObject({ date: '2026-12-06' });
  });

  it('a picked co-worker or project that no register holds is an error', async () => {
    const f = form();
    await f.open('t1');
    f.set('projectNumber', 'GONE');
    expect(f.problemsOf('projectNumber').map((p) => p.code)).toEqual(['unknown-reference']);
  });

  it('edits a record: the new values are stored, the day sums follow, and Delete removes it', async () => {
    const f = form();
    await f.open('t1');
    expect(f.values.hours).toBe('7.5');
    f.set('date', '2026-03-09');
    f.set('hours', '2');
    expect(await f.save()).toBe(true);
    expect(await db.timeRecordDays.get('2026-03-02')).toBeUndefined();
    expect((await db.timeRecordDays.get('2026-03-09'))?.billableHourUnits).toBe(20_000);
    expect(await f.remove()).toBe(true);
    expect(await db.timeRecords.get('t1')).toBeUndefined();
    expect(await db.timeRecordDays.get('2026-03-09')).toBeUndefined();
  });

  it('a record changed elsewhere after the form opened it is not overwritten', async () => {
    const f = form();
    await f.open('t2');
    await db.timeRecords.update('t2', { comment: 'from an import' });
    f.set('hours', '3');
    expect(await f.save()).toBe(false);
    expect(f.conflict?.current?.comment).toBe('from an import');
    expect((await db.timeRecords.get('t2'))?.hours).toBe(4);
    f.reload();
    expect(f.values.comment).toBe('from an import');
    expect(await f.save()).toBe(true);
  });

  it('names the period exports that already took the record, newest first, and only those', async () => {
    await commitExportBatch(db, periodBatch('b-old', 'timeRecords', '2026-04-01T10:00:00'), [], null, '["t1","t10"]');
    await commitExportBatch(db, periodBatch('b-new', 'timeRecords', '2026-04-02T10:00:00'), [], null, '["t1"]');
    await commitExportBatch(db, periodBatch('b-claims', 'claims', '2026-04-03T10:00:00'), [], null, '["t1"]');
    const f = form();
    await f.open('t1');
    expect(f.exported.map((b) => b.id)).toEqual(['b-new', 'b-old']);
    // Still editable.
    f.set('comment', 'corrected');
    expect(await f.save()).toBe(true);
    const other = form();
    await other.open('t2');
    expect(other.exported).toEqual([]);
  });
});

describe('ClaimForm', () => {
  const form = () => new ClaimForm({ db, today: () => '2026-03-20' });

  it('New claim with two items: the next number, items with expense type, amount, VAT, currency and project', async () => {
    const f = form();
    await f.open(null);
    expect(f.values.claimNumber).toBe('R-2');
    expect(f.values.items).toHaveLength(1);
    expect(f.values.items[0]!.currency).toBe('NOK');
    f.set('employeeNumber', '1001');
    f.setItem(0, 'expenseType', 'TRAVEL');
    f.setItem(0, 'amount', '553,00');
    f.setItem(0, 'vatAmount', '600');
    // The shared rule: VAT larger than the amount.
    expect(f.problemsOf('items[0].vatAmount').map((p) => p.code)).toEqual(['vat-exceeds-amount']);
    f.setItem(0, 'vatAmount', '59.25');
    f.setItem(0, 'projectNumber', 'P1');
    f.addItem();
    expect(f.values.items[1]).toMatchObject({ currency: 'NOK', projectNumber: 'P1', date: '2026-03-20' });
    f.setItem(1, 'expenseType', 'TRAVEL');
    f.setItem(1, 'amount', '1 253');
    f.setItem(1, 'currency', 'eur');
    expect(f.sums).toEqual({ NOK: 55300, EUR: 125300 });
    expect(await f.save()).toBe(true);
    expect(await db.claims.get('R-2')).toEqual({
      claimNumber: 'R-2',
      employeeNumber: '1001',
      date: '2026-03-20',
      status: 'draft',
      items: [
        {
          date: '2026-03-20',
          expenseType: 'TRAVEL',
          description: '',
          amount: 55300,
          vatAmount: 5925,
          currency: 'NOK',
          projectNumber: 'P1',
        },
        {
          date: '2026-03-20',
          expenseType: 'TRAVEL',
          description: '',
          amount: 125300,
          vatAmount: 0,
          currency: 'EUR',
          projectNumber: 'P1',
        },
      ],
    });
  });

  it('an item without expense type or amount, or a claim without items, cannot be saved', async () => {
    const f = form();
    await f.open(null);
    f.set('employeeNumber', '1001');
    expect(await f.save()).toBe(false);
    expect(f.problemsOf('items[0].expenseType').map((p) => p.code)).toEqual(['required']);
    expect(f.problemsOf('items[0].amount').map((p) => p.code)).toEqual(['required']);
    f.setItem(0, 'amount', '12.345');
    expect(f.problemsOf('items[0].amount').map((p) => p.code)).toEqual(['number-format']);
    f.removeItem(0);
    expect(f.problemsOf('items').map((p) => p.code)).toEqual(['no-items']);
  });

  it('removing an item moves the later items’ touched marks with them', async () => {
    const f = form();
    await f.open(null);
    f.addItem();
    f.addItem();
    f.setItem(2, 'amount', 'x');
    f.removeItem(0);
    expect(f.problemsOf('items[1].amount').map((p) => p.code)).toEqual(['number-format']);
  });

  it('edits a claim: a number taken by another claim is refused; the exported warning names the batch', async () => {
    await db.claims.put({ ...(await db.claims.get('R-1'))!, claimNumber: 'R-7' });
    await commitExportBatch(db, periodBatch('b-claims', 'claims', '2026-04-03T10:00:00'), [], null, '["R-1"]');
    const f = form();
    await f.open('R-1');
    expect(f.exported.map((b) => b.configName)).toEqual(['Reiseregning']);
    f.set('claimNumber', 'R-7');
    expect(await f.save()).toBe(false);
    expect(f.status).toContain('R-7');
    f.set('claimNumber', 'R-8');
    f.setItem(0, 'amount', '600');
    expect(await f.save()).toBe(true);
    expect(await db.claims.get('R-1')).toBeUndefined();
    expect((await db.claims.get('R-8'))?.items[0]?.amount).toBe(60000);
    expect(await f.remove()).toBe(true);
    expect(await db.claims.get('R-8')).toBeUndefined();
  });

  it.each([
    [undefined, '1'],
    ['UTL-2026-009', 'UTL-2026-010'],
    ['R-99', 'R-100'],
    ['ABC', 'ABC-1'],
  ])('the number after %s is %s', (last, next) => {
    expect(nextClaimNumber(last)).toBe(next);
  });
});

describe('ListTotals', () => {
  it('keeps the answer to the latest filter only, whatever order the answers come in', async () => {
    const answers = new Map<string, (n: number) => void>();
    const totals = new ListTotals<number>(
      (filter) => new Promise<number>((resolve) => answers.set(filter.search, resolve)),
    );
    const first = totals.load({ search: 'a', from: '', to: '' });
    const second = totals.load({ search: 'ab', from: '', to: '' });
    expect(totals.loading).toBe(true);
    answers.get('ab')!(2);
    await second;
    answers.get('a')!(1);
    await first;
    expect(totals.value).toBe(2);
    expect(totals.filter?.search).toBe('ab');
    expect(totals.loading).toBe(false);
  });

  it('shows a failed read as its error', async () => {
    const totals = new ListTotals<number>(() => Promise.reject(new Error('worker stopped')));
    await totals.load({ search: '', from: '', to: '' });
    expect(totals.error).toContain('worker stopped');
    expect(totals.value).toBeNull();
  });
});
