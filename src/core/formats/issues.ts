/**
 * The one vocabulary of export issues: every issue `src/core` reports is made by `issue()`,
 * from a code of `ISSUE_MESSAGES` and the parameters its message is made of. The English
 * `message` is filled in here from the catalogue, so that the UI can later render the same
 * code and parameters from an nb or sv catalogue instead (issue 18).
 *
 * A code names one condition, whoever finds it (a format's checks, the ledger check, a file
 * builder, a template). Template syntax:
 * - `{name}`: the parameter `name`. Three names are filled from the issue itself rather than from
 *   `params`: `{record}` is the issue's record as `<kind> <key>` (e.g. `invoice 1001`), `{field}`
 *   the issue's field, and `{at}` both (`invoice 1001, Description`), or whichever is there.
 * - `[...]`: an optional part, written only when every placeholder in it has a value (e.g. the
 *   record a builder names when the line has one).
 */
import type { ExportIssue, IssueSeverity } from './types.ts';

/** The values a message is made of: record keys, fields, values, limits. Flat, for translation. */
export type IssueParams = Readonly<Record<string, string | number>>;

/**
 * English message per code. The comment above a group says who reports it; placeholders are
 * the parameters each code is given.
 */
export const ISSUE_MESSAGES = {
  // The export run (pipeline).
  'nothing-to-export': 'There is nothing to export for this selection.',
  /** The commit found an invoice of the run already exported, by another tab or window (src/db/export-store.ts). */
  'already-exported':
    'Invoice {invoice} is no longer waiting for export: another tab or window has just exported it. Nothing was changed; open the export again.',
  'no-files': 'The format produced no file.',
  /** `expected`: a short notation or example of a valid value, e.g. `EUR=11.49`. */
  'invalid-setting': '{setting} "{value}" is not valid; expected {expected}.',
  /** Reported by the registry's check of a value against its setting definition; `problem` is its text. */
  'setting-error': 'Setting {setting}: {problem}',
  'missing-setting': 'The setting "{setting}" is not set; this format needs it.',

  // Invoice records, every invoice format and invoice template (ledger/invoice-checks.ts).
  'missing-invoice-number': 'Invoice {invoice} has no invoice number (is it still a draft?).',
  'duplicate-invoice-number': 'Invoice number {invoice} occurs twice in the export.',
  'non-numeric-invoice-number': 'Invoice number {invoice} must be at most {digits} digits for this format.',
  'empty-invoice': 'Invoice {invoice} has no lines.',
  'credit-without-reference': 'Credit note {invoice} does not say which invoice it credits.',
  'unknown-customer': 'Invoice {invoice}: customer "{customer}" does not exist.',
  'non-numeric-customer-number': 'Customer number "{customer}" must be at most {digits} digits for this format.',
  'missing-account': 'Invoice {invoice}, line {line} has no account.',
  'unknown-vat-code': 'Invoice {invoice}, line {line}: VAT code "{vatCode}" does not exist.',
  'missing-description': 'Invoice {invoice}, line {line} has no description (the format requires one).',
  // Ledger formats (ledger/invoice-ledger.ts) and SG Finans.
  'unknown-account':
    '[Invoice {invoice}, line {line}: ][Customer {customer}: ledger ]account {account} is not in the chart of accounts.',
  'missing-vat-account': 'VAT code {vatCode} ({rate} %) has no VAT account.',
  'unknown-vat-account': 'VAT code {vatCode}: its VAT account {account} is not in the chart of accounts.',
  'missing-receivable-account':
    'No receivable account: the chart of accounts has neither 1500 nor 1510, and no account is marked as customer receivables. Set "Receivable (customer ledger) account" in the export settings, or add the account to the chart.',
  'unknown-receivable-account':
    'The receivable account {account} (export settings) is not in the chart of accounts. Add it to the chart, or change "Receivable (customer ledger) account".',
  /** Xero (systems/xero): `suggestions` are `code=Name` examples; `invoice` is the first document using the code. */
  'xero-tax-type-unmapped':
    'VAT code {vatCode} ({rate} %, first used on invoice {invoice}) has no Xero tax rate. Add it to "Xero tax rate per VAT code" with the tax rate\'s display name exactly as in your Xero organisation. Suggestions (they must match your Xero organisation exactly): {suggestions}.',
  // SAF-T Financial (systems/saft): the registers SAF-T needs filled in; `used`: posted to in this file.
  'saft-missing-grouping-code':
    'Account {account} ({name}) has no SAF-T grouping category and code[; {used}]. Set them on the account.',
  'saft-missing-standard-tax-code':
    'VAT code {vatCode} ({rate} %) has no SAF-T standard tax code[; {used}]. Set it on the VAT code.',
  'saft-missing-org-number': 'The company has no organisation number; SAF-T names the company by it.',
  'saft-missing-contact-person':
    "The company has no contact person; SAF-T's header needs one (first and last name). Set it on the company.",
  'missing-exchange-rate':
    'Invoice {invoice} is in {currency}; add an exchange rate for {currency} in the export settings (the file is written in {companyCurrency}).',

  // Identifiers of payroll and factoring files (kit/payroll-kit.ts `checkCode`).
  'missing-employeeNumber': '{record}: the employee number is missing.',
  'missing-wageCode': '{record}[, item {item} ({expenseType})]: the wage code is missing.',
  'missing-number': '{record}: the number is missing.',
  'non-numeric-employeeNumber': '{record}: employee number "{value}" must be digits only.',
  'non-numeric-wageCode': '{record}[, item {item} ({expenseType})]: wage code "{value}" must be digits only.',
  'non-numeric-number': '{record}: number "{value}" must be digits only.',
  // Payroll.
  'unknown-employee': '{record}: no co-worker has employee number "{employee}"; the department is left empty.',
  'invalid-hours': '{record}: hours are not a number.',
  'non-ascii-character':
    '[{record}: ]"{char}" ({codePoint}) cannot be written in the {file} file, which is plain ASCII (line {line}). Change the number or name so it holds only A–Z, 0–9 and punctuation.',
  'invalid-xml-character': 'The {label} "{value}" holds characters XML cannot carry (control characters).',
  'rejected-claim': 'Claim {claim} was rejected and must not be paid out.',
  'claim-not-approved': 'Claim {claim} is not approved yet ({status}).',
  'empty-claim': 'Claim {claim} has no items.',
  'unknown-expense-type': 'Claim {claim}, item {item}: expense type "{expenseType}" does not exist.',
  'foreign-currency-claim':
    'Claim {claim}, item {item} ({expenseType}): the amount is in {currency}; payroll pays {companyCurrency}. Enter the item in {companyCurrency}.',

  // SG Finans (factoring).
  'missing-due-date': 'Invoice {invoice} has no due date.',
  'credited-invoice-not-written':
    'Credit note {invoice}: the credited invoice number "{credited}" does not fit the {digits} digits of field F8 and is left out; tell SG Finans which invoice it credits.',
  'missing-orgNumber': 'Customer {customer}: the organisation number is required for this export.',
  'missing-name': 'Customer {customer}: the name is required for this export.',
  'missing-addressLine1': 'Customer {customer}: the address is required for this export.',
  'missing-postalCode': 'Customer {customer}: the postcode is required for this export.',
  'missing-city': 'Customer {customer}: the place is required for this export.',
  'phone-left-out':
    'Customer {customer}: the phone number "{phone}" does not fit the {width} characters of K12 even without spaces and punctuation (digits and a leading + only); it is left out rather than cut.',
  'postcode-moved-to-place':
    'Customer {customer}: the postcode "{postcode}" does not fit the {width} characters of K9; it is written in front of the place instead.',
  'name-starts-with-company-form':
    'Customer {customer}: SG Finans asks that the name does not start with the company form (write "Byggmester AS", not "AS Byggmester").',
  'unknown-country': 'Customer {customer}: country "{country}" has no numeric code in this format\'s table ({known}).',

  // EHF / PEPPOL BIS Billing 3.0 (systems/ehf).
  'ehf-no-peppol-id':
    'Invoice {invoice}: customer {customer} has no PEPPOL id, so the invoice is not sent as EHF (left out of this export).',
  /** `problem`: what is wrong, e.g. "not scheme:identifier". */
  'ehf-invalid-peppol-id': 'Customer {customer}: PEPPOL id "{value}" is {problem} (expected e.g. 0192:923456783).',
  'ehf-missing-reference':
    'Invoice {invoice}: EHF needs a buyer reference or an order reference; give customer {customer} a buyer reference, or the invoice an order reference.',
  'ehf-missing-bank-account': 'The company has no bank account; EHF invoices name the account to pay to.',
  'ehf-seller-org-number':
    'The company\'s organisation number "{orgNumber}" is not a valid Norwegian one (EHF NO-R-001).',
  'ehf-seller-not-norwegian': 'EHF export is for Norwegian companies; this company is in "{country}".',
  'ehf-not-vat-registered': 'EHF export is for VAT-registered companies; this company is marked as not registered.',

  // File builders (formats/builders/) and templates.
  /** Cut by a builder's length limit or a template's `fit` filter (which names the output position). */
  truncated:
    '[{at}: ]"{value}" is longer than {limit} characters and was cut to "{cut}"[ (output line {outputLine}, column {outputColumn})].',
  'too-long': '{at}: "{value}" is longer than the {limit} characters the format allows.',
  'line-break-replaced': '{at}: line breaks or tabs were replaced by spaces.',
  /** SIE fields (tagged-text builder, or a template's `sie` filter, which names the output line). */
  'control-character-replaced':
    '[{at}: ]line breaks or control characters in "{value}" were replaced by spaces[ (output line {outputLine})].',
  'not-an-amount': '{at}: {value} is not an amount in minor units.',
  'not-a-date': '{at}: {value} is not an ISO date.',
  'not-an-integer': '{at}: {value} is not a whole number.',
  'not-a-number': '{at}: {value} is not a number.',
  /** `problem`: what the delimited builder found, e.g. "holds the delimiter but quoting is off". */
  'unquotable-field': '{at}: "{value}" {problem}.',
  'bad-layout': 'Fixed-width layout: {problem}.',
  /** A value holding the delimiter (or a quote, a line break) in a file without quoting (builders/delimited.ts). */
  'separator-replaced':
    '{at}: "{value}" was written as "{written}" ({replaced}): the format has no quoting, so its reader splits every line on "{delimiter}".',
  /** `problem`: what is wrong with a layout's replacements, e.g. a replacement that holds the delimiter. */
  'bad-replacement': 'Delimited layout: {problem}',
  // GBAT10 and Xledger AR10 column 25 (Z).
  'payment-terms-unmapped':
    'Payment terms left empty (Mamut column 25 = Z) for {days} days: the column holds a code from your {system} standard values, not days; map days to codes under Payment terms codes (e.g. "14=2; 30=3").',
  'record-length': 'Record {index}[ ({record})] is {length} characters long instead of {expected}.',
  'unencodable-character':
    '[{record}: ]"{char}" ({codePoint}) cannot be written in {encoding} (line {line}, column {column})[: {hint}].',

  // Templates (templates/).
  /** `problem`: the Liquid engine's or the SIE checksum's own text. */
  'template-error': '[Template line {line}, column {column}: ]{problem}',
  /** A template's `required` filter met a blank value; `problem` is the template's own text. */
  'template-value-missing': '[{record}: ]{problem}',
  'template-limit':
    'Stopped: the output grew past the limit of {limit} bytes (outputBytes)[; the file is {size} bytes].',
  'template-rows-without-lines': 'The data type {dataType} has no invoice lines to write one line per item of.',
  /** `problem`: what the template file reader found wrong with the template (templates/portable.ts). */
  'template-invalid': '{problem}',
  /** A layout column's `field` is no field of the rows (templates/known-fields.ts): it would write an empty column. */
  'template-unknown-field': 'Column {column} "{header}": {path}: unknown field[; did you mean {suggestion}?]',
  /** A Liquid path under a known variable that no data type defines (templates/check.ts); `index`: a layout column. */
  'template-unknown-variable':
    '[Template line {line}, column {column}: ][Column {index} "{header}", Liquid column {column}: ]{path}: unknown field[; did you mean {suggestion}?]',
  // Test template (templates/editor-tools.ts).
  'no-company': 'There is no company in this browser: test on the demo company instead.',

  // File and ZIP entry names from data (export/file-names.ts): a template's pattern and extension, a bundle's entries.
  'file-name-empty': 'The file name is empty.',
  'file-name-too-long': 'The file name or extension "{value}" is longer than {limit} characters.',
  'file-name-separator':
    'The file name or extension "{value}" holds "{char}": a file name cannot point into another folder.',
  'file-name-dot-segment':
    'The file name or extension "{value}" starts with a dot or holds "..": a file name cannot point into another folder or be hidden.',
  'file-name-control-character': 'The file name or extension "{value}" holds the control character {codePoint}.',
  'file-name-character':
    'The file name or extension "{value}" holds "{char}"; file names may hold letters, digits, space and . _ - ( ) [ ] + , = & # @ ! ~ \' (extensions: letters, digits, _ - and .).',
  'file-name-edge': 'The file name "{value}" starts with a space or ends with a dot or a space, which Windows drops.',
  'file-name-reserved': 'The file name "{value}" is {reserved}, a device name Windows reserves.',

  // Visma Scenario, Visma Business, Visma DI, Visma.net (systems/visma-*).
  /** A `"` inside a text that the format writes in quotes without a published escape rule (Visma Business). */
  'quote-replaced':
    '{at}: "{value}" was written as "{written}": {system} publishes no escape for a double quote inside a quoted text.',
  /** A dimension (department, project) written to a numeric field of the target system. */
  'non-numeric-dimension': '{at}: {dimension} "{value}" must be digits only for {system} field {target}.',
} as const satisfies Record<string, string>;

