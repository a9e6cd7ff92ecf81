/**
 * Xledger GL02b general-ledger import (Xledger's own format; carries currency and the customer
 * sub-ledger).
 *
 * Spec: Moment's page https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/xledger/format-gl02b
 * gives only columns 1–6 (ImpSystem, ImpSystemRef, Entity, VoucherType, VoucherNo, FiscalYear);
 * the rest comes from a public GL02 writer (moment-exports.md §4.16, "External GL02 layout").
 *
 * Separator, Moment's page (address above): "The file is a CSV file where semi-colon (;) is used as
 * the separator." with "Date format: yyyymmdd" and "Decimal separator: . (period)"; it gives no
 * quoting rule. So nothing is quoted: the layout has `quoting: 'none'` and `REPLACEMENTS`, a `;`
 * inside a value is written as `,`, a `"` as `'`, a line break as a space, each with a warning
 * naming the record and field.
 *
 * ASSUMED COLUMNS (confirm against an Xledger GL02b sample before relying on them):
 * - GL02b = the 49-column GL02 layout with `Entity` inserted as column 3, so 50 columns; the
 *   header row uses the GL02 names as written by that public code (`GL02B_HEADERS`).
 * - Columns 10 (Account Ledger), 13 (XGL), 20 (BankAccount), 28 (SubledgerGroup), 36–41 (billing
 *   address), 45–49 (Dummy1–5) are written empty; 50 (EOL) is `x`.
 * - posting1 = department, Posting 2 (PRJ) = project (on revenue rows only).
 * - TaxRule = our VAT code on revenue rows; VAT is also posted explicitly on VAT rows to the VAT
 *   code's account (so nothing depends on Xledger recalculating it).
 * - UpdateSubledger = `x` on the customer (receivable) row, which also carries SubledgerNo
 *   (customer number), SubledgerName, CompanyNo (org no), address, phone, e-mail, InvoiceDate,
 *   InvoiceNo, Xidentifier (KID, or the invoice number when there is no KID), DueDate,
 *   PaymentTerms (days) and YourRef (order reference).
 * - Currency = invoice currency, Currency Amount = amount in it; amount = company currency
 *   (foreign invoices converted with setting `exchangeRates`).
 * - ImpSystemRef = setting `impSystemRef` (default `Exportdesk`); VoucherType = setting
 *   `voucherType` (default `AR`); VoucherNo = invoice number (≤ 8); FiscalYear/PeriodNo as in
 *   GBAT10 (`fiscalPeriod` in src/core/domain/dates.ts).
 * - Accounts: setting `receivableAccount` (Moment: the "Account receivable" tag code; a
 *   customer's own ledger account wins), setting `revenueAccount` (Moment: the "Revenue account"
 *   tag code; empty = each line's own account).
 * - Department from setting `departmentSource`, default `project` (Moment's example configuration).
 * - `;` delimiter, header row, CRLF, `.` decimals, dates yyyyMMdd, no quotes (above). Encoding:
 *   setting `encoding`, default Windows-1252 (see decision 0002).
 */
import type { CompanyData } from '../../../domain/types.ts';
import type { DelimitedColumn, DelimitedLayout, FieldReplacements } from '../../builders/delimited.ts';
import { fileStamp } from '../../builders/encode-file.ts';
import type { FieldFormat } from '../../builders/field-format.ts';
import { masterIndex } from '../../../ledger/invoice-lines.ts';
import type { ExportContext, FormatSettings } from '../../types.ts';
import { defineFormat, encodingOf, stringSetting, voucherCsvFile, underRow } from '../../kit/format-kit.ts';
import { fiscalPeriod } from '../../../domain/dates.ts';
import {
  checkInvoicesForLedger,
  ledgerOptionsFrom,
  ledgerVoucher,
  type DepartmentSource,
  type LedgerRow,
  type LedgerVoucher,
} from '../../../ledger/invoice-ledger.ts';
import { xledgerGl02bInfo } from './info.ts';
import { missingSettingIssue } from '../../kit/settings.ts';

const DEFAULT_ENCODING = 'windows-1252' as const;
/** No quoting (see the header): `;` inside a value becomes `,`. */
const REPLACEMENTS: FieldReplacements = { delimiter: ',', quote: "'", lineBreak: ' ' };
const text = (maxLength?: number): FieldFormat =>
  maxLength ? { type: 'text', maxLength, overflow: 'error' } : { type: 'text' };
