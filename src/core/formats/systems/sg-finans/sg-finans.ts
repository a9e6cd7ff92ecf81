/**
 * SG Finans factoring (`.SGF`): two fixed-position files per export, the customers (debtors)
 * of the exported invoices and the invoices / credit notes themselves.
 *
 * Spec: Moment's pages https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/factoring/sg-finans
 * and …/sg-finans/file-content (field tables; the sample files are images only), summarised in
 * ../shared/research/moment-exports.md §5.1. Dates `YYMMDD`; amounts in øre without separator.
 *
 * Customer record (254 characters): K1 `K`, K2 version `9409`, K3 client no. (4), K4 debtor no.
 * (9), K5 org. no. (11), K6 name (35), K7 first name (20), K8 address (30), K9 postcode (4),
 * K10 place (23), K11 contact (20), K12 phone (12), K13 country name (20), K14 country alpha-2,
 * K15 country numeric (3), K16 bank giro (11), K17 district/salesperson (4), K18 name 2 (35),
 * K19 currency (3), K20 unused (3).
 * Invoice record (128 characters): F1 transaction code `1` invoice / `9` credit note, F2 client
 * no. (4), F3 debtor no. (9), F4 invoice no. (8), F5 invoice date, F6 due date, F7 amount in
 * øre (11), F8 days/discount or credited invoice (5), F9 unused (10), F10 order no. (15), F11
 * comment (25), F12 salesperson (4), F13 project (7), F14 currency (3), F15 currency amount
 * (11), F16 unused (3).
 *
 * Assumptions where the public spec is silent:
 * - Alignment and padding: numeric fields (client no., debtor no., invoice no., amounts, F8) are
 *   right-aligned and zero-filled; text fields (names, addresses, org. no., codes) are
 *   left-aligned and blank-filled; unused and empty optional fields are blanks.
 * - Line terminator CRLF after every record, also the last; no header or trailer record.
 * - Client number (K3/F2): setting `clientNumber`, exactly 4 digits, required.
 * - Debtor no. = the customer number, invoice no. = the invoice number: digits only, at most 9
 *   and 8 digits (pre-flight errors otherwise).
 * - Free texts that are too long (name 35, address 30, place 23, order no. 15, project 7) are cut
 *   and reported as warnings; name 2, first name, contact, bank giro, district, salesperson and
 *   comment are left blank (the data model has no such fields).
 * - K12 phone (issue 12, item 7) is never cut: a cut number is a wrong number. Moment's field
 *   table gives only "K12 | Telephone no. | No | 12 |" (optional, 12 characters) and no content
 *   rule; no SG Finans text on allowed characters was found. So spaces and punctuation are
 *   stripped first (not `/`, which separates two numbers), keeping the digits and one leading `+`
 *   (`sgfPhone`: `+47 95 65 98 12` → `+4795659812`); a number that then is longer than 12, or
 *   holds anything else (letters, an inner `+`, a `/`), is left out (K12 blank) with a warning
 *   naming the customer. Left-aligned and blank-padded like the other text fields. Source:
 *   https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/factoring/sg-finans/file-content
 * - K5: the org. no. with blanks, dashes and dots removed; required (error when empty or longer
 *   than 11). K8 address = address line 1 (line 2 when line 1 is empty).
 * - K9 postcode has room for a Norwegian postcode (4). A longer postcode of a Norwegian customer
 *   is an error; a foreign one (`111 22`, `EC1A 1AA`) is never cut: K9 is left blank and the
 *   postcode is written in front of the place in K10 (`111 22 Stockholm`), with a warning.
 * - K13 country name (Norwegian) and K15 numeric code from `COUNTRIES` (ISO 3166); an unknown
 *   alpha-2 code is a pre-flight error; an empty one means the company's country.
 * - K6 must not start with the company form ("AS Byggmester"): a warning, the name is written as is.
 * - F7 is the gross amount without sign (the sign is F1), in the company currency; F14 is the
 *   invoice currency and F15 the gross in that currency (equal to F7 for company-currency
 *   invoices). Foreign-currency invoices need a rate in setting `exchangeRates`.
 * - F8: blank on invoices (the terms are in the due date); on a credit note the credited
 *   invoice number when it fits 5 digits, else blank with a warning.
 * - F10 order no. = the invoice's order reference; F13 project = the invoice's project.
 * - K19 currency = the customer's currency (the company's when empty).
 * - Customers come in the order of their first invoice; invoices in the order given.
 * - Encoding: setting `encoding`, default Windows-1252 (Norwegian letters in names).
 * - File names `SGFinans_kunder_<yyyyMMdd-HHmm>.SGF` and `SGFinans_faktura_<yyyyMMdd-HHmm>.SGF`.
 */
