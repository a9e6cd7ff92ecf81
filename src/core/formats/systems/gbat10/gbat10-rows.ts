/**
 * The GBAT10 posting row, shared by Mamut GBAT10 (src/core/formats/systems/gbat10.ts) and
 * Xledger AR10 (src/core/formats/systems/xledger-ar10.ts), which differ only in the tail
 * columns. Columns and maximum lengths: the official Mamut spec
 * http://help.mamut.com/no/mhelp/rtm/import_export/csv_formats/journal_formats/gbat10.htm
 * (as summarised in ../shared/research/moment-exports.md §4.6 and formats.md §5).
 *
 * Assumptions shared by both formats:
 * - `;` separated, no header row, CRLF, `.` decimal point, dates `yyyyMMdd`.
 * - The spec says nothing about quoting; a value holding `;` or `"` is quoted RFC-4180 style
 *   (`QUOTING`), everything else is written bare.
 * - Voucher number (col 1) = the invoice number, which must be digits (at most 8).
 * - Period (col 4) = month number within the fiscal year (unpadded, e.g. `3`), accounting year
 *   (col 5) = calendar year in which the fiscal year starts (`fiscalPeriod`).
 * - Identifiers that are too long (account 4, VAT code 5, customer no 9, invoice no 25,
 *   project 6, department 4) are errors; free texts (contact name 30, address 200, postcode 30,
 *   place 30, descriptions 100) are cut with a warning.
 * - VAT, setting `vatMethod`:
 *   - `vat-rows` (default): explicit output-VAT rows per VAT account and rate, and every row
 *     carries the VAT code of setting `vatRowsVatCode` (default `1`), as Moment's notes describe
 *     ("a separate VAT line per voucher, with VAT code 1 on every row"); Brutto/BruttoSum empty.
 *   - `gross`: no VAT rows; each revenue row carries the line's VAT code, the gross amount in
 *     Saldo and BruttoSum, and Brutto `T`, so Mamut splits out the VAT; the customer row carries
 *     VAT code `0` (no VAT handling, `NO_VAT_CODE`).
 *   Both balance: the customer row carries the gross amount.
 * - The customer row (col 9 customer no, 11–14 name and address, 16 KID, 17 due date,
 *   21 ledger text, 25 payment terms in days) is the first row of each voucher; revenue and
 *   VAT rows repeat the invoice number (col 15) but not the customer.
 * - Texts: `Faktura <no> <customer>` / `Kreditnota <no> <customer>` (`TEXTS`), line descriptions
 *   on revenue rows, `MVA <rate> %` on VAT rows.
 */
import { fiscalPeriod } from '../../../domain/dates.ts';
import type { CompanyData, IsoDate } from '../../../domain/types.ts';
import type { DelimitedColumn, DelimitedLayout } from '../../builders/delimited.ts';
import type { FieldFormat } from '../../builders/field-format.ts';
import type { TextEncodingName } from '../../../encoding/text-encoding.ts';
import type { FormatSettings, SettingDefinition } from '../../types.ts';
import { masterIndex } from '../../../ledger/invoice-lines.ts';
import {
  booleanSetting,
  DEPARTMENT_SOURCE_CHOICES,
  EXCHANGE_RATES_SETTING,
  integerSetting,
  RECEIVABLE_ACCOUNT_SETTING,
  stringSetting,
} from '../../kit/format-kit.ts';
import {
  ledgerOptionsFrom,
  ledgerVoucher,
  type DepartmentSource,
  type LedgerVoucher,
} from '../../../ledger/invoice-ledger.ts';

const QUOTING = 'when-needed' as const;
/** VAT code on the customer row when the receiving system calculates VAT (`gross`): no VAT handling. */
const NO_VAT_CODE = '0';
export const TEXTS = { invoice: 'Faktura', credit: 'Kreditnota', vat: 'MVA' } as const;

export interface Gbat10Row {
  voucherNo: string;
  voucherDate: IsoDate;
  voucherType: number;
  period: number;
  fiscalYear: number;
  account: string;
  vatCode: string;
  /** Minor units, debit positive. */
  amount: number;
  customerNo: string;
  contactName: string;
  address: string;
  postalCode: string;
  city: string;
  invoiceNo: string;
  kid: string;
  dueDate: IsoDate | '';
  glText: string;
  ledgerText: string;
  project: string;
  department: string;
  paymentTerms: string;
  gross: '' | 'T';
  /** Minor units, or null for an empty column. */
  grossSum: number | null;
}

