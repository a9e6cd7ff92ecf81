/**
 * Visma Global batch import (CSV), invoices as vouchers with the customer record on the
 * customer row.
 *
 * Spec: Moment's page https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/visma-global
 * (column letters A–BC; summarised in ../shared/research/moment-exports.md §4.12). The page is
 * truncated after column BC and does not give TransType values or the date format.
 *
 * Assumptions (constants or settings):
 * - 55 columns: A TransType, B–AD BatchLine, AE–AR Customer, AS–AW CustomerDeliveryAddress,
 *   AX–BC Customer; nothing after BC. The four "*New field" columns without a letter (AssetNo,
 *   NetAmountSelfEmployed, SAFTStdVatCode, SAFTStdVatCodeCredit) are left out: their position is
 *   not published.
 * - TransType = setting `transType` (default `1`): its values are not published.
 * - `,` delimiter, no header row (`HEADER_ROW`), CRLF, `.` decimals (a `,` decimal would collide
 *   with the delimiter), quotes only when a value needs them, dates `yyyyMMdd` (`DATE_PATTERN`).
 * - One CSV row per posting. Amount (O) is positive; the account goes to DebitAccountNo (I) or
 *   CreditAccountNo (J) by the sign. The customer row posts to the customer number (Visma Global
 *   keeps customers as sub-ledger accounts) and carries the Customer columns (AE–BC), DueDate,
 *   KID and GLAccountRec (BA) = the receivable account. Because the customer number is used as an
 *   account number, it must be digits (at most 12, `CUSTOMER_NUMBER_DIGITS`).
 * - EntryDate = VoucherDate = the issue date; VoucherNo = invoice number; VoucherTypeNo = setting
 *   `voucherTypeNo` (default 9); VoucherText = `Faktura <no> <customer>` / `Kreditnota ...`.
 * - VAT, setting `vatMethod`: `gross` (default): revenue rows carry the line's VAT code and the
 *   line's gross amount, Visma Global splits the VAT; `vat-rows`: net revenue rows and explicit VAT
 *   rows, no VAT codes.
 * - Foreign currency: Amount is in the company currency (setting `exchangeRates`), CurrencyNo is
 *   the ISO 4217 numeric code (`CURRENCY_NUMBERS`), ExchangeRate the rate used, ExchangeAmount the
 *   amount in the invoice currency; all three empty for company-currency invoices.
 * - Encoding: setting `encoding`, default Windows-1252 (Visma Global is a Windows program).
 */
import type { CompanyData } from '../../domain/types.ts';
import type { DelimitedColumn, DelimitedLayout } from '../builders/delimited.ts';
import { fileStamp } from '../builders/encode-file.ts';
import type { FieldFormat } from '../builders/field-format.ts';
import { masterIndex } from '../../ledger/invoice-lines.ts';
import type { ExportContext, FormatSettings } from '../types.ts';
import {
  defineFormat,
  encodingOf,
  encodingSetting,
  EXCHANGE_RATES_SETTING,
  integerSetting,
  RECEIVABLE_ACCOUNT_SETTING,
  stringSetting,
  voucherCsvFile,
} from '../kit/format-kit.ts';
import {
  checkInvoicesForLedger,
  ledgerOptionsFrom,
  ledgerVoucher,
  type LedgerVoucher,
} from '../../ledger/invoice-ledger.ts';

const DEFAULT_ENCODING = 'windows-1252' as const;
const HEADER_ROW = false;
const CUSTOMER_NUMBER_DIGITS = 12;
const DATE_PATTERN = 'yyyyMMdd';
export const CURRENCY_NUMBERS: Readonly<Record<string, string>> = {
  NOK: '578',
  SEK: '752',
  DKK: '208',
  EUR: '978',
  USD: '840',
  GBP: '826',
  ISK: '352',
  CHF: '756',
};

const date: FieldFormat = { type: 'date', pattern: DATE_PATTERN };
const money: FieldFormat = { type: 'amount', decimals: 2, sign: 'absolute' };
const col = (header: string, field?: string, format?: FieldFormat): DelimitedColumn =>
  field ? (format ? { header, field, format } : { header, field }) : { header, value: '' };

