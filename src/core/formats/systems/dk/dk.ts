/**
 * DK (dk hugbúnaður, Iceland): one `;` file, one row per invoice line.
 *
 * Spec: Moment's page https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/dk-icelandic-system
 * (summarised in ../shared/research/moment-exports.md §4.1). DK's own import layout is not public
 * (../shared/research/formats.md §5: "dk hugbúnaður (Iceland) | nothing public found").
 * Rules from Moment's page: "CSV with `;`"; field order 1 Customer number, 2 Customer name,
 * 3 unknown, 4 Account, 5 Amount, 6 x, 7 y, 8 unknown, 9 Name, 10–11 unknown, 12 Account, 13 Name,
 * 14 unknown, 15 Issue date, 16 unknown, 17 Number, 18 Currency code, 19 unknown, 20 Invoice type,
 * 21 unknown, 22 Number, 23–25 unknown; date `YYYY-MM-DD`; decimal separator `,`; the account is
 * the DK product number ("External revenue class") of the line's bookkeeping account; "one invoice
 * posted to two accounts" gives two rows.
 *
 * Assumptions (constants or settings), since Moment marks many columns "unknown":
 * - 25 columns; the unknown ones are written empty (`c(...)` without a field) and the "x" / "y"
 *   columns too (`X_VALUE`, `Y_VALUE`: Moment's page shows the letters, not what they stand for).
 * - One row per invoice line. Account (4 and 12) = the line's account number (the data model has
 *   no separate "External revenue class": keep the DK product number as the account number).
 *   Amount (5) = the line's net amount in the invoice currency, negative on a credit note.
 *   Name (9) = the line description, Name (13) = the account's name, Number (17 and 22) = the
 *   invoice number.
 * - Invoice type (20): settings `invoiceTypeInvoice` (default `Invoice`) and `invoiceTypeCredit`
 *   (default `Credit`).
 * - No header row, CRLF, no quoting: `;` inside a value is written as `,`, `"` as `'`, a line
 *   break as a space, each with a warning (`REPLACEMENTS`), as for the other `;` formats without a
 *   quoting rule.
 * - Encoding: setting `encoding`, default Windows-1252 (Icelandic letters; DK runs on Windows).
 * This layout is copyable into a layout template (src/core/formats/copyable-layouts.ts) so that a
 * user can correct a column once DK's own layout is known.
 */
import type { CompanyData, IsoDate } from '../../../domain/types.ts';
import type { DelimitedColumn, DelimitedLayout, FieldReplacements } from '../../builders/delimited.ts';
import { fileStamp } from '../../builders/encode-file.ts';
import type { FieldFormat } from '../../builders/field-format.ts';
import type { TextEncodingName } from '../../../encoding/text-encoding.ts';
import { masterIndex } from '../../../ledger/invoice-lines.ts';
import { checkInvoiceRecords } from '../../../ledger/invoice-checks.ts';
import { ledgerOptionsFrom, ledgerVoucher } from '../../../ledger/invoice-ledger.ts';
import type { ExportContext, FormatSettings } from '../../types.ts';
import { defineFormat, encodingOf, stringSetting, underRow, voucherCsvFile } from '../../kit/format-kit.ts';
import { dkInfo } from './info.ts';

export const REPLACEMENTS: FieldReplacements = { delimiter: ',', quote: "'", lineBreak: ' ' };
/** Columns 6 and 7, shown as "x" and "y" on Moment's page; what they hold is not published. */
export const X_VALUE = '';
export const Y_VALUE = '';
const DATE_PATTERN = 'yyyy-MM-dd';
const DECIMAL_SEPARATOR = ',';

export interface DkRow {
  customerNumber: string;
  customerName: string;
  account: string;
  accountName: string;
  /** Invoice currency, minor units, negative on a credit note. */
  amount: number;
  name: string;
  issueDate: IsoDate;
  number: string;
  currency: string;
  invoiceType: string;
}

