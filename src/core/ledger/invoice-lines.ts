/**
 * The "invoice lines" dataset: one flat row per invoice line with its invoice, customer,
 * project, account, VAT code and derived amounts. Delimited layouts (built-in and user
 * templates) address it by field paths such as `invoice.number`, `customer.name`,
 * `amounts.net`. Amounts are signed minor units (credit notes negative), from
 * src/core/domain/invoice-amounts.ts.
 */
import { amountRules, invoiceAmounts, type AmountRules, type LineAmounts } from '../domain/invoice-amounts.ts';
import type { Account, CompanyData, Customer, Invoice, InvoiceLine, Minor, Project, VatCode } from '../domain/types.ts';

export interface InvoiceLineRow {
  invoice: Invoice;
  /** 1-based line number within the invoice. */
  lineNumber: number;
  line: InvoiceLine;
  /** Quantity with the credit-note sign applied. */
  signedQuantity: number;
  /** Unit price with the credit-note sign applied (minor units). */
  signedUnitPrice: Minor;
  amounts: LineAmounts;
  invoiceTotals: { net: Minor; vat: Minor; gross: Minor };
  customer: Customer;
  /** The line's project, or the invoice's; blank fields when none. */
  project: Project;
  account: Account;
  vat: VatCode;
  /** Extra values a format computes (e.g. Xero's TaxType); free for formats to fill. */
  extra: Record<string, string | number>;
}

export const BLANK_PROJECT: Project = {
  number: '',
  name: '',
  customerNumber: '',
  departmentNumber: '',
  billable: false,
};
export const BLANK_ACCOUNT: Account = { number: '', name: '', kind: 'revenue', vatCode: '' };
export const BLANK_VAT: VatCode = { code: '', ratePercent: 0, description: '', accountNumber: '', standardTaxCode: '' };

export function blankCustomer(number: string): Customer {
  return {
    number,
    name: '',
    orgNumber: '',
    email: '',
    phone: '',
    addressLine1: '',
    addressLine2: '',
    postalCode: '',
    city: '',
    countryCode: '',
    currency: '',
    paymentTermsDays: 0,
    peppolId: '',
    ledgerAccount: '',
  };
}

/** Lookups by key over a company's master data. */
export interface MasterIndex {
  customer(number: string): Customer | undefined;
  project(number: string): Project | undefined;
  account(number: string): Account | undefined;
  vatCode(code: string): VatCode | undefined;
  rateOf(code: string): number | undefined;
  /** The VAT rates and the company's VAT rounding, for `invoiceAmounts`. */
  amountRules: AmountRules;
}

export function masterIndex(data: CompanyData): MasterIndex {
  const customers = new Map(data.customers.map((c) => [c.number, c]));
  const projects = new Map(data.projects.map((p) => [p.number, p]));
  const accounts = new Map(data.accounts.map((a) => [a.number, a]));
  const vatCodes = new Map(data.vatCodes.map((v) => [v.code, v]));
  const rules = amountRules(data);
  return {
    customer: (n) => customers.get(n),
    project: (n) => projects.get(n),
    account: (n) => accounts.get(n),
    vatCode: (c) => vatCodes.get(c),
    rateOf: rules.rateOf,
    amountRules: rules,
  };
}

export function invoiceLineRows(data: CompanyData, invoices: readonly Invoice[] = data.invoices): InvoiceLineRow[] {
  const index = masterIndex(data);
  const rows: InvoiceLineRow[] = [];
  for (const invoice of invoices) {
    const totals = invoiceAmounts(invoice, index.amountRules);
    const customer = index.customer(invoice.customerNumber) ?? blankCustomer(invoice.customerNumber);
    const sign = invoice.type === 'credit' ? -1 : 1;
    invoice.lines.forEach((line, i) => {
      rows.push({
        invoice,
        lineNumber: i + 1,
        line,
        signedQuantity: sign * line.quantity + 0,
        signedUnitPrice: sign * line.unitPrice + 0,
        amounts: totals.lines[i]!,
        invoiceTotals: { net: totals.net, vat: totals.vat, gross: totals.gross },
        customer,
        project: index.project(line.projectNumber || invoice.projectNumber) ?? BLANK_PROJECT,
        account: index.account(line.accountNumber) ?? BLANK_ACCOUNT,
        vat: index.vatCode(line.vatCode) ?? BLANK_VAT,
        extra: {},
      });
    });
  }
  return rows;
}
