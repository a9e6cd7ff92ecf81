/**
 * Visma Business: customers, projects and invoice vouchers as one import ("EDI") file with
 * `@FIRM_BEGIN`, `@Actor`, the project table, `@WaBnd` (batch) and `@WaVo` (vouchers).
 *
 * Spec, Visma's own documentation:
 * - Syntax and minimum batch, http://doc.visma.net/userdoc/business/15.10/nb-no/products/business/concept/c_import_data_batch.html :
 *   the heading `@Actor (=CustNo, Nm, Ad1, Ad2, Pno, Parea, BsNo)` ("with a test of the Customer
 *   number field": `=` marks the matching field), data rows such as
 *   `10001 "Dataspesialisten AS" "Torggt. 1" "2601" "LILLEHAMMER" "123456789"` (space-separated,
 *   text in double quotes), and the voucher example
 *   `@WaBnd(ValDt)` / `20181002` / `@WaVo(VoNo,VoDt,VoTp,DbAcNo,DbTxCd,DbTrnCl,DbAcCl,CrAcNo,CrTxCd,CrTrnCl,CrAcCl,AmExVAT,VatAm,Am,InvoNo,DueDt)` /
 *   `1 20181002 11 10001 0 0 1 0 0 0 0 1250.00 0 1250.00 1234 20181101` /
 *   `1 20181002 11 0 0 0 0 3000 3 1 3 1000.00 250.00 1250.00 1234 0`.
 *   "Visma Business calculates the VAT amount on updating, which can lead to rounding differences
 *   between the invoicing system and the accounting."
 * - Commands, http://doc.visma.net/userdoc/business/15.10/nb-no/products/business/reference/r_import_file_commands.html :
 *   "@FIRM_BEGIN (Company no)", "@FIRM_END ()", "@IMPORT_METHOD (Import method no)" with
 *   "1. Overwrite stated fields".
 * - Minimum voucher, http://doc.visma.net/userdoc/business/14.10/nb-no/products/business/reference/r_r_batch_update.html :
 *   "the voucher number, voucher type, debit or credit account number and the amount. If the
 *   company is liable to pay tax, and the tax codes are not evident from the account plan, the
 *   debit and credit tax code must also be specified."
 * Sections and field lists: Moment's page https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/visma-business
 * (../shared/research/moment-exports.md §4.10): `@FIRM_BEGIN {ClientID}`, `@IMPORT_METHOD 1`,
 * `@Actor =custNo,BsNo,Nm,Ad1,Ad2,Ad3,PNo,PArea,Ctry`, `@{FieldNameForProjects} =RNo,Nm,CustNo`,
 * `@WaBnd Descr,ValDt,SrcTp` with `"Export fra Moment",{Date},"12"`,
 * `@WaVo VoNo,VoDt,VoTp,Txt,DbAcNo,Am,InvoNo,AgRef,Cust,DueDt,CID,ValDt,Cur,ExRt,CurAm,CrAcNo,CrTrnCl,{FieldNameForProjects},R1,CrTxCd,DbTrnCl,DbTxCd`,
 * `@FIRM_END {ClientID}`.
 *
 * Assumptions (constants or settings):
 * - Punctuation follows Visma's examples, not Moment's flattened table: `@COMMAND(value)` and
 *   `@Table(field,...)` headings (`heading()`), values separated by one space (`SEPARATOR`), text
 *   always in `"` (also empty text and digit-only text such as postcodes, as Visma's example
 *   quotes "2601"), numbers bare with `.` decimals, dates `yyyyMMdd`, an absent number or date
 *   `0` (as Visma's example writes DueDt 0). Visma publishes no escape for `"` inside a text, so it
 *   is written as `'` (`QUOTE_REPLACEMENT`) with a warning; line breaks become spaces.
 * - Field names as Moment lists them, with Visma's spelling `CustNo` for Moment's `custNo`.
 * - `@IMPORT_METHOD(1)` (`IMPORT_METHOD`, Moment's value). Client ID: setting `clientId`.
 * - Customers (`@Actor`, setting `exportCustomers`) and projects (setting `exportProjects`, table
 *   = setting `projectField`, default `R2`) of the exported invoices, or all with setting
 *   `includeAllCustomers`. Ctry is Visma Business's country number: `COUNTRY_NUMBERS` assumes the
 *   international dialling codes (47 Norway); a country not in the table is written 0 with a
 *   warning. R1–R6 hold integers, so departments (R1) and projects there must be digits.
 * - One `@WaBnd` row: Descr `Export fra <program>` (`BATCH_TEXT`), ValDt = the export date,
 *   SrcTp 12 (`SOURCE_TYPE`, Moment's value).
 * - Vouchers, as Visma's voucher example: each posting line has either a debit or a credit
 *   account and a positive amount. The customer line posts to the customer number (Visma Business
 *   keeps customers in the account series; Visma's example debits 10001) with tax code 0, turnover
 *   class 0, the due date, KID (CID) and, on credit notes, the credited invoice number as AgRef.
 *   Each revenue line posts its account with its **gross** amount (net + VAT) and its VAT code, as
 *   Visma's example (`3000 3 1 ... 1250.00`): Visma Business splits the VAT on update, so no VAT
 *   lines are written. The VAT code written is the code's standard (SAF-T) code, which Visma
 *   Business's Norwegian VAT codes follow (setting `vatCodes`; `own` writes the company's codes).
 *   Turnover class of revenue lines: setting `turnoverClass` (default 1, as the example).
 * - VoNo and InvoNo = the invoice number (digits, at most `NUMBER_DIGITS`: 32-bit integers);
 *   VoTp: settings `invoiceVoucherType` (11) / `creditVoucherType` (12), after PowerOffice's
 *   note that Visma Business files use voucher types 11/12/21/22
 *   (https://support.poweroffice.com/hc/no/articles/115003581606); Cust = the customer number on
 *   every line.
 * - Foreign currency: Am in the company currency (setting `exchangeRates`), Cur = ISO 4217
 *   numeric code (`CURRENCY_NUMBERS`), ExRt = the rate per 100 units (Visma's "ExRt ... Company
 *   currency will be 100", Moment's Visma Document Center page), CurAm = the invoice-currency
 *   amount; all 0 for company-currency invoices.
 * - Setting `blankLineAfterHeader` writes an empty line after each heading (Moment's option).
 * - CRLF; encoding setting `encoding`, default Windows-1252 (Visma Business reads ANSI).
 */
