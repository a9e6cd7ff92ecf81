/**
 * The objects joined into rows (customer, project, user), shared by several data types.
 * They are always present: a missing master record gives an object with empty strings and
 * the number, so every documented field exists in every row.
 */
import type { Account, CompanyData, Customer, ExpenseType, Project, User } from '../../domain/types.ts';
import type { DatasetOptions } from '../types.ts';
import type { DatasetRow, FieldDoc } from './row.ts';

export const CUSTOMER_FIELDS: readonly FieldDoc[] = [
  { path: 'number', type: 'string', description: 'Customer number', example: '10001' },
  { path: 'name', type: 'string', description: 'Customer name', example: 'Fjordkraft Consulting AS' },
  { path: 'orgNumber', type: 'string', description: 'Organisation number', example: '987654321' },
  { path: 'email', type: 'string', description: 'Invoice e-mail', example: 'faktura@fjordkraft.no' },
  { path: 'phone', type: 'string', description: 'Phone', example: '+47 22 00 00 00' },
  { path: 'addressLine1', type: 'string', description: 'Address line 1', example: 'Storgata 1' },
  { path: 'addressLine2', type: 'string', description: 'Address line 2', example: '' },
  { path: 'postalCode', type: 'string', description: 'Postal code', example: '0155' },
  { path: 'city', type: 'string', description: 'City', example: 'Oslo' },
  { path: 'countryCode', type: 'string', description: 'Country, ISO 3166 alpha-2', example: 'NO' },
  { path: 'currency', type: 'string', description: 'Customer currency', example: 'NOK' },
  { path: 'paymentTermsDays', type: 'integer', description: 'Payment terms in days', example: 14 },
  { path: 'peppolId', type: 'string', description: 'PEPPOL participant id', example: '0192:987654321' },
  {
    path: 'ledgerAccount',
    type: 'string',
    description: 'Receivable account; empty means the default',
    example: '1500',
  },
];

export const PROJECT_OBJECT_FIELDS: readonly FieldDoc[] = [
  { path: 'number', type: 'string', description: 'Project number', example: 'P-100' },
  { path: 'name', type: 'string', description: 'Project name', example: 'Website relaunch' },
  { path: 'customerNumber', type: 'string', description: 'Customer number of the project', example: '10001' },
  { path: 'departmentNumber', type: 'string', description: 'Department', example: '20' },
  { path: 'billable', type: 'boolean', description: 'Billable project', example: true },
];

export const USER_FIELDS: readonly FieldDoc[] = [
  { path: 'employeeNumber', type: 'string', description: 'Employee number (payroll key)', example: '57' },
  { path: 'name', type: 'string', description: 'Name', example: 'Kari Nordmann' },
  { path: 'email', type: 'string', description: 'E-mail', example: 'kari@example.no' },
  { path: 'departmentNumber', type: 'string', description: 'Department', example: '20' },
  { path: 'external', type: 'boolean', description: 'External co-worker (subcontractor)', example: false },
];

export function nested(prefix: string, fields: readonly FieldDoc[], what: string): FieldDoc[] {
  return fields.map((f) => ({
    ...f,
    path: `${prefix}.${f.path}`,
    description: `${what}: ${f.description.toLowerCase()}`,
  }));
}

export function customerObject(c: Customer | undefined, number: string): DatasetRow {
  return {
    number,
    name: c?.name ?? '',
    orgNumber: c?.orgNumber ?? '',
    email: c?.email ?? '',
    phone: c?.phone ?? '',
    addressLine1: c?.addressLine1 ?? '',
    addressLine2: c?.addressLine2 ?? '',
    postalCode: c?.postalCode ?? '',
    city: c?.city ?? '',
    countryCode: c?.countryCode ?? '',
    currency: c?.currency ?? '',
    paymentTermsDays: c?.paymentTermsDays ?? 0,
    peppolId: c?.peppolId ?? '',
    ledgerAccount: c?.ledgerAccount ?? '',
  };
}

export function projectObject(p: Project | undefined, number: string): DatasetRow {
  return {
    number,
    name: p?.name ?? '',
    customerNumber: p?.customerNumber ?? '',
    departmentNumber: p?.departmentNumber ?? '',
    billable: p?.billable ?? false,
  };
}

export function userObject(u: User | undefined, employeeNumber: string): DatasetRow {
  return {
    employeeNumber,
    name: u?.name ?? '',
    email: u?.email ?? '',
    departmentNumber: u?.departmentNumber ?? '',
    external: u?.external ?? false,
  };
}

/** Lookups by key, built once per dataset. */
export class Lookups {
  readonly customers: Map<string, Customer>;
  readonly projects: Map<string, Project>;
  readonly users: Map<string, User>;
  readonly accounts: Map<string, Account>;
  readonly expenseTypes: Map<string, ExpenseType>;
  constructor(data: CompanyData) {
    this.customers = new Map(data.customers.map((c) => [c.number, c]));
    this.projects = new Map(data.projects.map((p) => [p.number, p]));
    this.users = new Map(data.users.map((u) => [u.employeeNumber, u]));
    this.accounts = new Map(data.accounts.map((a) => [a.number, a]));
    this.expenseTypes = new Map(data.expenseTypes.map((e) => [e.code, e]));
  }
  private readonly userRows = new Map<string, DatasetRow>();
  private readonly projectRows = new Map<string, DatasetRow>();
  /** One shared row per co-worker: templates only read them, and a 1M-record export made a million copies. */
  userRow(employeeNumber: string): DatasetRow {
    let row = this.userRows.get(employeeNumber);
    if (!row) this.userRows.set(employeeNumber, (row = userObject(this.users.get(employeeNumber), employeeNumber)));
    return row;
  }
  projectRow(number: string): DatasetRow {
    let row = this.projectRows.get(number);
    if (!row) this.projectRows.set(number, (row = projectObject(this.projects.get(number), number)));
    return row;
  }
  includeUser(employeeNumber: string, options: DatasetOptions): boolean {
    return options.includeExternalUsers === true || !(this.users.get(employeeNumber)?.external ?? false);
  }
}
