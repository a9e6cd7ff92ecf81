/**
 * Microsoft Dynamics C5 (Denmark): one `;` file with customer rows first, then invoice rows;
 * the first field of every row is a line-type code from the settings.
 *
 * Spec: Moment's page https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/dynamics-c5
 * (summarised in ../shared/research/moment-exports.md §4.3). C5's journal import is defined
 * per installation (Importdefinition), so the receiving side must match this layout.
 *
 * Separator and quotes, Moment's page (address above): "CSV files using ; (semi-colon) as
 * separator"; the one quoting hint is "Description | Contains invoice number and project number in
 * double quotation marks." No rule says that C5 honours a `;` inside quotes (C5's journal import is
 * user-defined per installation, its Importdefinition). So Description keeps its literal quotes (`quote:
 * 'always'`), nothing else is quoted (`quoting: 'none'`), and `REPLACEMENTS` apply to every value,
 * Description included: `;` is written as `,`, `"` as `'`, a line break as a space, each with a
 * warning naming the record and field.
 *
 * Assumptions (constants or settings):
 * - Line-type codes: settings `customerLineCode` (default `KUN`) and `invoiceLineCode` (default
 *   `FAK`); Moment leaves both to the configuration.
 * - Customer rows: one per customer of the exported invoices, ordered by number. Name2 = address
 *   line 2 is not used (empty), Address = address line 1 (+ ", " line 2), ZipCode/Place =
 *   "postcode city", Group `1`, Payment `<terms>dg` from the customer's payment terms (Moment
 *   writes a fixed `30dg`), Attention empty, Mobile = phone, EAN = the customer's PEPPOL id
 *   without a scheme prefix when it is a 13-digit GLN, VAT `2`, Approved `1`, Currency = the
 *   customer's currency (else the company's), Language `Standard`, VAT Type `DK:CVR`,
 *   VAT Number = org no (`CUSTOMER_CONSTANTS`).
 * - Invoice rows: a `D` row for the customer (account = customer number, the invoice's gross
 *   amount) and one `F` row per invoice line (account = the line's account, the line's gross
 *   amount); `D`/`F` name the role, the sign is in the amounts (a credit note has a credit `D`
 *   row). C5 splits the VAT out of F rows by their tax code: setting `salesTaxCode` (default `2`)
 *   on lines with a VAT rate above 0, empty on 0 % lines and on D rows.
 * - Balance = signed amount (debit positive), Credit amount and Debit amount = the absolute amount
 *   in one of them, the other empty. Decimal separator: setting `decimalSeparator` (default `,`,
 *   Danish), no thousands separator.
 * - Description = `"<invoice no> <project no>"` always in double quotes, as Moment shows; Invoice =
 *   invoice number; Plus sag = project number; Plus medarbeider and Plus art empty.
 * - Dates `yyyy-MM-dd`; CRLF; other fields never quoted (above); no header row.
 * - Amounts in the company currency (foreign invoices converted with setting `exchangeRates`).
 * - Encoding: setting `encoding`, default Windows-1252 (C5 is a Windows program).
 */
import type { CompanyData, Customer } from '../../../domain/types.ts';
import type { DelimitedColumn, DelimitedLayout, FieldReplacements } from '../../builders/delimited.ts';
import { buildDelimited } from '../../builders/delimited.ts';
import { encodeFile, fileStamp } from '../../builders/encode-file.ts';
import type { FieldFormat } from '../../builders/field-format.ts';
import { masterIndex } from '../../../ledger/invoice-lines.ts';
import type { ExportContext, FormatSettings } from '../../types.ts';
import { defineFormat, encodingOf, stringSetting } from '../../kit/format-kit.ts';
import { checkInvoicesForLedger, ledgerOptionsFrom, ledgerVoucher } from '../../../ledger/invoice-ledger.ts';
import { dynamicsC5Info } from './info.ts';

