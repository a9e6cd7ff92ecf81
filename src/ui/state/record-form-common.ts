/**
 * What the time-record and claim forms share (src/ui/state/time-record-form.svelte.ts,
 * claim-form.svelte.ts): reading what users type into numbers and amounts, showing stored values
 * as text, the registers the pickers offer, and problems the forms add to the shared rule set
 * (src/core/validation): a required field left empty, a picked key no register holds, text that
 * is not a number.
 */
import { readMasterData } from '../../db/company-store.ts';
import type { ExportdeskDatabase } from '../../db/database.ts';
import { currencyDecimals, formatMinor, parseMinor } from '../../core/domain/money.ts';
import type { CompanyData, Minor } from '../../core/domain/types.ts';
import { checkRequired, type FieldProblem } from '../../core/validation/index.ts';
import { t } from '../messages.ts';

/** The registers the pickers offer, and the company's currency. */
export type RecordMaster = Pick<CompanyData, 'users' | 'projects' | 'expenseTypes' | 'vatCodes'> & {
  currency: string;
};

export function emptyRecordMaster(): RecordMaster {
  return { users: [], projects: [], expenseTypes: [], vatCodes: [], currency: 'NOK' };
}

export async function readRecordMaster(db: ExportdeskDatabase): Promise<RecordMaster> {
  const master = await readMasterData(db);
  if (!master) return emptyRecordMaster();
  const { users, projects, expenseTypes, vatCodes } = master;
  return { users, projects, expenseTypes, vatCodes, currency: master.company.currency || 'NOK' };
}

/** Spaces users type as thousands separators (also the no-break ones the lists show). */
function compact(text: string): string {
  return text.replace(/[\s\u00a0\u202f]/g, '');
}

/** A decimal number typed with `.` or `,`; '' is null, text that is no number is NaN. */
export function parseDecimal(text: string): number | null {
  const s = compact(text).replace(',', '.');
  if (s === '') return null;
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : NaN;
}

/** An amount typed in whole units (`1 234,50`) as minor units of `currency`; '' is null, bad text NaN. */
export function parseAmount(text: string, currency: string): Minor | null {
  const s = compact(text);
  if (s === '') return null;
  return parseMinor(s, currencyDecimals(currency)) ?? NaN;
}

export function amountText(minor: Minor | null | undefined, currency: string): string {
  if (minor === null || minor === undefined) return '';
  return formatMinor(minor, { decimals: currencyDecimals(currency) }, currencyDecimals(currency));
}

/** Problems of typed text that is not a number or amount (the rule set sees the value as stored). */
export function parseProblems(field: string, text: string, value: number | null, amount: boolean): FieldProblem[] {
  if (value === null || !Number.isNaN(value)) return [];
  const message = amount ? t('records.notAnAmount', { value: text }) : t('records.notANumber', { value: text });
  return [{ field, severity: 'error', code: 'number-format', params: { value: text }, message }];
}

/** `required` from the rule set, with the form's own wording. */
export function requiredProblems(field: string, value: unknown): FieldProblem[] {
  return checkRequired(field, value).map((p) => ({ ...p, message: t('records.required') }));
}

/** A picked key that the register does not hold (a stored record may name one deleted since). */
export function referenceProblems(
  field: string,
  value: string,
  keys: readonly string[],
  message: 'records.unknownEmployee' | 'records.unknownProject' | 'records.unknownExpenseType',
): FieldProblem[] {
  if (value === '' || keys.includes(value)) return [];
  return [{ field, severity: 'error', code: 'unknown-reference', params: { value }, message: t(message, { value }) }];
}
