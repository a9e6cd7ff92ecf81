import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkCreditNote,
  creditableLines,
  lineKey,
  remainingCreditLines,
} from '../../../src/core/domain/credit-notes.ts';
import { emptyLine, newCreditNoteDraft, newDraft } from '../../../src/core/domain/invoice-draft.ts';
import { lineNetAmount } from '../../../src/core/domain/money.ts';
import type { Invoice, InvoiceLine } from '../../../src/core/domain/types.ts';

function invoiceWith(lines: InvoiceLine[]): Invoice {
  return { ...newDraft('inv', 'NOK', '2026-12-01'), number: '10001', status: 'finalized', lines };
}
const line = (quantity: number, unitPrice: number, vatCode = '3'): InvoiceLine => ({
  ...emptyLine('3000', vatCode),
  description: `${quantity} × ${unitPrice}`,
  quantity,
  unitPrice,
});
const credit = (invoice: Invoice, lines: InvoiceLine[], id = 'cn'): Invoice => ({
  ...newCreditNoteDraft(id, invoice, lines, '2026-12-02'),
  status: 'finalized',
});

describe('credit notes', () => {
  it('by default credit every line in full; then nothing remains', () => {
    const invoice = invoiceWith([line(2, 10000), line(1, 5000, '31')]);
    const all = remainingCreditLines(invoice, []);
    expect(all.map((l) => l.quantity)).toEqual([2, 1]);
    expect(checkCreditNote(invoice, [], { lines: all })).toEqual([]);
    expect(remainingCreditLines(invoice, [credit(invoice, all)])).toEqual([]);
  });

  it('refuse more than remains, a line the invoice does not have, and an empty credit note', () => {
    const invoice = invoiceWith([line(2, 10000), line(1, 5000, '31')]);
    const first = credit(invoice, [{ ...invoice.lines[0]!, quantity: 1.5 }]);
    expect(creditableLines(invoice, [first]).map((l) => l.remaining)).toEqual([0.5, 1]);
    expect(checkCreditNote(invoice, [first], { lines: [{ ...invoice.lines[0]!, quantity: 1 }] })).toEqual([
      { code: 'credit-exceeds', params: { line: 1, remaining: 0.5 } },
    ]);
    expect(checkCreditNote(invoice, [first], { lines: [{ ...invoice.lines[0]!, unitPrice: 9000 }] })).toEqual([
      { code: 'credit-line-unknown', params: { line: 1 } },
    ]);
    expect(checkCreditNote(invoice, [], { lines: [{ ...invoice.lines[0]!, quantity: 0 }] })).toEqual([
      { code: 'credit-empty', params: {} },
    ]);
    expect(checkCreditNote({ ...invoice, status: 'draft' }, [], { lines: invoice.lines })[0]?.code).toBe(
      'credit-not-finalized',
    );
  });

  it('refuse the amount that rounding would add: two halves of one øre each round up', () => {
    const invoice = invoiceWith([line(1, 1)]);
    const half = { ...invoice.lines[0]!, quantity: 0.5 };
    expect(checkCreditNote(invoice, [], { lines: [half] })).toEqual([]);
    expect(checkCreditNote(invoice, [credit(invoice, [half])], { lines: [half] })).toEqual([
      { code: 'credit-amount-exceeds', params: { line: 1 } },
    ]);
  });

  it('never credit more than the invoice, whatever credit notes are tried in whatever order', () => {
    const lineArb = fc.record({
      quantity: fc.integer({ min: -20000, max: 200000 }).map((q) => q / 100),
      unitPrice: fc.integer({ min: 0, max: 500000 }),
      discountPercent: fc.constantFrom(0, 10, 12.5),
      vatCode: fc.constantFrom('3', '31', '5'),
    });
    const attempt = fc.array(fc.record({ line: fc.nat(), share: fc.integer({ min: 1, max: 150 }) }), {
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(
        fc.array(lineArb, { minLength: 1, maxLength: 5 }),
        fc.array(attempt, { maxLength: 8 }),
        (raw, tries) => {
          const invoice = invoiceWith(raw.map((r) => ({ ...line(r.quantity, r.unitPrice, r.vatCode), ...r })));
          const accepted: Invoice[] = [];
          tries.forEach((tried, t) => {
            const lines = tried.map(({ line: i, share }) => {
              const source = invoice.lines[i % invoice.lines.length]!;
              return { ...source, quantity: Math.round(source.quantity * share) / 100 };
            });
            if (checkCreditNote(invoice, accepted, { lines }).length === 0)
              accepted.push(credit(invoice, lines, `cn${t}`));
          });
          // Per line kind, quantity and net amount credited stay within what was invoiced.
          const sums = (docs: Invoice[]) => {
            const byKey = new Map<string, { quantity: number; net: number }>();
            for (const doc of docs)
              for (const l of doc.lines) {
                if (l.quantity === 0) continue; // credits nothing (and has no sign to match a line by)
                const sum = byKey.get(lineKey(l)) ?? { quantity: 0, net: 0 };
                sum.quantity += Math.round(Math.abs(l.quantity) * 10000);
                sum.net += Math.abs(lineNetAmount(l.quantity, l.unitPrice, l.discountPercent));
                byKey.set(lineKey(l), sum);
              }
            return byKey;
          };
          const invoiced = sums([invoice]);
          for (const [key, done] of sums(accepted)) {
            expect(done.quantity).toBeLessThanOrEqual(invoiced.get(key)!.quantity);
            expect(done.net).toBeLessThanOrEqual(invoiced.get(key)!.net);
          }
          for (const l of creditableLines(invoice, accepted)) expect(l.remaining).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
