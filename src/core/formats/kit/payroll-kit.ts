/**
 * What the payroll formats (Visma Lønn, Huldt & Lillevik, Hogia) share: looking up co-workers,
 * the department of a time record, summing time records into payroll lines, the checks every
 * wage file needs (employee number and wage code present, digits-only codes), file names,
 * and the "flat ASCII" check of fixed-width payroll files.
 *
 * Hours are summed exactly as ten-thousandths of an hour (the domain keeps at most 4 decimals),
 * so 0.1 + 0.2 is 0.3 and not 0.30000000000000004.
 *
 * Pay, not billing (issue 12, item 6): a time record's `rate` is the hourly billing rate (the
 * invoice unit price) and is never written to a payroll file. The rate a payroll line carries
 * is the pay rate (`payRateFor`, src/core/domain/pay-rate.ts): the record's own `payRate`, else
 * the co-worker's default for the record's wage code (`User.payRates`), else none. With none,
 * each format writes what its spec gives for "the payroll system uses the rate it holds for the
 * employee" (see each format's header for the rule and its source).
 */
import { divideRounded, hoursAmount, toScaled } from '../../domain/money.ts';
import { payRateFor } from '../../domain/pay-rate.ts';
import type { Claim, ClaimItem, CompanyData, IsoDate, Minor, TimeRecord, User } from '../../domain/types.ts';
import { fileStamp } from '../builders/encode-file.ts';
import type { IssueRecord } from '../builders/field-format.ts';
import { issue } from '../issues.ts';
import type { ExportContext, ExportIssue } from '../types.ts';

/** Ten-thousandths of an hour per hour. */
export const HOURS_SCALE = 10_000n;

export type PayrollDepartmentSource = 'employee' | 'project' | 'none';

export { PAYROLL_DEPARTMENT_SETTING } from './settings.ts';

export function departmentSourceOf(value: unknown): PayrollDepartmentSource {
  return value === 'project' || value === 'none' ? value : 'employee';
}

export interface PayrollIndex {
  user(employeeNumber: string): User | undefined;
  projectDepartment(projectNumber: string): string;
  /** The record's pay rate (`payRateFor`). */
  payRate(record: TimeRecord): Minor | null;
}

export function payrollIndex(data: CompanyData): PayrollIndex {
  const users = new Map(data.users.map((u) => [u.employeeNumber, u]));
  const projects = new Map(data.projects.map((p) => [p.number, p]));
  return {
    user: (employeeNumber) => users.get(employeeNumber),
    projectDepartment: (projectNumber) => projects.get(projectNumber)?.departmentNumber ?? '',
    payRate: (record) => payRateFor(record, users.get(record.employeeNumber)),
  };
}

export function departmentFor(
  employeeNumber: string,
  projectNumber: string,
  source: PayrollDepartmentSource,
  index: PayrollIndex,
): string {
  if (source === 'employee') return index.user(employeeNumber)?.departmentNumber ?? '';
  if (source === 'project') return projectNumber ? index.projectDepartment(projectNumber) : '';
  return '';
}

export function timeRecordRef(record: TimeRecord): IssueRecord {
  return { kind: 'timeRecord', key: record.id };
}

/** Hours as an exact count of ten-thousandths. */
export function scaledHours(hours: number): bigint {
  return toScaled(hours, 4);
}

/** Ten-thousandths back to a JS number of hours (exact for any realistic total). */
export function hoursOf(scaled: bigint): number {
  return Number(scaled) / Number(HOURS_SCALE);
}

/** Ten-thousandths rounded half away from zero to hundredths, as a number (`7.5`, `20.25`). */
export function hoursToHundredths(scaled: bigint): number {
  return Number(divideRounded(scaled, 100n)) / 100;
}

/**
 * Quantity × rate as the payroll system will see it: the hours are rounded to the 2 decimals
 * written in the file first, so quantity × rate = amount holds in the file itself (0.3333 h at
 * 650.00 is 0.33 h and 214.50, not 216.65). 0 without a rate.
 */
export function payrollAmount(hours: bigint, rate: Minor | null): Minor {
  return rate === null ? 0 : hoursAmount(hoursToHundredths(hours), rate);
}

/** One summed payroll line: the records of one employee, wage code, project, department and pay rate. */
export interface PayrollLine {
  employeeNumber: string;
  wageCode: string;
  projectNumber: string;
  departmentNumber: string;
  /** The pay rate per hour in minor units (`payRateFor`); null when there is none. */
  rate: Minor | null;
  /** Hours in ten-thousandths. */
  hours: bigint;
  /** The summed hours rounded to hundredths × rate (`payrollAmount`). */
  amount: Minor;
  firstDate: IsoDate;
  lastDate: IsoDate;
  recordIds: string[];
}

