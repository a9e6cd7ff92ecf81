import { describe, expect, it } from 'vitest';
import { addDays, addMonths, endOfMonth, formatDate, isIsoDate, startOfMonth } from '../../../src/core/domain/dates.ts';

describe('dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-1-01', false],
    ['2024-04-31', false],
    ['2024-12-31', true],
  ])('isIsoDate(%s) = %s', (text, ok) => expect(isIsoDate(text)).toBe(ok));

  it('does arithmetic without time zones', () => {
    expect(addDays('2024-03-30', 2)).toBe('2024-04-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-01-15', -1)).toBe('2023-12-15');
    expect(startOfMonth('2024-05-17')).toBe('2024-05-01');
    expect(endOfMonth('2023-02-10')).toBe('2023-02-28');
  });

  it.each([
    ['2026-11-05', 'dd/MM/yyyy', '05/11/2026'],
    ['2026-11-05', 'MM/dd/yyyy', '11/05/2026'],
    ['2026-11-05', 'yyyyMMdd', '20261105'],
    ['2026-11-05', 'ddMMyy', '051126'],
    ['2026-11-05T09:07:03', 'yyyyMMdd-HHmmss', '20261105-090703'],
    ['', 'yyyy', ''],
  ])('formatDate(%s, %s) = %s', (value, pattern, expected) => expect(formatDate(value, pattern)).toBe(expected));
});
