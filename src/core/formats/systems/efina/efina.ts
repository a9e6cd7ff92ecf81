/**
 * eFina (Finland): one `;` file divided into sections; each line starts with its section's tag:
 * per invoice a `<LASKU>` line, a `<LASKURIVI>` line per invoice line, then `<DIM1>` (department)
 * and `<DIM2>` (project).
 *
 * Spec: Moment's page https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/efina
 * (summarised in ../shared/research/moment-exports.md §4.4); eFina's own layout is not public.
 * Rules from Moment's page: "CSV with `;`, divided into sections that each start with a tag";
 * `<LASKU>`: 1 Invoice number, 2 Invoice type, 3–4 unknown, 5 Customer number, 6 Customer name,
 * 7 unknown, 8 Customer address, 9–31 unknown, 32 Order reference, 33 Contact name, 34 Customer
 * reference, 35–36 unknown, 37 Issue date, 38 Due date, 39–40 unknown, 41 Total incl. VAT,
 * 42 Total ex. VAT, 43–50 unknown, 51 Currency code, 52–54 unknown, 55 Payment ID/OCR, 56–58
 * unknown, 59 `0` (hardcoded), 60–71 unknown; `<LASKURIVI>`: Product number, Product name, Unit
 * type, unknown, VAT percentage, Quantity, Unit price, unknown ×4; `<DIM1>`: unknown, Department
 * number, `100,00`, Total incl. VAT; `<DIM2>`: unknown, Project number, `100,00`, Total incl. VAT;
 * "both DIM sections are included if linked to a department"; dates `YYYYMMDD`; decimal `,`.
 *
 * Assumptions (constants or settings):
 * - "Each section starts with a tag" is read as: the tag is the first field of each line of the
 *   section (`<LASKU>;1001;…`), so every line carries its section (`SECTION_TAGS`).
 * - The unknown fields are written empty; field 59 is `LASKU_FIELD_59` (`0`).
 * - Invoice type (2): settings `invoiceTypeInvoice` (default `1`) and `invoiceTypeCredit`
 *   (default `2`). Unit type: setting `unitType` (default `kpl`).
 * - Customer address (8) = address line 1 (the postcode and place have no published field);
 *   Contact name (33) = the company's contact person; Customer reference (34) empty (no data).
 * - Amounts in the invoice currency (field 51 names it); a credit note has negative totals and
 *   negative line quantities (unit prices stay positive). VAT percentage and quantity with `,`
 *   and up to 2 / 4 decimals; unit price 2 decimals.
 * - `<DIM1>` follows the lines when the invoice's project has a department, `<DIM2>` when the
 *   invoice has a project; the share is `DIM_SHARE` (`100,00`).
 * - No header, CRLF, no quoting: `;` inside a value becomes `,`, `"` becomes `'`, a line break a
 *   space, each with a warning (`REPLACEMENTS`).
 * - Encoding: setting `encoding`, default Windows-1252 (ä, ö, å and €).
 */
import { pushAll } from '../../../push-all.ts';
import { amountRules, invoiceAmounts, documentSign } from '../../../domain/invoice-amounts.ts';
import type { CompanyData, Invoice } from '../../../domain/types.ts';
import type { DelimitedColumn, DelimitedLayout, FieldReplacements } from '../../builders/delimited.ts';
import { buildDelimited } from '../../builders/delimited.ts';
import { encodeFile, fileStamp } from '../../builders/encode-file.ts';
import type { FieldFormat, IssueRecord } from '../../builders/field-format.ts';
import type { TextEncodingName } from '../../../encoding/text-encoding.ts';
import { checkInvoiceRecords } from '../../../ledger/invoice-checks.ts';
import { masterIndex } from '../../../ledger/invoice-lines.ts';
import type { ExportContext, ExportIssue, FormatSettings } from '../../types.ts';
import { defineFormat, encodingOf, stringSetting } from '../../kit/format-kit.ts';
import { efinaInfo } from './info.ts';

export const REPLACEMENTS: FieldReplacements = { delimiter: ',', quote: "'", lineBreak: ' ' };
export const SECTION_TAGS = { invoice: '<LASKU>', line: '<LASKURIVI>', dim1: '<DIM1>', dim2: '<DIM2>' } as const;
export const LASKU_FIELD_59 = '0';
export const DIM_SHARE = '100,00';
const DATE: FieldFormat = { type: 'date', pattern: 'yyyyMMdd' };
const AMOUNT: FieldFormat = { type: 'amount', decimals: 2, sign: 'signed' };

type Section = keyof typeof SECTION_TAGS;

const blanks = (from: number, count: number): DelimitedColumn[] =>
  Array.from({ length: count }, (_, i) => ({ header: `Unknown${from + i}`, value: '' }));
const col = (header: string, field: string, format?: FieldFormat): DelimitedColumn =>
  format ? { header, field, format } : { header, field };