export type IssueCode = keyof typeof ISSUE_MESSAGES;

/** Names filled from the issue itself rather than from `params`. */
export const FROM_ISSUE = ['record', 'field', 'at'] as const;

/** `{placeholder}` names of a template, split into required ones and those in `[optional]` parts. */
export function placeholdersOf(template: string): { required: string[]; optional: string[] } {
  const optional = [...template.matchAll(/\[([^[\]]*)\]/g)].flatMap((m) => namesIn(m[1]!));
  const required = namesIn(template.replace(/\[[^[\]]*\]/g, ''));
  return { required, optional };
}

function namesIn(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/** The English message of a code with its parameters (and the issue's record and field). */
export function issueMessage(
  code: IssueCode,
  params: IssueParams,
  record?: ExportIssue['record'],
  field?: string,
): string {
  const recordText = record ? `${record.kind} ${record.key}` : undefined;
  const value = (name: string): string | undefined => {
    if (name === 'record') return recordText;
    if (name === 'field') return field || undefined;
    if (name === 'at') return recordText && field ? `${recordText}, ${field}` : recordText || field || undefined;
    const v = params[name];
    return v === undefined ? undefined : String(v);
  };
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (whole, name: string) => value(name) ?? whole);
  return fill(
    ISSUE_MESSAGES[code].replace(/\[([^[\]]*)\]/g, (_whole, part: string) =>
      namesIn(part).every((name) => value(name) !== undefined) ? part : '',
    ),
  );
}

