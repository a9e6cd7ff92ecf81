/**
 * Mamut GBAT10 and Xledger AR10: what the registry, the Settings form and settings checks need
 * before the family's code (./gbat10.ts, ./xledger-ar10.ts) is loaded (docs/adding-a-format.md).
 * Both share the settings below; they differ in name, spec and the encoding setting's help.
 */
import {
  DEPARTMENT_SOURCE_CHOICES,
  encodingSetting,
  EXCHANGE_RATES_SETTING,
  RECEIVABLE_ACCOUNT_SETTING,
} from '../../kit/settings.ts';
import type { BuiltInFormatInfo, SettingDefinition } from '../../types.ts';

function gbat10Settings(defaultEncodingSetting: SettingDefinition): SettingDefinition[] {
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
    {
      key: 'customerRowVatCode',
      kind: 'string',
      label: 'VAT code on the customer row (gross amounts)',
      help: 'Moment: "Set VAT code to 1 on the 1510 rows". In Tripletex, map external code 1 to a code without VAT.',
      default: '1',
      maxLength: 5,
    },
    {
      key: 'paymentTermsCodes',
      kind: 'string',
      label: 'Payment terms codes (days=code)',
      expected: 'days=code with a code of 1 to 4 digits, e.g. "14=2; 30=3"',
      mapping: { from: 'paymentTerms', to: 'Standard value code (StdReg)' },
      help: 'Column Z holds a code from your Mamut standard values (StdReg), not days, e.g. "14=2; 30=3". Unmapped terms are left empty.',
      default: '',
    },
    RECEIVABLE_ACCOUNT_SETTING,
    EXCHANGE_RATES_SETTING,
    defaultEncodingSetting,
  ];
}

const common = {
  purpose: 'accounting' as const,
  dataType: 'invoices' as const,
  fileKind: 'csv',
  defaultEncoding: 'windows-1252' as const,
};

export const gbat10Info: BuiltInFormatInfo = {
  ...common,
  id: 'gbat10',
  name: 'Mamut GBAT10',
  country: 'NO',
  specUrl: 'http://help.mamut.com/no/mhelp/rtm/import_export/csv_formats/journal_formats/gbat10.htm',
  lineEnding: 'CRLF',
  assumptions: [
    '`;`, no header row, `.` decimals, dates yyyyMMdd; voucher number = the invoice number (digits, at most 8).',
    'Period = the month within the fiscal year; year = the year the fiscal year starts in.',
    'Explicit VAT rows with VAT code 1 on every row by default (setting `vatMethod`); IBAN and SWIFT left empty.',
  ],
  settings: gbat10Settings(encodingSetting('windows-1252', 'Mamut reads Windows-1252; Tripletex also reads UTF-8.')),
};

export const xledgerAr10Info: BuiltInFormatInfo = {
  ...common,
  id: 'xledger-ar10',
  name: 'Xledger AR10 (GBAT10)',
  country: 'NO',
  specUrl:
    'https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/xledger/format-ar10',
  lineEnding: 'CRLF',
  assumptions: [
    "The GBAT10 rows, then column AC `x` (Xledger's end-of-record marker).",
    "Moment's unnamed X and Y columns are read as project (6) and department (4), as in the Mamut spec.",
    'Windows-1252 by default (setting `encoding`).',
  ],
  settings: gbat10Settings(
    encodingSetting('windows-1252', 'Xledger does not document an encoding; Windows-1252 as for GBAT10.'),
  ),
};

/**
 * Duett's GBAT10 add-on reads Mamut's GBAT10 file. Moment's Duett page lists the settings
 * "Accounting project", "Voucher code for invoices" (1) and "Voucher code for credit notes" (3),
 * which are GBAT10's `includeProject`, `invoiceVoucherType` and `creditVoucherType`.
 */
export const duettGbat10Info: BuiltInFormatInfo = {
  ...common,
  id: 'duett-gbat10',
  name: 'Duett (GBAT10 add-on)',
  country: 'NO',
  specUrl:
    'https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/duett',
  lineEnding: 'CRLF',
  assumptions: [
    "The GBAT10 rows with Mamut's field lengths (Duett's own limits are not published).",
    'The native Duett files (VB_BILAG.TXT, …) are not built: no public layout was found.',
  ],
  settings: gbat10Settings(
    encodingSetting('windows-1252', 'Duett does not document an encoding; Windows-1252 as for Mamut GBAT10.'),
  ),
};
