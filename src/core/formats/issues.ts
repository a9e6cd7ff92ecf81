/**
 * The one vocabulary of export issues: every issue `src/core` reports is made by `issue()`, from a
 * code of `ISSUE_CODES` and the parameters its message is made of. Core holds no text: the UI
 * renders the code and parameters from its catalogue in the user's language (`issue.<code>` in
 * src/ui/messages.ts and src/ui/i18n/, rendered by src/ui/i18n/issue-text.ts; the CLI in English).
 *
 * A code names one condition, whoever finds it (a format's checks, the ledger check, a file
 * builder, a template). A new code is added here and, with its English message and the names of
 * its parameters, as `issue.<code>` in src/ui/messages.ts (the test of the catalogue fails until it
 * is).
 */
import type { ExportIssue, IssueSeverity } from './types.ts';

/** The values a message is made of: record keys, fields, values, limits. Flat, for translation. */
export type IssueParams = Readonly<Record<string, string | number>>;

export const ISSUE_CODES = [
  'nothing-to-export',
  'no-files',
  'invalid-setting',
  'setting-unknown',
  'setting-required',
  'setting-not-boolean',
  'setting-not-whole-number',
  'setting-below-minimum',
  'setting-above-maximum',
  'setting-not-a-choice',
  'setting-not-text',
  'setting-too-long',
  'setting-invalid-form',
  'missing-setting',
  'missing-invoice-number',
  'duplicate-invoice-number',
  'non-numeric-invoice-number',
  'empty-invoice',
  'credit-without-reference',
  'unknown-customer',
  'non-numeric-customer-number',
  'missing-account',
  'unknown-vat-code',
  'missing-description',
  'unknown-account',
  'missing-vat-account',
  'unknown-vat-account',
  'missing-receivable-account',
  'unknown-receivable-account',
  'xero-tax-type-unmapped',
  'missing-exchange-rate',
  'missing-employeeNumber',
  'missing-wageCode',
  'missing-number',
  'non-numeric-employeeNumber',
  'non-numeric-wageCode',
  'non-numeric-number',
  'unknown-employee',
  'invalid-hours',
  'non-ascii-character',
  'invalid-xml-character',
  'rejected-claim',
  'claim-not-approved',
  'empty-claim',
  'unknown-expense-type',
  'foreign-currency-claim',
  'missing-due-date',
  'credited-invoice-not-written',
  'missing-orgNumber',
  'missing-name',
  'missing-addressLine1',
  'missing-postalCode',
  'missing-city',
  'phone-left-out',
  'postcode-moved-to-place',
  'name-starts-with-company-form',
  'unknown-country',
  'truncated',
  'too-long',
  'line-break-replaced',
  'control-character-replaced',
  'not-an-amount',
  'not-a-date',
  'not-an-integer',
  'not-a-number',
  'unquotable-field',
  'bad-layout',
  'separator-replaced',
  'bad-replacement',
  'payment-terms-unmapped',
  'record-length',
  'unencodable-character',
  'template-error',
  'template-value-missing',
  'template-limit',
  'template-rows-without-lines',
  'template-invalid',
  'template-unknown-field',
  'template-unknown-variable',
  'no-company',
  'quote-replaced',
  'non-numeric-dimension',
  'already-exported',
  'saft-missing-grouping-code',
  'saft-missing-standard-tax-code',
  'saft-missing-org-number',
  'saft-missing-contact-person',
  'ehf-no-peppol-id',
  'ehf-invalid-peppol-id',
  'ehf-missing-reference',
  'ehf-missing-bank-account',
  'ehf-seller-org-number',
  'ehf-seller-not-norwegian',
  'ehf-not-vat-registered',
  'file-name-empty',
  'file-name-too-long',
  'file-name-separator',
  'file-name-dot-segment',
  'file-name-control-character',
  'file-name-character',
  'file-name-edge',
  'file-name-reserved',
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

/** Makes an issue: the one way `src/core` reports one. */
export function issue(
  severity: IssueSeverity,
  code: IssueCode,
  params: IssueParams = {},
  record?: ExportIssue['record'],
  field?: string,
): ExportIssue {
  const out: ExportIssue = { severity, code, params };
  if (record) out.record = record;
  if (field) out.field = field;
  return out;
}

/**
 * The issues with each condition once, in first-seen order. One condition is one severity, code,
 * record, field and set of parameters, and the message of issues made outside `src/core` (which
 * may carry no parameters). The export run meets the same condition twice when
 * pre-flight and generation both report it (built-in formats report every pre-flight issue again
 * from generate).
 */
export function uniqueIssues(issues: readonly ExportIssue[]): ExportIssue[] {
  // The same object seen twice is the common case (generate hands back pre-flight's own issues).
  // Others are looked up by their code and record key, strings each issue already holds, and
  // compared field by field: a 1M-record export may warn per record, and a key string per issue costs more.
  const seenObjects = new Set<ExportIssue>();
  const byCode = new Map<string, Map<string, ExportIssue[]>>();
  const out: ExportIssue[] = [];
  for (const found of issues) {
    if (seenObjects.has(found)) continue;
    seenObjects.add(found);
    let byRecord = byCode.get(found.code);
    if (!byRecord) byCode.set(found.code, (byRecord = new Map()));
    const recordKey = found.record?.key ?? '';
    const same = byRecord.get(recordKey);
    if (same?.some((earlier) => sameCondition(earlier, found))) continue;
    if (same) same.push(found);
    else byRecord.set(recordKey, [found]);
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
    a.message === b.message &&
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
