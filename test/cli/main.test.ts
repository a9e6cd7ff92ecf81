import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { cli, tempDir } from './cli-helpers.ts';
import { parseCompanyFile } from '../../src/core/company-file/company-file.ts';
import { readSie, voucherSum } from '../core/formats/sie-reader.ts';
import { DEMO_GOLDEN_DIR, DEMO_NOW } from '../helpers/demo-export.ts';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => (temp = tempDir()));
afterEach(() => temp.remove());

describe('exportdesk demo', () => {
  it('writes a valid company file of the documented size', async () => {
    const out = temp.path('demo.json');
    const run = await cli('demo', '--out', out, '--today', '2026-11-26');
    expect(run.code).toBe(0);
    const parsed = parseCompanyFile(readFileSync(out, 'utf8'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const file = parsed.file;
    expect(file.customers).toHaveLength(30);
    expect(file.projects).toHaveLength(15);
    expect(file.users).toHaveLength(12);
    expect(file.invoices.length).toBeGreaterThanOrEqual(180);
    expect(file.invoices.length).toBeLessThanOrEqual(220);
    expect(file.timeRecords.length).toBeGreaterThanOrEqual(2900);
    expect(file.timeRecords.length).toBeLessThanOrEqual(3100);
    expect(file.claims.reduce((n, c) => n + c.items.length, 0)).toBe(150);
    expect(run.stdout).toBe(
      `Wrote ${out}: 30 customers, 15 projects, 12 users, ${file.invoices.length} invoices, ${file.timeRecords.length} time records, 150 claim items.\n`,
    );
  });

  it('is the same file for the same seed and day', async () => {
    await cli('demo', '--out', temp.path('a.json'), '--today', '2026-11-26', '--country', 'SE');
    await cli('demo', '--out', temp.path('b.json'), '--today', '2026-11-26', '--country', 'SE');
    expect(readFileSync(temp.path('a.json')).equals(readFileSync(temp.path('b.json')))).toBe(true);
  });

  it('exits 2 on a bad option', async () => {
    expect((await cli('demo', '--out', temp.path('x.json'), '--country', 'DK')).code).toBe(2);
    expect((await cli('demo')).code).toBe(2);
  });
});

describe('exportdesk formats', () => {
  it('lists the built-in formats as JSON with id, name and data type', async () => {
    const run = await cli('formats', '--json');
    expect(run.code).toBe(0);
    const formats = JSON.parse(run.stdout) as { id: string; name: string; dataType: string }[];
    const ids = formats.map((f) => f.id);
    for (const id of ['sie4', 'xero', 'gbat10', 'xledger-ar10', 'xledger-gl02b', 'visma-global', 'dynamics-c5'])
      expect(ids).toContain(id);
    for (const f of formats) {
      expect(f.name).toEqual(expect.any(String));
      expect(f.name).not.toBe('');
      expect(['invoices', 'timeRecords', 'claims', 'customers']).toContain(f.dataType);
    }
  });
});

describe('exportdesk export', () => {
  it('writes a SIE 4 .SI file for the Swedish demo that balances, decodes as CP437 and carries a correct #KSUMMA', async () => {
    const company = temp.path('demo-SE.json');
    await cli('demo', '--out', company, '--country', 'SE', '--today', '2026-11-26');
    const dir = temp.path('out');
    // The Swedish demo's SIE export (in the company file) has transliteration on and EUR rates.
    const run = await cli('export', 'sie4', '--company', company, '--out', dir, '--now', '2026-11-26T10:00:00');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Using the settings of the export "SIE 4 to accounting" in the company file.');
    const files = readdirSync(dir);
    expect(files).toEqual(['SIE4_20261126-1000.SI']);
    const sie = readSie(readFileSync(`${dir}/${files[0]}`));
    expect(sie.errors).toEqual([]);
    expect(sie.vouchers.length).toBeGreaterThan(5);
    for (const voucher of sie.vouchers) expect(voucherSum(voucher)).toBe(0);
    expect(sie.declaredChecksum).toBeDefined();
    expect(sie.computedChecksum).toBe(sie.declaredChecksum);
  });

  it('writes the same bytes as the app for the demo accounting export', async () => {
    const company = temp.path('demo-NO.json');
    await cli('demo', '--out', company, '--today', '2026-11-26');
    const run = await cli('export', 'gbat10', '--company', company, '--out', temp.path('o'), '--now', DEMO_NOW);
    expect(run.code).toBe(0);
    const [name] = readdirSync(temp.path('o'));
    expect(readFileSync(temp.path(`o/${name}`)).equals(readFileSync(`${DEMO_GOLDEN_DIR}/${name}`))).toBe(true);
  });

  it.each([
    // The CLI takes the Xero tax rate names as the app's setting does (issue 12, item 1).
    [
      'xero',
      ['--set', 'taxTypes=3=25% (VAT on Income); 31=15% (VAT on Income); 33=12% (VAT on Income); 5=No VAT; 6=No VAT'],
    ],
    ['xledger-ar10', []],
    ['xledger-gl02b', ['--set', 'ownerCode=EXD']],
    ['visma-global', []],
    ['dynamics-c5', []],
    ['sg-finans', ['--set', 'clientNumber=1234']],
  ])('exports the Norwegian demo with %s', async (id, extra) => {
    const company = temp.path('demo-NO.json');
    await cli('demo', '--out', company, '--today', '2026-11-26');
    const run = await cli(
      'export',
      id,
      '--company',
      company,
      '--out',
      temp.path('o'),
      '--now',
      '2026-11-26T10:00:00',
      ...extra,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readdirSync(temp.path('o')).length).toBeGreaterThan(0);
  });

  it('refuses SIE 4 for text CP437 cannot hold, naming the invoice, and writes nothing', async () => {
    const company = temp.path('demo-NO.json');
    await cli('demo', '--out', company, '--today', '2026-11-26');
    const run = await cli(
      'export',
      'sie4',
      '--set',
      'encoding=cp437',
      '--company',
      company,
      '--out',
      temp.path('o'),
      '--now',
      '2026-11-26T10:00:00',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/invoice \d+: "ø" \(U\+00F8\) cannot be written in CP437/);
    expect(run.stderr).toContain('choose "CP437 with replacement"');
    expect(() => readdirSync(temp.path('o'))).toThrow();
  });

  it('writes a GBAT10 file for the Norwegian demo, the same bytes on every run', async () => {
    const company = temp.path('demo-NO.json');
    await cli('demo', '--out', company, '--today', '2026-11-26');
    const first = await cli(
      'export',
      'gbat10',
      '--company',
      company,
      '--out',
      temp.path('a'),
      '--now',
      '2026-11-26T10:00:00',
    );
    const second = await cli(
      'export',
      'gbat10',
      '--company',
      company,
      '--out',
      temp.path('b'),
      '--now',
      '2026-11-26T10:00:00',
    );
    expect(first.code).toBe(0);
    const [name] = readdirSync(temp.path('a'));
    expect(name).toBe('GBAT10_20261126-1000.csv');
    const bytes = readFileSync(temp.path(`a/${name}`));
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.equals(readFileSync(temp.path(`b/${name}`)))).toBe(true);
    expect(second.stdout).toMatch(/^Exported \d+ records with Mamut GBAT10:/m);
  });

  it('exits 2 without a format and 1 for an unknown one', async () => {
    const company = temp.path('demo-NO.json');
    await cli('demo', '--out', company, '--today', '2026-11-26');
    expect((await cli('export', '--company', company, '--out', temp.path('o'))).code).toBe(2);
    const unknown = await cli('export', 'nope', '--company', company, '--out', temp.path('o'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Unknown format "nope"');
  });
});
