/**
 * The meaning of a company file whose shapes are right (record-schema.ts): the same rule set the
 * register forms and the CSV importer apply (src/core/validation), then what only a whole company
 * shows: references between records, invoice numbers used once, statuses that fit the record and
 * products of values that stay within safe integers (issue 16). Only errors refuse a file; the
 * rules' warnings (an odd but possible value) do not.
 *
 * Lookups go through Sets built once, so a million time records cost a million Set probes.
 */
import type { CompanyData } from '../domain/types.ts';
import {
  REGISTER_TABLES,
  validateClaim,
  validateInvoice,
  validateRegisterRecord,
  validateTimeRecord,
  type FieldProblem,
  type RegisterKind,
} from '../validation/index.ts';
import { fileIssue, type CompanyFileCode, type CompanyFileIssue } from './file-issues.ts';

type Row = Record<string, unknown>;

/** Stops the check once this many issues are found: the first bad values are what a reader needs. */
export type IssueSink = { issues: CompanyFileIssue[]; limit: number };

const full = (sink: IssueSink): boolean => sink.issues.length >= sink.limit;

function add(sink: IssueSink, issue: CompanyFileIssue): void {
  if (!full(sink)) sink.issues.push(issue);
}

/** A rule's error (warnings pass) at `where` + its field, as the forms and the importer word it. */
function addRuleErrors(sink: IssueSink, where: string, problems: readonly FieldProblem[]): void {
  for (const p of problems) {
    if (p.severity !== 'error') continue;
    add(
      sink,
      fileIssue('rule', `${where}.${p.field}`, {
        ...p.params,
        rule: p.code,
        problem: p.message,
      }),
    );
  }
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

function keySet(rows: readonly unknown[], key: string): Set<string> {
  const set = new Set<string>();
  for (const row of rows) set.add(text((row as Row)[key]));
  return set;
}

/** `value` must be a key of `keys` when it is not empty. */
function ref(
  sink: IssueSink,
  keys: ReadonlySet<string>,
  code: CompanyFileCode,
  path: string,
  value: unknown,
  required = false,
): void {
  const v = text(value);
  if (v === '' ? required : !keys.has(v)) add(sink, fileIssue(code, path, { value: v }));
}

const SAFE = Number.MAX_SAFE_INTEGER;

/** Checks the meaning of a shape-checked company, appending to `sink` until it is full. */
export function checkSemantics(data: CompanyData, sink: IssueSink): void {
  addRuleErrors(
    sink,
    'company',
    validateRegisterRecord('company', data.company as unknown as Row, data, { checkReferences: false }),
  );
  const keys = {
    customers: keySet(data.customers, 'number'),
    projects: keySet(data.projects, 'number'),
    users: keySet(data.users, 'employeeNumber'),
    accounts: keySet(data.accounts, 'number'),
    vatCodes: keySet(data.vatCodes, 'code'),
    expenseTypes: keySet(data.expenseTypes, 'code'),
  };
  checkRegisters(data, keys, sink);
  if (!full(sink)) checkInvoices(data, keys, sink);
  if (!full(sink)) checkTimeRecords(data, keys, sink);
  if (!full(sink)) checkClaims(data, keys, sink);
}

type Keys = Record<'customers' | 'projects' | 'users' | 'accounts' | 'vatCodes' | 'expenseTypes', Set<string>>;

function checkRegisters(data: CompanyData, keys: Keys, sink: IssueSink): void {
  const roles = new Map<string, string>();
  for (const kind of Object.keys(REGISTER_TABLES) as Exclude<RegisterKind, 'company'>[]) {
    const { table } = REGISTER_TABLES[kind];
    const rows = data[table] as unknown as Row[];
    for (let i = 0; i < rows.length && !full(sink); i++) {
      const r = rows[i]!;
      const where = `${table}[${i}]`;
      // References are checked below against the whole file, as the importer does.
      addRuleErrors(sink, where, validateRegisterRecord(kind, r, data, { checkReferences: false }));
      switch (kind) {
        case 'customer':
          ref(sink, keys.accounts, 'unknown-account', `${where}.ledgerAccount`, r['ledgerAccount']);
          break;
        case 'project':
          ref(sink, keys.customers, 'unknown-customer', `${where}.customerNumber`, r['customerNumber']);
          break;
        case 'account': {
          ref(sink, keys.vatCodes, 'unknown-vat-code', `${where}.vatCode`, r['vatCode']);
          const role = text(r['role']);
          if (role !== '') {
            const other = roles.get(role);
            if (other !== undefined)
              add(sink, fileIssue('account-role-taken', `${where}.role`, { value: role, account: other }));
            else roles.set(role, text(r['number']));
          }
          break;
        }
        case 'expenseType':
          ref(sink, keys.accounts, 'unknown-account', `${where}.accountNumber`, r['accountNumber']);
          ref(sink, keys.vatCodes, 'unknown-vat-code', `${where}.vatCode`, r['vatCode']);
          break;
        // A VAT code's account is a warning in the forms (the two refer to each other).
        case 'vatCode':
        case 'user':
          break;
      }
    }
  }
}

function checkInvoices(data: CompanyData, keys: Keys, sink: IssueSink): void {
  const rates = new Map<string, number>();
  for (const v of data.vatCodes) rates.set(v.code.trim(), v.ratePercent);
  const numbers = new Set<string>();
  for (let i = 0; i < data.invoices.length && !full(sink); i++) {
    const invoice = data.invoices[i]!;
    const where = `invoices[${i}]`;
    addRuleErrors(sink, where, validateInvoice(invoice as unknown as Row));
    ref(sink, keys.customers, 'unknown-customer', `${where}.customerNumber`, invoice.customerNumber, true);
    ref(sink, keys.projects, 'unknown-project', `${where}.projectNumber`, invoice.projectNumber);
    const number = invoice.number.trim();
    if (number !== '') {
      if (numbers.has(number)) add(sink, fileIssue('duplicate-invoice-number', `${where}.number`, { value: number }));
      numbers.add(number);
    }
    if (invoice.status === 'draft') {
      // A draft waits for its number; it has not been sent anywhere.
      for (const field of ['exportStatus', 'factoringStatus'] as const)
        if (invoice[field] === 'transferred')
          add(sink, fileIssue('draft-with-export-status', `${where}.${field}`, { value: invoice[field] }));
    } else {
      if (number === '') add(sink, fileIssue('finalized-without-number', `${where}.number`));
      if (invoice.lines.length === 0) add(sink, fileIssue('finalized-without-lines', `${where}.lines`));
    }
    // Totals are summed in whole minor units: every line and the invoice's sum must stay exact.
    let total = 0;
    invoice.lines.forEach((line, j) => {
      const at = `${where}.lines[${j}]`;
      ref(sink, keys.vatCodes, 'unknown-vat-code', `${at}.vatCode`, line.vatCode);
      ref(sink, keys.accounts, 'unknown-account', `${at}.accountNumber`, line.accountNumber);
      ref(sink, keys.projects, 'unknown-project', `${at}.projectNumber`, line.projectNumber);
      const net = Math.abs(line.quantity * line.unitPrice);
      const gross = net * (1 + Math.abs(rates.get(line.vatCode.trim()) ?? 0) / 100);
      total += gross;
      if (!(gross <= SAFE)) add(sink, fileIssue('amount-overflow', at, { what: 'quantity × unit price with VAT' }));
    });
    if (!(total <= SAFE)) add(sink, fileIssue('amount-overflow', `${where}.lines`, { what: 'the sum of the lines' }));
  }
}

function checkTimeRecords(data: CompanyData, keys: Keys, sink: IssueSink): void {
  for (let i = 0; i < data.timeRecords.length && !full(sink); i++) {
    const record = data.timeRecords[i]!;
    const where = `timeRecords[${i}]`;
    addRuleErrors(sink, where, validateTimeRecord(record as unknown as Row));
    ref(sink, keys.users, 'unknown-employee', `${where}.employeeNumber`, record.employeeNumber, true);
    ref(sink, keys.projects, 'unknown-project', `${where}.projectNumber`, record.projectNumber);
    const rate = Math.max(Math.abs(record.rate ?? 0), Math.abs(record.payRate ?? 0));
    if (!(Math.abs(record.hours) * rate <= SAFE))
      add(sink, fileIssue('amount-overflow', `${where}.hours`, { what: 'hours × rate' }));
  }
}

function checkClaims(data: CompanyData, keys: Keys, sink: IssueSink): void {
  for (let i = 0; i < data.claims.length && !full(sink); i++) {
    const claim = data.claims[i]!;
    const where = `claims[${i}]`;
    addRuleErrors(sink, where, validateClaim(claim as unknown as Row));
    ref(sink, keys.users, 'unknown-employee', `${where}.employeeNumber`, claim.employeeNumber, true);
    let total = 0;
    claim.items.forEach((item, j) => {
      const at = `${where}.items[${j}]`;
      ref(sink, keys.expenseTypes, 'unknown-expense-type', `${at}.expenseType`, item.expenseType, true);
      ref(sink, keys.projects, 'unknown-project', `${at}.projectNumber`, item.projectNumber);
      total += Math.abs(item.amount);
    });
    if (!(total <= SAFE)) add(sink, fileIssue('amount-overflow', `${where}.items`, { what: 'the sum of the items' }));
  }
}
