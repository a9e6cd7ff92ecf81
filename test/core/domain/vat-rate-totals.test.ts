import { describe, expect, it } from 'vitest';
import { invoiceAmounts, vatRateLookup } from '../../../src/core/domain/invoice-amounts.ts';
import { emptyLine, newDraft } from '../../../src/core/domain/invoice-draft.ts';
import { vatRateTotals } from '../../../src/core/domain/vat-rate-totals.ts';

describe('totals per VAT rate', () => {
  it('groups the lines by rate, highest first, and the groups add up to the invoice', () => {
    const rules = {
      rateOf: vatRateLookup([
        { code: '3', ratePercent: 25, description: '', accountNumber: '2700', standardTaxCode: '3' },
        { code: '31', ratePercent: 15, description: '', accountNumber: '2701', standardTaxCode: '31' },
      ]),
      vatRounding: 'per-rate' as const,
    };
    const invoice = {
      ...newDraft('x', 'NOK', '2026-12-01'),
      lines: [
        { ...emptyLine('3000', '31'), quantity: 2, unitPrice: 10000 },
        { ...emptyLine('3000', '3'), quantity: 1, unitPrice: 40000 },
        { ...emptyLine('3000', '3'), quantity: 3, unitPrice: 333 },
      ],
    };
    const amounts = invoiceAmounts(invoice, rules);
    const totals = vatRateTotals(amounts);
    expect(totals).toEqual([
      { ratePercent: 25, net: 40999, vat: 10250, gross: 51249 },
      { ratePercent: 15, net: 20000, vat: 3000, gross: 23000 },
    ]);
    expect(totals.reduce((s, t) => s + t.gross, 0)).toBe(amounts.gross);
    expect(vatRateTotals(invoiceAmounts({ ...invoice, type: 'credit' }, rules))[1]).toEqual({
      ratePercent: 15,
      net: -20000,
      vat: -3000,
      gross: -23000,
    });
  });
});
