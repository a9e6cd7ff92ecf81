import { describe, expect, it } from 'vitest';
import { lineRowFields } from '../../../src/core/templates/line-row-fields.ts';
import { invoiceLineRows } from '../../../src/core/ledger/invoice-lines.ts';
import { getFieldValue } from '../../../src/core/formats/builders/field-format.ts';
import { testCompany } from '../../fixtures/test-company.ts';

describe('field reference of one-line-per-invoice-line layouts', () => {
  it('documents only paths that the invoice-line rows have', () => {
    // layoutRows (src/core/templates/layout.ts) adds `record`, the Invoices row of each line.
    const rows = invoiceLineRows(testCompany()).map((row) => ({ ...row, record: {} }));
    expect(rows.length).toBeGreaterThan(0);
    for (const field of lineRowFields()) {
      const present = rows.some((row) => getFieldValue(row, field.path) !== undefined);
      expect(present, field.path).toBe(true);
    }
  });
});