import { amountRules, invoiceAmounts } from '../../../domain/invoice-amounts.ts';

import type { CompanyData, Customer, Invoice, Minor } from '../../../domain/types.ts';
import type { TextEncodingName } from '../../../encoding/text-encoding.ts';
import { encodeFile, fileStamp } from '../../builders/encode-file.ts';
import type { FieldFormat, IssueRecord } from '../../builders/field-format.ts';
import { buildFixedWidth, type FixedWidthField, type FixedWidthLayout } from '../../builders/fixed-width.ts';
import type { ExportContext, ExportFile, ExportIssue, FormatSettings } from '../../types.ts';
import { defineFormat, encodingOf, stringSetting } from '../../kit/format-kit.ts';
import { currencyConverter, parseExchangeRates } from '../../../ledger/exchange-rates.ts';
import { checkCode } from '../../kit/payroll-kit.ts';
import { sgFinansInfo } from './info.ts';
import { issue } from '../../issues.ts';
import { checkInvoiceRecords } from '../../../ledger/invoice-checks.ts';
import { invalidExchangeRate, missingExchangeRate } from '../../../ledger/invoice-ledger.ts';
import { pushAll } from '../../../push-all.ts';
import { invalidSettingIssue } from '../../kit/settings.ts';

const DEFAULT_ENCODING: TextEncodingName = 'windows-1252';
export const CUSTOMER_RECORD_LENGTH = 254;
export const INVOICE_RECORD_LENGTH = 128;
export const CUSTOMER_RECORD_VERSION = '9409';
export const TRANSACTION_CODES = { invoice: '1', credit: '9' } as const;
const DATE_PATTERN = 'yyMMdd';
const CREDITED_REFERENCE_DIGITS = 5;
const ORG_NUMBER_WIDTH = 11;
const POSTCODE_WIDTH = 4;
const PHONE_WIDTH = 12;
/** SG Finans' own country: its postcodes are the ones K9 is made for. */
const HOME_COUNTRY = 'NO';
/** Exchange rates are parsed with 6 decimals (src/core/formats/systems/invoice-ledger.ts). */
/** Legal forms a name must not start with (K6). */
const COMPANY_FORM_PREFIX = /^(AS|ASA|ANS|DA|ENK|NUF|SA|BA)\b/i;

/** ISO 3166 alpha-2 → numeric code and Norwegian name (K13–K15). */
export const COUNTRIES: Readonly<Record<string, { numeric: string; name: string }>> = {
  NO: { numeric: '578', name: 'Norge' },
  SE: { numeric: '752', name: 'Sverige' },
  DK: { numeric: '208', name: 'Danmark' },
  FI: { numeric: '246', name: 'Finland' },
  IS: { numeric: '352', name: 'Island' },
  FO: { numeric: '234', name: 'Færøyene' },
  GL: { numeric: '304', name: 'Grønland' },
  AX: { numeric: '248', name: 'Åland' },
  DE: { numeric: '276', name: 'Tyskland' },
  GB: { numeric: '826', name: 'Storbritannia' },
  US: { numeric: '840', name: 'USA' },
  NL: { numeric: '528', name: 'Nederland' },
  BE: { numeric: '056', name: 'Belgia' },
  FR: { numeric: '250', name: 'Frankrike' },
  ES: { numeric: '724', name: 'Spania' },
  IT: { numeric: '380', name: 'Italia' },
  PL: { numeric: '616', name: 'Polen' },
  AT: { numeric: '040', name: 'Østerrike' },
  CH: { numeric: '756', name: 'Sveits' },
  IE: { numeric: '372', name: 'Irland' },
  EE: { numeric: '233', name: 'Estland' },
  LV: { numeric: '428', name: 'Latvia' },
  LT: { numeric: '440', name: 'Litauen' },
};

export interface SgfCustomerRow {
  clientNumber: string;
  customer: Customer;
  orgNumber: string;
  address: string;
  postcode: string;
  place: string;
  /** `sgfPhone` of the customer's phone: empty when it does not fit. */
  phone: string;
  countryCode: string;
  countryNumeric: string;
  countryName: string;
  currency: string;
  record: IssueRecord;
}

export interface SgfInvoiceRow {
  transactionCode: string;
  clientNumber: string;
  invoice: Invoice;
  /** Company currency, minor units, without sign. */
  amount: Minor;
  currencyAmount: Minor;
  currency: string;
  creditedReference: string;
  record: IssueRecord;
}

