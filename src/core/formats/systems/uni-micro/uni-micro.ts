/**
 * Uni Micro, Uni Standard (`.DAT`, `,` separated, typed records): customer records (RECTYPE 30)
 * for the customers of the exported invoices, then the voucher lines of the invoices.
 *
 * Spec: Uni Micro's Importsentral technical description
 * https://hjelp.unimicro.no/kom-i-gang/konvertering/importsentral ("Importsentralen håndterer import
 * av Uni Standard format"), and Moment's page
 * https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/uni-micro
 * ("a DAT file that use ',' (comma) as separator … lines for different data types, customers,
 * vouchers, invoices and invoice lines"; settings "Include project", "Include department");
 * summarised in ../shared/research/moment-exports.md §4.9.
 * Customer record, Uni's page: "1 RECTYPE =30, 2 Kontonr., 3 Navn, 4 Adresse, 5 Adresse 2,
 * 6 Postnr., 7 Poststed, 8 Saldo i fjor, 9 Gironr., 10 Kredittdager, 11 Kjedenr., 12 Kategori,
 * 13 øk.kategori, 14 Telefon, 15 Telefaks, 16 BLANK, 17 Omsetning i år, 18 Rabatt, 19 Telefaks,
 * 20 MVA nummer, 21 Landkode, 22 Land, 21 Valutakode" (the last is numbered 21 twice on the
 * page; it is written as the 23rd field).
 *
 * NOT PUBLISHED: the voucher, invoice and invoice-line records (their RECTYPE and fields), the
 * encoding, the quoting rule and the date format. This module therefore makes assumptions,
 * each a constant or setting, and the voucher layout is copyable into a layout template
 * (src/core/formats/copyable-layouts.ts) so that a user can correct it:
 * - Voucher RECTYPE: setting `voucherRecordType`, required, no default (not guessed).
 * - Voucher line fields (`VOUCHER_COLUMNS`): RECTYPE, voucher no. (= invoice number), voucher
 *   date, account, VAT code, amount, text, invoice no., KID, due date, project, department.
 *   One line per posting: the customer line (account = the customer number, the Kontonr. of its
 *   30 record; gross amount, KID and due date) and one line per invoice line (the line's account
 *   and VAT code, gross amount, so that Uni splits out the VAT by the code); each voucher sums to
 *   zero. No separate invoice / invoice-line records are written.
 * - Customer line text `Faktura <no> <customer>` / `Kreditnota …` (`TEXTS`).
 * - Amounts with `.` and 2 decimals, debit positive; dates `yyyyMMdd` (`DATE_PATTERN`).
 * - Customer record: Kredittdager = the customer's payment terms, Landkode = alpha-2, Land and
 *   Valutakode as held; Saldo i fjor, Gironr., Kjedenr., Kategori, øk.kategori, Telefaks,
 *   Omsetning i år and Rabatt empty; MVA nummer = org number.
 * - Project and department: settings `includeProject` / `includeDepartment` (Moment's two settings);
 *   the department is the invoice line's.
 * - No header, CRLF, no quoting: `,` inside a value is written as `;`, `"` as `'`, a line break as
 *   a space, each with a warning (`REPLACEMENTS`).
 * - Amounts in the company currency (setting `exchangeRates`); encoding setting, default
 *   Windows-1252.
 */
import type { CompanyData, Customer, IsoDate } from '../../../domain/types.ts';
import type { DelimitedColumn, DelimitedLayout, FieldReplacements } from '../../builders/delimited.ts';
import { buildDelimited } from '../../builders/delimited.ts';
import { encodeFile, fileStamp } from '../../builders/encode-file.ts';
import type { FieldFormat } from '../../builders/field-format.ts';
import type { TextEncodingName } from '../../../encoding/text-encoding.ts';
import { masterIndex } from '../../../ledger/invoice-lines.ts';
import { checkInvoicesForLedger, ledgerOptionsFrom, ledgerVoucher } from '../../../ledger/invoice-ledger.ts';
import type { ExportContext, ExportIssue, FormatSettings } from '../../types.ts';
import { booleanSetting, defineFormat, encodingOf, stringSetting } from '../../kit/format-kit.ts';
import { uniMicroInfo } from './info.ts';
import { invalidSettingIssue } from '../../kit/settings.ts';