const DEFAULT_ENCODING = 'windows-1252' as const;
/** No quoting but Description's fixed quotes (see the header): `;` inside a value becomes `,`. */
const REPLACEMENTS: FieldReplacements = { delimiter: ',', quote: "'", lineBreak: ' ' };
const CUSTOMER_CONSTANTS = { group: '1', vat: '2', approved: '1', language: 'Standard', vatType: 'DK:CVR' } as const;

const c = (header: string, field?: string, format?: FieldFormat, quote?: 'always'): DelimitedColumn => {
  const column: DelimitedColumn = field ? { header, field } : { header, value: '' };
  if (format) column.format = format;
  if (quote) column.quote = quote;
  return column;
};

/** The two layouts of the file: customer rows, then invoice rows. */
export function c5Layouts(
  decimalSeparator = ',',
  encoding: DelimitedLayout['encoding'] = DEFAULT_ENCODING,
): { customers: DelimitedLayout; invoices: DelimitedLayout } {
  return {
    customers: layoutFor(CUSTOMER_COLUMNS, decimalSeparator, encoding),
    invoices: layoutFor(INVOICE_COLUMNS, decimalSeparator, encoding),
  };
}

function layoutFor(
  columns: DelimitedColumn[],
  decimalSeparator: string,
  encoding: DelimitedLayout['encoding'],
): DelimitedLayout {
  return {
    delimiter: ';',
    quoting: 'none',
    replacements: { ...REPLACEMENTS },
    quoteEmpty: false,
    headerRow: false,
    decimalSeparator,
    lineEnding: 'CRLF',
    encoding,
    columns,
  };
}

const CUSTOMER_COLUMNS: DelimitedColumn[] = [
  c('LineType', 'lineCode'),
  c('Account', 'number'),
  c('Name', 'name'),
  c('Name2'),
  c('Address', 'address'),
  c('ZipCodePlace', 'zipPlace'),
  c('Country', 'countryCode'),
  c('Group', 'group'),
  c('Payment', 'payment'),
  c('Attention'),
  c('Mobile', 'phone'),
  c('Email', 'email'),
  c('EAN', 'ean'),
  c('VAT', 'vat'),
  c('Approved', 'approved'),
  c('Currency', 'currency'),
  c('Language', 'language'),
  c('VATType', 'vatType'),
  c('VATNumber', 'orgNumber'),
];

const amount = (sign: 'signed' | 'debit' | 'credit'): FieldFormat => ({ type: 'amount', decimals: 2, sign });

const INVOICE_COLUMNS: DelimitedColumn[] = [
  c('LineType', 'lineCode'),
  c('InvoiceDate', 'date', { type: 'date', pattern: 'yyyy-MM-dd' }),
  c('InvoiceNumber', 'invoiceNo'),
  c('RowType', 'rowType'),
  c('Account', 'account'),
  c('Balance', 'amount', amount('signed')),
  c('CreditAmount', 'amount', amount('credit')),
  c('DebitAmount', 'amount', amount('debit')),
  c('TaxCode', 'taxCode'),
  c('Description', 'description', undefined, 'always'),
  c('Invoice', 'invoiceNo'),
  c('PlusSag', 'project'),
  c('PlusMedarbeider'),
  c('PlusArt'),
];

/** A GLN (13 digits) from a PEPPOL id like `0088:5790000000001`; anything else gives ''. */
function eanOf(peppolId: string): string {
  const digits = peppolId.includes(':') ? peppolId.slice(peppolId.indexOf(':') + 1) : peppolId;
  return /^\d{13}$/.test(digits) ? digits : '';
}

function customerRow(customer: Customer, code: string, companyCurrency: string) {
  return {
    ...customer,
    ...CUSTOMER_CONSTANTS,
    lineCode: code,
    address: [customer.addressLine1, customer.addressLine2].filter(Boolean).join(', '),
    zipPlace: [customer.postalCode, customer.city].filter(Boolean).join(' '),
    payment: `${customer.paymentTermsDays}dg`,
    ean: eanOf(customer.peppolId),
    currency: customer.currency || companyCurrency,
  };
}

