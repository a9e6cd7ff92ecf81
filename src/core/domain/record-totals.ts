/**
 * Totals of a list of records (issue 14, item 6): what the Total row of the Invoices, Time records
 * and Claims lists shows for the rows its filters select.
 *
 * - Amounts are summed per currency, never across currencies.
 * - Hours are summed as whole ten-thousandths (records hold at most 4 decimals), so that adding
 *   and later subtracting a record (the running day sums of src/db/time-record-days.ts) returns
 *   exactly to where it was; floats would drift.
 * - A time record's amount is hours × its billing rate, rounded to minor units as an invoice line
 *   would be (`hoursAmount`); records without a rate add hours but no amount. Time records carry
 *   no currency: their rates are in the company's currency.
 * - Invoice net, VAT and gross come from `invoiceAmounts`, the one place they are derived, so the
 *   Total is the sum of the list's Gross column (credit notes negative).
 */
import { invoiceAmounts, type AmountRules } from './invoice-amounts.ts';
import { hoursAmount } from './money.ts';
import type { Claim, CurrencyCode, Invoice, Minor, TimeRecord } from './types.ts';

/** A list's filters, as the list queries read them (src/db/queries.ts `ListFilter`). */
export interface TotalsFilter {
  search: string;
  from: string;
  to: string;
}

/** Hours as whole ten-thousandths of an hour. */
export const HOUR_UNITS = 10_000;

export function toHourUnits(hours: number): number {
  return Math.round(hours * HOUR_UNITS);
}

/** The sums a time record adds: what the day sums store (hours in `HOUR_UNITS`). */
export interface TimeRecordSums {
  count: number;
  billableHourUnits: number;
  otherHourUnits: number;
  /** hours × rate of the records that have a rate, in the company's currency. */
  amount: Minor;
  /** How many records had a rate (0: the list shows no amount). */
  rated: number;
}

export function emptyTimeRecordSums(): TimeRecordSums {
  return { count: 0, billableHourUnits: 0, otherHourUnits: 0, amount: 0, rated: 0 };
}

/** Adds (`sign` 1) or subtracts (`sign` -1) one record's share to `sums`, in place. */
export function addTimeRecord(
  sums: TimeRecordSums,
  record: Pick<TimeRecord, 'hours' | 'billable' | 'rate'>,
  sign: 1 | -1 = 1,
): TimeRecordSums {
  const units = toHourUnits(Number(record.hours) || 0);
  sums.count += sign;
  if (record.billable) sums.billableHourUnits += sign * units;
  else sums.otherHourUnits += sign * units;
  if (typeof record.rate === 'number' && Number.isFinite(record.rate)) {
    sums.amount += sign * hoursAmount(units / HOUR_UNITS, record.rate);
    sums.rated += sign;
  }
  return sums;
}

/** Adds `b` into `a`, in place. */
export function mergeTimeRecordSums(a: TimeRecordSums, b: TimeRecordSums): TimeRecordSums {
  a.count += b.count;
  a.billableHourUnits += b.billableHourUnits;
  a.otherHourUnits += b.otherHourUnits;
  a.amount += b.amount;
  a.rated += b.rated;
  return a;
}

/** What the Time records list's Total shows. */
export interface TimeRecordTotals {
  count: number;
  billableHours: number;
  otherHours: number;
  /** Per currency; empty when no selected record has a rate. */
  amounts: Record<CurrencyCode, Minor>;
}

export function timeRecordTotals(sums: TimeRecordSums, currency: CurrencyCode): TimeRecordTotals {
  return {
    count: sums.count,
    billableHours: sums.billableHourUnits / HOUR_UNITS,
    otherHours: sums.otherHourUnits / HOUR_UNITS,
    amounts: sums.rated > 0 ? { [currency]: sums.amount } : {},
  };
}

export function sumTimeRecords(records: Iterable<TimeRecord>): TimeRecordSums {
  const sums = emptyTimeRecordSums();
  for (const record of records) addTimeRecord(sums, record);
  return sums;
}

/** What the Claims list's Total shows: the claims, and their items' amounts per currency. */
export interface ClaimTotals {
  count: number;
  amounts: Record<CurrencyCode, Minor>;
}

export function emptyClaimTotals(): ClaimTotals {
  return { count: 0, amounts: {} };
}

export function addClaim(totals: ClaimTotals, claim: Pick<Claim, 'items'>): ClaimTotals {
  totals.count += 1;
  for (const item of claim.items) totals.amounts[item.currency] = (totals.amounts[item.currency] ?? 0) + item.amount;
  return totals;
}

export function sumClaims(claims: Iterable<Claim>): ClaimTotals {
  const totals = emptyClaimTotals();
  for (const claim of claims) addClaim(totals, claim);
  return totals;
}

export interface MoneyTotals {
  net: Minor;
  vat: Minor;
  gross: Minor;
}

/** What the Invoices list's Total shows: the invoices, and net, VAT and gross per currency. */
export interface InvoiceTotals {
  count: number;
  byCurrency: Record<CurrencyCode, MoneyTotals>;
}

export function emptyInvoiceTotals(): InvoiceTotals {
  return { count: 0, byCurrency: {} };
}

export function addInvoice(totals: InvoiceTotals, invoice: Invoice, rules: AmountRules): InvoiceTotals {
  const amounts = invoiceAmounts(invoice, rules);
  const sums = (totals.byCurrency[invoice.currency] ??= { net: 0, vat: 0, gross: 0 });
  sums.net += amounts.net;
  sums.vat += amounts.vat;
  sums.gross += amounts.gross;
  totals.count += 1;
  return totals;
}

export function sumInvoices(invoices: Iterable<Invoice>, rules: AmountRules): InvoiceTotals {
  const totals = emptyInvoiceTotals();
  for (const invoice of invoices) addInvoice(totals, invoice, rules);
  return totals;
}
