/**
 * The format definition shared by Mamut GBAT10 and Xledger AR10: same settings, checks and
 * rows (src/core/formats/systems/gbat10-rows.ts), different tail columns and defaults.
 */
import type { CompanyData } from '../../../domain/types.ts';
import type { TextEncodingName } from '../../../encoding/text-encoding.ts';
import { fileStamp } from '../../builders/encode-file.ts';
import type { IssueRecord } from '../../builders/field-format.ts';
import type { ExportContext, FormatDefinition, FormatSettings } from '../../types.ts';
import { defineFormat, encodingOf, encodingSetting, voucherCsvFile } from '../../kit/format-kit.ts';
import {
  gbat10Layout,
  gbat10Ledger,
  gbat10Rows,
  gbat10Settings,
  gbat10Vouchers,
  paymentTermsCodes,
  type Gbat10Row,
} from './gbat10-rows.ts';
import { checkInvoicesForLedger } from '../../../ledger/invoice-ledger.ts';

/** Mamut's column lengths: customer no 9 digits, voucher (invoice) no 8 digits. */
const CUSTOMER_NUMBER_DIGITS = 9;
const VOUCHER_NUMBER_DIGITS = 8;

export interface Gbat10Variant {
  id: string;
  name: string;
  country: string;
  variant: 'mamut' | 'xledger-ar10';
  filePrefix: string;
  specUrl: string;
  defaultEncoding: TextEncodingName;
  encodingHelp: string;
}

export function defineGbat10Format(v: Gbat10Variant): FormatDefinition {
  return defineFormat({
    id: v.id,
    name: v.name,
    country: v.country,
    purpose: 'accounting',
    dataType: 'invoices',
    fileKind: 'csv',
    defaultEncoding: v.defaultEncoding,
    specUrl: v.specUrl,
    settings: gbat10Settings(encodingSetting(v.defaultEncoding, v.encodingHelp)),
    checks(data: CompanyData, settings: FormatSettings) {
      const { options, invalidRates } = gbat10Ledger(data, settings);
      const issues = checkInvoicesForLedger(data, {
        ...options,
        needLineAccounts: true,
        needVatAccounts: settings['vatMethod'] !== 'gross',
        numericCustomerNumbers: CUSTOMER_NUMBER_DIGITS,
        numericInvoiceNumbers: VOUCHER_NUMBER_DIGITS,
        exchangeRatesInvalid: invalidRates,
      });
      for (const problem of paymentTermsCodes(settings).problems)
        issues.push({
          severity: 'error',
          code: 'invalid-setting',
          message: `Payment terms codes: ${problem} (write days=code pairs such as "14=2; 30=3").`,
          field: 'paymentTermsCodes',
        });
      return issues;
    },
    build(data: CompanyData, settings: FormatSettings, context: ExportContext) {
      const encoding = encodingOf(settings, v.defaultEncoding);
      const layout = gbat10Layout(v.variant, encoding);
      const vouchers = gbat10Vouchers(data, settings);
      const { codes } = paymentTermsCodes(settings);
      const unmappedDays = new Set<number>();
      const rows: Gbat10Row[] = [];
      const records = new Map<Gbat10Row, IssueRecord>();
      for (const voucher of vouchers) {
        const record: IssueRecord = { kind: 'invoice', key: voucher.invoice.number || voucher.invoice.id };
        const days = voucher.customer.paymentTermsDays;
        if (days && !codes.has(days)) unmappedDays.add(days);
        for (const row of gbat10Rows(voucher, data, settings, codes)) {
          rows.push(row);
          records.set(row, record);
        }
      }
      const output = voucherCsvFile({
        fileName: `${v.filePrefix}_${fileStamp(context.now)}.csv`,
        layout,
        rows,
        recordOf: (row) => records.get(row)!,
        vouchers,
        currency: data.company.currency,
      });
      // One warning per file, not per customer: the fix is one setting.
      if (unmappedDays.size > 0)
        output.issues.push({
          severity: 'warning',
          code: 'payment-terms-unmapped',
          message: `Payment terms left empty (Mamut column 25 = Z) for ${[...unmappedDays].sort((a, b) => a - b).join(', ')} days: the column holds a code from your ${v.variant === 'mamut' ? 'Mamut' : 'Xledger'} standard values, not days; map days to codes under Payment terms codes (e.g. "14=2; 30=3").`,
          field: 'paymentTermsCodes',
        });
      return output;
    },
  });
}
