/**
 * Visma Scenario: invoices as vouchers in Scenario's `,`-separated TXT import, one line per
 * posting with a debit side and a credit side.
 *
 * Spec: Moment's page https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/visma-scenario
 * (../shared/research/moment-exports.md §4.13), quoted:
 * - "The file produced is a TXT file that is using "," (comma) as separator. String fields use
 *   double quotation marks."
 * - "Date format: YYYYMMDD", "Decimal separator: none", "Numeric fields right adjusted, padded
 *   with 0".
 * - The field table (N = numeric, A = alphanumeric, length), in `COLUMNS` below in its order:
 *   Batch number N5, Year N4, Period N2 ("Accounting period (month)"), Voucher number N8, Voucher
 *   date N8, Due date N8, Debet account N8, Debet ledger N12, (unnamed) A1, Debet department /
 *   project / object / activity A10, Credit account N8, Credit ledger N12 "(Max 8 in Norwegian
 *   version)", (unnamed) A1, Credit department / project / object / activity A10, Post number
 *   N10 "Invoice number", (unnamed) N2, Text A20 "If blank get from selected document type",
 *   Amount N12 "Two decimals", Count N11 "Two decimals", Currency amount N13 "Three decimals",
 *   Currency code A3, Payment ID A25 "OCR/KID number", Journal number N5 "Not used", Customer
 *   name A35, address 1–3 A35, Zip code A8, Place A27 ("Used to create new customer/supplier").
 * - Document types: "1 Invoice", "2 Credit note", ... (the unnamed N2 after Post number).
 * No Visma-published spec of Scenario's import was found.
 *
 * Assumptions (constants or settings):
 * - The unnamed A1 after each ledger (`LEDGER_FLAG`) is written empty (`""`): its meaning is not
 *   published. The unnamed N2 after Post number is the document type (`DOCUMENT_TYPE`: 1 invoice,
 *   2 credit note), as the page's table of document types suggests.
 * - Every numeric field is written at its full width, zero-padded, also when zero or empty
 *   (`00000000` for an unused account); a value longer than its width is an error. Numbers carry no
 *   sign: the side (debit or credit account) gives it.
 * - Strings are always in `"` (also empty ones). Scenario's rule for a `"` or `,` inside a string is
 *   not published, so `REPLACEMENTS` writes `"` as `'`, a `,` as `;` and a line break as a space,
 *   each with a warning: the line then splits correctly on `,` whether or not the reader honours
 *   the quotes. Strings longer than their width are cut, with a warning.
 * - One line per posting of the ledger voucher (`ledgerVoucher`): the receivable line posts the
 *   receivable account with the customer number as ledger ("Debet ledger" / "Credit ledger") and
 *   carries the customer's name and address; revenue lines post the line's account with its
 *   department and project; VAT lines post the VAT code's account (Scenario's file has no VAT code
 *   field, so VAT goes on lines of its own). Object and activity stay empty.
 * - Batch number: setting `batchNumber` (default 1); Year and Period from the voucher date; Voucher
 *   number and Post number = the invoice number (digits, at most `VOUCHER_DIGITS`); the due date on
 *   every line of the voucher; Count 0; Journal number 0.
 * - Customer numbers must be digits, at most `CUSTOMER_LEDGER_DIGITS` (the Norwegian version's 8).
 * - Foreign currency: Amount in the company currency (setting `exchangeRates`), Currency amount in
 *   the invoice currency with three decimals, Currency code ISO 4217; both empty / zero for
 *   company-currency invoices.
 * - CRLF line ends; encoding setting `encoding`, default Windows-1252 (not published).
 */
import type { CompanyData } from '../../../domain/types.ts';
import type { DelimitedColumn, DelimitedLayout, FieldReplacements } from '../../builders/delimited.ts';
import { fileStamp } from '../../builders/encode-file.ts';
import type { FieldFormat } from '../../builders/field-format.ts';
import { issue } from '../../issues.ts';
import { masterIndex } from '../../../ledger/invoice-lines.ts';
import type { ExportContext, ExportIssue, FormatSettings } from '../../types.ts';
import { defineFormat, encodingOf, integerSetting, voucherCsvFile } from '../../kit/format-kit.ts';
import {
  checkInvoicesForLedger,
  ledgerOptionsFrom,
  ledgerVoucher,
  type LedgerRow,
  type LedgerVoucher,
} from '../../../ledger/invoice-ledger.ts';
import { vismaScenarioInfo } from './info.ts';

