/**
 * `ledger`: the invoices as balanced vouchers (receivable, revenue per line, output VAT per
 * VAT account and rate), for text templates of invoice data that write accounting files
 * (SIE-like). It is the same voucher builder the built-in accounting formats use
 * (src/core/formats/systems/invoice-ledger.ts), so a template copied from SIE 4 posts exactly
 * what the built-in posts. Its settings are the template's `dataOptions.ledger`.
 */
import { currencyDecimals } from '../domain/money.ts';
import type { CompanyData } from '../domain/types.ts';
import { masterIndex } from '../ledger/invoice-lines.ts';
import {
  ledgerOptionsFrom,
  ledgerVoucher,
  voucherDimensions,
  type DepartmentSource,
} from '../ledger/invoice-ledger.ts';
import type { DatasetRow, FieldDoc } from './data-types/row.ts';

export interface LedgerDataOptions {
  /** For customers without their own ledger account. */
  receivableAccount?: string;
  /** Where the cost centre of a revenue row comes from. Default `line`. */
  departmentSource?: DepartmentSource;
  /** `EUR=11.4921; USD=10.80`: company-currency units per 1 foreign unit. */
  exchangeRates?: string;
}

/**
 * `invoiceRows[i]` is the dataset row of `data.invoices[i]`; vouchers point at those rows so
 * issues raised inside a voucher loop name the invoice.
 */
export function ledgerScope(
  data: CompanyData,
  invoiceRows: readonly DatasetRow[],
  options: LedgerDataOptions = {},
): DatasetRow {
  const { options: ledger } = ledgerOptionsFrom(
    data,
    { receivableAccount: options.receivableAccount ?? '', exchangeRates: options.exchangeRates ?? '' },
    { departmentSource: options.departmentSource ?? 'line' },
  );
  const index = masterIndex(data);
  const vouchers = data.invoices.map((invoice) => ledgerVoucher(invoice, index, ledger));
  const { accounts: usedAccounts, departments, projects } = voucherDimensions(vouchers);
  return {
    currency: ledger.companyCurrency,
    decimals: currencyDecimals(ledger.companyCurrency),
    accounts: usedAccounts.flatMap((n) => {
      const a = index.account(n);
      return a ? [{ number: a.number, name: a.name }] : [];
    }),
    departments,
    projects: projects.map((p) => ({ number: p, name: index.project(p)?.name ?? p })),
    grossTotal: vouchers.reduce((s, v) => s + v.gross, 0),
    vouchers: vouchers.map((v, i) => ({
      invoice: invoiceRows[i],
      customerName: v.customer.name,
      gross: v.gross,
      currencyGross: v.currencyGross,
      foreignCurrency: v.foreignCurrency,
      rows: v.rows.map((r) => ({
        kind: r.kind,
        account: r.account,
        accountName: index.account(r.account)?.name ?? '',
        amount: r.amount,
        currencyAmount: r.currencyAmount,
        vatCode: r.vatCode,
        ratePercent: r.ratePercent,
        departmentNumber: r.departmentNumber,
        projectNumber: r.projectNumber,
        text: r.text,
      })),
    })),
  };
}

export const LEDGER_FIELDS: readonly FieldDoc[] = [
  { path: 'ledger.currency', type: 'string', description: 'Company currency the vouchers are in', example: 'SEK' },
  { path: 'ledger.decimals', type: 'integer', description: 'Minor-unit digits of that currency', example: 2 },
  {
    path: 'ledger.accounts',
    type: 'list',
    description: 'Accounts the vouchers post to that are in the chart (number, name), sorted',
    example: null,
  },
  { path: 'ledger.departments', type: 'list', description: 'Cost centres used on revenue rows, sorted', example: null },
  {
    path: 'ledger.projects',
    type: 'list',
    description: 'Projects used on revenue rows (number, name), sorted',
    example: null,
  },
  { path: 'ledger.grossTotal', type: 'money', description: 'Sum of the receivable rows', example: 1125000 },
  { path: 'ledger.vouchers', type: 'list', description: 'One voucher per invoice', example: null },
  {
    path: 'ledger.vouchers[].invoice',
    type: 'object',
    description: 'The invoice row (fields of the Invoices data type)',
    example: null,
  },
  {
    path: 'ledger.vouchers[].customerName',
    type: 'string',
    description: 'Customer name',
    example: 'Fjordkraft Consulting AS',
  },
  {
    path: 'ledger.vouchers[].gross',
    type: 'money',
    description: 'Receivable amount in the company currency (debit positive)',
    example: 1125000,
  },
  {
    path: 'ledger.vouchers[].rows',
    type: 'list',
    description: 'Voucher rows: receivable, then revenue per line, then VAT',
    example: null,
  },
  {
    path: 'ledger.vouchers[].rows[].kind',
    type: 'string',
    description: '`receivable`, `revenue` or `vat`',
    example: 'revenue',
  },
  { path: 'ledger.vouchers[].rows[].account', type: 'string', description: 'Account', example: '3001' },
  { path: 'ledger.vouchers[].rows[].accountName', type: 'string', description: 'Account name', example: 'Försäljning' },
  {
    path: 'ledger.vouchers[].rows[].amount',
    type: 'money',
    description: 'Company currency, debit positive, credit negative',
    example: -900000,
  },
  {
    path: 'ledger.vouchers[].rows[].currencyAmount',
    type: 'money',
    description: 'Invoice currency, debit positive',
    example: -900000,
  },
  { path: 'ledger.vouchers[].rows[].vatCode', type: 'string', description: 'VAT code', example: '3' },
  { path: 'ledger.vouchers[].rows[].ratePercent', type: 'number', description: 'VAT rate', example: 25 },
  {
    path: 'ledger.vouchers[].rows[].departmentNumber',
    type: 'string',
    description: 'Cost centre (revenue rows)',
    example: '20',
  },
  {
    path: 'ledger.vouchers[].rows[].projectNumber',
    type: 'string',
    description: 'Project (revenue rows)',
    example: 'P-100',
  },
  {
    path: 'ledger.vouchers[].rows[].text',
    type: 'string',
    description: 'Row text (revenue rows: the line text)',
    example: 'Consulting',
  },
];
