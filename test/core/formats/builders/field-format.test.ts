import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatField,
  formatQuantity,
  formatText,
  getFieldValue,
  type FieldContext,
} from '../../../../src/core/formats/builders/field-format.ts';
import type { ExportIssue } from '../../../../src/core/formats/types.ts';

const ctx = (): FieldContext & { issues: ExportIssue[] } => ({
  record: { kind: 'invoice', key: '1001' },
  field: 'Name',
  issues: [],
});

describe('formatAmount', () => {
  it.each([
    [123456, {}, '1234.56'],
    [-123456, {}, '-1234.56'],
    [123456, { decimalSeparator: ',' }, '1234,56'],
    [123456, { thousandsSeparator: ' ', decimalSeparator: ',' }, '1 234,56'],
    [-123456, { impliedDecimals: true }, '-123456'],
    [-123456, { sign: 'trailing-minus' }, '1234.56-'],
    [-123456, { sign: 'absolute' }, '1234.56'],
    [123456, { sign: 'debit' }, '1234.56'],
    [-123456, { sign: 'debit' }, ''],
    [-123456, { sign: 'credit' }, '1234.56'],
    [123456, { sign: 'credit', zeroAs: '0.00' }, '0.00'],
    [0, { zeroAs: '' }, ''],
    [0, {}, '0.00'],
    [123456, { decimals: 0 }, '1235'],
    [-50, { decimals: 0 }, '-1'],
    [-40, { decimals: 0 }, '0'],
    [123456, { decimals: 3 }, '1234.560'],
  ] as const)('%i with %j → %s', (value, options, expected) => {
    expect(formatAmount(value, { type: 'amount', ...options }, ctx())).toBe(expected);
  });

  it('reports a value that is not minor units', () => {
    const c = ctx();
    expect(formatAmount(12.5, { type: 'amount' }, c)).toBe('');
    expect(c.issues[0]).toMatchObject({
      severity: 'error',
      code: 'not-an-amount',
      record: { kind: 'invoice', key: '1001' },
      field: 'Name',
    });
  });

  it('reports an amount longer than allowed', () => {
    const c = ctx();
    formatAmount(123456789, { type: 'amount', maxLength: 6 }, c);
    expect(c.issues[0]?.code).toBe('too-long');
  });
});

describe('formatText', () => {
  it('cuts with a warning that names record and field', () => {
    const c = ctx();
    expect(formatText('Ærlig Øl & Bær AS', { type: 'text', maxLength: 5, overflow: 'truncate' }, c)).toBe('Ærlig');
    expect(c.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'truncated',
        record: { kind: 'invoice', key: '1001' },
        field: 'Name',
      }),
    ]);
  });

  it('refuses with an error by default', () => {
    const c = ctx();
    expect(formatText('abcdef', { type: 'text', maxLength: 3 }, c)).toBe('abcdef');
    expect(c.issues[0]).toMatchObject({ severity: 'error', code: 'too-long' });
  });

  it('counts characters, not UTF-16 units', () => {
    const c = ctx();
    expect(formatText('😀😀', { type: 'text', maxLength: 2 }, c)).toBe('😀😀');
    expect(c.issues).toEqual([]);
  });

  it('replaces line breaks with a warning', () => {
    const c = ctx();
    expect(formatText('a\r\nb\tc', { type: 'text' }, c)).toBe('a b c');
    expect(c.issues[0]?.code).toBe('line-break-replaced');
  });
});

describe('formatQuantity and others', () => {
  it.each([
    [2.5, {}, '2.5'],
    [0.3333, {}, '0.3333'],
    [10, {}, '10'],
    [-2, {}, '-2'],
    [1.5, { decimals: 2, fixedDecimals: true, decimalSeparator: ',' }, '1,50'],
    [0.12345, { decimals: 4 }, '0.1235'],
  ] as const)('quantity %d %j → %s', (value, options, expected) =>
    expect(formatQuantity(value, { type: 'quantity', ...options }, ctx())).toBe(expected),
  );

  it('formats dates with a pattern and reports bad ones', () => {
    const c = ctx();
    expect(formatField('2026-11-02', { type: 'date', pattern: 'dd/MM/yyyy' }, c)).toBe('02/11/2026');
    expect(formatField('2/11/2026', { type: 'date', pattern: 'yyyyMMdd' }, c)).toBe('');
    expect(c.issues[0]?.code).toBe('not-a-date');
  });

  it('integers', () => {
    const c = ctx();
    expect(formatField(42, { type: 'integer' }, c)).toBe('42');
    expect(formatField('x', { type: 'integer' }, c)).toBe('x');
    expect(c.issues[0]?.code).toBe('not-an-integer');
  });
});

describe('getFieldValue', () => {
  const row = { invoice: { number: '1001', lines: [{ description: 'A' }] }, empty: null };
  it('follows paths and tolerates missing steps', () => {
    expect(getFieldValue(row, 'invoice.number')).toBe('1001');
    expect(getFieldValue(row, 'invoice.lines.0.description')).toBe('A');
    expect(getFieldValue(row, 'invoice.missing.deeper')).toBeUndefined();
    expect(getFieldValue(row, 'empty.x')).toBeUndefined();
  });
});
