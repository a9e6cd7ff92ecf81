/**
 * Checked plans waiting for Import, kept by the worker under a planId so that the page never
 * holds the records. Only the newest few are kept: a plan of a large file holds every record,
 * and a plan the user replaced by checking again will not be committed.
 */
import type { ImportPlan } from './plan.ts';

export const MAX_KEPT_PLANS = 3;

export interface KeptPlan {
  plan: ImportPlan;
  fileName: string;
  presetName: string;
}

export class KeptPlans {
  private readonly plans = new Map<string, KeptPlan>();

  constructor(readonly limit = MAX_KEPT_PLANS) {}

  /** Keeps `kept`, dropping the oldest plans beyond the limit. */
  keep(planId: string, kept: KeptPlan): void {
    this.plans.set(planId, kept);
    while (this.plans.size > this.limit) this.plans.delete(this.plans.keys().next().value!);
  }

  get(planId: string): KeptPlan | undefined {
    return this.plans.get(planId);
  }

  /** After the commit: a plan is written once. */
  delete(planId: string): void {
    this.plans.delete(planId);
  }
}
