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
import { MAX_AMOUNT, MAX_QUANTITY } from '../domain/limits.ts';
import { divideRounded, toScaled } from '../domain/money.ts';
import { checkRecordText } from './text.ts';

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
  const out = [
    ...checkDate('date', record['date']),
    ...checkHours('hours', record['hours']),
    ...checkAmount('rate', record['rate']),
    ...checkAmount('payRate', record['payRate']),
    ...checkRecordText(record),
  ];
  const hours = record['hours'];
  if (out.every((p) => p.severity !== 'error') && isNumber(hours))
    for (const field of ['rate', 'payRate'] as const) {
      const rate = record[field];
      if (isNumber(rate))
        pushAll(
          out,
          checkDerivedAmount(
            field,
            divideRounded(toScaled(hours, SCALE) * BigInt(rate), 10n ** BigInt(SCALE)),
            `hours × ${field}`,
          ),
        );
    }
  return out;
}

export { MAX_QUANTITY };

const SCALE = 4;
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** quantity × unit price × (1 − discount %) exactly, in minor units (as lineNetAmount rounds it). */
function exactLineNet(quantity: number, unitPrice: number, discountPercent: number): bigint {
  const keep = 100n * 10n ** BigInt(SCALE) - toScaled(discountPercent, SCALE);
  return divideRounded(
    toScaled(quantity, SCALE) * BigInt(unitPrice) * keep,
    10n ** BigInt(SCALE) * 100n * 10n ** BigInt(SCALE),
  );
}

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

/**
 * An amount derived from stored values (a line's net, hours × rate, a document's total) that
 * must stay within MAX_AMOUNT, so that VAT on it and the sums the formats write stay exact.
 */
export function checkDerivedAmount(field: string, value: bigint, what: string): FieldProblem[] {
  return abs(value) > BigInt(MAX_AMOUNT)
    ? [
        problem(
          field,
          'error',
          'amount-too-large',
          `${what} comes to ${value} minor units; at most ${MAX_AMOUNT} are allowed`,
          { value: value.toString(), max: MAX_AMOUNT, what },
        ),
      ]
    : [];
}

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
  pushAll(out, checkRecordText(invoice));
  const lines = Array.isArray(invoice['lines']) ? (invoice['lines'] as Values[]) : [];
  let total = 0n;
  let totalKnown = true;
  lines.forEach((line, i) => {
    const f = (name: string) => childField('lines', i, name);
    const own = [
      ...checkNumberRange(f('quantity'), line['quantity'], -MAX_QUANTITY, MAX_QUANTITY, 'quantity-range'),
      ...checkAmount(f('unitPrice'), line['unitPrice']),
      ...checkNumberRange(f('discountPercent'), line['discountPercent'], 0, 100, 'discount-range'),
    ];
    const { quantity, unitPrice, discountPercent } = line;
    if (own.length === 0 && isNumber(quantity) && isNumber(unitPrice)) {
      const net = exactLineNet(quantity, unitPrice, isNumber(discountPercent) ? discountPercent : 0);
      const lineProblems = checkDerivedAmount(f('unitPrice'), net, 'quantity × unit price');
      pushAll(own, lineProblems);
      total += abs(net);
      if (lineProblems.length > 0) totalKnown = false;
    } else totalKnown = false;
    pushAll(out, own);
  });
  // Each line may be within the limit and the document still beyond it.
  if (totalKnown) pushAll(out, checkDerivedAmount('lines', total, 'the invoice total'));
  return out;
}

/**
 * An expense claim: sane dates, and per item a whole gross amount, a VAT amount no larger
 * than it (and of the same sign), and a currency code.
 */
export function validateClaim(claim: Values): FieldProblem[] {
  const out = [...checkDate('date', claim['date']), ...checkRecordText(claim)];
  const items = Array.isArray(claim['items']) ? (claim['items'] as Values[]) : [];
  let total = 0n;
  items.forEach((item, i) => {
    if (isNumber(item['amount']) && Number.isSafeInteger(item['amount'])) total += abs(BigInt(item['amount']));
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
  pushAll(out, checkDerivedAmount('items', total, 'the claim total'));
  return out;
}
