/**
 * What the company-file reader refuses, as codes with parameters (issue 16): the UI and the CLI
 * show the English `message` filled in here from the catalogue, and a later nb/sv catalogue can
 * render the same code and parameters (as src/core/formats/issues.ts does for export issues).
 *
 * `path` names the first bad value the way a reader finds it in the file:
 * `invoices[12].lines[0].vatCode`. It is '' for problems of the file as a whole.
 */

/** English message per code. `{path}` is the issue's path; the other placeholders are its params. */
export const COMPANY_FILE_MESSAGES = {
  // The file as a whole.
  'not-json': 'Not a company file: the text is not valid JSON ({detail}).',
  'not-company-file': 'Not a company file: expected "format": "{format}".',
  'no-version': 'The company file has no valid "version" number.',
  'newer-version':
    'This company file is version {version}, made by a newer Exportdesk; this one reads up to version {supported}. Update the app and try again.',
  'missing-company': '"company" is missing or not an object.',
  'missing-list': '"{section}" is missing or not a list.',
  'not-list-of-objects': '"{section}" must be a list of objects.',
  'not-object': '{path} is not an object.',
  // Shapes: the field holds the wrong kind of value. `got` is the value as JSON, cut to 40 characters.
  'not-text': '{path}: must be text (got {got}).',
  'not-number': '{path}: must be a number (got {got}).',
  'not-whole-number': '{path}: must be a whole number (got {got}).',
  'not-minor': '{path}: must be a whole number of minor units (øre/cents) (got {got}).',
  'not-minor-or-null': '{path}: must be a whole number of minor units or null (got {got}).',
  'not-minor-by-code':
    '{path}: must be an object of whole numbers of minor units by code, e.g. {"100": 35000} (got {got}).',
  'not-boolean': '{path}: must be true or false (got {got}).',
  'not-date': '{path}: must be a date YYYY-MM-DD (got {got}).',
  'not-date-or-empty': '{path}: must be a date YYYY-MM-DD or empty (got {got}).',
  'not-datetime-or-empty': '{path}: must be a date-time YYYY-MM-DDTHH:mm:ss or empty (got {got}).',
  'not-one-of': '{path}: must be one of {values} (got {got}).',
  'not-list': '{path}: must be a list (got {got}).',
  'not-base64': '{path}: must be the file bytes as base64 text.',
  // Uniqueness.
  'duplicate-key': '{path}: {key} {value} appears more than once.',
  'duplicate-invoice-number': '{path}: invoice number "{value}" is used by more than one invoice.',
  // References.
  'unknown-customer': '{path}: unknown customer "{value}".',
  'unknown-project': '{path}: unknown project "{value}".',
  'unknown-employee': '{path}: unknown co-worker (employee number) "{value}".',
  'unknown-account': '{path}: unknown account "{value}".',
  'unknown-vat-code': '{path}: unknown VAT code "{value}".',
  'unknown-expense-type': '{path}: unknown expense type "{value}".',
  'unknown-template': '{path}: unknown template "{value}".',
  'unknown-export-batch': '{path}: unknown export batch "{value}".',
  'account-role-taken': '{path}: the role {value} is also given to account {account}.',
  // Statuses that do not fit the record.
  'draft-with-export-status':
    '{path}: a draft cannot have been transferred ("{value}"); only a finalized invoice is exported.',
  'finalized-without-lines': '{path}: a finalized invoice must have at least one line.',
  'finalized-without-number': '{path}: a finalized invoice must have an invoice number.',
  // Ranges: products of values beyond safe integers.
  'amount-overflow':
    '{path}: {what} comes to more than the largest whole amount a number holds exactly (±9007199254740991 minor units).',
  // A value the forms and the importer refuse (src/core/validation); `rule` is their code, `problem` their text.
  rule: '{path}: {problem}.',
  // Templates, presets, export settings and history.
  'bad-template': '{path}: not a usable template ({problem}).',
  'bad-preset': '{path}: not a usable import preset ({problem}).',
  'missing-target': '{path}: an export setting needs a target (a format or a template).',
  'bad-target':
    '{path}: must be {"kind": "format", "formatId": …} or {"kind": "template", "templateId": …} (got {got}).',
  'empty-id': '{path}: the id is empty.',
  // Writing to the database (src/db/company-store.ts), not the file's fault.
  'storage-full':
    'The browser has no room left for this company (its storage quota is used up). Nothing was changed. Free space (delete old exports or other sites’ data) and try again.',
  'storage-failed': 'The database refused the records ({name}). Nothing was changed.',
} as const;

export type CompanyFileCode = keyof typeof COMPANY_FILE_MESSAGES;
export type CompanyFileParams = Readonly<Record<string, string | number>>;

export interface CompanyFileIssue {
  code: CompanyFileCode;
  /** Where in the file: `invoices[12].lines[0].vatCode`; '' for the file as a whole. */
  path: string;
  params: CompanyFileParams;
  /** English, from COMPANY_FILE_MESSAGES. */
  message: string;
}

/** Fills a template's `{name}` placeholders; a name without a value stays as it is (`{"100": 35000}`). */
export function fillMessage(template: string, values: CompanyFileParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

export function fileIssue(code: CompanyFileCode, path = '', params: CompanyFileParams = {}): CompanyFileIssue {
  return { code, path, params, message: fillMessage(COMPANY_FILE_MESSAGES[code], { ...params, path }) };
}

/** A value as the messages quote it: JSON, cut to 40 characters (a 50 MB field stays short). */
export function quoted(value: unknown): string {
  if (value === undefined) return 'nothing';
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, 40);
  } catch {
    return String(typeof value);
  }
}
