import { describe, expect, it } from 'vitest';
import { checkNextNumber, highestNumber, takeNextNumber } from '../../../src/core/domain/invoice-numbering.ts';

describe('the invoice number series', () => {
  it('without a series numbers as before: one above the highest in use, 10001 for the first', () => {
    expect(takeNextNumber(undefined, [])).toMatchObject({ ok: true, number: '10001', series: { nextNumber: '10002' } });
    expect(takeNextNumber(undefined, ['10005', '', 'X-9', '9'])).toMatchObject({ ok: true, number: '10006' });
  });

  it('gives the series number and advances it; a number in use is never given again', () => {
    const series = { nextNumber: '5001', kid: null };
    expect(takeNextNumber(series, [])).toEqual({ ok: true, number: '5001', series: { nextNumber: '5002', kid: null } });
    expect(takeNextNumber(series, ['5001'])).toEqual({
      ok: false,
      problem: { code: 'number-used', params: { value: '5001', last: '5001' } },
    });
  });

  it('Settings: any start before the first invoice; afterwards only the number right after the last', () => {
    expect(checkNextNumber('5001', [], undefined)).toBeNull();
    expect(checkNextNumber('12a', [], undefined)?.code).toBe('number-not-digits');
    expect(checkNextNumber('0', [], undefined)?.code).toBe('number-not-digits');
    expect(checkNextNumber('10195', ['10193', '10194'], undefined)).toBeNull();
    expect(checkNextNumber('10194', ['10193', '10194'], undefined)).toEqual({
      code: 'number-used',
      params: { value: '10194', last: '10194' },
    });
    expect(checkNextNumber('10200', ['10194'], undefined)).toEqual({
      code: 'number-gap',
      params: { value: '10200', expected: '10195' },
    });
    // A number the series gave and an import's Undo removed still counts as given.
    expect(checkNextNumber('10195', ['10194'], { nextNumber: '10197', kid: null })?.code).toBe('number-used');
  });

  it('compares numbers as whole numbers', () => {
    expect(highestNumber(['9', '10', 'A11', ''])).toBe(10n);
    expect(highestNumber([])).toBeNull();
  });
});
