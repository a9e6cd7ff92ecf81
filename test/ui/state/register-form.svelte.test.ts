import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportdeskDatabase } from '../../../src/db/database.ts';
import { replaceCompany } from '../../../src/db/company-store.ts';
import { toCompanyFile } from '../../../src/core/company-file/company-file.ts';
import { starterRegisters } from '../../../src/core/charts/index.ts';
import { RegisterForm } from '../../../src/ui/state/register-form.svelte.ts';
import { smallCompany } from '../../helpers/small-company.ts';

const NOW = '2026-12-06T09:30:00';

describe('RegisterForm', () => {
  let db: ExportdeskDatabase;
  const form = (kind: ConstructorParameters<typeof RegisterForm>[0]) => new RegisterForm(kind, { db, now: () => NOW });

  beforeEach(() => {
    db = new ExportdeskDatabase(`test-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('sets up a company: the org number is checked, the country picks currency and starter chart', async () => {
    const setUp = form('company');
    await setUp.open(null);
    expect(setUp.isNew).toBe(true);
    setUp.set('name', 'Gränsbygd Konsult AB');
    setUp.set('orgNumber', '123456789');
    expect(setUp.problemsOf('orgNumber').map((p) => p.severity)).toEqual(['error']);
    expect(await setUp.save()).toBe(false);
    expect(await db.company.count()).toBe(0);

    setUp.set('countryCode', 'SE');
    expect(setUp.values['currency']).toBe('SEK');
    expect(setUp.problemsOf('orgNumber').map((p) => p.severity)).toEqual(['error']);
    setUp.set('orgNumber', '556036-0793');
    expect(setUp.problems).toEqual([]);
    expect(await setUp.save()).toBe(true);
    expect(await db.company.get('company')).toMatchObject({
      name: 'Gränsbygd Konsult AB',
      countryCode: 'SE',
      currency: 'SEK',
      vatRegistered: true,
      updatedAt: NOW,
    });
    expect(await db.accounts.count()).toBe(starterRegisters('SE').accounts.length);
  });

  it('shows problems of untouched fields only after a save attempt', async () => {
    await replaceCompany(db, toCompanyFile(smallCompany()));
    const customer = form('customer');
    await customer.open('10');
    customer.set('name', '');
    expect(customer.problemsOf('name').map((p) => p.severity)).toEqual(['error']);
    expect(customer.problemsOf('email')).toEqual([]);
    customer.values['email'] = 'ikke-en-epost';
    expect(customer.problemsOf('email')).toEqual([]);
    expect(await customer.save()).toBe(false);
    expect(customer.problemsOf('email').map((p) => p.severity)).toEqual(['error']);

    customer.set('name', 'Kunde Ny AS');
    customer.set('email', 'faktura@kunde.no');
    expect(customer.hasErrors).toBe(false);
    expect(await customer.save()).toBe(true);
    expect(await db.customers.get('10')).toMatchObject({ name: 'Kunde Ny AS', email: 'faktura@kunde.no' });
  });

  it('a warning shows at its field but does not block Save; an error does', async () => {
    await replaceCompany(db, toCompanyFile(smallCompany()));
    const problem = { field: 'orgNumber', code: 'odd', params: {}, message: 'Looks odd.' };
    let severity: 'error' | 'warning' = 'warning';
    const customer = new RegisterForm('customer', { db, now: () => NOW, validate: () => [{ ...problem, severity }] });
    await customer.open('10');
    customer.set('orgNumber', '974760673');
    expect(customer.problemsOf('orgNumber').map((p) => p.message)).toEqual(['Looks odd.']);
    expect(await customer.save()).toBe(true);
    severity = 'error';
    const again = new RegisterForm('customer', { db, now: () => NOW, validate: () => [{ ...problem, severity }] });
    await again.open('10');
    expect(await again.save()).toBe(false);
    expect(again.problemsOf('orgNumber').map((p) => p.severity)).toEqual(['error']);
  });

  it('a numeric field is stored as a number, and a new record gets the next free number', async () => {
    await replaceCompany(db, toCompanyFile(smallCompany()));
    const customer = form('customer');
    await customer.open(null);
    expect(customer.values['number']).toBe('11');
    customer.set('name', 'Ny Kunde AS');
    customer.set('paymentTermsDays', 'thirty');
    expect(await customer.save()).toBe(false);
    expect(customer.problemsOf('paymentTermsDays').map((p) => p.severity)).toEqual(['error']);
    customer.set('paymentTermsDays', '30');
    expect(await customer.save()).toBe(true);
    expect((await db.customers.get('11'))!.paymentTermsDays).toBe(30);
  });

  it('two forms on one record: the second save shows both versions; keep theirs, or overwrite', async () => {
    await replaceCompany(db, toCompanyFile(smallCompany()));
    const a = form('customer');
    const b = form('customer');
    await a.open('10');
    await b.open('10');
    a.set('city', 'Tromsø');
    expect(await a.save()).toBe(true);

    b.set('name', 'Kunde Fra B AS');
    expect(await b.save()).toBe(false);
    expect(b.conflict?.diffs.map((d) => [d.field, d.theirs, d.yours])).toEqual([
      ['name', 'Kunde Én AS', 'Kunde Fra B AS'],
      ['city', 'Tromsø', 'Bergen'],
    ]);
    expect((await db.customers.get('10'))!.name).toBe('Kunde Én AS');

    b.keepTheirs();
    expect(b.conflict).toBeNull();
    expect(b.values['city']).toBe('Tromsø');
    expect(b.values['name']).toBe('Kunde Én AS');

    // A second round: this time B overwrites.
    a.set('city', 'Bodø');
    expect(await a.save()).toBe(true);
    b.set('phone', '+47 22 00 00 00');
    expect(await b.save()).toBe(false);
    expect(await b.overwrite()).toBe(true);
    expect(await db.customers.get('10')).toMatchObject({ city: 'Tromsø', phone: '+47 22 00 00 00' });
  });

  it('refuses a delete with what refers to the record, and a key that is taken', async () => {
    await replaceCompany(db, toCompanyFile(smallCompany()));
    const user = form('user');
    await user.open('1001');
    expect(await user.remove()).toBe(false);
    expect(user.refusal.slice(1)).toEqual(['1 time record, e.g. of 2 Mar 2026', '1 claim, e.g. R-1']);
    // Another co-worker's number is caught by the rules before the save.
    user.set('employeeNumber', '9001');
    expect(user.problemsOf('employeeNumber').map((p) => p.severity)).toEqual(['error']);
    user.set('employeeNumber', '1002');
    expect(await user.save()).toBe(true);
    expect((await db.timeRecords.get('t1'))!.employeeNumber).toBe('1002');
    expect((await db.users.get('1002'))!.payRates).toEqual({});
  });
});
