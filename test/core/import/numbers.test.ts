import { describe, expect, it } from 'vitest';
import {
  detectNumberFormat,
  parseDecimal,
  parseMoney,
  parseNumber,
  type NumberFormat,
} from '../../../src/core/import/numbers.ts';

const COMMA: NumberFormat = { decimal: ',', thousands: '.' };
const COMMA_SPACE: NumberFormat = { decimal: ',', thousands: ' ' };
const POINT: NumberFormat = { decimal: '.', thousands: ',' };
const POINT_APOS: NumberFormat = { decimal: '.', thousands: "'" };
const UNDECIDED: NumberFormat = { decimal: null, thousands: '' };

describe('parseNumber', () => {
  it.each<[string, NumberFormat, number]>([
    ['-3.000', COMMA, -3000],
    ['-3.000', POINT, -3],
    ['-3,000', POINT, -3000],
    ['-3,000', COMMA, -3],
    ['(1 234,50)', COMMA_SPACE, -1234.5],
    ['1 234,50-', COMMA_SPACE, -1234.5],
    ['1\u00a0234,50', COMMA_SPACE, 1234.5],
    ['1\u202f234\u202f567,5', COMMA_SPACE, 1234567.5],
    ["1'234.50", POINT_APOS, 1234.5],
    ['1.000', COMMA, 1000],
    ['1.000', POINT, 1],
    ['1,000', POINT, 1000],
    ['1.234.567,89', COMMA, 1234567.89],
    ['1,234,567.89', POINT, 1234567.89],
    ['−42,5', COMMA, -42.5],
    ['+7', POINT, 7],
    ['kr 1 250,00', COMMA_SPACE, 1250],
    ['45,00 €', COMMA, 45],
    ['0', POINT, 0],
    ['-0', POINT, 0],
    ['.5', POINT, 0.5],
    // Unambiguous without a chosen separator:
    ['12,50', UNDECIDED, 12.5],
    ['1.5', UNDECIDED, 1.5],
    ['0.500', UNDECIDED, 0.5],
    ['1234.567', UNDECIDED, 1234.567],
    ['1.234.567', UNDECIDED, 1234567],
    ['1,234.50', UNDECIDED, 1234.5],
    ['1.234,50', UNDECIDED, 1234.5],
    ['(1 234,50)', UNDECIDED, -1234.5],
    ['1 234,50-', UNDECIDED, -1234.5],
    ["1'234.50", UNDECIDED, 1234.5],
  ])('%s with %j is %d', (text, format, expected) => {
    expect(parseNumber(text, format)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, NumberFormat, string]>([
    [
      '1.000',
      UNDECIDED,
      '"1.000" is ambiguous: 1000 if "." separates thousands, 1.000 as a decimal number; choose the decimal separator',
    ],
    [
      '1,000',
      UNDECIDED,
      '"1,000" is ambiguous: 1000 if "," separates thousands, 1,000 as a decimal number; choose the decimal separator',
    ],
    [
      '-3.000',
      UNDECIDED,
      '"-3.000" is ambiguous: 3000 if "." separates thousands, 3.000 as a decimal number; choose the decimal separator',
    ],
    [
      '-3.000',
      { decimal: ',', thousands: '' },
      '"-3.000" contains ".", which is neither the decimal separator (",") nor the thousands separator',
    ],
    [
      '1 234,50',
      POINT,
      '"1 234,50" does not fit the decimal separator ".": "," is followed by 2 digit(s), so it cannot separate thousands',
    ],
    [
      '12.5',
      COMMA,
      '"12.5" does not fit the decimal separator ",": "." is followed by 1 digit(s), so it cannot separate thousands',
    ],
    [
      '1,2,3',
      POINT,
      '"1,2,3" does not fit the decimal separator ".": "," is followed by 1 digit(s), so it cannot separate thousands',
    ],
    ['1 23', POINT, '"1 23" is not a number (digit groups after a thousands separator must have 3 digits)'],
    [
      '1.2.3',
      COMMA,
      '"1.2.3" does not fit the decimal separator ",": "." is followed by 1 digit(s), so it cannot separate thousands',
    ],
    ['12a', POINT, '"12a" is not a number (unexpected "a")'],
    ['(5)-', POINT, '"(5)-" is not a number (unexpected "(")'],
    ['-', POINT, '"-" is not a number'],
    ['', POINT, 'empty value'],
  ])('%s with %j is an error', (text, format, reason) => {
    expect(parseNumber(text, format)).toMatchObject({ ok: false, reason });
  });
});

describe('parseMoney gives exact minor units', () => {
  it.each<[string, NumberFormat, number, number]>([
    ['1 234,50', COMMA_SPACE, 2, 123450],
    ['(1 234,50)', COMMA_SPACE, 2, -123450],
    ['0.1', POINT, 2, 10],
    ['0.29', POINT, 2, 29],
    ['1.005,00', COMMA, 2, 100500],
    ['90071992547409.91', POINT, 2, 9007199254740991],
    ['1500', POINT, 0, 1500],
    ['12.500', { decimal: '.', thousands: '' }, 2, 1250],
  ])('%s with %j and %d decimals is %d', (text, format, decimals, minor) => {
    expect(parseMoney(text, format, decimals)).toEqual({ ok: true, value: minor });
  });

  it('refuses more decimals than the currency has instead of rounding', () => {
    expect(parseMoney('12.345', { decimal: '.', thousands: '' }, 2)).toMatchObject({
      ok: false,
      reason: '"12.345" has 3 decimals; the currency has 2',
    });
    expect(parseMoney('100.5', POINT, 0)).toMatchObject({
      ok: false,
      reason: '"100.5" has 1 decimals; the currency has 0',
    });
    expect(parseMoney('90071992547409.92', POINT, 2)).toMatchObject({
      ok: false,
      reason: '"90071992547409.92" is too large',
    });
  });

  it('parseDecimal limits decimals', () => {
    expect(parseDecimal('7,25', COMMA, 4)).toEqual({ ok: true, value: 7.25 });
    expect(parseDecimal('7,123456', COMMA, 4)).toMatchObject({
      ok: false,
      reason: '"7,123456" has 6 decimals; at most 4 are allowed',
    });
    expect(parseDecimal('14', COMMA, 0)).toEqual({ ok: true, value: 14 });
  });
});

describe('detectNumberFormat', () => {
  it.each<[string[], { decimal: string | null; thousands: string; ambiguous: boolean }]>([
    [['1 234,50', '12,00', '3'], { decimal: ',', thousands: ' ', ambiguous: false }],
    [['1.234,50', '1.000'], { decimal: ',', thousands: '.', ambiguous: false }],
    [['1,234.50', '7.5'], { decimal: '.', thousands: ',', ambiguous: false }],
    [["1'234.50"], { decimal: '.', thousands: "'", ambiguous: false }],
    [['1.000', '2.500'], { decimal: null, thousands: '', ambiguous: true }],
    [['1', '2', '300'], { decimal: null, thousands: '', ambiguous: false }],
  ])('%j', (values, expected) => {
    expect(detectNumberFormat(values)).toMatchObject(expected);
  });

  it('reports the ambiguity with examples and a reason', () => {
    const guess = detectNumberFormat(['1.000', '', '2.500', '17']);
    expect(guess.ambiguousExamples).toEqual(['1.000', '2.500']);
    expect(guess.reason).toBe(
      'Values such as "1.000" read differently with "." or "," as decimal separator; choose one.',
    );
  });

  it('lists values that contradict the guess', () => {
    const guess = detectNumberFormat(['12,50', '13,75', '7.5', 'abc']);
    expect(guess.decimal).toBe(',');
    expect(guess.conflicts).toEqual(['abc', '7.5']);
  });
});
