import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { DATA_TABLES, ExportdeskDatabase } from '../../src/db/database.ts';
import { invoicePage } from '../../src/db/queries.ts';
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

    const db = new ExportdeskDatabase(name);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await contents(db)).toEqual(before);
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
});
