/**
 * Sums for the grouped data types. Hours are summed as exact scaled integers (4 decimals,
 * the domain's precision for hours) so that 0.1 + 0.2 stays 0.3.
 */
import { hoursAmount, toScaled } from '../domain/money.ts';
import type { Minor, TimeRecord } from '../domain/types.ts';
import type { LineAmounts } from '../domain/invoice-amounts.ts';
import type { InvoiceLine } from '../domain/types.ts';
import type { TimeGroupKey } from './types.ts';

const HOURS_SCALE = 4;

export function sumHours(values: Iterable<number>): number {
  const sum = new HoursSum();
  for (const v of values) sum.add(v);
  return sum.value();
}

/** `sumHours` kept open, for totals gathered chunk by chunk: the same exact sum, whatever the chunks. */
export class HoursSum {
  private total = 0n;
  add(hours: number): void {
    this.total += toScaled(hours, HOURS_SCALE);
  }
  value(): number {
    return Number(this.total) / 10 ** HOURS_SCALE;
  }
}

export interface AccountVatGroup {
  accountNumber: string;
  vatCode: string;
  ratePercent: number;
  net: Minor;
  vat: Minor;
  gross: Minor;
  lineCount: number;
}

/**
 * One group per account and VAT code, in the order they first appear on the invoice
 * (the order a reader of the invoice expects). Amounts carry the credit-note sign already.
 */
export function groupLinesByAccount(lines: readonly InvoiceLine[], amounts: readonly LineAmounts[]): AccountVatGroup[] {
  const groups = new Map<string, AccountVatGroup>();
  lines.forEach((line, index) => {
    const a = amounts[index]!;
    const key = JSON.stringify([line.accountNumber, line.vatCode]);
    let g = groups.get(key);
    if (!g) {
      g = {
        accountNumber: line.accountNumber,
        vatCode: line.vatCode,
        ratePercent: a.ratePercent,
        net: 0,
        vat: 0,
        gross: 0,
        lineCount: 0,
      };
      groups.set(key, g);
    }
    g.net += a.net;
    g.vat += a.vat;
    g.gross += a.gross;
    g.lineCount++;
  });
  return [...groups.values()];
}

export const DEFAULT_TIME_GROUP_KEYS: readonly TimeGroupKey[] = ['employee', 'wageCode', 'project'];

const KEY_FIELD: Record<TimeGroupKey, (r: TimeRecord) => string> = {
  employee: (r) => r.employeeNumber,
  wageCode: (r) => r.wageCode,
  project: (r) => r.projectNumber,
  activity: (r) => r.activity,
  date: (r) => r.date,
};

export interface TimeGroup {
  /** Values of the grouping keys; keys not grouped on are ''. */
  keys: Record<TimeGroupKey, string>;
  records: TimeRecord[];
  hours: number;
  /** Sum of hours × rate of the records that have a rate. */
  amount: Minor;
  firstDate: string;
  lastDate: string;
}

/**
 * Groups time records on the chosen keys. Groups are sorted by employee, wage code, project,
 * activity and date (code-point order, not locale) so the same records always give the same file.
 */
export function groupTimeRecords(records: readonly TimeRecord[], groupBy: readonly TimeGroupKey[]): TimeGroup[] {
  const used = new Set(groupBy);
  const groups = new Map<string, TimeGroup>();
  for (const record of records) {
    const keys = Object.fromEntries(
      (Object.keys(KEY_FIELD) as TimeGroupKey[]).map((k) => [k, used.has(k) ? KEY_FIELD[k](record) : '']),
    ) as Record<TimeGroupKey, string>;
    const id = JSON.stringify(keys);
    let g = groups.get(id);
    if (!g) {
      g = { keys, records: [], hours: 0, amount: 0, firstDate: record.date, lastDate: record.date };
      groups.set(id, g);
    }
    g.records.push(record);
    if (record.date < g.firstDate) g.firstDate = record.date;
    if (record.date > g.lastDate) g.lastDate = record.date;
  }
  const out = [...groups.values()];
  for (const g of out) {
    g.hours = sumHours(g.records.map((r) => r.hours));
    g.amount = g.records.reduce((sum, r) => sum + (r.rate === null ? 0 : hoursAmount(r.hours, r.rate)), 0);
  }
  const order: TimeGroupKey[] = ['employee', 'wageCode', 'project', 'activity', 'date'];
  out.sort((a, b) => {
    for (const k of order) {
      const x = a.keys[k];
      const y = b.keys[k];
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
  return out;
}
