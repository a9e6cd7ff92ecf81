/**
 * The demo's expense types are the starter chart's (src/core/charts), with what the demo
 * generator needs besides: how amounts are made up and the receipt texts. Only the types
 * listed here are used by the demo, in this order (the order is part of the seeded output).
 */
import type { ExpenseType } from '../../domain/types.ts';
import type { DemoExpenseType } from './profile-types.ts';

export type DemoExpenseExtras = Omit<DemoExpenseType, keyof ExpenseType> & { code: string };

export function demoExpenseTypes(
  starter: readonly ExpenseType[],
  extras: readonly DemoExpenseExtras[],
): DemoExpenseType[] {
  return extras.map((extra) => {
    const type = starter.find((t) => t.code === extra.code);
    // A programming error in the profile tables, found by any test that loads the profile.
    if (!type) throw new Error(`demo expense type ${extra.code} is not in the starter chart`);
    return { ...type, ...extra };
  });
}
