/**
 * VAT by the book (issue 14, item 7; docs/decisions/0001): per rate, the VAT is the rounded product
 * of the rate's net total (EHF/PEPPOL BR-CO-17); the line shares sum to it exactly; the old per-line
 * rule stays available as a company setting and gives exactly the old numbers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  amountRules,
  invoiceAmounts,
  vatRateLookup,
  vatRoundingOf,
  type AmountRules,
} from '../../../src/core/domain/invoice-amounts.ts';
import { lineNetAmount, vatAmount, vatSharedOut } from '../../../src/core/domain/money.ts';
import type { Invoice, InvoiceLine, VatCode } from '../../../src/core/domain/types.ts';

const VAT_CODES: VatCode[] = [
  { code: '3', ratePercent: 25, description: '', accountNumber: '2700', standardTaxCode: '3' },
  { code: '31', ratePercent: 15, description: '', accountNumber: '2701', standardTaxCode: '31' },
  { code: '33', ratePercent: 12, description: '', accountNumber: '2702', standardTaxCode: '33' },
  // Same rate as 3, another code: both fall in the 25 % group.
  { code: '3B', ratePercent: 25, description: '', accountNumber: '2709', standardTaxCode: '3' },
  { code: '11', ratePercent: 11.11, description: '', accountNumber: '2703', standardTaxCode: '11' },
  { code: '5', ratePercent: 0, description: '', accountNumber: '', standardTaxCode: '5' },
];

const lineArb: fc.Arbitrary<InvoiceLine> = fc.record({
  description: fc.constant('x'),
  productCode: fc.constant(''),
  quantity: fc.integer({ min: -2000, max: 100000 }).map((n) => n / 1000),
  unitPrice: fc.integer({ min: -500000, max: 5000000 }),
  discountPercent: fc.constantFrom(0, 10, 12.5, 33.33),
  accountNumber: fc.constant('3000'),
  vatCode: fc.constantFrom('3', '31', '33', '3B', '11', '5', 'unknown'),
  departmentNumber: fc.constant(''),
  projectNumber: fc.constant(''),
});

function invoiceOf(type: Invoice['type'], lines: InvoiceLine[]): Invoice {
  return {
    id: 'p1',
    number: '1',
    type,
    creditedInvoiceNumber: '',
    customerNumber: '1',
    projectNumber: '',
    issueDate: '2026-03-01',
    dueDate: '2026-03-15',
    currency: 'NOK',
    kid: '',
    orderReference: '',
    status: 'finalized',
    finalizedAt: '',
    exportStatus: 'to-transfer',
    factoringStatus: 'to-transfer',
    lines,
  };
}

const invoiceArb: fc.Arbitrary<Invoice> = fc
  .record({ type: fc.constantFrom('invoice' as const, 'credit' as const), lines: fc.array(lineArb, { maxLength: 9 }) })
  .map(({ type, lines }) => invoiceOf(type, lines));

const rules = (vatRounding: 'per-rate' | 'per-line'): AmountRules => ({
  rateOf: vatRateLookup(VAT_CODES),
  vatRounding,
});
const PER_RATE = rules('per-rate');
const PER_LINE = rules('per-line');

/** The rate as an exact fraction from its decimal text (an independent route from money.ts's scaling). */
function rateFraction(ratePercent: number): [bigint, bigint] {
  const [whole = '0', fraction = ''] = String(ratePercent).split('.');
  return [BigInt(whole + fraction), 100n * 10n ** BigInt(fraction.length)];
}

/** net × rate rounded half away from zero, computed with plain BigInt arithmetic. */
function roundedProduct(net: number, ratePercent: number): number {
  const [numerator, denominator] = rateFraction(ratePercent);
  const exact = BigInt(net) * numerator;
  const abs = exact < 0n ? -exact : exact;
  let q = abs / denominator;
  if ((abs % denominator) * 2n >= denominator) q += 1n;
  return Number(exact < 0n ? -q : q) + 0;
}

/** The rule before issue 14 item 7, as it was written: VAT rounded per line, then summed. */
function oldInvoiceAmounts(invoice: Invoice) {
  const sign = invoice.type === 'credit' ? -1 : 1;
  const rateOf = vatRateLookup(VAT_CODES);
  const lines = invoice.lines.map((line) => {
    const ratePercent = rateOf(line.vatCode) ?? 0;
    const net = sign * lineNetAmount(line.quantity, line.unitPrice, line.discountPercent);
    const vat = vatAmount(net, ratePercent);
    return { net: net + 0, vat: vat + 0, gross: net + vat + 0, ratePercent };
  });
  let net = 0;
  let vat = 0;
  for (const l of lines) {
    net += l.net;
    vat += l.vat;
  }
  return { net, vat, gross: net + vat, lines };
}

