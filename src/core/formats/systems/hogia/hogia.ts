/**
 * Hogia Lön "PA" XML (Hogia's own pay-instruction file, not PAXml): hours as pay-type
 * instructions.
 *
 * Spec: Moment's page https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/wage-system/hogia
 * (field list: FileInfo companyName, softwareProduct, createdBy, createdDate; PayTypeInstructions
 * employeeId, payTypeCode `L`/`A`, payTypeId, quantity, amount, periodStartDate, periodEndDate,
 * costCentre), summarised in ../shared/research/moment-exports.md §6.1. Hogia's XSD is not
 * public.
 *
 * Element names and order: from the public PHP library `JGI\Hogia` (`Generator.php`, found by
 * code search; repository not resolved), the only code evidence of a file Hogia reads:
 * root `<PayRoll xmlns="http://www.hogia.se/XMLSchemas/pa">`; `<FileInfo>` with companyName,
 * softwareProduct, createdBy, createdDate (then message); then one `<PayTypeInstruction>` per
 * instruction, directly under the root, with children in this order: employmentId, payTypeCode,
 * payTypeId, quantity, project, note, periodStartDate, periodEndDate, periodStartTime,
 * periodEndTime, costCentre, extent, childName, costUnit, amount, price, personalIdentityNumber.
 * Where Moment's names differ ("employeeId", "PayTypeInstructions") the library's are used.
 *
 * Assumptions:
 * - Written here: employmentId (the employee number), payTypeCode `L` (`PAY_TYPE_CODE`: a wage
 *   type; `A` would be absence, which time records are not), payTypeId (the wage code), quantity
 *   (hours, 2 decimals, `.`), project (left out when empty), periodStartDate / periodEndDate
 *   (`yyyy-MM-dd`), costCentre (setting `costCentre`: the co-worker's department, or none; left
 *   out when empty). Like the library, optional elements without a value are left out.
 * - Pay rate (issue 12, item 6): by default no `amount` and no `price` for hours, so Hogia prices
 *   them with the employee's own pay. Moment's page has no rate field for hours: "quantity |
 *   Quantity of hours/expenses etc.", "amount | When needed to include an amount (e.g.
 *   expenses)". The PAXml analogue does the same: only wage types marked "Antal+Apris till lön"
 *   send `apris`, otherwise only the quantity goes over (https://help.pp7.com/paxml/). Setting
 *   `writePayRate` (off by default) writes `price` (the library's element, after costCentre) for
 *   instructions that have a pay rate: the record's `payRate`, else the co-worker's default for
 *   the wage code (`payRateFor` in payroll-kit.ts), never the billing rate; `.` and 2 decimals.
 *   Instructions without a pay rate still get no price. With the setting off, summed instructions
 *   are not kept apart by pay rate (the file shows none).
 * - Instructions: setting `grouping`: `record` (default) = one per time record, start = end = the
 *   record's date; `period` = hours summed per employee, wage code, project and cost centre, with
 *   the export period's first and last day.
 * - createdDate: date only (`yyyy-MM-dd`), as the library writes it (Moment says "date and time").
 *   createdBy: setting `createdBy`, default empty = the program name and version.
 *   softwareProduct: the program name (`context.programName`). companyName: the company's name.
 *   No `message`. No `xmlns:xsi` (no xsi attribute is used).
 * - UTF-8 without BOM, XML declaration, two-space indentation, LF line ends.
 * - Empty wage codes or employee numbers are pre-flight errors naming the record; codes are not
 *   restricted to digits (Hogia pay type ids and employment ids are text in the library).
 */
import { formatDate } from '../../../domain/dates.ts';
import { formatMinor } from '../../../domain/money.ts';
import type { CompanyData } from '../../../domain/types.ts';
import { encodeFile } from '../../builders/encode-file.ts';
import { formatQuantity } from '../../builders/field-format.ts';
import { el, invalidXmlCharacters, optionalText, writeXml, type XmlElement } from '../../builders/xml.ts';
import type { ExportContext, ExportIssue, FormatSettings } from '../../types.ts';
import { booleanSetting, defineFormat, stringSetting } from '../../kit/format-kit.ts';
import {
  checkTimeRecordCodes,
  groupTimeRecords,
  hoursOf,
  payrollFileName,
  payrollIndex,
  payrollPeriod,
  type PayrollLine,
} from '../../kit/payroll-kit.ts';
import { issue } from '../../issues.ts';
import { hogiaInfo } from './info.ts';

export const HOGIA_NAMESPACE = 'http://www.hogia.se/XMLSchemas/pa';
export const PAY_TYPE_CODE = 'L';
const DATE_PATTERN = 'yyyy-MM-dd';

