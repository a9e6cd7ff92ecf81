/**
 * DK, eFina, InfoEasy, Duett (GBAT10 add-on) and Uni Micro (issue 17): each file read back with its own rule
 * and checked against the field tables of Moment's pages (see each module's header): column
 * counts and positions, section order, record length, and that every InfoEasy voucher balances.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/core/encoding/text-encoding.ts';
import type { CompanyData } from '../../../src/core/domain/types.ts';
import { checkFixedWidthLayout } from '../../../src/core/formats/builders/fixed-width.ts';
import { copyableLayouts } from '../../../src/core/formats/copyable-layouts.ts';
import { getFormat } from '../../../src/core/formats/registry.ts';
import { dk, dkLayout } from '../../../src/core/formats/systems/dk/dk.ts';
import { efina, efinaLayout, efinaSectionOf, SECTION_TAGS } from '../../../src/core/formats/systems/efina/efina.ts';
import {
  infoEasy,
  infoEasyLayout,
  RECORD_LENGTH,
  VAT_CODES,
} from '../../../src/core/formats/systems/infoeasy/infoeasy.ts';
import { duettGbat10 } from '../../../src/core/formats/systems/gbat10/duett-gbat10.ts';
import { gbat10 } from '../../../src/core/formats/systems/gbat10/gbat10.ts';
import { uniMicro, uniMicroLayouts } from '../../../src/core/formats/systems/uni-micro/uni-micro.ts';
import { formatOf } from '../../helpers/loaded-formats.ts';
import type { FormatDefinition, FormatSettings } from '../../../src/core/formats/types.ts';
import { EXCHANGE_RATES, testCompany } from '../../fixtures/test-company.ts';
import { GOLDEN_CONTEXT, separatorCompany } from './golden-cases.ts';
import { minorOf, splitLines } from './delimited-layouts.ts';

function textOf(format: FormatDefinition, data: CompanyData = testCompany(), settings: FormatSettings = {}) {
  const result = format.generate(data, settings, GOLDEN_CONTEXT);
  expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return { text: decodeText(result.files[0]!.bytes, 'windows-1252'), result };
}

describe('DK', () => {
  it("writes 25 `;` fields per invoice line with Moment's positions (1-based): 1 customer, 4 and 12 account, 5 amount, 15 date, 17 and 22 number, 18 currency, 20 type", () => {
    const data = testCompany();
    const lines = splitLines(textOf(dk, data).text, dkLayout());
    expect(lines).toHaveLength(data.invoices.reduce((n, i) => n + i.lines.length, 0));
    for (const f of lines) expect(f).toHaveLength(25);
    const first = lines[0]!;
    const invoice = data.invoices[0]!;
    expect(first[0]).toBe(invoice.customerNumber);
    expect(first[3]).toBe(invoice.lines[0]!.accountNumber);
    expect(first[11]).toBe(first[3]);
    expect(first[4]).toBe('12500,00');
    expect(first[14]).toBe('2026-11-02');
    expect([first[16], first[21]]).toEqual([invoice.number, invoice.number]);
    expect(first[17]).toBe('NOK');
    expect(first[19]).toBe('Invoice');
    const credit = lines.find((f) => f[19] === 'Credit')!;
    expect(minorOf(credit[4]!, ',')).toBeLessThan(0);
  });

  it('writes foreign invoices in their own currency, without an exchange rate', () => {
    const lines = splitLines(textOf(dk).text, dkLayout());
    expect(lines.some((f) => f[17] === 'EUR')).toBe(true);
  });

  it('replaces `;` and quotes inside values and warns', () => {
    const { text, result } = textOf(dk, separatorCompany());
    for (const f of splitLines(text, dkLayout())) expect(f).toHaveLength(25);
    expect(result.issues.map((i) => i.code)).toContain('separator-replaced');
  });
});

describe('eFina', () => {
  const sectionsOf = (text: string) =>
    splitLines(text, efinaLayout('invoice')).map((f) => ({ section: efinaSectionOf(f), f }));

  it('starts every line with its tag; <LASKU> has 71 fields, <LASKURIVI> 11, <DIM1>/<DIM2> 4', () => {
    const widths = { invoice: 72, line: 12, dim1: 5, dim2: 5 };
    for (const { section, f } of sectionsOf(textOf(efina).text)) {
      expect(f[0]).toBe(SECTION_TAGS[section]);
      expect(f).toHaveLength(widths[section]);
    }
  });

  it('groups each invoice: <LASKU>, its lines, then <DIM1> (department) and <DIM2> (project) with 100,00', () => {
    const data = testCompany();
    const rows = sectionsOf(textOf(efina, data).text);
    const heads = rows.filter((r) => r.section === 'invoice');
    expect(heads.map((r) => r.f[1])).toEqual(data.invoices.map((i) => i.number));
    const order = rows.map((r) => r.section).join(' ');
    expect(order.startsWith('invoice line dim1 dim2 invoice')).toBe(true);
    for (const r of rows.filter((x) => x.section === 'dim1' || x.section === 'dim2')) expect(r.f[3]).toBe('100,00');
    // The DIM total is the invoice's total incl. VAT (LASKU field 41).
    const first = heads[0]!.f;
    expect(rows[2]!.f[4]).toBe(first[41]);
    expect([first[37], first[38]]).toEqual(['20261102', '20261116']);
    expect(first[59]).toBe('0');
  });

  it('sums the lines to the invoice total ex. VAT (quantity × unit price, `,` decimals)', () => {
    const data = testCompany();
    const rows = sectionsOf(textOf(efina, data).text);
    let current: { net: number; lines: number } | undefined;
    const checks: { net: number; lines: number }[] = [];
    for (const r of rows) {
      if (r.section === 'invoice') {
        current = { net: minorOf(r.f[42]!, ','), lines: 0 };
        checks.push(current);
      } else if (r.section === 'line') current!.lines += Number(r.f[6]!.replace(',', '.')) * minorOf(r.f[7]!, ',');
    }
    // Invoice 1001 (no discounts): exact.
    expect(checks[0]!.lines).toBe(checks[0]!.net);
  });
});

describe('InfoEasy', () => {
  it('has a sound 199-character layout of 16 fields', () => {
    expect(checkFixedWidthLayout(infoEasyLayout())).toEqual([]);
    expect(infoEasyLayout().fields).toHaveLength(16);
  });

  const recordsOf = (text: string) => text.split('\r\n').filter(Boolean);
  const amountOf = (record: string) => minorOf(record.slice(102, 114).trim());

  it('writes 199-character records: a debit record (customer no., 33H/30H) and a 30R record per line', () => {
    const data = testCompany();
    const records = recordsOf(textOf(infoEasy, data, { exchangeRates: EXCHANGE_RATES }).text);
    for (const r of records) expect(r).toHaveLength(RECORD_LENGTH);
    const debits = records.filter((r) => r.slice(46, 50).trim() !== VAT_CODES.credit);
    expect(debits).toHaveLength(data.invoices.length);
    expect(debits[0]!.slice(6, 12)).toBe('202611');
    expect(debits[0]!.slice(12, 21)).toBe('000001001');
    expect(debits[0]!.slice(50, 56)).toBe('010001');
    // Field_11 and Field_13 carry the same amount.
    for (const r of records) expect(r.slice(129, 141)).toBe(r.slice(102, 114));
    // Invoice 1004 has no VAT: 30H.
    expect(
      debits
        .find((r) => r.slice(12, 21) === '000001004')!
        .slice(46, 50)
        .trim(),
    ).toBe(VAT_CODES.debitWithoutVat);
  });

  it('every voucher sums to zero (property over invoice sets)', () => {
    fc.assert(
      fc.property(
        fc.subarray(
          testCompany().invoices.map((i) => i.number),
          { minLength: 1 },
        ),
        (numbers) => {
          const data = testCompany();
          data.invoices = data.invoices.filter((i) => numbers.includes(i.number));
          const records = recordsOf(textOf(infoEasy, data, { exchangeRates: EXCHANGE_RATES }).text);
          const sums = new Map<string, number>();
          for (const r of records) sums.set(r.slice(12, 21), (sums.get(r.slice(12, 21)) ?? 0) + amountOf(r));
          expect(sums.size).toBe(numbers.length);
          for (const sum of sums.values()) expect(sum).toBe(0);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('is copyable into a layout template with the same fields', () => {
    const copy = copyableLayouts().find((c) => c.formatId === 'infoeasy')!;
    expect(copy.kind).toBe('fixed-width');
    expect(copy.layout).toEqual(infoEasyLayout());
  });
});

describe('Duett (GBAT10 add-on)', () => {
  it('writes the Mamut GBAT10 file with the voucher codes Moment names (1 invoices, 3 credit notes)', () => {
    const settings = { exchangeRates: EXCHANGE_RATES };
    const duett = textOf(duettGbat10, testCompany(), settings).text;
    expect(duett).toBe(textOf(gbat10, testCompany(), settings).text);
    expect(getFormat('duett-gbat10')!.settings.find((s) => s.key === 'creditVoucherType')!.default).toBe(3);
    expect(getFormat('duett-gbat10')!.settings.find((s) => s.key === 'invoiceVoucherType')!.default).toBe(1);
  });
});

describe('Uni Micro (Uni Standard)', () => {
  const settings = { exchangeRates: EXCHANGE_RATES, voucherRecordType: '99' };

  it('writes the customers as RECTYPE 30 records of 23 fields (Importsentral order), then the voucher lines', () => {
    const data = testCompany();
    const { text } = textOf(uniMicro, data, settings);
    const layouts = uniMicroLayouts();
    const lines = splitLines(text, layouts.vouchers);
    const customers = lines.filter((f) => f[0] === '30');
    expect(customers.map((f) => f[1])).toEqual([...new Set(data.invoices.map((i) => i.customerNumber))]);
    for (const f of customers) expect(f).toHaveLength(23);
    const first = data.customers.find((c) => c.number === customers[0]![1])!;
    expect([customers[0]![2], customers[0]![5], customers[0]![6], customers[0]![9]]).toEqual([
      first.name,
      first.postalCode,
      first.city,
      String(first.paymentTermsDays),
    ]);
    expect(lines.indexOf(customers.at(-1)!)).toBe(customers.length - 1);
    const vouchers = lines.slice(customers.length);
    for (const f of vouchers) expect(f).toHaveLength(layouts.vouchers.columns.length);
    expect(vouchers.every((f) => f[0] === '99')).toBe(true);
  });

  it('balances every voucher, the customer line on the customer number', () => {
    const lines = splitLines(textOf(uniMicro, testCompany(), settings).text, uniMicroLayouts().vouchers).filter(
      (f) => f[0] !== '30',
    );
    const sums = new Map<string, number>();
    for (const f of lines) sums.set(f[1]!, (sums.get(f[1]!) ?? 0) + minorOf(f[5]!));
    for (const sum of sums.values()) expect(sum).toBe(0);
    expect(lines[0]![3]).toBe(testCompany().invoices[0]!.customerNumber);
  });

  it('refuses to run without the voucher RECTYPE, which Uni Micro does not publish', () => {
    const issues = uniMicro.preflight(testCompany(), { exchangeRates: EXCHANGE_RATES }, GOLDEN_CONTEXT);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'invalid-setting', field: 'voucherRecordType' }));
    expect(getFormat('uni-micro')!.settings.find((s) => s.key === 'voucherRecordType')!.default).toBe('');
  });
});

describe('the issue 17 invoice formats', () => {
  const settings: Record<string, FormatSettings> = {
    dk: {},
    efina: {},
    infoeasy: { exchangeRates: EXCHANGE_RATES },
    'duett-gbat10': { exchangeRates: EXCHANGE_RATES },
    'uni-micro': { exchangeRates: EXCHANGE_RATES, voucherRecordType: '99' },
  };

  it('pass the test company without errors', () => {
    for (const [id, s] of Object.entries(settings))
      expect(
        formatOf(id)!
          .preflight(testCompany(), s, GOLDEN_CONTEXT)
          .filter((i) => i.severity === 'error'),
        id,
      ).toEqual([]);
  });

  it('report an invoice without number, an unknown customer and an unknown VAT code, and write no file', () => {
    const data = testCompany();
    data.invoices[0]!.number = '';
    data.invoices[1]!.customerNumber = '99999';
    data.invoices[2]!.lines[0]!.vatCode = 'X';
    for (const [id, s] of Object.entries(settings)) {
      const format = formatOf(id)!;
      expect(
        format.preflight(data, s, GOLDEN_CONTEXT).map((i) => i.code),
        id,
      ).toEqual(expect.arrayContaining(['missing-invoice-number', 'unknown-customer', 'unknown-vat-code']));
      expect(format.generate(data, s, GOLDEN_CONTEXT).files, id).toEqual([]);
    }
  });
});
