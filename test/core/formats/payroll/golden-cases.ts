/**
 * The payroll and factoring golden cases: each format on the test company (with the payroll
 * records of payroll-company.ts on top) and a fixed clock and period. Shared by golden.test.ts
 * (in-process, compares committed bytes) and golden-check.ts (child process under other time
 * zones), as test/core/formats/golden-cases.ts does for the accounting formats.
 */
import type { CompanyData } from '../../../../src/core/domain/types.ts';
import { formatOf } from '../../../helpers/loaded-formats.ts';
import type { ExportResult, FormatSettings } from '../../../../src/core/formats/types.ts';
import { factoringCompany, PAYROLL_CONTEXT, payrollCompany, SG_FINANS_SETTINGS } from './payroll-company.ts';

export interface GoldenCase {
  formatId: string;
  /** Sub-folder under test/golden/<format-id>/ ('' for the main case). */
  variant: string;
  data: () => CompanyData;
  settings: FormatSettings;
}

export const PAYROLL_GOLDEN_CASES: GoldenCase[] = [
  { formatId: 'visma-lonn', variant: '', data: payrollCompany, settings: {} },
  {
    formatId: 'visma-lonn',
    variant: 'per-employee',
    data: payrollCompany,
    settings: { groupByProject: false, departmentSource: 'project', executionNumber: 7, deductionCode: '2' },
  },
  { formatId: 'huldt-lillevik-hours', variant: '', data: payrollCompany, settings: {} },
  { formatId: 'huldt-lillevik-expenses', variant: '', data: payrollCompany, settings: {} },
  { formatId: 'hogia', variant: '', data: payrollCompany, settings: {} },
  {
    formatId: 'hogia',
    variant: 'period',
    data: payrollCompany,
    settings: { grouping: 'period', costCentre: 'employee-department', createdBy: 'Kari Ås' },
  },
  // Pay rates as price (the record's, else the co-worker's default; none for 1002 and 17's overtime).
  { formatId: 'hogia', variant: 'pay-rate', data: payrollCompany, settings: { writePayRate: true } },
  { formatId: 'sg-finans', variant: '', data: factoringCompany, settings: SG_FINANS_SETTINGS },
];

export function goldenPath(c: GoldenCase, fileName: string): string {
  return ['test/golden', c.formatId, c.variant, fileName].filter(Boolean).join('/');
}

export function formatById(id: string) {
  const format = formatOf(id);
  if (!format) throw new Error(`no format ${id}`);
  return format;
}

export function runGoldenCase(c: GoldenCase): ExportResult {
  return formatById(c.formatId).generate(c.data(), c.settings, PAYROLL_CONTEXT);
}
