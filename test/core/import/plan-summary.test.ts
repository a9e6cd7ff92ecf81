import { describe, expect, it } from 'vitest';
import type { PlanSettings } from '../../../src/core/import/api.ts';
import { autoMap, CANONICAL_FORMAT, parseCsv, planImport } from '../../../src/core/import/index.ts';
import { failedPlan, refusalReason, summarizePlan } from '../../../src/core/import/plan-summary.ts';
import { emptyData, sequentialIds } from './helpers.ts';

const settings: PlanSettings = {
  encoding: 'utf-8',
  delimiter: ',',
  hasHeader: true,
  skipLines: 0,
  mapping: { number: 'number', name: 'name' },
  format: CANONICAL_FORMAT,
};

function customersPlan(csv: string) {
  const table = parseCsv(csv, { delimiter: ',', hasHeader: true, skipLines: 0 });
  return planImport({
    kind: 'customers',
    table,
    mapping: autoMap('customers', table.header).mapping,
    format: CANONICAL_FORMAT,
    existing: emptyData(),
    onDuplicate: 'stop',
    newId: sequentialIds(),
  });
}

describe('summarizePlan', () => {
  it('carries the plan outcome and the settings, not the records', () => {
    const plan = customersPlan('number,name\n1001,Fjord Rør AS\n1002,\n');
    const summary = summarizePlan('plan-1', plan, 'customers.csv', settings);
    expect(summary).toEqual({
      planId: 'plan-1',
      kind: 'customers',
      fileName: 'customers.csv',
      status: plan.status,
      problems: plan.problems,
      counts: plan.counts,
      rejected: plan.rejected,
      warnings: plan.warnings,
      header: ['number', 'name'],
      settings,
    });
    expect(summary.status).toBe('has-rejections');
    expect('changes' in summary).toBe(false);
  });
});

describe('failedPlan', () => {
  it('has the reason as its one problem and nothing to apply', () => {
    const plan = failedPlan('invoices', 'The file is empty (0 bytes).');
    expect(plan).toMatchObject({ kind: 'invoices', status: 'failed', canApply: false, allowPartial: false });
    expect(plan.problems).toEqual(['The file is empty (0 bytes).']);
    expect(plan.counts).toEqual({
      rows: 0,
      new: 0,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      rejectedRows: 0,
      rejectedRecords: 0,
    });
    expect(plan.changes).toEqual({ table: 'invoices', toAdd: [], toUpdate: [] });
  });
});

describe('refusalReason', () => {
  it('names the first file problem', () => {
    const summary = summarizePlan('', failedPlan('customers', 'The file is empty (0 bytes).'), 'a.csv', settings);
    expect(refusalReason(summary)).toBe('The file is empty (0 bytes).');
  });

  it('counts the rejected rows when the file itself is fine', () => {
    const plan = customersPlan('number,name\n1001,\n1002,\n1003,Vik AS\n');
    expect(refusalReason(summarizePlan('p', plan, 'a.csv', settings))).toBe('The file has 2 rejected row(s).');
  });
});
