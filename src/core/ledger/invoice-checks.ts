/**
 * The checks of invoice records that every invoice export needs in some measure, in one place
 * so that each condition is found once, with one code: built-in formats (the ledger check,
 * Xero, SG Finans) and invoice templates call it with what their file needs. The export
 * pipeline checks only the selection (nothing to export).
 */
import type { CompanyData } from '../domain/types.ts';
import { issue } from '../formats/issues.ts';
import type { ExportIssue } from '../formats/types.ts';
import { masterIndex, type MasterIndex } from './invoice-lines.ts';

export interface InvoiceRecordChecks {
  /** An invoice without lines is an error (the file needs them, e.g. to post revenue); otherwise a warning. */
  linesRequired: boolean;
  /** Invoice numbers must be unique in the file. */
  uniqueNumbers?: boolean;
  /** Invoice numbers must be digits only, at most this many (e.g. GBAT10's voucher number). */
  numericInvoiceNumbers?: number;
  /** Every invoice's customer must exist. */
  knownCustomers?: boolean;
  /** Customer numbers must be digits only, at most this many (e.g. GBAT10's 9). */
  numericCustomerNumbers?: number;
  /** A customer's own ledger account must be in the chart of accounts (the file posts to it). */
  customerAccountsInChart?: boolean;
  /** Each line needs an account (`present`), also one in the chart of accounts (`in-chart`). */
  lineAccounts?: 'present' | 'in-chart';
  /** Each line's VAT code must exist. */
  knownVatCodes?: boolean;
  /** A credit note should name the invoice it credits (a warning). */
  creditReference?: boolean;
}

/** The issues of `data.invoices` under `checks`; `index` may be passed when the caller has one. */
export function checkInvoiceRecords(
  data: CompanyData,
  checks: InvoiceRecordChecks,
  index: MasterIndex = masterIndex(data),
): ExportIssue[] {
  const issues: ExportIssue[] = [];
  const seenNumbers = new Set<string>();
  for (const invoice of data.invoices) {
    const key = invoice.number || invoice.id;
    const record = { kind: 'invoice' as const, key };
    const at = { invoice: key };
    if (!invoice.number) issues.push(issue('error', 'missing-invoice-number', at, record, 'number'));
    else if (checks.uniqueNumbers && seenNumbers.has(invoice.number))
      issues.push(issue('error', 'duplicate-invoice-number', at, record, 'number'));
    seenNumbers.add(invoice.number);
    const invoiceDigits = checks.numericInvoiceNumbers;
    if (invoiceDigits && invoice.number && !new RegExp(`^\\d{1,${invoiceDigits}}$`).test(invoice.number))
      issues.push(issue('error', 'non-numeric-invoice-number', { ...at, digits: invoiceDigits }, record, 'number'));
    if (invoice.lines.length === 0)
      issues.push(issue(checks.linesRequired ? 'error' : 'warning', 'empty-invoice', at, record, 'lines'));
    if (checks.creditReference && invoice.type === 'credit' && !invoice.creditedInvoiceNumber)
      issues.push(issue('warning', 'credit-without-reference', at, record, 'creditedInvoiceNumber'));

    if (checks.knownCustomers) {
      const customer = index.customer(invoice.customerNumber);
      if (!customer) {
        issues.push(
          issue('error', 'unknown-customer', { ...at, customer: invoice.customerNumber }, record, 'customerNumber'),
        );
      } else {
        const crecord = { kind: 'customer' as const, key: customer.number };
        const customerDigits = checks.numericCustomerNumbers;
        if (customerDigits && !new RegExp(`^\\d{1,${customerDigits}}$`).test(customer.number))
          issues.push(
            issue(
              'error',
              'non-numeric-customer-number',
              { customer: customer.number, digits: customerDigits },
              crecord,
              'number',
            ),
          );
        if (checks.customerAccountsInChart && customer.ledgerAccount && !index.account(customer.ledgerAccount))
          issues.push(
            issue(
              'error',
              'unknown-account',
              { customer: customer.number, account: customer.ledgerAccount },
              crecord,
              'ledgerAccount',
            ),
          );
      }
    }

    invoice.lines.forEach((line, i) => {
      const atLine = { ...at, line: i + 1 };
      if (checks.lineAccounts) {
        if (!line.accountNumber) issues.push(issue('error', 'missing-account', atLine, record, 'accountNumber'));
        else if (checks.lineAccounts === 'in-chart' && !index.account(line.accountNumber))
          issues.push(
            issue(
              'error',
              'unknown-account',
              { ...atLine, account: line.accountNumber },
              { kind: 'account', key: line.accountNumber },
              'accountNumber',
            ),
          );
      }
      if (checks.knownVatCodes && !index.vatCode(line.vatCode))
        issues.push(issue('error', 'unknown-vat-code', { ...atLine, vatCode: line.vatCode }, record, 'vatCode'));
    });
  }
  return issues;
}