function quantityText(hours: bigint): string {
  return formatQuantity(
    hoursOf(hours),
    { type: 'quantity', decimals: 2, fixedDecimals: true, decimalSeparator: '.' },
    { field: 'quantity', issues: [] },
  );
}

/** The payroll lines of the export: one per record, or summed over the period. */
export function hogiaLines(data: CompanyData, settings: FormatSettings, context: ExportContext): PayrollLine[] {
  const departmentSource = stringSetting(settings, 'costCentre') === 'employee-department' ? 'employee' : 'none';
  const index = payrollIndex(data);
  const options = { byProject: true, departmentSource, payRates: booleanSetting(settings, 'writePayRate') } as const;
  if (stringSetting(settings, 'grouping') === 'period') {
    const period = payrollPeriod(
      context,
      data.timeRecords.map((r) => r.date),
    );
    return groupTimeRecords(data.timeRecords, index, options).map((line) => ({
      ...line,
      firstDate: period.from,
      lastDate: period.to,
    }));
  }
  // One line per record, in the order the records are given.
  return data.timeRecords.map((r) => groupTimeRecords([r], index, options)[0]!);
}

export function hogiaDocument(data: CompanyData, settings: FormatSettings, context: ExportContext): XmlElement {
  const createdBy = stringSetting(settings, 'createdBy') || `${context.programName} ${context.programVersion}`.trim();
  const fileInfo = el(
    'FileInfo',
    undefined,
    optionalText('companyName', data.company.name),
    optionalText('softwareProduct', context.programName),
    optionalText('createdBy', createdBy),
    optionalText('createdDate', formatDate(context.now, DATE_PATTERN)),
  );
  const instructions = hogiaLines(data, settings, context).map((line) =>
    el(
      'PayTypeInstruction',
      undefined,
      optionalText('employmentId', line.employeeNumber),
      optionalText('payTypeCode', PAY_TYPE_CODE),
      optionalText('payTypeId', line.wageCode),
      optionalText('quantity', quantityText(line.hours)),
      optionalText('project', line.projectNumber),
      optionalText('periodStartDate', formatDate(line.firstDate, DATE_PATTERN)),
      optionalText('periodEndDate', formatDate(line.lastDate, DATE_PATTERN)),
      optionalText('costCentre', line.departmentNumber),
      optionalText('price', line.rate === null ? '' : formatMinor(line.rate, { decimals: 2, decimalSeparator: '.' })),
    ),
  );
  return el('PayRoll', { xmlns: HOGIA_NAMESPACE }, fileInfo, instructions);
}

function checks(data: CompanyData, settings: FormatSettings, context: ExportContext): ExportIssue[] {
  const issues = checkTimeRecordCodes(data, { employeeDigits: false, wageDigits: false });
  const texts: [string, string, ExportIssue['record']][] = [
    [data.company.name, 'company name', { kind: 'company', key: data.company.name }],
    [stringSetting(settings, 'createdBy'), 'created by', undefined],
    [context.programName, 'program name', undefined],
  ];
  for (const r of data.timeRecords) {
    const record = { kind: 'timeRecord' as const, key: r.id };
    texts.push(
      [r.projectNumber, 'project number', record],
      [r.wageCode, 'wage code', record],
      [r.employeeNumber, 'employee number', record],
    );
  }
  for (const user of data.users)
    texts.push([user.departmentNumber, 'department', { kind: 'user', key: user.employeeNumber }]);
  for (const [value, label, record] of texts) {
    const bad = invalidXmlCharacters(value);
    if (bad.length === 0) continue;
    issues.push(issue('error', 'invalid-xml-character', { label, value }, record));
  }
  return issues;
}

function build(data: CompanyData, settings: FormatSettings, context: ExportContext) {
  const root = hogiaDocument(data, settings, context);
  const text = writeXml(root, { declaration: 'UTF-8', lineEnding: '\n' });
  const instructionCount = root.children?.length ? root.children.length - 1 : 0;
  const hours = data.timeRecords.reduce((sum, r) => sum + Math.round(r.hours * 100), 0) / 100;
  const encoded = encodeFile({
    name: payrollFileName('Hogia', context, 'xml'),
    mimeType: 'application/xml',
    text,
    encoding: 'utf-8',
    recordCount: instructionCount,
    controlTotals: { instructions: instructionCount, timeRecords: data.timeRecords.length, hours },
  });
  return { files: encoded.file ? [encoded.file] : [], issues: encoded.issues, report: [] };
}

export const hogia = defineFormat({
  ...hogiaInfo,
  checks,
  build,
});
