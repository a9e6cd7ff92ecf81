/**
 * Huldt & Lillevik Lønn import ("H&L timer" for hours, "H&L utlegg" for expenses): flat ASCII,
 * fixed positions, 164 characters per record.
 *
 * Spec: Moment's page https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/wage-system/huldt-and-lillevik-lonn
 * (summarised in ../shared/research/moment-exports.md §6.2 and formats.md §6):
 *
 * | Field | Width | | Field | Width |
 * | Employee ID | 6 | | Date (DDMMYY) | 6 |
 * | Wage type | 5 | | Quantity | 10 |
 * | Department | 12 | | Rate | 10 |
 * | Project | 12 | | Amount | 13 |
 * | Element 1–5 | 12 each | | Filler | 30 |
 *
 * "All fields are required; with no data a field holds blanks or zeros"; no decimal separator,
 * 2 implied decimals.
 *
 * Assumptions where the public spec is silent (all in `hlLayout`):
 * - Alignment and padding: numeric fields (employee ID, wage type, quantity, rate, amount) are
 *   right-aligned and zero-filled; text fields (department, project, elements, filler) are
 *   left-aligned and blank-filled. Employee ID and wage type are H&L numbers, so they must be
 *   digits (pre-flight error otherwise); a value wider than its field is an error.
 * - A negative value (a correction) keeps its minus sign in the first position of the zero fill,
 *   e.g. `-000000750` for −7.50 hours.
 * - Quantity: hours with 2 implied decimals (`0000000750` = 7.50 h).
 * - Rate and Amount of hours: the pay rate, never the billing rate (issue 12, item 6). The pay
 *   rate is the record's `payRate`, else the co-worker's default for the wage code (`payRateFor`
 *   in payroll-kit.ts). With one: Rate = the pay rate per hour, Amount = the written quantity
 *   (hours rounded to 2 decimals) × rate, rounded to øre (`payrollAmount`), so quantity × rate =
 *   amount holds in the file. Without one: Rate `0000000000` and Amount `0000000000000`, zero-
 *   filled as Moment's page allows: "All fields are required, if there is no data the field
 *   should be containing blank spaces or 0's (zero)" ("Rate | 10 | Record rate", "Amount | 13 |
 *   Record amount"). H&L then takes the rate from the employee / wage type; no public H&L text
 *   confirms this (H&L was discontinued end-2022), so confirm it on a test import.
 * - Hours: one record per time record (no summing), department = setting `departmentSource`
 *   (co-worker's department by default), project = the record's project; elements 1–5 blank.
 * - Expenses: one record per claim item; wage type = the expense type's wage code (an item whose
 *   type has none is a pre-flight error); quantity 1.00, rate = amount = the item's gross amount
 *   (`EXPENSE_QUANTITY`), so quantity × rate = amount whichever H&L reads; department = the
 *   co-worker's department; project = the item's project; date = the item's (receipt) date.
 *   Items in a currency other than the company's are errors (payroll pays the company currency),
 *   as are items of a rejected claim; items of claims not yet approved are warnings.
 * - Characters outside printable ASCII (e.g. `Ø` in a project number) are pre-flight errors
 *   rather than transliterated: every text field is an identifier that must match H&L exactly.
 *   The file is written as Windows-1252, which is byte-for-byte ASCII for such text.
 * - CRLF after every record, also the last (a DOS program's flat file).
 * - File names `HL_timer_<yyyyMMdd-HHmm>.txt` and `HL_utlegg_<yyyyMMdd-HHmm>.txt`.
 */
import type { Claim, ClaimItem, CompanyData, IsoDate, Minor } from '../../../domain/types.ts';
import type { TextEncodingName } from '../../../encoding/text-encoding.ts';
import { encodeFile } from '../../builders/encode-file.ts';
import type { FieldFormat, IssueRecord } from '../../builders/field-format.ts';
import { buildFixedWidth, type FixedWidthField, type FixedWidthLayout } from '../../builders/fixed-width.ts';
import type { ExportContext, ExportIssue, FormatDefinition, FormatSettings } from '../../types.ts';
import { defineFormat } from '../../kit/format-kit.ts';
import {
  checkClaimRecords,
  checkTimeRecordCodes,
  departmentFor,
  departmentSourceOf,
  nonAsciiIssues,
  payrollFileName,
  payrollAmount,
  payrollIndex,
  scaledHours,
  timeRecordRef,
} from '../../kit/payroll-kit.ts';
import { huldtLillevikExpensesInfo, huldtLillevikHoursInfo } from './info.ts';

export const HL_RECORD_LENGTH = 164;
export const EXPENSE_QUANTITY = 1;
/** ASCII is a subset of Windows-1252: the bytes are the same for the text the checks let through. */
const ENCODING: TextEncodingName = 'windows-1252';

/** One H&L record before layout; amounts in minor units, quantity in hours (or units). */
export interface HlRow {
  employeeNumber: string;
  wageCode: string;
  departmentNumber: string;
  projectNumber: string;
  date: IsoDate;
  quantity: number;
  rate: Minor;
  amount: Minor;
  record: IssueRecord;
}