const cut = (maxLength: number): FieldFormat => ({ type: 'text', maxLength, overflow: 'truncate' });
const date: FieldFormat = { type: 'date', pattern: 'yyyyMMdd' };
const money: FieldFormat = { type: 'amount', decimals: 2, sign: 'signed' };

/** Field paths refer to `Gl02bRow`. */
const COLUMNS: DelimitedColumn[] = [
  { header: 'ImpSystem', value: 'GL02b' },
  { header: 'ImpSystemRef', field: 'impSystemRef', format: cut(25) },
  { header: 'Entity', field: 'entity', format: text() },
  { header: 'VoucherType', field: 'voucherType', format: text(8) },
  { header: 'VoucherNo', field: 'voucherNo', format: text(8) },
  { header: 'FiscalYear', field: 'fiscalYear', format: { type: 'integer', maxLength: 4 } },
  { header: 'PeriodNo', field: 'period', format: { type: 'integer' } },
  { header: 'VoucherDate', field: 'voucherDate', format: date },
  { header: 'Account', field: 'account', format: text() },
  { header: 'AccountLedger', value: '' },
  { header: 'Posting1', field: 'department', format: text() },
  { header: 'Posting2', field: 'project', format: text() },
  { header: 'XGL', value: '' },
  { header: 'SubledgerNo', field: 'subledgerNo', format: text() },
  { header: 'SubledgerName', field: 'subledgerName', format: text() },
  { header: 'InvoiceDate', field: 'invoiceDate', format: date },
  { header: 'InvoiceNo', field: 'invoiceNo', format: text() },
  { header: 'Xidentifier', field: 'xidentifier', format: text() },
  { header: 'DueDate', field: 'dueDate', format: date },
  { header: 'BankAccount', value: '' },
  { header: 'PaymentTerms', field: 'paymentTerms', format: text() },
  { header: 'Text', field: 'text', format: text() },
  { header: 'TaxRule', field: 'taxRule', format: text() },
  { header: 'Currency', field: 'currency', format: text() },
  { header: 'CurrencyAmount', field: 'currencyAmount', format: money },
  { header: 'Amount', field: 'amount', format: money },
  { header: 'UpdateSubledger', field: 'updateSubledger', format: text() },
  { header: 'SubledgerGroup', value: '' },
  { header: 'CompanyNo', field: 'companyNo', format: text() },
  { header: 'StreetAddressL1', field: 'street1', format: text() },
  { header: 'StreetAddressL2', field: 'street2', format: text() },
  { header: 'ZipCode', field: 'zip', format: text() },
  { header: 'Place', field: 'place', format: text() },
  { header: 'State', value: '' },
  { header: 'Country', field: 'country', format: text() },
  { header: 'BillingStreetAddressL1', value: '' },
  { header: 'BillingStreetAddressL2', value: '' },
  { header: 'BillingZipCode', value: '' },
  { header: 'BillingPlace', value: '' },
  { header: 'BillingState', value: '' },
  { header: 'BillingCountry', value: '' },
  { header: 'Phone', field: 'phone', format: text() },
  { header: 'Email', field: 'email', format: text() },
  { header: 'YourRef', field: 'yourRef', format: text() },
  { header: 'Dummy1', value: '' },
  { header: 'Dummy2', value: '' },
  { header: 'Dummy3', value: '' },
  { header: 'Dummy4', value: '' },
  { header: 'Dummy5', value: '' },
  { header: 'EOL', value: 'x' },
];

export function gl02bLayout(encoding = DEFAULT_ENCODING as DelimitedLayout['encoding']): DelimitedLayout {
  return {
    delimiter: ';',
    quoting: 'none',
    replacements: { ...REPLACEMENTS },
    quoteEmpty: false,
    headerRow: true,
    decimalSeparator: '.',
    lineEnding: 'CRLF',
    encoding,
    columns: COLUMNS,
  };
}

function ledger(data: CompanyData, settings: FormatSettings) {
  const extra: { departmentSource: DepartmentSource; revenueAccount?: string } = {
    departmentSource: stringSetting(settings, 'departmentSource') as DepartmentSource,
  };
  const revenueAccount = stringSetting(settings, 'revenueAccount');
  if (revenueAccount) extra.revenueAccount = revenueAccount;
  return ledgerOptionsFrom(data, settings, extra);
}