const text = (maxLength: number, overflow: 'truncate' | 'error'): FieldFormat => ({
  type: 'text',
  maxLength,
  overflow,
});
const amount: FieldFormat = { type: 'amount', decimals: 2, sign: 'signed' };
const date: FieldFormat = { type: 'date', pattern: 'yyyyMMdd' };

/** Columns 0–27, common to Mamut and Xledger AR10. */
const COMMON_COLUMNS: DelimitedColumn[] = [
  { header: 'Identification', value: 'GBAT10' },
  { header: 'VoucherNo', field: 'voucherNo', format: text(8, 'error') },
  { header: 'VoucherDate', field: 'voucherDate', format: date },
  { header: 'VoucherType', field: 'voucherType', format: { type: 'integer', maxLength: 3 } },
  { header: 'Period', field: 'period', format: { type: 'integer', maxLength: 2 } },
  { header: 'FiscalYear', field: 'fiscalYear', format: { type: 'integer', maxLength: 4 } },
  { header: 'Account', field: 'account', format: text(4, 'error') },
  { header: 'VatCode', field: 'vatCode', format: text(5, 'error') },
  { header: 'Amount', field: 'amount', format: { ...amount, maxLength: 15 } as FieldFormat },
  { header: 'CustomerNo', field: 'customerNo', format: text(9, 'error') },
  { header: 'SupplierNo', value: '' },
  { header: 'ContactName', field: 'contactName', format: text(30, 'truncate') },
  { header: 'Address', field: 'address', format: text(200, 'truncate') },
  { header: 'PostalCode', field: 'postalCode', format: text(30, 'truncate') },
  { header: 'PostalPlace', field: 'city', format: text(30, 'truncate') },
  { header: 'InvoiceNo', field: 'invoiceNo', format: text(25, 'error') },
  { header: 'KID', field: 'kid', format: text(30, 'error') },
  { header: 'DueDate', field: 'dueDate', format: date },
  { header: 'NotUsed', value: '' },
  { header: 'BankAccount', value: '' },
  { header: 'GeneralLedgerText', field: 'glText', format: text(100, 'truncate') },
  { header: 'LedgerText', field: 'ledgerText', format: text(100, 'truncate') },
  { header: 'InterestInvoicing', value: '' },
  { header: 'Project', field: 'project', format: text(6, 'error') },
  { header: 'Department', field: 'department', format: text(4, 'error') },
  { header: 'PaymentTerms', field: 'paymentTerms', format: text(4, 'error') },
  { header: 'Gross', field: 'gross' },
  { header: 'GrossSum', field: 'grossSum', format: { ...amount, maxLength: 20 } as FieldFormat },
];

export function gbat10Layout(variant: 'mamut' | 'xledger-ar10', encoding: TextEncodingName): DelimitedLayout {
  const tail: DelimitedColumn[] =
    variant === 'mamut'
      ? [
          { header: 'IBAN', value: '' },
          { header: 'SWIFT', value: '' },
        ]
      : [{ header: 'Extra', value: 'x' }];
  return {
    delimiter: ';',
    quoting: QUOTING,
    quoteEmpty: false,
    headerRow: false,
    decimalSeparator: '.',
    lineEnding: 'CRLF',
    encoding,
    columns: [...COMMON_COLUMNS, ...tail],
  };
}

export function gbat10Settings(defaultEncodingSetting: SettingDefinition): SettingDefinition[] {
  return [
    {
      key: 'invoiceVoucherType',
      kind: 'integer',
      label: 'Voucher type (Bilagsart) for invoices',
      default: 1,
      min: 0,
      max: 999,
    },
    {
      key: 'creditVoucherType',
      kind: 'integer',
      label: 'Voucher type (Bilagsart) for credit notes',
      default: 3,
      min: 0,
      max: 999,
    },
    { key: 'includeProject', kind: 'boolean', label: 'Write the project on revenue rows', default: true },
    {
      key: 'departmentSource',
      kind: 'choice',
      label: 'Department from',
      default: 'line',
      choices: DEPARTMENT_SOURCE_CHOICES,
    },
    {
      key: 'vatMethod',
      kind: 'choice',
      label: 'VAT',
      default: 'vat-rows',
      choices: [
        { value: 'vat-rows', label: 'Separate VAT rows' },
        { value: 'gross', label: 'Gross amounts, VAT calculated by the receiving system' },
      ],
    },
    {
      key: 'vatRowsVatCode',
      kind: 'string',
      label: 'VAT code on every row (separate VAT rows)',
      default: '1',
      maxLength: 5,
    },
    RECEIVABLE_ACCOUNT_SETTING,
    EXCHANGE_RATES_SETTING,
    defaultEncodingSetting,
  ];
}

