/**
 * Upgrades (issue 16): a database made by each earlier schema version (test/fixtures/db-versions,
 * one file per version) opens in the current version with nothing lost, and each migration step
 * does what it promises. Adding a schema version: a fixture of the version being left
 * (make-fixtures.ts) and an entry in STEP_CHECKS; see CONTRIBUTING.md, "Schema upgrades".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { checkCompanyFile, serializeCompanyFile } from '../../src/core/company-file/company-file.ts';
import { ExportdeskDatabase } from '../../src/db/database.ts';
import { readCompanyFile } from '../../src/db/company-store.ts';
import { withRecordKeys } from '../../src/db/export-store.ts';
import { invoicePage } from '../../src/db/queries.ts';
import { settleTransferJournal, waitingInvoiceCount } from '../../src/db/export-status.ts';
import { dayRows } from '../../src/db/time-record-days.ts';
import { dbFixtures, openFixture, revive, type DbFixture } from '../fixtures/db-versions/db-fixture.ts';

const FIXTURES = dbFixtures();
const CURRENT = new ExportdeskDatabase('verno-probe').verno;
let name = '';

afterEach(async () => {
  if (name) await Dexie.delete(name);
  name = '';
});

async function upgraded(fixture: DbFixture): Promise<ExportdeskDatabase> {
  name = `upgrade-${fixture.version}-${Math.random()}`;
  await openFixture(name, fixture);
  const db = new ExportdeskDatabase(name);
  await db.open();
  return db;
}

/** What each step to version N promises, checked on a database of version N − 1 opened by the current one. */
const STEP_CHECKS: Record<number, (db: ExportdeskDatabase) => Promise<void>> = {
  // v2 dropped invoice indexes nothing queried; the compound status index still answers.
  2: async (db) => {
    expect(db.invoices.schema.idxByName['status']).toBeUndefined();
    expect(
      await db.invoices
        .where('[exportStatus+issueDate]')
        .between(['to-transfer', ''], ['to-transfer', '\uffff'])
        .count(),
    ).toBeGreaterThan(0);
  },
  // v3 the transfer journal: statuses of older exports stay in the invoice rows, the journal settles cleanly.
  3: async (db) => {
    const file = (await readCompanyFile(db))!;
    expect(file.invoices.find((i) => i.id === 'inv-2')?.exportStatus).toBe('transferred');
    await settleTransferJournal(db);
    expect(await db.transferJournal.count()).toBe(0);
    expect((await db.invoices.get('inv-2'))?.exportStatus).toBe('transferred');
  },
  // v4 a period batch's keys apart from the batch row: old batches keep theirs inline, both read the same.
  4: async (db) => {
    const [batch] = await withRecordKeys(db, [(await db.exportBatches.get('batch-2'))!]);
    expect(batch!.recordKeys).toEqual(['t1', 't2']);
  },
  // v5 invoices by customer: the new index is filled from the stored invoices.
  5: async (db) => {
    const keys = await db.invoices
      .where('[customerNumber+issueDate]')
      .between(['10', '0000-00-00'], ['10', '9999-99-99'], true, true)
      .primaryKeys();
    expect(keys.sort()).toEqual(['inv-1', 'inv-2', 'inv-3', 'inv-4', 'inv-5']);
    expect((await invoicePage(db, { search: 'kunde én', from: '', to: '' }, 0, 50)).total).toBe(5);
  },
  // v6 a status per purpose: old invoices are Has been transferred for factoring; old journal rows are accounting's.
  6: async (db) => {
    expect((await db.invoices.toArray()).every((i) => i.factoringStatus === 'transferred')).toBe(true);
    expect((await db.transferJournal.toArray()).every((row) => row.purpose === 'accounting')).toBe(true);
    expect(await waitingInvoiceCount(db, 'factoring', null)).toBe(0);
    expect(await waitingInvoiceCount(db, 'accounting', null)).toBe(4);
  },
  // v7 running sums per day: filled from the stored time records, equal to summing them afresh.
  7: async (db) => {
    const records = await db.timeRecords.toArray();
    expect(records.length).toBeGreaterThan(0);
    const byDate = (a: { date: string }, b: { date: string }) => a.date.localeCompare(b.date);
    expect((await db.timeRecordDays.toArray()).sort(byDate)).toEqual(dayRows(records).sort(byDate));
  },
};

describe('a database of each earlier version opens in the current one', () => {
  it('has a fixture for every version before the current one', () => {
    expect(FIXTURES.map((f) => f.version)).toEqual(
      Array.from({ length: CURRENT - 1 }, (_, i) => i + 1).concat(
        FIXTURES.some((f) => f.version === CURRENT) ? [CURRENT] : [],
      ),
    );
  });

  it.each(FIXTURES.map((f) => [f.version, f] as const))('version %i, with nothing lost', async (_, fixture) => {
    const db = await upgraded(fixture);
    expect(db.verno).toBe(CURRENT);
    for (const [table, rows] of Object.entries(fixture.tables)) {
      const stored = db.table(table);
      expect(await stored.count(), table).toBe(rows.length);
      for (const row of rows) {
        const key = stored.schema.primKey.keyPath as string;
        const value = (row as Record<string, unknown>)[key] as string;
        // Steps add fields (a status per purpose, a journal row's purpose); none drops or changes one.
        expect(await stored.get(value), `${table} ${value}`).toMatchObject(revive(row) as object);
      }
    }
    // Its backup is a valid company file: the upgraded data passes today's reader.
    const backup = serializeCompanyFile((await readCompanyFile(db, { includeFiles: true }))!);
    const checked = checkCompanyFile(JSON.parse(backup));
    expect(checked.ok ? [] : checked.errors).toEqual([]);
    db.close();
  });
});

describe('each migration step', () => {
  const steps = Object.keys(STEP_CHECKS).map(Number);
  it('has a check for every step up to the current version', () => {
    expect(steps).toEqual(Array.from({ length: CURRENT - 1 }, (_, i) => i + 2));
  });

  it.each(steps)('the step to version %i', async (step) => {
    const fixture = FIXTURES.find((f) => f.version === step - 1)!;
    const db = await upgraded(fixture);
    await STEP_CHECKS[step]!(db);
    db.close();
  });
});
