/**
 * Expense claims: CLAIM_ITEM_COUNT items grouped in claims of one to five, numbered per
 * year (`R-2026-001`) in date order. The status follows the claim's age, so the newest
 * claims are drafts or waiting and the old ones paid, with an occasional rejection.
 *
 * VAT on an item is the VAT included in its gross amount at the expense type's rate. The
 * one item paid abroad has no VAT, because foreign VAT is not deductible.
 */
import { addDays } from '../domain/dates.ts';
import { divideRounded, toScaled } from '../domain/money.ts';
import type { Claim, ClaimItem, ClaimStatus, IsoDate, Minor, Project } from '../domain/types.ts';
import { randomWeekday, type DemoCalendar } from './demo-calendar.ts';
import type { DemoMasterData, Staffing } from './demo-master-data.ts';
import type { DemoExpenseType, DemoProfile } from './profiles/profile-types.ts';
import type { Random } from './random.ts';

export const CLAIM_ITEM_COUNT = 150;
const MAX_ITEMS_PER_CLAIM = 5;
/** Receipts are at most this many days older than their claim. */
const RECEIPT_MAX_AGE_DAYS = 20;
const PROJECT_ITEM_SHARE = 0.4;
const REJECTED_SHARE = 0.08;
const RECENT_DAYS = 14;
const SETTLING_DAYS = 40;
const RECENT_STATUSES: readonly ClaimStatus[] = ['draft', 'submitted', 'submitted', 'approved'];
const SETTLING_STATUSES: readonly ClaimStatus[] = ['approved', 'paid', 'paid'];

/** The VAT contained in a gross amount at `ratePercent`, rounded half away from zero. */
export function includedVat(gross: Minor, ratePercent: number): Minor {
  const rate = toScaled(ratePercent, 4);
  return Number(divideRounded(BigInt(gross) * rate, 100n * 10000n + rate));
}

interface PlannedClaim {
  date: IsoDate;
  staffing: Staffing;
  items: ClaimItem[];
}

function makeItem(
  profile: DemoProfile,
  random: Random,
  staffing: Staffing,
  date: IsoDate,
  rateOf: (code: string) => number,
): ClaimItem {
  const type: DemoExpenseType = random.pick(profile.expenseTypes);
  const drawn = random.step(type.amount.min, type.amount.max, type.amount.step);
  const amount = type.amountKind === 'mileage' ? drawn * profile.mileageRatePerKm : drawn;
  const projects = staffing.projects.filter((p: Project) => p.billable);
  const projectNumber = projects.length > 0 && random.chance(PROJECT_ITEM_SHARE) ? random.pick(projects).number : '';
  const description = random.pick(type.descriptions);
  return {
    date,
    expenseType: type.code,
    description: type.amountKind === 'mileage' ? `${description}, ${drawn} km` : description,
    amount,
    vatAmount: includedVat(amount, rateOf(type.vatCode)),
    currency: profile.currency,
    projectNumber,
  };
}

function statusByAge(random: Random, date: IsoDate, today: IsoDate): ClaimStatus {
  if (date > addDays(today, -RECENT_DAYS)) return random.pick(RECENT_STATUSES);
  if (date > addDays(today, -SETTLING_DAYS)) return random.pick(SETTLING_STATUSES);
  return random.chance(REJECTED_SHARE) ? 'rejected' : 'paid';
}

export function generateClaims(
  profile: DemoProfile,
  master: DemoMasterData,
  calendar: DemoCalendar,
  random: Random,
): Claim[] {
  const employees = master.staffing.filter((s) => !s.user.external);
  const rates = new Map(profile.vatCodes.map((v) => [v.code, v.ratePercent]));
  const rateOf = (code: string) => {
    const rate = rates.get(code);
    if (rate === undefined) throw new Error(`profile ${profile.country}: unknown VAT code ${code}`);
    return rate;
  };
  const { today, start } = calendar;

  const planned: PlannedClaim[] = [];
  for (let remaining = CLAIM_ITEM_COUNT; remaining > 0;) {
    const itemCount = Math.min(remaining, random.int(1, MAX_ITEMS_PER_CLAIM));
    remaining -= itemCount;
    const staffing = random.pick(employees);
    const date = randomWeekday(random, calendar, addDays(start, RECEIPT_MAX_AGE_DAYS), today);
    const earliest = addDays(date, -RECEIPT_MAX_AGE_DAYS);
    const items = Array.from({ length: itemCount }, () =>
      makeItem(
        profile,
        random,
        staffing,
        randomWeekday(random, calendar, earliest < start ? start : earliest, date),
        rateOf,
      ),
    ).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    planned.push({ date, staffing, items });
  }
  planned.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const foreign = profile.foreignClaim;
  const foreignItem = random.pick(random.pick(planned).items);
  Object.assign(foreignItem, {
    expenseType: foreign.expenseTypeCode,
    description: foreign.description,
    amount: foreign.amount,
    vatAmount: 0,
    currency: foreign.currency,
  });

  const statuses = planned.map((claim) => statusByAge(random, claim.date, today));
  // Make sure every status shows up: the newest claim is a draft, the one before it submitted…
  const forced: readonly ClaimStatus[] = ['draft', 'submitted', 'approved'];
  forced.forEach((status, i) => (statuses[statuses.length - 1 - i] = status));
  if (!statuses.includes('rejected')) statuses[random.int(0, Math.floor(statuses.length / 2))] = 'rejected';

  const perYear = new Map<string, number>();
  return planned.map((claim, i): Claim => {
    const year = claim.date.slice(0, 4);
    const sequence = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, sequence);
    return {
      claimNumber: `${profile.claimNumberPrefix}-${year}-${String(sequence).padStart(3, '0')}`,
      employeeNumber: claim.staffing.user.employeeNumber,
      date: claim.date,
      status: statuses[i] as ClaimStatus,
      items: claim.items,
    };
  });
}
