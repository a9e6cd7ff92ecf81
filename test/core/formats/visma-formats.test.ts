/**
 * Issue 17's Visma formats read back: Visma Scenario's field widths and quoting, Visma
 * Business's sections and voucher lines, Visma DI's XML (well-formed for xmllint, elements in the
 * order of Moment's page) and Visma.net's columns and credit-note signs.
 */
import Papa from 'papaparse';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/core/encoding/text-encoding.ts';
import type { CompanyData } from '../../../src/core/domain/types.ts';
import type { FormatSettings } from '../../../src/core/formats/types.ts';
import { NUMERIC_WIDTHS } from '../../../src/core/formats/systems/visma-scenario/visma-scenario.ts';
import { ELEMENT_ORDER } from '../../../src/core/formats/systems/visma-di/visma-di.ts';
import { ACTOR_FIELDS, voucherFields } from '../../../src/core/formats/systems/visma-business/visma-business.ts';
import { EXCHANGE_RATES, testCompany } from '../../fixtures/test-company.ts';
import { formatOf } from '../../helpers/loaded-formats.ts';
import { GOLDEN_CONTEXT, numericProjectCompany, separatorCompany } from './golden-cases.ts';

function run(id: string, data: CompanyData, settings: FormatSettings) {
  return formatOf(id)!.generate(data, settings, GOLDEN_CONTEXT);
}

function textOf(id: string, data: CompanyData, settings: FormatSettings): string {
  const result = run(id, data, settings);
  expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return decodeText(result.files[0]!.bytes, formatOf(id)!.defaultEncoding);
}

describe('Visma Scenario', () => {
  const lines = textOf('visma-scenario', testCompany(), { exchangeRates: EXCHANGE_RATES })
    .trimEnd()
    .split('\r\n')
    .map((l) => l.split(','));
  // Field positions of the numeric fields, in the page's order.
  const numeric: [number, keyof typeof NUMERIC_WIDTHS][] = [
    [0, 'batch'],
    [1, 'year'],
    [2, 'period'],
    [3, 'voucherNo'],
    [4, 'voucherDate'],
    [5, 'dueDate'],
    [6, 'debitAccount'],
    [7, 'debitLedger'],
    [13, 'creditAccount'],
    [14, 'creditLedger'],
    [20, 'postNo'],
    [21, 'documentType'],
    [23, 'amount'],
    [24, 'count'],
    [25, 'currencyAmount'],
    [28, 'journal'],
  ];

  it('writes 35 fields: numbers zero-padded to their width, strings in quotes within theirs', () => {
    for (const f of lines) {
      expect(f).toHaveLength(35);
      for (const [i, key] of numeric)
        expect(f[i], `${key}: ${f[i]}`).toMatch(new RegExp(`^\\d{${NUMERIC_WIDTHS[key]}}$`));
      for (const [i, width] of [
        [8, 1],
        [9, 10],
        [22, 20],
        [26, 3],
        [27, 25],
        [29, 35],
        [33, 8],
        [34, 27],
      ] as const) {
        expect(f[i]).toMatch(/^".*"$/);
        expect([...f[i]!.slice(1, -1)].length).toBeLessThanOrEqual(width);
      }
    }
  });

  it('puts the customer number in the ledger of the receivable line and marks credit notes as document type 2', () => {
    const receivable = lines.find((f) => f[3] === '00001001' && f[7] !== '000000000000')!;
    expect(receivable[6]).toBe('00001500');
    expect(receivable[7]).toBe('000000010001');
    expect(receivable[29]).toBe('"Ærlig Øl & Bær AS"');
    const credit = lines.filter((f) => f[3] === '00001005');
    expect(credit.every((f) => f[21] === '02')).toBe(true);
    // The credit note's customer line is on the credit side.
    expect(credit.find((f) => f[14] === '000000010001')![13]).toBe('00001500');
  });

  it('writes the foreign-currency amount with three decimals and the ISO code', () => {
    const eur = lines.find((f) => f[3] === '00001004' && f[7] !== '000000000000')!;
    expect(eur[25]).toBe('0000000880000');
    expect(eur[26]).toBe('"EUR"');
  });

  it('replaces `"` and `,` inside strings, with warnings', () => {
    const result = run('visma-scenario', separatorCompany(), { exchangeRates: EXCHANGE_RATES });
    const text = decodeText(result.files[0]!.bytes, 'windows-1252');
    expect(text).toContain('"Storgata 1; 2. etg"');
    expect(result.issues.some((i) => i.code === 'separator-replaced')).toBe(true);
  });

  it('refuses customer numbers that are not digits', () => {
    const data = testCompany();
    data.customers[0]!.number = 'K1';
    data.invoices.filter((i) => i.customerNumber === '10001').forEach((i) => (i.customerNumber = 'K1'));
    expect(run('visma-scenario', data, { exchangeRates: EXCHANGE_RATES }).issues.map((i) => i.code)).toContain(
      'non-numeric-customer-number',
    );
  });
});

