/**
 * Time records, made one at a time so a million of them cost only the records themselves:
 * dates, names and comments are shared strings from the tables, and only the id is new.
 * Records come in date order, spread evenly over the weekdays of the 12-month span.
 */
import { addDays } from '../domain/dates.ts';
import type { IsoDate, TimeRecord } from '../domain/types.ts';
import type { DemoCalendar } from './demo-calendar.ts';
import type { DemoMasterData } from './demo-master-data.ts';
import type { DemoProfile } from './profiles/profile-types.ts';
import type { Random } from './random.ts';

export const DEFAULT_TIME_RECORD_COUNT = 3000;
/** Records in the last two weeks are mostly waiting for approval. */
const UNAPPROVED_WINDOW_DAYS = 14;
const RECENT_APPROVED_SHARE = 0.15;
const OLDER_APPROVED_SHARE = 0.985;
const INTERNAL_PROJECT_SHARE = 0.15;
const OVERTIME_SHARE = 0.05;
const ID_DIGITS = 6;

/** Typical hours on one record (0.5 steps) and how often each occurs. */
const HOURS = [7.5, 7, 8, 6, 4, 3.5, 2, 1.5, 1, 0.5, 5, 8.5, 9, 10] as const;
const HOURS_WEIGHTS = [30, 8, 8, 6, 8, 5, 6, 5, 5, 3, 6, 4, 3, 3] as const;
const OVERTIME_HOURS = [0.5, 1, 1.5, 2, 2.5, 3, 4] as const;

export function timeRecordId(index: number): string {
  return 't' + String(index + 1).padStart(ID_DIGITS, '0');
}

export function* demoTimeRecords(
  profile: DemoProfile,
  master: DemoMasterData,
  calendar: DemoCalendar,
  random: Random,
  count: number,
): Generator<TimeRecord, void, undefined> {
  const { weekdays } = calendar;
  if (weekdays.length === 0 || count === 0) return;
  const pendingFrom: IsoDate = addDays(calendar.today, -UNAPPROVED_WINDOW_DAYS + 1);
  const { wageCodes } = profile;
  const staff = master.staffing.map((s) => ({
    employeeNumber: s.user.employeeNumber,
    external: s.user.external,
    hourlyRate: s.hourlyRate,
    customerProjects: s.projects.filter((p) => p.customerNumber !== ''),
    internalProjects: s.projects.filter((p) => p.customerNumber === ''),
  }));

  for (let i = 0; i < count; i++) {
    const date = weekdays[Math.floor((i * weekdays.length) / count)] as IsoDate;
    const person = random.pick(staff);
    const internal =
      person.internalProjects.length > 0 &&
      (person.customerProjects.length === 0 || random.chance(INTERNAL_PROJECT_SHARE));
    const project = random.pick(internal ? person.internalProjects : person.customerProjects);
    const overtime = !person.external && !internal && random.chance(OVERTIME_SHARE);
    yield {
      id: timeRecordId(i),
      date,
      employeeNumber: person.employeeNumber,
      projectNumber: project.number,
      activity: random.pick(internal ? profile.internalActivities : profile.billableActivities),
      hours: overtime ? random.pick(OVERTIME_HOURS) : random.weighted(HOURS, HOURS_WEIGHTS),
      wageCode: person.external ? wageCodes.external : overtime ? wageCodes.overtime : wageCodes.normal,
      rate: project.billable ? person.hourlyRate : null,
      // Pay comes from the co-worker's default per wage code (demo-pay-rates.ts).
      payRate: null,
      billable: project.billable,
      approved: random.chance(date >= pendingFrom ? RECENT_APPROVED_SHARE : OLDER_APPROVED_SHARE),
      comment: random.pick(profile.timeComments),
    };
  }
}
