import { describe, expect, it } from 'vitest';
import {
  detectDateFormats,
  detectDialect,
  detectEncoding,
  detectNumberFormat,
  parseBoolean,
  parseDate,
  parseDecimal,
  parseMoney,
  parseNumber,
  parseProblem,
} from '../../../src/core/import/index.ts';

const COMMA = { decimal: ',', thousands: ' ' } as const;

describe('guesses carry a code and parameters beside their English reason', () => {
  it('encoding', () => {
    const guess = detectEncoding(new Uint8Array([0x41, 0x3b, 0x80, 0x0a]));
    expect(guess).toMatchObject({ code: 'windows-1252-c1', params: { byte: 2, line: 1 } });
    expect(guess.reason).toContain('only Windows-1252');
    expect(detectEncoding(new Uint8Array([0x41]))).toMatchObject({ code: 'ascii', params: {} });
  });

  it('delimiter and header', () => {
    expect(detectDialect('Title\n\nA;B\n1;2\n3;4\n')).toMatchObject({
      code: 'delimiter',
      params: { delimiter: ';', rows: 3, fields: 2, share: 100, skipLines: 2 },
      header: { code: 'typed-column', params: { column: 'A' } },
    });
    expect(detectDialect('')).toMatchObject({ code: 'no-text', header: null });
  });

  it('numbers and dates', () => {
    expect(detectNumberFormat(['1 234,50', 'x'])).toMatchObject({
      code: 'decimal',
      params: { example: '1 234,50', decimal: ',', thousands: ' ', conflicts: 1, conflict: 'x' },
    });
    expect(detectNumberFormat(['1.000'])).toMatchObject({ code: 'ambiguous', params: { example: '1.000' } });
    expect(detectDateFormats(['03.04.2026'])).toMatchObject({ code: 'one-format', params: {} });
    expect(detectDateFormats(['03/04/2026'])).toMatchObject({
      code: 'several-formats',
      params: { example: '03/04/2026' },
    });
  });
});

describe('a failed read keeps its shape, and its coded reason is looked up beside it', () => {
  it.each([
    [parseNumber('12a', COMMA), 'number-unexpected-char', { value: '12a', char: 'a' }],
    [parseNumber('1.000', { decimal: null, thousands: '' }), 'number-ambiguous', { value: '1.000', separator: '.' }],
    [parseMoney('1,234', COMMA, 2), 'money-decimals', { value: '1,234', count: 3, allowed: 2 }],
    [parseDecimal('1,5', COMMA, 0), 'decimal-decimals', { value: '1,5', count: 1, allowed: 0 }],
    [
      parseDate('31.02.2024', 'DD.MM.YYYY'),
      'date-no-day',
      { value: '31.02.2024', format: 'DD.MM.YYYY', month: 2, year: 2024, days: 29 },
    ],
    [parseDate('2024', null), 'date-no-format', { value: '2024' }],
    [parseBoolean('kanskje'), 'boolean', { value: 'kanskje' }],
  ])('%j is %s', (result, problem, params) => {
    if (result.ok) throw new Error('expected a failed read');
    // The English reason for the CLI, the code and parameters for the UI, in the result itself.
    expect(result.reason).not.toBe('');
    expect(parseProblem(result)).toEqual({ problem, params });
  });
});
