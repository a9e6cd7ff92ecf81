/**
 * Field-by-field shape of every stored record, as data. Used to check company files
 * (and anything else that arrives as untyped JSON) before it reaches the database.
 *
 * A field added after version 1 of the company file has a default (`defaults`), filled in
 * by `fillDefaults` when a file lacks it, so older backups still restore. Such a field needs
 * no version bump: an older reader keeps the unknown field as it is.
 */
import { isIsoDate } from '../domain/dates.ts';
import {
  ACCOUNT_KINDS,
  ACCOUNT_ROLES,
  CLAIM_STATUSES,
  EXPORT_STATUSES,
  INVOICE_STATUSES,
  INVOICE_TYPES,
  VAT_ROUNDINGS,
} from '../domain/types.ts';
import { pushAll } from '../push-all.ts';
import { fileIssue, quoted, type CompanyFileCode, type CompanyFileIssue } from './file-issues.ts';

type FieldType =
  | 'string'
  | 'number'
  | 'minor'
  | 'nullable-minor'
  /** An object from codes to whole numbers of minor units (`User.payRates`). */
  | 'minor-by-code'
  | 'integer'
  | 'boolean'
  | 'date'
  | 'date-or-empty'
  | 'datetime-or-empty'
  | { oneOf: readonly string[] }
  | { listOf: RecordKind }
  /** A field added after files were first written: absent is fine, present must be of `type`. */
  | { optional: FieldType };

export type RecordKind =
  | 'company'
  | 'customer'
  | 'project'
  | 'user'
  | 'account'
  | 'vatCode'
  | 'expenseType'
  | 'invoice'
  | 'invoiceLine'
  | 'timeRecord'
  | 'claim'
  | 'claimItem';

interface RecordSchema {
  /** The unique key within its list, if any. */
  key?: string;
  fields: Record<string, FieldType>;
  /** Values of fields that files written before the field existed lack (a fresh copy per record). */
  defaults?: Record<string, () => unknown>;
}

/** When a register record was last saved in a form (src/db/register-store.ts); absent until then. */
const UPDATED_AT: FieldType = { optional: 'datetime-or-empty' };

export const RECORD_SCHEMAS: Record<RecordKind, RecordSchema> = {
  company: {
    fields: {
      name: 'string',
      orgNumber: 'string',
      addressLine1: 'string',
      addressLine2: 'string',
      postalCode: 'string',
      city: 'string',
      countryCode: 'string',
      phone: 'string',
      email: 'string',
      currency: 'string',
      fiscalYearStart: 'string',
      contactPerson: { optional: 'string' },
      vatRegistered: { optional: 'boolean' },
      vatRounding: { optional: { oneOf: VAT_ROUNDINGS } },
      bankAccount: { optional: 'string' },
      updatedAt: UPDATED_AT,
    },
  },
  customer: {
    key: 'number',
    fields: {
      number: 'string',
      name: 'string',
      orgNumber: 'string',
      email: 'string',
      phone: 'string',
      addressLine1: 'string',
      addressLine2: 'string',
      postalCode: 'string',
      city: 'string',
      countryCode: 'string',
      currency: 'string',
      paymentTermsDays: 'integer',
      peppolId: 'string',
      ledgerAccount: 'string',
      updatedAt: UPDATED_AT,
      // Marked for factoring (issue 15); files made before it have none.
      factoring: { optional: 'boolean' },
      // The EHF buyer reference (issue 19); files made before it have none.
      buyerReference: { optional: 'string' },
    },
  },
  project: {
    key: 'number',
    fields: {
      number: 'string',
      name: 'string',
      customerNumber: 'string',
      departmentNumber: 'string',
      billable: 'boolean',
      updatedAt: UPDATED_AT,
    },
  },
  user: {
    key: 'employeeNumber',
    fields: {
      employeeNumber: 'string',
      name: 'string',
      email: 'string',
      departmentNumber: 'string',
      external: 'boolean',
      payRates: 'minor-by-code',
      updatedAt: UPDATED_AT,
    },
    defaults: { payRates: () => ({}) },
  },
  account: {
    key: 'number',
    fields: {
      number: 'string',
      name: 'string',
      kind: { oneOf: ACCOUNT_KINDS },
      vatCode: 'string',
      role: { optional: { oneOf: ACCOUNT_ROLES } },
      // SAF-T grouping (issue 13); files made before it have none.
      saftGroupingCategory: { optional: 'string' },
      saftGroupingCode: { optional: 'string' },
      updatedAt: UPDATED_AT,
    },
  },
  vatCode: {
    key: 'code',
    fields: {
      code: 'string',
      ratePercent: 'number',
      description: 'string',
      accountNumber: 'string',
      standardTaxCode: 'string',
      updatedAt: UPDATED_AT,
    },
  },
  expenseType: {
    key: 'code',
    fields: {
      code: 'string',
      name: 'string',
      accountNumber: 'string',
      vatCode: 'string',
      wageCode: 'string',
      updatedAt: UPDATED_AT,
    },
  },
  invoice: {
    key: 'id',
    fields: {
      id: 'string',
      number: 'string',
      type: { oneOf: INVOICE_TYPES },
      creditedInvoiceNumber: 'string',
      customerNumber: 'string',
      projectNumber: 'string',
      issueDate: 'date',
      dueDate: 'date',
      currency: 'string',
      kid: 'string',
      orderReference: 'string',
      status: { oneOf: INVOICE_STATUSES },
      finalizedAt: 'datetime-or-empty',
      exportStatus: { oneOf: EXPORT_STATUSES },
      // Since version 2 (issue 15); company-file.ts upgrades older files.
      factoringStatus: { oneOf: EXPORT_STATUSES },
      // The EHF status (issue 19); absent means Has been transferred.
      ehfStatus: { optional: { oneOf: EXPORT_STATUSES } },
      lines: { listOf: 'invoiceLine' },
    },
  },
  invoiceLine: {
    fields: {
      description: 'string',
      productCode: 'string',
      quantity: 'number',
      unitPrice: 'minor',
      discountPercent: 'number',
      accountNumber: 'string',
      vatCode: 'string',
      departmentNumber: 'string',
      projectNumber: 'string',
    },
  },
  timeRecord: {
    key: 'id',
    fields: {
      id: 'string',
      date: 'date',
      employeeNumber: 'string',
      projectNumber: 'string',
      activity: 'string',
      hours: 'number',
      wageCode: 'string',
      rate: 'nullable-minor',
      payRate: 'nullable-minor',
      billable: 'boolean',
      approved: 'boolean',
      comment: 'string',
    },
    defaults: { payRate: () => null },
  },
  claim: {
    key: 'claimNumber',
    fields: {
      claimNumber: 'string',
      employeeNumber: 'string',
      date: 'date',
      status: { oneOf: CLAIM_STATUSES },
      items: { listOf: 'claimItem' },
    },
  },
  claimItem: {
    fields: {
      date: 'date',
      expenseType: 'string',
      description: 'string',
      amount: 'minor',
      vatAmount: 'minor',
      currency: 'string',
      projectNumber: 'string',
    },
  },
};