export interface GroupOptions {
  /** Keep projects apart (otherwise the project is left empty on the summed line). */
  byProject: boolean;
  departmentSource: PayrollDepartmentSource;
  /** Keep each date apart as well. */
  byDate?: boolean;
  /**
   * Carry pay rates (default true). False for a file that writes no rate: every line's rate is
   * null, so records are not kept apart by a rate the file never shows.
   */
  payRates?: boolean;
}

/**
 * Sums time records into payroll lines. Records with different pay rates never share a line, so
 * quantity × rate = amount holds on every line written. Lines come sorted by employee, wage code,
 * project, department, rate (and date), with number-aware comparison of codes.
 */
export function groupTimeRecords(
  records: readonly TimeRecord[],
  index: PayrollIndex,
  options: GroupOptions,
): PayrollLine[] {
  const lines = new Map<string, PayrollLine>();
  const withRates = options.payRates ?? true;
  for (const record of records) {
    const rate = withRates ? index.payRate(record) : null;
    const projectNumber = options.byProject ? record.projectNumber : '';
    const departmentNumber = departmentFor(
      record.employeeNumber,
      record.projectNumber,
      options.departmentSource,
      index,
    );
    const key = JSON.stringify([
      record.employeeNumber,
      record.wageCode,
      projectNumber,
      departmentNumber,
      rate,
      options.byDate ? record.date : '',
    ]);
    const line = lines.get(key);
    if (line) {
      line.hours += scaledHours(record.hours);
      if (record.date < line.firstDate) line.firstDate = record.date;
      if (record.date > line.lastDate) line.lastDate = record.date;
      line.recordIds.push(record.id);
    } else {
      lines.set(key, {
        employeeNumber: record.employeeNumber,
        wageCode: record.wageCode,
        projectNumber,
        departmentNumber,
        rate,
        hours: scaledHours(record.hours),
        amount: 0,
        firstDate: record.date,
        lastDate: record.date,
        recordIds: [record.id],
      });
    }
  }
  const result = [...lines.values()];
  for (const line of result) line.amount = payrollAmount(line.hours, line.rate);
  return result.sort(
    (a, b) =>
      compareCodes(a.employeeNumber, b.employeeNumber) ||
      compareCodes(a.wageCode, b.wageCode) ||
      compareCodes(a.projectNumber, b.projectNumber) ||
      compareCodes(a.departmentNumber, b.departmentNumber) ||
      (a.rate ?? -1) - (b.rate ?? -1) ||
      compareCodes(a.firstDate, b.firstDate),
  );
}

