import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { DATA_TABLES, ExportdeskDatabase } from '../../src/db/database.ts';
import { invoicePage } from '../../src/db/queries.ts';
import { settleTransferJournal, toTransferInvoices, waitingInvoiceCount } from '../../src/db/export-status.ts';
import { smallCompany } from '../helpers/small-company.ts';

/**
 * The schema as released up to version 4, copied here on purpose: a database made by that app
 * must open in the current one. Do not update this fixture when the schema changes; add one for
 * the new version instead.
 */
function openVersion4(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({
    company: 'id',
    customers: 'number, name',
    projects: 'number, customerNumber',
    users: 'employeeNumber, name',
    accounts: 'number',
    vatCodes: 'code',
    expenseTypes: 'code',
    invoices: 'id, number, issueDate, customerNumber, status, exportStatus, [exportStatus+issueDate]',
    timeRecords: 'id, date, [employeeNumber+date], [projectNumber+date]',
    claims: 'claimNumber, date, [employeeNumber+date]',
    exportConfigs: 'id',
    exportBatches: 'id, createdAt',
    exportFiles: 'id, batchId',
    templates: 'id, name',
    importPresets: 'id, kind',
    importHistory: 'id, createdAt',
  });
  db.version(2).stores({ invoices: 'id, number, issueDate, [exportStatus+issueDate]' });
  db.version(3).stores({ transferJournal: 'id, batchId' });
  db.version(4).stores({ exportBatchKeys: 'batchId' });
  return db;
}

/**
 * The schema as released up to version 5 (search indexes), copied here on purpose like
 * `openVersion4`: the database that version 6 (a status per purpose) migrates from.
 */
function openVersion5(name: string): Dexie {
  const db = openVersion4(name);
  db.version(5).stores({
    invoices: 'id, number, issueDate, [exportStatus+issueDate], [customerNumber+issueDate]',
  });
  return db;
}

/**
 * The schema as released up to version 6 (a status per purpose), copied here on purpose like
 * `openVersion4`: the database that version 7 (time records' day sums) migrates from.
 */
function openVersion6(name: string): Dexie {
  const db = openVersion5(name);
  db.version(6).stores({
    invoices:
      'id, number, issueDate, [exportStatus+issueDate], [factoringStatus+issueDate], [customerNumber+issueDate]',
  });
  return db;
}

/** Every row of every data table, sorted by table name, as the database holds them. */
async function contents(db: Dexie): Promise<Record<string, unknown[]>> {
  const all: Record<string, unknown[]> = {};
  for (const table of DATA_TABLES) all[table] = await db.table(table).toArray();
  return all;
}