export const CUSTOMER_RECORD_TYPE = '30';
export const REPLACEMENTS: FieldReplacements = { delimiter: ';', quote: "'", lineBreak: ' ' };
export const DATE_PATTERN = 'yyyyMMdd';
/** Text of the customer line (Uni Micro is Norwegian). */
export const TEXTS = { invoice: 'Faktura', credit: 'Kreditnota' } as const;

const c = (header: string, field?: string, format?: FieldFormat): DelimitedColumn =>
  field ? (format ? { header, field, format } : { header, field }) : { header, value: '' };

const CUSTOMER_COLUMNS: DelimitedColumn[] = [
  { header: 'RECTYPE', value: CUSTOMER_RECORD_TYPE },
  c('Kontonr', 'number'),
  c('Navn', 'name'),
  c('Adresse', 'addressLine1'),
  c('Adresse2', 'addressLine2'),
  c('Postnr', 'postalCode'),
  c('Poststed', 'city'),
  c('SaldoIFjor'),
  c('Gironr'),
  c('Kredittdager', 'paymentTermsDays'),
  c('Kjedenr'),
  c('Kategori'),
  c('OkKategori'),
  c('Telefon', 'phone'),
  c('Telefaks'),
  c('Blank'),
  c('OmsetningIAr'),
  c('Rabatt'),
  c('Telefaks2'),
  c('MvaNummer', 'orgNumber'),
  c('Landkode', 'countryCode'),
  c('Land'),
  c('Valutakode', 'currency'),
];

/** Assumed (see the header): Uni Micro does not publish its voucher record. */
const VOUCHER_COLUMNS: DelimitedColumn[] = [
  c('RECTYPE', 'recordType'),
  c('Bilagsnr', 'voucherNo'),
  c('Bilagsdato', 'date', { type: 'date', pattern: DATE_PATTERN }),
  c('Konto', 'account'),
  c('Mvakode', 'vatCode'),
  c('Belop', 'amount', { type: 'amount', decimals: 2, sign: 'signed' }),
  c('Tekst', 'text'),
  c('Fakturanr', 'invoiceNo'),
  c('KID', 'kid'),
  c('Forfallsdato', 'dueDate', { type: 'date', pattern: DATE_PATTERN }),
  c('Prosjekt', 'project'),
  c('Avdeling', 'department'),
];

function layout(columns: DelimitedColumn[], encoding: TextEncodingName): DelimitedLayout {
  return {
    delimiter: ',',
    quoting: 'none',
    replacements: { ...REPLACEMENTS },
    quoteEmpty: false,
    headerRow: false,
    decimalSeparator: '.',
    lineEnding: 'CRLF',
    encoding,
    columns: columns.map((col) => ({ ...col })),
  };
}

export function uniMicroLayouts(encoding: TextEncodingName = 'windows-1252') {
  return { customers: layout(CUSTOMER_COLUMNS, encoding), vouchers: layout(VOUCHER_COLUMNS, encoding) };
}

export interface UniVoucherLine {
  recordType: string;
  voucherNo: string;
  date: IsoDate;
  account: string;
  vatCode: string;
  amount: number;
  text: string;
  invoiceNo: string;
  kid: string;
  dueDate: IsoDate | '';
  project: string;
  department: string;
  key: string;
}

function ledger(data: CompanyData, settings: FormatSettings) {
  // The customer line posts to the customer number (its Kontonr.), not to a receivable account.
  return ledgerOptionsFrom(data, { ...settings, receivableAccount: '-' }, { departmentSource: 'line' });
}

