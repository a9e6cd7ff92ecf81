/**
 * Norwegian SAF-T Financial 1.30: the standard audit file the tax authority (Skatteetaten) can
 * demand, for a chosen period, from the invoices and credit notes of that period.
 *
 * Spec: Skatteetaten's repository https://github.com/Skatteetaten/saf-t (commit 1abb7ec6, stored in
 * ../shared/corpora/saft-no/): `SAF-T_Financial_1.3/Norwegian_SAF-T_Financial_Schema_v_1.30.xsd`
 * (targetNamespace `urn:StandardAuditFile-Taxation-Financial:NO`, version 1.30), its code lists
 * (`Standard Tax Codes/`, `SAF-T_Financial_1.3/Grouping Category Code/`) and
 * `SAF-T_Financial_1.3/About_SAF-T_Financial_v.1.3.txt`, quoted:
 * - "The structure SelectionCriteria has changed from Optional to Mandatory i HeaderStructure."
 * - "<TaxTable><TaxCodeDetails><StandardTaxCode> is set as Mandatory"
 * - "<MasterFiles><Account><GroupingCategory> has changed from Optional to Mandatory." (and GroupingCode)
 * - "Account" and "Opening-/ClosingBalances" of customers "are moved to a new structure,
 *   BalanceAccountStructure ... The amount elements of the new structure are Mandatory."
 * - "The element <TaxAmount> is replaced with two elements, <DebitTaxAmount> and <CreditTaxAmount>"
 * From the schema: Header/Company needs RegistrationNumber, Name and at least one Contact with
 * ContactPerson/FirstName and LastName; TaxAccountingBasis is `A`; AccountType is `GL`; TaxType
 * `MVA` with Description `Merverdiavgift`; monetary amounts have at most 2 decimals; a line has
 * either DebitAmount or CreditAmount; the element order below is the schema's `xs:sequence` order.
 *
 * Assumptions (constants or settings):
 * - Selection: `context.period` (the run's `--from`/`--to`) as SelectionStartDate/SelectionEndDate;
 *   every finalized invoice and credit note issued in it (the pipeline selects them for a
 *   `periodExport` format, whatever their export status). Without a period (a test, or an invoice
 *   run), the invoices given and their first and last dates.
 * - Ledger: the shared ledger voucher (src/core/ledger/invoice-ledger.ts) per document, amounts in
 *   the company currency (setting `exchangeRates` for others, with CurrencyCode and CurrencyAmount
 *   on each line), receivable account per customer else setting `receivableAccount`. VAT is never
 *   computed here: the revenue line's TaxInformation carries the ledger's line VAT and net base.
 * - GeneralLedgerEntries: one journal (`JOURNAL_ID` `FAKTURA`, Type `GL`) for both invoices and
 *   credit notes; claims are not written (they hold no input-VAT account to post to). A transaction
 *   per document: TransactionID = the invoice number, Period/PeriodYear from the company's fiscal
 *   year, TransactionDate = GLPostingDate = the issue date, SystemEntryDate = the finalized date,
 *   VoucherType `Faktura` / `Kreditnota`, CustomerID. Lines: RecordID 1…, the receivable line with
 *   CustomerID, CID (KID) and DueDate; revenue lines with Analysis `A` (department) and `P`
 *   (project) when set; VAT lines on the VAT code's account.
 * - MasterFiles: GeneralLedgerAccounts = the accounts the file posts to, OpeningDebitBalance 0.00
 *   (Exportdesk keeps no ledger before the period: the balances are the movements of the file's
 *   vouchers), the closing balance as debit or credit by its sign. Customers = the customers of
 *   the file's documents, with one BalanceAccount (their receivable account, opening 0.00).
 *   TaxTable = every VAT code with a standard tax code, BaseRate 100, Country NO.
 *   AnalysisTypeTable for the departments (`A`, named by number: the data has no department
 *   names) and projects (`P`) used.
 * - Header: SoftwareCompanyName = SoftwareID = the program name, SoftwareVersion = its version;
 *   Company contact person split at the last space into FirstName and LastName (a single word is
 *   both); TaxRegistrationNumber `<org no>MVA` when the company is VAT registered.
 * - UTF-8 without BOM, XML declaration, two-space indentation, LF.
 */