const COLUMNS: DelimitedColumn[] = [
  col('TransType', 'transType'),
  col('EntryDate', 'voucherDate', date),
  col('VoucherNo', 'voucherNo'),
  col('VoucherDate', 'voucherDate', date),
  col('VoucherTypeNo', 'voucherTypeNo', { type: 'integer' }),
  col('VoucherText', 'text'),
  col('DepNo', 'department'),
  col('ProjectNo', 'project'),
  col('DebitAccountNo', 'debitAccount'),
  col('CreditAccountNo', 'creditAccount'),
  col('VATCode', 'vatCode'),
  col('CurrencyNo', 'currencyNo'),
  col('ExchangeRate', 'exchangeRate'),
  col('ExchangeAmount', 'exchangeAmount', money),
  col('Amount', 'amount', money),
  col('ContraEntryNo'),
  col('DueDate', 'dueDate', date),
  col('ContraEntryChainNo'),
  col('Quantity'),
  col('KID', 'kid'),
  col('TaxClassNo'),
  col('SLAccount'),
  col('SuppliersInvoiceNo'),
  col('RemittanceProfileNo'),
  col('ProductNo'),
  col('EmployeeNo'),
  col('ExtraCostUnitINo'),
  col('ExtraCostUnitIINo'),
  col('ExtraCostUnitIIINo'),
  col('ExtraCostUnitIVNo'),
  col('CustomerNo', 'customer.number'),
  col('ChainNo'),
  col('Name', 'customer.name'),
  col('Address1', 'customer.addressLine1'),
  col('Address2', 'customer.addressLine2'),
  col('PostCode', 'customer.postalCode'),
  col('PostOffice', 'customer.city'),
  col('ContactName'),
  col('Telephone', 'customer.phone'),
  col('Telefax'),
  col('SortName'),
  col('PostAccount'),
  col('BankAccount'),
  col('CreditLimit'),
  col('DeliveryName'),
  col('DeliveryAddress1'),
  col('DeliveryAddress2'),
  col('DeliveryPostCode'),
  col('DeliveryPostOffice'),
  col('EmployeeNo'),
  col('DistrictNo'),
  col('TermsOfPayCustNo'),
  col('GLAccountRec', 'customer.glAccountRec'),
  col('CustomerTypeNo'),
  col('DiscountGrpCustNo'),
];

export function vismaGlobalLayout(encoding: DelimitedLayout['encoding'] = DEFAULT_ENCODING): DelimitedLayout {
  return {
    delimiter: ',',
    quoting: 'when-needed',
    quoteEmpty: false,
    headerRow: HEADER_ROW,
    decimalSeparator: '.',
    lineEnding: 'CRLF',
    encoding,
    columns: COLUMNS,
  };
}

function ledger(data: CompanyData, settings: FormatSettings) {
  return ledgerOptionsFrom(data, settings, { departmentSource: 'line' });
}

function rowsOf(v: LedgerVoucher, settings: FormatSettings) {
  const gross = stringSetting(settings, 'vatMethod') !== 'vat-rows';
  const { invoice, customer } = v;
  const title = `${invoice.type === 'credit' ? 'Kreditnota' : 'Faktura'} ${invoice.number} ${customer.name}`.trim();
  const foreign = v.foreignCurrency;
  const rateText = foreign ? exchangeRateText(stringSetting(settings, 'exchangeRates'), invoice.currency) : '';
  const base = {
    transType: stringSetting(settings, 'transType'),
    voucherNo: invoice.number,
    voucherDate: invoice.issueDate,
    voucherTypeNo: integerSetting(settings, 'voucherTypeNo', 9),
    currencyNo: foreign ? (CURRENCY_NUMBERS[invoice.currency.toUpperCase()] ?? invoice.currency) : '',
    exchangeRate: rateText,
    dueDate: '',
    kid: '',
    department: '',
    project: '',
    vatCode: '',
    customer: {},
  };
  const post = (account: string, amount: number) =>
    amount >= 0 ? { debitAccount: account, creditAccount: '' } : { debitAccount: '', creditAccount: account };
  const out: Record<string, unknown>[] = [];
  const revenue = v.rows.filter((r) => r.kind === 'revenue');
  // With gross rows the customer row takes their sum, so the voucher balances after conversion.
  const customerAmount = gross ? -revenue.reduce((s, r) => s + r.amount + r.lineVat, 0) + 0 : v.gross;
  const receivable = v.rows[0]!;
  out.push({
    ...base,
    ...post(customer.number, customerAmount),
    text: title,
    amount: customerAmount,
    exchangeAmount: foreign ? v.currencyGross : '',
    dueDate: invoice.dueDate,
    kid: invoice.kid,
    customer: { ...customer, glAccountRec: receivable.account },
  });
  for (const r of revenue) {
    const amount = gross ? r.amount + r.lineVat : r.amount;
    out.push({
      ...base,
      ...post(r.account, amount),
      text: r.text || title,
      amount,
      exchangeAmount: foreign ? (gross ? r.currencyAmount + r.currencyLineVat : r.currencyAmount) : '',
      department: r.departmentNumber,
      project: r.projectNumber,
      vatCode: gross ? r.vatCode : '',
    });
  }
  if (!gross)
    for (const r of v.rows.filter((x) => x.kind === 'vat'))
      out.push({
        ...base,
        ...post(r.account, r.amount),
        text: `MVA ${r.ratePercent} %`,
        amount: r.amount,
        exchangeAmount: foreign ? r.currencyAmount : '',
      });
  return out;
}

