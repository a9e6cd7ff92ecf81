/**
 * InfoEasy: a fixed-position TXT file of 199-character records, 16 fields; per invoice a debit
 * record for the customer and a credit record per invoice line.
 *
 * Spec: Moment's page https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/infoeasy
 * (summarised in ../shared/research/moment-exports.md §4.5). Field table from that page:
 * Field_01 6 hardcoded · Year 4 "year of invoice date" · Period 2 "month of invoice date" ·
 * Field_04 9 voucher number · Field_05 9 voucher number · Field_06 8 invoice date · Field_07 8 due
 * date · Field_08 4 VAT code · Field_09 6 account number · Field_10 46 hardcoded · Field_11 12
 * credit amount · Field_12 15 hardcoded · Field_13 12 credit amount · Field_14 18 hardcoded ·
 * Field_15 6 hardcoded · Field_16 34 hardcoded (199 characters). Rules quoted there: VAT code
 * "`30R` on credit rows. On debit rows it is `33H` when there is VAT and `30H` when there is
 * none"; account "the invoice-row account on credit rows, the customer number on debit rows";
 * dates `YYYYMMDD`; decimal separator `.`. The hardcoded values are not published (the page says
 * to contact integrations_dev@moment.team), nor are padding and alignment.
 *
 * Assumptions (constants), since the hardcoded values are not public:
 * - The six hardcoded fields are written blank (`HARDCODED`); a user who learns the values can
 *   copy this layout into a layout template and fill them in.
 * - Field_11 and Field_13, both "credit amount" on Moment's page, carry the same signed amount of
 *   the record (debit positive: the customer's gross on the debit record, each line's gross
 *   negated on its credit record), so each voucher sums to zero; `.` and 2 decimals, right-aligned,
 *   blank-filled. InfoEasy splits the VAT out by the VAT code (no VAT records are written).
 * - Numbers (voucher number, account) are right-aligned and zero-filled; the VAT code is
 *   left-aligned. Period is the month zero-padded (`03`).
 * - Voucher number (Field_04 and Field_05) = the invoice number (digits, at most 9); the customer
 *   number on the debit record must be digits, at most 6 (Field_09's width).
 * - Amounts in the company currency (setting `exchangeRates` converts foreign invoices).
 * - CRLF; Windows-1252 (the records hold digits and codes only).
 */
import type { CompanyData, IsoDate } from '../../../domain/types.ts';
import { encodeFile, fileStamp } from '../../builders/encode-file.ts';
import type { FieldFormat, IssueRecord } from '../../builders/field-format.ts';
import { buildFixedWidth, type FixedWidthField, type FixedWidthLayout } from '../../builders/fixed-width.ts';
import { masterIndex } from '../../../ledger/invoice-lines.ts';
import { checkInvoicesForLedger, ledgerOptionsFrom, ledgerVoucher } from '../../../ledger/invoice-ledger.ts';
import type { ExportContext, FormatSettings } from '../../types.ts';
import { defineFormat } from '../../kit/format-kit.ts';
import { infoEasyInfo } from './info.ts';

export const RECORD_LENGTH = 199;
/** What the six hardcoded fields hold (unpublished): blanks. */
export const HARDCODED = { field01: '', field10: '', field12: '', field14: '', field15: '', field16: '' } as const;
export const VAT_CODES = { credit: '30R', debitWithVat: '33H', debitWithoutVat: '30H' } as const;
const VOUCHER_DIGITS = 9;
const ACCOUNT_DIGITS = 6;
const ENCODING = 'windows-1252' as const;

export interface InfoEasyRow {
  year: number;
  period: number;
  voucherNo: string;
  invoiceDate: IsoDate;
  dueDate: IsoDate;
  vatCode: string;
  account: string;
  /** Company currency, minor units, debit positive. */
  amount: number;
  record: IssueRecord;
}

const constant = (name: string, width: number, value: string): FixedWidthField => ({
  name,
  width,
  value,
  align: 'left',
});
const digits = (name: string, width: number, field: string, format?: FieldFormat): FixedWidthField => ({
  name,
  width,
  field,
  format: format ?? { type: 'text' },
  zeroFill: true,
});
const date = (name: string, field: string): FixedWidthField => ({
  name,
  width: 8,
  field,
  format: { type: 'date', pattern: 'yyyyMMdd' },
});
const amount: FieldFormat = { type: 'amount', decimals: 2, sign: 'signed', decimalSeparator: '.' };

