/**
 * An invoice as a balanced ledger voucher, shared by every accounting format that posts
 * invoices (SIE, GBAT10, Xledger, Visma Global, Dynamics C5):
 * - one receivable row (debit) on the gross amount, with the customer;
 * - one revenue row per invoice line (credit = negative), net amount, to the line's account;
 * - one output-VAT row per VAT account and rate (credit), skipped when zero.
 * Credit notes come out with opposite signs because invoice-amounts.ts negates them.
 *
 * Foreign-currency invoices are converted with the rates of the `exchangeRates` setting, line
 * by line, and the receivable row takes the sum of the converted rows, so the voucher always
 * balances in the company currency (any rounding difference stays on the receivable row).
 */
import { invoiceAmounts } from '../domain/invoice-amounts.ts';
import type { Account, CompanyData, Customer, Invoice, InvoiceLine, Minor, Project } from '../domain/types.ts';
import { issue } from '../formats/issues.ts';
import type { ExportIssue } from '../formats/types.ts';
import { checkInvoiceRecords } from './invoice-checks.ts';
import { currencyConverter, parseExchangeRates } from './exchange-rates.ts';
import { blankCustomer, masterIndex, type MasterIndex } from './invoice-lines.ts';
import { pushAll } from '../push-all.ts';
import { EXCHANGE_RATES_SETTING, invalidSettingIssue } from '../formats/kit/settings.ts';

export type LedgerRowKind = 'receivable' | 'revenue' | 'vat';
export type DepartmentSource = 'line' | 'project' | 'none';

export interface LedgerRow {
  kind: LedgerRowKind;
  account: string;
  /** Company currency, minor units, debit positive. */
  amount: Minor;
  /** Invoice currency, minor units, debit positive. */
  currencyAmount: Minor;
  vatCode: string;
  ratePercent: number;
  departmentNumber: string;
  projectNumber: string;
  text: string;
  /** Revenue rows: the line's own VAT, company currency, same sign as `amount` (0 on other rows). */
  lineVat: Minor;
  /** The same in the invoice currency. */
  currencyLineVat: Minor;
  /** The invoice line of a revenue row. */
  line?: InvoiceLine;
}

export interface LedgerVoucher {
  invoice: Invoice;
  customer: Customer;
  /** The invoice's own project, when it has one. */
  project: Project | undefined;
  rows: LedgerRow[];
  /** Receivable amount in company / invoice currency (debit positive). */
  gross: Minor;
  currencyGross: Minor;
  foreignCurrency: boolean;
}

export interface LedgerOptions {
  companyCurrency: string;
  /** Used for customers without `ledgerAccount`. */
  receivableAccount: string;
  /** When set, every revenue row goes to this account instead of the line's. */
  revenueAccount?: string;
  departmentSource: DepartmentSource;
  /** Currency code → company-currency units per 1 unit, scaled by 10^6. */
  rates: ReadonlyMap<string, bigint>;
}

/** The invoice's amounts in the company currency; undefined without a rate. */
function converter(invoice: Invoice, options: LedgerOptions): ((amount: Minor) => Minor) | undefined {
  return currencyConverter(invoice.currency || options.companyCurrency, options.companyCurrency, options.rates);
}

export function departmentFor(
  line: InvoiceLine,
  invoiceProject: Project | undefined,
  source: DepartmentSource,
): string {
  if (source === 'line') return line.departmentNumber;
  if (source === 'project') return invoiceProject?.departmentNumber ?? '';
  return '';
}

/**
 * Where the chart's default receivable account is looked for when the export's settings name
 * none: NS 4102 keeps customer receivables on 1500, BAS on 1510 (a BAS chart has no 1500), and a
 * Visma chart for Sweden on 1500 ("Obetalda kundfakturor") beside an old 1510.
 */
export const RECEIVABLE_ACCOUNT_FALLBACKS = ['1500', '1510'] as const;

/**
 * The company's default receivable account: the account the chart marks as customer
 * receivables, else the first of 1500 and 1510 that the chart has; empty when it has neither.
 */
export function chartReceivableAccount(accounts: readonly Account[]): string {
  const marked = accounts.find((account) => account.role === 'customer-receivables');
  if (marked) return marked.number;
  const numbers = new Set(accounts.map((account) => account.number));
  return RECEIVABLE_ACCOUNT_FALLBACKS.find((number) => numbers.has(number)) ?? '';
}

export function receivableAccountFor(customer: Customer, options: Pick<LedgerOptions, 'receivableAccount'>): string {
  return customer.ledgerAccount || options.receivableAccount;
}

