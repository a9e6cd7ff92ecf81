/**
 * Visma DI Systems: customers and invoice vouchers as one XML file.
 *
 * Spec: Moment's page https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/visma-di-systems
 * (../shared/research/moment-exports.md §4.11). It lists the elements by section and path, in this
 * order (quoted): Header "ClientEntity/ClientID" ("Client ID defined in configuration"),
 * "OriginSystemCode" ("Hardcoded = Other"), "OriginSoftware" ("Hardcoded = Moment"); Customer
 * "CustomerAccountID" ("Customer number"); Customer/Party "Name/Name", "PartyLegalEntity/
 * OrganizationNumber", "PostalAddress/AddressLine1", "PostalAddress/CityName",
 * "PostalAddress/PostalZone", "PostalAddress/CountryID" ("Customer country ID, ISO-2");
 * Transaction "AccountingPeriod", "BundleCategoryCode", "BundleDescription"; Transaction/Voucher
 * "InvoiceID", "VoucherCategoryCode", "VoucherDate" ("Invoice date"), "DueDate",
 * "Account/AccountID", "Tax/TaxCode", "GrossAmount {currencyCode}" ("{currencyCode} ISO-3 code").
 * "Date format: YYYY-MM-DD", "Decimal separator: . (period)". **No XSD, root element or namespace
 * is public** (none found at Visma either); `ELEMENT_ORDER` (exported for the test) is the page's.
 *
 * Assumptions (constants or settings):
 * - Root element `ROOT` (`VismaDIImport`), no namespace; the sections as elements `Header`,
 *   `Customer` (one per customer of the exported invoices) and `Transaction` (one per accounting
 *   period), each path segment of the page an element.
 * - The currency is an attribute: `<GrossAmount currencyID="NOK">` (the UBL convention, whose
 *   element names the page's Party / PostalAddress / CityName / PostalZone follow).
 * - One `Voucher` element per posting line (the page's Voucher has one Account and one amount):
 *   the customer line posts to the customer number as AccountID (a customer sub-ledger account,
 *   as Visma Business does) with no Tax element; each revenue line posts to its account with its
 *   VAT code as TaxCode and its gross amount (net + VAT): Visma computes the VAT from the code. A
 *   voucher's GrossAmounts sum to zero: debit positive, credit negative; credit notes opposite.
 * - AccountingPeriod: `yyyyMM` of the voucher date (`PERIOD_PATTERN`). BundleDescription: the
 *   program name and period. BundleCategoryCode and VoucherCategoryCode: settings (their values
 *   are not published). OriginSoftware: the program name (Moment writes "Moment").
 * - GrossAmount in the company currency (foreign invoices converted with setting
 *   `exchangeRates`), currencyID the company currency.
 * - Optional elements without a value (organisation number, address) are left out.
 * - Moment's setting "Export projects to accounting" has no element on the page, so projects are
 *   not written.
 * - UTF-8 without BOM, XML declaration, two-space indentation, LF.
 */
import { formatDate } from '../../../domain/dates.ts';
import { formatMinor } from '../../../domain/money.ts';
import type { CompanyData } from '../../../domain/types.ts';
import { encodeFile, fileStamp } from '../../builders/encode-file.ts';
import { el, invalidXmlCharacters, optionalText, writeXml, type XmlElement } from '../../builders/xml.ts';
import { issue } from '../../issues.ts';
import { masterIndex } from '../../../ledger/invoice-lines.ts';
import type { ExportContext, ExportIssue, FormatSettings } from '../../types.ts';
import { defineFormat, stringSetting } from '../../kit/format-kit.ts';
import {
  checkInvoicesForLedger,
  ledgerOptionsFrom,
  ledgerVoucher,
  type LedgerVoucher,
} from '../../../ledger/invoice-ledger.ts';
import { vismaDiInfo } from './info.ts';
import { missingSettingIssue } from '../../kit/settings.ts';

const ROOT = 'VismaDIImport';
const ORIGIN_SYSTEM_CODE = 'Other';
const DATE_PATTERN = 'yyyy-MM-dd';
const PERIOD_PATTERN = 'yyyyMM';
const CURRENCY_ATTRIBUTE = 'currencyID';

/** The page's element paths in its order (sections as the first step). */
export const ELEMENT_ORDER = [
  'Header/ClientEntity/ClientID',
  'Header/OriginSystemCode',
  'Header/OriginSoftware',
  'Customer/CustomerAccountID',
  'Customer/Party/Name/Name',
  'Customer/Party/PartyLegalEntity/OrganizationNumber',
  'Customer/Party/PostalAddress/AddressLine1',
  'Customer/Party/PostalAddress/CityName',
  'Customer/Party/PostalAddress/PostalZone',
  'Customer/Party/PostalAddress/CountryID',
  'Transaction/AccountingPeriod',
  'Transaction/BundleCategoryCode',
  'Transaction/BundleDescription',
  'Transaction/Voucher/InvoiceID',
  'Transaction/Voucher/VoucherCategoryCode',
  'Transaction/Voucher/VoucherDate',
  'Transaction/Voucher/DueDate',
  'Transaction/Voucher/Account/AccountID',
  'Transaction/Voucher/Tax/TaxCode',
  'Transaction/Voucher/GrossAmount',
] as const;

const text = (name: string, value: string) => ({ name, children: [value] });
const amount = (minor: number) => formatMinor(minor, { decimals: 2, decimalSeparator: '.' });