import { dateOf, fiscalPeriod } from '../../../domain/dates.ts';
import { formatMinor } from '../../../domain/money.ts';
import type { CompanyData, Customer, Minor } from '../../../domain/types.ts';
import { encodeFile } from '../../builders/encode-file.ts';
import { el, invalidXmlCharacters, optionalText, writeXml, type XmlElement } from '../../builders/xml.ts';
import { issue } from '../../issues.ts';
import { defineFormat } from '../../kit/format-kit.ts';
import {
  checkInvoicesForLedger,
  ledgerOptionsFrom,
  ledgerVoucher,
  receivableAccountFor,
  type LedgerRow,
  type LedgerVoucher,
} from '../../../ledger/invoice-ledger.ts';
import { masterIndex } from '../../../ledger/invoice-lines.ts';
import type { ExportContext, ExportIssue, FormatSettings } from '../../types.ts';
import { saftInfo } from './info.ts';

export const SAFT_NAMESPACE = 'urn:StandardAuditFile-Taxation-Financial:NO';
export const AUDIT_FILE_VERSION = '1.30';
export const JOURNAL_ID = 'FAKTURA';
const JOURNAL_DESCRIPTION = 'Utgående fakturaer og kreditnotaer';
const JOURNAL_TYPE = 'GL';
const TAX_TYPE = 'MVA';
const TAX_DESCRIPTION = 'Merverdiavgift';
const BASE_RATE = '100';
const DEPARTMENT_ANALYSIS = 'A';
const PROJECT_ANALYSIS = 'P';
/** Schema text limits (SAFshorttextType 18, SAFmiddle1textType 35, SAFmiddle2textType 70, SAFlongtextType 256). */
const SHORT = 18;
const MIDDLE1 = 35;
const MIDDLE2 = 70;
const LONG = 256;

const money = (value: Minor) => formatMinor(value, { decimals: 2, decimalSeparator: '.' });

/** The invoices of the file: finalized, inside the period when there is one, in date and number order. */
export function saftInvoices(data: CompanyData, context: ExportContext) {
  const period = context.period;
  return data.invoices
    .filter((i) => i.status === 'finalized')
    .filter((i) => !period || (i.issueDate >= period.from && i.issueDate <= period.to));
}

/** Limits of the schema's text types: identifiers over the limit are errors, free text is cut with a warning. */
class Texts {
  readonly issues: ExportIssue[] = [];
  id(value: string, limit: number, record?: ExportIssue['record'], field?: string): string {
    if (value.length > limit) this.issues.push(issue('error', 'too-long', { value, limit }, record, field));
    return value;
  }
  free(value: string, limit: number, record?: ExportIssue['record'], field?: string): string {
    const flat = value.replace(/\s+/g, ' ').trim();
    if (flat.length <= limit) return flat;
    const cut = flat.slice(0, limit);
    this.issues.push(issue('warning', 'truncated', { value: flat, limit, cut }, record, field));
    return cut;
  }
}

function personName(contact: string): [first: string, last: string] {
  const name = contact.trim().replace(/\s+/g, ' ');
  const at = name.lastIndexOf(' ');
  return at < 0 ? [name, name] : [name.slice(0, at), name.slice(at + 1)];
}

function address(
  t: Texts,
  a: Pick<Customer, 'addressLine1' | 'addressLine2' | 'city' | 'postalCode' | 'countryCode'>,
  record?: ExportIssue['record'],
) {
  if (!a.addressLine1 && !a.city && !a.postalCode) return undefined;
  return el(
    'Address',
    undefined,
    optionalText('StreetName', t.free(a.addressLine1, LONG, record, 'addressLine1')),
    optionalText('AdditionalAddressDetail', t.free(a.addressLine2, LONG, record, 'addressLine2')),
    optionalText('City', t.free(a.city, LONG, record, 'city')),
    optionalText('PostalCode', t.id(a.postalCode, MIDDLE2, record, 'postalCode')),
    optionalText('Country', /^[A-Z]{2}$/.test(a.countryCode) ? a.countryCode : ''),
  );
}

