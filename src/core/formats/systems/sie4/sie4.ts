/**
 * SIE 4, type 4I (import file, `.SI`): one verification (`#VER`) per invoice.
 *
 * Spec: SIE-Gruppen, "SIE filformat, utgåva 4B" (2008-09-30),
 * https://sie.se/wp-content/uploads/2020/05/SIE_filformat_ver_4B_080930.pdf — facts as collected in
 * ../shared/research/formats.md §1 (quoting 5.7, PC8 = CP437 5.8, #KSUMMA chapter 10).
 *
 * Rules followed, with their sources (docs/formats.md; /work notes of issue 12):
 * - "#FORMAT is compulsory in all five file types, and PC8 is its only legal value" (SIE 4B, as
 *   quoted in https://github.com/erp-mafia/accounted/pull/1466); PC8 is IBM code page 437, which
 *   has å ä ö Æ but no ø or Ø. In practice receivers differ: Moment tells its users "if these are
 *   not correct also change the setting for encoding. Set this to ISO 8859-1 (ISO-LATIN-1)"
 *   (https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/sie-4),
 *   cloud systems (Fortnox, Bokio) write and read UTF-8 under `#FORMAT PC8` (same pull request), and
 *   one of SIE-Gruppen's own samples (Visma Administration 2022.2) is UTF-8. Hence the setting
 *   `encoding` (`SIE_ENCODINGS`): CP437 (per spec), CP437 with replacement, ISO 8859-1, UTF-8;
 *   `#FORMAT PC8` is written whatever it says. Default `auto`: CP437 for Swedish companies, CP437
 *   with replacement for the others (a Norwegian chart is full of ø). The CP437 error names the
 *   setting that solves it.
 * - `#ORGNR`: Swedish organisation numbers as `NNNNNN-NNNN` (40+ of the sie.se sample files write
 *   it so, and the SIE validator reports the bare form); others as stored.
 * - `#ADRESS contact street postal phone`: the field order of the sample files
 *   (`#ADRESS "Siw Eriksson" "Box 1" "123 45 STORSTAD" "012-34 56 78"`); the contact person is the
 *   company's `contactPerson` (empty when not set); address line 2 is appended to line 1 after ", ".
 * - `#KPTYP`: SIE 4B names only BAS95, BAS96, EUBAS97 and NE2007 (two independent SIE libraries:
 *   Billecta's `SieKPTYP`, and a Python SIE 4 model); "Den har värdet EUBAS97 enligt SIE-standard
 *   då kontoplanen baserar sig på BAS2013" (https://lonlight.se/sie-fil.html). Setting
 *   `chartType`, default `auto`: EUBAS97 for Swedish companies (BAS), left out for others (NS 4102
 *   is not a SIE chart type); BAS2014 stays a choice, marked "not in SIE 4B".
 *
 * Assumptions where the spec leaves a choice (constants below or settings):
 * - File: CRLF line ends (`LINE_ENDING`), `#FLAGGA 0`, `#KSUMMA` on by default (setting
 *   `checksum`). Fields are quoted only when needed (empty, blank, quote, brace).
 * - Header: `#PROGRAM` from the context, `#GEN` = date of `context.now`, `#FNAMN`, `#ORGNR`,
 *   `#ADRESS`, `#KPTYP`, `#VALUTA` = company currency, `#KONTO` for every account posted (pre-flight
 *   makes sure each is in the chart).
 * - Dimensions: `#DIM 1 Kostnadsställe` for departments and `#DIM 6 Projekt` for projects, only
 *   when used. The data model has no department names, so `#OBJEKT 1` repeats the number as name.
 * - Vouchers: series from setting `series` (default `B`, the series Visma and Fortnox use for
 *   customer invoices). Voucher number: setting `voucherNumber`, default `empty` (`""`): a 4I file
 *   is imported into a running ledger, which numbers the vouchers itself (as BL0001_typ4I.SI and
 *   FAKT.SI do); `invoice-number` writes the invoice number instead. Voucher date = issue date;
 *   regdate = date of `finalizedAt` when set. Text: `Faktura <no> <customer>` or
 *   `Kreditfaktura <no> <customer>` (`VOUCHER_TEXT`).
 * - Rows: receivable (customer's ledger account, else setting `receivableAccount`, else the chart's
 *   customer receivables account: `chartReceivableAccount`) on
 *   the gross amount with `{}`; one revenue row per invoice line (credit = negative) with the
 *   objects `{1 "dept" 6 "proj"}` (department per setting `departmentSource`, project from the
 *   line or else the invoice) and the line text as transtext (transdate left `""`); one
 *   output-VAT row per VAT account and rate with `{}`. Credit notes have opposite signs.
 * - Amounts in the company currency with `.` and 2 decimals; foreign-currency invoices are
 *   converted with setting `exchangeRates` (src/core/formats/systems/invoice-ledger.ts).
 * - Characters CP437 lacks (ø Ø € ...) are errors under `encoding=cp437`; under `cp437-replace`
 *   src/core/formats/builders/transliterate.ts replaces them (ø→ö, Ø→Ö, €→EUR, typographic quotes
 *   and dashes → ASCII, ð→d, þ→th, ł→l, œ→oe, other accented letters → the plain letter) and the
 *   report lists every replacement. The older boolean setting `transliterate` maps onto it.
 */
