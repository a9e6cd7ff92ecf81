/**
 * Visma.net ERP: customer invoices as a CSV for an import scenario, one row per invoice line.
 *
 * Spec: Moment's page https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/export-file-to-visma-net
 * (../shared/research/moment-exports.md §4.14). The page gives import tips only, quoted:
 * - "Select UTF-8 in the export template settings."
 * - "If you choose to use comma as delimiter, make sure you embrace words, for example customer
 *   address, with """.
 * - "If you choose decimals with dot (not comma), you must choose English format on import."
 * - "First column, InvoiceType, can stay "Invoice" (static). The negative amount will determine if
 *   it is a creditnote, during the import."
 * Visma.net reads files through a user-defined import scenario and data provider
 * (https://docs.vismasoftware.no/visma-net-erp/help/integration/preparing-data-for-import-and-export-by-using-scenarios/),
 * which maps the file's columns by their header; Visma publishes no fixed column list and Moment
 * does not publish its own. **The column list below is not public**: it is an assumption, which is
 * why the format is a copyable layout (src/core/formats/copyable-layouts.ts, dataset
 * `invoice-lines`), so that a user can match the columns to their import scenario.
 *
 * Assumptions (constants or settings):
 * - Columns (`COLUMNS`), assumed apart from the first: InvoiceType (setting `invoiceType`, default
 *   `Invoice`), CustomerNumber, InvoiceNumber, DocumentDate, DueDate, Currency, PaymentReference
 *   (KID), Project, Department, Account, VatCode, Description, Quantity, UnitPrice, Amount.
 * - Credit notes: quantity, unit price and amount are negative (`signedQuantity`,
 *   `signedUnitPrice`, the line's net amount), per the last tip; InvoiceType stays the same.
 * - Amount = the line's net amount in the invoice currency (Visma.net computes VAT from VatCode).
 * - `,` delimiter, text fields in `"` (`QUOTING`: a `"` inside is doubled, RFC 4180), a header row
 *   (`HEADER_ROW`: the scenario maps by column name), `.` decimals ("English format"), dates
 *   `yyyy-MM-dd` (`DATE_PATTERN`), CRLF.
 * - Encoding: setting `encoding`, default UTF-8 without BOM.
 */
import type { CompanyData } from '../../../domain/types.ts';
import { buildDelimited, type DelimitedLayout } from '../../builders/delimited.ts';
import { encodeFile, fileStamp } from '../../builders/encode-file.ts';
import type { FieldFormat } from '../../builders/field-format.ts';
import { invoiceLineRows } from '../../../ledger/invoice-lines.ts';
import { checkInvoiceRecords } from '../../../ledger/invoice-checks.ts';
import type { ExportContext, FormatSettings } from '../../types.ts';
import { defineFormat, encodingOf, stringSetting } from '../../kit/format-kit.ts';
import { vismaNetInfo } from './info.ts';

const DEFAULT_ENCODING = 'utf-8' as const;
const HEADER_ROW = true;
const QUOTING = 'text-only' as const;
const DATE_PATTERN = 'yyyy-MM-dd';

const text: FieldFormat = { type: 'text' };
const date: FieldFormat = { type: 'date', pattern: DATE_PATTERN };
const money: FieldFormat = { type: 'amount', decimals: 2, sign: 'signed' };

export function vismaNetLayout(encoding: DelimitedLayout['encoding'] = DEFAULT_ENCODING): DelimitedLayout {
  return {
    delimiter: ',',
    quoting: QUOTING,
    quoteEmpty: false,
    headerRow: HEADER_ROW,
    decimalSeparator: '.',
    lineEnding: 'CRLF',
    encoding,
    columns: [
      { header: 'InvoiceType', field: 'extra.invoiceType', format: text },
      { header: 'CustomerNumber', field: 'customer.number', format: text },
      { header: 'InvoiceNumber', field: 'invoice.number', format: text },
      { header: 'DocumentDate', field: 'invoice.issueDate', format: date },
      { header: 'DueDate', field: 'invoice.dueDate', format: date },
      { header: 'Currency', field: 'invoice.currency', format: text },
      { header: 'PaymentReference', field: 'invoice.kid', format: text },
      { header: 'Project', field: 'project.number', format: text },
      { header: 'Department', field: 'line.departmentNumber', format: text },
      { header: 'Account', field: 'line.accountNumber', format: text },
      { header: 'VatCode', field: 'line.vatCode', format: text },
      { header: 'Description', field: 'line.description', format: text },
      { header: 'Quantity', field: 'signedQuantity', format: { type: 'quantity', decimals: 4 } },
      { header: 'UnitPrice', field: 'signedUnitPrice', format: money },
      { header: 'Amount', field: 'amounts.net', format: money },
    ],
  };
}

function build(data: CompanyData, settings: FormatSettings, context: ExportContext) {
  const layout = vismaNetLayout(encodingOf(settings, DEFAULT_ENCODING));
  const invoiceType = stringSetting(settings, 'invoiceType');
  const rows = invoiceLineRows(data).map((r) => ({ ...r, extra: { ...r.extra, invoiceType } }));
  const built = buildDelimited(layout, rows, {
    recordOf: (r) => ({ kind: 'invoice', key: r.invoice.number || r.invoice.id }),
  });
  const gross = new Map<string, number>();
  for (const r of rows) gross.set(r.invoice.id, r.invoiceTotals.gross);
  const encoded = encodeFile({
    name: `VISMA-NET_${fileStamp(context.now)}.csv`,
    mimeType: 'text/csv',
    text: built.text,
    encoding: layout.encoding,
    lineRecords: built.lineRecords,
    recordCount: rows.length,
    controlTotals: { invoices: gross.size, lines: rows.length },
  });
  return { files: encoded.file ? [encoded.file] : [], issues: [...built.issues, ...encoded.issues], report: [] };
}

export const vismaNet = defineFormat({
  ...vismaNetInfo,
  checks(data: CompanyData) {
    return checkInvoiceRecords(data, {
      linesRequired: true,
      uniqueNumbers: true,
      knownCustomers: true,
      lineAccounts: 'in-chart',
      knownVatCodes: true,
      creditReference: false,
    });
  },
  build,
});
