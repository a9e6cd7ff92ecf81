/**
 * The data types (datasets) templates read, after Moment's list: Customers, Expenses,
 * Invoices, Invoices grouped by account, Projects, Timerecords, Timerecords (grouped), Users.
 *
 * Rows are plain JSON-like objects (no methods, no prototypes beyond Object/Array), so
 * they can cross a worker boundary and be read by Liquid with `ownPropertyOnly`.
 * Money is integer minor units; format it in the template (`| amount`) or through a
 * layout column of type `money`. Joined objects (customer, project, user) are always
 * present: a missing master record gives an object with empty strings and the number,
 * so every documented field exists in every row.
 *
 * Each data type documents its fields (`fields`) for the editor's field reference; a test
 * checks the documentation against the rows.
 */
import { invoiceAmounts, vatRateLookup } from '../domain/invoice-amounts.ts';
import { hoursAmount } from '../domain/money.ts';
import { payRateFor } from '../domain/pay-rate.ts';
import { dateOf } from '../domain/dates.ts';
import type {
  Account,
  Claim,
  CompanyData,
  Customer,
  ExpenseType,
  Invoice,
  Project,
  TimeRecord,
  User,
} from '../domain/types.ts';
import { DEFAULT_TIME_GROUP_KEYS, groupLinesByAccount, groupTimeRecords, HoursSum, sumHours } from './grouping.ts';
import type { DatasetOptions, TemplateDataType } from './types.ts';

export type FieldType = 'string' | 'integer' | 'number' | 'money' | 'date' | 'datetime' | 'boolean' | 'object' | 'list';

export interface FieldDoc {
  /** `name`, `customer.name`, `lines[].net` */
  path: string;
  type: FieldType;
  description: string;
  example: string | number | boolean | null;
}

export type DatasetRow = Record<string, unknown>;

/** What record a row comes from, for issues (`ExportIssue.record`). */
export interface RowRecord {
  kind: 'invoice' | 'customer' | 'project' | 'user' | 'timeRecord' | 'claim';
  key: string;
}

export interface DataTypeDefinition {
  id: TemplateDataType;
  /** Moment's name for it. */
  label: string;
  description: string;
  fields: readonly FieldDoc[];
  /** The list field a layout template can write one line per item of (invoice lines). */
  listField?: string;
  build(data: CompanyData, options: DatasetOptions): DatasetRow[];
  recordOf(row: DatasetRow): RowRecord;
  /** Sums shown next to the exported file, e.g. `{ 'gross NOK': 123450 }`. */
  controlTotals(rows: readonly DatasetRow[]): Record<string, number>;
  /**
   * Present when the rows map the records one by one in their order (time records: one row
   * per record; expenses: one row per item, a claim's items together), so the rows of two
   * record lists one after the other are their rows one after the other. Returns the row
   * maker for the records of one chunk (`records.timeRecords` / `records.claims`); the
   * lookups into `master` are built once. `build` is defined through it, so a chunked export
   * (src/core/templates/layout-stream.ts) makes the rows a whole one makes.
   */
  rowsPerRecord?(master: CompanyData, options: DatasetOptions): (records: CompanyData) => DatasetRow[];
  /** Present with `rowsPerRecord`: the control totals as a running sum; `controlTotals` is defined through it. */
  totalsAccumulator?(): TotalsAccumulator;
}

/** Control totals summed row by row in row order, so sums over chunks equal the sum over all rows. */
export interface TotalsAccumulator {
  add(rows: readonly DatasetRow[]): void;
  totals(): Record<string, number>;
}

function totalsOf(accumulator: TotalsAccumulator, rows: readonly DatasetRow[]): Record<string, number> {
  accumulator.add(rows);
  return accumulator.totals();
}

// ---------------------------------------------------------------- joined objects

