/**
 * PAXml 2.2: the Swedish standard file from a time system into a payroll system (Crona, Fortnox
 * Lön, Kontek, MaxPA, Swelön, Hogia). Time records become time transactions (`tidtransaktioner`)
 * when their wage code maps to one of the standard time codes, else pay transactions
 * (`lonetransaktioner`) with the wage code as the receiver's own pay type (`lonart`).
 *
 * Spec: https://www.paxml.se/ (schemas http://www.paxml.se/2.0/paxml.xsd and …/2.2/paxml.xsd).
 * The 2.2 schema was not found in any stored corpus; the 2.0 schema ("Version 2.0 2012-12",
 * DataVara AB) was read in two public copies: github.com/blinfo/paxml4j `docs/paxml.xsd` and
 * github.com/pakomp/paxml `xml/paxml.xsd` (with its 2013-12-03 amendment "minOccurs=0 on the main
 * sections"). Rules taken from it:
 * - root `<paxml>` without a namespace; children in an `xs:all` (any order), `header` required;
 * - `headerTYPE`: `version` required; `format`, `datum` (xs:dateTime), `foretagorgnr` (at most 12
 *   characters), `foretagnamn`, `programnamn` optional;
 * - `tidtransTYPE` (attributes `anstid` or `persnr`): `tidkod` required (`tidkodTYPE`, an
 *   enumeration: SJK, SEM, VAB, … TID, ARB, MER, ÖT1–ÖT5, ÖK1–ÖK5, OB1–OB5, …), `datum`,
 *   `timmar` (xs:decimal), `resenheter`, `info` optional;
 * - `lonetransTYPE`: `lonart` (free text), `datum`, `antal`, `apris`, `belopp` (xs:decimal),
 *   `resenheter`, `info`, all optional;
 * - `resenhet dim="1..99" id="…"`; the PAXml example files use dim 1 = Kostnadsställe and
 *   dim 6 = Projekt (`PAXml 2.0.pax` in paxml4j).
 * Vendor notes (../shared/research/formats.md §6): `<format>LÖNIN</format>`, files in UTF-8 and
 * ISO-8859-1; only pay types set to "Antal+Apris" take `apris` (https://help.pp7.com/paxml/).
 *
 * Assumptions (constants or settings):
 * - Header: `format` `LÖNIN`, `version` setting `version` (default `2.2`; `2.0` for receivers that
 *   validate against the 2.0 schema, whose `version` enumeration holds only 2.0), `datum` = the
 *   export clock (local time, no zone), `foretagorgnr` = the company's org number when it fits
 *   12 characters, `foretagnamn`, `programnamn`.
 * - Time code: setting `timeCodes` maps wage codes to standard time codes (`100=TID; 120=ÖT1`);
 *   a wage code that is itself a standard code is used as is; anything else is a pay transaction.
 * - One transaction per time record, in record order, dated with `datum`; hours with 2 decimals
 *   (`.`), as `timmar` (time) or `antal` (pay). `anstid` = the employee number.
 * - Project as `resenhet dim="6"` (`PROJECT_DIMENSION`), the co-worker's department as
 *   `resenhet dim="1"` with setting `departmentDimension` (off by default). No `dimensioner` /
 *   `resultatenheter` sections: the receiver already knows its units.
 * - `apris` only with setting `writePayRate` and a pay rate (`payRateFor`), never the billing
 *   rate; then also `belopp` = hours (2 decimals) × rate.
 * - The record's comment goes to `info`.
 * - UTF-8 without BOM, XML declaration, two-space indentation, LF.
 *
 * Expenses (`paxml-expenses`, dataType claims): each claim item becomes a pay transaction
 * (`lonetrans`), since PAXml has no expense section of its own and `lonetransTYPE` carries
 * amounts and VAT (`belopp`, `moms`). PAXml defines no standard pay-type codes: `lonart` is the
 * receiver's own pay type ("free text" in the 2.0 schema), so it is a setting.
 * - `lonart`: setting `payTypes` (a mapping table: expense type → pay type), else the expense
 *   type's wage code; an item without one is a pre-flight error.
 * - `datum` = the item's (receipt) date; `antal` 1.00, `apris` = `belopp` = the item's gross
 *   amount (`EXPENSE_QUANTITY`), so a pay type set to "Antal+Apris" and one set to "Belopp" read
 *   the same sum; `moms` = the item's VAT when not zero (2 decimals, `.`).
 * - `info` = the item's description; project and department as for time records.
 * - One transaction per item, in claim order then item order; the claim checks are the shared
 *   payroll ones (rejected claim: error; not approved: warning; foreign currency: error).
 * The 2.2 XSD is not stored anywhere we can reach (../shared/corpora has none); the elements are
 * checked against the 2.0 schema's `lonetransTYPE` in the tests, and the output's shape against
 * the public example files of github.com/blinfo/paxml4j (`src/test/resources/*.xml`), which use
 * the same header and `resenhet dim="6"` projects.
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
  checkClaimRecords,
  checkTimeRecordCodes,
  groupTimeRecords,
  hoursOf,
  payrollFileName,
  payrollIndex,
  timeRecordRef,
} from '../../kit/payroll-kit.ts';
import { issue } from '../../issues.ts';
import { paxmlExpensesInfo, paxmlInfo } from './info.ts';
import { parseCodeMapping } from '../../kit/code-mapping.ts';
import type { ClaimItem } from '../../../domain/types.ts';
import { invalidSettingIssue } from '../../kit/settings.ts';

export const FORMAT_NAME = 'LÖNIN';
export const PROJECT_DIMENSION = 6;
export const DEPARTMENT_DIMENSION = 1;
const ORG_NUMBER_MAX = 12;
const DATE_TIME = 'yyyy-MM-ddTHH:mm:ss';

/** `tidkodTYPE` of the PAXml 2.0 schema (see the header): the standard time codes. */
export const STANDARD_TIME_CODES: ReadonlySet<string> = new Set([
  ...['SJK', 'SJK_KAR', 'SJK_LÖN', 'SJK_ERS', 'SJK_PEN', 'ASK', 'HAV', 'FPE', 'VAB', 'SMB', 'UTB', 'MIL', 'SVE'],
  ...['NÄR', 'TJL', 'SEM', 'SEM_BET', 'SEM_SPA', 'SEM_OBE', 'SEM_FÖR', 'KOM', 'PEM', 'PER', 'FAC', 'ATK', 'KON'],
  ...['PAP', 'ATF', 'FLX', 'TID', 'ARB', 'MER', 'HLG', 'SKI'],
  ...['FR', 'TS', 'LT', 'NV'].flatMap((p) => Array.from({ length: 9 }, (_, i) => `${p}${i + 1}`)),
  ...['ÖT', 'ÖK', 'OB', 'OS'].flatMap((p) => Array.from({ length: 5 }, (_, i) => `${p}${i + 1}`)),
  ...['JR', 'JS', 'BE', 'BS', 'RE'].flatMap((p) => Array.from({ length: 3 }, (_, i) => `${p}${i + 1}`)),
  'RE4',
]);