/** Digits-only codes compare as numbers (`2` before `10`), anything else by code unit. */
export function compareCodes(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const diff = BigInt(a) - BigInt(b);
    if (diff !== 0n) return diff < 0n ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface CodeRule {
  /** The value checked. */
  value: string;
  /** The codes' field: `missing-<field>`, `non-numeric-<field>`. */
  field: 'employeeNumber' | 'wageCode' | 'number';
  required: boolean;
  digitsOnly: boolean;
}

/**
 * Checks one identifier: present, digits only. Returns at most one issue. Lengths are the file
 * builders' check (`too-long`, naming the column). `item` names a claim's item and expense type.
 */
export function checkCode(
  rule: CodeRule,
  record: IssueRecord,
  item?: { item: number; expenseType: string },
): ExportIssue | undefined {
  if (rule.value === '')
    return rule.required ? issue('error', `missing-${rule.field}`, { ...item }, record, rule.field) : undefined;
  if (rule.digitsOnly && !/^\d+$/.test(rule.value))
    return issue('error', `non-numeric-${rule.field}`, { ...item, value: rule.value }, record, rule.field);
  return undefined;
}

export interface PayrollCodeLimits {
  /** Employee numbers must be digits only. */
  employeeDigits: boolean;
  /** Wage codes must be digits only. */
  wageDigits: boolean;
}

/** The checks every time-record payroll file needs, one record at a time. */
export function checkTimeRecordCodes(data: CompanyData, limits: PayrollCodeLimits): ExportIssue[] {
  const issues: ExportIssue[] = [];
  const index = payrollIndex(data);
  for (const record of data.timeRecords) {
    const ref = timeRecordRef(record);
    const employee = checkCode(
      { value: record.employeeNumber, field: 'employeeNumber', required: true, digitsOnly: limits.employeeDigits },
      ref,
    );
    const wage = checkCode(
      { value: record.wageCode, field: 'wageCode', required: true, digitsOnly: limits.wageDigits },
      ref,
    );
    if (employee) issues.push(employee);
    if (wage) issues.push(wage);
    if (record.employeeNumber !== '' && !index.user(record.employeeNumber))
      issues.push(issue('warning', 'unknown-employee', { employee: record.employeeNumber }, ref, 'employeeNumber'));
    if (!Number.isFinite(record.hours)) issues.push(issue('error', 'invalid-hours', {}, ref, 'hours'));
  }
  return issues;
}

export interface ClaimCodeLimits extends PayrollCodeLimits {
  /** The pay (wage) code an item is paid under, e.g. its expense type's wage code; empty for none. */
  wageCodeOf: (item: ClaimItem) => string;
}

/**
 * The checks every claim (expense) payroll file needs: the employee number, each item's expense
 * type and pay code, a rejected claim (error) or one not yet approved (warning), an empty claim,
 * and items in a currency other than the company's (payroll pays the company currency).
 */
export function checkClaimRecords(data: CompanyData, limits: ClaimCodeLimits): ExportIssue[] {
  const issues: ExportIssue[] = [];
  const expenseTypes = new Set(data.expenseTypes.map((t) => t.code));
  const wageCode = limits.wageCodeOf;
  const employees = new Set(data.users.map((u) => u.employeeNumber));
  for (const claim of data.claims) {
    const record = claimRef(claim);
    const at = { claim: claim.claimNumber };
    const employee = checkCode(
      { value: claim.employeeNumber, field: 'employeeNumber', required: true, digitsOnly: limits.employeeDigits },
      record,
    );
    if (employee) issues.push(employee);
    else if (!employees.has(claim.employeeNumber))
      issues.push(issue('warning', 'unknown-employee', { employee: claim.employeeNumber }, record, 'employeeNumber'));
    if (claim.status === 'rejected') issues.push(issue('error', 'rejected-claim', at, record, 'status'));
    else if (claim.status === 'draft' || claim.status === 'submitted')
      issues.push(issue('warning', 'claim-not-approved', { ...at, status: claim.status }, record, 'status'));
    if (claim.items.length === 0) issues.push(issue('warning', 'empty-claim', at, record, 'items'));
    claim.items.forEach((item, i) => {
      const atItem = { ...at, item: i + 1, expenseType: item.expenseType };
      if (!expenseTypes.has(item.expenseType))
        issues.push(issue('error', 'unknown-expense-type', atItem, record, 'expenseType'));
      else {
        const wage = checkCode(
          { value: wageCode(item), field: 'wageCode', required: true, digitsOnly: limits.wageDigits },
          record,
          {
            item: i + 1,
            expenseType: item.expenseType,
          },
        );
        if (wage) issues.push(wage);
      }
      if (item.currency && item.currency.toUpperCase() !== data.company.currency.toUpperCase())
        issues.push(
          issue(
            'error',
            'foreign-currency-claim',
            { ...atItem, currency: item.currency, companyCurrency: data.company.currency },
            record,
            'currency',
          ),
        );
    });
  }
  return issues;
}

/** The year whose payroll an export belongs to: the period's end, else the latest record, else the clock. */
export function payrollYear(context: ExportContext, dates: readonly IsoDate[]): number {
  const end = context.period?.to ?? [...dates].sort().at(-1) ?? context.now.slice(0, 10);
  return Number(end.slice(0, 4));
}

/** The export period: the context's, else the span of the records' dates, else the clock's day. */
export function payrollPeriod(context: ExportContext, dates: readonly IsoDate[]): { from: IsoDate; to: IsoDate } {
  if (context.period) return context.period;
  const sorted = [...dates].sort();
  const today = context.now.slice(0, 10);
  return { from: sorted[0] ?? today, to: sorted.at(-1) ?? today };
}

/** `<prefix>_20261126-0930.<extension>` */
export function payrollFileName(prefix: string, context: ExportContext, extension: string): string {
  return `${prefix}_${fileStamp(context.now)}.${extension}`;
}

/**
 * Characters outside printable ASCII in a file that must be "flat ASCII", one error per
 * character and record, naming the record of the line (from the builder's `lineRecords`).
 */
export function nonAsciiIssues(
  text: string,
  lineRecords: readonly (IssueRecord | undefined)[],
  fileLabel: string,
): ExportIssue[] {
  const issues: ExportIssue[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((line, i) => {
    for (const char of line) {
      if (char >= ' ' && char <= '~') continue;
      const record = lineRecords[i];
      const key = `${char}|${record?.kind ?? ''}|${record?.key ?? i}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const codePoint = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      issues.push(issue('error', 'non-ascii-character', { char, codePoint, file: fileLabel, line: i + 1 }, record));
    }
  });
  return issues;
}

/** A claim as the record an issue names. */
export function claimRef(claim: Claim): IssueRecord {
  return { kind: 'claim', key: claim.claimNumber };
}
