/**
 * Independent checks of every delimited format's output: PapaParse reads each file back, every
 * row has the layout's column count, and each voucher's postings balance.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/core/encoding/text-encoding.ts';
import { formatOf } from '../../helpers/loaded-formats.ts';
import { MAX_INVOICES_PER_FILE } from '../../../src/core/formats/systems/xero/xero.ts';
import type { CompanyData } from '../../../src/core/domain/types.ts';
import { amountRules, invoiceAmounts } from '../../../src/core/domain/invoice-amounts.ts';
import { lineNetAmount } from '../../../src/core/domain/money.ts';
import { EXCHANGE_RATES, testCompany } from '../../fixtures/test-company.ts';
import {
  GOLDEN_CASES,
  GOLDEN_CONTEXT,
  INVOICE_FORMAT_IDS,
  INVOICE_FORMATS,
  runGoldenCase,
  XERO_TAX_TYPES,
} from './golden-cases.ts';
import { messageOf } from '../../helpers/english-issue.ts';

const amount = (text: string, decimal = '.') => {
  if (text === '') return 0;
  const [whole = '0', fraction = ''] = text.replace(decimal, '.').split('.');
  const minor = Math.abs(Number(whole)) * 100 + Number(fraction.padEnd(2, '0'));
  return text.startsWith('-') ? -minor : minor;
};

function parse(bytes: Uint8Array, encoding: Parameters<typeof decodeText>[1], delimiter: string): string[][] {
  const text = decodeText(bytes, encoding);
  expect(text.endsWith('\r\n')).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(0, -2), { delimiter, newline: '\r\n', quoteChar: '"' });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

function sumBy(rows: string[][], key: (r: string[]) => string, value: (r: string[]) => number): Map<string, number> {
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(key(r), (sums.get(key(r)) ?? 0) + value(r));
  return sums;
}

describe('delimited output parses back and balances', () => {
  const cases = GOLDEN_CASES.filter(
    (c) => c.formatId !== 'sie4' && (INVOICE_FORMAT_IDS as readonly string[]).includes(c.formatId),
  );
  for (const c of cases) {
    it(`${c.formatId}${c.variant ? ` (${c.variant})` : ''}`, () => {
      const format = formatOf(c.formatId)!;
      const result = runGoldenCase(c);
      const encoding = format.defaultEncoding;
      const file = result.files[0]!;
      switch (c.formatId) {
        case 'gbat10':
        case 'xledger-ar10': {
          const rows = parse(file.bytes, encoding, ';');
          const width = c.formatId === 'gbat10' ? 30 : 29;
          for (const r of rows) expect(r).toHaveLength(width);
          expect(rows.every((r) => r[0] === 'GBAT10')).toBe(true);
          if (c.formatId === 'xledger-ar10') expect(rows.every((r) => r[28] === 'x')).toBe(true);
          for (const [voucher, sum] of sumBy(
            rows,
            (r) => r[1]!,
            (r) => amount(r[8]!),
          ))
            expect(sum, voucher).toBe(0);
          expect(rows.find((r) => r[1] === '1002' && r[9] === '10002')![11]).toBe("Smith 'The Hammer' Ltd"); // no quoting in GBAT10: " is written as '
          expect(rows.find((r) => r[1] === '1005')![3]).toBe('3');
          break;
        }
        case 'xledger-gl02b': {
          const [header, ...rows] = parse(file.bytes, encoding, ';');
          expect(header).toHaveLength(50);
          expect(header!.slice(0, 6)).toEqual([
            'ImpSystem',
            'ImpSystemRef',
            'Entity',
            'VoucherType',
            'VoucherNo',
            'FiscalYear',
          ]);
          for (const r of rows) expect(r).toHaveLength(50);
          expect(rows.every((r) => r[2] === 'EKS01' && r[49] === 'x')).toBe(true);
          for (const [voucher, sum] of sumBy(
            rows,
            (r) => r[4]!,
            (r) => amount(r[25]!),
          ))
            expect(sum, voucher).toBe(0);
          for (const [voucher, sum] of sumBy(
            rows,
            (r) => r[4]!,
            (r) => amount(r[24]!),
          ))
            expect(sum, voucher).toBe(0);
          expect(rows.filter((r) => r[4] === '1004').map((r) => r[23])).toEqual(['EUR', 'EUR']);
          break;
        }
        case 'visma-global': {
          const rows = parse(file.bytes, encoding, ',');
          for (const r of rows) expect(r).toHaveLength(55);
          const signed = (r: string[]) => (r[8] ? 1 : -1) * amount(r[14]!);
          for (const r of rows) expect(Boolean(r[8]) !== Boolean(r[9])).toBe(true);
          for (const [voucher, sum] of sumBy(rows, (r) => r[2]!, signed)) expect(sum, voucher).toBe(0);
          break;
        }
        case 'dynamics-c5': {
          const rows = parse(file.bytes, encoding, ';');
          const customers = rows.filter((r) => r[0] === 'KUN');
          const invoices = rows.filter((r) => r[0] === 'FAK');
          expect(customers.length + invoices.length).toBe(rows.length);
          expect(rows.findIndex((r) => r[0] === 'FAK')).toBe(customers.length);
          for (const r of customers) expect(r).toHaveLength(19);
          for (const r of invoices) expect(r).toHaveLength(14);
          for (const r of invoices) expect(amount(r[5]!, ',')).toBe(amount(r[7]!, ',') - amount(r[6]!, ','));
          for (const [voucher, sum] of sumBy(
            invoices,
            (r) => r[2]!,
            (r) => amount(r[5]!, ','),
          ))
            expect(sum, voucher).toBe(0);
          expect(decodeText(file.bytes, encoding)).toContain(';"1001 P100";');
          break;
        }
        case 'xero': {
          // Invoices and credit notes in files of their own (issue 12, item 2), both RFC 4180.
          const data = testCompany();
          const invoices = data.invoices.filter((i) => i.type !== 'credit');
          const credits = data.invoices.filter((i) => i.type === 'credit');
          expect(credits.length).toBeGreaterThan(0);
          expect(result.files.map((f) => f.name)).toEqual([
            'XERO-INVOICES_20261126-0930.csv',
            'XERO-CREDITNOTES_20261126-0930.csv',
          ]);
          const [header, ...rows] = parse(file.bytes, 'utf-8', ',');
          expect(header).toHaveLength(29);
          for (const r of rows) expect(r).toHaveLength(29);
          expect(rows).toHaveLength(invoices.reduce((n, i) => n + i.lines.length, 0));
          expect(rows.map((r) => r[16])).toEqual(invoices.flatMap((i) => i.lines.map((l) => l.description)));
          expect(rows.find((r) => r[10] === '1005')).toBeUndefined();
          const [creditHeader, ...creditRows] = parse(result.files[1]!.bytes, 'utf-8', ',');
          expect(creditHeader).toHaveLength(28);
          expect(creditHeader!.slice(10, 13)).toEqual(['*CreditNoteNumber', 'Reference', '*CreditNoteDate']);
          expect(creditHeader).not.toContain('*DueDate');
          for (const r of creditRows) expect(r).toHaveLength(28);
          expect(creditRows.map((r) => r[15])).toEqual(credits.flatMap((i) => i.lines.map((l) => l.description)));
          expect(creditRows.find((r) => r[10] === '1005')![16]).toBe('2');
          // Credit notes are positive; the direction comes from the document type.
          for (const r of creditRows) {
            expect(Number(r[16])).toBeGreaterThan(0);
            expect(amount(r[17]!)).toBeGreaterThan(0);
          }
          // Invoice file minus credit-note file = the net of the exported invoices, per currency.
          const netOf = (fileRows: string[][], [quantity, unit, discount, currency]: number[]) =>
            sumBy(
              fileRows,
              (r) => r[currency!]!,
              (r) => lineNetAmount(Number(r[quantity!]), amount(r[unit!]!), Number(r[discount!] || 0)),
            );
          const invoiceNet = netOf(rows, [17, 18, 19, 27]);
          const creditNet = netOf(creditRows, [16, 17, 18, 26]);
          const expected = new Map<string, number>();
          const rules = amountRules(data);
          for (const i of data.invoices)
            expected.set(i.currency, (expected.get(i.currency) ?? 0) + invoiceAmounts(i, rules).net);
          const written = new Map(
            [...new Set([...invoiceNet.keys(), ...creditNet.keys()])].map((cur) => [
              cur,
              (invoiceNet.get(cur) ?? 0) - (creditNet.get(cur) ?? 0),
            ]),
          );
          expect(written).toEqual(expected);
          break;
        }
        default:
          throw new Error(`no parse-back check for ${c.formatId}`);
      }
    });
  }
});

function withInvoices(mutate: (data: CompanyData) => void): CompanyData {
  const data = testCompany();
  mutate(data);
  return data;
}

describe('pre-flight', () => {
  const ledgerFormats = INVOICE_FORMATS().filter((f) => f.id !== 'xero');
  const settingsFor = (id: string) => ({
    exchangeRates: EXCHANGE_RATES,
    ...(id === 'sie4' ? { transliterate: true } : {}),
    ...(id === 'xledger-gl02b' ? { ownerCode: 'EKS01' } : {}),
    ...(id === 'xero' ? { taxTypes: XERO_TAX_TYPES } : {}),
  });

  it('the test company passes every format without errors', () => {
    for (const f of INVOICE_FORMATS())
      expect(
        f.preflight(testCompany(), settingsFor(f.id), GOLDEN_CONTEXT).filter((i) => i.severity === 'error'),
        f.id,
      ).toEqual([]);
  });

  it('every format reports an invoice without number, an unknown customer and an unknown VAT code', () => {
    const data = withInvoices((d) => {
      d.invoices[0]!.number = '';
      d.invoices[1]!.customerNumber = '99999';
      d.invoices[2]!.lines[0]!.vatCode = 'X';
    });
    for (const f of INVOICE_FORMATS()) {
      const codes = f.preflight(data, settingsFor(f.id), GOLDEN_CONTEXT).map((i) => i.code);
      expect(codes, f.id).toEqual(
        expect.arrayContaining(['missing-invoice-number', 'unknown-customer', 'unknown-vat-code']),
      );
      expect(f.generate(data, settingsFor(f.id), GOLDEN_CONTEXT).files, f.id).toEqual([]);
    }
  });

  it('ledger formats report missing accounts, VAT accounts and exchange rates', () => {
    const data = withInvoices((d) => {
      d.invoices[0]!.lines[0]!.accountNumber = '';
      d.invoices[1]!.lines[1]!.accountNumber = '9999';
      d.vatCodes[0]!.accountNumber = '';
    });
    for (const f of ledgerFormats) {
      const issues = f.preflight(data, { ...settingsFor(f.id), exchangeRates: '' }, GOLDEN_CONTEXT);
      const codes = issues.map((i) => i.code);
      expect(codes, f.id).toEqual(
        expect.arrayContaining(['missing-account', 'unknown-account', 'missing-exchange-rate']),
      );
      if (f.id !== 'dynamics-c5' && f.id !== 'visma-global') expect(codes, f.id).toContain('missing-vat-account');
      expect(issues.find((i) => i.code === 'missing-exchange-rate')!.record).toEqual({ kind: 'invoice', key: '1004' });
    }
  });

  it('GBAT10 and AR10 need numeric customer and voucher numbers', () => {
    const data = withInvoices((d) => {
      d.customers[0]!.number = 'C-1';
      d.invoices[0]!.customerNumber = 'C-1';
      d.invoices[1]!.number = 'F2026-0001';
    });
    for (const id of ['gbat10', 'xledger-ar10']) {
      const issues = formatOf(id)!.preflight(data, settingsFor(id), GOLDEN_CONTEXT);
      expect(issues).toContainEqual(
        expect.objectContaining({ code: 'non-numeric-customer-number', record: { kind: 'customer', key: 'C-1' } }),
      );
      expect(issues).toContainEqual(
        expect.objectContaining({ code: 'non-numeric-invoice-number', record: { kind: 'invoice', key: 'F2026-0001' } }),
      );
    }
  });

  it('GBAT10 refuses over-long identifiers and cuts over-long texts with a warning', () => {
    const data = withInvoices((d) => {
      d.invoices[0]!.lines[0]!.projectNumber = 'PROJECT-LONG';
    });
    const issues = formatOf('gbat10')!.preflight(data, settingsFor('gbat10'), GOLDEN_CONTEXT);
    expect(issues).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        code: 'too-long',
        field: 'Project',
        record: { kind: 'invoice', key: '1001' },
      }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'truncated',
        field: 'ContactName',
        record: { kind: 'invoice', key: '1007' },
      }),
    );
  });

  it('GBAT10 in Windows-1252 reports characters outside it', () => {
    const data = withInvoices((d) => {
      d.customers[0]!.name = 'Łódź Trading';
    });
    const issues = formatOf('gbat10')!.preflight(data, settingsFor('gbat10'), GOLDEN_CONTEXT);
    expect(issues).toContainEqual(
      expect.objectContaining({ code: 'unencodable-character', record: { kind: 'invoice', key: '1001' } }),
    );
    expect(
      formatOf('gbat10')!
        .preflight(data, { ...settingsFor('gbat10'), encoding: 'utf-8' }, GOLDEN_CONTEXT)
        .filter((i) => i.severity === 'error'),
    ).toEqual([]);
  });

  it('Xledger GL02b requires the owner code', () => {
    const issues = formatOf('xledger-gl02b')!.preflight(
      testCompany(),
      { exchangeRates: EXCHANGE_RATES },
      GOLDEN_CONTEXT,
    );
    expect(issues).toContainEqual(expect.objectContaining({ code: 'missing-setting', field: 'ownerCode' }));
  });

  it('a malformed exchange-rate setting is an error', () => {
    const issues = formatOf('gbat10')!.preflight(testCompany(), { exchangeRates: 'EUR=abc' }, GOLDEN_CONTEXT);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'invalid-setting', field: 'exchangeRates' }));
  });
});

describe('Xero', () => {
  it(`splits more than ${MAX_INVOICES_PER_FILE} invoices into several files`, () => {
    const data = testCompany();
    const template = data.invoices[0]!;
    data.invoices = Array.from({ length: MAX_INVOICES_PER_FILE * 2 + 1 }, (_, i) => ({
      ...template,
      id: `i${i}`,
      number: String(20000 + i),
    }));
    const result = formatOf('xero')!.generate(data, { taxTypes: XERO_TAX_TYPES }, GOLDEN_CONTEXT);
    expect(result.files.map((f) => f.name)).toEqual([
      'XERO-INVOICES_20261126-0930_1.csv',
      'XERO-INVOICES_20261126-0930_2.csv',
      'XERO-INVOICES_20261126-0930_3.csv',
    ]);
    expect(result.files.map((f) => f.controlTotals['invoices'])).toEqual([500, 500, 1]);
    expect(result.report[0]).toContain('split into 3 files');
  });

  it(`splits more than ${MAX_INVOICES_PER_FILE} credit notes the same way, next to the invoice file`, () => {
    const data = testCompany();
    const credit = data.invoices.find((i) => i.type === 'credit')!;
    data.invoices = [
      data.invoices[0]!,
      ...Array.from({ length: MAX_INVOICES_PER_FILE + 1 }, (_, i) => ({ ...credit, id: `c${i}`, number: `C${i}` })),
    ];
    const result = formatOf('xero')!.generate(data, { taxTypes: XERO_TAX_TYPES }, GOLDEN_CONTEXT);
    expect(result.files.map((f) => f.name)).toEqual([
      'XERO-INVOICES_20261126-0930.csv',
      'XERO-CREDITNOTES_20261126-0930_1.csv',
      'XERO-CREDITNOTES_20261126-0930_2.csv',
    ]);
    expect(result.files.map((f) => f.controlTotals['credit notes'])).toEqual([undefined, 500, 1]);
    expect(result.files[1]!.controlTotals['gross NOK']).toBeGreaterThan(0);
    expect(result.report).toEqual([
      `${MAX_INVOICES_PER_FILE + 1} credit notes were split into 2 files of at most 500 (Xero's limit).`,
    ]);
  });

  it('writes only the invoice file without credit notes, and only the credit-note file without invoices', () => {
    const settings = { taxTypes: XERO_TAX_TYPES };
    const onlyInvoices = testCompany();
    onlyInvoices.invoices = onlyInvoices.invoices.filter((i) => i.type !== 'credit');
    const onlyCredits = testCompany();
    onlyCredits.invoices = onlyCredits.invoices.filter((i) => i.type === 'credit');
    expect(
      formatOf('xero')!
        .generate(onlyInvoices, settings, GOLDEN_CONTEXT)
        .files.map((f) => f.name),
    ).toEqual(['XERO-INVOICES_20261126-0930.csv']);
    expect(
      formatOf('xero')!
        .generate(onlyCredits, settings, GOLDEN_CONTEXT)
        .files.map((f) => f.name),
    ).toEqual(['XERO-CREDITNOTES_20261126-0930.csv']);
  });

  it('maps VAT codes to the tax rate names of the setting, nothing else', () => {
    const result = formatOf('xero')!.generate(
      testCompany(),
      { taxTypes: `${XERO_TAX_TYPES}; 31=15% Food` },
      GOLDEN_CONTEXT,
    );
    const [, ...rows] = Papa.parse<string[]>(decodeText(result.files[0]!.bytes, 'utf-8').trimEnd()).data;
    expect([...new Set(rows.map((r) => r[21]))]).toEqual([
      '25% (VAT on Income)',
      '15% Food',
      '12% (VAT on Income)',
      'No VAT',
    ]);
  });

  it('refuses every used VAT code without a mapping, naming it, with suggestions, never a default', () => {
    const result = formatOf('xero')!.generate(testCompany(), { taxTypes: '3=25% (VAT on Income)' }, GOLDEN_CONTEXT);
    expect(result.files).toEqual([]);
    const unmapped = result.issues.filter((i) => i.code === 'xero-tax-type-unmapped');
    expect(unmapped.map((i) => [i.severity, i.field, i.params!['vatCode']])).toEqual([
      ['error', 'taxTypes', '31'],
      ['error', 'taxTypes', '33'],
      ['error', 'taxTypes', '5'],
    ]);
    const zero = unmapped.find((i) => i.params!['vatCode'] === '5')!;
    expect(messageOf(zero)).toContain('VAT code 5 (0 %');
    expect(messageOf(zero)).toContain('"5=No VAT", "5=Tax Exempt"');
    expect(messageOf(zero)).toContain('must match your Xero organisation exactly');
    expect(messageOf(unmapped[0]!)).toContain('"31=15% (VAT on Income)"');
    // A code no invoice uses needs no mapping.
    const used = testCompany();
    used.vatCodes.push({ code: '99', ratePercent: 6, description: 'unused', accountNumber: '', standardTaxCode: '' });
    expect(
      formatOf('xero')!
        .preflight(used, { taxTypes: XERO_TAX_TYPES }, GOLDEN_CONTEXT)
        .filter((i) => i.severity === 'error'),
    ).toEqual([]);
  });

  it('lists the suggestions in the setting help, marked as having to match the organisation', () => {
    const help = formatOf('xero')!.settings.find((s) => s.key === 'taxTypes')!.help!;
    for (const name of ['25% (VAT on Income)', 'No VAT', 'Tax Exempt', '20% (VAT on Income)', 'Zero Rated Income'])
      expect(help).toContain(`"${name}"`);
    expect(help).toContain('must match your Xero organisation exactly');
  });
});