/** Setting `timeCodes` (`100=TID; 120=ÖT1`): wage code → time code, and the entries that are not valid. */
export function timeCodeMap(settings: FormatSettings): { codes: Map<string, string>; invalid: string[] } {
  const codes = new Map<string, string>();
  const invalid: string[] = [];
  for (const part of stringSetting(settings, 'timeCodes').split(';')) {
    const entry = part.trim();
    if (entry === '') continue;
    const m = /^([^=]+)=(.+)$/.exec(entry);
    const code = m?.[2]!.trim().toUpperCase() ?? '';
    if (!m || !STANDARD_TIME_CODES.has(code)) invalid.push(entry);
    else codes.set(m[1]!.trim(), code);
  }
  return { codes, invalid };
}

function decimal(value: number): string {
  return formatQuantity(
    value,
    { type: 'quantity', decimals: 2, fixedDecimals: true, decimalSeparator: '.' },
    { field: 'timmar', issues: [] },
  );
}

function paxmlHeader(data: CompanyData, settings: FormatSettings, context: ExportContext): XmlElement {
  const orgNumber = data.company.orgNumber.trim();
  return el(
    'header',
    undefined,
    optionalText('format', FORMAT_NAME),
    optionalText('version', stringSetting(settings, 'version') || '2.2'),
    optionalText('datum', formatDate(context.now, DATE_TIME)),
    optionalText('foretagorgnr', orgNumber.length <= ORG_NUMBER_MAX ? orgNumber : ''),
    optionalText('foretagnamn', data.company.name),
    optionalText('programnamn', context.programName),
  );
}

function paxmlRoot(settings: FormatSettings, ...children: (XmlElement | undefined)[]): XmlElement {
  return el(
    'paxml',
    {
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:noNamespaceSchemaLocation': `http://www.paxml.se/${stringSetting(settings, 'version') || '2.2'}/paxml.xsd`,
    },
    children,
  );
}

