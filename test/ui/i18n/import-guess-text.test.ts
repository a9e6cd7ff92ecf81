import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { analysisOf, readForAnalysis } from '../../../src/core/import/preview.ts';
import { detectDialect, detectEncoding, detectNumberFormat } from '../../../src/core/import/index.ts';
import {
  dateGuessText,
  dialectGuessText,
  encodingGuessText,
  numberGuessText,
  previewCellError,
} from '../../../src/ui/i18n/import-guess-text.ts';
import { problemMessage } from '../../../src/ui/i18n/problem-text.ts';
import { addCatalogue, setLocale, type Locale } from '../../../src/ui/messages.ts';
import { nb } from '../../../src/ui/i18n/nb.ts';
import { sv } from '../../../src/ui/i18n/sv.ts';

addCatalogue('nb', nb);
addCatalogue('sv', sv);
afterEach(() => setLocale('en'));

/** The guesses the file-settings step shows for the e2e fixture (Windows-1252, semicolons, 7,5 and 03.11.2026). */
function fixtureGuesses() {
  const bytes = new Uint8Array(readFileSync(new URL('../../fixtures/e2e/timer-windows-1252.csv', import.meta.url)));
  const read = readForAnalysis(bytes, { kind: 'timeRecords' });
  if (!read.ok) throw new Error(read.reason);
  const analysis = analysisOf(read.value, {
    fileName: 'timer.csv',
    size: bytes.length,
    overrides: { kind: 'timeRecords' },
    companyCurrency: 'NOK',
  });
  if (!analysis.ok || !analysis.valueGuess) throw new Error('the fixture did not analyse');
  const value = analysis.valueGuess;
  return {
    encoding: encodingGuessText(analysis.encodingGuess),
    dialect: dialectGuessText(analysis.dialectGuess),
    numbers: numberGuessText(value.number),
    dates: dateGuessText({
      code: value.dateCode,
      params: value.dateParams,
      formats: value.dateFormats,
      reason: value.dateReason,
    }),
  };
}

describe('import guesses in the UI language', () => {
  it.each([
    [
      'en',
      {
        encoding:
          'The file is not valid UTF-8 (at byte 87, line 2) and uses bytes 0x80–0x9F, which only Windows-1252 gives meaning to.',
        dialect:
          'Delimiter semicolon (;): 4 rows with 7 fields (100% of the rows agree). The first row is text above a column of numbers or dates ("Dato"), as a header is.',
        numbers: '"7,5" uses "," as the decimal separator and space to group thousands.',
        dates: 'Every value reads as DD.MM.YYYY.',
      },
    ],
    [
      'nb',
      {
        encoding:
          'Filen er ikke gyldig UTF-8 (ved byte 87, linje 2) og bruker bytene 0x80–0x9F, som bare Windows-1252 gir mening.',
        dialect:
          'Skilletegn semikolon (;): 4 rader med 7 felt (100 % av radene stemmer overens). Første rad er tekst over en kolonne med tall eller datoer («Dato»), slik en overskrift er.',
        numbers: '«7,5» bruker «,» som desimaltegn og mellomrom som tusenskille.',
        dates: 'Alle verdiene leses som DD.MM.YYYY.',
      },
    ],
    [
      'sv',
      {
        encoding:
          'Filen är inte giltig UTF-8 (vid byte 87, rad 2) och använder byten 0x80–0x9F, som bara Windows-1252 ger en betydelse.',
        dialect:
          'Avgränsare semikolon (;): 4 rader med 7 fält (100 % av raderna stämmer överens). Första raden är text ovanför en kolumn med tal eller datum (”Dato”), som en rubrik är.',
        numbers: '”7,5” använder ”,” som decimaltecken och mellanslag som tusentalsavgränsare.',
        dates: 'Alla värden läses som DD.MM.YYYY.',
      },
    ],
  ] as const)('in %s, the fixture reads as the catalogue words it', (locale, expected) => {
    setLocale(locale as Locale);
    expect(fixtureGuesses()).toEqual(expected);
  });

  it('words lines skipped at the top, a number header row and values that do not fit, with plurals', () => {
    const dialect = detectDialect('Report\n\n1;2;3\n4;5;6\n');
    const numbers = detectNumberFormat(['1,5', '2,25', '3.5', 'x']);
    setLocale('nb');
    expect(dialectGuessText(dialect)).toBe(
      'Skilletegn semikolon (;): 2 rader med 3 felt (100 % av radene stemmer overens). 2 linjer med annen tekst øverst hoppes over. Første rad har et tall («1»), så den er data, ikke en overskrift.',
    );
    expect(numberGuessText(numbers)).toBe('«1,5» bruker «,» som desimaltegn. 2 verdier passer ikke, f.eks. «x».');
    setLocale('sv');
    expect(numberGuessText(detectNumberFormat(['1,5', 'x']))).toBe(
      '”1,5” använder ”,” som decimaltecken. 1 värde passar inte, t.ex. ”x”.',
    );
    expect(encodingGuessText(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])))).toBe(
      'Filen börjar med en byteordningsmarkering (BOM) för UTF-8.',
    );
  });

  it('words several date formats with the language’s "or", and falls back to the English reason for an unknown code', () => {
    setLocale('nb');
    expect(
      dateGuessText({
        code: 'several-formats',
        params: { example: '03/04/2026' },
        formats: ['DD/MM/YYYY', 'MM/DD/YYYY'],
        reason: 'English',
      }),
    ).toBe(
      'Verdiene kan leses som DD/MM/YYYY eller MM/DD/YYYY; velg ett (står dagen eller måneden først i «03/04/2026»?).',
    );
    const encoding = detectEncoding(new Uint8Array([0x41]));
    expect(encodingGuessText({ ...encoding, code: 'newer' as 'ascii' })).toBe(encoding.reason);
  });
});

