/**
 * Field formatters shared by every file builder (delimited, fixed-width, tagged text) and by
 * user layout templates. A format is plain data (`FieldFormat`), so a layout that uses it can
 * be stored as JSON. Nothing here shortens a value silently: every truncation or value that
 * does not fit is reported as an `ExportIssue` naming the record and the field.
 */
import { formatDate } from '../../domain/dates.ts';
import { formatMinor, toScaled } from '../../domain/money.ts';
import { issue, type IssueCode, type IssueParams } from '../issues.ts';
import type { ExportIssue, IssueSeverity } from '../types.ts';

export type IssueRecord = NonNullable<ExportIssue['record']>;

/**
 * How a signed amount is written:
 * - `signed`: leading `-` on negatives;
 * - `trailing-minus`: `123.45-` (COBOL style);
 * - `absolute`: no sign at all (the sign lives in another column);
 * - `debit`: the amount when positive, otherwise empty (or zero, see `zeroAs`);
 * - `credit`: the absolute amount when negative, otherwise empty (or zero).
 */
export type AmountSign = 'signed' | 'trailing-minus' | 'absolute' | 'debit' | 'credit';

export interface TextFormat {
  type: 'text';
  /** Longest text the target accepts, in characters. */
  maxLength?: number;
  /** `truncate` cuts and reports a warning; `error` reports an error (default). */
  overflow?: 'truncate' | 'error';
  /** Replace line breaks and tabs by a space (with a warning) instead of writing them. */
  singleLine?: boolean;
  case?: 'upper' | 'lower';
}

export interface AmountFormat {
  type: 'amount';
  /** Digits after the separator in the output (default 2). */
  decimals?: number;
  /** Default '.'; a delimited layout may set its own default. */
  decimalSeparator?: string;
  thousandsSeparator?: string;
  /** Leave the separator out (fixed-width files): 12345 means 123.45. */
  impliedDecimals?: boolean;
  sign?: AmountSign;
  /** What an amount that is zero (or belongs to the other side in debit/credit columns) becomes. Default: the formatted zero for signed/absolute, '' for debit/credit. */
  zeroAs?: string;
  /** Minor-unit digits of the source value (default 2). */
  sourceDecimals?: number;
  maxLength?: number;
}

export interface DateFormat {
  type: 'date';
  /** `formatDate` pattern, e.g. `yyyyMMdd`, `dd/MM/yyyy`. */
  pattern: string;
}

export interface IntegerFormat {
  type: 'integer';
  maxLength?: number;
}

export interface QuantityFormat {
  type: 'quantity';
  /** Most decimals written (default 4); trailing zeros are dropped unless `fixedDecimals`. */
  decimals?: number;
  fixedDecimals?: boolean;
  decimalSeparator?: string;
  maxLength?: number;
}

export type FieldFormat = TextFormat | AmountFormat | DateFormat | IntegerFormat | QuantityFormat;

/** Where a value comes from; used in issue messages. */
export interface FieldContext {
  record?: IssueRecord;
  field: string;
  issues: ExportIssue[];
}

function pushIssue(ctx: FieldContext, severity: IssueSeverity, code: IssueCode, params: IssueParams): void {
  ctx.issues.push(issue(severity, code, params, ctx.record, ctx.field));
}

/** Applies a length limit: returns the (possibly cut) text and reports what happened. */
export function limitLength(
  text: string,
  maxLength: number | undefined,
  overflow: 'truncate' | 'error',
  ctx: FieldContext,
): string {
  // A text has at most as many characters as UTF-16 units: most texts fit without splitting them.
  if (maxLength === undefined || text.length <= maxLength) return text;
  const chars = [...text];
  if (chars.length <= maxLength) return text;
  if (overflow === 'truncate') {
    const cut = chars.slice(0, maxLength).join('');
    pushIssue(ctx, 'warning', 'truncated', { value: text, limit: maxLength, cut });
    return cut;
  }
  pushIssue(ctx, 'error', 'too-long', { value: text, limit: maxLength });
  return text;
}

const LINE_BREAK_OR_TAB = /[\r\n\t]/;

export function formatText(value: unknown, format: TextFormat, ctx: FieldContext): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (text !== '' && LINE_BREAK_OR_TAB.test(text)) {
    if (format.singleLine !== false) {
      const flat = text.replace(/\r\n|[\r\n\t]/g, ' ');
      pushIssue(ctx, 'warning', 'line-break-replaced', {});
      text = flat;
    }
  }
  if (format.case === 'upper') text = text.toUpperCase();
  if (format.case === 'lower') text = text.toLowerCase();
  return limitLength(text, format.maxLength, format.overflow ?? 'error', ctx);
}