const digits = (
  name: string,
  width: number,
  field: string,
  format: FieldFormat = { type: 'text' },
): FixedWidthField => ({
  name,
  width,
  field,
  format,
  zeroFill: true,
});
const text = (
  name: string,
  width: number,
  field: string,
  overflow: 'truncate' | 'error' = 'error',
): FixedWidthField => ({
  name,
  width,
  field,
  format: { type: 'text' },
  align: 'left',
  overflow,
});
const blank = (name: string, width: number): FixedWidthField => ({ name, width, value: '', align: 'left' });
const constant = (name: string, width: number, value: string): FixedWidthField => ({
  name,
  width,
  value,
  align: 'left',
});
const date = (name: string, field: string): FixedWidthField => ({
  name,
  width: 6,
  field,
  format: { type: 'date', pattern: DATE_PATTERN },
});
const ore: FieldFormat = { type: 'amount', decimals: 2, impliedDecimals: true, sign: 'absolute' };

export function sgfCustomerLayout(encoding: TextEncodingName = DEFAULT_ENCODING): FixedWidthLayout {
  return {
    recordLength: CUSTOMER_RECORD_LENGTH,
    lineEnding: 'CRLF',
    encoding,
    fields: [
      constant('K1 Control character', 1, 'K'),
      constant('K2 Version', 4, CUSTOMER_RECORD_VERSION),
      digits('K3 Client no.', 4, 'clientNumber'),
      digits('K4 Debtor no.', 9, 'customer.number'),
      text('K5 Org. no.', ORG_NUMBER_WIDTH, 'orgNumber'),
      text('K6 Name', 35, 'customer.name', 'truncate'),
      blank('K7 First name', 20),
      text('K8 Address', 30, 'address', 'truncate'),
      text('K9 Postcode', POSTCODE_WIDTH, 'postcode'),
      text('K10 Place', 23, 'place', 'truncate'),
      blank('K11 Contact person', 20),
      text('K12 Phone', PHONE_WIDTH, 'phone'),
      text('K13 Country', 20, 'countryName', 'truncate'),
      text('K14 Country code', 2, 'countryCode'),
      digits('K15 Country number', 3, 'countryNumeric'),
      blank('K16 Bank giro no.', 11),
      blank('K17 District no.', 4),
      blank('K18 Name 2', 35),
      text('K19 Currency', 3, 'currency'),
      blank('K20 Not used', 3),
    ],
  };
}

export function sgfInvoiceLayout(encoding: TextEncodingName = DEFAULT_ENCODING): FixedWidthLayout {
  return {
    recordLength: INVOICE_RECORD_LENGTH,
    lineEnding: 'CRLF',
    encoding,
    fields: [
      text('F1 Transaction code', 1, 'transactionCode'),
      digits('F2 Client no.', 4, 'clientNumber'),
      digits('F3 Debtor no.', 9, 'invoice.customerNumber'),
      digits('F4 Invoice no.', 8, 'invoice.number'),
      date('F5 Invoice date', 'invoice.issueDate'),
      date('F6 Due date', 'invoice.dueDate'),
      digits('F7 Amount', 11, 'amount', ore),
      {
        name: 'F8 Terms / credited invoice',
        width: CREDITED_REFERENCE_DIGITS,
        field: 'creditedReference',
        align: 'right',
      },
      blank('F9 Not used', 10),
      text('F10 Order no.', 15, 'invoice.orderReference', 'truncate'),
      blank('F11 Comment', 25),
      blank('F12 Salesperson no.', 4),
      text('F13 Project no.', 7, 'invoice.projectNumber', 'truncate'),
      text('F14 Currency', 3, 'currency'),
      digits('F15 Currency amount', 11, 'currencyAmount', ore),
      blank('F16 Not used', 3),
    ],
  };
}

export function normalizedOrgNumber(orgNumber: string): string {
  return orgNumber.replace(/[\s.-]/g, '');
}

/**
 * The phone number as K12 holds it: spaces and punctuation (`-`, `.`, brackets) stripped,
 * digits and one leading `+` kept. Undefined when what is left is not such a number or is
 * longer than K12's 12 characters; the field is then left blank, never cut. `/` is not
 * stripped: it separates two numbers (`22 11 / 33 44`), which must not merge into one.
 */
export function sgfPhone(phone: string): string | undefined {
  const compact = phone.replace(/[\s().-]/g, '');
  return /^\+?\d*$/.test(compact) && compact.length <= PHONE_WIDTH ? compact : undefined;
}