/** The rate as written in the setting, normalised to `.` (e.g. `11.4921`). */
function exchangeRateText(setting: string, currency: string): string {
  const m = new RegExp(`(?:^|;)\\s*${currency}\\s*=\\s*(\\d+(?:[.,]\\d+)?)`, 'i').exec(setting);
  return m ? m[1]!.replace(',', '.') : '';
}

function build(data: CompanyData, settings: FormatSettings, context: ExportContext) {
  const encoding = encodingOf(settings, DEFAULT_ENCODING);
  const { options } = ledger(data, settings);
  const index = masterIndex(data);
  const vouchers = data.invoices.map((invoice) => ledgerVoucher(invoice, index, options));
  const rows = vouchers.flatMap((v) =>
    rowsOf(v, settings).map((row) => ({ ...row, recordKey: v.invoice.number || v.invoice.id })),
  );
  return voucherCsvFile({
    fileName: `VISMA-GLOBAL_${fileStamp(context.now)}.csv`,
    layout: vismaGlobalLayout(encoding),
    rows,
    recordOf: (r) => ({ kind: 'invoice', key: r.recordKey }),
    vouchers,
    currency: options.companyCurrency,
  });
}

export const vismaGlobal = defineFormat({
  id: 'visma-global',
  name: 'Visma Global (batch CSV)',
  country: 'NO',
  purpose: 'accounting',
  dataType: 'invoices',
  fileKind: 'csv',
  defaultEncoding: DEFAULT_ENCODING,
  specUrl:
    'https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/visma-global',
  settings: [
    { key: 'voucherTypeNo', kind: 'integer', label: 'Voucher type number', default: 9, min: 0, max: 9999 },
    {
      key: 'transType',
      kind: 'string',
      label: 'TransType value',
      help: 'Not published by Visma; 1 unless your installation says otherwise.',
      default: '1',
    },
    {
      key: 'vatMethod',
      kind: 'choice',
      label: 'VAT',
      default: 'gross',
      choices: [
        { value: 'gross', label: 'Gross amounts with VAT codes (Visma Global splits the VAT)' },
        { value: 'vat-rows', label: 'Separate VAT rows' },
      ],
    },
    RECEIVABLE_ACCOUNT_SETTING,
    EXCHANGE_RATES_SETTING,
    encodingSetting(DEFAULT_ENCODING, 'Visma Global is a Windows program that reads Windows-1252.'),
  ],
  checks(data: CompanyData, settings: FormatSettings) {
    const { options, invalidRates } = ledger(data, settings);
    return checkInvoicesForLedger(data, {
      ...options,
      needLineAccounts: true,
      needVatAccounts: stringSetting(settings, 'vatMethod') === 'vat-rows',
      numericCustomerNumbers: CUSTOMER_NUMBER_DIGITS,
      exchangeRatesInvalid: invalidRates,
    });
  },
  build,
});