import { pushAll } from '../../../push-all.ts';
import { formatDate } from '../../../domain/dates.ts';
import { formatMinor } from '../../../domain/money.ts';
import type { CompanyData, Customer, Project } from '../../../domain/types.ts';
import { buildDelimited, type DelimitedColumn, type DelimitedLayout } from '../../builders/delimited.ts';
import { encodeFile, fileStamp } from '../../builders/encode-file.ts';
import type { IssueRecord } from '../../builders/field-format.ts';
import { issue } from '../../issues.ts';
import { masterIndex, type MasterIndex } from '../../../ledger/invoice-lines.ts';
import type { ExportContext, ExportIssue, FormatSettings } from '../../types.ts';
import { booleanSetting, defineFormat, encodingOf, integerSetting, stringSetting } from '../../kit/format-kit.ts';
import {
  checkInvoicesForLedger,
  ledgerOptionsFrom,
  ledgerVoucher,
  type LedgerVoucher,
} from '../../../ledger/invoice-ledger.ts';
import { parseExchangeRates } from '../../../ledger/exchange-rates.ts';
import { vismaBusinessInfo } from './info.ts';

const DEFAULT_ENCODING = 'windows-1252' as const;
const SEPARATOR = ' ';
const QUOTE_REPLACEMENT = "'";
const IMPORT_METHOD = 1;
const SOURCE_TYPE = 12;
const BATCH_TEXT = 'Export fra';
const DATE_PATTERN = 'yyyyMMdd';
const NUMBER_DIGITS = 9;
const SYSTEM = 'Visma Business';
/** Organisational units R1–R6 are integers in Visma Business; R7–R12 text. */
const NUMERIC_UNITS = new Set(['R1', 'R2', 'R3', 'R4', 'R5', 'R6']);
export const COUNTRY_NUMBERS: Readonly<Record<string, number>> = {
  NO: 47,
  SE: 46,
  DK: 45,
  FI: 358,
  IS: 354,
  DE: 49,
  GB: 44,
  US: 1,
  NL: 31,
  FR: 33,
  PL: 48,
};
export const CURRENCY_NUMBERS: Readonly<Record<string, string>> = {
  NOK: '578',
  SEK: '752',
  DKK: '208',
  EUR: '978',
  USD: '840',
  GBP: '826',
  ISK: '352',
  CHF: '756',
};

