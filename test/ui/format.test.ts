/** Display formats per UI language, through Intl: the screens, never the export files. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../src/core/domain/dates.ts';
import { bytes, count, date, DATE_PATTERN, hours, inputDate, money, month, parseDate } from '../../src/ui/format.ts';
import { LOCALES } from '../../src/ui/messages.ts';

// Intl separates thousands with a (narrow) no-break space; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('money', () => {
  it.each([
    ['nb', 8731250, 'NOK', '87 312,50 kr'],
    ['nb', -150, 'EUR', '−1,50 €'],
    ['sv', 8731250, 'SEK', '87 312,50 kr'],
    ['sv', 8731250, 'NOK', '87 312,50 Nkr'],
    ['en', 8731250, 'NOK', 'NOK 87,312.50'],
    ['en', 123456, '', '1,234.56'],
    ['nb', 123456, '', '1 234,56'],
    ['nb', 1000, 'JPY', '1 000 JPY'],
  ] as const)('%s: %i %s → %s', (locale, minor, currency, text) => {
    expect(plain(money(minor, currency, locale))).toBe(text);
  });

  it('is exact for amounts beyond a float’s cents', () => {
    expect(plain(money(9007199254740991, 'NOK', 'nb'))).toBe('90 071 992 547 409,91 kr');
  });

  it('writes a code Intl does not know after the number', () => {
    expect(plain(money(100, 'kr', 'nb'))).toBe('1,00 kr');
  });
});

describe('numbers', () => {
  it('groups and rounds the locale’s way', () => {
    expect(plain(count(12000, 'nb'))).toBe('12 000');
    expect(count(12000, 'en')).toBe('12,000');
    expect(hours(7.5, 'sv')).toBe('7,50');
    expect(hours(7.5, 'en')).toBe('7.50');
    expect(bytes(1536, 'nb')).toBe('1,5 kB');
    expect(bytes(900, 'en')).toBe('900 B');
  });
});

describe('dates', () => {
  it.each([
    ['nb', '2026-12-06', '06.12.2026'],
    ['sv', '2026-12-06', '2026-12-06'],
    ['en', '2026-12-06', '6 Dec 2026'],
    ['nb', '2026-12-06T09:05:00', '06.12.2026, 09:05'],
    ['sv', '2026-12-06T09:05:00', '2026-12-06 09:05'],
  ] as const)('%s: %s → %s', (locale, iso, text) => {
    expect(date(iso, locale)).toBe(text);
  });

  it('leaves what is no date as it is', () => {
    expect(date('', 'nb')).toBe('');
    expect(date('soon', 'nb')).toBe('soon');
  });

  it.each([
    ['nb', '6.12.2026', '2026-12-06'],
    ['nb', '06.12.26', '2026-12-06'],
    ['nb', '6/12/2026', '2026-12-06'],
    ['nb', '2026-12-06', '2026-12-06'],
    ['sv', '2026-12-06', '2026-12-06'],
    ['sv', '20261206', '2026-12-06'],
    ['sv', '6.12.2026', null],
    ['en', '6/12/2026', '2026-12-06'],
    ['nb', '31.2.2026', null],
    ['nb', '6.12', null],
  ] as const)('%s reads %s as %s', (locale, text, iso) => {
    expect(parseDate(text, locale)).toBe(iso);
  });

  it('names the typed pattern per locale', () => {
    expect(DATE_PATTERN.nb).toBe('DD.MM.YYYY');
    expect(DATE_PATTERN.sv).toBe('YYYY-MM-DD');
  });

  it.each([
    ['nb', '2026-12-06', '06.12.2026'],
    ['sv', '2026-12-06', '2026-12-06'],
    ['en', '2026-12-06', '06/12/2026'],
    ['nb', '', ''],
    ['nb', 'soon', 'soon'],
  ] as const)('a date input shows %s %j as %j', (locale, iso, text) => {
    expect(inputDate(iso, locale)).toBe(text);
  });

  it('takes a date without its year as this year’s when told today', () => {
    expect(parseDate('6.12', 'nb', '2026-03-01')).toBe('2026-12-06');
    expect(parseDate('261206', 'sv')).toBe('2026-12-06');
  });

  it('reads back what it shows, in a date input and on the screens, in every language', () => {
    const anyDate = fc
      .record({
        year: fc.integer({ min: 1900, max: 2199 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 28 }),
      })
      .map(({ year, month, day }) => isoDate(year, month, day));
    fc.assert(
      fc.property(anyDate, fc.constantFrom(...LOCALES), (iso, locale) => {
        expect(parseDate(inputDate(iso, locale), locale)).toBe(iso);
        expect(parseDate(date(iso, locale), locale)).toBe(iso);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('month', () => {
  it.each([
    ['en', 'Dec 25', 'December 2025'],
    ['nb', 'des. 25', 'desember 2025'],
    ['sv', 'dec. 25', 'december 2025'],
  ] as const)('writes a month the %s way, short for a chart and long for a table', (locale, short, long) => {
    expect(month('2025-12', 'short', locale)).toBe(short);
    expect(month('2025-12', 'long', locale)).toBe(long);
  });

  it('leaves what is no month as it is', () => {
    expect(month('2025-13x', 'long', 'en')).toBe('2025-13x');
  });
});