/** Debit (positive) or credit (negative) amount, with the currency when it is not the company's. */
function amount(kind: 'Debit' | 'Credit', value: Minor, currency?: { code: string; amount: Minor }) {
  return el(
    kind === 'Debit' ? 'DebitAmount' : 'CreditAmount',
    undefined,
    el('Amount', undefined, money(Math.abs(value))),
    currency ? el('CurrencyCode', undefined, currency.code) : undefined,
    currency ? el('CurrencyAmount', undefined, money(Math.abs(currency.amount))) : undefined,
  );
}

function balance(prefix: 'Opening' | 'Closing', value: Minor) {
  return el(`${prefix}${value >= 0 ? 'Debit' : 'Credit'}Balance`, undefined, money(Math.abs(value)));
}

export function saftDocument(
  data: CompanyData,
  settings: FormatSettings,
  context: ExportContext,
): { root: XmlElement; issues: ExportIssue[]; vouchers: LedgerVoucher[]; totalDebit: Minor } {
  const t = new Texts();
  const { options } = ledgerOptionsFrom(data, settings, { departmentSource: 'line' });
  const index = masterIndex(data);
  const company = data.company;
  const currency = company.currency || 'NOK';
  const invoices = saftInvoices(data, context);
  const vouchers = invoices.map((invoice) => ledgerVoucher(invoice, index, options));
  const dates = invoices.map((i) => i.issueDate).sort();
  const from = context.period?.from ?? dates[0] ?? dateOf(context.now);
  const to = context.period?.to ?? dates.at(-1) ?? dateOf(context.now);

  const accountTotals = new Map<string, Minor>();
  const customerTotals = new Map<string, Minor>();
  const departments = new Set<string>();
  const projects = new Set<string>();
  let totalDebit = 0;
  let totalCredit = 0;
  const transactions = vouchers.map((v) => {
    const { invoice, customer } = v;
    const record = { kind: 'invoice' as const, key: invoice.number || invoice.id };
    const period = fiscalPeriod(invoice.issueDate, company.fiscalYearStart);
    const lines = v.rows.map((r: LedgerRow, i) => {
      accountTotals.set(r.account, (accountTotals.get(r.account) ?? 0) + r.amount);
      if (r.amount >= 0) totalDebit += r.amount;
      else totalCredit -= r.amount;
      const receivable = r.kind === 'receivable';
      if (receivable) customerTotals.set(customer.number, (customerTotals.get(customer.number) ?? 0) + r.amount);
      const revenue = r.kind === 'revenue';
      if (revenue && r.departmentNumber) departments.add(r.departmentNumber);
      if (revenue && r.projectNumber) projects.add(r.projectNumber);
      const side = r.amount >= 0 ? 'Debit' : 'Credit';
      return el(
        'Line',
        undefined,
        el('RecordID', undefined, String(i + 1)),
        el('AccountID', undefined, t.id(r.account, MIDDLE2, record, 'accountNumber')),
        revenue && r.departmentNumber
          ? el(
              'Analysis',
              undefined,
              el('AnalysisType', undefined, DEPARTMENT_ANALYSIS),
              el('AnalysisID', undefined, t.id(r.departmentNumber, LONG, record, 'departmentNumber')),
            )
          : undefined,
        revenue && r.projectNumber
          ? el(
              'Analysis',
              undefined,
              el('AnalysisType', undefined, PROJECT_ANALYSIS),
              el('AnalysisID', undefined, t.id(r.projectNumber, LONG, record, 'projectNumber')),
            )
          : undefined,
        optionalText('SourceDocumentID', t.id(invoice.number, MIDDLE1, record, 'number')),
        receivable ? el('CustomerID', undefined, t.id(customer.number, MIDDLE1, record, 'customerNumber')) : undefined,
        el('Description', undefined, t.free(r.text || invoice.number, LONG, record, 'description') || invoice.number),
        amount(side, r.amount, v.foreignCurrency ? { code: invoice.currency, amount: r.currencyAmount } : undefined),
        revenue
          ? el(
              'TaxInformation',
              undefined,
              el('TaxType', undefined, TAX_TYPE),
              optionalText('TaxCode', t.id(r.vatCode, MIDDLE2, record, 'vatCode')),
              el('TaxPercentage', undefined, String(r.ratePercent)),
              el('Country', undefined, 'NO'),
              el('TaxBase', undefined, money(Math.abs(r.amount))),
              el(
                r.lineVat > 0 ? 'DebitTaxAmount' : 'CreditTaxAmount',
                undefined,
                el('Amount', undefined, money(Math.abs(r.lineVat))),
              ),
            )
          : undefined,
        receivable ? optionalText('CID', t.id(invoice.kid, MIDDLE1, record, 'kid')) : undefined,
        receivable ? optionalText('DueDate', invoice.dueDate) : undefined,
      );
    });
    return el(
      'Transaction',
      undefined,
      el('TransactionID', undefined, t.id(invoice.number, MIDDLE2, record, 'number')),
      el('Period', undefined, String(period.period)),
      el('PeriodYear', undefined, String(period.year)),
      el('TransactionDate', undefined, invoice.issueDate),
      el('VoucherType', undefined, invoice.type === 'credit' ? 'Kreditnota' : 'Faktura'),
      el('Description', undefined, t.free(v.rows[0]!.text, LONG, record, 'description')),
      el('SystemEntryDate', undefined, invoice.finalizedAt ? dateOf(invoice.finalizedAt) : invoice.issueDate),
      el('GLPostingDate', undefined, invoice.issueDate),
      el('CustomerID', undefined, t.id(customer.number, MIDDLE1, record, 'customerNumber')),
      lines,
    );
  });

  const [firstName, lastName] = personName(company.contactPerson ?? '');
  const companyRecord = { kind: 'company' as const, key: company.name };
  const header = el(
    'Header',
    undefined,
    el('AuditFileVersion', undefined, AUDIT_FILE_VERSION),
    el('AuditFileCountry', undefined, 'NO'),
    el('AuditFileDateCreated', undefined, dateOf(context.now)),
    el('SoftwareCompanyName', undefined, t.free(context.programName, MIDDLE2)),
    el('SoftwareID', undefined, t.free(context.programName, LONG)),
    el('SoftwareVersion', undefined, t.free(context.programVersion, SHORT)),
    el(
      'Company',
      undefined,
      el(
        'RegistrationNumber',
        undefined,
        t.id(company.orgNumber.replace(/\s/g, ''), MIDDLE1, companyRecord, 'orgNumber'),
      ),
      el('Name', undefined, t.free(company.name, LONG, companyRecord, 'name')),
      address(t, company, companyRecord),
      el(
        'Contact',
        undefined,
        el(
          'ContactPerson',
          undefined,
          el('FirstName', undefined, t.free(firstName, MIDDLE1, companyRecord, 'contactPerson')),
          el('LastName', undefined, t.free(lastName, MIDDLE2, companyRecord, 'contactPerson')),
        ),
        optionalText('Telephone', t.free(company.phone, SHORT, companyRecord, 'phone')),
        optionalText('Email', t.free(company.email, MIDDLE2, companyRecord, 'email')),
      ),
      company.vatRegistered === false
        ? undefined
        : el(
            'TaxRegistration',
            undefined,
            el('TaxRegistrationNumber', undefined, `${company.orgNumber.replace(/\s/g, '')}MVA`),
          ),
    ),
    el('DefaultCurrencyCode', undefined, currency),
    el(
      'SelectionCriteria',
      undefined,
      el('SelectionStartDate', undefined, from),
      el('SelectionEndDate', undefined, to),
    ),
    el('TaxAccountingBasis', undefined, 'A'),
  );

  const accounts = [...accountTotals.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const generalLedgerAccounts = accounts.map((number) => {
    const account = index.account(number);
    const record = { kind: 'account' as const, key: number };
    return el(
      'Account',
      undefined,
      el('AccountID', undefined, number),
      el('AccountDescription', undefined, t.free(account?.name || number, LONG, record, 'name') || number),
      el('GroupingCategory', undefined, account?.saftGroupingCategory ?? ''),
      el('GroupingCode', undefined, account?.saftGroupingCode ?? ''),
      el('AccountType', undefined, 'GL'),
      balance('Opening', 0),
      balance('Closing', accountTotals.get(number)!),
    );
  });
  const customers = [...new Map(vouchers.map((v) => [v.customer.number, v.customer])).values()]
    .sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }))
    .map((c) => {
      const record = { kind: 'customer' as const, key: c.number };
      return el(
        'Customer',
        undefined,
        optionalText('RegistrationNumber', t.id(c.orgNumber, MIDDLE1, record, 'orgNumber')),
        el('Name', undefined, t.free(c.name || c.number, LONG, record, 'name') || c.number),
        address(t, c, record),
        el('CustomerID', undefined, c.number),
        el(
          'BalanceAccount',
          undefined,
          el('AccountID', undefined, receivableAccountFor(c, options)),
          balance('Opening', 0),
          balance('Closing', customerTotals.get(c.number) ?? 0),
        ),
      );
    });
  const taxCodes = data.vatCodes
    .filter((v) => v.standardTaxCode)
    .map((v) =>
      el(
        'TaxCodeDetails',
        undefined,
        el('TaxCode', undefined, t.id(v.code, MIDDLE2, { kind: 'vatCode', key: v.code }, 'code')),
        optionalText('Description', t.free(v.description, LONG, { kind: 'vatCode', key: v.code }, 'description')),
        el('TaxPercentage', undefined, String(v.ratePercent)),
        el('Country', undefined, 'NO'),
        el('StandardTaxCode', undefined, v.standardTaxCode),
        el('BaseRate', undefined, BASE_RATE),
      ),
    );
  const analysis = [
    ...[...departments].sort().map((id) => [DEPARTMENT_ANALYSIS, 'Avdeling', id, id] as const),
    ...[...projects].sort().map((id) => [PROJECT_ANALYSIS, 'Prosjekt', id, index.project(id)?.name || id] as const),
  ].map(([type, typeName, id, name]) =>
    el(
      'AnalysisTypeTableEntry',
      undefined,
      el('AnalysisType', undefined, type),
      el('AnalysisTypeDescription', undefined, typeName),
      el('AnalysisID', undefined, id),
      el('AnalysisIDDescription', undefined, t.free(name, LONG)),
    ),
  );
  const masterFiles = el(
    'MasterFiles',
    undefined,
    generalLedgerAccounts.length > 0 ? el('GeneralLedgerAccounts', undefined, generalLedgerAccounts) : undefined,
    customers.length > 0 ? el('Customers', undefined, customers) : undefined,
    taxCodes.length > 0
      ? el(
          'TaxTable',
          undefined,
          el(
            'TaxTableEntry',
            undefined,
            el('TaxType', undefined, TAX_TYPE),
            el('Description', undefined, TAX_DESCRIPTION),
            taxCodes,
          ),
        )
      : undefined,
    analysis.length > 0 ? el('AnalysisTypeTable', undefined, analysis) : undefined,
  );
  const entries = el(
    'GeneralLedgerEntries',
    undefined,
    el('NumberOfEntries', undefined, String(transactions.length)),
    el('TotalDebit', undefined, money(totalDebit)),
    el('TotalCredit', undefined, money(totalCredit)),
    transactions.length > 0
      ? el(
          'Journal',
          undefined,
          el('JournalID', undefined, JOURNAL_ID),
          el('Description', undefined, JOURNAL_DESCRIPTION),
          el('Type', undefined, JOURNAL_TYPE),
          transactions,
        )
      : undefined,
  );
  const root = el('AuditFile', { xmlns: SAFT_NAMESPACE }, header, masterFiles, entries);
  return { root, issues: t.issues, vouchers, totalDebit };
}

