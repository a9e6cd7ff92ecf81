/**
 * Co-workers' default pay rates per wage code (`User.payRates`), drawn from their own random
 * stream so the rest of the demo stays the same. Billing rates (time records' `rate`, invoice
 * unit prices) are separate and far higher; payroll files write these, never the billing rate.
 *
 * Not everyone has every code, so the demo's payroll files show both cases: most co-workers
 * have a pay rate for normal hours and some also for overtime; the others have none, and a
 * payroll file then leaves the rate to the payroll system. External co-workers
 * (subcontractors) are not paid through payroll and have none.
 */
import type { User } from '../domain/types.ts';
import type { DemoProfile } from './profiles/profile-types.ts';
import type { Random } from './random.ts';

const NORMAL_SHARE = 0.8;
const OVERTIME_SHARE = 0.5;

export function withDemoPayRates(users: readonly User[], profile: DemoProfile, random: Random): User[] {
  const { payRate, wageCodes } = profile;
  return users.map((user) => {
    const payRates: Record<string, number> = {};
    if (!user.external && random.chance(NORMAL_SHARE)) {
      const normal = random.step(payRate.min, payRate.max, payRate.step);
      payRates[wageCodes.normal] = normal;
      if (random.chance(OVERTIME_SHARE))
        payRates[wageCodes.overtime] = Math.round((normal * (100 + payRate.overtimePercent)) / 100);
    }
    return { ...user, payRates };
  });
}
