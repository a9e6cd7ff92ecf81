/**
 * Visma Global: what the registry, the Settings form and settings checks need before the format's
 * code (./visma-global.ts) is loaded (docs/adding-a-format.md).
 */
import { encodingSetting, EXCHANGE_RATES_SETTING, RECEIVABLE_ACCOUNT_SETTING } from '../../kit/settings.ts';
import type { BuiltInFormatInfo } from '../../types.ts';

export const vismaGlobalInfo: BuiltInFormatInfo = {
  id: 'visma-global',
  name: 'Visma Global (batch CSV)',
  country: 'NO',
  purpose: 'accounting',
  dataType: 'invoices',
  fileKind: 'csv',
  defaultEncoding: 'windows-1252',
  specUrl:
    'https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/visma-global',
  lineEnding: 'CRLF',
  assumptions: [
    '55 columns A–BC; the four new columns without a published letter are left out.',
    'TransType = setting `transType` (default 1): its values are not published.',
    'One row per posting, a positive amount on the debit or credit account; the customer number is the sub-ledger account (digits, at most 12).',
  ],
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
    encodingSetting('windows-1252', 'Visma Global is a Windows program that reads Windows-1252.'),
  ],
};
