import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  germanVatIdCheckDigit,
  isValidGermanVatId,
  isValidLuhn,
  isValidNorwegianOrgNumber,
  isValidSwedishOrgNumber,
  luhnCheckDigit,
  norwegianOrgCheckDigit,
  withLuhnCheckDigit,
} from '../../../src/core/demo/check-digits.ts';

// Vectors from shared/corpora/checkdigits/no_kid_orgnr_vectors.csv (navikt/mulighetsrommet
// ModulusTest.kt, storbukas/norsk-validator, Skatteetaten SAF-T examples, PEPPOL NO-R-001).
const KID_MOD10 = [
  ['2345676', true],
  ['23456767', true],
  ['0044555258', true],
  ['2345674', false],
  ['0044555251', false],
  ['100001928231', true],
  ['100001928232', false],
  ['006402710013', true],
  ['0094026358', true],
] as const;
const NO_ORG_NUMBERS = ['991825827', '888888888', '999999999'];

describe('Luhn (MOD10)', () => {
  it.each(KID_MOD10)('%s is %s', (value, valid) => {
    expect(isValidLuhn(value)).toBe(valid);
  });

  it('appends a digit that makes any payload valid, and any other digit invalid', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,24}$/), fc.integer({ min: 1, max: 9 }), (payload, shift) => {
        const valid = withLuhnCheckDigit(payload);
        expect(isValidLuhn(valid)).toBe(true);
        const wrong = payload + String((luhnCheckDigit(payload) + shift) % 10);
        expect(isValidLuhn(wrong)).toBe(false);
      }),
    );
  });

  it('validates Swedish organisation numbers', () => {
    expect(isValidSwedishOrgNumber('5560360793')).toBe(true);
    expect(isValidSwedishOrgNumber('5560360794')).toBe(false);
    expect(isValidSwedishOrgNumber('5512345678')).toBe(false); // third digit below 2
  });
});

describe('Norwegian organisation number (MOD11)', () => {
  it.each(NO_ORG_NUMBERS)('%s is valid', (value) => {
    expect(isValidNorwegianOrgNumber(value)).toBe(true);
  });

  it('rejects a changed digit, wrong lengths and letters', () => {
    expect(isValidNorwegianOrgNumber('991825828')).toBe(false);
    expect(isValidNorwegianOrgNumber('99182582')).toBe(false);
    expect(isValidNorwegianOrgNumber('99182582X')).toBe(false);
  });

  it('gives no check digit when the remainder would be 10', () => {
    // Only the last digit counts here: 6 × weight 2 = 12 ≡ 1 (mod 11), so the check would be 10.
    expect(norwegianOrgCheckDigit('00000006')).toBeNull();
    expect(norwegianOrgCheckDigit('99182582')).toBe(7);
  });
});

describe('German USt-IdNr (ISO 7064 MOD 11,10)', () => {
  it('accepts the check digit it computes and rejects others', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{7}$/), (digits) => {
        const check = germanVatIdCheckDigit(digits);
        expect(isValidGermanVatId(`DE${digits}${check}`)).toBe(true);
        expect(isValidGermanVatId(`DE${digits}${(check + 1) % 10}`)).toBe(false);
      }),
    );
  });

  it('matches a hand-computed example', () => {
    // 12345678: products 2,8,2,1,1,3,9,3 → check 11 − 3 = 8.
    expect(germanVatIdCheckDigit('12345678')).toBe(8);
    expect(isValidGermanVatId('DE123456788')).toBe(true);
  });
});
