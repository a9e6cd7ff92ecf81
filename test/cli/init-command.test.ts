import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cli, tempDir } from './cli-helpers.ts';
import { parseCompanyFile, type CompanyFile } from '../../src/core/company-file/company-file.ts';
import { starterRegisters } from '../../src/core/charts/index.ts';
import { emptyCompany } from '../../src/core/domain/types.ts';

const NOW = '2026-12-06T09:30:00';

let temp: ReturnType<typeof tempDir>;
let company: string;

const readCompany = () => JSON.parse(readFileSync(company, 'utf8')) as CompanyFile;
const init = (...extra: string[]) =>
  cli(
    'init',
    '--company',
    company,
    '--name',
    'Fjordlys Rådgivning AS',
    '--org-number',
    '919399619',
    '--country',
    'NO',
    '--now',
    NOW,
    ...extra,
  );

beforeEach(() => {
  temp = tempDir();
  company = temp.path('company.json');
});
afterEach(() => temp.remove());

describe('exportdesk init', () => {
  it('starts a company file that import and export then use, end to end', async () => {
    expect(await init()).toEqual({
      code: 0,
      stdout: `Wrote ${company}: Fjordlys Rådgivning AS (NO, NOK) with 72 accounts, 11 VAT codes and 11 expense types.\n`,
      stderr: '',
    });
    expect(parseCompanyFile(readFileSync(company, 'utf8')).ok).toBe(true);

    const customers = temp.path('kunder.csv');
    writeFileSync(
      customers,
      'Kundenr;Navn;Organisasjonsnummer;E-post\n10001;Kvitfjell Bygg AS;974760673;post@kvitfjell.no\n',
    );
    expect(await cli('import', 'customers', customers, '--company', company)).toMatchObject({ code: 0, stderr: '' });
    const invoices = temp.path('fakturaer.csv');
    writeFileSync(
      invoices,
      'Fakturanr;Kundenr;Fakturadato;Forfallsdato;Beskrivelse;Antall;Pris;Mva-kode;Konto\n' +
        '20260001;10001;01.12.2026;15.12.2026;Rådgivning;7,5;1 250,00;3;3000\n',
    );
    expect(await cli('import', 'invoices', invoices, '--company', company)).toMatchObject({ code: 0, stderr: '' });
    expect(readCompany().customers.map((c) => c.name)).toEqual(['Kvitfjell Bygg AS']);

    const out = temp.path('out');
    const run = await cli('export', 'gbat10', '--company', company, '--out', out, '--now', '2026-12-06T10:00:00');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Exported 1 records with Mamut GBAT10');
    const [name] = readdirSync(out);
    const rows = readFileSync(`${out}/${name}`, 'latin1').trim().split(/\r?\n/);
    // Receivable, revenue and output VAT, from the starter chart init wrote (1500, 3000, 2700).
    expect(rows.map((row) => row.split(';').slice(6, 9))).toEqual([
      ['1500', '1', '11718.75'],
      ['3000', '1', '-9375.00'],
      ['2700', '1', '-2343.75'],
    ]);
  });

  it("writes the browser set-up's company and its country's starter chart and VAT codes", async () => {
    expect((await init()).code).toBe(0);
    const file = readCompany();
    expect(file.company).toEqual({
      ...emptyCompany(),
      name: 'Fjordlys Rådgivning AS',
      orgNumber: '919399619',
      vatRegistered: true,
      vatRounding: 'per-rate',
      bankAccount: '',
      updatedAt: NOW,
    });
    expect({ accounts: file.accounts, vatCodes: file.vatCodes, expenseTypes: file.expenseTypes }).toEqual(
      starterRegisters('NO'),
    );
    expect([file.customers, file.invoices, file.exportConfigs]).toEqual([[], [], []]);

    const swedish = temp.path('sverige.json');
    const se = await cli(
      'init',
      ...['--company', swedish, '--name', 'Gränsbygd Konsult AB', '--org-number', '556036-0793', '--country', 'SE'],
    );
    expect(se.stdout).toContain('(SE, SEK)');
    const seFile = JSON.parse(readFileSync(swedish, 'utf8')) as CompanyFile;
    expect(seFile.company).toMatchObject({ countryCode: 'SE', currency: 'SEK' });
    expect(seFile.vatCodes).toEqual(starterRegisters('SE').vatCodes);
    expect(seFile.accounts).toEqual(starterRegisters('SE').accounts);
  });

  it('refuses an org number that fails its check digit, naming the option, and writes nothing', async () => {
    const run = await init('--org-number', '123456789');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `exportdesk: ${company} was not written:\n` +
        '  --org-number: 123456789 is not a Norwegian organisation number: the check digit (MOD11) does not match\n',
    );
    expect(existsSync(company)).toBe(false);
    // A Swedish number is checked by Luhn; every option with a problem is named.
    const se = await init('--country', 'SE', '--org-number', '556036-0794', '--currency', 'kroner');
    expect(se.code).toBe(1);
    expect(se.stderr).toMatch(/--org-number: .*\n {2}--currency: "kroner" is not an ISO 4217 currency code/);
    const dk = await init('--country', 'DK');
    expect(dk).toMatchObject({ code: 1, stderr: expect.stringContaining('--country: the company must be in Norway') });
    expect(dk.stderr).not.toContain('--currency');
  });

  it('refuses to overwrite an existing file unless --force is given', async () => {
    writeFileSync(company, 'the firm’s real books\n');
    const run = await init();
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `exportdesk: ${company} already exists; give --force to replace it (its contents are lost).\n`,
    });
    expect(readFileSync(company, 'utf8')).toBe('the firm’s real books\n');
    expect((await init('--force')).code).toBe(0);
    expect(readCompany().company.name).toBe('Fjordlys Rådgivning AS');
  });

  it('exits 2 on wrong usage', async () => {
    const missing = await cli('init', '--company', company, '--name', 'X AS', '--country', 'NO');
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining('--org-number is required.') });
    expect((await init('--colour', 'red')).code).toBe(2);
    expect((await init('--now', 'today')).code).toBe(2);
    expect(existsSync(company)).toBe(false);
  });

  it('import and export on a missing company file name `exportdesk init`', async () => {
    const csv = temp.path('kunder.csv');
    writeFileSync(csv, 'Kundenr;Navn\n10001;Kvitfjell Bygg AS\n');
    const run = await cli('import', 'customers', csv, '--company', company);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `exportdesk: ${company}: no such file. Make it first with ` +
        `\`exportdesk init --company ${company} --name NAME --org-number N --country NO|SE\`.\n`,
    );
    expect((await cli('export', 'gbat10', '--company', company, '--out', temp.path('out'))).stderr).toContain(
      '`exportdesk init',
    );
  });
});
