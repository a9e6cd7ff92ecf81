/**
 * Pay, not billing (issue 12, item 6): a time record's `rate` is the hourly billing rate (the
 * invoice unit price); what a payroll file may write is the pay rate. It is the record's own
 * `payRate`, else the co-worker's default for the record's wage code (`User.payRates`), else
 * none, and then the payroll system uses the rate it holds for the employee.
 */
import type { Minor, TimeRecord, User } from './types.ts';

/** The record's hourly pay rate in minor units, or null when neither it nor its co-worker has one. */
export function payRateFor(record: Pick<TimeRecord, 'payRate' | 'wageCode'>, user: User | undefined): Minor | null {
  if (record.payRate !== undefined && record.payRate !== null) return record.payRate;
  const rates = user?.payRates;
  return rates && Object.hasOwn(rates, record.wageCode) ? rates[record.wageCode]! : null;
}