export function infoEasyLayout(): FixedWidthLayout {
  return {
    recordLength: RECORD_LENGTH,
    lineEnding: 'CRLF',
    encoding: ENCODING,
    fields: [
      constant('Field_01', 6, HARDCODED.field01),
      { name: 'Year', width: 4, field: 'year', format: { type: 'integer' } },
      digits('Period', 2, 'period', { type: 'integer' }),
      digits('Field_04 Voucher no.', VOUCHER_DIGITS, 'voucherNo'),
      digits('Field_05 Voucher no.', VOUCHER_DIGITS, 'voucherNo'),
      date('Field_06 Invoice date', 'invoiceDate'),
      date('Field_07 Due date', 'dueDate'),
      { name: 'Field_08 VAT code', width: 4, field: 'vatCode', align: 'left' },
      digits('Field_09 Account', ACCOUNT_DIGITS, 'account'),
      constant('Field_10', 46, HARDCODED.field10),
      { name: 'Field_11 Amount', width: 12, field: 'amount', format: amount, align: 'right' },
      constant('Field_12', 15, HARDCODED.field12),
      { name: 'Field_13 Amount', width: 12, field: 'amount', format: amount, align: 'right' },
      constant('Field_14', 18, HARDCODED.field14),
      constant('Field_15', 6, HARDCODED.field15),
      constant('Field_16', 34, HARDCODED.field16),
    ],
  };
}

function ledger(data: CompanyData, settings: FormatSettings) {
  // The debit record posts to the customer number, not to a receivable account.
  return ledgerOptionsFrom(data, { ...settings, receivableAccount: '-' }, { departmentSource: 'none' });
}

export function infoEasyRows(data: CompanyData, settings: FormatSettings): InfoEasyRow[] {
  const { options } = ledger(data, settings);
  const index = masterIndex(data);
  return data.invoices.flatMap((invoice) => {
    const v = ledgerVoucher(invoice, index, options);
    const record: IssueRecord = { kind: 'invoice', key: invoice.number || invoice.id };
    const base = {
      year: Number(invoice.issueDate.slice(0, 4)),
      period: Number(invoice.issueDate.slice(5, 7)),
      voucherNo: invoice.number,
      invoiceDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      record,
    };
    const credits = v.rows
      .filter((r) => r.kind === 'revenue')
      .map((r) => ({ ...base, vatCode: VAT_CODES.credit, account: r.account, amount: r.amount + r.lineVat }));
    const hasVat = v.rows.some((r) => r.kind === 'revenue' && r.lineVat !== 0);
    const debit = {
      ...base,
      vatCode: hasVat ? VAT_CODES.debitWithVat : VAT_CODES.debitWithoutVat,
      account: v.customer.number,
      amount: -credits.reduce((s, r) => s + r.amount, 0) + 0,
    };
    return [debit, ...credits];
  });
}

function build(data: CompanyData, settings: FormatSettings, context: ExportContext) {
  const rows = infoEasyRows(data, settings);
  const built = buildFixedWidth(infoEasyLayout(), rows, { recordOf: (r) => r.record });
  const debits = rows.filter((r) => r.vatCode !== VAT_CODES.credit);
  const encoded = encodeFile({
    name: `INFOEASY_${fileStamp(context.now)}.txt`,
    mimeType: 'text/plain',
    text: built.text,
    encoding: ENCODING,
    lineRecords: built.lineRecords,
    recordCount: rows.length,
    controlTotals: {
      vouchers: debits.length,
      records: rows.length,
      [`gross ${data.company.currency}`]: debits.reduce((s, r) => s + r.amount, 0),
    },
  });
  return { files: encoded.file ? [encoded.file] : [], issues: [...built.issues, ...encoded.issues], report: [] };
}

export const infoEasy = defineFormat({
  ...infoEasyInfo,
  checks(data: CompanyData, settings: FormatSettings) {
    const { options, invalidRates } = ledger(data, settings);
    return checkInvoicesForLedger(data, {
      ...options,
      needLineAccounts: true,
      needVatAccounts: false,
      postsReceivable: false,
      numericInvoiceNumbers: VOUCHER_DIGITS,
      numericCustomerNumbers: ACCOUNT_DIGITS,
      exchangeRatesInvalid: invalidRates,
    });
  },
  build,
});