function ledger(data: CompanyData, settings: FormatSettings) {
  // C5 has no separate receivable account in the file (the customer number is the account).
  return ledgerOptionsFrom(data, { ...settings, receivableAccount: '-' }, { departmentSource: 'none' });
}

function build(data: CompanyData, settings: FormatSettings, context: ExportContext) {
  const encoding = encodingOf(settings, DEFAULT_ENCODING);
  const decimalSeparator = stringSetting(settings, 'decimalSeparator') || ',';
  const { options } = ledger(data, settings);
  const index = masterIndex(data);
  const vouchers = data.invoices.map((invoice) => ledgerVoucher(invoice, index, options));
  const customerCode = stringSetting(settings, 'customerLineCode');
  const invoiceCode = stringSetting(settings, 'invoiceLineCode');
  const salesTaxCode = stringSetting(settings, 'salesTaxCode');

  const customers = [...new Map(vouchers.map((v) => [v.customer.number, v.customer])).values()].sort((a, b) =>
    a.number.localeCompare(b.number),
  );
  const customerPart = buildDelimited(
    layoutFor(CUSTOMER_COLUMNS, decimalSeparator, encoding),
    customers.map((cu) => customerRow(cu, customerCode, options.companyCurrency)),
    { recordOf: (r) => ({ kind: 'customer', key: r.number }) },
  );

  const invoiceRows = vouchers.flatMap((v) => {
    const base = {
      lineCode: invoiceCode,
      date: v.invoice.issueDate,
      invoiceNo: v.invoice.number,
      recordKey: v.invoice.number || v.invoice.id,
    };
    const lines = v.rows
      .filter((r) => r.kind === 'revenue')
      .map((r) => ({
        ...base,
        rowType: 'F',
        account: r.account,
        amount: r.amount + r.lineVat,
        taxCode: r.ratePercent !== 0 ? salesTaxCode : '',
        description: [v.invoice.number, r.projectNumber].filter(Boolean).join(' '),
        project: r.projectNumber,
      }));
    const customerAmount = -lines.reduce((s, r) => s + r.amount, 0) + 0;
    const debit = {
      ...base,
      rowType: 'D',
      account: v.customer.number,
      amount: customerAmount,
      taxCode: '',
      description: [v.invoice.number, v.invoice.projectNumber].filter(Boolean).join(' '),
      project: v.invoice.projectNumber,
    };
    return [debit, ...lines];
  });
  const invoicePart = buildDelimited(layoutFor(INVOICE_COLUMNS, decimalSeparator, encoding), invoiceRows, {
    recordOf: (r) => ({ kind: 'invoice', key: r.recordKey }),
  });

  const encoded = encodeFile({
    name: `C5_${fileStamp(context.now)}.csv`,
    mimeType: 'text/csv',
    text: customerPart.text + invoicePart.text,
    encoding,
    lineRecords: [...customerPart.lineRecords, ...invoicePart.lineRecords],
    recordCount: customers.length + invoiceRows.length,
    controlTotals: {
      customers: customers.length,
      invoices: vouchers.length,
      rows: invoiceRows.length,
      [`gross ${options.companyCurrency}`]: invoiceRows
        .filter((r) => r.rowType === 'D')
        .reduce((s, r) => s + r.amount, 0),
    },
  });
  return {
    files: encoded.file ? [encoded.file] : [],
    issues: [...customerPart.issues, ...invoicePart.issues, ...encoded.issues],
    report: [],
  };
}

export const dynamicsC5 = defineFormat({
  ...dynamicsC5Info,
  checks(data: CompanyData, settings: FormatSettings) {
    const { options, invalidRates } = ledger(data, settings);
    return checkInvoicesForLedger(data, {
      ...options,
      needLineAccounts: true,
      needVatAccounts: false,
      postsReceivable: false,
      exchangeRatesInvalid: invalidRates,
    });
  },
  build,
});
