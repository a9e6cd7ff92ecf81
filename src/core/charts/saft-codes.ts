/**
 * Norwegian SAF-T Financial code lists the registers refer to (Skatteetaten/saf-t, commit
 * 1abb7ec6, in ../shared/corpora/saft-no/):
 * - `Standard Tax Codes/CSV/Standard_Tax_Codes.csv`: each code with its rate class, for the
 *   rule that a VAT code's rate should match its standard code's class;
 * - `SAF-T_Financial_1.3/Grouping Category Code/CSV/naeringsspesifikasjon.csv`: the grouping
 *   categories of SAF-T 1.30, where `GroupingCategory` and `GroupingCode` are mandatory.
 */

/** The rate class of a standard tax code; `none` for codes without a VAT rate (0, 6, 7, 20). */
export type StandardRateClass = 'regular' | 'middle' | 'raw-fish' | 'low' | 'zero' | 'none';

export const STANDARD_TAX_CODES: Readonly<Record<string, StandardRateClass>> = {
  '0': 'none',
  '1': 'regular',
  '11': 'middle',
  '12': 'raw-fish',
  '13': 'low',
  '14': 'regular',
  '15': 'middle',
  '20': 'none',
  '21': 'regular',
  '22': 'middle',
  '3': 'regular',
  '31': 'middle',
  '32': 'raw-fish',
  '33': 'low',
  '5': 'zero',
  '51': 'zero',
  '52': 'zero',
  '6': 'none',
  '7': 'none',
  '81': 'regular',
  '82': 'regular',
  '83': 'middle',
  '84': 'middle',
  '85': 'zero',
  '86': 'regular',
  '87': 'regular',
  '88': 'low',
  '89': 'low',
  '91': 'regular',
  '92': 'regular',
};

/** The Norwegian VAT rates of each class (merverdiavgiftsloven §§ 5-1 to 5-4, rates since 2018). */
export const NORWEGIAN_RATE_OF_CLASS: Readonly<Record<StandardRateClass, number | null>> = {
  regular: 25,
  middle: 15,
  'raw-fish': 11.11,
  low: 12,
  zero: 0,
  none: null,
};

/** The `GroupingCategory` values of naeringsspesifikasjon.csv (SAF-T 1.30). */
export const SAFT_GROUPING_CATEGORIES: ReadonlySet<string> = new Set([
  'annenDriftsinntekt',
  'annenDriftskostnad',
  'balanseverdiForAnleggsmiddel',
  'balanseverdiForBankOgForsikringseiendel',
  'balanseverdiForOmloepsmiddel',
  'bankOgForsikringsinntekt',
  'bankOgForsikringsinntektEllerKostnadSomIkkeBlirOmklassifisertTilResultatet',
  'bankOgForsikringsinntektEllerKostnadSomKanBliOmklassifisertTilResultatet',
  'bankOgForsikringskostnad',
  'egenkapital',
  'endringIEgenkapitalInnenBankOgForsikring',
  'finansinntekt',
  'finanskostnad',
  'gjeldInnenBankOgForsikring',
  'kortsiktigGjeld',
  'langsiktigGjeld',
  'loennskostnad',
  'resultatDisponeringForSAF-T',
  'resultatkomponentForIFRSForetak',
  'salgsinntekt',
  'skattekostnad',
  'varekostnad',
]);
