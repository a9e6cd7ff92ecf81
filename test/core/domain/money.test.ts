import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  divideRounded,
  formatMinor,
  hoursAmount,
  lineNetAmount,
  parseMinor,
  toScaled,
  vatAmount,
} from '../../../src/core/domain/money.ts';

describe('divideRounded (half away from zero)', () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [4n, 3n, 1n],
    [-4n, 3n, -1n],
    [7n, -2n, -4n],
    [0n, 7n, 0n],
    [1n, 2n, 1n],
    [-1n, 2n, -1n],
  ])('%d / %d = %d', (n, d, expected) => {
    expect(divideRounded(n, d)).toBe(expected);
  });

  it('rejects division by zero', () => {
    expect(() => divideRounded(1n, 0n)).toThrow(RangeError);
  });

  it('is never more than half a unit away from the exact quotient', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        (n, d) => {
          const q = divideRounded(n, d);
          const diff = q * d - n; // exact: q - n/d = diff/d
          expect(2n * (diff < 0n ? -diff : diff) <= d).toBe(true);
          // symmetry: rounding is odd
          expect(divideRounded(-n, d)).toBe(-q);
        },
      ),
    );
  });
});

describe('line amounts', () => {
  it.each([
    [1, 100000, 0, 100000],
    [7.5, 125000, 0, 937500],
    [3, 3333, 0, 9999],
    [1, 999, 10, 899], // 899.1 → 899
    [1, 995, 10, 896], // 895.5 → 896 (half away from zero)
    [2.333, 100, 0, 233], // 233.3
    [0.5, 1, 0, 1], // 0.5 → 1
    [-1, 1000, 0, -1000],
  ])('quantity %d × price %d less %d %% = %d', (quantity, price, discount, expected) => {
    expect(lineNetAmount(quantity, price, discount)).toBe(expected);
  });

  it.each([
    [10000, 25, 2500],
    [10001, 25, 2500], // 2500.25
    [10002, 25, 2501], // 2500.5 → 2501
    [-10002, 25, -2501],
    [999, 15, 150], // 149.85
    [100, 12, 12],
    [12345, 0, 0],
    [10000, 11.11, 1111],
  ])('VAT of %d at %d %% = %d', (net, rate, expected) => {
    expect(vatAmount(net, rate)).toBe(expected);
  });

  it('hours × rate', () => {
    expect(hoursAmount(7.5, 95000)).toBe(712500);
    expect(hoursAmount(0.25, 1)).toBe(0); // 0.25 → 0
  });

  it('never produces a float, and VAT of a negated net is the negated VAT', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10000, max: 10000 }).map((n) => n / 4),
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10000 }).map((n) => n / 100),
        fc.constantFrom(0, 6, 12, 15, 25),
        (quantity, price, discount, rate) => {
          const net = lineNetAmount(quantity, price, discount);
          const vat = vatAmount(net, rate);
          expect(Number.isSafeInteger(net)).toBe(true);
          expect(Number.isSafeInteger(vat)).toBe(true);
          expect(vatAmount(-net, rate)).toBe(-vat || 0);
        },
      ),
    );
  });
});

describe('formatMinor and parseMinor', () => {
  it.each([
    [123456, {}, '1234.56'],
    [-5, {}, '-0.05'],
    [0, {}, '0.00'],
    [123456789, { thousandsSeparator: ' ', decimalSeparator: ',' }, '1 234 567,89'],
    [123456, { impliedDecimals: true }, '123456'],
    [-123456, { impliedDecimals: true }, '-123456'],
    [123456, { decimals: 0 }, '1235'],
    [123449, { decimals: 0 }, '1234'],
    [-150, { decimals: 0 }, '-2'],
    [123456, { decimals: 3 }, '1234.560'],
  ])('%d with %o → %s', (value, format, expected) => {
    expect(formatMinor(value, format)).toBe(expected);
  });

  it('rejects non-integers', () => {
    expect(() => formatMinor(1.5)).toThrow(RangeError);
  });

  it.each([
    ['1234.56', 123456],
    ['-0,05', -5],
    ['12', 1200],
    ['12.3', 1230],
    ['1.234', null],
    ['abc', null],
    ['', null],
  ])('parseMinor(%s) = %s', (text, expected) => {
    expect(parseMinor(text)).toBe(expected);
  });

  it('round-trips every amount through text', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 50), max: 2 ** 50 }), fc.constantFrom('.', ','), (value, sep) => {
        expect(parseMinor(formatMinor(value, { decimalSeparator: sep }))).toBe(value);
      }),
    );
  });

  it('toScaled keeps the decimals a user typed', () => {
    expect(toScaled(0.1 + 0.2, 4)).toBe(3000n);
    expect(toScaled(2.675, 2)).toBe(268n);
    expect(toScaled(-1.005, 2)).toBe(-101n);
  });
});

describe('toScaled', () => {
  it('agrees with exact decimal scaling for every number with up to 4 decimals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 12), max: 10 ** 12 }),
        fc.integer({ min: 0, max: 4 }),
        (units, decimals) => {
          const value = units / 10 ** decimals;
          const expected = BigInt(units) * 10n ** BigInt(4 - decimals);
          expect(toScaled(value, 4)).toBe(expected);
        },
      ),
    );
  });
});