import { formatDate } from '../../../domain/dates.ts';
import { formatOrgNumber } from '../../../domain/org-number.ts';
import { currencyDecimals, formatMinor } from '../../../domain/money.ts';
import type { CompanyData } from '../../../domain/types.ts';
import type { ExportContext, FormatSettings } from '../../types.ts';
import { encodeFile, fileStamp } from '../../builders/encode-file.ts';
import { bare, objectList, TaggedTextWriter } from '../../builders/tagged-text.ts';
import { describeReplacements, transliterate, type Transliteration } from '../../builders/transliterate.ts';
import { masterIndex } from '../../../ledger/invoice-lines.ts';
import { booleanSetting, defineFormat, stringSetting, type BuildOutput } from '../../kit/format-kit.ts';
import {
  checkInvoicesForLedger,
  ledgerOptionsFrom,
  ledgerVoucher,
  voucherDimensions,
  type DepartmentSource,
} from '../../../ledger/invoice-ledger.ts';
import { SIE_ENCODINGS, sie4Info, type SieEncoding } from './info.ts';

const LINE_ENDING = 'CRLF' as const;
const ENCODING = 'cp437' as const;

/** `auto`: CP437 for Swedish companies (whose letters CP437 holds), with replacement elsewhere. */
export function sieEncodingOf(data: CompanyData, settings: FormatSettings): (typeof SIE_ENCODINGS)[SieEncoding] {
  const chosen = stringSetting(settings, 'encoding');
  if (chosen in SIE_ENCODINGS) return SIE_ENCODINGS[chosen as SieEncoding];
  return SIE_ENCODINGS[data.company.countryCode === 'SE' ? 'cp437' : 'cp437-replace'];
}

/** `#KPTYP`'s value, or empty to leave the post out (`auto`: EUBAS97 for a Swedish BAS chart). */
function chartTypeOf(data: CompanyData, settings: FormatSettings): string {
  const chosen = stringSetting(settings, 'chartType');
  if (chosen === 'none') return '';
  if (chosen === 'auto' || chosen === '') return data.company.countryCode === 'SE' ? 'EUBAS97' : '';
  return chosen;
}

const DIMENSION_DEPARTMENT = '1';
const DIMENSION_PROJECT = '6';
const DIMENSION_NAMES = { [DIMENSION_DEPARTMENT]: 'Kostnadsställe', [DIMENSION_PROJECT]: 'Projekt' } as const;
const VOUCHER_TEXT = { invoice: 'Faktura', credit: 'Kreditfaktura' } as const;

function options(data: CompanyData, settings: FormatSettings) {
  return ledgerOptionsFrom(data, settings, {
    departmentSource: stringSetting(settings, 'departmentSource') as DepartmentSource,
  });
}