/** Makes an issue: the one way `src/core` reports one. */
export function issue(
  severity: IssueSeverity,
  code: IssueCode,
  params: IssueParams = {},
  record?: ExportIssue['record'],
  field?: string,
): ExportIssue {
  const out: ExportIssue = { severity, code, params, message: issueMessage(code, params, record, field) };
  if (record) out.record = record;
  if (field) out.field = field;
  return out;
}

/**
 * The issues with each condition once, in first-seen order. One condition is one severity, code,
 * record, field and set of parameters; the message is part of the key only because issues made
 * outside `src/core` may carry no parameters. The export run meets the same condition twice when
 * pre-flight and generation both report it (built-in formats report every pre-flight issue again
 * from generate).
 */
export function uniqueIssues(issues: readonly ExportIssue[]): ExportIssue[] {
  // The same object seen twice is the common case (generate hands back pre-flight's own issues).
  // Others are looked up by their message, a string each issue already holds, and compared field
  // by field: a 1M-record export may warn per record, and a key string per issue costs more.
  const seenObjects = new Set<ExportIssue>();
  const byMessage = new Map<string, ExportIssue[]>();
  const out: ExportIssue[] = [];
  for (const found of issues) {
    if (seenObjects.has(found)) continue;
    seenObjects.add(found);
    const same = byMessage.get(found.message);
    if (same?.some((earlier) => sameCondition(earlier, found))) continue;
    if (same) same.push(found);
    else byMessage.set(found.message, [found]);
    out.push(found);
  }
  return out;
}

