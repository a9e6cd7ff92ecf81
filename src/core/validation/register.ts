/**
 * The problems of one register record (company, customer, project, co-worker, account, VAT
 * code, expense type) as a form or an import row would save it. The form model calls
 * `validateRegisterRecord` as it is; the importer calls it without the reference and key
 * checks, which it makes itself across the whole file (plan/references.ts), so a bad value
 * gets the same code from both.
 */
import { ACCOUNT_KINDS, ACCOUNT_ROLES, type CompanyData } from '../domain/types.ts';
import { NORWEGIAN_RATE_OF_CLASS, SAFT_GROUPING_CATEGORIES, STANDARD_TAX_CODES } from '../charts/saft-codes.ts';
import {
  checkAmount,
  checkCountryCode,
  checkCurrency,
  checkEmail,
  checkNumberRange,
  checkOrgNumber,
  checkPeppolId,
  checkPostalCode,
  checkRequired,
  problem,
  type FieldProblem,
  type Severity,
} from './rules.ts';
import { pushAll } from '../push-all.ts';
import { MAX_AMOUNT, MAX_HOURS_PER_RECORD, MAX_PAYMENT_TERMS_DAYS } from '../domain/limits.ts';
import { checkRecordText, keyOf } from './text.ts';

export type RegisterKind = 'company' | 'customer' | 'project' | 'user' | 'account' | 'vatCode' | 'expenseType';

export const REGISTER_KINDS: readonly RegisterKind[] = [
  'company',
  'customer',
  'project',
  'user',
  'account',
  'vatCode',
  'expenseType',
];

/** The company's countries, for which a starter chart exists. */
export const COMPANY_COUNTRIES = ['NO', 'SE'] as const;

type Table = 'customers' | 'projects' | 'users' | 'accounts' | 'vatCodes' | 'expenseTypes';

/** Where each register's records are stored, and the field that is their key. */
export const REGISTER_TABLES: Readonly<Record<Exclude<RegisterKind, 'company'>, { table: Table; key: string }>> = {
  customer: { table: 'customers', key: 'number' },
  project: { table: 'projects', key: 'number' },
  user: { table: 'users', key: 'employeeNumber' },
  account: { table: 'accounts', key: 'number' },
  vatCode: { table: 'vatCodes', key: 'code' },
  expenseType: { table: 'expenseTypes', key: 'code' },
};

const REQUIRED: Readonly<Record<RegisterKind, readonly string[]>> = {
  company: ['name', 'orgNumber', 'countryCode', 'currency'],
  customer: ['number', 'name'],
  project: ['number', 'name'],
  user: ['employeeNumber', 'name'],
  account: ['number', 'name', 'kind'],
  vatCode: ['code', 'ratePercent'],
  expenseType: ['code', 'name'],
};

export interface ValidateOptions {
  /** The record's key before an edit, so an unchanged key does not collide with itself. */
  originalKey?: string;
  /**
   * Check references to other registers and that the key is free (default true). The
   * importer turns this off: it checks both across the whole file, records of the same
   * file included.
   */
  checkReferences?: boolean;
}

const str = (value: unknown): string => (value === undefined || value === null ? '' : String(value).trim());

/** Problems of one register record as a form or an import row would save it; never throws. */
export function validateRegisterRecord(
  kind: RegisterKind,
  record: Record<string, unknown>,
  master: CompanyData,
  options: ValidateOptions = {},
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of REQUIRED[kind]) pushAll(problems, checkRequired(field, record[field]));
  pushAll(problems, valueProblems(kind, record, master));
  pushAll(problems, checkRecordText(record));
  if (options.checkReferences ?? true) {
    if (kind !== 'company') pushAll(problems, keyProblems(kind, record, master, options.originalKey));
    pushAll(problems, referenceProblems(kind, record, master, options.originalKey));
  }
  return problems;
}