/** Builds the voucher; a currency without a rate is booked unconverted (checks report it first). */
export function ledgerVoucher(invoice: Invoice, index: MasterIndex, options: LedgerOptions): LedgerVoucher {
  const customer = index.customer(invoice.customerNumber) ?? blankCustomer(invoice.customerNumber);
  const project = invoice.projectNumber ? index.project(invoice.projectNumber) : undefined;
  const amounts = invoiceAmounts(invoice, index.amountRules);
  const convert = converter(invoice, options) ?? ((amount: Minor) => amount);
  const rows: LedgerRow[] = [];

  invoice.lines.forEach((line, i) => {
    const la = amounts.lines[i]!;
    rows.push({
      kind: 'revenue',
      account: options.revenueAccount || line.accountNumber,
      amount: -convert(la.net) + 0,
      currencyAmount: -la.net + 0,
      vatCode: line.vatCode,
      ratePercent: la.ratePercent,
      departmentNumber: departmentFor(line, project, options.departmentSource),
      projectNumber: line.projectNumber || invoice.projectNumber,
      text: line.description,
      lineVat: -convert(la.vat) + 0,
      currencyLineVat: -la.vat + 0,
      line,
    });
  });

  // VAT per VAT account and rate, in the order the codes first appear on the invoice.
  const vatGroups = new Map<string, { account: string; code: string; rate: number; vat: Minor }>();
  invoice.lines.forEach((line, i) => {
    const la = amounts.lines[i]!;
    const account = index.vatCode(line.vatCode)?.accountNumber ?? '';
    const key = `${account}|${la.ratePercent}`;
    const group = vatGroups.get(key);
    if (group) group.vat += la.vat;
    else vatGroups.set(key, { account, code: line.vatCode, rate: la.ratePercent, vat: la.vat });
  });
  for (const group of vatGroups.values()) {
    if (group.vat === 0) continue;
    rows.push({
      kind: 'vat',
      account: group.account,
      amount: -convert(group.vat) + 0,
      currencyAmount: -group.vat + 0,
      vatCode: group.code,
      ratePercent: group.rate,
      departmentNumber: '',
      projectNumber: '',
      text: `VAT ${group.rate} %`,
      lineVat: 0,
      currencyLineVat: 0,
    });
  }

  const gross = -rows.reduce((sum, r) => sum + r.amount, 0) + 0;
  rows.unshift({
    kind: 'receivable',
    account: receivableAccountFor(customer, options),
    amount: gross,
    currencyAmount: amounts.gross,
    vatCode: '',
    ratePercent: 0,
    departmentNumber: '',
    projectNumber: '',
    text: `${invoice.type === 'credit' ? 'Credit note' : 'Invoice'} ${invoice.number} ${customer.name}`.trim(),
    lineVat: 0,
    currencyLineVat: 0,
  });
  const foreignCurrency =
    (invoice.currency || options.companyCurrency).toUpperCase() !== options.companyCurrency.toUpperCase();
  return { invoice, customer, project, rows, gross, currencyGross: amounts.gross, foreignCurrency };
}

/**
 * The accounts, departments and projects a set of vouchers posts to, each sorted: what a
 * ledger file declares before its vouchers (SIE #KONTO / #DIM / #OBJEKT, and the SIE template).
 * Departments and projects come from revenue rows only.
 */
export function voucherDimensions(vouchers: readonly LedgerVoucher[]): {
  accounts: string[];
  departments: string[];
  projects: string[];
} {
  const accounts = new Set<string>();
  const departments = new Set<string>();
  const projects = new Set<string>();
  for (const v of vouchers)
    for (const r of v.rows) {
      accounts.add(r.account);
      if (r.kind !== 'revenue') continue;
      if (r.departmentNumber) departments.add(r.departmentNumber);
      if (r.projectNumber) projects.add(r.projectNumber);
    }
  return { accounts: [...accounts].sort(), departments: [...departments].sort(), projects: [...projects].sort() };
}

export interface InvoiceCheckOptions extends LedgerOptions {
  /** The format posts lines to their own accounts (no fixed revenue account). */
  needLineAccounts: boolean;
  /** The format writes explicit VAT rows, so every VAT code with a rate needs a VAT account. */
  needVatAccounts: boolean;
  /** Customer numbers must be digits only (at most this many), e.g. GBAT10's 9. */
  numericCustomerNumbers?: number;
  /** Invoice numbers must be digits only (at most this many), e.g. GBAT10's voucher number. */
  numericInvoiceNumbers?: number;
  /** False for a format whose file has no receivable row (Dynamics C5 posts to the customer number). */
  postsReceivable?: boolean;
  /** The format cannot carry a foreign currency at all (ignored when rates convert it). */
  exchangeRatesInvalid?: string[];
}

