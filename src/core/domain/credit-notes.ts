/**
 * What a credit note may credit. A credit note's lines are copies of the invoice's lines with
 * the quantity to credit (stored positive like every line; the sign comes from the type). A
 * credit line matches the invoice's lines with the same product, price, discount, account, VAT
 * code, department, project and sign of quantity (its `lineKey`); the description is left out,
 * so credit notes made elsewhere and imported still match. Per key, the credit notes together
 * may credit at most the invoiced quantity and at most the invoiced net amount (the amount
 * check catches rounding: two halves of one øre each round up).
 *
 * Quantities have at most 4 decimals and are summed as whole ten-thousandths.
 */
import { lineNetAmount } from './money.ts';
import type { Invoice, InvoiceLine } from './types.ts';

export type CreditProblem =
  | { code: 'credit-not-finalized'; params: Record<string, never> }
  | { code: 'credit-of-credit'; params: Record<string, never> }
  | { code: 'credit-empty'; params: Record<string, never> }
  | { code: 'credit-line-unknown'; params: { line: number } }
  | { code: 'credit-exceeds'; params: { line: number; remaining: number } }
  | { code: 'credit-amount-exceeds'; params: { line: number } };

export interface CreditableLine {
  /** Index in the invoice's lines. */
  index: number;
  line: InvoiceLine;
  invoiced: number;
  credited: number;
  remaining: number;
}

const SCALE = 10_000;
const scaled = (quantity: number) => Math.round(Math.abs(quantity) * SCALE);
const unscaled = (value: number) => value / SCALE;

/** The fields a credit line shares with the invoice line it credits. */
export function lineKey(line: InvoiceLine): string {
  return JSON.stringify([
    line.productCode,
    line.unitPrice,
    line.discountPercent,
    line.accountNumber,
    line.vatCode,
    line.departmentNumber,
    line.projectNumber,
    line.quantity < 0 ? -1 : 1,
  ]);
}

function creditedByKey(creditNotes: readonly Invoice[]): Map<string, { quantity: number; net: number }> {
  const byKey = new Map<string, { quantity: number; net: number }>();
  for (const note of creditNotes)
    for (const line of note.lines) {
      const key = lineKey(line);
      const sum = byKey.get(key) ?? { quantity: 0, net: 0 };
      sum.quantity += scaled(line.quantity);
      sum.net += Math.abs(lineNetAmount(line.quantity, line.unitPrice, line.discountPercent));
      byKey.set(key, sum);
    }
  return byKey;
}

/**
 * Each invoice line with how much of it `creditNotes` (those against this invoice) credited and
 * what remains; a key's credited quantity fills the invoice's lines with that key in order.
 */
export function creditableLines(invoice: Invoice, creditNotes: readonly Invoice[]): CreditableLine[] {
  const left = new Map([...creditedByKey(creditNotes)].map(([key, sum]) => [key, sum.quantity]));
  return invoice.lines.map((line, index) => {
    const key = lineKey(line);
    const invoiced = scaled(line.quantity);
    const credited = Math.min(invoiced, left.get(key) ?? 0);
    left.set(key, (left.get(key) ?? 0) - credited);
    return {
      index,
      line,
      invoiced: unscaled(invoiced),
      credited: unscaled(credited),
      remaining: unscaled(invoiced - credited),
    };
  });
}

/** The lines of a credit note that credits all that remains (the default of Create credit note). */
export function remainingCreditLines(invoice: Invoice, creditNotes: readonly Invoice[]): InvoiceLine[] {
  return creditableLines(invoice, creditNotes)
    .filter((l) => l.remaining > 0)
    .map((l) => ({ ...l.line, quantity: Math.sign(l.line.quantity) * l.remaining }));
}

/**
 * Why `creditNote` may not credit `invoice`, given the other credit notes already against it
 * (finalized ones; drafts credit nothing yet). Empty: it may. Line numbers are 1-based.
 */
export function checkCreditNote(
  invoice: Invoice,
  otherCreditNotes: readonly Invoice[],
  creditNote: Pick<Invoice, 'lines'>,
): CreditProblem[] {
  if (invoice.type !== 'invoice') return [{ code: 'credit-of-credit', params: {} }];
  if (invoice.status !== 'finalized') return [{ code: 'credit-not-finalized', params: {} }];
  if (creditNote.lines.every((l) => l.quantity === 0)) return [{ code: 'credit-empty', params: {} }];
  const invoiced = creditedByKey([invoice]);
  const before = creditedByKey(otherCreditNotes);
  const problems: CreditProblem[] = [];
  const running = new Map<string, { quantity: number; net: number }>();
  creditNote.lines.forEach((line, i) => {
    if (line.quantity === 0) return;
    const key = lineKey(line);
    const whole = invoiced.get(key);
    if (!whole) {
      problems.push({ code: 'credit-line-unknown', params: { line: i + 1 } });
      return;
    }
    const done = before.get(key) ?? { quantity: 0, net: 0 };
    const sum = running.get(key) ?? { quantity: done.quantity, net: done.net };
    const remaining = whole.quantity - sum.quantity;
    sum.quantity += scaled(line.quantity);
    sum.net += Math.abs(lineNetAmount(line.quantity, line.unitPrice, line.discountPercent));
    running.set(key, sum);
    if (sum.quantity > whole.quantity)
      problems.push({ code: 'credit-exceeds', params: { line: i + 1, remaining: unscaled(Math.max(0, remaining)) } });
    else if (sum.net > whole.net) problems.push({ code: 'credit-amount-exceeds', params: { line: i + 1 } });
  });
  return problems;
}
