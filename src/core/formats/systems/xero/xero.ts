/**
 * Xero sales invoices CSV (Business › Invoices › Import).
 *
 * Spec: Xero Central, "Import or create invoices using a CSV file",
 * https://central.xero.com/s/article/Import-or-create-invoices-using-a-CSV-file , and Xero's
 * downloadable template; column list as in ../shared/research/formats.md §4 and
 * moment-exports.md §4.15.
 *
 * Assumptions where the spec is silent or varies:
 * - Vintage: Xero's current downloadable sales-invoice template (29 columns, required ones marked
 *   `*` in the header, as in the template), not Moment's longer 2020 template with SA address,
 *   PlannedDate, Type/Sent/Status columns that the importer ignores.
 * - One row per invoice line; address lines 3–4, PORegion, Total, TaxAmount and BrandingTheme are
 *   left empty: Xero computes Total and TaxAmount itself (per-line rounding may differ by an øre).
 * - Dates: setting `dateOrder`, `UK` = dd/MM/yyyy (default; UK/AU/NZ organisations), `US` = MM/dd/yyyy.
 * - UnitAmount is the net (tax-exclusive) unit price; choose "Tax exclusive" when importing.
 * - Credit notes: Xero imports an invoice with a negative total as a credit note, so the quantity
 *   is negated (`signedQuantity`); the credited invoice is named in Reference when there is no
 *   order reference.
 * - TaxType must equal a Xero tax rate's display name: setting `taxTypes` maps our VAT codes
 *   ("3=25% (VAT on Income); 5=No VAT"); codes not listed use the rate: `No VAT` for 0 %,
 *   otherwise `<rate>%` (e.g. `25%`), as Moment's Xero template does.
 * - Tracking: when setting `projectTrackingName` is set (e.g. `Project`), TrackingName1 is that
 *   name and TrackingOption1 the project number; otherwise both are empty (options must already
 *   exist in Xero).
 * - At most 500 invoices per file (`MAX_INVOICES_PER_FILE`, Xero's limit); more are split into
 *   numbered files, which the pipeline zips.
 * - UTF-8 without BOM, CRLF, `,` delimiter, quotes only when a value needs them (RFC 4180).
 */
import type { CompanyData } from '../../../domain/types.ts';
import type { DelimitedLayout } from '../../builders/delimited.ts';
import { buildDelimited } from '../../builders/delimited.ts';
import { encodeFile, fileStamp } from '../../builders/encode-file.ts';
import type { FieldFormat } from '../../builders/field-format.ts';
import { invoiceLineRows, type InvoiceLineRow } from '../../../ledger/invoice-lines.ts';
import type { ExportContext, ExportFile, ExportIssue, FormatSettings } from '../../types.ts';
import { defineFormat, stringSetting } from '../../kit/format-kit.ts';
import { xeroInfo } from './info.ts';
import { issue } from '../../issues.ts';
import { checkInvoiceRecords } from '../../../ledger/invoice-checks.ts';

export const MAX_INVOICES_PER_FILE = 500;
const DATE_PATTERNS = { UK: 'dd/MM/yyyy', US: 'MM/dd/yyyy' } as const;

const text: FieldFormat = { type: 'text' };
const money: FieldFormat = { type: 'amount', decimals: 2, sign: 'signed' };

/** The Xero layout as a plain table; `copyableLayouts()` hands out the UK one for user templates. */
export function xeroLayout(dateOrder: 'UK' | 'US' = 'UK'): DelimitedLayout {
  const date: FieldFormat = { type: 'date', pattern: DATE_PATTERNS[dateOrder] };
  return {
    delimiter: ',',
    quoting: 'when-needed',
    quoteEmpty: false,
    headerRow: true,
    decimalSeparator: '.',
    lineEnding: 'CRLF',
    encoding: 'utf-8',
    columns: [
      { header: '*ContactName', field: 'customer.name', format: text },
      { header: 'EmailAddress', field: 'customer.email', format: text },
      { header: 'POAddressLine1', field: 'customer.addressLine1', format: text },
      { header: 'POAddressLine2', field: 'customer.addressLine2', format: text },
      { header: 'POAddressLine3', value: '' },
      { header: 'POAddressLine4', value: '' },
      { header: 'POCity', field: 'customer.city', format: text },
      { header: 'PORegion', value: '' },
      { header: 'POPostalCode', field: 'customer.postalCode', format: text },
      { header: 'POCountry', field: 'customer.countryCode', format: text },
      { header: '*InvoiceNumber', field: 'invoice.number', format: text },
      { header: 'Reference', field: 'extra.reference', format: text },
      { header: '*InvoiceDate', field: 'invoice.issueDate', format: date },
      { header: '*DueDate', field: 'invoice.dueDate', format: date },
      { header: 'Total', value: '' },
      { header: 'InventoryItemCode', field: 'line.productCode', format: text },
      { header: '*Description', field: 'line.description', format: text },
      { header: '*Quantity', field: 'signedQuantity', format: { type: 'quantity', decimals: 4 } },
      { header: '*UnitAmount', field: 'line.unitPrice', format: money },
      { header: 'Discount', field: 'line.discountPercent', format: { type: 'quantity', decimals: 2 } },
      { header: '*AccountCode', field: 'line.accountNumber', format: text },
      { header: '*TaxType', field: 'extra.taxType', format: text },
      { header: 'TaxAmount', value: '' },
      { header: 'TrackingName1', field: 'extra.trackingName1', format: text },
      { header: 'TrackingOption1', field: 'extra.trackingOption1', format: text },
      { header: 'TrackingName2', value: '' },
      { header: 'TrackingOption2', value: '' },
      { header: 'Currency', field: 'invoice.currency', format: text },
      { header: 'BrandingTheme', value: '' },
    ],
  };
}

