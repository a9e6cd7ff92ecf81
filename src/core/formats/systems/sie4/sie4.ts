/**
 * SIE 4, type 4I (import file, `.SI`): one verification (`#VER`) per invoice.
 *
 * Spec: SIE-Gruppen, "SIE filformat, utgåva 4B" (2008-09-30),
 * https://sie.se/wp-content/uploads/2020/05/SIE_filformat_ver_4B_080930.pdf — facts as collected in
 * ../shared/research/formats.md §1 (quoting 5.7, PC8 = CP437 5.8, #KSUMMA chapter 10).
 *
 * Assumptions where the spec leaves a choice (constants below or settings):
 * - File: CP437 bytes (`#FORMAT PC8`), CRLF line ends (`LINE_ENDING`), `#FLAGGA 0`, `#KSUMMA` on by
 *   default (setting `checksum`). Fields are quoted only when needed (empty, blank, quote, brace).
 * - Header: `#PROGRAM` from the context, `#GEN` = date of `context.now`, `#FNAMN`, `#ORGNR`,
 *   `#ADRESS ""  street  "postcode city"  phone` (the company has no contact person field, so
 *   the first field is empty; address line 2 is appended to line 1 after ", "), `#KPTYP`
 *   (setting, default BAS2014), `#VALUTA` = company currency, `#KONTO` for every account used
 *   that is in the chart of accounts.
 * - Dimensions: `#DIM 1 Kostnadsställe` for departments and `#DIM 6 Projekt` for projects, only
 *   when used. The data model has no department names, so `#OBJEKT 1` repeats the number as name.
 * - Vouchers: series from setting `series` (default `B`, the series Visma and Fortnox use for
 *   customer invoices). Voucher number: setting `voucherNumber`, default `empty` (`""`): a 4I file
 *   is imported into a running ledger, which numbers the vouchers itself (as BL0001_typ4I.SI and
 *   FAKT.SI do); `invoice-number` writes the invoice number instead. Voucher date = issue date;
 *   regdate = date of `finalizedAt` when set. Text: `Faktura <no> <customer>` or
 *   `Kreditfaktura <no> <customer>` (`VOUCHER_TEXT`).
 * - Rows: receivable (customer's ledger account or setting `receivableAccount`, default 1510) on
 *   the gross amount with `{}`; one revenue row per invoice line (credit = negative) with the
 *   objects `{1 "dept" 6 "proj"}` (department per setting `departmentSource`, project from the
 *   line or else the invoice) and the line text as transtext (transdate left `""`); one
 *   output-VAT row per VAT account and rate with `{}`. Credit notes have opposite signs.
 * - Amounts in the company currency with `.` and 2 decimals; foreign-currency invoices are
 *   converted with setting `exchangeRates` (src/core/formats/systems/invoice-ledger.ts).
 * - Characters CP437 lacks (ø Ø € ...) are errors unless setting `transliterate` is on; then
 *   src/core/formats/builders/transliterate.ts replaces them (ø→ö, Ø→Ö, €→EUR, typographic quotes
 *   and dashes → ASCII, ð→d, þ→th, ł→l, œ→oe, other accented letters → the plain letter) and the
 *   report lists every replacement.
 */
import { formatDate } from '../../../domain/dates.ts';
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
import { sie4Info } from './info.ts';

const LINE_ENDING = 'CRLF' as const;
const ENCODING = 'cp437' as const;
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
  const shouldTransliterate = booleanSetting(settings, 'transliterate');
  const text = (value: string) => (shouldTransliterate ? transliterate(value, ENCODING, replacements).text : value);

  const writer = new TaggedTextWriter({
    lineEnding: LINE_ENDING,
    encoding: ENCODING,
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
  if (company.orgNumber) writer.post('#ORGNR', [text(company.orgNumber)], companyRecord);
  const street = [company.addressLine1, company.addressLine2].filter(Boolean).join(', ');
  const postal = [company.postalCode, company.city].filter(Boolean).join(' ');
  writer.post('#ADRESS', ['', text(street), text(postal), text(company.phone)], companyRecord);
  writer.post('#KPTYP', [text(stringSetting(settings, 'chartType') || 'BAS2014')]);
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
    encoding: ENCODING,
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