function valueProblems(kind: RegisterKind, r: Record<string, unknown>, master: CompanyData): FieldProblem[] {
  switch (kind) {
    case 'company': {
      const country = str(r['countryCode']);
      const out = [
        ...checkCountryCode('countryCode', country),
        ...checkOrgNumber('orgNumber', r['orgNumber'], country),
        ...checkEmail('email', r['email']),
        ...checkPostalCode('postalCode', r['postalCode'], country),
        ...checkCurrency('currency', r['currency']),
      ];
      if (
        country !== '' &&
        !(COMPANY_COUNTRIES as readonly string[]).includes(country) &&
        out.every((p) => p.field !== 'countryCode')
      )
        out.push(
          problem('countryCode', 'error', 'company-country', 'the company must be in Norway (NO) or Sweden (SE)', {
            value: country,
          }),
        );
      const start = str(r['fiscalYearStart']);
      if (start !== '' && !isMonthDay(start))
        out.push(
          problem('fiscalYearStart', 'error', 'fiscal-year-start', `${start} is not a first day of a month as MM-DD`, {
            value: start,
          }),
        );
      return out;
    }
    case 'customer': {
      const country = str(r['countryCode']) || master.company.countryCode;
      return [
        ...checkOrgNumber('orgNumber', r['orgNumber'], country),
        ...checkEmail('email', r['email']),
        ...checkCountryCode('countryCode', r['countryCode']),
        ...checkPostalCode('postalCode', r['postalCode'], country),
        ...checkCurrency('currency', r['currency']),
        ...checkWholeNumber('paymentTermsDays', r['paymentTermsDays'], 0, MAX_PAYMENT_TERMS_DAYS),
        ...checkPeppolId('peppolId', r['peppolId'], str(r['orgNumber'])),
      ];
    }
    case 'user': {
      const out = checkEmail('email', r['email']);
      const rates = r['payRates'];
      if (rates !== undefined && rates !== null && typeof rates === 'object')
        for (const [code, amount] of Object.entries(rates as Record<string, unknown>)) {
          const own = checkAmount(`payRates.${code}`, amount);
          // A day's hours at this rate must stay within the amount limit (limits.ts).
          if (own.length === 0 && typeof amount === 'number' && Math.abs(amount) * MAX_HOURS_PER_RECORD > MAX_AMOUNT)
            own.push(
              problem(`payRates.${code}`, 'error', 'amount-too-large', `the pay rate ${amount} is too large`, {
                value: String(amount),
                max: Math.floor(MAX_AMOUNT / MAX_HOURS_PER_RECORD),
                what: 'pay rate',
              }),
            );
          pushAll(out, own);
        }
      return out;
    }
    case 'account':
      return accountValueProblems(r);
    case 'vatCode':
      return vatCodeValueProblems(r, master);
    case 'project':
    case 'expenseType':
      return [];
  }
}