/** A text field: always in quotes. A number, date or amount: bare (the row holds its text). */
const s = (header: string): DelimitedColumn => ({ header, field: header, format: { type: 'text' }, quote: 'always' });
const n = (header: string): DelimitedColumn => ({ header, field: header, quote: 'never' });

function sectionLayout(columns: DelimitedColumn[], encoding: DelimitedLayout['encoding']): DelimitedLayout {
  return {
    delimiter: SEPARATOR,
    quoting: 'text-only',
    quoteEmpty: true,
    headerRow: false,
    decimalSeparator: '.',
    lineEnding: 'CRLF',
    encoding,
    columns,
  };
}

export const ACTOR_FIELDS = ['=CustNo', 'BsNo', 'Nm', 'Ad1', 'Ad2', 'Ad3', 'PNo', 'PArea', 'Ctry'];
const ACTOR_COLUMNS = [n('CustNo'), s('BsNo'), s('Nm'), s('Ad1'), s('Ad2'), s('Ad3'), s('PNo'), s('PArea'), n('Ctry')];
const PROJECT_COLUMNS = [n('RNo'), s('Nm'), n('CustNo')];
const BATCH_COLUMNS = [s('Descr'), n('ValDt'), n('SrcTp')];

/** The @WaVo fields in Moment's order; `project` is the project table's field name. */
export function voucherFields(project: string): string[] {
  return [
    ...['VoNo', 'VoDt', 'VoTp', 'Txt', 'DbAcNo', 'Am', 'InvoNo', 'AgRef', 'Cust', 'DueDt', 'CID', 'ValDt'],
    ...['Cur', 'ExRt', 'CurAm', 'CrAcNo', 'CrTrnCl', project, 'R1', 'CrTxCd', 'DbTrnCl', 'DbTxCd'],
  ];
}
const TEXT_VOUCHER_FIELDS = new Set(['Txt', 'AgRef', 'CID']);

function heading(table: string, fields: readonly string[]): string {
  return `@${table}(${fields.join(',')})`;
}

type Row = Record<string, string>;