function countryOf(customer: Customer, data: CompanyData): string {
  return (customer.countryCode || data.company.countryCode).trim().toUpperCase();
}

/** A foreign postcode too long for K9 is written in front of the place instead. */
function postcodeGoesToPlace(customer: Customer, countryCode: string): boolean {
  return countryCode !== HOME_COUNTRY && customer.postalCode.length > POSTCODE_WIDTH;
}

function invoiceRef(invoice: Invoice): IssueRecord {
  return { kind: 'invoice', key: invoice.number || invoice.id };
}

/** The customers of the exported invoices, in the order of their first invoice. */
export function sgfCustomers(data: CompanyData): Customer[] {
  const byNumber = new Map(data.customers.map((c) => [c.number, c]));
  const seen = new Map<string, Customer>();
  for (const invoice of data.invoices) {
    const customer = byNumber.get(invoice.customerNumber);
    if (customer && !seen.has(customer.number)) seen.set(customer.number, customer);
  }
  return [...seen.values()];
}

export function sgfCustomerRows(data: CompanyData, settings: FormatSettings): SgfCustomerRow[] {
  const clientNumber = stringSetting(settings, 'clientNumber');
  return sgfCustomers(data).map((customer) => {
    const countryCode = countryOf(customer, data);
    const country = COUNTRIES[countryCode];
    const postcodeInPlace = postcodeGoesToPlace(customer, countryCode);
    return {
      clientNumber,
      customer,
      orgNumber: normalizedOrgNumber(customer.orgNumber),
      address: customer.addressLine1 || customer.addressLine2,
      postcode: postcodeInPlace ? '' : customer.postalCode,
      place: postcodeInPlace ? `${customer.postalCode} ${customer.city}`.trim() : customer.city,
      phone: sgfPhone(customer.phone) ?? '',
      countryCode,
      countryNumeric: country?.numeric ?? '',
      countryName: country?.name ?? '',
      currency: (customer.currency || data.company.currency).toUpperCase(),
      record: { kind: 'customer', key: customer.number },
    };
  });
}

export function sgfInvoiceRows(data: CompanyData, settings: FormatSettings): SgfInvoiceRow[] {
  const clientNumber = stringSetting(settings, 'clientNumber');
  const rules = amountRules(data);
  const { rates } = parseExchangeRates(stringSetting(settings, 'exchangeRates'));
  const companyCurrency = data.company.currency.toUpperCase();
  return data.invoices.map((invoice) => {
    const currency = (invoice.currency || companyCurrency).toUpperCase();
    const gross = Math.abs(invoiceAmounts(invoice, rules).gross);
    const convert = currencyConverter(currency, companyCurrency, rates) ?? (() => 0);
    const credited =
      invoice.type === 'credit' && /^\d+$/.test(invoice.creditedInvoiceNumber) ? invoice.creditedInvoiceNumber : '';
    return {
      transactionCode: TRANSACTION_CODES[invoice.type],
      clientNumber,
      invoice,
      amount: convert(gross),
      currencyAmount: gross,
      currency,
      // Zero-filled like the other numbers when present, blank when not.
      creditedReference:
        credited !== '' && credited.length <= CREDITED_REFERENCE_DIGITS
          ? credited.padStart(CREDITED_REFERENCE_DIGITS, '0')
          : '',
      record: invoiceRef(invoice),
    };
  });
}