function checks(data: CompanyData, settings: FormatSettings, context: ExportContext): ExportIssue[] {
  const { options, invalidRates } = ledgerOptionsFrom(data, settings, { departmentSource: 'line' });
  const invoices = saftInvoices(data, context);
  const scoped = { ...data, invoices };
  const issues = checkInvoicesForLedger(scoped, {
    ...options,
    needLineAccounts: true,
    needVatAccounts: true,
    exchangeRatesInvalid: invalidRates,
  });
  const company = data.company;
  if (!company.orgNumber.trim())
    issues.push(issue('error', 'saft-missing-org-number', {}, { kind: 'company', key: company.name }, 'orgNumber'));
  if (!company.contactPerson?.trim())
    issues.push(
      issue('error', 'saft-missing-contact-person', {}, { kind: 'company', key: company.name }, 'contactPerson'),
    );
  // Every account and VAT code is named; those this file posts to block it, the others warn.
  const index = masterIndex(scoped);
  const postedAccounts = new Set<string>();
  const usedVatCodes = new Set<string>();
  for (const invoice of invoices) {
    for (const row of ledgerVoucher(invoice, index, options).rows) postedAccounts.add(row.account);
    for (const line of invoice.lines) usedVatCodes.add(line.vatCode);
  }
  for (const account of data.accounts)
    if (!account.saftGroupingCategory || !account.saftGroupingCode) {
      const used = postedAccounts.has(account.number);
      issues.push(
        issue(
          used ? 'error' : 'warning',
          'saft-missing-grouping-code',
          { account: account.number, name: account.name, ...(used ? { used: 'this file posts to it' } : {}) },
          { kind: 'account', key: account.number },
          account.saftGroupingCategory ? 'saftGroupingCode' : 'saftGroupingCategory',
        ),
      );
    }
  for (const vat of data.vatCodes)
    if (!vat.standardTaxCode) {
      const used = usedVatCodes.has(vat.code);
      issues.push(
        issue(
          used ? 'error' : 'warning',
          'saft-missing-standard-tax-code',
          { vatCode: vat.code, rate: vat.ratePercent, ...(used ? { used: 'this file uses it' } : {}) },
          { kind: 'vatCode', key: vat.code },
          'standardTaxCode',
        ),
      );
    }
  return issues;
}

function build(data: CompanyData, settings: FormatSettings, context: ExportContext) {
  const { root, issues, vouchers, totalDebit } = saftDocument(data, settings, context);
  const xml = writeXml(root, { declaration: 'UTF-8', lineEnding: '\n' });
  if (invalidXmlCharacters(xml).length > 0)
    issues.push(
      issue('error', 'invalid-xml-character', { label: 'SAF-T file', value: invalidXmlCharacters(xml).join('') }),
    );
  const org = data.company.orgNumber.replace(/\D/g, '');
  const stamp = context.now.replace(/[-:T]/g, '').slice(0, 14);
  const encoded = encodeFile({
    // Skatteetaten's naming: SAF-T Financial_<org no>_<yyyyMMddHHmmss>.xml (as its example files).
    name: `SAF-T Financial_${org}_${stamp}.xml`,
    mimeType: 'application/xml',
    text: xml,
    encoding: 'utf-8',
    recordCount: vouchers.length,
    controlTotals: { transactions: vouchers.length, [`debit ${data.company.currency || 'NOK'}`]: totalDebit },
  });
  return { files: encoded.file ? [encoded.file] : [], issues: [...issues, ...encoded.issues], report: [] };
}

export const saft = defineFormat({ ...saftInfo, checks, build });