export function paxmlDocument(data: CompanyData, settings: FormatSettings, context: ExportContext): XmlElement {
  const index = payrollIndex(data);
  const { codes } = timeCodeMap(settings);
  const withRates = booleanSetting(settings, 'writePayRate');
  const withDepartment = booleanSetting(settings, 'departmentDimension');
  const header = paxmlHeader(data, settings, context);
  const time: XmlElement[] = [];
  const pay: XmlElement[] = [];
  for (const record of data.timeRecords) {
    const line = groupTimeRecords([record], index, {
      byProject: true,
      departmentSource: withDepartment ? 'employee' : 'none',
      payRates: withRates,
    })[0]!;
    const units = [
      line.departmentNumber ? el('resenhet', { dim: DEPARTMENT_DIMENSION, id: line.departmentNumber }) : undefined,
      line.projectNumber ? el('resenhet', { dim: PROJECT_DIMENSION, id: line.projectNumber }) : undefined,
    ].filter((u): u is XmlElement => u !== undefined);
    const resenheter = units.length > 0 ? el('resenheter', undefined, units) : undefined;
    const hours = decimal(hoursOf(line.hours));
    const timeCode = codes.get(record.wageCode) ?? (STANDARD_TIME_CODES.has(record.wageCode) ? record.wageCode : '');
    if (timeCode)
      time.push(
        el(
          'tidtrans',
          { anstid: record.employeeNumber },
          optionalText('tidkod', timeCode),
          optionalText('datum', record.date),
          optionalText('timmar', hours),
          resenheter,
          optionalText('info', record.comment),
        ),
      );
    else
      pay.push(
        el(
          'lonetrans',
          { anstid: record.employeeNumber },
          optionalText('lonart', record.wageCode),
          optionalText('datum', record.date),
          optionalText('antal', hours),
          optionalText(
            'apris',
            line.rate === null ? '' : formatMinor(line.rate, { decimals: 2, decimalSeparator: '.' }),
          ),
          optionalText(
            'belopp',
            line.rate === null ? '' : formatMinor(line.amount, { decimals: 2, decimalSeparator: '.' }),
          ),
          resenheter,
          optionalText('info', record.comment),
        ),
      );
  }
  return paxmlRoot(
    settings,
    header,
    time.length > 0 ? el('tidtransaktioner', undefined, time) : undefined,
    pay.length > 0 ? el('lonetransaktioner', undefined, pay) : undefined,
  );
}

function checks(data: CompanyData, settings: FormatSettings, context: ExportContext): ExportIssue[] {
  const issues = checkTimeRecordCodes(data, { employeeDigits: false, wageDigits: false });
  for (const value of timeCodeMap(settings).invalid)
    issues.push(invalidSettingIssue(paxmlInfo.settings, 'timeCodes', value));
  const texts: [string, string, ExportIssue['record']][] = [
    [data.company.name, 'company name', { kind: 'company', key: data.company.name }],
    [context.programName, 'program name', undefined],
  ];
  for (const r of data.timeRecords) {
    const record = timeRecordRef(r);
    texts.push(
      [r.projectNumber, 'project number', record],
      [r.wageCode, 'wage code', record],
      [r.comment, 'comment', record],
    );
    texts.push([r.employeeNumber, 'employee number', record]);
  }
  for (const user of data.users)
    texts.push([user.departmentNumber, 'department', { kind: 'user', key: user.employeeNumber }]);
  for (const [value, label, record] of texts)
    if (invalidXmlCharacters(value).length > 0)
      issues.push(issue('error', 'invalid-xml-character', { label, value }, record));
  return issues;
}

function build(data: CompanyData, settings: FormatSettings, context: ExportContext) {
  const root = paxmlDocument(data, settings, context);
  const text = writeXml(root, { declaration: 'UTF-8', lineEnding: '\n' });
  const count = (name: string) =>
    (root.children ?? [])
      .filter((c): c is XmlElement => typeof c !== 'string' && c.name === name)
      .flatMap((c) => c.children ?? []).length;
  const hours = data.timeRecords.reduce((sum, r) => sum + Math.round(r.hours * 100), 0) / 100;
  const encoded = encodeFile({
    name: payrollFileName('PAXml', context, 'xml'),
    mimeType: 'application/xml',
    text,
    encoding: 'utf-8',
    recordCount: data.timeRecords.length,
    controlTotals: {
      timeTransactions: count('tidtransaktioner'),
      payTransactions: count('lonetransaktioner'),
      timeRecords: data.timeRecords.length,
      hours,
    },
  });
  return { files: encoded.file ? [encoded.file] : [], issues: encoded.issues, report: [] };
}

