import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isValidKid, kidCheckDigit, makeKid, mod10CheckDigit, mod11CheckDigit } from '../../../src/core/domain/kid.ts';

// Every KID row of shared/corpora/checkdigits/no_kid_orgnr_vectors.csv (copied here so that the
// test runs without the shared corpus): value, scheme, expected_valid. Sources: navikt/mulighetsrommet
// ModulusTest.kt and storbukas/norsk-validator test/kidnummer.test.js (39c3108a).
const VECTORS: [string, 'KID-MOD10' | 'KID-MOD11' | 'KID-MOD10-or-MOD11', boolean][] = [
  ['2345676', 'KID-MOD10', true],
  ['23456767', 'KID-MOD10', true],
  ['0044555258', 'KID-MOD10', true],
  ['2345674', 'KID-MOD10', false],
  ['0044555251', 'KID-MOD10', false],
  ['0365327', 'KID-MOD11', true],
  ['12345678903', 'KID-MOD11', true],
  ['036536-', 'KID-MOD11', true],
  ['1677036255', 'KID-MOD11', false],
  ['006402710013', 'KID-MOD10-or-MOD11', true],
  ['0094026358', 'KID-MOD10-or-MOD11', true],
  ['0004614992', 'KID-MOD10-or-MOD11', true],
  ['100001928231', 'KID-MOD10-or-MOD11', true],
  ['100001928232', 'KID-MOD10-or-MOD11', false],
];

describe('KID check digits', () => {
  it.each(VECTORS)('%s (%s) is valid: %s', (value, scheme, valid) => {
    const result =
      scheme === 'KID-MOD10'
        ? isValidKid(value, 'mod10')
        : scheme === 'KID-MOD11'
          ? isValidKid(value, 'mod11')
          : isValidKid(value, 'mod10') || isValidKid(value, 'mod11');
    expect(result).toBe(valid);
  });

  it('computes the check digit of the valid vectors from their payload', () => {
    expect(mod10CheckDigit('234567')).toBe('6');
    expect(mod10CheckDigit('004455525')).toBe('8');
    expect(mod11CheckDigit('036532')).toBe('7');
    expect(mod11CheckDigit('036536')).toBe('-');
    expect(mod11CheckDigit('1234567890')).toBe('3');
  });

  it('appends a check digit that makes any payload valid under its scheme, and any other digit invalid', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{1,24}$/),
        fc.constantFrom('mod10' as const, 'mod11' as const),
        fc.integer({ min: 1, max: 9 }),
        (payload, scheme, shift) => {
          const check = kidCheckDigit(payload, scheme);
          expect(isValidKid(payload + check, scheme)).toBe(true);
          const other = check === '-' ? String(shift) : String((Number(check) + shift) % 10);
          expect(isValidKid(payload + other, scheme)).toBe(false);
        },
      ),
    );
  });
});

describe('makeKid', () => {
  it('pads customer and invoice number to their widths and appends the check digit', () => {
    const made = makeKid({ scheme: 'mod10', customerDigits: 6, invoiceDigits: 7 }, '20010', '10195');
    expect(made).toEqual({ ok: true, kid: '020010' + '0010195' + mod10CheckDigit('0200100010195') });
    const mod11 = makeKid({ scheme: 'mod11', customerDigits: 0, invoiceDigits: 6 }, '20010', '36532');
    expect(mod11).toEqual({ ok: true, kid: '0365327' });
  });

  it('refuses a number wider than its place, a customer number with letters, and a layout over 25 digits', () => {
    expect(makeKid({ scheme: 'mod10', customerDigits: 4, invoiceDigits: 6 }, '20010', '1')).toEqual({
      ok: false,
      problem: { code: 'kid-too-wide', params: { part: 'customer', value: '20010', digits: 4 } },
    });
    expect(makeKid({ scheme: 'mod10', customerDigits: 4, invoiceDigits: 6 }, 'K-10', '1')).toMatchObject({
      ok: false,
      problem: { code: 'kid-not-digits' },
    });
    expect(makeKid({ scheme: 'mod10', customerDigits: 12, invoiceDigits: 13 }, '1', '1')).toMatchObject({
      ok: false,
      problem: { code: 'kid-layout' },
    });
  });
});
