/**
 * Draft invoices and credit notes as the invoice page edits them: a new draft, an empty line,
 * and the checks a draft must pass to be finalized. The value rules are the shared ones
 * (src/core/validation, `validateInvoice`), so a form and an import judge an invoice alike;
 * the references (customer, project, account, VAT code) are checked against the registers here.
 */
import { childField, validateInvoice } from '../validation/documents.ts';
import { checkRequired, problem, type FieldProblem } from '../validation/rules.ts';
import { pushAll } from '../push-all.ts';
import { addDays } from './dates.ts';
import type { Account, Customer, Invoice, InvoiceLine, IsoDate, Project, VatCode } from './types.ts';

/** What a draft's form may change; number, status and export statuses are not among them. */
export const DRAFT_FIELDS = [
  'customerNumber',
  'projectNumber',
  'issueDate',
  'dueDate',
  'currency',
  'orderReference',
  'lines',
] as const satisfies readonly (keyof Invoice)[];
export type DraftFields = Pick<Invoice, (typeof DRAFT_FIELDS)[number]>;

export function draftFieldsOf(invoice: Invoice): DraftFields {
  const { customerNumber, projectNumber, issueDate, dueDate, currency, orderReference, lines } = invoice;
  return { customerNumber, projectNumber, issueDate, dueDate, currency, orderReference, lines };
}

/** A new invoice draft of `today` in the company's currency, with no customer and no lines yet. */
export function newDraft(id: string, currency: string, today: IsoDate): Invoice {
  return {
    id,
    number: '',
    type: 'invoice',
    creditedInvoiceNumber: '',
    customerNumber: '',
    projectNumber: '',
    issueDate: today,
    dueDate: today,
    currency,
    kid: '',
    orderReference: '',
    status: 'draft',
    finalizedAt: '',
    exportStatus: 'to-transfer',
    factoringStatus: 'to-transfer',
    lines: [],
  };
}

/** A credit note draft against the finalized `invoice`, crediting `lines`. */
export function newCreditNoteDraft(id: string, invoice: Invoice, lines: InvoiceLine[], today: IsoDate): Invoice {
  return {
    ...newDraft(id, invoice.currency, today),
    type: 'credit',
    creditedInvoiceNumber: invoice.number,
    customerNumber: invoice.customerNumber,
    projectNumber: invoice.projectNumber,
    orderReference: invoice.orderReference,
    lines,
  };
}

/** A new line: one of nothing yet, on the account and VAT code given (the register defaults). */
export function emptyLine(accountNumber = '', vatCode = '', projectNumber = ''): InvoiceLine {
  return {
    description: '',
    productCode: '',
    quantity: 1,
    unitPrice: 0,
    discountPercent: 0,
    accountNumber,
    vatCode,
    departmentNumber: '',
    projectNumber,
  };
}

/** The due date from the customer's payment terms. */
export function dueDateFor(issueDate: IsoDate, customer: Pick<Customer, 'paymentTermsDays'> | undefined): IsoDate {
  return addDays(issueDate, customer?.paymentTermsDays ?? 0);
}

export interface DraftRegisters {
  customers: readonly Pick<Customer, 'number'>[];
  projects: readonly Pick<Project, 'number'>[];
  accounts: readonly Pick<Account, 'number'>[];
  vatCodes: readonly Pick<VatCode, 'code'>[];
}

/**
 * Problems of a draft: the shared value rules, then a customer and at least one line, and every
 * reference to a register record that exists. Errors block Finalize; warnings (a due date before
 * the issue date) do not.
 */
export function checkDraft(invoice: Invoice, registers: DraftRegisters): FieldProblem[] {
  const out = validateInvoice(invoice as unknown as Record<string, unknown>);
  const has = <T>(list: readonly T[], key: (r: T) => string) => {
    const keys = new Set(list.map(key));
    return (value: string) => keys.has(value);
  };
  const customer = has(registers.customers, (c) => c.number);
  const project = has(registers.projects, (p) => p.number);
  const account = has(registers.accounts, (a) => a.number);
  const vatCode = has(registers.vatCodes, (v) => v.code);
  const unknown = (field: string, value: string, what: string) =>
    problem(field, 'error', 'unknown-reference', `no ${what} ${value} in the register`, { value, register: what });

  pushAll(out, checkRequired('customerNumber', invoice.customerNumber));
  if (invoice.customerNumber && !customer(invoice.customerNumber))
    out.push(unknown('customerNumber', invoice.customerNumber, 'customer'));
  if (invoice.projectNumber && !project(invoice.projectNumber))
    out.push(unknown('projectNumber', invoice.projectNumber, 'project'));
  if (invoice.lines.length === 0) out.push(problem('lines', 'error', 'no-lines', 'an invoice needs at least one line'));
  invoice.lines.forEach((line, i) => {
    const f = (name: string) => childField('lines', i, name);
    pushAll(out, checkRequired(f('accountNumber'), line.accountNumber));
    if (line.accountNumber && !account(line.accountNumber))
      out.push(unknown(f('accountNumber'), line.accountNumber, 'account'));
    pushAll(out, checkRequired(f('vatCode'), line.vatCode));
    if (line.vatCode && !vatCode(line.vatCode)) out.push(unknown(f('vatCode'), line.vatCode, 'VAT code'));
    if (line.projectNumber && !project(line.projectNumber))
      out.push(unknown(f('projectNumber'), line.projectNumber, 'project'));
  });
  return out;
}
