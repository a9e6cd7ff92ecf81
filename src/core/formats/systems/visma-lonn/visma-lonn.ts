/**
 * Visma Lønn "Lønnsregistrering Standard format" (Rutiner › Registrering › Import variable
 * lønnsdata): `;` separated, one row per summed payroll line.
 *
 * Spec: Moment's page https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/wage-system/visma-lonn
 * (field list and two sample lines, summarised in ../shared/research/moment-exports.md §6.3 and
 * formats.md §6); Visma's own column names (WgRegLn.WgYr, RunNo, EmpNo, WgSrt, Bas, Qty, Rate, Am,
 * AcNo, AgAcNo, R1–R6, DedCd) from https://community.visma.com/t5/Brukertips-i-Visma-Lonn/Import-variable-lonnsdata-standard-filformat/ta-p/26001 .
 *
 * Columns: Wage year; Execution number; Employee number; Wage type; Base; Quantity; Rate; Amount;
 * Account; Balancing account; R1 Department; R2 Project; R3–R5 Extra 1–3; R6 Campaign; Deduction code.
 *
 * Assumptions where the public spec is silent:
 * - Shape of the published hours sample `2021;7;1002;5;0.0;20.50;0.00;0.00;0;0;"";"";"";"";"";"";0`:
 *   no header row; numbers bare; R1–R6 always in quotes, also when empty (`""`); a quote inside
 *   is doubled (RFC 4180).
 * - Base: always zero, written with one decimal (`0.0`, `BASE_DECIMALS`), exactly as the sample
 *   line for hours (wage type 5); the fixed-salary sample writes `0.00`, and Visma reads both.
 * - Quantity: the summed hours with 2 decimals (`20.50`), rounded half away from zero.
 * - Rate and Amount: the pay rate, never the billing rate (issue 12, item 6). The pay rate is the
 *   record's `payRate`, else the co-worker's default for the wage code (`payRateFor` in
 *   payroll-kit.ts). With one: Rate = the pay rate per hour with 2 decimals, Amount = the written
 *   quantity (summed hours rounded to 2 decimals) × rate, rounded to øre (`payrollAmount`), so
 *   quantity × rate = amount holds on every row. Without one: Rate `0.00` and Amount `0.00`,
 *   exactly as Moment's sample `2021;7;1002;5;0.0;20.50;0.00;0.00;0;0;"";"";"";"";"";"";0`, of
 *   which Moment's page says: "In the above case, the amount and rate for these lines are gathered
 *   from what is registered for the resources" (Base/Quantity/Rate/Amount: "Depends on wage type if
 *   required"). Visma's column for it is `Rate` ("Sats"), and `Am` ("Beløp") for the amount
 *   (community.visma.com page above).
 *   Known symptom: a wage type set up to need its rate from the file makes Visma Lønn answer "Både
 *   antall, sats og faktor må være utfylt" (https://kontor.tidsbanken.net/support/case.asp?ID=82);
 *   give those co-workers a pay rate for that wage code.
 * - Account and balancing account: `0` (Visma takes them from the wage type), as in both samples.
 * - Rows: time records summed per employee, wage code, project (setting `groupByProject`,
 *   default yes; no = R2 empty), department and pay rate: records with different pay rates never
 *   share a row, so quantity × rate = amount on every row. Sorted by employee, wage code, project.
 * - R1 Department: setting `departmentSource` (co-worker's department, default; project's; none).
 *   R3–R6 are empty.
 * - Wage year: the year of the period's end (or of the latest record); execution number:
 *   setting `executionNumber` (default 1). Both are "for information only" in Visma.
 * - Deduction code: setting `deductionCode` (0 full, default; 1 half; 2 none).
 * - Employee numbers and wage codes must be digits (they are written bare and Visma's columns are
 *   numeric); anything else is a pre-flight error naming the record, as is an empty wage code.
 * - CRLF line ends, last line ended too; encoding: setting `encoding`, default Windows-1252
 *   (Visma Lønn is a Windows program).
 * - The pipeline hands in only co-workers' records of the period (external co-workers left out).
 */
import type { CompanyData } from '../../../domain/types.ts';
import { buildDelimited, type DelimitedColumn, type DelimitedLayout } from '../../builders/delimited.ts';
import { encodeFile } from '../../builders/encode-file.ts';
import type { FieldFormat } from '../../builders/field-format.ts';
import type { TextEncodingName } from '../../../encoding/text-encoding.ts';
import type { ExportContext, ExportIssue, FormatSettings } from '../../types.ts';
import { booleanSetting, defineFormat, encodingOf, integerSetting, stringSetting } from '../../kit/format-kit.ts';
import {
  checkTimeRecordCodes,
  departmentSourceOf,
  groupTimeRecords,
  hoursToHundredths,
  payrollFileName,
  payrollIndex,
  payrollYear,
  type PayrollLine,
} from '../../kit/payroll-kit.ts';
import { vismaLonnInfo } from './info.ts';
import { invalidSettingIssue } from '../../kit/settings.ts';

