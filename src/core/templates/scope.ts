/**
 * What a template sees besides its rows: the company, the master data, the period, the
 * clock and the program. Everything is copied into plain objects so templates read own
 * properties only.
 */
import { dateOf } from '../domain/dates.ts';
import type { CompanyData } from '../domain/types.ts';
import type { ExportContext } from '../formats/types.ts';
import type { DatasetRow } from './data-types/row.ts';
import type { FieldDoc } from './data-types/row.ts';
import type { ExportTemplate } from './types.ts';

export interface TemplateScope {
  [name: string]: unknown;
  rows: DatasetRow[];
}

export function templateScope(
  template: ExportTemplate,
  rows: DatasetRow[],
  data: CompanyData,
  context: ExportContext,
  fileName: string,
): TemplateScope {
  return {
    rows,
    // The data type's own name too, so `{% for i in invoices %}` reads like Moment's templates.
    [template.dataType]: rows,
    // `contactPerson` is absent in companies stored before it existed.
    company: { ...data.company, contactPerson: data.company.contactPerson ?? '' },
    master: {
      customers: data.customers.map((c) => ({ ...c })),
      projects: data.projects.map((p) => ({ ...p })),
      users: data.users.map((u) => ({ ...u })),
      accounts: data.accounts.map((a) => ({ ...a })),
      vatCodes: data.vatCodes.map((v) => ({ ...v })),
      expenseTypes: data.expenseTypes.map((e) => ({ ...e })),
    },
    period: { from: context.period?.from ?? '', to: context.period?.to ?? '' },
    now: context.now,
    today: dateOf(context.now),
    program: { name: context.programName, version: context.programVersion },
    locale: context.locale,
    file: { name: fileName },
  };
}

/** Names a template may use at the top level (besides its own `assign`/`capture`/loop variables). */
export const SCOPE_NAMES = [
  'rows',
  'company',
  'master',
  'period',
  'now',
  'today',
  'program',
  'locale',
  'file',
] as const;

/** The editor's reference for the variables every template has. */
export const SCOPE_FIELDS: readonly FieldDoc[] = [
  {
    path: 'rows',
    type: 'list',
    description: 'The rows of the data type (also under the data type name, e.g. `invoices`)',
    example: null,
  },
  {
    path: 'company',
    type: 'object',
    description:
      'The company: name, orgNumber, addressLine1, addressLine2, postalCode, city, countryCode, phone, email, currency, fiscalYearStart, contactPerson',
    example: null,
  },
  {
    path: 'master',
    type: 'object',
    description:
      'All master data: customers, projects, users, accounts, vatCodes, expenseTypes (lists of the domain records)',
    example: null,
  },
  {
    path: 'period.from',
    type: 'date',
    description: 'First day of the export period; empty for invoice exports',
    example: '2024-03-01',
  },
  {
    path: 'period.to',
    type: 'date',
    description: 'Last day of the export period; empty for invoice exports',
    example: '2024-03-31',
  },
  { path: 'now', type: 'datetime', description: 'When the export runs (local time)', example: '2024-04-02T09:30:00' },
  { path: 'today', type: 'date', description: 'Date part of now', example: '2024-04-02' },
  { path: 'program.name', type: 'string', description: 'Program name', example: 'Exportdesk' },
  { path: 'program.version', type: 'string', description: 'Program version', example: '0.1.0' },
  { path: 'locale', type: 'string', description: 'Locale of the export', example: 'nb-NO' },
  {
    path: 'file.name',
    type: 'string',
    description: 'Name of the file being written',
    example: 'xero_20240402093000.csv',
  },
];
