/**
 * The GBAT10 posting row, shared by Mamut GBAT10 (src/core/formats/systems/gbat10/gbat10.ts) and
 * Xledger AR10 (src/core/formats/systems/gbat10/xledger-ar10.ts), which differ only in the tail
 * columns. Columns and maximum lengths: the official Mamut spec
 * http://help.mamut.com/no/mhelp/rtm/import_export/csv_formats/journal_formats/gbat10.htm
 * (as summarised in ../shared/research/moment-exports.md §4.6 and formats.md §5). Column numbers
 * below are Mamut's, 0-based (Excel letters A–AD); Tripletex and Xledger count from 1.
 *
 * Rules quoted from the vendors:
 * - Separator, Mamut spec (address above): "Skilletegn mellom feltene er semikolon, ikke fast
 *   kolonnebredde." The page has no quoting or escaping rule, nor do Tripletex's and Moment's
 *   pages. So the layout has `quoting: 'none'` and `REPLACEMENTS`: a `;` inside a value is written
 *   as `,`, a `"` as `'`, a line break as a space, each reported as a warning naming the record
 *   and field (a quoted `"Café Öken; Mat & Prat AB"` would shift the columns of a reader that
 *   splits on `;`).
 * - Gross mode, Tripletex https://hjelp.tripletex.no/hc/no/articles/4411155692945-Bilagsimport-GBAT10-import-
 *   : "IMPORTANT: The net and gross amounts must always balance (sum = 0)." and "The gross amount
 *   (including VAT) is used for postings with VAT."; Moment's Mamut page
 *   https://docs.moment.team/help/integrations/file-exports/file-export-accounting-system/mamut :
 *   "GrossSum is numeric with three decimals and shall have the gross sum (incl. vat)." and "Set
 *   VAT code to 1 on the 1510 rows and relevant VAT code on e.g. 3010 rows." (2 decimals are kept,
 *   as Mamut's own spec says; they are valid in a 3-decimal field too.)
 * - Column 25 (Z) Betalingsbetingelse, Mamut spec: "Betalingsbetingelse | 25 | Z | 4 | Numerisk
 *   (StdReg_xxx.xls)"; Moment's AR10 page: "Payment terms | 26 | Z | 4 | Numeric
 *   (StdReg_xxx.xls)". It is a code from the company's standard-values register, not a number
 *   of days: setting `paymentTermsCodes` maps days to codes (`14=2; 30=3`), empty by default;
 *   an unmapped customer's column is left empty, with one warning per file.
 *
 * Assumptions shared by both formats:
 * - `;` separated, no header row, CRLF, `.` decimal point, dates `yyyyMMdd`.
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
 *     Saldo and BruttoSum, and Brutto `T`, so the receiving system splits out the VAT; the
 *     customer row carries Brutto `T`, the gross amount in Saldo and BruttoSum, and the VAT code
 *     of setting `customerRowVatCode` (default `1`, Moment's rule above; in Tripletex code 1 is
 *     mapped to "no VAT"). Saldo and BruttoSum each sum to zero per voucher.
 *   Both balance: the customer row carries the gross amount.
 * - The customer row (col 9 customer no, 11–14 name and address, 16 KID, 17 due date,
 *   21 ledger text, 25 payment-terms code) is the first row of each voucher; revenue and
 *   VAT rows repeat the invoice number (col 15) but not the customer.
 * - Texts: `Faktura <no> <customer>` / `Kreditnota <no> <customer>` (`TEXTS`), line descriptions
 *   on revenue rows, `MVA <rate> %` on VAT rows.
 */
import { parseCodeMapping } from '../../kit/code-mapping.ts';
import { fiscalPeriod } from '../../../domain/dates.ts';
import type { CompanyData, IsoDate } from '../../../domain/types.ts';
import type { DelimitedColumn, DelimitedLayout, FieldReplacements } from '../../builders/delimited.ts';
import type { FieldFormat } from '../../builders/field-format.ts';
import type { TextEncodingName } from '../../../encoding/text-encoding.ts';
import type { FormatSettings } from '../../types.ts';
import { masterIndex } from '../../../ledger/invoice-lines.ts';
import { booleanSetting, integerSetting, stringSetting } from '../../kit/format-kit.ts';
import {
  ledgerOptionsFrom,
  ledgerVoucher,
  type DepartmentSource,
  type LedgerVoucher,
} from '../../../ledger/invoice-ledger.ts';

/** No quoting in the spec: what a plain `;` split cannot carry is replaced (see the header). */
export const REPLACEMENTS: FieldReplacements = { delimiter: ',', quote: "'", lineBreak: ' ' };
/** Mamut column 25 (Z) holds at most 4 digits (a StdReg code). */
const PAYMENT_TERMS_CODE = /^\d{1,4}$/;
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
    quoting: 'none',
    replacements: { ...REPLACEMENTS },
    quoteEmpty: false,
    headerRow: false,
    decimalSeparator: '.',
    lineEnding: 'CRLF',
    encoding,
    columns: [...COMMON_COLUMNS, ...tail],
  };
}

/** Setting `paymentTermsCodes` (`14=2; 30=3`): days → StdReg code, and what is wrong with it. */
export function paymentTermsCodes(settings: FormatSettings): { codes: Map<number, string>; invalid: string[] } {
  const { map, invalid } = parseCodeMapping(stringSetting(settings, 'paymentTermsCodes'));
  const codes = new Map<number, string>();
  for (const [days, code] of map) {
    if (/^\d+$/.test(days) && PAYMENT_TERMS_CODE.test(code)) codes.set(Number(days), code);
    else invalid.push(`${days}=${code}`);
  }
  return { codes, invalid };
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

/**
 * The rows of one voucher; their `amount`s sum to zero, and so do their `grossSum`s.
 * `termsCodes`: from `paymentTermsCodes(settings)`.
 */
export function gbat10Rows(
  voucher: LedgerVoucher,
  data: CompanyData,
  settings: FormatSettings,
  termsCodes: ReadonlyMap<number, string>,
): Gbat10Row[] {
  const { invoice, customer } = voucher;
  const gross = stringSetting(settings, 'vatMethod') === 'gross';
  const fixedVatCode = stringSetting(settings, 'vatRowsVatCode');
  const customerRowVatCode = gross ? stringSetting(settings, 'customerRowVatCode') : fixedVatCode;
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
  const customerRow = posting(receivable.account, customerRowVatCode, receivable.amount, title);
  customerRow.customerNo = customer.number;
  customerRow.contactName = customer.name;
  customerRow.address = [customer.addressLine1, customer.addressLine2].filter(Boolean).join(', ');
  customerRow.postalCode = customer.postalCode;
  customerRow.city = customer.city;
  customerRow.kid = invoice.kid;
  customerRow.dueDate = invoice.dueDate;
  customerRow.ledgerText = title;
  customerRow.paymentTerms = termsCodes.get(customer.paymentTermsDays) ?? '';
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
    customerRow.gross = 'T';
    customerRow.grossSum = customerRow.amount;
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