const DEFAULT_ENCODING = 'windows-1252' as const;
const CUSTOMER_LEDGER_DIGITS = 8;
const VOUCHER_DIGITS = 8;
const LEDGER_FLAG = '';
export const DOCUMENT_TYPE = { invoice: 1, credit: 2 } as const;
const REPLACEMENTS: FieldReplacements = { delimiter: ';', quote: "'", lineBreak: ' ' };

/** A numeric field: its width; the row holds the value already zero-padded (see `padded`). */
const num = (header: string, field: string): DelimitedColumn => ({ header, field, quote: 'never' });
const str = (header: string, width: number, field?: string): DelimitedColumn => {
  const format: FieldFormat = { type: 'text', maxLength: width, overflow: 'truncate' };
  return field ? { header, field, format, quote: 'always' } : { header, value: '', format, quote: 'always' };
};

/** Widths of the numeric fields, by row property. */
export const NUMERIC_WIDTHS = {
  batch: 5,
  year: 4,
  period: 2,
  voucherNo: 8,
  voucherDate: 8,
  dueDate: 8,
  debitAccount: 8,
  debitLedger: 12,
  creditAccount: 8,
  creditLedger: 12,
  postNo: 10,
  documentType: 2,
  amount: 12,
  count: 11,
  currencyAmount: 13,
  journal: 5,
} as const;
type NumericField = keyof typeof NUMERIC_WIDTHS;

const COLUMNS: DelimitedColumn[] = [
  num('Batch number', 'batch'),
  num('Year', 'year'),
  num('Period', 'period'),
  num('Voucher number', 'voucherNo'),
  num('Voucher date', 'voucherDate'),
  num('Due date', 'dueDate'),
  num('Debet account', 'debitAccount'),
  num('Debet ledger', 'debitLedger'),
  str('(unnamed A1, debit)', 1, 'ledgerFlag'),
  str('Debet department', 10, 'debitDepartment'),
  str('Debet project', 10, 'debitProject'),
  str('Debet object', 10),
  str('Debet activity', 10),
  num('Credit account', 'creditAccount'),
  num('Credit ledger', 'creditLedger'),
  str('(unnamed A1, credit)', 1, 'ledgerFlag'),
  str('Credit department', 10, 'creditDepartment'),
  str('Credit project', 10, 'creditProject'),
  str('Credit object', 10),
  str('Credit activity', 10),
  num('Post number', 'postNo'),
  num('Document type', 'documentType'),
  str('Text', 20, 'text'),
  num('Amount', 'amount'),
  num('Count', 'count'),
  num('Currency amount', 'currencyAmount'),
  str('Currency code', 3, 'currency'),
  str('Payment ID', 25, 'kid'),
  num('Journal number', 'journal'),
  str('Customer name', 35, 'customer.name'),
  str('Customer address 1', 35, 'customer.addressLine1'),
  str('Customer address 2', 35, 'customer.addressLine2'),
  str('Customer address 3', 35),
  str('Customer zip code', 8, 'customer.postalCode'),
  str('Customer place', 27, 'customer.city'),
];

export function vismaScenarioLayout(encoding: DelimitedLayout['encoding'] = DEFAULT_ENCODING): DelimitedLayout {
  return {
    delimiter: ',',
    quoting: 'none',
    replacements: { ...REPLACEMENTS },
    quoteEmpty: true,
    headerRow: false,
    decimalSeparator: '.',
    lineEnding: 'CRLF',
    encoding,
    columns: COLUMNS,
  };
}

const HEADERS: Record<NumericField, string> = Object.fromEntries(
  COLUMNS.filter((c) => c.field && c.field in NUMERIC_WIDTHS).map((c) => [c.field!, c.header]),
) as Record<NumericField, string>;

/** Digits right-aligned and zero-padded to the field's width; a value that is no number or too long is an error. */
function padded(
  field: NumericField,
  value: string | number,
  record: { kind: 'invoice'; key: string },
  issues: ExportIssue[],
): string {
  const width = NUMERIC_WIDTHS[field];
  const text = String(value);
  if (!/^\d*$/.test(text)) {
    issues.push(issue('error', 'not-an-integer', { value: JSON.stringify(text) }, record, HEADERS[field]));
    return text;
  }
  if (text.length > width)
    issues.push(issue('error', 'too-long', { value: text, limit: width }, record, HEADERS[field]));
  return text.padStart(width, '0');
}

