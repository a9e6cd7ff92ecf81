import { describe, expect, it } from 'vitest';
import {
  compareInvoiceNumbers,
  finalizeInvoice,
  inNumberRange,
  invoiceDateLimitDate,
  isWaiting,
} from '../../../src/core/export/export-status.ts';
import { smallCompany } from '../../helpers/small-company.ts';

describe('export status rules', () => {
  const draft = { ...smallCompany().invoices[0]!, number: '', status: 'draft' as const, finalizedAt: '' as const };

  it('finalizing sets To transfer', () => {
    const done = finalizeInvoice({ ...draft, exportStatus: 'transferred' }, '10001', '2026-01-15T10:00:00');
    expect(done).toMatchObject({ number: '10001', status: 'finalized', exportStatus: 'to-transfer' });
  });

  it('finalizing keeps Do not transfer chosen while draft', () => {
    expect(
      finalizeInvoice({ ...draft, exportStatus: 'do-not-transfer' }, '10001', '2026-01-15T10:00:00').exportStatus,
    ).toBe('do-not-transfer');
  });

  it.each([
    ['end-of-last-month', '2026-03-15', '2026-02-28'],
    ['end-of-last-month', '2026-01-01', '2025-12-31'],
    ['today', '2026-03-15', '2026-03-15'],
    ['none', '2026-03-15', null],
  ] as const)('date limit %s on %s is %s', (limit, today, expected) => {
    expect(invoiceDateLimitDate(limit, today)).toBe(expected);
  });

  it('only finalized To transfer invoices under the limit wait', () => {
    const invoice = smallCompany().invoices[2]!; // 2026-03-15
    expect(isWaiting(invoice, null)).toBe(true);
    expect(isWaiting(invoice, '2026-03-15')).toBe(true);
    expect(isWaiting(invoice, '2026-03-14')).toBe(false);
    expect(isWaiting({ ...invoice, exportStatus: 'transferred' }, null)).toBe(false);
    expect(isWaiting({ ...invoice, status: 'draft' }, null)).toBe(false);
  });

  it('compares numeric invoice numbers as numbers', () => {
    expect(compareInvoiceNumbers('9', '10')).toBeLessThan(0);
    expect(compareInvoiceNumbers('0010', '10')).toBe(0);
    expect(compareInvoiceNumbers('A-2', 'A-10')).toBeGreaterThan(0);
    expect(inNumberRange('10002', '10002', '10004')).toBe(true);
    expect(inNumberRange('10005', '10002', '10004')).toBe(false);
    expect(inNumberRange('', '1', '99999')).toBe(false);
  });
});