export function formatAmount(
  value: unknown,
  format: AmountFormat,
  ctx: FieldContext,
  defaultDecimalSeparator = '.',
): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    pushIssue(ctx, 'error', 'not-an-amount', { value: String(JSON.stringify(value)) });
    return '';
  }
  const sign = format.sign ?? 'signed';
  const onOtherSide = (sign === 'debit' && value <= 0) || (sign === 'credit' && value >= 0);
  if (onOtherSide) return format.zeroAs ?? '';
  if (value === 0 && format.zeroAs !== undefined) return format.zeroAs;
  const magnitude = Math.abs(value);
  const body = formatMinor(
    magnitude,
    {
      decimals: format.decimals ?? 2,
      decimalSeparator: format.decimalSeparator ?? defaultDecimalSeparator,
      thousandsSeparator: format.thousandsSeparator ?? '',
      impliedDecimals: format.impliedDecimals ?? false,
    },
    format.sourceDecimals ?? 2,
  );
  const negative = value < 0 && body.replace(/[^1-9]/g, '') !== '';
  let text = body;
  if (negative && sign === 'signed') text = '-' + body;
  if (negative && sign === 'trailing-minus') text = body + '-';
  return limitLength(text, format.maxLength, 'error', ctx);
}

export function formatDateField(value: unknown, format: DateFormat, ctx: FieldContext): string {
  if (value === null || value === undefined || value === '') return '';
  try {
    return formatDate(String(value), format.pattern);
  } catch {
    pushIssue(ctx, 'error', 'not-a-date', { value: String(JSON.stringify(value)) });
    return '';
  }
}

export function formatInteger(value: unknown, format: IntegerFormat, ctx: FieldContext): string {
  if (value === null || value === undefined || value === '') return '';
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) {
    pushIssue(ctx, 'error', 'not-an-integer', { value: String(JSON.stringify(value)) });
    return String(value);
  }
  return limitLength(String(n), format.maxLength, 'error', ctx);
}

export function formatQuantity(
  value: unknown,
  format: QuantityFormat,
  ctx: FieldContext,
  defaultDecimalSeparator = '.',
): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    pushIssue(ctx, 'error', 'not-a-number', { value: String(JSON.stringify(value)) });
    return '';
  }
  const decimals = format.decimals ?? 4;
  const scaled = toScaled(value, decimals);
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  let fraction = decimals === 0 ? '' : digits.slice(digits.length - decimals);
  if (!format.fixedDecimals) fraction = fraction.replace(/0+$/, '');
  const body = fraction ? whole + (format.decimalSeparator ?? defaultDecimalSeparator) + fraction : whole;
  return limitLength(negative ? '-' + body : body, format.maxLength, 'error', ctx);
}

/** Formats any value by its `FieldFormat`; without a format the value is written as text. */
export function formatField(
  value: unknown,
  format: FieldFormat | undefined,
  ctx: FieldContext,
  defaultDecimalSeparator = '.',
): string {
  switch (format?.type ?? 'text') {
    case 'amount':
      return formatAmount(value, format as AmountFormat, ctx, defaultDecimalSeparator);
    case 'date':
      return formatDateField(value, format as DateFormat, ctx);
    case 'integer':
      return formatInteger(value, format as IntegerFormat, ctx);
    case 'quantity':
      return formatQuantity(value, format as QuantityFormat, ctx, defaultDecimalSeparator);
    default:
      return formatText(value, (format as TextFormat | undefined) ?? { type: 'text' }, ctx);
  }
}

/**
 * Reads `path.to.value` from a row object (`invoice.number`, `lines.0.description`).
 * A missing step gives `undefined`, never an exception.
 */
/** Paths are few and cells many: split each path once (splitting per cell was the top cost of a 100k-line export). */
const pathSteps = new Map<string, readonly string[]>();

export function getFieldValue(row: unknown, path: string): unknown {
  if (path === '' || path === '.') return row;
  let steps = pathSteps.get(path);
  if (!steps) pathSteps.set(path, (steps = path.split('.')));
  let current: unknown = row;
  for (let i = 0; i < steps.length; i++) {
    if (current === null || current === undefined || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[steps[i]!];
  }
  return current;
}
