/**
 * Layout templates → text, through the shared delimited and fixed-width builders, so a layout
 * copied from a built-in format writes exactly what the built-in writes.
 *
 * Rows: one per dataset row, or with `rowsFrom: 'lines'` (invoices) one per invoice line in the
 * shape of the built-in formats' invoice-lines dataset (`invoice.number`, `line.description`,
 * `amounts.net`, `customer.name`, `account.name`, `vat.ratePercent`, ...; see
 * src/core/formats/datasets/invoice-lines.ts), plus `record` = the Invoices row of the line.
 * Liquid columns are rendered per row first and read back from `$computed`.
 */
import type { CompanyData } from '../domain/types.ts';
import {
  buildDelimited,
  type BuiltText,
  type DelimitedLayout,
  type QuotingRule,
} from '../formats/builders/delimited.ts';
import type { IssueRecord } from '../formats/builders/field-format.ts';
import { buildFixedWidth, type FixedWidthLayout } from '../formats/builders/fixed-width.ts';
import { invoiceLineRows } from '../ledger/invoice-lines.ts';
import type { DatasetRow, RowRecord } from './data-types/row.ts';
import type { LayoutColumn, LayoutTemplate, Quoting } from './types.ts';

const QUOTING_RULE: Record<Quoting, QuotingRule> = {
  none: 'none',
  all: 'all',
  text: 'text-only',
  needed: 'when-needed',
};
const TEMPLATE_QUOTING: Record<QuotingRule, Quoting> = {
  none: 'none',
  all: 'all',
  'text-only': 'text',
  'when-needed': 'needed',
};

export function templateQuotingOf(rule: QuotingRule): Quoting {
  return TEMPLATE_QUOTING[rule];
}

export const COMPUTED = '$computed';

function columnField(column: LayoutColumn, index: number): { field?: string; value?: string } {
  if (column.field !== undefined && column.field !== '') return { field: column.field };
  if (column.liquid !== undefined && column.liquid !== '') return { field: `${COMPUTED}.${index}` };
  return { value: column.value ?? '' };
}

export function delimitedLayoutOf(t: LayoutTemplate): DelimitedLayout {
  return {
    delimiter: t.delimiter,
    quoting: QUOTING_RULE[t.quoting],
    ...(t.replacements ? { replacements: { ...t.replacements } } : {}),
    quoteEmpty: t.quoteEmptyFields,
    ...(t.neutraliseFormulas === false ? { formulas: 'raw' as const } : {}),
    headerRow: t.headerRow,
    decimalSeparator: t.decimalSeparator,
    lineEnding: t.lineBreak === 'windows' ? 'CRLF' : 'LF',
    finalLineEnding: t.finalLineBreak,
    encoding: t.encoding,
    columns: t.columns.map((c, i) => ({
      header: c.header,
      ...columnField(c, i),
      ...(c.format ? { format: c.format } : {}),
    })),
  };
}

export function fixedWidthLayoutOf(t: LayoutTemplate): FixedWidthLayout {
  const fields = t.columns.map((c, i) => {
    const f: FixedWidthLayout['fields'][number] = { name: c.header, width: c.width ?? 0, ...columnField(c, i) };
    if (c.format) f.format = c.format;
    if (c.align) f.align = c.align;
    if (c.pad !== undefined) f.pad = c.pad;
    if (c.zeroFill) f.zeroFill = true;
    if (c.overflow) f.overflow = c.overflow;
    return f;
  });
  return {
    recordLength: fields.reduce((s, f) => s + f.width, 0),
    fields,
    lineEnding: t.lineBreak === 'windows' ? 'CRLF' : 'LF',
    finalLineEnding: t.finalLineBreak,
    encoding: t.encoding,
  };
}

export interface LayoutRow {
  row: DatasetRow;
  record: RowRecord;
}

/**
 * The rows a layout writes. `invoiceRows[i]` belongs to `data.invoices[i]` (the caller has
 * applied any sample to both).
 */
export function layoutRows(
  t: LayoutTemplate,
  data: CompanyData,
  rows: readonly DatasetRow[],
  recordOf: (row: DatasetRow) => RowRecord,
): LayoutRow[] {
  if (t.rowsFrom !== 'lines') return rows.map((row) => ({ row, record: recordOf(row) }));
  const byInvoice = new Map(data.invoices.map((inv, i) => [inv, rows[i]!]));
  return invoiceLineRows(data).map((line) => {
    const record = byInvoice.get(line.invoice)!;
    return { row: { ...line, record } as unknown as DatasetRow, record: recordOf(record) };
  });
}

/** Renders the rows (with their Liquid columns already in `$computed`) through the shared builder. */
export function buildLayoutText(t: LayoutTemplate, rows: readonly LayoutRow[]): BuiltText {
  const records = new Map<DatasetRow, IssueRecord>(rows.map((r) => [r.row, r.record]));
  const source = { recordOf: (row: DatasetRow) => records.get(row) };
  const plain = rows.map((r) => r.row);
  return t.layout === 'fixed-width'
    ? buildFixedWidth(fixedWidthLayoutOf(t), plain, source)
    : buildDelimited(delimitedLayoutOf(t), plain, source);
}