const COLUMNS: Record<Section, DelimitedColumn[]> = {
  invoice: [
    { header: 'Tag', value: SECTION_TAGS.invoice },
    col('InvoiceNumber', 'number'),
    col('InvoiceType', 'type'),
    ...blanks(3, 2),
    col('CustomerNumber', 'customerNumber'),
    col('CustomerName', 'customerName'),
    ...blanks(7, 1),
    col('CustomerAddress', 'address'),
    ...blanks(9, 23),
    col('OrderReference', 'orderReference'),
    col('ContactName', 'contactName'),
    { header: 'CustomerReference', value: '' },
    ...blanks(35, 2),
    col('IssueDate', 'issueDate', DATE),
    col('DueDate', 'dueDate', DATE),
    ...blanks(39, 2),
    col('TotalInclVat', 'gross', AMOUNT),
    col('TotalExVat', 'net', AMOUNT),
    ...blanks(43, 8),
    col('CurrencyCode', 'currency'),
    ...blanks(52, 3),
    col('PaymentId', 'kid'),
    ...blanks(56, 3),
    { header: 'Field59', value: LASKU_FIELD_59 },
    ...blanks(60, 12),
  ],
  line: [
    { header: 'Tag', value: SECTION_TAGS.line },
    col('ProductNumber', 'productCode'),
    col('ProductName', 'description'),
    col('UnitType', 'unitType'),
    ...blanks(4, 1),
    col('VatPercent', 'vatPercent', { type: 'quantity', decimals: 2 }),
    col('Quantity', 'quantity', { type: 'quantity', decimals: 4 }),
    col('UnitPrice', 'unitPrice', AMOUNT),
    ...blanks(8, 4),
  ],
  dim1: [
    { header: 'Tag', value: SECTION_TAGS.dim1 },
    ...blanks(1, 1),
    col('Department', 'dimension'),
    { header: 'Share', value: DIM_SHARE },
    col('TotalInclVat', 'gross', AMOUNT),
  ],
  dim2: [
    { header: 'Tag', value: SECTION_TAGS.dim2 },
    ...blanks(1, 1),
    col('Project', 'dimension'),
    { header: 'Share', value: DIM_SHARE },
    col('TotalInclVat', 'gross', AMOUNT),
  ],
};

export function efinaLayout(section: Section, encoding: TextEncodingName = 'windows-1252'): DelimitedLayout {
  return {
    delimiter: ';',
    quoting: 'none',
    replacements: { ...REPLACEMENTS },
    quoteEmpty: false,
    headerRow: false,
    decimalSeparator: ',',
    lineEnding: 'CRLF',
    encoding,
    columns: COLUMNS[section].map((c) => ({ ...c })),
  };
}

/** The section of a written line, from its first field. */
export function efinaSectionOf(fields: readonly string[]): Section {
  const found = (Object.keys(SECTION_TAGS) as Section[]).find((s) => SECTION_TAGS[s] === fields[0]);
  if (!found) throw new Error(`not an eFina section: ${fields[0]}`);
  return found;
}

function invoiceRecord(invoice: Invoice): IssueRecord {
  return { kind: 'invoice', key: invoice.number || invoice.id };
}

function build(data: CompanyData, settings: FormatSettings, context: ExportContext) {
  const encoding = encodingOf(settings, 'windows-1252');
  const index = masterIndex(data);
  const rules = amountRules(data);
  const types = {
    invoice: stringSetting(settings, 'invoiceTypeInvoice'),
    credit: stringSetting(settings, 'invoiceTypeCredit'),
  };
  const unitType = stringSetting(settings, 'unitType');
  let text = '';
  const lineRecords: (IssueRecord | undefined)[] = [];
  const issues: ExportIssue[] = [];
  let lines = 0;
  const write = (section: Section, row: object, record: IssueRecord) => {
    const built = buildDelimited(efinaLayout(section, encoding), [row], { recordOf: () => record });
    text += built.text;
    pushAll(lineRecords, built.lineRecords);
    pushAll(issues, built.issues);
    lines++;
  };
  let grossTotal = 0;
  for (const invoice of data.invoices) {
    const record = invoiceRecord(invoice);
    const customer = index.customer(invoice.customerNumber);
    const amounts = invoiceAmounts(invoice, rules);
    grossTotal += amounts.gross;
    write(
      'invoice',
      {
        number: invoice.number,
        type: types[invoice.type],
        customerNumber: invoice.customerNumber,
        customerName: customer?.name ?? '',
        address: customer?.addressLine1 ?? '',
        orderReference: invoice.orderReference,
        contactName: data.company.contactPerson ?? '',
        issueDate: invoice.issueDate,
        dueDate: invoice.dueDate,
        gross: amounts.gross,
        net: amounts.net,
        currency: (invoice.currency || data.company.currency).toUpperCase(),
        kid: invoice.kid,
      },
      record,
    );
    const sign = documentSign(invoice);
    invoice.lines.forEach((line, i) => {
      write(
        'line',
        {
          productCode: line.productCode,
          description: line.description,
          unitType,
          vatPercent: amounts.lines[i]!.ratePercent,
          quantity: sign * line.quantity + 0,
          unitPrice: line.unitPrice,
        },
        record,
      );
    });
    const project = invoice.projectNumber ? index.project(invoice.projectNumber) : undefined;
    if (project?.departmentNumber) write('dim1', { dimension: project.departmentNumber, gross: amounts.gross }, record);
    if (invoice.projectNumber) write('dim2', { dimension: invoice.projectNumber, gross: amounts.gross }, record);
  }
  const encoded = encodeFile({
    name: `EFINA_${fileStamp(context.now)}.csv`,
    mimeType: 'text/csv',
    text,
    encoding,
    lineRecords,
    recordCount: lines,
    controlTotals: { invoices: data.invoices.length, lines, 'gross (invoice currencies)': grossTotal },
  });
  return { files: encoded.file ? [encoded.file] : [], issues: [...issues, ...encoded.issues], report: [] };
}

export const efina = defineFormat({
  ...efinaInfo,
  checks(data: CompanyData) {
    return checkInvoiceRecords(data, {
      linesRequired: true,
      uniqueNumbers: true,
      knownCustomers: true,
      knownVatCodes: true,
      creditReference: true,
    });
  },
  build,
});