function build(data: CompanyData, settings: FormatSettings, context: ExportContext): BuildOutput {
  const { options: ledger } = options(data, settings);
  const index = masterIndex(data);
  const vouchers = data.invoices.map((invoice) => ledgerVoucher(invoice, index, ledger));
  const decimals = currencyDecimals(ledger.companyCurrency);
  const amount = (minor: number) => bare(formatMinor(minor, { decimals, decimalSeparator: '.' }, decimals));
  const replacements: Transliteration['replacements'] = new Map();
  const encoding = sieEncodingOf(data, settings);
  const text = (value: string) => (encoding.replace ? transliterate(value, ENCODING, replacements).text : value);

  const writer = new TaggedTextWriter({
    lineEnding: LINE_ENDING,
    encoding: encoding.bytes,
    checksum: booleanSetting(settings, 'checksum'),
  });
  const company = data.company;
  const companyRecord = { kind: 'company' as const, key: company.name || 'company' };
  writer.post('#FLAGGA', [bare('0')]);
  writer.post('#PROGRAM', [text(context.programName), text(context.programVersion)]);
  writer.post('#FORMAT', [bare('PC8')]);
  writer.post('#GEN', [bare(formatDate(context.now, 'yyyyMMdd'))]);
  writer.post('#SIETYP', [bare('4')]);
  writer.post('#FNAMN', [text(company.name)], companyRecord);
  if (company.orgNumber)
    writer.post('#ORGNR', [text(formatOrgNumber(company.orgNumber, company.countryCode))], companyRecord);
  const street = [company.addressLine1, company.addressLine2].filter(Boolean).join(', ');
  const postal = [company.postalCode, company.city].filter(Boolean).join(' ');
  const contact = company.contactPerson ?? '';
  writer.post('#ADRESS', [text(contact), text(street), text(postal), text(company.phone)], companyRecord);
  const chartType = chartTypeOf(data, settings);
  if (chartType) writer.post('#KPTYP', [text(chartType)]);
  writer.post('#VALUTA', [text(ledger.companyCurrency)]);

  const { accounts: usedAccounts, departments, projects } = voucherDimensions(vouchers);
  for (const number of usedAccounts) {
    const account = index.account(number);
    if (account)
      writer.post('#KONTO', [text(account.number), text(account.name)], { kind: 'account', key: account.number });
  }

  if (departments.length > 0) {
    writer.post('#DIM', [bare(DIMENSION_DEPARTMENT), text(DIMENSION_NAMES[DIMENSION_DEPARTMENT])]);
    for (const d of departments) writer.post('#OBJEKT', [bare(DIMENSION_DEPARTMENT), text(d), text(d)]);
  }
  if (projects.length > 0) {
    writer.post('#DIM', [bare(DIMENSION_PROJECT), text(DIMENSION_NAMES[DIMENSION_PROJECT])]);
    for (const p of projects)
      writer.post('#OBJEKT', [bare(DIMENSION_PROJECT), text(p), text(index.project(p)?.name ?? p)], {
        kind: 'project',
        key: p,
      });
  }

  const series = stringSetting(settings, 'series');
  const numbered = stringSetting(settings, 'voucherNumber') === 'invoice-number';
  let grossTotal = 0;
  for (const v of vouchers) {
    const record = { kind: 'invoice' as const, key: v.invoice.number || v.invoice.id };
    const verText = `${VOUCHER_TEXT[v.invoice.type]} ${v.invoice.number} ${v.customer.name}`.trim();
    const verFields = [
      series,
      numbered ? text(v.invoice.number) : '',
      bare(formatDate(v.invoice.issueDate, 'yyyyMMdd')),
      text(verText),
    ];
    if (v.invoice.finalizedAt) verFields.push(bare(formatDate(v.invoice.finalizedAt, 'yyyyMMdd')));
    writer.post('#VER', verFields, record);
    writer.brace('{', record);
    for (const row of v.rows) {
      const objects = objectList([
        [DIMENSION_DEPARTMENT, text(row.departmentNumber)],
        [DIMENSION_PROJECT, text(row.projectNumber)],
      ]);
      const fields = [text(row.account), objects, amount(row.amount)];
      if (row.kind === 'revenue' && row.text) fields.push('', text(row.text));
      writer.post('#TRANS', fields, record);
    }
    writer.brace('}', record);
    grossTotal += v.gross;
  }

  const finished = writer.finish();
  const stamp = fileStamp(context.now);
  const encoded = encodeFile({
    name: `SIE4_${stamp}.SI`,
    mimeType: 'text/plain',
    text: finished.text,
    encoding: encoding.bytes,
    unencodableRemedy: {
      field: 'encoding',
      hint: 'choose "CP437 with replacement" (or another encoding) under the export\'s Encoding setting',
    },
    lineRecords: finished.lineRecords,
    recordCount: vouchers.length,
    controlTotals: { vouchers: vouchers.length, [`gross ${ledger.companyCurrency}`]: grossTotal },
  });
  const report = describeReplacements(replacements);
  if (finished.checksum !== undefined) report.push(`#KSUMMA ${finished.checksum}`);
  return { files: encoded.file ? [encoded.file] : [], issues: [...writer.issues, ...encoded.issues], report };
}

export const sie4 = defineFormat({
  ...sie4Info,
  checks(data, settings) {
    const { options: ledger, invalidRates } = options(data, settings);
    return checkInvoicesForLedger(data, {
      ...ledger,
      needLineAccounts: true,
      needVatAccounts: true,
      exchangeRatesInvalid: invalidRates,
    });
  },
  build,
});