describe('invoice VAT per rate (property)', () => {
  it('the VAT of each rate is the rounded product of that rate’s net total', () => {
    fc.assert(
      fc.property(invoiceArb, (invoice) => {
        const amounts = invoiceAmounts(invoice, PER_RATE);
        const seen = new Set<number>();
        for (const rate of amounts.rates) {
          expect(seen.has(rate.ratePercent)).toBe(false);
          seen.add(rate.ratePercent);
          const net = amounts.lines.filter((l) => l.ratePercent === rate.ratePercent).reduce((s, l) => s + l.net, 0);
          expect(rate.net).toBe(net);
          expect(rate.vat).toBe(roundedProduct(rate.net, rate.ratePercent));
        }
        expect(amounts.vat).toBe(amounts.rates.reduce((s, r) => s + r.vat, 0));
        expect(amounts.net).toBe(amounts.rates.reduce((s, r) => s + r.net, 0));
        expect(amounts.gross).toBe(amounts.net + amounts.vat);
      }),
      { numRuns: 500 },
    );
  });

  it('the line shares sum to the VAT of their rate, each within one øre of its exact VAT', () => {
    fc.assert(
      fc.property(invoiceArb, (invoice) => {
        const amounts = invoiceAmounts(invoice, PER_RATE);
        for (const rate of amounts.rates) {
          const lines = amounts.lines.filter((l) => l.ratePercent === rate.ratePercent);
          expect(lines.reduce((s, l) => s + l.vat, 0)).toBe(rate.vat);
          for (const l of lines) {
            const [numerator, denominator] = rateFraction(l.ratePercent);
            const exact = Number(BigInt(l.net) * numerator) / Number(denominator);
            expect(Math.abs(l.vat - exact)).toBeLessThan(1);
            expect(l.gross).toBe(l.net + l.vat);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a credit note is the exact negative of the same lines as an invoice, shares included', () => {
    fc.assert(
      fc.property(invoiceArb, fc.constantFrom(PER_RATE, PER_LINE), (invoice, r) => {
        const asInvoice = invoiceAmounts({ ...invoice, type: 'invoice' }, r);
        const asCredit = invoiceAmounts({ ...invoice, type: 'credit' }, r);
        const negate = (n: number) => -n + 0;
        expect(asCredit.lines.map((l) => l.vat)).toEqual(asInvoice.lines.map((l) => negate(l.vat)));
        expect(asCredit.rates.map((x) => [x.net, x.vat])).toEqual(
          asInvoice.rates.map((x) => [negate(x.net), negate(x.vat)]),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('per-line mode reproduces the old numbers exactly', () => {
    fc.assert(
      fc.property(invoiceArb, (invoice) => {
        const { rates, ...amounts } = invoiceAmounts(invoice, PER_LINE);
        expect(amounts).toEqual(oldInvoiceAmounts(invoice));
        for (const rate of rates)
          expect(rate.vat).toBe(
            amounts.lines.filter((l) => l.ratePercent === rate.ratePercent).reduce((s, l) => s + l.vat, 0),
          );
      }),
      { numRuns: 500 },
    );
  });
});

describe('invoice VAT per rate (examples)', () => {
  // Demo invoice 10190 (25 %): per line 10153.13 + 17705.63 + 17034.69 = 44893.45; per rate 179573.75 × 25 % = 44893.4375.
  const lines = [406125, 708225, 681387.5].map((cents) => ({
    description: '',
    productCode: '',
    quantity: cents / 100,
    unitPrice: 1000,
    discountPercent: 0,
    accountNumber: '3000',
    vatCode: '3',
    departmentNumber: '',
    projectNumber: '',
  }));
  const invoice = invoiceOf('invoice', lines);

  it('rounds once per rate and shares the total out by the largest remainder', () => {
    const amounts = invoiceAmounts(invoice, PER_RATE);
    expect(amounts.lines.map((l) => l.net)).toEqual([4061250, 7082250, 6813875]);
    expect(amounts.rates).toEqual([{ ratePercent: 25, vatCodes: ['3'], net: 17957375, vat: 4489344 }]);
    // Exact 1015312.5, 1770562.5, 1703468.75: the floors sum to 4489342; of the two øre left, one goes
    // to the largest remainder (.75, the third line), one to the first of the tied .5 (the first line).
    expect(amounts.lines.map((l) => l.vat)).toEqual([1015313, 1770562, 1703469]);
    expect(invoiceAmounts(invoice, PER_LINE).vat).toBe(4489345);
  });

  it('breaks ties by line order', () => {
    // Three lines of 0.02 at 25 %: exact 0.5 øre each, 1.5 øre in all → 2 øre, to the first two lines.
    expect(vatSharedOut([2, 2, 2], 25)).toEqual({ vat: 2, shares: [1, 1, 0] });
    expect(vatSharedOut([], 25)).toEqual({ vat: 0, shares: [] });
  });

  it('groups codes of the same rate and keeps the order in which rates first appear', () => {
    const mixed = {
      ...invoice,
      lines: [
        { ...lines[0]!, vatCode: '31' },
        { ...lines[1]!, vatCode: '3' },
        { ...lines[2]!, vatCode: '3B' },
      ],
    };
    expect(invoiceAmounts(mixed, PER_RATE).rates.map((r) => [r.ratePercent, r.vatCodes])).toEqual([
      [15, ['31']],
      [25, ['3', '3B']],
    ]);
  });

  it('reads the setting from the company, absent meaning by the book', () => {
    expect(vatRoundingOf({})).toBe('per-rate');
    expect(amountRules({ company: { vatRounding: 'per-line' }, vatCodes: VAT_CODES }).vatRounding).toBe('per-line');
  });
});
