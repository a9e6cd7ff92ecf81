/**
 * The table of cases.ts through both entry points a user meets: a CSV row through
 * `planImport` (the importer) and the record through `validateRegisterRecord` (what the
 * register forms call) or the document rules. Both must refuse the same bad values with the
 * same code, and warn about the same odd ones without refusing them.
 */
import { describe, expect, it } from 'vitest';
import {
  autoMap,
  CANONICAL_FORMAT,
  importFields,
  parseCsv,
  planImport,
  type ImportKind,
} from '../../../src/core/import/index.ts';
import {
  validateClaim,
  validateInvoice,
  validateRegisterRecord,
  validateTimeRecord,
  type FieldProblem,
  type RegisterKind,
} from '../../../src/core/validation/index.ts';
import { referenceData, sequentialIds } from '../import/helpers.ts';
import { BASE_ROWS, RULE_CASES, type RuleCase } from './cases.ts';

const REGISTER: Partial<Record<ImportKind, RegisterKind>> = {
  customers: 'customer',
  users: 'user',
  vatCodes: 'vatCode',
  accounts: 'account',
};

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function rowOf(rc: RuleCase): Record<string, string> {
  return { ...BASE_ROWS[rc.kind], ...rc.values };
}

function importCase(rc: RuleCase) {
  const row = rowOf(rc);
  const header = Object.keys(row);
  const csv = `${header.join(',')}\n${header.map((h) => csvCell(row[h]!)).join(',')}\n`;
  const table = parseCsv(csv, { delimiter: ',', hasHeader: true, skipLines: 0 });
  const mapping = autoMap(rc.kind, table.header).mapping;
  expect(Object.keys(mapping).sort()).toEqual([...header].sort());
  return planImport({
    kind: rc.kind,
    table,
    mapping,
    format: CANONICAL_FORMAT,
    existing: referenceData(),
    onDuplicate: 'stop',
    newId: sequentialIds(),
  });
}

/** The record a form would save: the row's values typed as the domain stores them. */
function recordOf(rc: RuleCase): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const child: Record<string, unknown> = {};
  const defs = importFields(rc.kind);
  for (const [name, text] of Object.entries(rowOf(rc))) {
    const def = defs.find((d) => d.name === name)!;
    const value =
      def.type === 'money'
        ? Math.round(Number(text) * 100)
        : def.type === 'integer' || def.type === 'decimal'
          ? Number(text)
          : def.type === 'boolean'
            ? text === 'true'
            : text;
    if (def.level === 'child') child[def.property] = value;
    else record[def.property] = value;
  }
  if (rc.kind === 'invoices') record['lines'] = [{ discountPercent: 0, ...child }];
  if (rc.kind === 'claims') record['items'] = [{ vatAmount: 0, currency: 'NOK', date: record['date'], ...child }];
  return record;
}

/** Problems by the rule set directly, field named as the importer names it. */
function ruleSetProblems(rc: RuleCase): { field: string; severity: string; code: string }[] {
  const record = recordOf(rc);
  const register = REGISTER[rc.kind];
  const problems: FieldProblem[] =
    register !== undefined
      ? validateRegisterRecord(register, record, referenceData())
      : rc.kind === 'timeRecords'
        ? validateTimeRecord(record)
        : rc.kind === 'invoices'
          ? validateInvoice(record)
          : validateClaim(record);
  return problems.map((p) => ({
    field: p.field.replace(/^lines\[0\]\./, 'line.').replace(/^items\[0\]\./, 'item.'),
    severity: p.severity,
    code: p.code,
  }));
}

describe.each(RULE_CASES.map((rc) => [`${rc.kind}: ${rc.name}`, rc] as const))('%s', (_, rc) => {
  it('the importer refuses or warns as the table says, with line and reason', () => {
    const plan = importCase(rc);
    if (rc.expect === 'ok') {
      expect(plan.rejected).toEqual([]);
      expect(plan.warnings).toEqual([]);
      expect(plan.counts.new).toBe(1);
      return;
    }
    const [severity, code] = rc.expect;
    if (severity === 'error') {
      expect(plan.counts.new).toBe(0);
      expect(plan.rejected).toHaveLength(1);
      expect(plan.rejected[0]!.line).toBe(2);
      const error = plan.rejected[0]!.errors.find((e) => e.code === code);
      expect(error).toMatchObject({ field: rc.field, column: rc.field });
      expect(error!.reason.length).toBeGreaterThan(5);
      expect(plan.warnings).toEqual([]);
    } else {
      expect(plan.rejected).toEqual([]);
      expect(plan.counts.new).toBe(1);
      expect(plan.warnings).toEqual([expect.objectContaining({ line: 2, field: rc.field, column: rc.field, code })]);
    }
  });

  it('the rule set (the form model entry point for registers) says the same', () => {
    const problems = ruleSetProblems(rc);
    if (rc.expect === 'ok') expect(problems).toEqual([]);
    else expect(problems).toEqual([{ field: rc.field, severity: rc.expect[0], code: rc.expect[1] }]);
  });
});

describe('the form and the importer agree on every case', () => {
  it('same refusals, same warnings', () => {
    for (const rc of RULE_CASES) {
      const plan = importCase(rc);
      const imported = [
        ...plan.rejected.flatMap((r) => r.errors.map((e) => `error ${e.field} ${e.code ?? ''}`)),
        ...plan.warnings.map((w) => `warning ${w.field} ${w.code ?? ''}`),
      ];
      const ruled = ruleSetProblems(rc).map((p) => `${p.severity} ${p.field} ${p.code}`);
      expect(imported, rc.name).toEqual(ruled);
    }
  });
});
