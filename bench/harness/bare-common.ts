/**
 * Helpers for the hand-written baseline loops: the smallest code that writes the same bytes
 * as the built-in formats, so a ratio shows what the real pipeline's generality costs. They
 * borrow only the domain's rounding rules (money.ts) and the transliteration table; the rest
 * (quoting, number and date formatting, checksum, encoding) is written out by hand.
 */
import { lineNetAmount, vatAmount } from '../../src/core/domain/money.ts';
import type { CompanyData, Invoice } from '../../src/core/domain/types.ts';

/** `-12345` minor units → `-123.45` (two-decimal currencies only, as the bench company's SEK). */
export function amount2(minor: number): string {
  const negative = minor < 0;
  const abs = negative ? -minor : minor;
  const whole = Math.floor(abs / 100);
  const cents = abs - whole * 100;
  return (negative ? '-' : '') + whole + '.' + (cents < 10 ? '0' : '') + cents;
}

/** `2026-11-26` (or a date-time) → `20261126`. */
export function compactDate(iso: string): string {
  return iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10);
}

export interface BareLine {
  net: number;
  vat: number;
  rate: number;
}

export interface MasterLookups {
  rateOf: Map<string, number>;
  vatAccountOf: Map<string, string>;
  customer: Map<string, CompanyData['customers'][number]>;
  project: Map<string, CompanyData['projects'][number]>;
  account: Map<string, CompanyData['accounts'][number]>;
}

export function masterLookups(
  data: Pick<CompanyData, 'vatCodes' | 'customers' | 'projects' | 'accounts'>,
): MasterLookups {
  return {
    rateOf: new Map(data.vatCodes.map((v) => [v.code, v.ratePercent])),
    vatAccountOf: new Map(data.vatCodes.map((v) => [v.code, v.accountNumber])),
    customer: new Map(data.customers.map((c) => [c.number, c])),
    project: new Map(data.projects.map((p) => [p.number, p])),
    account: new Map(data.accounts.map((a) => [a.number, a])),
  };
}

/** Net and VAT per line, credit notes negated (docs/decisions/0001-money-dates-rounding.md). */
export function bareLines(invoice: Invoice, rateOf: Map<string, number>): BareLine[] {
  const sign = invoice.type === 'credit' ? -1 : 1;
  return invoice.lines.map((line) => {
    const rate = rateOf.get(line.vatCode) ?? 0;
    const net = sign * lineNetAmount(line.quantity, line.unitPrice, line.discountPercent) + 0;
    return { net, vat: vatAmount(net, rate) + 0, rate };
  });
}

/** VAT per VAT account and rate in first-seen order, zero groups dropped. */
export function vatGroups(
  invoice: Invoice,
  lines: readonly BareLine[],
  vatAccountOf: Map<string, string>,
): { account: string; rate: number; vat: number }[] {
  const groups = new Map<string, { account: string; rate: number; vat: number }>();
  invoice.lines.forEach((line, i) => {
    const l = lines[i]!;
    const account = vatAccountOf.get(line.vatCode) ?? '';
    const key = account + '|' + l.rate;
    const group = groups.get(key);
    if (group) group.vat += l.vat;
    else groups.set(key, { account, rate: l.rate, vat: l.vat });
  });
  return [...groups.values()].filter((g) => g.vat !== 0);
}

/** The pipeline's order: issue date, then number. */
export function byIssueDateAndNumber(a: Invoice, b: Invoice): number {
  return a.issueDate < b.issueDate
    ? -1
    : a.issueDate > b.issueDate
      ? 1
      : a.number < b.number
        ? -1
        : a.number > b.number
          ? 1
          : 0;
}
