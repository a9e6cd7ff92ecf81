/**
 * The demo company: a Nordic consultancy with a year of invoices, time records and
 * expense claims, for trying out every export without real data.
 *
 * Deterministic: the same options give the same data, to the byte once serialised. Nothing
 * reads the clock or Math.random; `today` is given and everything is dated in the 12
 * months before it. Each part draws from its own random stream, so changing the number of
 * time records changes nothing else.
 */
import type { CompanyData, IsoDate, TimeRecord } from '../domain/types.ts';
import { demoCalendar } from './demo-calendar.ts';
import { generateClaims } from './demo-claims.ts';
import { generateInvoices } from './demo-invoices.ts';
import { generateMasterData, type DemoMasterData } from './demo-master-data.ts';
import { withDemoPayRates } from './demo-pay-rates.ts';
import { DEFAULT_TIME_RECORD_COUNT, demoTimeRecords } from './demo-time-records.ts';
import { DEMO_PROFILES } from './profiles/index.ts';
import type { DemoCountry, DemoProfile } from './profiles/profile-types.ts';
import { createRandom } from './random.ts';

export const DEFAULT_DEMO_SEED = 1;

export interface DemoCompanyOptions {
  /** Any 32-bit integer; DEFAULT_DEMO_SEED when left out. */
  seed?: number;
  /** 'NO' (default) or 'SE'. */
  country?: DemoCountry;
  /** Exactly this many time records; DEFAULT_TIME_RECORD_COUNT when left out. */
  timeRecords?: number;
  /** The day the demo is made; everything is dated in the 12 months before it, up to and including it. */
  today: IsoDate;
}

interface ResolvedOptions {
  seed: number;
  profile: DemoProfile;
  timeRecords: number;
  today: IsoDate;
}

function resolveOptions(options: DemoCompanyOptions): ResolvedOptions {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const country = options.country ?? 'NO';
  const profile = DEMO_PROFILES[country];
  if (!profile) throw new RangeError(`no demo company for country ${JSON.stringify(country)}`);
  const timeRecords = options.timeRecords ?? DEFAULT_TIME_RECORD_COUNT;
  if (!Number.isSafeInteger(timeRecords) || timeRecords < 0)
    throw new RangeError(`timeRecords must be a whole number ≥ 0, got ${timeRecords}`);
  return { seed, profile, timeRecords, today: options.today };
}

function masterDataFor(options: ResolvedOptions): DemoMasterData {
  return generateMasterData(options.profile, createRandom(options.seed, 'master-data'));
}

function timeRecordsOf(options: ResolvedOptions, master: DemoMasterData): Generator<TimeRecord, void, undefined> {
  const calendar = demoCalendar(options.today);
  return demoTimeRecords(
    options.profile,
    master,
    calendar,
    createRandom(options.seed, 'time-records'),
    options.timeRecords,
  );
}

export function generateDemoCompany(options: DemoCompanyOptions): CompanyData {
  const resolved = resolveOptions(options);
  const { profile, seed } = resolved;
  const calendar = demoCalendar(resolved.today);
  const master = masterDataFor(resolved);

  const timeRecords: TimeRecord[] = new Array<TimeRecord>(resolved.timeRecords);
  let index = 0;
  for (const record of timeRecordsOf(resolved, master)) timeRecords[index++] = record;

  return {
    company: master.company,
    customers: master.customers,
    projects: master.projects,
    users: withDemoPayRates(master.users, profile, createRandom(seed, 'pay-rates')),
    accounts: profile.accounts.map((a) => ({ ...a })),
    vatCodes: profile.vatCodes.map((v) => ({ ...v })),
    expenseTypes: profile.expenseTypes.map(({ code, name, accountNumber, vatCode, wageCode }) => ({
      code,
      name,
      accountNumber,
      vatCode,
      wageCode,
    })),
    invoices: generateInvoices(profile, master, calendar, createRandom(seed, 'invoices')),
    timeRecords,
    claims: generateClaims(profile, master, calendar, createRandom(seed, 'claims')),
  };
}

/**
 * The same time records `generateDemoCompany` returns for these options, one at a time,
 * for callers that store them in batches instead of holding them all (a million or more).
 */
export function iterateDemoTimeRecords(options: DemoCompanyOptions): Generator<TimeRecord, void, undefined> {
  const resolved = resolveOptions(options);
  demoCalendar(resolved.today);
  return timeRecordsOf(resolved, masterDataFor(resolved));
}
