import { describe, expect, it } from 'vitest';
import { formatOrgNumber } from '../../../src/core/domain/org-number.ts';

describe('formatOrgNumber', () => {
  it.each([
    ['5566778899', 'SE', '556677-8899'],
    ['556677-8899', 'SE', '556677-8899'],
    ['165566778899', 'SE', '556677-8899'], // 12 digits with the century prefix 16
    ['55667788', 'SE', '55667788'], // wrong digit count: unchanged (validation is not this function's task)
    ['923456783', 'NO', '923456783'],
    ['923 456 783', 'NO', '923 456 783'],
    ['5566778899', 'se', '556677-8899'],
  ])('%s (%s) → %s', (input, country, expected) => {
    expect(formatOrgNumber(input, country)).toBe(expected);
  });
});