function customerElement(data: CompanyData, number: string): XmlElement {
  const c = masterIndex(data).customer(number);
  return el(
    'Customer',
    undefined,
    text('CustomerAccountID', number),
    el(
      'Party',
      undefined,
      el('Name', undefined, text('Name', c?.name ?? '')),
      c?.orgNumber ? el('PartyLegalEntity', undefined, text('OrganizationNumber', c.orgNumber)) : undefined,
      el(
        'PostalAddress',
        undefined,
        optionalText('AddressLine1', c?.addressLine1),
        optionalText('CityName', c?.city),
        optionalText('PostalZone', c?.postalCode),
        optionalText('CountryID', c?.countryCode),
      ),
    ),
  );
}

function voucherElements(v: LedgerVoucher, settings: FormatSettings, currency: string): XmlElement[] {
  const { invoice, customer } = v;
  const category = stringSetting(settings, invoice.type === 'credit' ? 'creditCategoryCode' : 'invoiceCategoryCode');
  const head = (id: string) => [
    text('InvoiceID', id),
    text('VoucherCategoryCode', category),
    text('VoucherDate', formatDate(invoice.issueDate, DATE_PATTERN)),
    invoice.dueDate ? text('DueDate', formatDate(invoice.dueDate, DATE_PATTERN)) : undefined,
  ];
  const out: XmlElement[] = [];
  for (const r of v.rows) {
    if (r.kind === 'vat') continue; // in the revenue lines' gross amounts
    const receivable = r.kind === 'receivable';
    // The customer line takes the sum of the gross lines, so the voucher balances after conversion.
    const gross = receivable
      ? -v.rows.filter((x) => x.kind === 'revenue').reduce((sum, x) => sum + x.amount + x.lineVat, 0)
      : r.amount + r.lineVat;
    out.push(
      el(
        'Voucher',
        undefined,
        head(invoice.number),
        el('Account', undefined, text('AccountID', receivable ? customer.number : r.account)),
        receivable ? undefined : el('Tax', undefined, text('TaxCode', r.vatCode)),
        { name: 'GrossAmount', attributes: { [CURRENCY_ATTRIBUTE]: currency }, children: [amount(gross + 0)] },
      ),
    );
  }
  return out;
}

function build(data: CompanyData, settings: FormatSettings, context: ExportContext) {
  const { options } = ledgerOptionsFrom(data, settings, { departmentSource: 'none' });
  const index = masterIndex(data);
  const vouchers = data.invoices.map((invoice) => ledgerVoucher(invoice, index, options));
  const customers = [...new Set(data.invoices.map((i) => i.customerNumber))];
  const periods = new Map<string, LedgerVoucher[]>();
  for (const v of vouchers) {
    const period = formatDate(v.invoice.issueDate, PERIOD_PATTERN);
    const list = periods.get(period);
    if (list) list.push(v);
    else periods.set(period, [v]);
  }
  const root = el(
    ROOT,
    undefined,
    el(
      'Header',
      undefined,
      el('ClientEntity', undefined, text('ClientID', stringSetting(settings, 'clientId'))),
      text('OriginSystemCode', ORIGIN_SYSTEM_CODE),
      text('OriginSoftware', context.programName),
    ),
    customers.map((number) => customerElement(data, number)),
    [...periods].map(([period, list]) =>
      el(
        'Transaction',
        undefined,
        text('AccountingPeriod', period),
        text('BundleCategoryCode', stringSetting(settings, 'bundleCategoryCode')),
        text('BundleDescription', `${context.programName} ${period}`),
        list.flatMap((v) => voucherElements(v, settings, options.companyCurrency)),
      ),
    ),
  );
  const xml = writeXml(root);
  const issues: ExportIssue[] = [];
  for (const c of data.customers.filter((c) => customers.includes(c.number)))
    for (const [label, value] of [
      ['customer name', c.name],
      ['address', c.addressLine1],
    ] as const)
      if (invalidXmlCharacters(value).length > 0)
        issues.push(issue('error', 'invalid-xml-character', { label, value }, { kind: 'customer', key: c.number }));
  if (issues.some((i) => i.severity === 'error')) return { files: [], issues, report: [] };
  const encoded = encodeFile({
    name: `VISMA-DI_${fileStamp(context.now)}.xml`,
    mimeType: 'application/xml',
    text: xml,
    encoding: 'utf-8',
    recordCount: vouchers.length,
    controlTotals: {
      vouchers: vouchers.length,
      customers: customers.length,
      [`gross ${options.companyCurrency}`]: vouchers.reduce((s, v) => s + v.gross, 0),
    },
  });
  return { files: encoded.file ? [encoded.file] : [], issues: [...issues, ...encoded.issues], report: [] };
}

export const vismaDi = defineFormat({
  ...vismaDiInfo,
  checks(data: CompanyData, settings: FormatSettings) {
    const { options, invalidRates } = ledgerOptionsFrom(data, settings, { departmentSource: 'none' });
    const issues = checkInvoicesForLedger(data, {
      ...options,
      needLineAccounts: true,
      needVatAccounts: false,
      postsReceivable: false,
      exchangeRatesInvalid: invalidRates,
    });
    if (!stringSetting(settings, 'clientId')) issues.push(missingSettingIssue(vismaDiInfo.settings, 'clientId'));
    return issues;
  },
  build,
});
