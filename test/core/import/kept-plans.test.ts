import { describe, expect, it } from 'vitest';
import { KeptPlans, MAX_KEPT_PLANS, type KeptPlan } from '../../../src/core/import/kept-plans.ts';
import { failedPlan } from '../../../src/core/import/plan-summary.ts';

const kept = (fileName: string): KeptPlan => ({ plan: failedPlan('customers', 'x'), fileName, presetName: '' });

describe('KeptPlans', () => {
  it(`keeps the newest ${MAX_KEPT_PLANS} plans`, () => {
    const plans = new KeptPlans();
    for (const id of ['a', 'b', 'c', 'd']) plans.keep(id, kept(`${id}.csv`));
    expect(plans.get('a')).toBeUndefined();
    expect(['b', 'c', 'd'].map((id) => plans.get(id)?.fileName)).toEqual(['b.csv', 'c.csv', 'd.csv']);
  });

  it('forgets a committed plan', () => {
    const plans = new KeptPlans(2);
    plans.keep('a', kept('a.csv'));
    plans.keep('b', kept('b.csv'));
    plans.delete('a');
    plans.keep('c', kept('c.csv'));
    expect(plans.get('b')?.fileName).toBe('b.csv');
    expect(plans.get('c')?.fileName).toBe('c.csv');
    expect(plans.get('a')).toBeUndefined();
  });
});