const DEFAULT_ENCODING: TextEncodingName = 'windows-1252';
export const BASE_DECIMALS = 1;
const ACCOUNT_NONE = '0';
const FILE_PREFIX = 'VismaLonn';

export interface VismaLonnRow {
  wageYear: number;
  executionNumber: number;
  line: PayrollLine;
  base: number;
  /** Summed hours rounded to hundredths. */
  quantity: number;
  rate: number;
  deductionCode: number;
}

const money: FieldFormat = { type: 'amount', decimals: 2, sign: 'signed' };
const dimension = (header: string, field?: string): DelimitedColumn => ({
  header,
  ...(field ? { field } : { value: '' }),
  format: { type: 'text' },
  quote: 'always',
});

export function vismaLonnLayout(encoding: TextEncodingName = DEFAULT_ENCODING): DelimitedLayout {
  return {
    delimiter: ';',
    quoting: 'none',
    quoteEmpty: false,
    headerRow: false,
    decimalSeparator: '.',
    lineEnding: 'CRLF',
    encoding,
    columns: [
      { header: 'WgYr', field: 'wageYear', format: { type: 'integer', maxLength: 4 } },
      { header: 'RunNo', field: 'executionNumber', format: { type: 'integer' } },
      { header: 'EmpNo', field: 'line.employeeNumber', format: { type: 'text' } },
      { header: 'WgSrt', field: 'line.wageCode', format: { type: 'text' } },
      { header: 'Bas', field: 'base', format: { type: 'amount', decimals: BASE_DECIMALS, sign: 'signed' } },
      { header: 'Qty', field: 'quantity', format: { type: 'quantity', decimals: 2, fixedDecimals: true } },
      { header: 'Rate', field: 'rate', format: money },
      { header: 'Am', field: 'line.amount', format: money },
      { header: 'AcNo', value: ACCOUNT_NONE },
      { header: 'AgAcNo', value: ACCOUNT_NONE },
      dimension('R1', 'line.departmentNumber'),
      dimension('R2', 'line.projectNumber'),
      dimension('R3'),
      dimension('R4'),
      dimension('R5'),
      dimension('R6'),
      { header: 'DedCd', field: 'deductionCode', format: { type: 'integer', maxLength: 1 } },
    ],
  };
}

export function vismaLonnRows(data: CompanyData, settings: FormatSettings, context: ExportContext): VismaLonnRow[] {
  const lines = groupTimeRecords(data.timeRecords, payrollIndex(data), {
    byProject: booleanSetting(settings, 'groupByProject'),
    departmentSource: departmentSourceOf(settings['departmentSource']),
  });
  const wageYear = payrollYear(
    context,
    data.timeRecords.map((r) => r.date),
  );
  const executionNumber = integerSetting(settings, 'executionNumber', 1);
  const deductionCode = integerSetting(settings, 'deductionCode', 0);
  return lines.map((line) => ({
    wageYear,
    executionNumber,
    line,
    base: 0,
    quantity: hoursToHundredths(line.hours),
    rate: line.rate ?? 0,
    deductionCode,
  }));
}

function checks(data: CompanyData, settings: FormatSettings): ExportIssue[] {
  const issues = checkTimeRecordCodes(data, { employeeDigits: true, wageDigits: true });
  const executionNumber = Number(settings['executionNumber']);
  if (!Number.isInteger(executionNumber) || executionNumber < 1)
    issues.push(invalidSettingIssue(vismaLonnInfo.settings, 'executionNumber', String(settings['executionNumber'])));
  const deductionCode = stringSetting(settings, 'deductionCode');
  if (!['0', '1', '2'].includes(deductionCode))
    issues.push(invalidSettingIssue(vismaLonnInfo.settings, 'deductionCode', deductionCode));
  return issues;
}

function build(data: CompanyData, settings: FormatSettings, context: ExportContext) {
  const encoding = encodingOf(settings, DEFAULT_ENCODING);
  const rows = vismaLonnRows(data, settings, context);
  const built = buildDelimited(vismaLonnLayout(encoding), rows, {
    // A summed row names its first record; the issue list is per record anyway.
    recordOf: (row) => ({ kind: 'timeRecord', key: row.line.recordIds[0]! }),
  });
  const hundredths = rows.reduce((sum, r) => sum + Math.round(r.quantity * 100), 0);
  const encoded = encodeFile({
    name: payrollFileName(FILE_PREFIX, context, 'csv'),
    mimeType: 'text/csv',
    text: built.text,
    encoding,
    lineRecords: built.lineRecords,
    recordCount: rows.length,
    controlTotals: {
      rows: rows.length,
      timeRecords: data.timeRecords.length,
      hours: hundredths / 100,
      [`amount ${data.company.currency}`]: rows.reduce((sum, r) => sum + r.line.amount, 0),
    },
  });
  return {
    files: encoded.file ? [encoded.file] : [],
    issues: [...built.issues, ...encoded.issues],
    report: [`${data.timeRecords.length} time records summed into ${rows.length} rows.`],
  };
}

export const vismaLonn = defineFormat({
  ...vismaLonnInfo,
  checks,
  build,
});
