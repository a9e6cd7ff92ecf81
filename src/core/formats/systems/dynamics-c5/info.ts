/**
 * Microsoft Dynamics C5: what the registry, the Settings form and settings checks need before the format's
 * code (./dynamics-c5.ts) is loaded (docs/adding-a-format.md).
 */
import { encodingSetting, EXCHANGE_RATES_SETTING } from '../../kit/settings.ts';
import type { BuiltInFormatInfo } from '../../types.ts';

export const dynamicsC5Info: BuiltInFormatInfo = {
  id: 'dynamics-c5',
  name: 'Microsoft Dynamics C5',
  country: 'DK',
  purpose: 'accounting',
  dataType: 'invoices',
  fileKind: 'csv',
  defaultEncoding: 'windows-1252',
  specUrl:
    'https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/dynamics-c5',
  lineEnding: 'CRLF',
  assumptions: [
    'Line-type codes `KUN` and `FAK` (settings).',
    'A `D` row for the customer and one `F` row per invoice line with gross amounts; C5 splits the VAT by tax code `2` (setting `salesTaxCode`).',
    'Customer rows with fixed Group 1, VAT 2 and Language Standard.',
  ],
  settings: [
    {
      key: 'customerLineCode',
      kind: 'string',
      label: 'Line-type code of customer rows',
      default: 'KUN',
      required: true,
      pattern: '^[^;"]+$',
    },
    {
      key: 'invoiceLineCode',
      kind: 'string',
      label: 'Line-type code of invoice rows',
      default: 'FAK',
      required: true,
      pattern: '^[^;"]+$',
    },
    { key: 'salesTaxCode', kind: 'string', label: 'Tax code on revenue rows with VAT', default: '2' },
    {
      key: 'decimalSeparator',
      kind: 'choice',
      label: 'Decimal separator',
      default: ',',
      choices: [
        { value: ',', label: 'Comma (Danish)' },
        { value: '.', label: 'Point' },
      ],
    },
    EXCHANGE_RATES_SETTING,
    encodingSetting('windows-1252', 'C5 is a Windows program that reads Windows-1252.'),
  ],
};
