/**
 * Mamut GBAT10 journal import (also read by Tripletex, PowerOffice Go, Visma eAccounting and
 * 24SevenOffice): `;` separated, 30 columns, one row per posting.
 *
 * Spec: http://help.mamut.com/no/mhelp/rtm/import_export/csv_formats/journal_formats/gbat10.htm
 * (also https://community.visma.com/t5/Brukertips-i-Mamut-One/Import-av-bilag-i-Mamut/ta-p/28527),
 * summarised in ../shared/research/moment-exports.md §4.6.
 *
 * Rules quoted in gbat10-rows.ts (with their addresses): "Skilletegn mellom feltene er semikolon"
 * and no quoting rule (so `;` inside a value becomes `,`, with a warning); "The net and gross
 * amounts must always balance (sum = 0)" (Tripletex); "Betalingsbetingelse | 25 | Z | 4 | Numerisk
 * (StdReg_xxx.xls)" (a code, mapped from days by setting `paymentTermsCodes`).
 *
 * Assumptions: all in src/core/formats/systems/gbat10/gbat10-rows.ts (separators, period/year,
 * VAT method, payment terms, lengths, texts), plus:
 * - Columns 28 IBAN and 29 SWIFT/BIC are written empty (the data model has no bank details per
 *   customer); the spec's list may continue beyond column 29, nothing is written after it.
 * - Encoding: setting `encoding`, default Windows-1252 (Mamut is a Windows desktop program;
 *   Tripletex also reads UTF-8, see docs/decisions/0002-encodings-per-format.md).
 */
import { defineGbat10Format } from './gbat10-format.ts';
import { gbat10Info } from './info.ts';

export const gbat10 = defineGbat10Format({ info: gbat10Info, variant: 'mamut', filePrefix: 'GBAT10' });