function rowsOf(voucher: LedgerVoucher, data: CompanyData, settings: FormatSettings) {
  const { invoice, customer } = voucher;
  const { period, year } = fiscalPeriod(invoice.issueDate, data.company.fiscalYearStart);
  const base = {
    impSystemRef: stringSetting(settings, 'impSystemRef'),
    entity: stringSetting(settings, 'ownerCode'),
    voucherType: stringSetting(settings, 'voucherType'),
    voucherNo: invoice.number,
    fiscalYear: year,
    period,
    voucherDate: invoice.issueDate,
    currency: invoice.currency || data.company.currency,
  };
  const blankCustomerFields = {
    subledgerNo: '',
    subledgerName: '',
    invoiceDate: '',
    invoiceNo: '',
    xidentifier: '',
    dueDate: '',
    paymentTerms: '',
    updateSubledger: '',
    companyNo: '',
    street1: '',
    street2: '',
    zip: '',
    place: '',
    country: '',
    phone: '',
    email: '',
    yourRef: '',
  };
  return voucher.rows.map((row: LedgerRow) => {
    const common = {
      ...base,
      account: row.account,
      amount: row.amount,
      currencyAmount: row.currencyAmount,
      department: '',
      project: '',
      taxRule: '',
      text: row.text,
    };
    if (row.kind === 'receivable')
      return {
        ...common,
        text: `${invoice.type === 'credit' ? 'Kreditnota' : 'Faktura'} ${invoice.number} ${customer.name}`.trim(),
        subledgerNo: customer.number,
        subledgerName: customer.name,
        invoiceDate: invoice.issueDate,
        invoiceNo: invoice.number,
        xidentifier: invoice.kid || invoice.number,
        dueDate: invoice.dueDate,
        paymentTerms: customer.paymentTermsDays ? String(customer.paymentTermsDays) : '',
        updateSubledger: 'x',
        companyNo: customer.orgNumber,
        street1: customer.addressLine1,
        street2: customer.addressLine2,
        zip: customer.postalCode,
        place: customer.city,
        country: customer.countryCode,
        phone: customer.phone,
        email: customer.email,
        yourRef: invoice.orderReference,
      };
    if (row.kind === 'revenue')
      return {
        ...common,
        ...blankCustomerFields,
        department: row.departmentNumber,
        project: row.projectNumber,
        taxRule: row.vatCode,
      };
    return { ...common, ...blankCustomerFields, text: `MVA ${row.ratePercent} %` };
  });
}

function build(data: CompanyData, settings: FormatSettings, context: ExportContext) {
  const encoding = encodingOf(settings, DEFAULT_ENCODING);
  const { options } = ledger(data, settings);
  const index = masterIndex(data);
  const vouchers = data.invoices.map((invoice) => ledgerVoucher(invoice, index, options));
  const rows = vouchers.flatMap((v) =>
    rowsOf(v, data, settings).map((row) => ({ row, key: v.invoice.number || v.invoice.id })),
  );
  return voucherCsvFile({
    fileName: `XLEDGER-GL02B_${fileStamp(context.now)}.csv`,
    layout: underRow(gl02bLayout(encoding)),
    rows,
    recordOf: (r) => ({ kind: 'invoice', key: r.key }),
    vouchers,
    currency: options.companyCurrency,
  });
}

export const xledgerGl02b = defineFormat({
  ...xledgerGl02bInfo,
  checks(data: CompanyData, settings: FormatSettings) {
    const { options, invalidRates } = ledger(data, settings);
    const issues = checkInvoicesForLedger(data, {
      ...options,
      needLineAccounts: true,
      needVatAccounts: true,
      numericInvoiceNumbers: 8,
      exchangeRatesInvalid: invalidRates,
    });
    if (!stringSetting(settings, 'ownerCode'))
      issues.unshift(missingSettingIssue(xledgerGl02bInfo.settings, 'ownerCode'));
    if (!stringSetting(settings, 'voucherType'))
      issues.unshift(missingSettingIssue(xledgerGl02bInfo.settings, 'voucherType'));
    return issues;
  },
  build,
});