/**
 * Fills in, in place, the defaulted fields a record lacks (also in its lists of child records),
 * for a record just parsed from JSON and so owned by the caller.
 */
export function fillDefaults(kind: RecordKind, record: Record<string, unknown>): void {
  const schema = RECORD_SCHEMAS[kind];
  for (const [field, value] of Object.entries(schema.defaults ?? {}))
    if (!Object.hasOwn(record, field)) record[field] = value();
  for (const [field, type] of Object.entries(schema.fields)) {
    const list = record[field];
    if (typeof type === 'object' && 'listOf' in type && Array.isArray(list))
      for (const item of list as unknown[])
        if (typeof item === 'object' && item !== null && !Array.isArray(item))
          fillDefaults(type.listOf, item as Record<string, unknown>);
  }
}

/** Problems with one record's shape, each at its path under `where` (e.g. `invoices[3]`). */
export function validateRecord(kind: RecordKind, record: Record<string, unknown>, where: string): CompanyFileIssue[] {
  const issues: CompanyFileIssue[] = [];
  for (const [field, type] of Object.entries(RECORD_SCHEMAS[kind].fields)) {
    const value = record[field];
    const path = `${where}.${field}`;
    const problem = checkField(type, value, path, issues);
    if (problem) issues.push(fileIssue(problem.code, path, { ...problem.params, got: quoted(value) }));
  }
  return issues;
}

type ShapeProblem = { code: CompanyFileCode; params?: Record<string, string> } | null;

const SIMPLE_CODES: Record<Exclude<FieldType, object>, CompanyFileCode> = {
  string: 'not-text',
  number: 'not-number',
  integer: 'not-whole-number',
  minor: 'not-minor',
  'nullable-minor': 'not-minor-or-null',
  'minor-by-code': 'not-minor-by-code',
  boolean: 'not-boolean',
  date: 'not-date',
  'date-or-empty': 'not-date-or-empty',
  'datetime-or-empty': 'not-datetime-or-empty',
};

function checkField(type: FieldType, value: unknown, where: string, issues: CompanyFileIssue[]): ShapeProblem {
  if (typeof type === 'object') {
    if ('optional' in type) return value === undefined ? null : checkField(type.optional, value, where, issues);
    if ('oneOf' in type)
      return typeof value === 'string' && type.oneOf.includes(value)
        ? null
        : { code: 'not-one-of', params: { values: type.oneOf.join(', ') } };
    if (!Array.isArray(value)) return { code: 'not-list' };
    value.forEach((item: unknown, i) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item))
        issues.push(fileIssue('not-object', `${where}[${i}]`));
      else pushAll(issues, validateRecord(type.listOf, item as Record<string, unknown>, `${where}[${i}]`));
    });
    return null;
  }
  return fitsType(type, value) ? null : { code: SIMPLE_CODES[type] };
}

function fitsType(type: Exclude<FieldType, object>, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
    case 'minor':
      return Number.isSafeInteger(value);
    case 'nullable-minor':
      return value === null || Number.isSafeInteger(value);
    case 'minor-by-code':
      return (
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.values(value).every((v) => Number.isSafeInteger(v))
      );
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return typeof value === 'string' && isIsoDate(value);
    case 'date-or-empty':
      return value === '' || (typeof value === 'string' && isIsoDate(value));
    case 'datetime-or-empty':
      return (
        value === '' ||
        (typeof value === 'string' &&
          /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value) &&
          isIsoDate(value.slice(0, 10)))
      );
  }
}