function rowsOf(v: LedgerVoucher, batch: number, issues: ExportIssue[]): Record<string, unknown>[] {
  const { invoice, customer } = v;
  const record = { kind: 'invoice' as const, key: invoice.number || invoice.id };
  const pad = (field: NumericField, value: string | number) => padded(field, value, record, issues);
  const [year = '', month = '', day = ''] = invoice.issueDate.split('-');
  const title = `${invoice.type === 'credit' ? 'Kreditnota' : 'Faktura'} ${invoice.number}`;
  const row = (r: LedgerRow) => {
    const debit = r.amount >= 0;
    const receivable = r.kind === 'receivable';
    const account = pad(debit ? 'debitAccount' : 'creditAccount', r.account);
    const ledger = receivable ? customer.number : '';
    return {
      batch: pad('batch', batch),
      year: pad('year', year),
      period: pad('period', month),
      voucherNo: pad('voucherNo', invoice.number),
      voucherDate: pad('voucherDate', `${year}${month}${day}`),
      dueDate: pad('dueDate', invoice.dueDate.replace(/-/g, '')),
      debitAccount: debit ? account : pad('debitAccount', ''),
      debitLedger: pad('debitLedger', debit ? ledger : ''),
      creditAccount: debit ? pad('creditAccount', '') : account,
      creditLedger: pad('creditLedger', debit ? '' : ledger),
      ledgerFlag: LEDGER_FLAG,
      debitDepartment: debit ? r.departmentNumber : '',
      debitProject: debit ? r.projectNumber : '',
      creditDepartment: debit ? '' : r.departmentNumber,
      creditProject: debit ? '' : r.projectNumber,
      postNo: pad('postNo', invoice.number),
      documentType: pad('documentType', DOCUMENT_TYPE[invoice.type === 'credit' ? 'credit' : 'invoice']),
      text: receivable ? `${title} ${customer.name}` : r.kind === 'vat' ? `MVA ${r.ratePercent} %` : r.text || title,
      amount: pad('amount', Math.abs(r.amount)),
      count: pad('count', 0),
      // Three decimals: minor units (two) times ten.
      currencyAmount: pad('currencyAmount', v.foreignCurrency ? Math.abs(r.currencyAmount) * 10 : 0),
      currency: v.foreignCurrency ? invoice.currency.toUpperCase() : '',
      kid: receivable ? invoice.kid : '',
      journal: pad('journal', 0),
      customer: receivable ? customer : {},
      recordKey: record.key,
    };
  };
  return v.rows.map(row);
}

function ledger(data: CompanyData, settings: FormatSettings) {
  return ledgerOptionsFrom(data, settings, { departmentSource: 'line' });
}

function build(data: CompanyData, settings: FormatSettings, context: ExportContext) {
  const { options } = ledger(data, settings);
  const index = masterIndex(data);
  const batch = integerSetting(settings, 'batchNumber', 1);
  const vouchers = data.invoices.map((invoice) => ledgerVoucher(invoice, index, options));
  const issues: ExportIssue[] = [];
  const rows = vouchers.flatMap((v) => rowsOf(v, batch, issues));
  const out = voucherCsvFile({
    fileName: `VISMA-SCENARIO_${fileStamp(context.now)}.txt`,
    layout: vismaScenarioLayout(encodingOf(settings, DEFAULT_ENCODING)),
    rows,
    recordOf: (r) => ({ kind: 'invoice', key: String(r['recordKey']) }),
    vouchers,
    currency: options.companyCurrency,
  });
  return {
    ...out,
    files: out.files.map((f) => ({ ...f, mimeType: 'text/plain' })),
    issues: [...issues, ...out.issues],
  };
}

export const vismaScenario = defineFormat({
  ...vismaScenarioInfo,
  checks(data: CompanyData, settings: FormatSettings) {
    const { options, invalidRates } = ledger(data, settings);
    return checkInvoicesForLedger(data, {
      ...options,
      needLineAccounts: true,
      needVatAccounts: true,
      numericCustomerNumbers: CUSTOMER_LEDGER_DIGITS,
      numericInvoiceNumbers: VOUCHER_DIGITS,
      exchangeRatesInvalid: invalidRates,
    });
  },
  build,
});
