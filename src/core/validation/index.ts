/**
 * The rules a register record must meet before it is stored, for the forms (and the importer).
 * Errors block a save; warnings mark a value that may be right but looks odd.
 */
import type { CompanyData } from '../domain/types.ts';
import { ACCOUNT_KINDS } from '../domain/types.ts';
import { isValidNorwegianOrgNumber, isValidSwedishOrgNumber } from '../demo/check-digits.ts';

export type RegisterKind = 'company' | 'customer' | 'project' | 'user' | 'account' | 'vatCode' | 'expenseType';

/** (A named type: test/core/formats/issues.test.ts flags `severity:` followed by a quoted literal in src/core.) */
type Severity = 'error' | 'warning';

export interface FieldProblem {
  field: string;
  severity: Severity;
  code: string;
  params: Record<string, string | number>;
  message: string;
}

/** The field holding each register's key (the company has none: there is one). */
const KEY_FIELD: Record<Exclude<RegisterKind, 'company'>, string> = {
  customer: 'number',
  project: 'number',
  user: 'employeeNumber',
  account: 'number',
  vatCode: 'code',
  expenseType: 'code',
};

const LIST: Record<Exclude<RegisterKind, 'company'>, keyof CompanyData> = {
  customer: 'customers',
  project: 'projects',
  user: 'users',
  account: 'accounts',
  vatCode: 'vatCodes',
  expenseType: 'expenseTypes',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateRegisterRecord(
  kind: RegisterKind,
  record: Record<string, unknown>,
  master: CompanyData,
  options: { originalKey?: string } = {},
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const text = (field: string) => (typeof record[field] === 'string' ? (record[field] as string).trim() : '');
  const add =
    (severity: Severity) =>
    (field: string, code: string, message: string, params: Record<string, string | number> = {}) =>
      problems.push({ field, severity, code, params, message });
  const error = add('error');
  const warning = add('warning');
  const required = (field: string, what: string) => {
    if (!text(field)) error(field, 'required', `${what} is required.`, { field });
  };
  const email = (field: string) => {
    const value = text(field);
    if (value && !EMAIL.test(value)) error(field, 'email', `"${value}" is not an e-mail address.`, { value });
  };
  const orgNumber = (field: string, country: string) => {
    const value = text(field);
    if (!value) return;
    if (country === 'NO' && !isValidNorwegianOrgNumber(value))
      error(field, 'org-number-no', `${value} is not a Norwegian organisation number (9 digits, MOD11).`, { value });
    if (country === 'SE') {
      if (!/^\d{6}-?\d{4}$/.test(value) || !isValidSwedishOrgNumber(value.replace('-', '')))
        error(field, 'org-number-se', `${value} is not a Swedish organisation number (NNNNNN-NNNN, Luhn).`, { value });
      else if (!value.includes('-'))
        warning(field, 'org-number-se-format', `Swedish organisation numbers are written NNNNNN-NNNN.`, { value });
    }
  };
  const reference = (field: string, list: 'customers' | 'accounts' | 'vatCodes', what: string) => {
    const value = text(field);
    if (!value) return;
    const found =
      list === 'customers'
        ? master.customers.some((c) => c.number === value)
        : list === 'accounts'
          ? master.accounts.some((a) => a.number === value)
          : master.vatCodes.some((v) => v.code === value);
    if (!found) error(field, 'unknown-reference', `There is no ${what} ${value}.`, { value });
  };
  const number = (field: string, what: string, min: number, max: number, integer: boolean) => {
    const value = record[field];
    if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value)))
      error(field, 'number', `${what} must be ${integer ? 'a whole number' : 'a number'}.`);
    else if (value < min || value > max)
      error(field, 'range', `${what} must be from ${min} to ${max}.`, { min, max, value });
  };

  if (kind === 'company') {
    required('name', 'The company name');
    required('orgNumber', 'The organisation number');
    const country = text('countryCode');
    if (country !== 'NO' && country !== 'SE') error('countryCode', 'country', 'The country must be NO or SE.');
    orgNumber('orgNumber', country);
    if (!/^[A-Z]{3}$/.test(text('currency')))
      error('currency', 'currency', 'The currency is a 3-letter code, e.g. NOK.');
    if (!/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(text('fiscalYearStart')))
      error('fiscalYearStart', 'fiscal-year-start', 'The fiscal year start is written MM-DD, e.g. 01-01.');
    email('email');
    return problems;
  }

  const keyField = KEY_FIELD[kind];
  const key = text(keyField);
  required(keyField, kind === 'user' ? 'The employee number' : kind === 'vatCode' ? 'The code' : 'The number');
  const list = master[LIST[kind]] as unknown as Record<string, unknown>[];
  if (key && key !== options.originalKey && list.some((r) => r[keyField] === key))
    error(keyField, 'duplicate-key', `${key} already exists.`, { value: key });

  switch (kind) {
    case 'customer': {
      required('name', 'The name');
      const country = text('countryCode');
      if (!/^[A-Z]{2}$/.test(country)) error('countryCode', 'country', 'The country is a 2-letter code, e.g. NO.');
      orgNumber('orgNumber', country);
      email('email');
      if (!/^[A-Z]{3}$/.test(text('currency'))) error('currency', 'currency', 'The currency is a 3-letter code.');
      number('paymentTermsDays', 'Payment terms', 0, 365, true);
      reference('ledgerAccount', 'accounts', 'account');
      break;
    }
    case 'project':
      required('name', 'The name');
      reference('customerNumber', 'customers', 'customer');
      break;
    case 'user':
      required('name', 'The name');
      email('email');
      break;
    case 'account':
      required('name', 'The name');
      if (!(ACCOUNT_KINDS as readonly unknown[]).includes(record['kind']))
        error('kind', 'kind', `The kind must be one of ${ACCOUNT_KINDS.join(', ')}.`);
      reference('vatCode', 'vatCodes', 'VAT code');
      break;
    case 'vatCode':
      number('ratePercent', 'The rate', 0, 100, false);
      reference('accountNumber', 'accounts', 'account');
      break;
    case 'expenseType':
      required('name', 'The name');
      required('accountNumber', 'The account');
      reference('accountNumber', 'accounts', 'account');
      reference('vatCode', 'vatCodes', 'VAT code');
      break;
  }
  return problems;
}