/** The file's sections: heading → rows split on spaces outside quotes. */
function ediSections(text: string): { heading: string; rows: string[][] }[] {
  const sections: { heading: string; rows: string[][] }[] = [];
  for (const line of text.trimEnd().split('\r\n')) {
    if (line.startsWith('@')) sections.push({ heading: line, rows: [] });
    else if (line !== '') sections.at(-1)!.rows.push(line.match(/"[^"]*"|\S+/g)!);
  }
  return sections;
}

describe('Visma Business', () => {
  const text = textOf('visma-business', numericProjectCompany(), { exchangeRates: EXCHANGE_RATES, clientId: 7 });
  const sections = ediSections(text);

  it('has the sections in Moment’s order with Visma’s heading syntax', () => {
    expect(sections.map((s) => s.heading.replace(/\(.*$/, ''))).toEqual([
      '@FIRM_BEGIN',
      '@IMPORT_METHOD',
      '@Actor',
      '@R2',
      '@WaBnd',
      '@WaVo',
      '@FIRM_END',
    ]);
    expect(sections[0]!.heading).toBe('@FIRM_BEGIN(7)');
    expect(sections[2]!.heading).toBe(`@Actor(${ACTOR_FIELDS.join(',')})`);
    expect(sections[5]!.heading).toBe(`@WaVo(${voucherFields('R2').join(',')})`);
    expect(sections.at(-1)!.heading).toBe('@FIRM_END(7)');
  });

  it('writes each row with its heading’s number of fields, text in quotes', () => {
    for (const s of sections) {
      const fields = /\((.*)\)$/.exec(s.heading)![1]!.split(',');
      for (const row of s.rows) expect(row, s.heading).toHaveLength(fields.length);
    }
    expect(sections[2]!.rows[0]).toEqual([
      '10001',
      '"912345674"',
      '"Ærlig Øl & Bær AS"',
      '"Søndre gate 5"',
      '""',
      '""',
      '"7011"',
      '"Trondheim"',
      '47',
    ]);
  });

  it('posts the gross amount with the standard VAT code on revenue lines and no VAT lines', () => {
    const fields = voucherFields('R2');
    const at = (row: string[], name: string) => row[fields.indexOf(name)];
    const v1001 = sections[5]!.rows.filter((r) => r[0] === '1001');
    expect(v1001).toHaveLength(2);
    expect(at(v1001[0]!, 'DbAcNo')).toBe('10001');
    expect(at(v1001[0]!, 'Am')).toBe('15625.00');
    expect(at(v1001[1]!, 'CrAcNo')).toBe('3000');
    expect(at(v1001[1]!, 'CrTxCd')).toBe('3');
    expect(at(v1001[1]!, 'CrTrnCl')).toBe('1');
    expect(at(v1001[1]!, 'Am')).toBe('15625.00');
    expect(at(v1001[1]!, 'R2')).toBe('100');
    // The credit note: the customer on the credit side, the credited invoice as AgRef, voucher type 12.
    const credit = sections[5]!.rows.filter((r) => r[0] === '1005');
    expect(at(credit[0]!, 'CrAcNo')).toBe('10001');
    expect(at(credit[0]!, 'AgRef')).toBe('"1001"');
    expect(at(credit[0]!, 'VoTp')).toBe('12');
    expect(at(credit[1]!, 'DbTxCd')).toBe('3');
  });

  it('reports projects that do not fit a numeric unit, and quotes it cannot escape', () => {
    const issues = run('visma-business', testCompany(), { exchangeRates: EXCHANGE_RATES }).issues;
    expect(issues.filter((i) => i.code === 'non-numeric-dimension' && i.severity === 'error').length).toBeGreaterThan(
      0,
    );
    expect(issues.some((i) => i.code === 'quote-replaced' && i.params?.['written'] === "Smith 'The Hammer' Ltd")).toBe(
      true,
    );
  });
});

describe('Visma DI Systems', () => {
  const xml = textOf('visma-di', testCompany(), { exchangeRates: EXCHANGE_RATES, clientId: 'EKS01' });

  it('is well-formed for xmllint', async () => {
    const result = await validateXML({ xml: [{ fileName: 'visma-di.xml', contents: xml }], normalization: 'format' });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('writes the elements in the order of Moment’s page', () => {
    const stack: string[] = [];
    const leaves: string[] = [];
    for (const m of xml.matchAll(/<(\/?)([A-Za-z][A-Za-z0-9]*)[^>]*?(\/?)>/g)) {
      if (m[1]) stack.pop();
      else {
        stack.push(m[2]!);
        const path = stack.slice(1).join('/');
        if ((ELEMENT_ORDER as readonly string[]).includes(path)) leaves.push(path);
        if (m[3]) stack.pop();
      }
    }
    expect(new Set(leaves)).toEqual(new Set(ELEMENT_ORDER));
    const starts = ['Customer/CustomerAccountID', 'Transaction/AccountingPeriod', 'Transaction/Voucher/InvoiceID'];
    for (let i = 1; i < leaves.length; i++) {
      const [a, b] = [ELEMENT_ORDER.indexOf(leaves[i - 1] as never), ELEMENT_ORDER.indexOf(leaves[i] as never)];
      expect(b > a || starts.includes(leaves[i]!), `${leaves[i - 1]} → ${leaves[i]}`).toBe(true);
    }
  });

  it('balances every invoice’s gross amounts and carries the currency', () => {
    const sums = new Map<string, number>();
    for (const m of xml.matchAll(
      /<InvoiceID>(\d+)<\/InvoiceID>[\s\S]*?<GrossAmount currencyID="NOK">(-?\d+)\.(\d\d)</g,
    )) {
      const minor = Number(m[2]) * 100 + (m[2]!.startsWith('-') ? -1 : 1) * Number(m[3]);
      sums.set(m[1]!, (sums.get(m[1]!) ?? 0) + minor);
    }
    expect(sums.size).toBe(testCompany().invoices.length);
    for (const [invoice, sum] of sums) expect(sum, invoice).toBe(0);
  });

  it('needs the client ID', () => {
    expect(run('visma-di', testCompany(), { exchangeRates: EXCHANGE_RATES }).issues.map((i) => i.code)).toContain(
      'missing-setting',
    );
  });
});

describe('Visma.net', () => {
  it('is UTF-8 with InvoiceType first and negative amounts on credit notes', () => {
    const result = run('visma-net', testCompany(), {});
    const text = new TextDecoder('utf-8', { fatal: true }).decode(result.files[0]!.bytes);
    const [header, ...rows] = Papa.parse<string[]>(text.trimEnd(), { delimiter: ',', newline: '\r\n' }).data;
    expect(header![0]).toBe('InvoiceType');
    expect(rows.every((r) => r[0] === 'Invoice' && r.length === header!.length)).toBe(true);
    const amount = header!.indexOf('Amount');
    const credit = rows.filter((r) => r[2] === '1005');
    expect(credit.length).toBeGreaterThan(0);
    expect(credit.every((r) => r[amount]!.startsWith('-'))).toBe(true);
    expect(rows.filter((r) => r[2] === '1001').every((r) => !r[amount]!.startsWith('-'))).toBe(true);
  });
});
