/** Dates typed into the UI, read the UI language's way (issue 18, item 2). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, isoDate } from '../../../src/core/domain/dates.ts';
import { readTypedDate, type DateTypingLocale } from '../../../src/core/domain/typed-date.ts';

const TODAY = '2026-12-06';

describe('readTypedDate reads', () => {
  it.each([
    // ISO and eight digits in every language.
    ['en', '2026-12-06', '2026-12-06'],
    ['nb', '2026-12-06', '2026-12-06'],
    ['sv', '2026-12-06', '2026-12-06'],
    ['sv', '2026-12-6', '2026-12-06'],
    ['nb', '2026-1-2', '2026-01-02'],
    ['sv', '20261206', '2026-12-06'],
    ['nb', '20261206', '2026-12-06'],
    ['nb', '06122026', '2026-12-06'],
    ['en', '06122026', '2026-12-06'],
    ['sv', '06122026', '2026-12-06'],
    // Norwegian: day first.
    ['nb', '6.12.2026', '2026-12-06'],
    ['nb', '06.12.2026', '2026-12-06'],
    ['nb', '6.12.26', '2026-12-06'],
    ['nb', '06.12.26', '2026-12-06'],
    ['nb', '6/12/2026', '2026-12-06'],
    ['nb', '6-12-2026', '2026-12-06'],
    ['nb', '061226', '2026-12-06'],
    ['nb', ' 6.12.2026 ', '2026-12-06'],
    ['nb', '6. des. 2026', '2026-12-06'],
    ['nb', '6. desember 2026', '2026-12-06'],
    ['nb', '17. mai 2026', '2026-05-17'],
    // Swedish: year first.
    ['sv', '261206', '2026-12-06'],
    ['sv', '26-12-06', '2026-12-06'],
    ['sv', '6 dec. 2026', '2026-12-06'],
    ['sv', '6 december 2026', '2026-12-06'],
    ['sv', '1 maj 2026', '2026-05-01'],
    // English (British): day first, month names.
    ['en', '6/12/2026', '2026-12-06'],
    ['en', '06/12/2026', '2026-12-06'],
    ['en', '06/12/26', '2026-12-06'],
    ['en', '6.12.2026', '2026-12-06'],
    ['en', '6 Dec 2026', '2026-12-06'],
    ['en', '6 December 2026', '2026-12-06'],
    ['en', '6 Sept 2026', '2026-09-06'],
    ['en', '6 sep 2026', '2026-09-06'],
    ['en', '6 Dec, 2026', '2026-12-06'],
    ['en', '061226', '2026-12-06'],
    // English month names in the Nordic languages too.
    ['nb', '6 Dec 2026', '2026-12-06'],
    ['sv', '6 Oct 2026', '2026-10-06'],
    // Without the year: this year.
    ['nb', '6.12', '2026-12-06'],
    ['nb', '6.12.', '2026-12-06'],
    ['nb', '1/3', '2026-03-01'],
    ['en', '6/12', '2026-12-06'],
    ['sv', '6/12', '2026-12-06'],
    ['en', '6 Dec', '2026-12-06'],
    ['nb', '29.02.2028', '2028-02-29'],
  ] as const)('%s: %j → %s', (locale, text, iso) => {
    expect(readTypedDate(text, locale, TODAY)).toEqual({ ok: true, value: iso });
  });
});

describe('readTypedDate refuses', () => {
  it.each([
    ['nb', '', { code: 'empty' }],
    ['nb', '   ', { code: 'empty' }],
    ['nb', 'i morgen', { code: 'unreadable' }],
    ['nb', '6.12.202', { code: 'unreadable' }],
    ['nb', '6..12.2026', { code: 'unreadable' }],
    ['nb', '6.12-2026', { code: 'unreadable' }],
    ['nb', '12345', { code: 'unreadable' }],
    ['nb', '2026-12-06T10:00', { code: 'unreadable' }],
    // Swedes do not write the day first with a year.
    ['sv', '6.12.2026', { code: 'unreadable' }],
    ['sv', '6.12', { code: 'unreadable' }],
    // Day/month with a dot is Norwegian only.
    ['en', '6.12', { code: 'unreadable' }],
    ['nb', '6 ma 2026', { code: 'unreadable' }],
    ['nb', '6 foo 2026', { code: 'unreadable' }],
    ['nb', '31.02.2026', { code: 'no-such-day', day: 31, month: 2, year: 2026, days: 28 }],
    ['nb', '29.2.2026', { code: 'no-such-day', day: 29, month: 2, year: 2026, days: 28 }],
    ['nb', '0.12.2026', { code: 'no-such-day', day: 0, month: 12, year: 2026, days: 31 }],
    ['sv', '2026-04-31', { code: 'no-such-day', day: 31, month: 4, year: 2026, days: 30 }],
    ['nb', '6.13.2026', { code: 'no-such-month', month: 13 }],
    ['en', '12/31/2026', { code: 'no-such-month', month: 31 }],
    ['sv', '261306', { code: 'no-such-month', month: 13 }],
    ['nb', '31022026', { code: 'no-such-day', day: 31, month: 2, year: 2026, days: 28 }],
    ['sv', '20261306', { code: 'no-such-month', month: 13 }],
    ['sv', '0026-12-06', { code: 'year-out-of-range', year: 26, min: 1900, max: 2199 }],
    ['nb', '6.12.2300', { code: 'year-out-of-range', year: 2300, min: 1900, max: 2199 }],
  ] as const)('%s: %j → %o', (locale, text, problem) => {
    expect(readTypedDate(text, locale, TODAY)).toEqual({ ok: false, problem });
  });

  it('reads no date without its year when it is not told today', () => {
    expect(readTypedDate('6.12', 'nb')).toEqual({ ok: false, problem: { code: 'unreadable' } });
    expect(readTypedDate('6 Dec', 'en')).toEqual({ ok: false, problem: { code: 'unreadable' } });
  });
});

/** Each language's written forms, by formatDate patterns. */
const WRITTEN: Readonly<Record<DateTypingLocale, readonly string[]>> = {
  nb: ['dd.MM.yyyy', 'dd.MM.yy', 'ddMMyyyy', 'ddMMyy', 'yyyy-MM-dd', 'yyyyMMdd'],
  sv: ['yyyy-MM-dd', 'yyMMdd', 'yy-MM-dd', 'yyyyMMdd', 'ddMMyyyy'],
  en: ['dd/MM/yyyy', 'dd/MM/yy', 'dd.MM.yyyy', 'ddMMyy', 'yyyy-MM-dd', 'yyyyMMdd'],
};

const anyDate = fc
  .record({
    year: fc.integer({ min: 1900, max: 2199 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, day }) => isoDate(year, month, Math.min(day, new Date(Date.UTC(year, month, 0)).getUTCDate())));

describe('round trip', () => {
  it('reads back every date written in each of the language’s forms', () => {
    const locales = fc.constantFrom<DateTypingLocale>('nb', 'sv', 'en');
    fc.assert(
      fc.property(anyDate, locales, fc.nat(), (iso, locale, pick) => {
        const pattern = WRITTEN[locale][pick % WRITTEN[locale].length]!;
        // A two-digit year is 20yy: a yy form gives back the date of that century.
        const expected = pattern.includes('yyyy') ? iso : `20${iso.slice(2)}`;
        const read = readTypedDate(formatDate(iso, pattern), locale, '2026-12-06');
        expect(read.ok ? read.value : null).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
