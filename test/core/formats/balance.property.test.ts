/**
 * For any invoice set (random lines, VAT rates, fractional quantities, discounts, credit notes,
 * foreign currency, either VAT rounding), every SIE and GBAT10 voucher balances and no format throws; and every
 * amount column of every voucher format sums to zero per voucher (issue 12, item 3: Tripletex's
 * "The net and gross amounts must always balance (sum = 0)"), read back with the format's own
 * split rule, every line having the layout's number of fields.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/core/encoding/text-encoding.ts';
import type { CompanyData, Invoice, InvoiceLine } from '../../../src/core/domain/types.ts';
import { formatOf } from '../../helpers/loaded-formats.ts';
import { testCompanySieSafe } from '../../fixtures/test-company.ts';
import { GOLDEN_CONTEXT, INVOICE_FORMATS } from './golden-cases.ts';
import { readSie, voucherSum } from './sie-reader.ts';
import { DELIMITED_LAYOUTS, minorOf, splitLines } from './delimited-layouts.ts';
import { VOUCHER_FORMATS } from './voucher-columns.ts';

const lineArb: fc.Arbitrary<InvoiceLine> = fc.record({
  description: fc.constantFrom('Konsulent', 'Lisens "Pro"', 'Reise; taxi', 'Kaffe, te', 'Småvarer'),
  productCode: fc.constant(''),
  quantity: fc.integer({ min: 1, max: 100000 }).map((n) => n / 1000),
  unitPrice: fc.integer({ min: -500000, max: 5000000 }),
  discountPercent: fc.constantFrom(0, 0, 10, 12.5, 33.33),
  accountNumber: fc.constantFrom('3000', '3010', '3020', '3100'),
  vatCode: fc.constantFrom('3', '31', '33', '5'),
  departmentNumber: fc.constantFrom('', '20', '30'),
  projectNumber: fc.constantFrom('', 'P100', 'P200'),
});

const invoiceArb = (i: number): fc.Arbitrary<Invoice> =>
  fc
    .record({
      type: fc.constantFrom('invoice' as const, 'credit' as const),
      currency: fc.constantFrom('SEK', 'SEK', 'EUR'),
      lines: fc.array(lineArb, { minLength: 1, maxLength: 6 }),
      day: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ type, currency, lines, day }) => ({
      id: `p${i}`,
      number: String(5000 + i),
      type,
      creditedInvoiceNumber: type === 'credit' ? '1001' : '',
      customerNumber: ['10001', '10002', '10003', '10004'][i % 4]!,
      projectNumber: i % 2 ? 'P100' : '',
      issueDate: `2026-03-${String(day).padStart(2, '0')}`,
      dueDate: '2026-04-30',
      currency,
      kid: '',
      orderReference: '',
      status: 'finalized',
      finalizedAt: '2026-03-29T10:00:00',
      exportStatus: 'to-transfer',
      factoringStatus: 'to-transfer',
      lines,
    }));

const companyArb: fc.Arbitrary<CompanyData> = fc
  .integer({ min: 1, max: 6 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => invoiceArb(i))))
  // Both VAT rounding rules of the company setting (docs/decisions/0001), absent meaning per rate.
  .chain((invoices) =>
    fc.constantFrom(undefined, 'per-rate' as const, 'per-line' as const).map((vatRounding) => {
      const data = { ...testCompanySieSafe(), invoices };
      if (vatRounding) data.company = { ...data.company, vatRounding };
      return data;
    }),
  );

const settings = { exchangeRates: 'EUR=11.4921', ownerCode: 'EKS01' };

describe('vouchers always balance (property)', () => {
  it('SIE 4', () => {
    fc.assert(
      fc.property(companyArb, (data) => {
        const result = formatOf('sie4')!.generate(data, { exchangeRates: settings.exchangeRates }, GOLDEN_CONTEXT);
        expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
        const file = readSie(result.files[0]!.bytes);
        expect(file.computedChecksum).toBe(file.declaredChecksum);
        expect(file.vouchers).toHaveLength(data.invoices.length);
        for (const v of file.vouchers) expect(voucherSum(v)).toBe(0);
      }),
      { numRuns: 150 },
    );
  });

  for (const vatMethod of ['vat-rows', 'gross']) {
    it(`GBAT10 (${vatMethod})`, () => {
      fc.assert(
        fc.property(companyArb, (data) => {
          const result = formatOf('gbat10')!.generate(
            data,
            { exchangeRates: settings.exchangeRates, vatMethod },
            GOLDEN_CONTEXT,
          );
          expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
          const rows = Papa.parse<string[]>(decodeText(result.files[0]!.bytes, 'windows-1252').trimEnd(), {
            delimiter: ';',
          }).data;
          const sums = new Map<string, number>();
          for (const r of rows) {
            const [whole, fraction] = r[8]!.replace('-', '').split('.');
            const minor = (Number(whole) * 100 + Number(fraction)) * (r[8]!.startsWith('-') ? -1 : 1);
            sums.set(r[1]!, (sums.get(r[1]!) ?? 0) + minor);
          }
          expect(sums.size).toBe(data.invoices.length);
          for (const sum of sums.values()) expect(sum).toBe(0);
        }),
        { numRuns: 150 },
      );
    });
  }

  for (const v of VOUCHER_FORMATS) {
    it(`${v.id} ${JSON.stringify(v.settings)}: every amount column sums to zero per voucher`, () => {
      const format = formatOf(v.id)!;
      const layouts = DELIMITED_LAYOUTS[v.id]!;
      fc.assert(
        fc.property(companyArb, (data) => {
          const result = format.generate(data, { ...settings, ...v.settings }, GOLDEN_CONTEXT);
          expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
          const lines = splitLines(decodeText(result.files[0]!.bytes, format.defaultEncoding), layouts.all[0]!);
          const sums = new Map<string, number[]>();
          for (const fields of lines.slice(v.header ? 1 : 0)) {
            expect(fields).toHaveLength(layouts.layoutOf(fields, result.files[0]!.name).columns.length);
            const row = v.columns(fields);
            if (!row) continue;
            const sum = sums.get(row.voucher) ?? row.amounts.map(() => 0);
            sums.set(
              row.voucher,
              sum.map((s, i) => s + row.amounts[i]!),
            );
          }
          expect(sums.size).toBe(data.invoices.length);
          for (const [voucher, sum] of sums)
            expect(
              sum.every((s) => s === 0),
              `${voucher}: ${sum.join(', ')}`,
            ).toBe(true);
        }),
        { numRuns: 60 },
      );
    });
  }

  // Visma Business: @WaVo rows split on spaces outside quotes; Am (5) and CurAm (14), debit when DbAcNo (4) is not 0.
  it('visma-business: Am and CurAm balance per voucher', () => {
    const format = formatOf('visma-business')!;
    fc.assert(
      fc.property(companyArb, (data) => {
        const result = format.generate(data, { ...settings, projectField: 'R7' }, GOLDEN_CONTEXT);
        expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
        const text = decodeText(result.files[0]!.bytes, 'windows-1252');
        const section = text.split('\r\n@WaVo(')[1]!.split('\r\n@FIRM_END')[0]!;
        const [heading, ...rows] = section.split('\r\n');
        const fields = heading!.replace(/\)$/, '').split(',');
        const sums = new Map<string, number[]>();
        for (const line of rows) {
          const f = line.match(/"[^"]*"|\S+/g)!;
          expect(f).toHaveLength(fields.length);
          const sign = f[4] !== '0' ? 1 : -1;
          const sum = sums.get(f[0]!) ?? [0, 0];
          sums.set(f[0]!, [sum[0]! + sign * minorOf(f[5]!), sum[1]! + sign * minorOf(f[14]!)]);
        }
        expect(sums.size).toBe(data.invoices.length);
        for (const [voucher, sum] of sums) expect(sum, voucher).toEqual([0, 0]);
      }),
      { numRuns: 60 },
    );
  });

  it('no format throws, whatever the data', () => {
    fc.assert(
      fc.property(companyArb, fc.boolean(), (data, breakIt) => {
        if (breakIt) {
          data.invoices[0]!.number = '';
          data.invoices[0]!.customerNumber = 'missing';
          data.invoices[0]!.lines[0]!.vatCode = '??';
        }
        for (const f of INVOICE_FORMATS()) {
          const result = f.generate(data, settings, GOLDEN_CONTEXT);
          if (breakIt) expect(result.files, f.id).toEqual([]);
        }
      }),
      { numRuns: 60 },
    );
  });
});