function sameCondition(a: ExportIssue, b: ExportIssue): boolean {
  return (
    a.severity === b.severity &&
    a.code === b.code &&
    a.record?.kind === b.record?.kind &&
    a.record?.key === b.record?.key &&
    a.field === b.field &&
    sameParams(a.params, b.params)
  );
}

function sameParams(a: ExportIssue['params'], b: ExportIssue['params']): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const names = Object.keys(a);
  return names.length === Object.keys(b).length && names.every((name) => a[name] === b[name]);
}

/**
 * Whether the message already names the issue's record (most do: "Invoice 1001 has no lines"), so
 * that a list showing the record beside the message does not say it twice.
 */
export function issueNamesItsRecord(found: ExportIssue): boolean {
  return found.record !== undefined && found.message.includes(found.record.key);
}

/** The issue as one line of text: its record (and field) first, unless the message names the record. */
export function issueText(found: ExportIssue): string {
  const more = found.moreLikeThis ? ` (and ${found.moreLikeThis} more like this)` : '';
  if (!found.record || issueNamesItsRecord(found)) return found.message + more;
  return `${found.record.kind} ${found.record.key}${found.field ? `, ${found.field}` : ''}: ${found.message}${more}`;
}

/**
 * How many issues of one severity and code a run lists one by one. Visma Scenario over 100k
 * invoice lines warns 177,718 times (140,758 `truncated`, 36,960 `separator-replaced`); the
 * first hundred of each show what to fix, and the count says how much more there is.
 */