function checks(data: CompanyData, settings: FormatSettings): ExportIssue[] {
  const issues: ExportIssue[] = [];
  const clientNumber = stringSetting(settings, 'clientNumber');
  if (!/^\d{4}$/.test(clientNumber))
    issues.push(invalidSettingIssue(sgFinansInfo.settings, 'clientNumber', clientNumber));
  const { rates, invalid } = parseExchangeRates(stringSetting(settings, 'exchangeRates'));
  for (const bad of invalid) issues.push(invalidExchangeRate(bad));

  // Lengths are checked by the fixed-width builder (an error naming the record and field).
  pushAll(issues, checkInvoiceRecords(data, { linesRequired: false, uniqueNumbers: true, knownCustomers: true }));
  for (const invoice of data.invoices) {
    const record = invoiceRef(invoice);
    const at = { invoice: record.key };
    const number = checkCode({ value: invoice.number, field: 'number', required: false, digitsOnly: true }, record);
    if (number) issues.push(number);
    if (!invoice.dueDate) issues.push(issue('error', 'missing-due-date', at, record, 'dueDate'));
    const missingRate = missingExchangeRate(invoice, data.company.currency, rates);
    if (missingRate) issues.push(missingRate);
    if (invoice.type === 'credit') {
      const ref = invoice.creditedInvoiceNumber;
      if (ref && (!/^\d+$/.test(ref) || ref.length > CREDITED_REFERENCE_DIGITS))
        issues.push(
          issue(
            'warning',
            'credited-invoice-not-written',
            { ...at, credited: ref, digits: CREDITED_REFERENCE_DIGITS },
            record,
            'creditedInvoiceNumber',
          ),
        );
    }
  }

  for (const customer of sgfCustomers(data)) {
    const record: IssueRecord = { kind: 'customer', key: customer.number };
    const at = { customer: customer.number };
    const debtor = checkCode({ value: customer.number, field: 'number', required: true, digitsOnly: true }, record);
    if (debtor) issues.push(debtor);
    for (const [value, field] of [
      [normalizedOrgNumber(customer.orgNumber), 'orgNumber'],
      [customer.name, 'name'],
      [customer.addressLine1 || customer.addressLine2, 'addressLine1'],
      [customer.postalCode, 'postalCode'],
      [customer.city, 'city'],
    ] as const)
      if (value.trim() === '') issues.push(issue('error', `missing-${field}`, at, record, field));
    if (postcodeGoesToPlace(customer, countryOf(customer, data)))
      issues.push(
        issue(
          'warning',
          'postcode-moved-to-place',
          { ...at, postcode: customer.postalCode, width: 4 },
          record,
          'postalCode',
        ),
      );
    if (sgfPhone(customer.phone) === undefined)
      issues.push(issue('warning', 'phone-left-out', { ...at, phone: customer.phone, width: 12 }, record, 'phone'));
    if (COMPANY_FORM_PREFIX.test(customer.name.trim()))
      issues.push(issue('warning', 'name-starts-with-company-form', at, record, 'name'));
    const countryCode = countryOf(customer, data);
    if (!COUNTRIES[countryCode])
      issues.push(
        issue(
          'error',
          'unknown-country',
          { ...at, country: countryCode, known: Object.keys(COUNTRIES).join(', ') },
          record,
          'countryCode',
        ),
      );
  }
  return issues;
}

function build(data: CompanyData, settings: FormatSettings, context: ExportContext) {
  const encoding = encodingOf(settings, DEFAULT_ENCODING);
  const stamp = fileStamp(context.now);
  const customerRows = sgfCustomerRows(data, settings);
  const invoiceRows = sgfInvoiceRows(data, settings);
  const customersBuilt = buildFixedWidth(sgfCustomerLayout(encoding), customerRows, { recordOf: (r) => r.record });
  const invoicesBuilt = buildFixedWidth(sgfInvoiceLayout(encoding), invoiceRows, { recordOf: (r) => r.record });
  const currency = data.company.currency;
  const customerFile = encodeFile({
    name: `SGFinans_kunder_${stamp}.SGF`,
    mimeType: 'text/plain',
    text: customersBuilt.text,
    encoding,
    lineRecords: customersBuilt.lineRecords,
    recordCount: customerRows.length,
    controlTotals: { customers: customerRows.length },
  });
  const signed = (r: SgfInvoiceRow) => (r.transactionCode === TRANSACTION_CODES.credit ? -r.amount : r.amount);
  const invoiceFile = encodeFile({
    name: `SGFinans_faktura_${stamp}.SGF`,
    mimeType: 'text/plain',
    text: invoicesBuilt.text,
    encoding,
    lineRecords: invoicesBuilt.lineRecords,
    recordCount: invoiceRows.length,
    controlTotals: {
      invoices: invoiceRows.filter((r) => r.transactionCode === TRANSACTION_CODES.invoice).length,
      creditNotes: invoiceRows.filter((r) => r.transactionCode === TRANSACTION_CODES.credit).length,
      [`gross ${currency}`]: invoiceRows.reduce((sum, r) => sum + signed(r), 0),
    },
  });
  const files: ExportFile[] = [customerFile.file, invoiceFile.file].filter((f): f is ExportFile => f !== undefined);
  return {
    // Both files or none: SG Finans rejects invoices for debtors it does not know.
    files: files.length === 2 ? files : [],
    issues: [...customersBuilt.issues, ...invoicesBuilt.issues, ...customerFile.issues, ...invoiceFile.issues],
    report: [`${customerRows.length} customers and ${invoiceRows.length} invoices/credit notes in two files.`],
  };
}

export const sgFinans = defineFormat({
  ...sgFinansInfo,
  checks,
  build,
});
