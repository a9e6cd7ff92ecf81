/** The text rules and the number limits of the shared rule set (issue 16): forms and the importer agree. */
import { describe, expect, it } from 'vitest';
import {
  checkRecordText,
  checkText,
  keyOf,
  normalizeText,
  validateInvoice,
  validateRegisterRecord,
  validateTimeRecord,
  validateClaim,
} from '../../../src/core/validation/index.ts';
import { MAX_AMOUNT, maxTextLength } from '../../../src/core/domain/limits.ts';
import { smallCompany } from '../../helpers/small-company.ts';

const codes = (problems: { code: string; severity: string }[]) => problems.map((p) => `${p.severity}:${p.code}`);

describe('text rules', () => {
  it.each([
    ['NUL', 'Fjord\u0000AS', ['error:text-control-character']],
    ['escape', '\u001b[31mRød', ['error:text-control-character']],
    ['DEL', 'a\u007fb', ['error:text-control-character']],
    ['C1 control', 'a\u0081b', ['error:text-control-character']],
    ['replacement character', 'Bj\ufffdrn', ['error:text-replacement-character']],
    ['tab and line breaks are text', 'Linje A\r\nLinje B\tC', []],
    ['a zero-width joiner in a name is text', 'Familie 👨\u200d👩', []],
  ])('%s', (_, value, expected) => {
    expect(codes(checkText('name', value))).toEqual(expected);
  });

  it('limits length by field: keys 100, free text 4000, other text 500', () => {
    expect([maxTextLength('number'), maxTextLength('lines[0].description'), maxTextLength('city')]).toEqual([
      100, 4000, 500,
    ]);
    expect(checkText('city', 'x'.repeat(500))).toEqual([]);
    expect(checkText('city', 'x'.repeat(501))[0]).toMatchObject({
      code: 'text-too-long',
      params: { length: 501, max: 500 },
    });
    expect(checkText('number', '1'.repeat(101))[0]?.code).toBe('text-too-long');
  });

  it('the position of a control character is in the params', () => {
    expect(checkText('name', 'ab\u0000')[0]).toMatchObject({ params: { codePoint: 'U+0000', position: 3 } });
  });

  it('checks the text of lines and items by their path', () => {
    expect(checkRecordText({ name: 'ok', lines: [{ description: 'ok' }, { description: 'x\u0000' }] })).toMatchObject([
      { field: 'lines[1].description', code: 'text-control-character' },
    ]);
  });

  it('normalises to NFC and compares keys without invisible characters', () => {
    expect(normalizeText('A\u030angstro\u0308m')).toBe('Ångström'.normalize('NFC'));
    expect(normalizeText('plain')).toBe('plain');
    for (const lookalike of ['10\u200b', '\u200d10', '1\u20600', '\ufeff10', '10\u00ad', ' 10 ', '\u200e10'])
      expect(keyOf(lookalike)).toBe('10');
    expect(keyOf(null)).toBe('');
  });
});

describe('the forms catch what the importer catches', () => {
  const master = smallCompany();

  it('a customer number with a zero-width space is the stored customer 10 (duplicate key)', () => {
    expect(codes(validateRegisterRecord('customer', { number: '10\u200b', name: 'Kopi AS' }, master))).toContain(
      'error:duplicate-key',
    );
    expect(
      codes(validateRegisterRecord('customer', { number: '10', name: 'Kunde Én AS' }, master, { originalKey: '10' })),
    ).not.toContain('error:duplicate-key');
  });

  it('a register record with a NUL in its name is refused', () => {
    expect(codes(validateRegisterRecord('project', { number: 'P9', name: 'Pro\u0000sjekt' }, master))).toContain(
      'error:text-control-character',
    );
  });

  it('payment terms beyond a year are refused (2^53 + 1 included)', () => {
    expect(
      codes(
        validateRegisterRecord('customer', { number: '99', name: 'X', paymentTermsDays: 9007199254740992 }, master),
      ),
    ).toContain('error:number-range');
  });

  it('a pay rate whose day would exceed the amount limit is refused', () => {
    const user = { employeeNumber: '7', name: 'X', payRates: { '100': Math.ceil(MAX_AMOUNT / 24) + 1 } };
    expect(codes(validateRegisterRecord('user', user, master))).toContain('error:amount-too-large');
  });
});

describe('derived amounts stay within the limit', () => {
  const line = (quantity: number, unitPrice: number, discountPercent = 0) => ({ quantity, unitPrice, discountPercent });

  it('quantity × unit price beyond MAX_AMOUNT is refused on the line, at the unit price', () => {
    const problems = validateInvoice({ issueDate: '2026-03-01', lines: [line(999_999_999, 9_999_999_999_999)] });
    expect(problems).toMatchObject([{ field: 'lines[0].unitPrice', code: 'amount-too-large' }]);
  });

  it('a line exactly at the limit is fine; a discount can bring a line within it', () => {
    expect(validateInvoice({ lines: [line(1, MAX_AMOUNT)] })).toEqual([]);
    expect(validateInvoice({ lines: [line(2, MAX_AMOUNT, 50)] })).toEqual([]);
    expect(codes(validateInvoice({ lines: [line(2, MAX_AMOUNT, 49)] }))).toEqual(['error:amount-too-large']);
  });

  it('lines within the limit whose total is not are refused as a whole', () => {
    expect(validateInvoice({ lines: [line(1, 600_000_000_000_000), line(1, 600_000_000_000_000)] })).toMatchObject([
      { field: 'lines', code: 'amount-too-large' },
    ]);
  });

  it('hours × rate and hours × pay rate', () => {
    expect(codes(validateTimeRecord({ date: '2026-03-02', hours: 24, rate: 5_000_000_000_000_000 }))).toEqual([
      'error:amount-too-large',
    ]);
    expect(validateTimeRecord({ date: '2026-03-02', hours: 7.5, rate: 100_000, payRate: 50_000 })).toEqual([]);
  });

  it('a claim whose items add up beyond the limit', () => {
    const item = { date: '2026-03-02', amount: 600_000_000_000_000, vatAmount: 0, currency: 'NOK' };
    expect(codes(validateClaim({ date: '2026-03-02', items: [item, item] }))).toEqual(['error:amount-too-large']);
  });
});
