/**
 * Xero sales invoices and credit notes, CSV (Business › Invoices › Import, and Business ›
 * Invoices › Credit notes › Import).
 *
 * Spec: Xero Central, "Import or create invoices using a CSV file",
 * https://central.xero.com/s/article/Import-or-create-invoices-using-a-CSV-file , and Xero's
 * downloadable templates. Xero's own pages were not in the research corpora; the rules below are
 * quoted from the sources found by the vendor-rules research of issue 12 (items 1–2).
 *
 * Rules, with their addresses:
 * - TaxType: "TaxType - Enter the tax rate display name as it appears in Xero. If the tax rate
 *   name contains words and a percentage, enter it in full as it appears in Xero, for example,
 *   20% (VAT on Income)." (Xero's guidance as reproduced at https://online.flippingbook.com/view/399081/31/ ).
 *   The name is the organisation's own: "Enter a Tax Rate Display Name … The name identifies the
 *   tax rate in the chart of accounts and on your transactions." (https://help.xero.com/uk/Tax-Add ).
 *   A wrong name fails the row: "Xero validates tax rate labels against the tax rates configured in
 *   your account settings … the row fails." (https://splitforge.app/blog/xero-csv-import-errors-fix ).
 *   Default names: UK `20% (VAT on Income)`, `5% (VAT on Income)`, `Zero Rated Income`,
 *   `Exempt Income`, `No VAT` (https://help.xero.com/uk/Tax-SetDefaults ); the Global edition
 *   (Norway, Sweden) has only `Tax on Sales`, `Tax on Purchases`, `Tax Exempt`, `Sales Tax on
 *   Imports`, "all set to 0% by default" (https://help.xero.com/us/Tax-SetDefaults ), so Norwegian
 *   and Swedish organisations name their rates themselves.
 * - Totals: "The Total and Tax Amount columns will be calculated automatically based on the data in
 *   the Quantity, Unit amount and Tax type fields" (flippingbook page above).
 * - "If you are importing more than 500 invoices you will need to split the file" (same page).
 * - "Enter all prices in this file as either tax inclusive or tax exclusive, but not a mixture of
 *   both." (same page).
 * - Credit notes (https://spreadsheetbroccoli.com/platforms/xero/import-credit-note-guide ):
 *   "The template is the same format as the invoice template. The key difference is that the
 *   CreditNoteNumber column replaces InvoiceNumber, and the CreditNoteDate column replaces
 *   InvoiceDate."; "All amounts in the UnitAmount column should be entered as positive numbers.";
 *   "Warning: Do not enter negative amounts for credit notes." Its validator
 *   (https://spreadsheetbroccoli.com/validate/xero-credit-note ): "Required columns are ContactName,
 *   CreditNoteNumber, CreditNoteDate, Description, Quantity, UnitAmount, AccountCode, and TaxType.
 *   Optional: EmailAddress, Reference, DueDate, Currency."
 *
 * Header lists (THIRD-PARTY, confirm against a freshly downloaded template):
 * - Invoices, 29 columns as "Copied verbatim from the header row of Xero's SalesInvoiceTemplate.csv"
 *   by a public test, and used by two further independent generators (`xeroLayout`).
 * - Credit notes, 28 columns: the invoice list with `*InvoiceNumber` → `*CreditNoteNumber`,
 *   `*InvoiceDate` → `*CreditNoteDate` and `*DueDate` removed (`xeroCreditNoteLayout`). Xero's own
 *   CreditNoteTemplate.csv header row was not found. Whether it has DueDate is contradictory (the
 *   validator lists it as optional; https://github.com/xero-gateway/xero_gateway/pull/12 : "due_date
 *   is not supposed to be available in credit notes"), and leaving out an optional column is
 *   harmless where an unknown one might be refused.
 *
 * Assumptions where the spec is silent or varies:
 * - Vintage: the 29-column sales-invoice template, not Moment's longer 2020 template with SA
 *   address, PlannedDate, Type/Sent/Status columns that the importer ignores.
 * - One row per invoice line; address lines 3–4, PORegion, Total, TaxAmount and BrandingTheme are
 *   left empty: Xero computes Total and TaxAmount itself (per-line rounding may differ by an øre).
 * - Dates: setting `dateOrder`, `UK` = dd/MM/yyyy (default; UK/AU/NZ organisations), `US` = MM/dd/yyyy.
 * - UnitAmount is the net (tax-exclusive) unit price; choose "Tax exclusive" when importing.
 * - Credit notes go to their own file `XERO-CREDITNOTES_<stamp>.csv` with Quantity and UnitAmount
 *   as stored (positive; the document type gives the direction). The credited invoice is named in
 *   Reference when there is no order reference. An export without invoices (or without credit
 *   notes) writes no file of that kind.
 * - TaxType: setting `taxTypes` maps each VAT code to the Xero tax rate's display name
 *   ("3=25% (VAT on Income); 6=No VAT"). A VAT code the exported documents use without a mapping
 *   is an error naming the code, with suggestions (`taxTypeSuggestions`) marked "must match your
 *   Xero organisation exactly"; nothing is guessed, since a guessed name fails the import.
 * - Tracking: when setting `projectTrackingName` is set (e.g. `Project`), TrackingName1 is that
 *   name and TrackingOption1 the project number; otherwise both are empty (options must already
 *   exist in Xero).
 * - At most 500 documents per file (`MAX_INVOICES_PER_FILE`, Xero's limit), for invoices and
 *   credit notes alike; more are split into numbered files, which the pipeline zips with a
 *   manifest naming every file.
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
import { parseCodeMapping, xeroTaxRateSuggestions } from '../../kit/code-mapping.ts';
import { xeroInfo } from './info.ts';
import { issue } from '../../issues.ts';
import { checkInvoiceRecords } from '../../../ledger/invoice-checks.ts';
import { pushAll } from '../../../push-all.ts';
import { definitionOf, invalidSettingIssue } from '../../kit/settings.ts';

export const MAX_INVOICES_PER_FILE = 500;
const DATE_PATTERNS = { UK: 'dd/MM/yyyy', US: 'MM/dd/yyyy' } as const;

const text: FieldFormat = { type: 'text' };
const money: FieldFormat = { type: 'amount', decimals: 2, sign: 'signed' };

/**
 * The Xero sales-invoice layout as a plain table; `copyableLayouts()` hands it out for user
 * templates. Quantity is `signedQuantity`: the built-in writes only invoices with it (where it
 * is the stored quantity), while a template copied from it, which writes one file, keeps a
 * credit note's direction rather than turning it into an invoice.
 */
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