/**
 * The default receivable account must exist in the chart when some customer without a ledger
 * account of their own will be posted to it: a file that posts to an account the receiving
 * system does not know is refused, or posts to the wrong place.
 */
function defaultReceivableIssues(data: CompanyData, options: InvoiceCheckOptions, index: MasterIndex): ExportIssue[] {
  const usesDefault = data.invoices.some((invoice) => !index.customer(invoice.customerNumber)?.ledgerAccount);
  if (!usesDefault) return [];
  if (!options.receivableAccount)
    return [issue('error', 'missing-receivable-account', {}, undefined, 'receivableAccount')];
  if (index.account(options.receivableAccount)) return [];
  return [
    issue(
      'error',
      'unknown-receivable-account',
      { account: options.receivableAccount },
      undefined,
      'receivableAccount',
    ),
  ];
}

/** The data checks every invoice-posting format needs. */
export function checkInvoicesForLedger(data: CompanyData, options: InvoiceCheckOptions): ExportIssue[] {
  const index = masterIndex(data);
  const issues: ExportIssue[] = [];
  for (const bad of options.exchangeRatesInvalid ?? []) issues.push(invalidExchangeRate(bad));
  const postsReceivable = options.postsReceivable !== false;
  if (postsReceivable) pushAll(issues, defaultReceivableIssues(data, options, index));
  pushAll(
    issues,
    checkInvoiceRecords(
      data,
      {
        linesRequired: true,
        uniqueNumbers: true,
        numericInvoiceNumbers: options.numericInvoiceNumbers,
        knownCustomers: true,
        numericCustomerNumbers: options.numericCustomerNumbers,
        customerAccountsInChart: postsReceivable,
        lineAccounts: options.needLineAccounts && !options.revenueAccount ? 'in-chart' : undefined,
        knownVatCodes: true,
        creditReference: true,
      },
      index,
    ),
  );
  for (const invoice of data.invoices) {
    const missingRate = missingExchangeRate(invoice, options.companyCurrency, options.rates);
    if (missingRate) issues.push(missingRate);
    if (!options.needVatAccounts) continue;
    for (const line of invoice.lines) {
      const vat = index.vatCode(line.vatCode);
      if (vat && vat.ratePercent !== 0 && !vat.accountNumber)
        issues.push(
          issue(
            'error',
            'missing-vat-account',
            { vatCode: vat.code, rate: vat.ratePercent },
            { kind: 'vatCode', key: vat.code },
            'accountNumber',
          ),
        );
      else if (vat && vat.ratePercent !== 0 && !index.account(vat.accountNumber))
        issues.push(
          issue(
            'error',
            'unknown-vat-account',
            { vatCode: vat.code, account: vat.accountNumber },
            { kind: 'vatCode', key: vat.code },
            'accountNumber',
          ),
        );
    }
  }
  return issues;
}

/** The `exchangeRates` setting holds an entry that is not `EUR=11.49`. */
export function invalidExchangeRate(entry: string): ExportIssue {
  return invalidSettingIssue([EXCHANGE_RATES_SETTING], 'exchangeRates', entry);
}

/** An invoice in a foreign currency without a rate to convert it to the company currency. */
export function missingExchangeRate(
  invoice: Invoice,
  companyCurrency: string,
  rates: ReadonlyMap<string, bigint>,
): ExportIssue | undefined {
  const currency = (invoice.currency || companyCurrency).toUpperCase();
  if (currency === companyCurrency.toUpperCase() || rates.has(currency)) return undefined;
  const key = invoice.number || invoice.id;
  return issue(
    'error',
    'missing-exchange-rate',
    { invoice: key, currency, companyCurrency },
    { kind: 'invoice', key },
    'currency',
  );
}

/** The ledger options most formats read from their settings (`receivableAccount`, `exchangeRates`). */
export function ledgerOptionsFrom(
  data: CompanyData,
  settings: Record<string, unknown>,
  extra: { departmentSource: DepartmentSource; revenueAccount?: string },
): { options: LedgerOptions; invalidRates: string[] } {
  const { rates, invalid } = parseExchangeRates(String(settings['exchangeRates'] ?? ''));
  const options: LedgerOptions = {
    companyCurrency: data.company.currency || 'NOK',
    receivableAccount: String(settings['receivableAccount'] ?? '').trim() || chartReceivableAccount(data.accounts),
    departmentSource: extra.departmentSource,
    rates,
  };
  if (extra.revenueAccount) options.revenueAccount = extra.revenueAccount;
  return { options, invalidRates: invalid };
}
