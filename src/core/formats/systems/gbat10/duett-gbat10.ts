/**
 * Duett, GBAT10 variant ("Duett (Mamut/GBAT10)", for Duett's GBAT10 add-on): Mamut's GBAT10 file.
 *
 * Spec: Moment's page https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/duett
 * (summarised in ../shared/research/moment-exports.md §4.2): two variants, "Duett native, which
 * every Duett installation supports" and "Duett (Mamut/GBAT10), which needs an add-on in Duett";
 * "the two variants give the same data in Duett; they differ only in field-size limits". The
 * Mamut variant's settings: Accounting project, Voucher code for invoices (default 1), Voucher
 * code for credit notes (default 3). The columns are Mamut's
 * (http://help.mamut.com/no/mhelp/rtm/import_export/csv_formats/journal_formats/gbat10.htm),
 * quoted in gbat10-rows.ts.
 *
 * Assumptions: all of src/core/formats/systems/gbat10/gbat10-rows.ts (the Mamut layout with IBAN
 * and SWIFT as the last columns, Mamut's field lengths; Duett's own limits are not published).
 *
 * Not built: the native Duett files (VB_BILAG.TXT, VB_KUNDE.TXT, VB_RE…): no public record
 * layout was found (moment-exports.md §4.2 "NOT FOUND"; searches of the docs, pages and code
 * corpora for VB_BILAG found nothing), so no `duett` format exists.
 */
import { defineGbat10Format } from './gbat10-format.ts';
import { duettGbat10Info } from './info.ts';

export const duettGbat10 = defineGbat10Format({ info: duettGbat10Info, variant: 'duett', filePrefix: 'DUETT-GBAT10' });
