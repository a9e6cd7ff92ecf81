/** The CLI import at the door (issue 16): the same defaults as the wizard, and coded refusals that name the place. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { cli, tempDir } from './cli-helpers.ts';
import type { CompanyFile } from '../../src/core/company-file/company-file.ts';
import { BAD_FILES } from '../fixtures/bad/make-bad.ts';

let temp: ReturnType<typeof tempDir>;
let company: string;

const readCompany = () => JSON.parse(readFileSync(company, 'utf8')) as CompanyFile;

beforeEach(async () => {
  temp = tempDir();
  company = temp.path('company.json');
  expect((await cli('demo', '--out', company, '--today', '2026-11-26')).code).toBe(0);
});
afterEach(() => temp.remove());

describe('exportdesk import of hostile files', () => {
  it('stops on a changed duplicate by default; --blank-cells keeps stored values unless told to clear', async () => {
    const first = readCompany().customers[0]!;
    expect(first.email).not.toBe('');
    const csv = temp.path('kunder.csv');
    writeFileSync(csv, `number,name,email\n${first.number},Nytt Navn AS,\n`);
    const stopped = await cli('import', 'customers', csv, '--company', company);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain('duplicate handling: stop');

    expect((await cli('import', 'customers', csv, '--company', company, '--on-duplicate', 'update')).code).toBe(0);
    expect(readCompany().customers[0]).toMatchObject({ name: 'Nytt Navn AS', email: first.email });

    const clear = ['--on-duplicate', 'update', '--blank-cells', 'clear'];
    expect((await cli('import', 'customers', csv, '--company', company, ...clear)).code).toBe(0);
    expect(readCompany().customers[0]!.email).toBe('');
    expect((await cli('import', 'customers', csv, '--company', company, '--blank-cells', 'maybe')).code).toBe(2);
  });

  it.each([
    ['csv/quantity-unsafe.csv', 'invoices', /line 2, column line\.quantity: .*more than 15 digits/],
    ['csv/payment-terms-unsafe.csv', 'customers', /line 2, column paymentTermsDays: .*more than 15 digits/],
    ['csv/mixed-utf8-and-1252.csv', 'customers', /mixes encodings: line 2 is UTF-8, but line 3 is not/],
    ['csv/zip-renamed.csv', 'customers', /ZIP archive/],
    ['csv/nul-after-8k.csv', 'customers', /line 302, column name: .*U\+0000/],
  ])('%s is refused with the place, and the company file is unchanged', async (file, kind, message) => {
    const csv = temp.path('bad.csv');
    writeFileSync(csv, BAD_FILES[file]!);
    const before = readFileSync(company);
    const run = await cli('import', kind, csv, '--company', company);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(readFileSync(company).equals(before)).toBe(true);
  });
});