const c = (header: string, field?: string, format?: FieldFormat): DelimitedColumn =>
  field ? (format ? { header, field, format } : { header, field }) : { header, value: '' };

const COLUMNS: DelimitedColumn[] = [
  c('CustomerNumber', 'customerNumber'),
  c('CustomerName', 'customerName'),
  c('Unknown3'),
  c('Account', 'account'),
  c('Amount', 'amount', { type: 'amount', decimals: 2, sign: 'signed' }),
  { header: 'X', value: X_VALUE },
  { header: 'Y', value: Y_VALUE },
  c('Unknown8'),
  c('Name', 'name'),
  c('Unknown10'),
  c('Unknown11'),
  c('Account2', 'account'),
  c('AccountName', 'accountName'),
  c('Unknown14'),
  c('IssueDate', 'issueDate', { type: 'date', pattern: DATE_PATTERN }),
  c('Unknown16'),
  c('Number', 'number'),
  c('CurrencyCode', 'currency'),
  c('Unknown19'),
  c('InvoiceType', 'invoiceType'),
  c('Unknown21'),
  c('Number2', 'number'),
  c('Unknown23'),
  c('Unknown24'),
  c('Unknown25'),
];

export function dkLayout(encoding: TextEncodingName = 'windows-1252'): DelimitedLayout {
  return {
    delimiter: ';',
    quoting: 'none',
    replacements: { ...REPLACEMENTS },
    quoteEmpty: false,
    headerRow: false,
    decimalSeparator: DECIMAL_SEPARATOR,
    lineEnding: 'CRLF',
    encoding,
    columns: COLUMNS.map((col) => ({ ...col })),
  };
}

function vouchers(data: CompanyData) {
  // Amounts stay in the invoice currency (column 18 names it), so no exchange rate is needed.
  const { options } = ledgerOptionsFrom(data, {}, { departmentSource: 'none' });
  const index = masterIndex(data);
  return data.invoices.map((invoice) => ledgerVoucher(invoice, index, options));
}

export function dkRows(data: CompanyData, settings: FormatSettings): { row: DkRow; key: string }[] {
  const accountNames = new Map(data.accounts.map((a) => [a.number, a.name]));
  const types = {
    invoice: stringSetting(settings, 'invoiceTypeInvoice'),
    credit: stringSetting(settings, 'invoiceTypeCredit'),
  };
  return vouchers(data).flatMap((v) =>
    v.rows
      .filter((r) => r.kind === 'revenue')
      .map((r) => ({
        key: v.invoice.number || v.invoice.id,
        row: {
          customerNumber: v.customer.number,
          customerName: v.customer.name,
          account: r.account,
          accountName: accountNames.get(r.account) ?? '',
          // Revenue rows are credits (negative); DK's amount is the line's, positive on an invoice.
          amount: -r.currencyAmount + 0,
          name: r.text,
          issueDate: v.invoice.issueDate,
          number: v.invoice.number,
          currency: (v.invoice.currency || data.company.currency).toUpperCase(),
          invoiceType: types[v.invoice.type],
        },
      })),
  );
}

function build(data: CompanyData, settings: FormatSettings, context: ExportContext) {
  const encoding = encodingOf(settings, 'windows-1252');
  const rows = dkRows(data, settings);
  return voucherCsvFile({
    fileName: `DK_${fileStamp(context.now)}.csv`,
    layout: underRow(dkLayout(encoding)),
    rows,
    recordOf: (r) => ({ kind: 'invoice', key: r.key }),
    vouchers: vouchers(data).map((v) => ({ gross: v.currencyGross })),
    currency: 'invoice currency',
  });
}

export const dk = defineFormat({
  ...dkInfo,
  checks(data: CompanyData) {
    return checkInvoiceRecords(data, {
      linesRequired: true,
      uniqueNumbers: true,
      knownCustomers: true,
      lineAccounts: 'in-chart',
      knownVatCodes: true,
      creditReference: true,
    });
  },
  build,
});