export const paxml = defineFormat({ ...paxmlInfo, checks, build });

/** Expenses: one `lonetrans` per claim item (see the header). */
export const EXPENSE_QUANTITY = 1;

/** Setting `payTypes` over the expense types' wage codes: the pay type of an item. */
export function payTypeOf(data: CompanyData, settings: FormatSettings): (item: ClaimItem) => string {
  const { map } = parseCodeMapping(stringSetting(settings, 'payTypes'));
  const wageCodes = new Map(data.expenseTypes.map((t) => [t.code, t.wageCode]));
  return (item) => map.get(item.expenseType) || wageCodes.get(item.expenseType) || '';
}

function money(value: number): string {
  return formatMinor(value, { decimals: 2, decimalSeparator: '.' });
}

export function paxmlExpensesDocument(data: CompanyData, settings: FormatSettings, context: ExportContext): XmlElement {
  const index = payrollIndex(data);
  const payType = payTypeOf(data, settings);
  const withDepartment = booleanSetting(settings, 'departmentDimension');
  const pay = data.claims.flatMap((claim) => {
    const department = withDepartment ? (index.user(claim.employeeNumber)?.departmentNumber ?? '') : '';
    return claim.items.map((item) => {
      const units = [
        department ? el('resenhet', { dim: DEPARTMENT_DIMENSION, id: department }) : undefined,
        item.projectNumber ? el('resenhet', { dim: PROJECT_DIMENSION, id: item.projectNumber }) : undefined,
      ].filter((u): u is XmlElement => u !== undefined);
      return el(
        'lonetrans',
        { anstid: claim.employeeNumber },
        optionalText('lonart', payType(item)),
        optionalText('datum', item.date),
        optionalText('antal', decimal(EXPENSE_QUANTITY)),
        optionalText('apris', money(item.amount)),
        optionalText('belopp', money(item.amount)),
        optionalText('moms', item.vatAmount === 0 ? '' : money(item.vatAmount)),
        units.length > 0 ? el('resenheter', undefined, units) : undefined,
        optionalText('info', item.description),
      );
    });
  });
  return paxmlRoot(
    settings,
    paxmlHeader(data, settings, context),
    pay.length > 0 ? el('lonetransaktioner', undefined, pay) : undefined,
  );
}

function expenseChecks(data: CompanyData, settings: FormatSettings, context: ExportContext): ExportIssue[] {
  const payType = payTypeOf(data, settings);
  const issues = checkClaimRecords(data, { employeeDigits: false, wageDigits: false, wageCodeOf: payType });
  for (const entry of parseCodeMapping(stringSetting(settings, 'payTypes')).invalid)
    issues.push(invalidSettingIssue(paxmlExpensesInfo.settings, 'payTypes', entry));
  const texts: [string, string, ExportIssue['record']][] = [
    [data.company.name, 'company name', { kind: 'company', key: data.company.name }],
    [context.programName, 'program name', undefined],
  ];
  for (const claim of data.claims) {
    const record = { kind: 'claim' as const, key: claim.claimNumber };
    texts.push([claim.employeeNumber, 'employee number', record]);
    for (const item of claim.items)
      texts.push(
        [item.description, 'description', record],
        [item.projectNumber, 'project number', record],
        [payType(item), 'pay type', record],
      );
  }
  for (const [value, label, record] of texts)
    if (invalidXmlCharacters(value).length > 0)
      issues.push(issue('error', 'invalid-xml-character', { label, value }, record));
  return issues;
}

function buildExpenses(data: CompanyData, settings: FormatSettings, context: ExportContext) {
  const root = paxmlExpensesDocument(data, settings, context);
  const items = data.claims.flatMap((c) => c.items);
  const encoded = encodeFile({
    name: payrollFileName('PAXml_utlagg', context, 'xml'),
    mimeType: 'application/xml',
    text: writeXml(root, { declaration: 'UTF-8', lineEnding: '\n' }),
    encoding: 'utf-8',
    recordCount: items.length,
    controlTotals: {
      claims: data.claims.length,
      payTransactions: items.length,
      [`amount ${data.company.currency}`]: items.reduce((sum, i) => sum + i.amount, 0),
    },
  });
  return { files: encoded.file ? [encoded.file] : [], issues: encoded.issues, report: [] };
}

export const paxmlExpenses = defineFormat({ ...paxmlExpensesInfo, checks: expenseChecks, build: buildExpenses });
