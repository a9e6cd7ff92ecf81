/**
 * The demo's time window: everything is dated in the 12 months before `today`, that is
 * from the day after the same date a year earlier up to and including `today`.
 */
import { addDays, addMonths, dateParts, isIsoDate } from '../domain/dates.ts';
import type { IsoDate } from '../domain/types.ts';
import type { Random } from './random.ts';

export interface DemoCalendar {
  today: IsoDate;
  /** First day of the 12-month span. */
  start: IsoDate;
  /** Monday to Friday in the window, ascending. */
  weekdays: readonly IsoDate[];
}

export function isWeekday(date: IsoDate): boolean {
  const { year, month, day } = dateParts(date);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

export function demoCalendar(today: IsoDate): DemoCalendar {
  if (!isIsoDate(today)) throw new RangeError(`today must be an ISO date (YYYY-MM-DD), got ${JSON.stringify(today)}`);
  const start = addDays(addMonths(today, -12), 1);
  const weekdays: IsoDate[] = [];
  for (let date = start; date <= today; date = addDays(date, 1)) if (isWeekday(date)) weekdays.push(date);
  return { today, start, weekdays };
}

/** The index of the first weekday on or after `date` (weekdays.length when none). */
export function weekdayIndexFrom(calendar: DemoCalendar, date: IsoDate): number {
  let low = 0;
  let high = calendar.weekdays.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((calendar.weekdays[mid] as IsoDate) < date) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A random weekday between `from` and `to` (both included); `from` when there is none. */
export function randomWeekday(random: Random, calendar: DemoCalendar, from: IsoDate, to: IsoDate): IsoDate {
  const first = weekdayIndexFrom(calendar, from);
  const afterLast = weekdayIndexFrom(calendar, addDays(to, 1));
  if (afterLast <= first) return from;
  return calendar.weekdays[random.int(first, afterLast - 1)] as IsoDate;
}

/** `HH:mm:ss` during office hours. */
export function randomOfficeTime(random: Random): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(random.int(8, 16))}:${pad(random.int(0, 59))}:${pad(random.int(0, 59))}`;
}
