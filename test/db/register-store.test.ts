/**
 * Register forms' writes: a save sets updatedAt, a changed key is carried to every reference in
 * one transaction (or refused when taken), a delete is refused while something refers to the
 * record, and a save over a version changed meanwhile is a conflict that writes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCompanyFile, serializeCompanyFile, toCompanyFile } from '../../src/core/company-file/company-file.ts';
import { starterRegisters } from '../../src/core/charts/index.ts';
import { ExportdeskDatabase } from '../../src/db/database.ts';
import { readCompanyFile, replaceCompany } from '../../src/db/company-store.ts';
import { deleteRegisterRecord, findReferences, saveCompany, saveRegisterRecord } from '../../src/db/register-store.ts';
import { smallCompany } from '../helpers/small-company.ts';

const NOW = '2026-12-06T09:30:00';
const LATER = '2026-12-06T09:45:00';

describe('register store', () => {
  let db: ExportdeskDatabase;
  beforeEach(async () => {
    db = new ExportdeskDatabase(`test-${Math.random()}`);
    await replaceCompany(db, toCompanyFile(smallCompany()));
  });
  afterEach(async () => {
    await db.delete();
  });

  it('saves a changed record with updatedAt, and the backup carries it', async () => {
    const original = (await db.customers.get('10'))!;
    const result = await saveRegisterRecord(
      db,
      'customer',
      { ...original, name: 'Kunde To AS' },
      { original, now: NOW },
    );
    expect(result.status).toBe('saved');
    expect(await db.customers.get('10')).toEqual({ ...original, name: 'Kunde To AS', updatedAt: NOW });
    const backup = (await readCompanyFile(db))!;
    expect(backup.customers[0]).toMatchObject({ name: 'Kunde To AS', updatedAt: NOW });
    // The backup file passes its own checks with the field, and restores it.
    const parsed = parseCompanyFile(serializeCompanyFile(backup));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const restored = new ExportdeskDatabase(`test-${Math.random()}`);
    try {
      await replaceCompany(restored, parsed.file);
      expect((await restored.customers.get('10'))!.updatedAt).toBe(NOW);
    } finally {
      await restored.delete();
    }
  });

  it('adds a new record, and refuses a new record whose key is taken', async () => {
    const customer = { ...(await db.customers.get('10'))!, number: '11', name: 'Ny Kunde AS' };
    expect((await saveRegisterRecord(db, 'customer', customer, { original: null, now: NOW })).status).toBe('saved');
    expect(await db.customers.get('11')).toMatchObject({ name: 'Ny Kunde AS', updatedAt: NOW });
    const again = await saveRegisterRecord(
      db,
      'customer',
      { ...customer, name: 'Other' },
      { original: null, now: NOW },
    );
    expect(again).toEqual({ status: 'key-taken', key: '11' });
    expect((await db.customers.get('11'))!.name).toBe('Ny Kunde AS');
  });

  it('carries a renamed project number to invoices, invoice lines, time records and claim items', async () => {
    const original = (await db.projects.get('P1'))!;
    const result = await saveRegisterRecord(db, 'project', { ...original, number: 'P9' }, { original, now: NOW });
    expect(result.status).toBe('saved');
    expect(await db.projects.get('P1')).toBeUndefined();
    expect(await db.projects.get('P9')).toMatchObject({ name: original.name, updatedAt: NOW });
    for (const invoice of await db.invoices.toArray()) {
      expect(invoice.projectNumber).toBe('P9');
      expect(invoice.lines.every((l) => l.projectNumber === 'P9')).toBe(true);
    }
    expect((await db.timeRecords.toArray()).map((r) => r.projectNumber)).toEqual(['P9', 'P9']);
    expect(await db.timeRecords.where('[projectNumber+date]').between(['P9', ''], ['P9', '\uffff']).count()).toBe(2);
    expect((await db.claims.get('R-1'))!.items[0]!.projectNumber).toBe('P9');
    expect(await findReferences(db, 'project', 'P1')).toEqual([]);
  });

  it('carries a renamed customer number to its invoices and projects', async () => {
    const original = (await db.customers.get('10'))!;
    await saveRegisterRecord(db, 'customer', { ...original, number: '20026' }, { original, now: NOW });
    expect((await db.invoices.toArray()).every((i) => i.customerNumber === '20026')).toBe(true);
    expect((await db.projects.get('P1'))!.customerNumber).toBe('20026');
  });

  it('carries a renamed account to VAT codes, expense types and invoice lines', async () => {
    const account = (await db.accounts.get('2700'))!;
    await saveRegisterRecord(db, 'account', { ...account, number: '2701' }, { original: account, now: NOW });
    expect((await db.vatCodes.get('3'))!.accountNumber).toBe('2701');
    const sales = (await db.accounts.get('3000'))!;
    await saveRegisterRecord(db, 'account', { ...sales, number: '3001' }, { original: sales, now: NOW });
    expect((await db.invoices.toArray()).every((i) => i.lines.every((l) => l.accountNumber === '3001'))).toBe(true);
  });

  it('refuses a key change to a taken key, and changes nothing', async () => {
    const original = (await db.users.get('1001'))!;
    const result = await saveRegisterRecord(
      db,
      'user',
      { ...original, employeeNumber: '9001' },
      { original, now: NOW },
    );
    expect(result).toEqual({ status: 'key-taken', key: '9001' });
    expect(await db.users.get('1001')).toEqual(original);
    expect((await db.timeRecords.get('t1'))!.employeeNumber).toBe('1001');
  });

  it('refuses to delete what is referred to, naming what refers to it', async () => {
    const customer = (await db.customers.get('10'))!;
    const refused = await deleteRegisterRecord(db, 'customer', customer);
    expect(refused).toEqual({
      status: 'refused',
      references: [
        { table: 'invoices', count: 5, example: '10001' },
        { table: 'projects', count: 1, example: 'P1' },
      ],
    });
    expect(await db.customers.get('10')).toBeDefined();
    const user = (await db.users.get('9001'))!;
    expect(await deleteRegisterRecord(db, 'user', user)).toEqual({
      status: 'refused',
      references: [{ table: 'timeRecords', count: 1, example: '2026-03-03' }],
    });
    const vatCode = (await db.vatCodes.get('6'))!;
    expect(await deleteRegisterRecord(db, 'vatCode', vatCode)).toMatchObject({
      status: 'refused',
      references: [{ table: 'expenseTypes', count: 1, example: 'TRAVEL' }],
    });
  });

  it('deletes a record nothing refers to', async () => {
    const fresh = { number: '4000', name: 'Varekjøp', kind: 'expense', vatCode: '' };
    await saveRegisterRecord(db, 'account', fresh, { original: null, now: NOW });
    const stored = (await db.accounts.get('4000'))!;
    expect(await deleteRegisterRecord(db, 'account', stored)).toEqual({ status: 'deleted' });
    expect(await db.accounts.get('4000')).toBeUndefined();
  });

  it('a second save over a changed record is a conflict with the stored version; overwriting needs that version', async () => {
    const opened = (await db.customers.get('10'))!;
    // Tab A saves first.
    await saveRegisterRecord(db, 'customer', { ...opened, name: 'From tab A' }, { original: opened, now: NOW });
    // Tab B, opened before A saved, is told and gets A's version; nothing of B is written.
    const second = await saveRegisterRecord(
      db,
      'customer',
      { ...opened, city: 'Tromsø' },
      { original: opened, now: LATER },
    );
    expect(second).toEqual({ status: 'conflict', current: { ...opened, name: 'From tab A', updatedAt: NOW } });
    expect((await db.customers.get('10'))!.city).toBe(opened.city);
    // B overwrites knowingly: the version it was shown is the one it replaces.
    if (second.status !== 'conflict') throw new Error('expected a conflict');
    const overwrite = await saveRegisterRecord(
      db,
      'customer',
      { ...opened, city: 'Tromsø' },
      { original: second.current, now: LATER },
    );
    expect(overwrite.status).toBe('saved');
    expect(await db.customers.get('10')).toMatchObject({ name: opened.name, city: 'Tromsø', updatedAt: LATER });
  });

  it('a save or delete of a record deleted meanwhile is a conflict with nothing stored', async () => {
    const fresh = { number: '4000', name: 'Varekjøp', kind: 'expense', vatCode: '' };
    await saveRegisterRecord(db, 'account', fresh, { original: null, now: NOW });
    const opened = (await db.accounts.get('4000'))!;
    await deleteRegisterRecord(db, 'account', opened);
    expect(await saveRegisterRecord(db, 'account', { ...opened, name: 'X' }, { original: opened, now: LATER })).toEqual(
      { status: 'conflict', current: null },
    );
    expect(await deleteRegisterRecord(db, 'account', opened)).toEqual({ status: 'conflict', current: null });
    expect(await db.accounts.get('4000')).toBeUndefined();
  });

  it('company: saves with updatedAt, refuses a set-up over a company stored meanwhile, adds the starter chart', async () => {
    const row = (await db.company.get('company'))!;
    const { id: _id, ...company } = row;
    const saved = await saveCompany(db, { ...company, vatRegistered: true }, { original: company, now: NOW });
    expect(saved.status).toBe('saved');
    expect(await db.company.get('company')).toMatchObject({ vatRegistered: true, updatedAt: NOW });
    const setUp = await saveCompany(db, company, { original: null, now: LATER });
    expect(setUp.status).toBe('conflict');

    const empty = new ExportdeskDatabase(`test-${Math.random()}`);
    try {
      const starter = starterRegisters('SE');
      const result = await saveCompany(
        empty,
        { ...company, countryCode: 'SE', currency: 'SEK', orgNumber: '556036-0793' },
        { original: null, now: NOW, starter },
      );
      expect(result.status).toBe('saved');
      expect(await empty.accounts.count()).toBe(starter.accounts.length);
      expect(await empty.vatCodes.count()).toBe(starter.vatCodes.length);
      expect(await empty.expenseTypes.count()).toBe(starter.expenseTypes.length);
      expect((await empty.company.get('company'))!.countryCode).toBe('SE');
    } finally {
      await empty.delete();
    }
  });
});
