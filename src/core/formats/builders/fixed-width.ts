/**
 * Fixed-width records from a declarative, JSON-serialisable layout. Every value is fitted to
 * its width (padding, alignment, zero fill), values that are too long are reported (cut with a
 * warning, or an error, per field), and every finished record is checked against the declared
 * record length.
 */
import type { TextEncodingName } from '../../encoding/text-encoding.ts';
import { issue } from '../issues.ts';
import type { ExportIssue } from '../types.ts';
import type { BuiltText, LineEnding, RowSource } from './delimited.ts';
import { lineBreak } from './delimited.ts';
import { formatField, getFieldValue, type FieldFormat, type IssueRecord } from './field-format.ts';

export interface FixedWidthField {
  name: string;
  width: number;
  field?: string;
  /** A constant (used when `field` is absent); empty gives a blank (or zero-filled) field. */
  value?: string;
  format?: FieldFormat;
  /** Default: `right` for amount/integer/quantity, `left` for text and dates. */
  align?: 'left' | 'right';
  /** One character; default a blank. */
  pad?: string;
  /** Right-aligned, padded with `0`, a minus sign kept in front: `-0001234`. */
  zeroFill?: boolean;
  /** What a too-long value does: `error` (default) or `truncate` (cut, with a warning). */
  overflow?: 'truncate' | 'error';
}

export interface FixedWidthLayout {
  /** Characters per record, without the line ending. */
  recordLength: number;
  fields: FixedWidthField[];
  lineEnding: LineEnding;
  finalLineEnding?: boolean;
  encoding: TextEncodingName;
}

/** Layout mistakes (widths that do not add up, bad pad characters); empty when the layout is sound. */
export function checkFixedWidthLayout(layout: FixedWidthLayout): string[] {
  const problems: string[] = [];
  const total = layout.fields.reduce((sum, f) => sum + f.width, 0);
  if (total !== layout.recordLength)
    problems.push(`field widths add up to ${total}, but the record length is ${layout.recordLength}`);
  for (const f of layout.fields) {
    if (!Number.isInteger(f.width) || f.width <= 0) problems.push(`${f.name}: width must be a positive whole number`);
    if (f.pad !== undefined && [...f.pad].length !== 1) problems.push(`${f.name}: pad must be exactly one character`);
  }
  return problems;
}

function isNumeric(format: FieldFormat | undefined): boolean {
  return format?.type === 'amount' || format?.type === 'integer' || format?.type === 'quantity';
}

export function fitField(
  text: string,
  spec: FixedWidthField,
  record: IssueRecord | undefined,
  issues: ExportIssue[],
): string {
  const chars = [...text];
  if (chars.length > spec.width) {
    if (spec.overflow === 'truncate' && !isNumeric(spec.format)) {
      const cut = chars.slice(0, spec.width).join('');
      issues.push(issue('warning', 'truncated', { value: text, limit: spec.width, cut }, record, spec.name));
      return cut;
    }
    issues.push(issue('error', 'too-long', { value: text, limit: spec.width }, record, spec.name));
    // Keep the record length right so the rest of the file can still be inspected.
    return isNumeric(spec.format)
      ? chars.slice(chars.length - spec.width).join('')
      : chars.slice(0, spec.width).join('');
  }
  const gap = spec.width - chars.length;
  if (spec.zeroFill) {
    if (text.startsWith('-')) return '-' + '0'.repeat(gap) + text.slice(1);
    return '0'.repeat(gap) + text;
  }
  const pad = (spec.pad ?? ' ').repeat(gap);
  const align = spec.align ?? (isNumeric(spec.format) ? 'right' : 'left');
  return align === 'right' ? pad + text : text + pad;
}

export function buildFixedWidthRecord<Row>(
  layout: FixedWidthLayout,
  row: Row,
  record: IssueRecord | undefined,
  issues: ExportIssue[],
): string {
  const parts = layout.fields.map((spec) => {
    const raw = spec.field !== undefined ? getFieldValue(row, spec.field) : (spec.value ?? '');
    // The width limit is applied by fitField; the formatter must not apply its own maxLength first.
    const text = formatField(raw, spec.format, { record, field: spec.name, issues });
    return fitField(text, spec, record, issues);
  });
  return parts.join('');
}

export function buildFixedWidth<Row>(
  layout: FixedWidthLayout,
  rows: readonly Row[],
  source: RowSource<Row> = {},
): BuiltText {
  const issues: ExportIssue[] = [];
  for (const problem of checkFixedWidthLayout(layout)) issues.push(issue('error', 'bad-layout', { problem }));
  const lines: string[] = [];
  const lineRecords: (IssueRecord | undefined)[] = [];
  rows.forEach((row, index) => {
    const record = source.recordOf?.(row);
    const line = buildFixedWidthRecord(layout, row, record, issues);
    const length = [...line].length;
    if (length !== layout.recordLength) {
      const params = { index: index + 1, length, expected: layout.recordLength };
      issues.push(issue('error', 'record-length', params, record));
    }
    lines.push(line);
    lineRecords.push(record);
  });
  const eol = lineBreak(layout.lineEnding);
  const text = lines.join(eol) + (lines.length > 0 && layout.finalLineEnding !== false ? eol : '');
  return { text, issues, lineRecords, recordCount: rows.length };
}
