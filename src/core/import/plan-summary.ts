/**
 * What the page gets back from a check: the plan's status, counts and rejected rows with the
 * settings it was made with, but not the records themselves (the worker keeps the plan).
 */
import type { PlanSettings, PlanSummary } from './api.ts';
import type { ImportKind } from './fields.ts';
import type { ImportPlan } from './plan.ts';

/** `planId` is '' for a plan that was not kept (a file that could not be read). */
export function summarizePlan(planId: string, plan: ImportPlan, fileName: string, settings: PlanSettings): PlanSummary {
  return {
    planId,
    kind: plan.kind,
    fileName,
    status: plan.status,
    problems: plan.problems,
    counts: plan.counts,
    rejected: plan.rejected,
    warnings: plan.warnings,
    header: plan.header,
    settings,
  };
}

/** The plan of a file that could not be read: nothing to apply, the reason as its one problem. */
export function failedPlan(kind: ImportKind, reason: string): ImportPlan {
  return {
    kind,
    status: 'failed',
    canApply: false,
    allowPartial: false,
    problems: [reason],
    counts: { rows: 0, new: 0, updated: 0, unchanged: 0, skipped: 0, rejectedRows: 0, rejectedRecords: 0 },
    rejected: [],
    warnings: [],
    duplicates: [],
    changes: { table: kind, toAdd: [], toUpdate: [] },
    header: [],
  };
}

/** Why a plan-and-commit run stopped before writing: the first file problem, else the rejections. */
export function refusalReason(summary: PlanSummary): string {
  return summary.problems[0] ?? `The file has ${summary.counts.rejectedRows} rejected row(s).`;
}