/** Cleans a text for quotes: `"` → `'`, line breaks → space, each with a warning. */
function cleaner(issues: ExportIssue[]) {
  return (value: string, record: IssueRecord, field: string): string => {
    let out = value.replace(/\r\n|[\r\n\t]/g, ' ');
    if (out !== value) issues.push(issue('warning', 'line-break-replaced', {}, record, field));
    if (out.includes('"')) {
      const written = out.replace(/"/g, QUOTE_REPLACEMENT);
      issues.push(issue('warning', 'quote-replaced', { value: out, written, system: SYSTEM }, record, field));
      out = written;
    }
    return out;
  };
}

const integerText = (value: string | number) => (String(value) === '' ? '0' : String(value));
const dateText = (iso: string) => (iso ? formatDate(iso, DATE_PATTERN) : '0');
const money = (minor: number) => formatMinor(Math.abs(minor), { decimals: 2, decimalSeparator: '.' });

function dimension(value: string, target: string, what: string, record: IssueRecord, issues: ExportIssue[]): string {
  if (value === '') return '0';
  if (NUMERIC_UNITS.has(target) && !/^\d{1,9}$/.test(value)) {
    issues.push(
      issue('error', 'non-numeric-dimension', { dimension: what, value, system: SYSTEM, target }, record, target),
    );
  }
  return value;
}

function voucherRows(
  v: LedgerVoucher,
  settings: FormatSettings,
  master: MasterIndex,
  clean: ReturnType<typeof cleaner>,
  issues: ExportIssue[],
): Row[] {
  const { invoice, customer } = v;
  const record = { kind: 'invoice' as const, key: invoice.number || invoice.id };
  const projectField = stringSetting(settings, 'projectField') || 'R2';
  const credit = invoice.type === 'credit';
  const voucherType = integerSetting(settings, credit ? 'creditVoucherType' : 'invoiceVoucherType', credit ? 12 : 11);
  const turnoverClass = integerSetting(settings, 'turnoverClass', 1);
  const ownCodes = stringSetting(settings, 'vatCodes') === 'own';
  const rate = v.foreignCurrency ? ratePer100(stringSetting(settings, 'exchangeRates'), invoice.currency) : '0';
  const title = clean(`${credit ? 'Kreditnota' : 'Faktura'} ${invoice.number} ${customer.name}`.trim(), record, 'Txt');
  const rows: Row[] = [];
  const revenue = v.rows.filter((x) => x.kind === 'revenue');
  for (const r of v.rows) {
    if (r.kind === 'vat') continue; // Visma Business computes VAT from the revenue lines' codes
    const receivable = r.kind === 'receivable';
    // The customer line takes the sum of the gross lines, so the voucher balances after conversion.
    const amount = receivable ? -revenue.reduce((sum, x) => sum + x.amount + x.lineVat, 0) + 0 : r.amount + r.lineVat;
    const currencyAmount = receivable
      ? -revenue.reduce((sum, x) => sum + x.currencyAmount + x.currencyLineVat, 0) + 0
      : r.currencyAmount + r.currencyLineVat;
    const debit = amount >= 0;
    const account = receivable ? customer.number : r.account;
    let vatCode = '0';
    if (!receivable && r.vatCode)
      vatCode = ownCodes ? r.vatCode : master.vatCode(r.vatCode)?.standardTaxCode || r.vatCode;
    const trnCl = receivable ? '0' : String(turnoverClass);
    rows.push({
      VoNo: invoice.number,
      VoDt: dateText(invoice.issueDate),
      VoTp: String(voucherType),
      Txt: receivable ? title : clean(r.text || title, record, 'Txt'),
      DbAcNo: debit ? account : '0',
      Am: money(amount),
      InvoNo: invoice.number,
      AgRef: receivable && credit ? invoice.creditedInvoiceNumber : '',
      Cust: integerText(customer.number),
      DueDt: receivable ? dateText(invoice.dueDate) : '0',
      CID: receivable ? invoice.kid : '',
      ValDt: dateText(invoice.issueDate),
      Cur: v.foreignCurrency ? (CURRENCY_NUMBERS[invoice.currency.toUpperCase()] ?? '0') : '0',
      ExRt: rate,
      CurAm: v.foreignCurrency ? money(currencyAmount) : '0',
      CrAcNo: debit ? '0' : account,
      CrTrnCl: debit ? '0' : trnCl,
      [projectField]: dimension(r.projectNumber, projectField, 'project', record, issues),
      R1: dimension(r.departmentNumber, 'R1', 'department', record, issues),
      CrTxCd: debit ? '0' : vatCode,
      DbTrnCl: debit ? trnCl : '0',
      DbTxCd: debit ? vatCode : '0',
      recordKey: record.key,
    });
  }
  return rows;
}

/** The company-currency amount of 100 units, e.g. `1149.21` for `EUR=11.4921`; `0` without a rate. */
function ratePer100(setting: string, currency: string): string {
  const { rates } = parseExchangeRates(setting);
  const scaled = rates.get(currency.toUpperCase());
  if (scaled === undefined) return '0';
  // Scaled by 10^6: 100 units = scaled / 10^4, written with up to 4 decimals.
  const text = formatMinor(Number(scaled), { decimals: 4, decimalSeparator: '.' }, 4);
  return text.replace(/\.?0+$/, '');
}

function customersOf(data: CompanyData, all: boolean): Customer[] {
  if (all) return data.customers;
  const wanted = new Set(data.invoices.map((i) => i.customerNumber));
  return data.customers.filter((c) => wanted.has(c.number));
}

function projectsOf(data: CompanyData, all: boolean): Project[] {
  if (all) return data.projects;
  const wanted = new Set(data.invoices.flatMap((i) => [i.projectNumber, ...i.lines.map((l) => l.projectNumber)]));
  return data.projects.filter((p) => wanted.has(p.number));
}

function build(data: CompanyData, settings: FormatSettings, context: ExportContext) {
  const encoding = encodingOf(settings, DEFAULT_ENCODING);
  const issues: ExportIssue[] = [];
  const clean = cleaner(issues);
  const { options } = ledgerOptionsFrom(data, settings, { departmentSource: 'line' });
  const index = masterIndex(data);
  const vouchers = data.invoices.map((invoice) => ledgerVoucher(invoice, index, options));
  const all = booleanSetting(settings, 'includeAllCustomers');
  const projectField = stringSetting(settings, 'projectField') || 'R2';
  const clientId = integerSetting(settings, 'clientId', 1);
  const blank = booleanSetting(settings, 'blankLineAfterHeader');
  const eol = '\r\n';
  const lines: string[] = [];
  const lineRecords: (IssueRecord | undefined)[] = [];
  const command = (text: string) => {
    lines.push(text);
    lineRecords.push(undefined);
  };
  const section = <R extends Row>(
    head: string,
    columns: DelimitedColumn[],
    rows: R[],
    recordOf: (r: R) => IssueRecord,
  ) => {
    if (rows.length === 0) return;
    command(head);
    if (blank) command('');
    const built = buildDelimited(sectionLayout(columns, encoding), rows, { recordOf });
    pushAll(issues, built.issues);
    for (const [i, line] of built.text.split(eol).slice(0, rows.length).entries()) {
      lines.push(line);
      lineRecords.push(built.lineRecords[i]);
    }
  };

  command(`@FIRM_BEGIN(${clientId})`);
  command(`@IMPORT_METHOD(${IMPORT_METHOD})`);
  if (booleanSetting(settings, 'exportCustomers')) {
    const rows = customersOf(data, all).map((c) => {
      const record = { kind: 'customer' as const, key: c.number };
      const country = (c.countryCode || data.company.countryCode || 'NO').toUpperCase();
      const ctry = COUNTRY_NUMBERS[country];
      if (ctry === undefined)
        issues.push(
          issue(
            'warning',
            'unknown-country',
            { customer: c.number, country, known: Object.keys(COUNTRY_NUMBERS).join(', ') },
            record,
            'countryCode',
          ),
        );
      return {
        CustNo: integerText(c.number),
        BsNo: clean(c.orgNumber, record, 'BsNo'),
        Nm: clean(c.name, record, 'Nm'),
        Ad1: clean(c.addressLine1, record, 'Ad1'),
        Ad2: clean(c.addressLine2, record, 'Ad2'),
        Ad3: '',
        PNo: clean(c.postalCode, record, 'PNo'),
        PArea: clean(c.city, record, 'PArea'),
        Ctry: String(ctry ?? 0),
      };
    });
    section(heading('Actor', ACTOR_FIELDS), ACTOR_COLUMNS, rows, (r) => ({ kind: 'customer', key: r.CustNo }));
  }
  if (booleanSetting(settings, 'exportProjects')) {
    const rows = projectsOf(data, all).map((p) => {
      const record = { kind: 'project' as const, key: p.number };
      return {
        RNo: dimension(p.number, projectField, 'project', record, issues),
        Nm: clean(p.name, record, 'Nm'),
        CustNo: integerText(p.customerNumber),
      };
    });
    section(heading(projectField, ['=RNo', 'Nm', 'CustNo']), PROJECT_COLUMNS, rows, (r) => ({
      kind: 'project',
      key: r.RNo,
    }));
  }
  const batch = {
    Descr: clean(`${BATCH_TEXT} ${context.programName}`, { kind: 'company', key: data.company.name }, 'Descr'),
    ValDt: dateText(context.now.slice(0, 10)),
    SrcTp: String(SOURCE_TYPE),
  };
  section(heading('WaBnd', ['Descr', 'ValDt', 'SrcTp']), BATCH_COLUMNS, [batch], () => ({
    kind: 'company',
    key: data.company.name,
  }));
  const fields = voucherFields(projectField);
  const voucherColumns = fields.map((f) => (TEXT_VOUCHER_FIELDS.has(f) ? s(f) : n(f)));
  const rows = vouchers.flatMap((v) => voucherRows(v, settings, index, clean, issues));
  section(heading('WaVo', fields), voucherColumns, rows, (r) => ({ kind: 'invoice', key: r['recordKey']! }));
  command(`@FIRM_END(${clientId})`);

  const encoded = encodeFile({
    name: `VISMA-BUSINESS_${fileStamp(context.now)}.edi`,
    mimeType: 'text/plain',
    text: lines.join(eol) + eol,
    encoding,
    lineRecords,
    recordCount: rows.length,
    controlTotals: {
      vouchers: vouchers.length,
      rows: rows.length,
      [`gross ${options.companyCurrency}`]: vouchers.reduce((sum, v) => sum + v.gross, 0),
    },
  });
  return { files: encoded.file ? [encoded.file] : [], issues: [...issues, ...encoded.issues], report: [] };
}

export const vismaBusiness = defineFormat({
  ...vismaBusinessInfo,
  checks(data: CompanyData, settings: FormatSettings) {
    const { options, invalidRates } = ledgerOptionsFrom(data, settings, { departmentSource: 'line' });
    return checkInvoicesForLedger(data, {
      ...options,
      needLineAccounts: true,
      needVatAccounts: false,
      postsReceivable: false,
      numericCustomerNumbers: NUMBER_DIGITS,
      numericInvoiceNumbers: NUMBER_DIGITS,
      exchangeRatesInvalid: invalidRates,
    });
  },
  build,
});
