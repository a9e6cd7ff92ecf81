import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { cli, tempDir } from './cli-helpers.ts';
import type { CompanyFile } from '../../src/core/company-file/company-file.ts';

let temp: ReturnType<typeof tempDir>;
let company: string;

const readCompany = () => JSON.parse(readFileSync(company, 'utf8')) as CompanyFile;

beforeEach(async () => {
  temp = tempDir();
  company = temp.path('company.json');
  expect((await cli('demo', '--out', company, '--today', '2026-11-26')).code).toBe(0);
});
afterEach(() => temp.remove());

describe('exportdesk import', () => {
  it('imports a Windows-1252 semicolon file with decimal commas and rewrites the company file', async () => {
    const csv = temp.path('timer.csv');
    writeFileSync(
      csv,
      iconv.encode(
        'Dato;Ansattnr;Prosjekt;Aktivitet;Timer;Timesats;Kommentar\r\n' +
          '03.11.2026;1001;3001;Rådgivning;7,5;1 234,50;Møte på Tøyen – Ærlig\r\n' +
          '04.11.2026;1002;3002;Utvikling;6,25;1 050,00;\r\n',
        'windows-1252',
      ),
    );
    const before = readCompany().timeRecords.length;
    const run = await cli('import', 'timeRecords', csv, '--company', company);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      `Imported timeRecords from ${csv} into ${company}: 2 new, 0 updated, 0 unchanged, 0 skipped.\n`,
    );
    const after = readCompany().timeRecords;
    expect(after).toHaveLength(before + 2);
    expect(after.at(-2)).toMatchObject({
      date: '2026-11-03',
      employeeNumber: '1001',
      projectNumber: '3001',
      activity: 'Rådgivning',
      hours: 7.5,
      rate: 123450,
      comment: 'Møte på Tøyen – Ærlig',
    });
    // The same file again changes nothing.
    expect((await cli('import', 'timeRecords', csv, '--company', company)).stdout).toContain(
      '0 new, 0 updated, 2 unchanged',
    );
  });

  it('imports a value that looks odd but may be right, and says so on stderr', async () => {
    const csv = temp.path('kunder-sverige.csv');
    // A Swedish org number (valid Luhn digit) on a customer of this Norwegian company.
    writeFileSync(csv, 'Kundenr;Navn;Organisasjonsnummer\n30011;Svensk Kund AB;556036-0793\n');
    const run = await cli('import', 'customers', csv, '--company', company);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^warning: line 2, column Organisasjonsnummer: .+\n$/);
    expect(readCompany().customers.find((c) => c.number === '30011')).toMatchObject({ orgNumber: '556036-0793' });
  });

  it('lists every rejected row as "line N, column C: reason", exits 1 and leaves the file untouched', async () => {
    const csv = temp.path('kunder.csv');
    writeFileSync(
      csv,
      'Kundenr;Navn;Betalingsfrist\n30001;Ny Kunde AS;14\n30002;;10\n20001;Kvitfjell Blomster AS;abc\n30003;Tredje AS;30\n',
    );
    const bytes = readFileSync(company);
    const run = await cli('import', 'customers', csv, '--company', company);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'line 3, column Navn: name is required\n' +
        'line 4, column Betalingsfrist: "abc" is not a number (unexpected "a")\n' +
        `2 row(s) rejected; nothing was imported and ${company} was not changed.\n`,
    );
    expect(readFileSync(company).equals(bytes)).toBe(true);
  });

  it('stops on a changed duplicate unless told to update, naming the line', async () => {
    const csv = temp.path('kunder.csv');
    writeFileSync(csv, 'number,name\n20001,Nytt Navn AS\n');
    const stop = await cli('import', 'customers', csv, '--company', company);
    expect(stop.code).toBe(1);
    expect(stop.stderr).toContain(
      'line 2: customer number 20001 already exists with other values (duplicate handling: stop)\n',
    );
    const update = await cli('import', 'customers', csv, '--company', company, '--on-duplicate', 'update');
    expect(update.stdout).toContain('0 new, 1 updated');
    expect(readCompany().customers.find((c) => c.number === '20001')!.name).toBe('Nytt Navn AS');
  });

  it('takes the mapping and formats from a preset, and flags override it', async () => {
    const preset = temp.path('preset.json');
    writeFileSync(
      preset,
      JSON.stringify({
        format: 'exportdesk-import-preset',
        version: 1,
        name: 'Lønn',
        kind: 'timeRecords',
        hasHeader: true,
        skipLines: 0,
        decimal: ',',
        thousands: '',
        dateFormat: 'MM/DD/YYYY',
        columns: { date: 'D', employeeNumber: 'Ansattnummer x', projectNumber: 'P', hours: 'H' },
        constants: { activity: 'Import' },
        onDuplicate: 'skip',
      }),
    );
    const csv = temp.path('t.csv');
    writeFileSync(csv, 'D;Ansattnummer x;P;H\n01/02/2026;1003;3001;1,5\n');
    const run = await cli(
      'import',
      'timeRecords',
      csv,
      '--company',
      company,
      '--preset',
      preset,
      '--date-format',
      'DD/MM/YYYY',
    );
    expect(run.code).toBe(0);
    expect(readCompany().timeRecords.at(-1)).toMatchObject({
      date: '2026-02-01',
      employeeNumber: '1003',
      hours: 1.5,
      activity: 'Import',
    });
  });

  it('reports an ambiguous decimal separator until --decimal is given', async () => {
    const csv = temp.path('k.csv');
    writeFileSync(csv, 'code,ratePercent\nX1,"1,500"\n');
    const run = await cli('import', 'vatCodes', csv, '--company', company);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('line 2, column ratePercent: "1,500" is ambiguous');
    expect((await cli('import', 'vatCodes', csv, '--company', company, '--decimal', ',')).code).toBe(0);
    expect(readCompany().vatCodes.find((v) => v.code === 'X1')!.ratePercent).toBe(1.5);
  });

  it('exits 2 on wrong usage and 1 on unreadable input', async () => {
    expect((await cli('import')).code).toBe(2);
    const unknownKind = await cli('import', 'widgets', 'x.csv', '--company', company);
    expect(unknownKind.code).toBe(2);
    expect(unknownKind.stderr).toContain('Unknown kind "widgets"');
    expect((await cli('import', 'customers', 'x.csv')).code).toBe(2);
    expect((await cli('import', 'customers', 'x.csv', '--company', company, '--on-duplicate', 'merge')).code).toBe(2);
    expect((await cli('import', 'customers', 'x.csv', '--company', company, '--colour', 'red')).code).toBe(2);
    const missing = await cli('import', 'customers', temp.path('none.csv'), '--company', company);
    expect(missing).toMatchObject({ code: 1, stderr: `exportdesk: ${temp.path('none.csv')}: no such file.\n` });
    const empty = temp.path('empty.csv');
    writeFileSync(empty, '');
    expect(await cli('import', 'customers', empty, '--company', company)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('The file is empty'),
    });
  });
});
