import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatOf } from '../../helpers/loaded-formats.ts';
import {
  TaggedTextWriter,
  crc32,
  quoteTagged,
  type TaggedField,
} from '../../../src/core/formats/builders/tagged-text.ts';
import { decodeText } from '../../../src/core/encoding/text-encoding.ts';
import { readSie, voucherSum } from './sie-reader.ts';
import { EXCHANGE_RATES, testCompany, testCompanySieSafe } from '../../fixtures/test-company.ts';
import { GOLDEN_CONTEXT } from './golden-cases.ts';
import { messageOf } from '../../helpers/english-issue.ts';

/** SIE-Gruppen's sample files live in the shared research folder beside the checkout (CI lays it there too). */
const CORPUS = fileURLToPath(new URL('../../../../shared/corpora/sie-testfiles', import.meta.url));
const CHECKSUM_FILES = [
  'Sie1.se',
  'Norstedts Bokslut SIE 1.se',
  'Norstedts Bokslut SIE 4I.si',
  'Bokslut Norstedts SIE 4E.se',
  'Norstedts Revision SIE 1.SE',
];
const sie4 = formatOf('sie4')!;

describe('CRC-32', () => {
  it('gives the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

describe('#KSUMMA reproduces the sie.se sample files', () => {
  for (const name of CHECKSUM_FILES) {
    it(name, () => {
      const file = readSie(readFileSync(`${CORPUS}/${name}`));
      expect(file.errors).toEqual([]);
      // The independent reader (node:zlib CRC) agrees with the file ...
      expect(file.computedChecksum).toBe(file.declaredChecksum);
      // ... and so does the builder, fed the same posts.
      const writer = new TaggedTextWriter({ lineEnding: 'CRLF', encoding: 'cp437', checksum: true });
      for (const post of file.posts) {
        if (post.label === '#KSUMMA') continue;
        const fields: TaggedField[] = post.fields.map((f) => (f.kind === 'text' ? f.value : { objects: f.pairs }));
        writer.post(post.label, fields);
      }
      expect(writer.checksumValue()).toBe(file.declaredChecksum);
    });
  }

  it('the reader rejects a tampered file', () => {
    const bytes = readFileSync(`${CORPUS}/Sie1.se`);
    const text = decodeText(bytes, 'cp437').replace('#FNAMN', '#FNAMN X');
    const file = readSie(Buffer.from(text, 'latin1'));
    expect(file.computedChecksum).not.toBe(file.declaredChecksum);
  });

  it('the reader finds the unbalanced voucher in the negative sample', () => {
    const file = readSie(readFileSync(`${CORPUS}/transaktioner_ovnbolag-bad-balance.se`));
    expect(file.vouchers.some((v) => voucherSum(v) !== 0)).toBe(true);
  });

  it('every sample parses without reader errors, except Sie4.se whose texts lack closing quotes', () => {
    const names = readdirSync(CORPUS).filter(
      (n) => /\.(se|si)$/i.test(n) && n !== 'SIE4_Exempelfil_med_underdim.SE' && n !== 'Sie4.se',
    );
    expect(names.length).toBeGreaterThan(40);
    for (const name of names) expect(readSie(readFileSync(`${CORPUS}/${name}`)).errors, name).toEqual([]);
    expect(readSie(readFileSync(`${CORPUS}/Sie4.se`)).errors[0]).toMatch(/unterminated quote/);
  });
});

describe('quoting (SIE 5.7)', () => {
  it.each([
    ['PC8', 'PC8'],
    ['', '""'],
    ['two words', '"two words"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['{x}', '"{x}"'],
    ['tab\there', '"tab\there"'],
  ])('%j → %s', (input, expected) => expect(quoteTagged(input)).toBe(expected));
});

describe('SIE 4I export of the test company', () => {
  const generate = (settings: Record<string, string | number | boolean>, data = testCompany()) =>
    sie4.generate(data, { exchangeRates: EXCHANGE_RATES, ...settings }, GOLDEN_CONTEXT);

  it('is CP437 with a valid #KSUMMA and balanced vouchers', () => {
    const result = generate({ transliterate: true });
    expect(result.files).toHaveLength(1);
    const file = readSie(result.files[0]!.bytes);
    expect(file.errors).toEqual([]);
    expect(file.declaredChecksum).toBeDefined();
    expect(file.computedChecksum).toBe(file.declaredChecksum);
    expect(file.vouchers).toHaveLength(8);
    for (const v of file.vouchers) expect(voucherSum(v)).toBe(0);
    expect(file.posts[0]!.label).toBe('#FLAGGA');
    expect(file.posts[1]!.label).toBe('#KSUMMA');
    expect(result.files[0]!.name).toBe('SIE4_20261126-0930.SI');
  });

  it('refuses characters CP437 cannot hold under encoding CP437, naming the record and the setting that solves it', () => {
    const result = generate({ encoding: 'cp437' });
    expect(result.files).toEqual([]);
    const errors = result.issues.filter((i) => i.code === 'unencodable-character');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((e) => e.record?.key)).toContain('1008');
    expect(errors.some((e) => messageOf(e).includes('€'))).toBe(true);
    expect(errors.every((e) => e.field === 'encoding' && messageOf(e).includes('CP437 with replacement'))).toBe(true);
    expect(
      sie4
        .preflight(testCompany(), { exchangeRates: EXCHANGE_RATES, encoding: 'cp437' }, GOLDEN_CONTEXT)
        .some((i) => i.code === 'unencodable-character'),
    ).toBe(true);
  });

  it('lists the replacements it made', () => {
    const result = generate({ transliterate: true });
    expect(result.report).toContain('Replaced "€" by "EUR" 1 time.');
    expect(result.report.some((r) => r.startsWith('Replaced "ø" by "ö"'))).toBe(true);
    const text = decodeText(result.files[0]!.bytes, 'cp437');
    expect(text).toContain('"Reise Tromsö-Bodö, diett 120 EUR"');
  });

  it('credit notes have the opposite signs of invoices', () => {
    const file = readSie(generate({ transliterate: true }).files[0]!.bytes);
    const credit = file.vouchers.find((v) =>
      (v.post.fields[3] as { value: string }).value.startsWith('Kreditfaktura 1005'),
    )!;
    const amounts = credit.trans.map((t) => (t.fields[2] as { value: string }).value);
    expect(amounts).toEqual(['-3125.00', '2500.00', '625.00']);
  });

  it('writes dimensions and object lists for departments and projects', () => {
    const text = decodeText(generate({}, testCompanySieSafe()).files[0]!.bytes, 'cp437');
    expect(text).toContain('#DIM 1 Kostnadsställe\r\n');
    expect(text).toContain('#OBJEKT 6 P100 "Nettbutikk - redesign"\r\n');
    expect(text).toContain('#TRANS 3000 {1 20 6 P100} -12500.00 "" "Konsulenttimer november"\r\n');
  });

  it('voucher number is empty by default and the invoice number on request', () => {
    const empty = readSie(generate({}, testCompanySieSafe()).files[0]!.bytes);
    expect((empty.vouchers[0]!.post.fields[1] as { value: string }).value).toBe('');
    const numbered = readSie(generate({ voucherNumber: 'invoice-number' }, testCompanySieSafe()).files[0]!.bytes);
    expect((numbered.vouchers[0]!.post.fields[1] as { value: string }).value).toBe('1001');
  });

  it('leaves #KSUMMA out when the checksum setting is off', () => {
    const text = decodeText(generate({ checksum: false }, testCompanySieSafe()).files[0]!.bytes, 'cp437');
    expect(text).not.toContain('#KSUMMA');
  });

  it('reports a missing exchange rate', () => {
    const result = sie4.generate(testCompanySieSafe(), {}, GOLDEN_CONTEXT);
    expect(result.files).toEqual([]);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: 'missing-exchange-rate', record: { kind: 'invoice', key: '1004' } }),
    );
  });
});
