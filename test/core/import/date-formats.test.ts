import { describe, expect, it } from 'vitest';
import {
  detectDateFormats,
  parseDate,
  parseDateTime,
  TWO_DIGIT_YEAR_PIVOT,
  type DateFormat,
} from '../../../src/core/import/date-formats.ts';

describe('parseDate', () => {
  it.each<[string, DateFormat | null, string]>([
    ['2024-03-01', 'YYYY-MM-DD', '2024-03-01'],
    ['01.03.2024', 'DD.MM.YYYY', '2024-03-01'],
    ['1.3.2024', 'DD.MM.YYYY', '2024-03-01'],
    ['01/03/2024', 'DD/MM/YYYY', '2024-03-01'],
    ['03/01/2024', 'MM/DD/YYYY', '2024-03-01'],
    ['20240301', 'YYYYMMDD', '2024-03-01'],
    ['01.03.24', 'DD.MM.YY', '2024-03-01'],
    ['29.02.2024', 'DD.MM.YYYY', '2024-02-29'],
    [' 2024-03-01 ', 'YYYY-MM-DD', '2024-03-01'],
    // Two-digit years: 00–68 → 20xx, 69–99 → 19xx.
    ['31.12.68', 'DD.MM.YY', '2068-12-31'],
    ['01.01.69', 'DD.MM.YY', '1969-01-01'],
    ['01.01.99', 'DD.MM.YY', '1999-01-01'],
    // Without a chosen format a value is read when exactly one format fits it.
    ['2024-03-01', null, '2024-03-01'],
    ['13/02/2024', null, '2024-02-13'],
    ['02/13/2024', null, '2024-02-13'],
    ['01.03.2024', null, '2024-03-01'],
  ])('%s as %s is %s', (text, format, iso) => {
    expect(parseDate(text, format)).toEqual({ ok: true, value: iso });
  });

  it.each<[string, DateFormat | null, string]>([
    [
      '31.02.2024',
      'DD.MM.YYYY',
      '"31.02.2024" is not a valid date in the format DD.MM.YYYY: February 2024 has 29 days',
    ],
    [
      '29.02.2023',
      'DD.MM.YYYY',
      '"29.02.2023" is not a valid date in the format DD.MM.YYYY: February 2023 has 28 days',
    ],
    ['31.04.2024', 'DD.MM.YYYY', '"31.04.2024" is not a valid date in the format DD.MM.YYYY: April 2024 has 30 days'],
    ['13/25/2024', 'MM/DD/YYYY', '"13/25/2024" is not a valid date in the format MM/DD/YYYY: there is no month 13'],
    ['2024-03-01', 'DD.MM.YYYY', '"2024-03-01" is not a date in the format DD.MM.YYYY'],
    ['01.03.2024', 'DD.MM.YY', '"01.03.2024" is not a date in the format DD.MM.YY'],
    ['20240230', 'YYYYMMDD', '"20240230" is not a valid date in the format YYYYMMDD: February 2024 has 29 days'],
    ['01/02/2024', null, '"01/02/2024" is ambiguous: it fits DD/MM/YYYY and MM/DD/YYYY; choose the date format'],
    ['31.02.2024', null, '"31.02.2024" is not a date in any supported format'],
    ['', 'YYYY-MM-DD', 'empty value'],
  ])('%s as %s is an error', (text, format, reason) => {
    expect(parseDate(text, format)).toMatchObject({ ok: false, reason });
  });

  it('documents the pivot as a constant', () => {
    expect(TWO_DIGIT_YEAR_PIVOT).toBe(69);
  });
});

describe('detectDateFormats', () => {
  it('returns every format that fits all values and asks for a choice when there are several', () => {
    expect(detectDateFormats(['01/02/2024', '03/04/2024'])).toMatchObject({
      formats: ['DD/MM/YYYY', 'MM/DD/YYYY'],
      needsChoice: true,
    });
  });

  it('decides when one value rules a format out', () => {
    const guess = detectDateFormats(['01/02/2024', '25/04/2024']);
    expect(guess).toMatchObject({
      formats: ['DD/MM/YYYY'],
      needsChoice: false,
      reason: 'Every value reads as DD/MM/YYYY.',
    });
    expect(guess.rejectedBy['MM/DD/YYYY']).toBe('25/04/2024');
  });

  it.each<[string[], DateFormat[]]>([
    [['2024-03-01', '2024-12-31'], ['YYYY-MM-DD']],
    [['01.03.2024', '31.12.2024'], ['DD.MM.YYYY']],
    [['01.03.24'], ['DD.MM.YY']],
    [['20240301'], ['YYYYMMDD']],
    [['31.02.2024'], []],
    [['', ' '], []],
  ])('%j fits %j', (values, formats) => {
    expect(detectDateFormats(values).formats).toEqual(formats);
  });
});

describe('parseDateTime', () => {
  it('reads ISO date-times with T or space', () => {
    expect(parseDateTime('2024-03-01T10:15:00')).toEqual({ ok: true, value: '2024-03-01T10:15:00' });
    expect(parseDateTime('2024-03-01 10:15')).toEqual({ ok: true, value: '2024-03-01T10:15:00' });
    expect(parseDateTime('2024-03-01 25:00')).toMatchObject({
      ok: false,
      reason: '"2024-03-01 25:00" has an invalid time',
    });
  });
});