describe('values the importer cannot read, in the UI language', () => {
  function previewErrors(csv: string): string[] {
    const bytes = new TextEncoder().encode(csv);
    const overrides = {
      kind: 'timeRecords',
      format: { decimal: ',', thousands: ' ', dateFormat: 'DD.MM.YYYY' },
    } as const;
    const read = readForAnalysis(bytes, overrides);
    if (!read.ok) throw new Error(read.reason);
    const analysis = analysisOf(read.value, {
      fileName: 'f.csv',
      size: bytes.length,
      overrides,
      companyCurrency: 'NOK',
    });
    if (!analysis.ok) throw new Error(analysis.reason);
    return analysis.preview.flatMap((row) => row.values.filter((v) => v.error !== '').map(previewCellError));
  }
  const CSV = 'Dato;Ansattnummer;Prosjekt;Timer\n31.02.2026;1001;3001;7,5x\n';

  it("a preview cell's tooltip", () => {
    expect(previewErrors(CSV)).toEqual([
      '"31.02.2026" is not a valid date in the format DD.MM.YYYY: month 2 of 2026 has 28 days',
      '"7,5x" is not a number (unexpected "x")',
    ]);
    setLocale('nb');
    expect(previewErrors(CSV)).toEqual([
      '«31.02.2026» er ikke en gyldig dato i formatet DD.MM.YYYY: måned 2 i 2026 har 28 dager',
      '«7,5x» er ikke et tall (uventet «x»)',
    ]);
    setLocale('sv');
    expect(previewErrors(CSV)).toEqual([
      '”31.02.2026” är inte ett giltigt datum i formatet DD.MM.YYYY: månad 2 år 2026 har 28 dagar',
      '”7,5x” är inte ett tal (oväntat ”x”)',
    ]);
  });

  it("a rejected row's reason, with a plural, and the English reason for an uncoded one", () => {
    const rejected = {
      code: 'invalid-money',
      field: 'line.unitPrice',
      params: { value: '1,234', count: 3, allowed: 2, problem: 'money-decimals' },
      message: '"1,234" has 3 decimals; the currency has 2',
    };
    setLocale('nb');
    expect(problemMessage(rejected)).toBe('«1,234» har 3 desimaler; valutaen har 2');
    expect(problemMessage({ ...rejected, params: { ...rejected.params, count: 1 } })).toBe(
      '«1,234» har 1 desimal; valutaen har 2',
    );
    expect(problemMessage({ code: 'invalid-money', message: 'English' })).toBe('English');
  });
});