export const ISSUES_LISTED_PER_CODE = 100;

/**
 * The first `limit` issues of each severity and code, in first-seen order; the last one listed
 * of a code carries the count of those left out (`moreLikeThis`). Errors are capped as well:
 * the run stays blocked, since at least one error of each code remains. Applied once, where a
 * plan's or a run's issues leave the pipeline for the page or the terminal (`planResponse`,
 * `generateExport`), to a full list: a capped list capped again would not know what it lost.
 */
export function capRepeatedIssues(issues: readonly ExportIssue[], limit = ISSUES_LISTED_PER_CODE): ExportIssue[] {
  const listed = new Map<string, { count: number; lastIndex: number }>();
  const out: ExportIssue[] = [];
  for (const found of issues) {
    const key = `${found.severity} ${found.code}`;
    const seen = listed.get(key);
    if (!seen) {
      listed.set(key, { count: 1, lastIndex: out.push(found) - 1 });
    } else if (seen.count < limit) {
      seen.count++;
      seen.lastIndex = out.push(found) - 1;
    } else {
      seen.count++;
    }
  }
  for (const { count, lastIndex } of listed.values()) {
    const last = out[lastIndex]!;
    if (count > limit) out[lastIndex] = { ...last, moreLikeThis: count - limit };
  }
  return out;
}