/** "3=25% (VAT on Income); 5=No VAT" → map; a bad part is returned in `invalid`. */
export function parseTaxTypes(textValue: string): { map: Map<string, string>; invalid: string[] } {
  const map = new Map<string, string>();
  const invalid: string[] = [];
  for (const part of textValue.split(';')) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const at = trimmed.indexOf('=');
    if (at <= 0 || at === trimmed.length - 1) invalid.push(trimmed);
    else map.set(trimmed.slice(0, at).trim(), trimmed.slice(at + 1).trim());
  }
  return { map, invalid };
}

export function defaultTaxType(ratePercent: number): string {
  return ratePercent === 0 ? 'No VAT' : `${ratePercent}%`;
}

/** The dataset rows with Xero's computed values in `extra`. */
export function xeroRows(data: CompanyData, settings: FormatSettings): InvoiceLineRow[] {
  const { map } = parseTaxTypes(stringSetting(settings, 'taxTypes'));
  const trackingName = stringSetting(settings, 'projectTrackingName');
  return invoiceLineRows(data).map((row) => {
    const reference =
      row.invoice.orderReference ||
      (row.invoice.type === 'credit' && row.invoice.creditedInvoiceNumber
        ? `Credit for ${row.invoice.creditedInvoiceNumber}`
        : '');
    const tracking =
      trackingName && row.project.number
        ? { trackingName1: trackingName, trackingOption1: row.project.number }
        : { trackingName1: '', trackingOption1: '' };
    return {
      ...row,
      extra: { taxType: map.get(row.line.vatCode) ?? defaultTaxType(row.amounts.ratePercent), reference, ...tracking },
    };
  });
}

function build(data: CompanyData, settings: FormatSettings, context: ExportContext) {
  const dateOrder = stringSetting(settings, 'dateOrder') === 'US' ? 'US' : 'UK';
  const layout = xeroLayout(dateOrder);
  const rows = xeroRows(data, settings);
  const invoiceOrder = [...new Set(rows.map((r) => r.invoice.id))];
  const chunks: InvoiceLineRow[][] = [];
  for (let i = 0; i < invoiceOrder.length; i += MAX_INVOICES_PER_FILE) {
    const ids = new Set(invoiceOrder.slice(i, i + MAX_INVOICES_PER_FILE));
    chunks.push(rows.filter((r) => ids.has(r.invoice.id)));
  }
  const files: ExportFile[] = [];
  const issues: ExportIssue[] = [];
  const stamp = fileStamp(context.now);
  chunks.forEach((chunk, i) => {
    const built = buildDelimited(layout, chunk, {
      recordOf: (r) => ({ kind: 'invoice', key: r.invoice.number || r.invoice.id }),
    });
    const invoiceCount = new Set(chunk.map((r) => r.invoice.id)).size;
    const totals: Record<string, number> = { invoices: invoiceCount, lines: chunk.length };
    const seen = new Set<string>();
    for (const r of chunk) {
      if (seen.has(r.invoice.id)) continue;
      seen.add(r.invoice.id);
      totals[`gross ${r.invoice.currency}`] = (totals[`gross ${r.invoice.currency}`] ?? 0) + r.invoiceTotals.gross;
    }
    const suffix = chunks.length > 1 ? `_${i + 1}` : '';
    const encoded = encodeFile({
      name: `XERO-INVOICES_${stamp}${suffix}.csv`,
      mimeType: 'text/csv',
      text: built.text,
      encoding: layout.encoding,
      lineRecords: built.lineRecords,
      recordCount: chunk.length,
      controlTotals: totals,
    });
    issues.push(...built.issues, ...encoded.issues);
    if (encoded.file) files.push(encoded.file);
  });
  const report =
    chunks.length > 1
      ? [
          `${invoiceOrder.length} invoices were split into ${chunks.length} files of at most ${MAX_INVOICES_PER_FILE} (Xero's limit).`,
        ]
      : [];
  return { files, issues, report };
}

export const xero = defineFormat({
  ...xeroInfo,
  checks(data: CompanyData, settings: FormatSettings) {
    const issues: ExportIssue[] = [];
    const { invalid } = parseTaxTypes(stringSetting(settings, 'taxTypes'));
    for (const bad of invalid)
      issues.push(
        issue(
          'error',
          'invalid-setting',
          { setting: 'Tax type mapping', value: bad, expected: 'code=Name' },
          undefined,
          'taxTypes',
        ),
      );
    // Xero merges rows of the same number into one invoice, and requires AccountCode on every line.
    issues.push(
      ...checkInvoiceRecords(data, {
        linesRequired: true,
        uniqueNumbers: true,
        knownCustomers: true,
        lineAccounts: 'present',
        knownVatCodes: true,
      }),
    );
    for (const invoice of data.invoices) {
      const key = invoice.number || invoice.id;
      invoice.lines.forEach((line, i) => {
        if (!line.description.trim())
          issues.push(
            issue(
              'error',
              'missing-description',
              { invoice: key, line: i + 1 },
              { kind: 'invoice', key },
              'description',
            ),
          );
      });
    }
    return issues;
  },
  build,
});