describe('schema migration', () => {
  const name = `test-migration-${Math.random()}`;
  afterEach(() => Dexie.delete(name));

  it('a version 4 database opens in version 5 with nothing lost, and the new index answers', async () => {
    const data = smallCompany();
    const old = openVersion4(name);
    await old.open();
    expect(old.verno).toBe(4);
    await old.transaction('rw', old.tables, async () => {
      await old.table('company').put({ ...data.company, id: 'company' });
      for (const table of ['customers', 'projects', 'users', 'accounts', 'vatCodes', 'expenseTypes'] as const)
        await old.table(table).bulkPut(data[table]);
      await old.table('invoices').bulkPut(data.invoices);
      await old.table('timeRecords').bulkPut(data.timeRecords);
      await old.table('claims').bulkPut(data.claims);
      await old.table('transferJournal').put({ id: 'b1:0', batchId: 'b1', invoiceIds: ['inv-2'] });
      await old.table('exportBatchKeys').put({ batchId: 'b1', json: '["t1"]' });
      await old.table('templates').put({ id: 'tpl', name: 'Mal', dataType: 'timeRecords', template: { a: 1 } });
    });
    const before = await contents(old);
    old.close();

    // Version 5 as released; the step to version 6 has a test of its own below.
    const v5 = openVersion5(name);
    await v5.open();
    expect(v5.verno).toBe(5);
    expect(await contents(v5)).toEqual(before);
    expect(v5.table('invoices').schema.idxByName['[customerNumber+issueDate]']).toBeDefined();
    // The index is filled from the stored invoices, not only from later writes.
    const byCustomerV5 = await v5
      .table('invoices')
      .where('[customerNumber+issueDate]')
      .between(['10', '0000-00-00'], ['10', '9999-99-99'], true, true)
      .primaryKeys();
    expect(byCustomerV5.sort()).toEqual(['inv-1', 'inv-2', 'inv-3', 'inv-4', 'inv-5']);
    v5.close();

    const db = new ExportdeskDatabase(name);
    await db.open();
    expect(db.invoices.schema.idxByName['[customerNumber+issueDate]']).toBeDefined();
    // The index is filled from the stored invoices, not only from later writes.
    const byCustomer = await db.invoices
      .where('[customerNumber+issueDate]')
      .between(['10', '0000-00-00'], ['10', '9999-99-99'], true, true)
      .primaryKeys();
    expect(byCustomer.sort()).toEqual(['inv-1', 'inv-2', 'inv-3', 'inv-4', 'inv-5']);
    // ... and a search by customer name uses it, with the journaled status kept.
    const page = await invoicePage(db, { search: 'kunde én', from: '', to: '' }, 0, 50);
    expect(page.total).toBe(5);
    expect(page.rows.find((i) => i.id === 'inv-2')?.exportStatus).toBe('transferred');
    db.close();
  });

  it('a version 5 database opens in version 6: the single status becomes accounting, factoring starts as Has been transferred', async () => {
    const data = smallCompany();
    // Invoices as version 5 stored them: one export status, no factoring status.
    const v5Invoices = data.invoices.map(({ factoringStatus: _, ...invoice }) => invoice);
    v5Invoices[3] = { ...v5Invoices[3]!, exportStatus: 'do-not-transfer' };
    v5Invoices[4] = { ...v5Invoices[4]!, status: 'draft', number: '' };
    const old = openVersion5(name);
    await old.open();
    await old.transaction('rw', old.tables, async () => {
      await old.table('company').put({ ...data.company, id: 'company' });
      await old.table('customers').bulkPut(data.customers);
      await old.table('invoices').bulkPut(v5Invoices);
      // An unsettled accounting export left by the older version (its rows have no purpose).
      await old.table('transferJournal').put({ id: 'b1:0', batchId: 'b1', invoiceIds: ['inv-2'] });
    });
    old.close();

    const db = new ExportdeskDatabase(name);
    await db.open();
    // 7 since the time records' day sums (the next test); what this test checks is version 6's step.
    expect(db.verno).toBe(7);
    expect(db.invoices.schema.idxByName['[factoringStatus+issueDate]']).toBeDefined();
    const rows = await db.invoices.orderBy('id').toArray();
    expect(rows.map((i) => `${i.id}:${i.exportStatus}:${i.factoringStatus}`)).toEqual([
      'inv-1:to-transfer:transferred',
      'inv-2:to-transfer:transferred',
      'inv-3:to-transfer:transferred',
      'inv-4:do-not-transfer:transferred',
      'inv-5:to-transfer:transferred',
    ]);
    expect(await db.table('transferJournal').toArray()).toEqual([
      { id: 'b1:0', batchId: 'b1', purpose: 'accounting', invoiceIds: ['inv-2'] },
    ]);
    // Nothing old waits for factoring; accounting waits as before (inv-2 journaled, inv-4 not to
    // transfer, inv-5 a draft).
    expect(await waitingInvoiceCount(db, 'factoring', null)).toBe(0);
    expect(await waitingInvoiceCount(db, 'accounting', null)).toBe(2);
    expect(await settleTransferJournal(db)).toBe(1);
    expect((await db.invoices.get('inv-2'))?.exportStatus).toBe('transferred');
    expect((await db.invoices.get('inv-2'))?.factoringStatus).toBe('transferred');
    expect((await toTransferInvoices(db, 'accounting', null)).map((i) => i.id)).toEqual(['inv-1', 'inv-3', 'inv-5']);
    db.close();
  });

  it('a version 6 database opens in version 7 with nothing lost, and the day sums equal its time records', async () => {
    const data = smallCompany();
    data.timeRecords.push(
      { ...data.timeRecords[0]!, id: 't3', hours: 1.25, billable: false, rate: 120000 },
      { ...data.timeRecords[1]!, id: 't4', date: '2026-04-01', hours: 0.3333 },
    );
    const old = openVersion6(name);
    await old.open();
    await old.transaction('rw', old.tables, async () => {
      await old.table('company').put({ ...data.company, id: 'company' });
      for (const table of ['customers', 'projects', 'users', 'accounts', 'vatCodes', 'expenseTypes'] as const)
        await old.table(table).bulkPut(data[table]);
      await old.table('invoices').bulkPut(data.invoices);
      await old.table('timeRecords').bulkPut(data.timeRecords);
      await old.table('claims').bulkPut(data.claims);
    });
    const before = await contents(old);
    old.close();

    const db = new ExportdeskDatabase(name);
    await db.open();
    expect(db.verno).toBe(7);
    expect(await contents(db)).toEqual(before);
    expect(await db.timeRecordDays.orderBy('date').toArray()).toEqual([
      { date: '2026-03-02', count: 2, billableHourUnits: 75_000, otherHourUnits: 12_500, amount: 150_000, rated: 1 },
      { date: '2026-03-03', count: 1, billableHourUnits: 40_000, otherHourUnits: 0, amount: 360_000, rated: 1 },
      { date: '2026-04-01', count: 1, billableHourUnits: 3_333, otherHourUnits: 0, amount: 29_997, rated: 1 },
    ]);
    // From now on the middleware keeps them: a record moved to another day moves its hours.
    await db.timeRecords.update('t4', { date: '2026-03-03' });
    expect(await db.timeRecordDays.get('2026-04-01')).toBeUndefined();
    expect((await db.timeRecordDays.get('2026-03-03'))?.count).toBe(2);
    db.close();
  });
});
