/**
 * `exportdesk init` against the browser's "Set up your company": the app's own form state
 * (RegisterForm on an in-memory IndexedDB) saves the company, the app's backup reads it as a
 * company file, and the CLI's file for the same input must hold the same.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cli, tempDir } from './cli-helpers.ts';
import { ExportdeskDatabase } from '../../src/db/database.ts';
import { readCompanyFile } from '../../src/db/company-store.ts';
import { RegisterForm } from '../../src/ui/state/register-form.svelte.ts';
import { parseCompanyFile, type CompanyFile } from '../../src/core/company-file/company-file.ts';

const NOW = '2026-12-06T09:30:00';

/** Records by key: the backup lists a table in key order, the file in the starter chart's order. */
function byKey(file: CompanyFile) {
  const sorted = <T>(list: readonly T[], key: (t: T) => string) =>
    [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return {
    ...file,
    accounts: sorted(file.accounts, (a) => a.number),
    vatCodes: sorted(file.vatCodes, (v) => v.code),
    expenseTypes: sorted(file.expenseTypes, (e) => e.code),
  };
}

describe('exportdesk init makes what the browser set-up makes', () => {
  let db: ExportdeskDatabase;
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    db = new ExportdeskDatabase(`test-${Math.random()}`);
    temp = tempDir();
  });
  afterEach(async () => {
    await db.delete();
    temp.remove();
  });

  it.each([
    { country: 'NO', name: 'Fjordlys Rådgivning AS', orgNumber: '919399619', currency: undefined },
    { country: 'SE', name: 'Gränsbygd Konsult AB', orgNumber: '556036-0793', currency: undefined },
    { country: 'SE', name: 'Gränsbygd Konsult AB', orgNumber: '556036-0793', currency: 'EUR' },
  ])('$country, currency $currency', async ({ country, name, orgNumber, currency }) => {
    const form = new RegisterForm('company', { db, now: () => NOW });
    await form.open(null);
    form.set('name', name);
    form.set('countryCode', country);
    form.set('orgNumber', orgNumber);
    if (currency) form.set('currency', currency);
    expect(await form.save()).toBe(true);
    const browser = await readCompanyFile(db);

    const path = temp.path('company.json');
    const run = await cli(
      'init',
      ...['--company', path, '--name', name, '--org-number', orgNumber, '--country', country, '--now', NOW],
      ...(currency ? ['--currency', currency] : []),
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const file = JSON.parse(readFileSync(path, 'utf8')) as CompanyFile;
    expect(byKey(file)).toEqual(byKey(browser!));
    // And both read back as the same checked company file.
    const [a, b] = [parseCompanyFile(readFileSync(path, 'utf8')), parseCompanyFile(JSON.stringify(browser))];
    expect(a.ok && b.ok && byKey(a.file)).toEqual(b.ok && byKey(b.file));
  });
});
