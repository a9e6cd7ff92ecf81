/**
 * Rules for the records the importer reads besides the registers: time records, invoices and
 * claims. Problems of an invoice line or claim item name it as `lines[i].field` /
 * `items[i].field` (see `childField`), so the importer can put them on the line's own row.
 */
import {
  checkAmount,
  checkCurrency,
  checkDate,
  checkHours,
  checkNumberRange,
  problem,
  type FieldProblem,
} from './rules.ts';
import { pushAll } from '../push-all.ts';

type Values = Record<string, unknown>;

/** `lines[2].quantity` for the third line's quantity. */
export function childField(list: 'lines' | 'items', index: number, field: string): string {
  return `${list}[${index}].${field}`;
}

/** The parts of a `childField` name, or null for a document field. */
export function parseChildField(field: string): { list: 'lines' | 'items'; index: number; field: string } | null {
  const m = /^(lines|items)\[(\d+)\]\.(.+)$/.exec(field);
  return m ? { list: m[1] as 'lines' | 'items', index: Number(m[2]), field: m[3]! } : null;
}

/** A time record: a sane date, 0 to 24 hours, rates as whole minor units. */
export function validateTimeRecord(record: Values): FieldProblem[] {
  return [
    ...checkDate('date', record['date']),
    ...checkHours('hours', record['hours']),
    ...checkAmount('rate', record['rate']),
    ...checkAmount('payRate', record['payRate']),
  ];
}

/** Quantities beyond this are a slip (an amount in the quantity column), not work sold. */
export const MAX_QUANTITY = 1_000_000_000;

/**
 * An invoice or credit note: sane dates (a due date before the invoice date is odd, not
 * wrong: a credit note may have one), a currency code, and per line a quantity, a whole
 * unit price and a discount from 0 to 100 %.
 */
export function validateInvoice(invoice: Values): FieldProblem[] {
  const out = [
    ...checkDate('issueDate', invoice['issueDate']),
    ...checkDate('dueDate', invoice['dueDate']),
    ...checkCurrency('currency', invoice['currency']),
  ];
  const issue = invoice['issueDate'];
  const due = invoice['dueDate'];
  if (typeof issue === 'string' && typeof due === 'string' && out.length === 0 && due < issue)
    out.push(
      problem('dueDate', 'warning', 'due-before-issue', `the due date ${due} is before the invoice date ${issue}`, {
        value: due,
        issueDate: issue,
      }),
    );
  const lines = Array.isArray(invoice['lines']) ? (invoice['lines'] as Values[]) : [];
  lines.forEach((line, i) => {
    const f = (name: string) => childField('lines', i, name);
    pushAll(out, [
      ...checkNumberRange(f('quantity'), line['quantity'], -MAX_QUANTITY, MAX_QUANTITY, 'quantity-range'),
      ...checkAmount(f('unitPrice'), line['unitPrice']),
      ...checkNumberRange(f('discountPercent'), line['discountPercent'], 0, 100, 'discount-range'),
    ]);
  });
  return out;
}

/**
 * An expense claim: sane dates, and per item a whole gross amount, a VAT amount no larger
 * than it (and of the same sign), and a currency code.
 */
export function validateClaim(claim: Values): FieldProblem[] {
  const out = checkDate('date', claim['date']);
  const items = Array.isArray(claim['items']) ? (claim['items'] as Values[]) : [];
  items.forEach((item, i) => {
    const f = (name: string) => childField('items', i, name);
    const own = [
      ...checkDate(f('date'), item['date']),
      ...checkAmount(f('amount'), item['amount']),
      ...checkAmount(f('vatAmount'), item['vatAmount']),
      ...checkCurrency(f('currency'), item['currency']),
    ];
    const amount = item['amount'];
    const vat = item['vatAmount'];
    if (
      own.length === 0 &&
      typeof amount === 'number' &&
      typeof vat === 'number' &&
      vat !== 0 &&
      (Math.abs(vat) > Math.abs(amount) || Math.sign(vat) !== Math.sign(amount))
    )
      own.push(
        problem(
          f('vatAmount'),
          'error',
          'vat-exceeds-amount',
          `the VAT ${vat} does not fit in the amount ${amount} (larger, or of the other sign)`,
          {
            value: vat,
            amount,
          },
        ),
      );
    pushAll(out, own);
  });
  return out;
}