const implied: FieldFormat = { type: 'amount', decimals: 2, impliedDecimals: true, sign: 'signed' };
const number = (name: string, width: number, field: string, format: FieldFormat): FixedWidthField => ({
  name,
  width,
  field,
  format,
  zeroFill: true,
});
const text = (name: string, width: number, field?: string): FixedWidthField => ({
  name,
  width,
  ...(field ? { field } : { value: '' }),
  format: { type: 'text' },
  align: 'left',
});

export const HL_FIELDS: readonly FixedWidthField[] = [
  number('Employee ID', 6, 'employeeNumber', { type: 'text' }),
  number('Wage type', 5, 'wageCode', { type: 'text' }),
  text('Department', 12, 'departmentNumber'),
  text('Project', 12, 'projectNumber'),
  text('Element 1', 12),
  text('Element 2', 12),
  text('Element 3', 12),
  text('Element 4', 12),
  text('Element 5', 12),
  { name: 'Date', width: 6, field: 'date', format: { type: 'date', pattern: 'ddMMyy' } },
  number('Quantity', 10, 'quantity', { type: 'quantity', decimals: 2, fixedDecimals: true, decimalSeparator: '' }),
  number('Rate', 10, 'rate', implied),
  number('Amount', 13, 'amount', implied),
  text('Filler', 30),
];

export function hlLayout(): FixedWidthLayout {
  return { recordLength: HL_RECORD_LENGTH, fields: [...HL_FIELDS], lineEnding: 'CRLF', encoding: ENCODING };
}

export function hlHourRows(data: CompanyData, settings: FormatSettings): HlRow[] {
  const index = payrollIndex(data);
  const source = departmentSourceOf(settings['departmentSource']);
  return data.timeRecords.map((r) => {
    const payRate = index.payRate(r);
    return {
      employeeNumber: r.employeeNumber,
      wageCode: r.wageCode,
      departmentNumber: departmentFor(r.employeeNumber, r.projectNumber, source, index),
      projectNumber: r.projectNumber,
      date: r.date,
      quantity: r.hours,
      rate: payRate ?? 0,
      amount: payrollAmount(scaledHours(r.hours), payRate),
      record: timeRecordRef(r),
    };
  });
}

function claimRef(claim: Claim): IssueRecord {
  return { kind: 'claim', key: claim.claimNumber };
}

function wageCodeOf(data: CompanyData): (item: ClaimItem) => string {
  const byCode = new Map(data.expenseTypes.map((t) => [t.code, t.wageCode]));
  return (item) => byCode.get(item.expenseType) ?? '';
}

export function hlExpenseRows(data: CompanyData): HlRow[] {
  const index = payrollIndex(data);
  const wageCode = wageCodeOf(data);
  return data.claims.flatMap((claim) =>
    claim.items.map((item) => ({
      employeeNumber: claim.employeeNumber,
      wageCode: wageCode(item),
      departmentNumber: index.user(claim.employeeNumber)?.departmentNumber ?? '',
      projectNumber: item.projectNumber,
      date: item.date,
      quantity: EXPENSE_QUANTITY,
      rate: item.amount,
      amount: item.amount,
      record: claimRef(claim),
    })),
  );
}

function checkHours(data: CompanyData): ExportIssue[] {
  return checkTimeRecordCodes(data, { employeeDigits: true, wageDigits: true });
}

function checkExpenses(data: CompanyData): ExportIssue[] {
  return checkClaimRecords(data, { employeeDigits: true, wageDigits: true, wageCodeOf: wageCodeOf(data) });
}

function buildFile(rows: HlRow[], fileName: string, fileLabel: string, currency: string) {
  const built = buildFixedWidth(hlLayout(), rows, { recordOf: (row) => row.record });
  const ascii = nonAsciiIssues(built.text, built.lineRecords, fileLabel);
  const encoded = encodeFile({
    name: fileName,
    mimeType: 'text/plain',
    text: built.text,
    encoding: ENCODING,
    lineRecords: built.lineRecords,
    recordCount: rows.length,
    controlTotals: {
      records: rows.length,
      quantity: rows.reduce((sum, r) => sum + Math.round(r.quantity * 100), 0) / 100,
      [`amount ${currency}`]: rows.reduce((sum, r) => sum + r.amount, 0),
    },
  });
  const blocked = ascii.length > 0;
  // Every character Windows-1252 lacks is outside ASCII too: report it once, as non-ASCII.
  return {
    files: encoded.file && !blocked ? [encoded.file] : [],
    issues: [...built.issues, ...(blocked ? ascii : encoded.issues)],
    report: [],
  };
}

export const huldtLillevikHours: FormatDefinition = defineFormat({
  ...huldtLillevikHoursInfo,
  checks: (data) => checkHours(data),
  build: (data: CompanyData, settings: FormatSettings, context: ExportContext) =>
    buildFile(
      hlHourRows(data, settings),
      payrollFileName('HL_timer', context, 'txt'),
      'H&L timer',
      data.company.currency,
    ),
});

export const huldtLillevikExpenses: FormatDefinition = defineFormat({
  ...huldtLillevikExpensesInfo,
  checks: (data) => checkExpenses(data),
  build: (data: CompanyData, _settings: FormatSettings, context: ExportContext) =>
    buildFile(hlExpenseRows(data), payrollFileName('HL_utlegg', context, 'txt'), 'H&L utlegg', data.company.currency),
});