export function gbat10Ledger(data: CompanyData, settings: FormatSettings) {
  return ledgerOptionsFrom(data, settings, {
    departmentSource: stringSetting(settings, 'departmentSource') as DepartmentSource,
  });
}

export function gbat10Vouchers(data: CompanyData, settings: FormatSettings): LedgerVoucher[] {
  const { options } = gbat10Ledger(data, settings);
  const index = masterIndex(data);
  return data.invoices.map((invoice) => ledgerVoucher(invoice, index, options));
}

/** The rows of one voucher; their `amount`s sum to zero. */
export function gbat10Rows(voucher: LedgerVoucher, data: CompanyData, settings: FormatSettings): Gbat10Row[] {
  const { invoice, customer } = voucher;
  const gross = stringSetting(settings, 'vatMethod') === 'gross';
  const fixedVatCode = stringSetting(settings, 'vatRowsVatCode');
  const includeProject = booleanSetting(settings, 'includeProject');
  const { period, year } = fiscalPeriod(invoice.issueDate, data.company.fiscalYearStart);
  const title = `${TEXTS[invoice.type]} ${invoice.number} ${customer.name}`.trim();
  const voucherType =
    invoice.type === 'credit'
      ? integerSetting(settings, 'creditVoucherType', 3)
      : integerSetting(settings, 'invoiceVoucherType', 1);
  // Every row is written as one full literal (same shape for all): spreading a shared base into
  // 200k rows was the largest cost of a 100k-line export.
  const posting = (
    account: string,
    vatCode: string,
    amount: number,
    glText: string,
    project = '',
    department = '',
  ): Gbat10Row => ({
    voucherNo: invoice.number,
    voucherDate: invoice.issueDate,
    voucherType,
    period,
    fiscalYear: year,
    account,
    vatCode,
    amount,
    customerNo: '',
    contactName: '',
    address: '',
    postalCode: '',
    city: '',
    invoiceNo: invoice.number,
    kid: '',
    dueDate: '',
    glText,
    ledgerText: '',
    project,
    department,
    paymentTerms: '',
    gross: '',
    grossSum: null,
  });
  const rows: Gbat10Row[] = [];
  const receivable = voucher.rows.find((r) => r.kind === 'receivable')!;
  const customerRow = posting(receivable.account, gross ? NO_VAT_CODE : fixedVatCode, receivable.amount, title);
  customerRow.customerNo = customer.number;
  customerRow.contactName = customer.name;
  customerRow.address = [customer.addressLine1, customer.addressLine2].filter(Boolean).join(', ');
  customerRow.postalCode = customer.postalCode;
  customerRow.city = customer.city;
  customerRow.kid = invoice.kid;
  customerRow.dueDate = invoice.dueDate;
  customerRow.ledgerText = title;
  customerRow.paymentTerms = customer.paymentTermsDays ? String(customer.paymentTermsDays) : '';
  rows.push(customerRow);
  if (gross) {
    // Each line's converted net + VAT; the customer row takes their sum so the voucher balances
    // even when converting line by line rounds differently from converting the VAT totals.
    let lineGrossTotal = 0;
    for (const r of voucher.rows) {
      if (r.kind !== 'revenue') continue;
      const lineGross = r.amount + r.lineVat;
      lineGrossTotal += lineGross;
      const row = posting(
        r.account,
        r.vatCode,
        lineGross,
        r.text,
        includeProject ? r.projectNumber : '',
        r.departmentNumber,
      );
      row.gross = 'T';
      row.grossSum = lineGross;
      rows.push(row);
    }
    customerRow.amount = -lineGrossTotal + 0;
  } else {
    for (const r of voucher.rows)
      if (r.kind === 'revenue')
        rows.push(
          posting(r.account, fixedVatCode, r.amount, r.text, includeProject ? r.projectNumber : '', r.departmentNumber),
        );
    for (const r of voucher.rows)
      if (r.kind === 'vat') rows.push(posting(r.account, fixedVatCode, r.amount, `${TEXTS.vat} ${r.ratePercent} %`));
  }
  return rows;
}
