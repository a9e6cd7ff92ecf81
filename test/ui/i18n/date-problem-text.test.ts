/** Why a typed date cannot be read, in each UI language, with the form to type it in. */
import { afterEach, describe, expect, it } from 'vitest';
import { readTypedDate } from '../../../src/core/domain/typed-date.ts';
import { dateProblemText } from '../../../src/ui/i18n/date-problem-text.ts';
import { nb } from '../../../src/ui/i18n/nb.ts';
import { sv } from '../../../src/ui/i18n/sv.ts';
import { addCatalogue, setLocale, type Locale } from '../../../src/ui/messages.ts';

afterEach(() => setLocale('en'));

function problemOf(text: string, locale: Locale): string {
  addCatalogue('nb', nb);
  addCatalogue('sv', sv);
  setLocale(locale);
  const read = readTypedDate(text, locale, '2026-12-06');
  if (read.ok) throw new Error(`${text} was read as ${read.value}`);
  return dateProblemText(read.problem, locale);
}

describe('dateProblemText', () => {
  it.each([
    ['nb', 'i går', 'Ikke en dato. Skriv den som dd.mm.åååå.'],
    ['nb', '31.02.2026', 'Det er bare 28 dager i februar 2026. Skriv datoen som dd.mm.åååå.'],
    ['nb', '6.13.2026', 'Det finnes ingen måned 13. Skriv datoen som dd.mm.åååå.'],
    ['sv', '2026-04-31', 'Det finns bara 30 dagar i april 2026. Skriv datumet som åååå-mm-dd.'],
    ['sv', '6.12.2026', 'Inte ett datum. Skriv det som åååå-mm-dd.'],
    ['en', '31/02/2026', 'There are only 28 days in February 2026. Type the date as dd/mm/yyyy.'],
    ['en', '06/12/1800', 'The year must be from 1900 to 2199. Type the date as dd/mm/yyyy.'],
  ] as const)('%s: %j → %s', (locale, text, message) => {
    expect(problemOf(text, locale)).toBe(message);
  });

  it('says nothing for an empty field (no date is no error)', () => {
    expect(dateProblemText({ code: 'empty' }, 'nb')).toBe('');
  });
});