const CREDIT_NOTE_HEADERS: Readonly<Record<string, string>> = {
  '*InvoiceNumber': '*CreditNoteNumber',
  '*InvoiceDate': '*CreditNoteDate',
};

/**
 * The credit-note layout (28 columns, third-party, see the header): the invoice layout with the
 * number and date columns renamed, DueDate left out, and the stored (positive) quantity.
 */
export function xeroCreditNoteLayout(dateOrder: 'UK' | 'US' = 'UK'): DelimitedLayout {
  const invoices = xeroLayout(dateOrder);
  return {
    ...invoices,
    columns: invoices.columns
      .filter((c) => c.header !== '*DueDate')
      .map((c) => {
        const header = CREDIT_NOTE_HEADERS[c.header] ?? c.header;
        return c.field === 'signedQuantity' ? { ...c, header, field: 'line.quantity' } : { ...c, header };
      }),
  };
}

/** "3=25% (VAT on Income); 5=No VAT" → map; a bad part is returned in `invalid`. */
export const parseTaxTypes = parseCodeMapping;

/** Names a Xero organisation often has for a sales rate: suggestions only, never written without a mapping. */
export const taxTypeSuggestions = xeroTaxRateSuggestions;

/** The dataset rows with Xero's computed values in `extra`; an unmapped VAT code gives an empty TaxType. */
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
    return { ...row, extra: { taxType: map.get(row.line.vatCode) ?? '', reference, ...tracking } };
  });
}

/** One error per VAT code the documents use that `taxTypes` does not map (unknown codes are reported apart). */
export function unmappedTaxTypeIssues(data: CompanyData, map: ReadonlyMap<string, string>): ExportIssue[] {
  const rates = new Map(data.vatCodes.map((v) => [v.code, v.ratePercent]));
  const firstUse = new Map<string, string>();
  for (const invoice of data.invoices)
    for (const line of invoice.lines)
      if (!map.has(line.vatCode) && rates.has(line.vatCode) && !firstUse.has(line.vatCode))
        firstUse.set(line.vatCode, invoice.number || invoice.id);
  return [...firstUse].map(([vatCode, invoice]) => {
    const rate = rates.get(vatCode)!;
    const suggestions = taxTypeSuggestions(rate)
      .map((s) => `"${vatCode}=${s}"`)
      .join(', ');
    const setting = definitionOf(xeroInfo.settings, 'taxTypes').label;
    return issue(
      'error',
      'xero-tax-type-unmapped',
      { vatCode, rate, invoice, suggestions, setting },
      undefined,
      'taxTypes',
    );
  });
}