const CUSTOMER_FIELDS: readonly FieldDoc[] = [
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

const PROJECT_OBJECT_FIELDS: readonly FieldDoc[] = [
  { path: 'number', type: 'string', description: 'Project number', example: 'P-100' },
  { path: 'name', type: 'string', description: 'Project name', example: 'Website relaunch' },
  { path: 'customerNumber', type: 'string', description: 'Customer number of the project', example: '10001' },
  { path: 'departmentNumber', type: 'string', description: 'Department', example: '20' },
  { path: 'billable', type: 'boolean', description: 'Billable project', example: true },
];

const USER_FIELDS: readonly FieldDoc[] = [
  { path: 'employeeNumber', type: 'string', description: 'Employee number (payroll key)', example: '57' },
  { path: 'name', type: 'string', description: 'Name', example: 'Kari Nordmann' },
  { path: 'email', type: 'string', description: 'E-mail', example: 'kari@example.no' },
  { path: 'departmentNumber', type: 'string', description: 'Department', example: '20' },
  { path: 'external', type: 'boolean', description: 'External co-worker (subcontractor)', example: false },
];

function nested(prefix: string, fields: readonly FieldDoc[], what: string): FieldDoc[] {
  return fields.map((f) => ({
    ...f,
    path: `${prefix}.${f.path}`,
    description: `${what}: ${f.description.toLowerCase()}`,
  }));
}

function customerObject(c: Customer | undefined, number: string): DatasetRow {
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

function projectObject(p: Project | undefined, number: string): DatasetRow {
  return {
    number,
    name: p?.name ?? '',
    customerNumber: p?.customerNumber ?? '',
    departmentNumber: p?.departmentNumber ?? '',
    billable: p?.billable ?? false,
  };
}

function userObject(u: User | undefined, employeeNumber: string): DatasetRow {
  return {
    employeeNumber,
    name: u?.name ?? '',
    email: u?.email ?? '',
    departmentNumber: u?.departmentNumber ?? '',
    external: u?.external ?? false,
  };
}

/** Lookups by key, built once per dataset. */
class Lookups {
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

function moneyTotal(
  rows: readonly DatasetRow[],
  field: string,
  currencyField: string | null,
  label: string,
): Record<string, number> {
  return totalsOf(moneyTotals(field, currencyField, label), rows);
}

function moneyTotals(field: string, currencyField: string | null, label: string): TotalsAccumulator {
  const totals: Record<string, number> = {};
  return {
    add(rows) {
      for (const row of rows) {
        const currency = currencyField ? String(row[currencyField] ?? '') : '';
        const key = currency ? `${label} ${currency}` : label;
        totals[key] = (totals[key] ?? 0) + Number(row[field] ?? 0);
      }
    },
    totals: () => ({ ...totals }),
  };
}

function hoursTotals(): TotalsAccumulator {
  const hours = new HoursSum();
  return {
    add(rows) {
      for (const row of rows) hours.add(Number(row.hours));
    },
    totals: () => ({ hours: hours.value() }),
  };
}

// ---------------------------------------------------------------- customers

const customers: DataTypeDefinition = {
  id: 'customers',
  label: 'Customers',
  description: 'One row per customer.',
  fields: CUSTOMER_FIELDS,
  build: (data) => data.customers.map((c) => customerObject(c, c.number)),
  recordOf: (row) => ({ kind: 'customer', key: String(row.number) }),
  controlTotals: () => ({}),
};

// ---------------------------------------------------------------- projects

const projects: DataTypeDefinition = {
  id: 'projects',
  label: 'Projects',
  description: 'One row per project, with its customer.',
  fields: [
    ...PROJECT_OBJECT_FIELDS,
    { path: 'customer', type: 'object', description: 'The project customer', example: null },
    ...nested('customer', CUSTOMER_FIELDS, 'Customer'),
  ],
  build(data) {
    const lookups = new Lookups(data);
    return data.projects.map((p) => ({
      ...projectObject(p, p.number),
      customer: customerObject(lookups.customers.get(p.customerNumber), p.customerNumber),
    }));
  },
  recordOf: (row) => ({ kind: 'project', key: String(row.number) }),
  controlTotals: () => ({}),
};

// ---------------------------------------------------------------- users

const users: DataTypeDefinition = {
  id: 'users',
  label: 'Users',
  description: 'One row per user (co-worker), external ones included.',
  fields: USER_FIELDS,
  build: (data) => data.users.map((u) => userObject(u, u.employeeNumber)),
  recordOf: (row) => ({ kind: 'user', key: String(row.employeeNumber) }),
  controlTotals: () => ({}),
};

// ---------------------------------------------------------------- invoices

const INVOICE_HEADER_FIELDS: readonly FieldDoc[] = [
  { path: 'id', type: 'string', description: 'Internal invoice id (stable, also for drafts)', example: 'inv-0001' },
  { path: 'number', type: 'string', description: 'Invoice number; empty on a draft', example: '10023' },
  { path: 'type', type: 'string', description: '`invoice` or `credit`', example: 'invoice' },
  { path: 'isCredit', type: 'boolean', description: 'True for a credit note', example: false },
  {
    path: 'sign',
    type: 'integer',
    description: '1 for an invoice, -1 for a credit note (amounts carry it already)',
    example: 1,
  },
  { path: 'creditedInvoiceNumber', type: 'string', description: 'Credit note: the invoice it credits', example: '' },
  { path: 'issueDate', type: 'date', description: 'Issue date', example: '2024-03-15' },
  { path: 'dueDate', type: 'date', description: 'Due date', example: '2024-03-29' },
  {
    path: 'finalizedAt',
    type: 'datetime',
    description: 'When the invoice was finalized; empty on a draft',
    example: '2024-03-15T10:42:00',
  },
  { path: 'finalizedDate', type: 'date', description: 'Date part of finalizedAt', example: '2024-03-15' },
  { path: 'status', type: 'string', description: '`draft` or `finalized`', example: 'finalized' },
  {
    path: 'exportStatus',
    type: 'string',
    description: '`to-transfer`, `transferred` or `do-not-transfer`',
    example: 'to-transfer',
  },
  { path: 'currency', type: 'string', description: 'Invoice currency', example: 'NOK' },
  { path: 'kid', type: 'string', description: 'KID / OCR payment reference', example: '0000100236' },
  { path: 'orderReference', type: 'string', description: "Customer's order reference", example: 'PO-4411' },
  { path: 'customerNumber', type: 'string', description: 'Customer number', example: '10001' },
  {
    path: 'projectNumber',
    type: 'string',
    description: 'Project number of the invoice; may be empty',
    example: 'P-100',
  },
];

const INVOICE_LINE_FIELDS: readonly FieldDoc[] = [
  { path: 'lineNumber', type: 'integer', description: 'Line number, from 1', example: 1 },
  { path: 'description', type: 'string', description: 'Line text', example: 'Consulting, March' },
  { path: 'productCode', type: 'string', description: 'Product / item code', example: 'CONS' },
  {
    path: 'quantity',
    type: 'number',
    description: 'Quantity as entered (positive on a credit note too)',
    example: 7.5,
  },
  { path: 'unitPrice', type: 'money', description: 'Net unit price, minor units, as entered', example: 120000 },
  { path: 'discountPercent', type: 'number', description: 'Line discount in percent', example: 0 },
  { path: 'accountNumber', type: 'string', description: 'Revenue account', example: '3000' },
  { path: 'accountName', type: 'string', description: 'Revenue account name', example: 'Salgsinntekt' },
  { path: 'vatCode', type: 'string', description: 'VAT code', example: '3' },
  { path: 'vatRatePercent', type: 'number', description: 'VAT rate in percent (0 for an unknown code)', example: 25 },
  { path: 'departmentNumber', type: 'string', description: 'Department', example: '20' },
  { path: 'projectNumber', type: 'string', description: 'Project of the line', example: 'P-100' },
  { path: 'projectName', type: 'string', description: 'Name of the line project', example: 'Website relaunch' },
  { path: 'net', type: 'money', description: 'Line net, minor units, negative on a credit note', example: 900000 },
  { path: 'vat', type: 'money', description: 'Line VAT, minor units, negative on a credit note', example: 225000 },
  { path: 'gross', type: 'money', description: 'Line net + VAT, minor units', example: 1125000 },
];

const invoices: DataTypeDefinition = {
  id: 'invoices',
  label: 'Invoices',
  description:
    'One row per invoice with its lines, customer and project. Amounts are derived once (credit notes negative).',
  listField: 'lines',
  fields: [
    ...INVOICE_HEADER_FIELDS,
    { path: 'customer', type: 'object', description: 'The invoice customer', example: null },
    ...nested('customer', CUSTOMER_FIELDS, 'Customer'),
    { path: 'project', type: 'object', description: 'The invoice project (empty fields when none)', example: null },
    ...nested('project', PROJECT_OBJECT_FIELDS, 'Project'),
    { path: 'net', type: 'money', description: 'Invoice net, minor units', example: 900000 },
    { path: 'vat', type: 'money', description: 'Invoice VAT, minor units', example: 225000 },
    { path: 'gross', type: 'money', description: 'Invoice total incl. VAT, minor units', example: 1125000 },
    { path: 'lineCount', type: 'integer', description: 'Number of lines', example: 1 },
    { path: 'lines', type: 'list', description: 'Invoice lines', example: null },
    ...INVOICE_LINE_FIELDS.map((f) => ({ ...f, path: `lines[].${f.path}` })),
  ],
  build(data) {
    const lookups = new Lookups(data);
    const rateOf = vatRateLookup(data.vatCodes);
    return data.invoices.map((invoice) => {
      const amounts = invoiceAmounts(invoice, rateOf);
      return {
        ...invoiceHeader(invoice),
        customer: customerObject(lookups.customers.get(invoice.customerNumber), invoice.customerNumber),
        project: lookups.projectRow(invoice.projectNumber),
        net: amounts.net,
        vat: amounts.vat,
        gross: amounts.gross,
        lineCount: invoice.lines.length,
        lines: invoice.lines.map((line, i) => {
          const a = amounts.lines[i]!;
          return {
            lineNumber: i + 1,
            description: line.description,
            productCode: line.productCode,
            quantity: line.quantity,
            unitPrice: line.unitPrice,
            discountPercent: line.discountPercent,
            accountNumber: line.accountNumber,
            accountName: lookups.accounts.get(line.accountNumber)?.name ?? '',
            vatCode: line.vatCode,
            vatRatePercent: a.ratePercent,
            departmentNumber: line.departmentNumber,
            projectNumber: line.projectNumber,
            projectName: lookups.projects.get(line.projectNumber)?.name ?? '',
            net: a.net,
            vat: a.vat,
            gross: a.gross,
          };
        }),
      };
    });
  },
  recordOf: (row) => ({ kind: 'invoice', key: String(row.number || row.id) }),
  controlTotals: (rows) => moneyTotal(rows, 'gross', 'currency', 'gross'),
};

function invoiceHeader(invoice: Invoice): DatasetRow {
  return {
    id: invoice.id,
    number: invoice.number,
    type: invoice.type,
    isCredit: invoice.type === 'credit',
    sign: invoice.type === 'credit' ? -1 : 1,
    creditedInvoiceNumber: invoice.creditedInvoiceNumber,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    finalizedAt: invoice.finalizedAt,
    finalizedDate: invoice.finalizedAt ? dateOf(invoice.finalizedAt) : '',
    status: invoice.status,
    exportStatus: invoice.exportStatus,
    currency: invoice.currency,
    kid: invoice.kid,
    orderReference: invoice.orderReference,
    customerNumber: invoice.customerNumber,
    projectNumber: invoice.projectNumber,
  };
}

// ---------------------------------------------------------------- invoices grouped by account

const invoicesByAccount: DataTypeDefinition = {
  id: 'invoicesByAccount',
  label: 'Invoices grouped by account',
  description:
    'Per invoice, one row per revenue account and VAT code with the summed net, VAT and gross (credit notes negative).',
  fields: [
    ...INVOICE_HEADER_FIELDS.map((f) =>
      f.path === 'id' ? { ...f, path: 'invoiceId' } : f.path === 'number' ? { ...f, path: 'invoiceNumber' } : f,
    ),
    { path: 'customerName', type: 'string', description: 'Customer name', example: 'Fjordkraft Consulting AS' },
    { path: 'projectName', type: 'string', description: 'Name of the invoice project', example: 'Website relaunch' },
    { path: 'accountNumber', type: 'string', description: 'Revenue account of the group', example: '3000' },
    { path: 'accountName', type: 'string', description: 'Account name', example: 'Salgsinntekt' },
    { path: 'vatCode', type: 'string', description: 'VAT code of the group', example: '3' },
    { path: 'vatRatePercent', type: 'number', description: 'VAT rate in percent', example: 25 },
    { path: 'net', type: 'money', description: 'Sum of line nets, minor units', example: 900000 },
    { path: 'vat', type: 'money', description: 'Sum of line VAT, minor units', example: 225000 },
    { path: 'gross', type: 'money', description: 'Sum of line gross, minor units', example: 1125000 },
    { path: 'lineCount', type: 'integer', description: 'Number of invoice lines in the group', example: 2 },
    { path: 'invoiceNet', type: 'money', description: 'Net of the whole invoice', example: 900000 },
    { path: 'invoiceVat', type: 'money', description: 'VAT of the whole invoice', example: 225000 },
    { path: 'invoiceGross', type: 'money', description: 'Gross of the whole invoice', example: 1125000 },
  ],
  build(data) {
    const lookups = new Lookups(data);
    const rateOf = vatRateLookup(data.vatCodes);
    return data.invoices.flatMap((invoice) => {
      const amounts = invoiceAmounts(invoice, rateOf);
      const { id, number, ...header } = invoiceHeader(invoice);
      return groupLinesByAccount(invoice.lines, amounts.lines).map((g) => ({
        invoiceId: id,
        invoiceNumber: number,
        ...header,
        customerName: lookups.customers.get(invoice.customerNumber)?.name ?? '',
        projectName: lookups.projects.get(invoice.projectNumber)?.name ?? '',
        accountNumber: g.accountNumber,
        accountName: lookups.accounts.get(g.accountNumber)?.name ?? '',
        vatCode: g.vatCode,
        vatRatePercent: g.ratePercent,
        net: g.net,
        vat: g.vat,
        gross: g.gross,
        lineCount: g.lineCount,
        invoiceNet: amounts.net,
        invoiceVat: amounts.vat,
        invoiceGross: amounts.gross,
      }));
    });
  },
  recordOf: (row) => ({ kind: 'invoice', key: String(row.invoiceNumber || row.invoiceId) }),
  controlTotals: (rows) => moneyTotal(rows, 'gross', 'currency', 'gross'),
};

// ---------------------------------------------------------------- time records

const timeRecords: DataTypeDefinition = {
  id: 'timeRecords',
  label: 'Timerecords',
  description:
    'One row per time record with its user and project. External co-workers only when the template includes them.',
  fields: [
    { path: 'id', type: 'string', description: 'Time record id', example: 'tr-0001' },
    { path: 'date', type: 'date', description: 'Date worked', example: '2024-03-04' },
    { path: 'employeeNumber', type: 'string', description: 'Employee number', example: '57' },
    { path: 'user', type: 'object', description: 'The co-worker', example: null },
    ...nested('user', USER_FIELDS, 'User'),
    { path: 'projectNumber', type: 'string', description: 'Project number', example: 'P-100' },
    { path: 'project', type: 'object', description: 'The project (empty fields when none)', example: null },
    ...nested('project', PROJECT_OBJECT_FIELDS, 'Project'),
    {
      path: 'customerName',
      type: 'string',
      description: 'Name of the project customer',
      example: 'Fjordkraft Consulting AS',
    },
    { path: 'activity', type: 'string', description: 'Activity', example: 'Development' },
    { path: 'hours', type: 'number', description: 'Hours', example: 7.5 },
    { path: 'wageCode', type: 'string', description: 'Payroll wage code', example: '800' },
    { path: 'rate', type: 'money', description: 'Rate per hour, minor units; null when not set', example: 109600 },
    { path: 'amount', type: 'money', description: 'hours × rate, minor units; null when no rate', example: 822000 },
    {
      path: 'payRate',
      type: 'money',
      description:
        "Pay (wage) rate per hour for payroll, minor units: the record's, else the co-worker's for the wage code; null when none (never the billing rate)",
      example: 35000,
    },
    { path: 'billable', type: 'boolean', description: 'Billable', example: true },
    { path: 'approved', type: 'boolean', description: 'Approved', example: true },
    { path: 'comment', type: 'string', description: 'Comment', example: '' },
  ],
  build(data, options) {
    return timeRecordRows(data, options)(data);
  },
  rowsPerRecord: (master, options) => timeRecordRows(master, options),
  recordOf: (row) => ({ kind: 'timeRecord', key: String(row.id) }),
  controlTotals: (rows) => totalsOf(hoursTotals(), rows),
  totalsAccumulator: hoursTotals,
};

function timeRecordRows(master: CompanyData, options: DatasetOptions): (records: CompanyData) => DatasetRow[] {
  const lookups = new Lookups(master);
  return (records) =>
    records.timeRecords
      .filter((r) => lookups.includeUser(r.employeeNumber, options))
      .map((r: TimeRecord) => {
        const project = lookups.projects.get(r.projectNumber);
        return {
          id: r.id,
          date: r.date,
          employeeNumber: r.employeeNumber,
          user: lookups.userRow(r.employeeNumber),
          projectNumber: r.projectNumber,
          project: lookups.projectRow(r.projectNumber),
          customerName: project ? (lookups.customers.get(project.customerNumber)?.name ?? '') : '',
          activity: r.activity,
          hours: r.hours,
          wageCode: r.wageCode,
          rate: r.rate,
          amount: r.rate === null ? null : hoursAmount(r.hours, r.rate),
          payRate: payRateFor(r, lookups.users.get(r.employeeNumber)),
          billable: r.billable,
          approved: r.approved,
          comment: r.comment,
        };
      });
}

// ---------------------------------------------------------------- time records grouped

const timeRecordsGrouped: DataTypeDefinition = {
  id: 'timeRecordsGrouped',
  label: 'Timerecords (grouped)',
  description:
    'Hours summed over the period per employee, wage code and project (the grouping keys are a template setting: employee, wageCode, project, activity, date). Key fields not grouped on are empty.',
  fields: [
    {
      path: 'employeeNumber',
      type: 'string',
      description: 'Employee number (empty unless grouped by employee)',
      example: '57',
    },
    { path: 'employeeName', type: 'string', description: 'Employee name', example: 'Kari Nordmann' },
    { path: 'wageCode', type: 'string', description: 'Wage code (empty unless grouped by wage code)', example: '800' },
    {
      path: 'projectNumber',
      type: 'string',
      description: 'Project number (empty unless grouped by project)',
      example: 'P-100',
    },
    { path: 'projectName', type: 'string', description: 'Project name', example: 'Website relaunch' },
    { path: 'activity', type: 'string', description: 'Activity (empty unless grouped by activity)', example: '' },
    { path: 'date', type: 'date', description: 'Date (empty unless grouped by date)', example: '' },
    { path: 'hours', type: 'number', description: 'Sum of hours', example: 37.5 },
    {
      path: 'amount',
      type: 'money',
      description: 'Sum of hours × rate of the records that have a rate, minor units',
      example: 4110000,
    },
    { path: 'recordCount', type: 'integer', description: 'Number of time records summed', example: 5 },
    { path: 'firstDate', type: 'date', description: 'Earliest date in the group', example: '2024-03-04' },
    { path: 'lastDate', type: 'date', description: 'Latest date in the group', example: '2024-03-08' },
  ],
  build(data, options) {
    const lookups = new Lookups(data);
    const records = data.timeRecords.filter((r) => lookups.includeUser(r.employeeNumber, options));
    const groupBy = options.groupBy && options.groupBy.length > 0 ? options.groupBy : DEFAULT_TIME_GROUP_KEYS;
    return groupTimeRecords(records, groupBy).map((g) => ({
      employeeNumber: g.keys.employee,
      employeeName: lookups.users.get(g.keys.employee)?.name ?? '',
      wageCode: g.keys.wageCode,
      projectNumber: g.keys.project,
      projectName: lookups.projects.get(g.keys.project)?.name ?? '',
      activity: g.keys.activity,
      date: g.keys.date,
      hours: g.hours,
      amount: g.amount,
      recordCount: g.records.length,
      firstDate: g.firstDate,
      lastDate: g.lastDate,
    }));
  },
  recordOf: (row) => ({ kind: 'user', key: String(row.employeeNumber) }),
  controlTotals: (rows) => ({ hours: sumHours(rows.map((r) => Number(r.hours))) }),
};

// ---------------------------------------------------------------- expenses

const expenses: DataTypeDefinition = {
  id: 'expenses',
  label: 'Expenses',
  description: 'One row per expense-claim item, with its claim, expense type and employee.',
  fields: [
    { path: 'claimNumber', type: 'string', description: 'Claim number', example: 'C-2024-007' },
    { path: 'claim', type: 'object', description: 'The claim the item belongs to', example: null },
    { path: 'claim.claimNumber', type: 'string', description: 'Claim: number', example: 'C-2024-007' },
    { path: 'claim.date', type: 'date', description: 'Claim: date', example: '2024-03-31' },
    {
      path: 'claim.status',
      type: 'string',
      description: 'Claim: draft, submitted, approved, paid or rejected',
      example: 'approved',
    },
    { path: 'claim.itemCount', type: 'integer', description: 'Claim: number of items', example: 2 },
    { path: 'claim.total', type: 'money', description: 'Claim: sum of item amounts, minor units', example: 64900 },
    { path: 'employeeNumber', type: 'string', description: 'Employee number', example: '57' },
    { path: 'employee', type: 'object', description: 'The employee who claims', example: null },
    ...nested('employee', USER_FIELDS, 'Employee'),
    { path: 'itemNumber', type: 'integer', description: 'Item number within the claim, from 1', example: 1 },
    { path: 'date', type: 'date', description: 'Date of the expense', example: '2024-03-12' },
    { path: 'expenseType', type: 'string', description: 'Expense type code', example: 'TAXI' },
    { path: 'expenseTypeName', type: 'string', description: 'Expense type name', example: 'Taxi' },
    { path: 'accountNumber', type: 'string', description: 'Expense account of the type', example: '7140' },
    { path: 'vatCode', type: 'string', description: 'VAT code of the type', example: '1' },
    { path: 'wageCode', type: 'string', description: 'Payroll wage code of the type', example: '920' },
    { path: 'description', type: 'string', description: 'Item text', example: 'Taxi to client' },
    { path: 'amount', type: 'money', description: 'Gross amount, minor units', example: 44900 },
    { path: 'vatAmount', type: 'money', description: 'VAT, minor units', example: 4810 },
    { path: 'netAmount', type: 'money', description: 'amount − vatAmount, minor units', example: 40090 },
    { path: 'currency', type: 'string', description: 'Currency', example: 'NOK' },
    { path: 'projectNumber', type: 'string', description: 'Project number', example: 'P-100' },
    { path: 'projectName', type: 'string', description: 'Project name', example: 'Website relaunch' },
  ],
  build(data, options) {
    return expenseRows(data, options)(data);
  },
  rowsPerRecord: (master, options) => expenseRows(master, options),
  recordOf: (row) => ({ kind: 'claim', key: String(row.claimNumber) }),
  controlTotals: (rows) => moneyTotal(rows, 'amount', 'currency', 'amount'),
  totalsAccumulator: () => moneyTotals('amount', 'currency', 'amount'),
};

function expenseRows(master: CompanyData, options: DatasetOptions): (records: CompanyData) => DatasetRow[] {
  const lookups = new Lookups(master);
  return (records) =>
    records.claims
      .filter((c) => lookups.includeUser(c.employeeNumber, options))
      .flatMap((claim: Claim) => {
        const claimObject = {
          claimNumber: claim.claimNumber,
          date: claim.date,
          status: claim.status,
          itemCount: claim.items.length,
          total: claim.items.reduce((s, i) => s + i.amount, 0),
        };
        const employee = lookups.userRow(claim.employeeNumber);
        return claim.items.map((item, i) => {
          const type = lookups.expenseTypes.get(item.expenseType);
          return {
            claimNumber: claim.claimNumber,
            claim: claimObject,
            employeeNumber: claim.employeeNumber,
            employee,
            itemNumber: i + 1,
            date: item.date,
            expenseType: item.expenseType,
            expenseTypeName: type?.name ?? '',
            accountNumber: type?.accountNumber ?? '',
            vatCode: type?.vatCode ?? '',
            wageCode: type?.wageCode ?? '',
            description: item.description,
            amount: item.amount,
            vatAmount: item.vatAmount,
            netAmount: item.amount - item.vatAmount,
            currency: item.currency,
            projectNumber: item.projectNumber,
            projectName: lookups.projects.get(item.projectNumber)?.name ?? '',
          };
        });
      });
}

export const DATA_TYPES: Readonly<Record<TemplateDataType, DataTypeDefinition>> = {
  customers,
  expenses,
  invoices,
  invoicesByAccount,
  projects,
  timeRecords,
  timeRecordsGrouped,
  users,
};

export function dataTypeDefinition(id: TemplateDataType): DataTypeDefinition {
  return DATA_TYPES[id];
}

/** The documented fields of a data type, for the editor's field reference. */
export function dataTypeFields(id: TemplateDataType): readonly FieldDoc[] {
  return DATA_TYPES[id].fields;
}

/** The rows a template of `dataType` reads. `data` is already narrowed by the pipeline (period, export status). */
export function buildDataset(
  dataType: TemplateDataType,
  data: CompanyData,
  options: DatasetOptions = {},
): DatasetRow[] {
  return DATA_TYPES[dataType].build(data, options);
}
