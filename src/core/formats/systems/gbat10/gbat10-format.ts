/**
 * The format definition shared by Mamut GBAT10 and Xledger AR10: same settings, checks and
 * rows (src/core/formats/systems/gbat10-rows.ts), different tail columns and defaults.
 */
import type { CompanyData } from '../../../domain/types.ts';
import { fileStamp } from '../../builders/encode-file.ts';
import type { IssueRecord } from '../../builders/field-format.ts';
import type { ExportContext, FormatDefinition, FormatInfo, FormatSettings } from '../../types.ts';
import { defineFormat, encodingOf, voucherCsvFile } from '../../kit/format-kit.ts';
import { issue } from '../../issues.ts';
import {
  gbat10Layout,
  gbat10Ledger,
  gbat10Rows,
  gbat10Vouchers,
  paymentTermsCodes,
  type Gbat10Row,
} from './gbat10-rows.ts';
import { checkInvoicesForLedger } from '../../../ledger/invoice-ledger.ts';
import { invalidSettingIssue } from '../../kit/settings.ts';

/** Mamut's column lengths: customer no 9 digits, voucher (invoice) no 8 digits. */
const CUSTOMER_NUMBER_DIGITS = 9;
const VOUCHER_NUMBER_DIGITS = 8;
const SYSTEM_NAMES = { mamut: 'Mamut', 'xledger-ar10': 'Xledger', duett: 'Duett' } as const;

export interface Gbat10Variant {
  /** The format's metadata and settings (./info.ts). */
  info: FormatInfo;
  /** `duett`: Mamut's columns, read by Duett's GBAT10 add-on. */
  variant: 'mamut' | 'xledger-ar10' | 'duett';
  filePrefix: string;
}

export function defineGbat10Format(v: Gbat10Variant): FormatDefinition {
  return defineFormat({
    ...v.info,
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
      for (const value of paymentTermsCodes(settings).invalid)
        issues.push(invalidSettingIssue(v.info.settings, 'paymentTermsCodes', value));
      return issues;
    },
    build(data: CompanyData, settings: FormatSettings, context: ExportContext) {
      const encoding = encodingOf(settings, v.info.defaultEncoding);
      const layout = gbat10Layout(v.variant === 'xledger-ar10' ? 'xledger-ar10' : 'mamut', encoding);
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
        output.issues.push(
          issue(
            'warning',
            'payment-terms-unmapped',
            {
              days: [...unmappedDays].sort((a, b) => a - b).join(', '),
              system: SYSTEM_NAMES[v.variant],
            },
            undefined,
            'paymentTermsCodes',
          ),
        );
      return output;
    },
  });
}