export function uniVoucherLines(data: CompanyData, settings: FormatSettings): UniVoucherLine[] {
  const { options } = ledger(data, settings);
  const index = masterIndex(data);
  const recordType = stringSetting(settings, 'voucherRecordType');
  const withProject = booleanSetting(settings, 'includeProject');
  const withDepartment = booleanSetting(settings, 'includeDepartment');
  return data.invoices.flatMap((invoice) => {
    const v = ledgerVoucher(invoice, index, options);
    const key = invoice.number || invoice.id;
    const base = { recordType, voucherNo: invoice.number, date: invoice.issueDate, invoiceNo: invoice.number, key };
    const lines = v.rows
      .filter((r) => r.kind === 'revenue')
      .map((r) => ({
        ...base,
        account: r.account,
        vatCode: r.vatCode,
        amount: r.amount + r.lineVat,
        text: r.text,
        kid: '',
        dueDate: '' as const,
        project: withProject ? r.projectNumber : '',
        department: withDepartment ? r.departmentNumber : '',
      }));
    const customerLine = {
      ...base,
      account: v.customer.number,
      vatCode: '',
      amount: -lines.reduce((s, l) => s + l.amount, 0) + 0,
      text: `${TEXTS[invoice.type]} ${invoice.number} ${v.customer.name}`.trim(),
      kid: invoice.kid,
      dueDate: invoice.dueDate,
      project: withProject ? invoice.projectNumber : '',
      department: '',
    };
    return [customerLine, ...lines];
  });
}

function customersOf(data: CompanyData): Customer[] {
  const byNumber = new Map(data.customers.map((cu) => [cu.number, cu]));
  const seen = new Map<string, Customer>();
  for (const invoice of data.invoices) {
    const customer = byNumber.get(invoice.customerNumber);
    if (customer && !seen.has(customer.number)) seen.set(customer.number, customer);
  }
  return [...seen.values()];
}

function build(data: CompanyData, settings: FormatSettings, context: ExportContext) {
  const encoding = encodingOf(settings, 'windows-1252');
  const layouts = uniMicroLayouts(encoding);
  const customers = customersOf(data).map((cu) => ({
    ...cu,
    countryCode: (cu.countryCode || data.company.countryCode).toUpperCase(),
    currency: (cu.currency || data.company.currency).toUpperCase(),
  }));
  const customerPart = buildDelimited(layouts.customers, customers, {
    recordOf: (r) => ({ kind: 'customer', key: r.number }),
  });
  const lines = uniVoucherLines(data, settings);
  const voucherPart = buildDelimited(layouts.vouchers, lines, { recordOf: (r) => ({ kind: 'invoice', key: r.key }) });
  const encoded = encodeFile({
    name: `UNI_${fileStamp(context.now)}.DAT`,
    mimeType: 'text/plain',
    text: customerPart.text + voucherPart.text,
    encoding,
    lineRecords: [...customerPart.lineRecords, ...voucherPart.lineRecords],
    recordCount: customers.length + lines.length,
    controlTotals: {
      customers: customers.length,
      vouchers: data.invoices.length,
      lines: lines.length,
      [`gross ${data.company.currency}`]: lines.filter((l) => l.vatCode === '').reduce((s, l) => s + l.amount, 0),
    },
  });
  return {
    files: encoded.file ? [encoded.file] : [],
    issues: [...customerPart.issues, ...voucherPart.issues, ...encoded.issues],
    report: [],
  };
}

export const uniMicro = defineFormat({
  ...uniMicroInfo,
  checks(data: CompanyData, settings: FormatSettings) {
    const { options, invalidRates } = ledger(data, settings);
    const issues: ExportIssue[] = checkInvoicesForLedger(data, {
      ...options,
      needLineAccounts: true,
      needVatAccounts: false,
      postsReceivable: false,
      exchangeRatesInvalid: invalidRates,
    });
    const recordType = stringSetting(settings, 'voucherRecordType');
    if (!/^\d{1,3}$/.test(recordType))
      issues.push(invalidSettingIssue(uniMicroInfo.settings, 'voucherRecordType', recordType));
    return issues;
  },
  build,
});