function isMonthDay(text: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

function checkWholeNumber(field: string, value: unknown, min: number, max: number): FieldProblem[] {
  const range = checkNumberRange(field, value, min, max);
  if (range.length > 0) return range;
  return typeof value === 'number' && !Number.isInteger(value)
    ? [problem(field, 'error', 'whole-number', `${value} is not a whole number`, { value })]
    : [];
}

function accountValueProblems(r: Record<string, unknown>): FieldProblem[] {
  const out: FieldProblem[] = [];
  const kind = str(r['kind']);
  if (kind !== '' && !(ACCOUNT_KINDS as readonly string[]).includes(kind))
    out.push(
      problem('kind', 'error', 'account-kind', `${kind} is not one of ${ACCOUNT_KINDS.join(', ')}`, { value: kind }),
    );
  const number = str(r['number']);
  // SIE and most ledgers take numeric accounts only; other systems allow more, so only odd.
  if (number !== '' && !/^\d+$/.test(number))
    out.push(
      problem('number', 'warning', 'account-number-digits', `account ${number} is not all digits (SIE needs digits)`, {
        value: number,
      }),
    );
  const role = str(r['role']);
  if (role !== '' && !(ACCOUNT_ROLES as readonly string[]).includes(role))
    out.push(problem('role', 'error', 'account-role', `${role} is not an account role`, { value: role }));
  const category = str(r['saftGroupingCategory']);
  const code = str(r['saftGroupingCode']);
  if (category !== '' && !SAFT_GROUPING_CATEGORIES.has(category))
    out.push(
      problem(
        'saftGroupingCategory',
        'warning',
        'saft-grouping-category',
        `${category} is not a SAF-T 1.30 grouping category (naeringsspesifikasjon)`,
        { value: category },
      ),
    );
  if ((category === '') !== (code === ''))
    out.push(
      problem(
        category === '' ? 'saftGroupingCategory' : 'saftGroupingCode',
        'warning',
        'saft-grouping-incomplete',
        'SAF-T needs both the grouping category and the grouping code',
        {},
      ),
    );
  return out;
}

function vatCodeValueProblems(r: Record<string, unknown>, master: CompanyData): FieldProblem[] {
  const out = checkNumberRange('ratePercent', r['ratePercent'], 0, 100, 'vat-rate-range');
  const standard = str(r['standardTaxCode']);
  const norwegian = master.company.countryCode === 'NO';
  if (standard !== '' && STANDARD_TAX_CODES[standard] === undefined)
    out.push(
      problem('standardTaxCode', 'warning', 'standard-tax-code', `${standard} is not a SAF-T standard tax code`, {
        value: standard,
      }),
    );
  else if (standard === '' && norwegian)
    out.push(
      problem(
        'standardTaxCode',
        'warning',
        'standard-tax-code-missing',
        'no SAF-T standard tax code: the SAF-T export needs one',
        {},
      ),
    );
  else if (standard !== '' && norwegian && typeof r['ratePercent'] === 'number' && out.length === 0) {
    const expected = NORWEGIAN_RATE_OF_CLASS[STANDARD_TAX_CODES[standard]!];
    if (expected !== null && expected !== r['ratePercent'])
      out.push(
        problem(
          'ratePercent',
          'warning',
          'vat-rate-standard',
          `${r['ratePercent']} % differs from the ${expected} % of standard tax code ${standard}`,
          { value: r['ratePercent'], expected, standardTaxCode: standard },
        ),
      );
  }
  return out;
}

function keyProblems(
  kind: Exclude<RegisterKind, 'company'>,
  r: Record<string, unknown>,
  master: CompanyData,
  originalKey: string | undefined,
): FieldProblem[] {
  const { table, key } = REGISTER_TABLES[kind];
  const value = keyOf(r[key]);
  if (value === '' || value === keyOf(originalKey)) return [];
  const rows = master[table] as unknown as Record<string, unknown>[];
  // Compared as keys (limits.ts, text.ts): `10001` and `10001` with a zero-width space collide.
  return rows.some((row) => keyOf(row[key]) === value)
    ? [problem(key, 'error', 'duplicate-key', `${value} is already used by another record`, { value })]
    : [];
}

type Lookup = (table: Table, key: string, value: string) => boolean;

function exists(master: CompanyData): Lookup {
  return (table, key, value) =>
    (master[table] as unknown as Record<string, unknown>[]).some((row) => keyOf(row[key]) === keyOf(value));
}

function reference(
  has: Lookup,
  field: string,
  value: unknown,
  table: Table,
  key: string,
  what: string,
  severity: Severity = 'error',
): FieldProblem[] {
  const text = str(value);
  if (text === '' || has(table, key, text)) return [];
  return [
    problem(
      field,
      severity,
      `unknown-${what.replace(/ /g, '-').toLowerCase()}`,
      `unknown ${what} ${JSON.stringify(text)}`,
      {
        value: text,
      },
    ),
  ];
}

function referenceProblems(
  kind: RegisterKind,
  r: Record<string, unknown>,
  master: CompanyData,
  originalKey: string | undefined,
): FieldProblem[] {
  const has = exists(master);
  switch (kind) {
    case 'customer':
      return reference(has, 'ledgerAccount', r['ledgerAccount'], 'accounts', 'number', 'account');
    case 'project':
      return reference(has, 'customerNumber', r['customerNumber'], 'customers', 'number', 'customer');
    case 'account': {
      const out = reference(has, 'vatCode', r['vatCode'], 'vatCodes', 'code', 'VAT code');
      const role = str(r['role']);
      const number = str(r['number']);
      if (role !== '') {
        const other = master.accounts.find((a) => a.role === role && a.number !== number && a.number !== originalKey);
        if (other)
          out.push(
            problem('role', 'error', 'account-role-taken', `account ${other.number} already has the role ${role}`, {
              value: role,
              account: other.number,
            }),
          );
      }
      return out;
    }
    // A warning: VAT codes and accounts refer to each other, and one of them has to come first.
    case 'vatCode':
      return reference(has, 'accountNumber', r['accountNumber'], 'accounts', 'number', 'account', 'warning');
    case 'expenseType':
      return [
        ...reference(has, 'accountNumber', r['accountNumber'], 'accounts', 'number', 'account'),
        ...reference(has, 'vatCode', r['vatCode'], 'vatCodes', 'code', 'VAT code'),
      ];
    case 'company':
    case 'user':
      return [];
  }
}
