/**
 * Xledger AR10 ("GBAT10 / Mamut format" as Xledger reads it).
 *
 * Spec: Moment's page https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/xledger/format-ar10
 * (summarised in ../shared/research/moment-exports.md §4.16) on top of the Mamut GBAT10
 * columns (§4.6).
 *
 * Rules from Moment's AR10 page (address above), 1-based columns: "Payment terms | 26 | Z | 4 |
 * Numeric (StdReg_xxx.xls)" (a standard-value code: setting `paymentTermsCodes` maps days to it,
 * unmapped terms are left empty with one warning); "GrossSum | 28 | AB | 20 | Numeric (three
 * decimals)" (filled on every row in gross mode, customer row included, so it sums to zero per
 * voucher); the page gives no quoting rule, so `;` inside a value is written as `,` with a
 * warning (the Mamut rules and their sources are quoted in gbat10-rows.ts).
 *
 * Assumptions: all of src/core/formats/systems/gbat10/gbat10-rows.ts, plus:
 * - 29 columns (A–AC): GBAT10 columns 0–27, then column AC "Extra" = `x` (Xledger's end-of-record
 *   marker) where Mamut has IBAN.
 * - Moment's page names X "(6)" unnamed and Y "(4) Project"; that is taken as a documentation slip:
 *   X = project (6) and Y = department (4), as in the Mamut spec.
 * - Department: Xledger's "Department" setting is `departmentSource` (line, the invoice's
 *   project, none); Moment's example configuration uses the project's department.
 * - Encoding: setting `encoding`, default Windows-1252 (the GBAT10 heritage; Xledger's page is
 *   silent), see docs/decisions/0002-encodings-per-format.md.
 */
import { defineGbat10Format } from './gbat10-format.ts';
import { xledgerAr10Info } from './info.ts';

export const xledgerAr10 = defineGbat10Format({
  info: xledgerAr10Info,
  variant: 'xledger-ar10',
  filePrefix: 'XLEDGER-AR10',
});