interface XeroFileKind {
  prefix: string;
  layout: DelimitedLayout;
  countKey: string;
  /** +1: invoice totals as they are; -1: a credit note's (negative) totals written positive. */
  sign: 1 | -1;
}

function chunksOf(rows: InvoiceLineRow[]): InvoiceLineRow[][] {
  const order = [...new Set(rows.map((r) => r.invoice.id))];
  const chunks: InvoiceLineRow[][] = [];
  for (let i = 0; i < order.length; i += MAX_INVOICES_PER_FILE) {
    const ids = new Set(order.slice(i, i + MAX_INVOICES_PER_FILE));
    chunks.push(rows.filter((r) => ids.has(r.invoice.id)));
  }
  return chunks;
}

function buildFiles(kind: XeroFileKind, rows: InvoiceLineRow[], stamp: string) {
  const chunks = chunksOf(rows);
  const files: ExportFile[] = [];
  const issues: ExportIssue[] = [];
  chunks.forEach((chunk, i) => {
    const built = buildDelimited(kind.layout, chunk, {
      recordOf: (r) => ({ kind: 'invoice', key: r.invoice.number || r.invoice.id }),
    });
    const documents = new Set(chunk.map((r) => r.invoice.id)).size;
    const totals: Record<string, number> = { [kind.countKey]: documents, lines: chunk.length };
    const seen = new Set<string>();
    for (const r of chunk) {
      if (seen.has(r.invoice.id)) continue;
      seen.add(r.invoice.id);
      const key = `gross ${r.invoice.currency}`;
      totals[key] = (totals[key] ?? 0) + kind.sign * r.invoiceTotals.gross;
    }
    const suffix = chunks.length > 1 ? `_${i + 1}` : '';
    const encoded = encodeFile({
      name: `${kind.prefix}_${stamp}${suffix}.csv`,
      mimeType: 'text/csv',
      text: built.text,
      encoding: kind.layout.encoding,
      lineRecords: built.lineRecords,
      recordCount: chunk.length,
      controlTotals: totals,
    });
    pushAll(pushAll(issues, built.issues), encoded.issues);
    if (encoded.file) files.push(encoded.file);
  });
  const documents = new Set(rows.map((r) => r.invoice.id)).size;
  const report =
    chunks.length > 1
      ? [
          `${documents} ${kind.countKey} were split into ${chunks.length} files of at most ${MAX_INVOICES_PER_FILE} (Xero's limit).`,
        ]
      : [];
  return { files, issues, report };
}

function build(data: CompanyData, settings: FormatSettings, context: ExportContext) {
  const dateOrder = stringSetting(settings, 'dateOrder') === 'US' ? 'US' : 'UK';
  const rows = xeroRows(data, settings);
  const stamp = fileStamp(context.now);
  const invoices = buildFiles(
    { prefix: 'XERO-INVOICES', layout: xeroLayout(dateOrder), countKey: 'invoices', sign: 1 },
    rows.filter((r) => r.invoice.type !== 'credit'),
    stamp,
  );
  const credits = buildFiles(
    { prefix: 'XERO-CREDITNOTES', layout: xeroCreditNoteLayout(dateOrder), countKey: 'credit notes', sign: -1 },
    rows.filter((r) => r.invoice.type === 'credit'),
    stamp,
  );
  return {
    files: [...invoices.files, ...credits.files],
    issues: [...invoices.issues, ...credits.issues],
    report: [...invoices.report, ...credits.report],
  };
}

export const xero = defineFormat({
  ...xeroInfo,
  checks(data: CompanyData, settings: FormatSettings) {
    const issues: ExportIssue[] = [];
    const { map, invalid } = parseTaxTypes(stringSetting(settings, 'taxTypes'));
    for (const bad of invalid) issues.push(invalidSettingIssue(xeroInfo.settings, 'taxTypes', bad));
    pushAll(issues, unmappedTaxTypeIssues(data, map));
    // Xero merges rows of the same number into one invoice, and requires AccountCode on every line.
    pushAll(
      issues,
      checkInvoiceRecords(data, {
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
