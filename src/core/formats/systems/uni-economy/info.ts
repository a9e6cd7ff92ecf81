/**
 * Uni Economy: what the registry, the Settings form and settings checks need before the format's
 * code (./uni-economy.ts) is loaded (docs/adding-a-format.md).
 */
import { EXCHANGE_RATES_SETTING } from '../../kit/settings.ts';
import type { BuiltInFormatInfo } from '../../types.ts';

export const uniEconomyInfo: BuiltInFormatInfo = {
  id: 'uni-economy',
  name: 'Uni Economy (XLSX: vouchers and customers)',
  country: 'NO',
  purpose: 'accounting',
  dataType: 'invoices',
  fileKind: 'xlsx',
  defaultEncoding: 'utf-8',
  specUrl:
    'https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/uni-economy',
  lineEnding: 'none',
  assumptions: [
    'Sheets `Bilag` and `Kunder` with the column names in row 1 (neither is published).',
    'One row per posting: the customer row posts the gross to the customer number; line rows carry their gross amount and Momskode, and Uni splits the VAT.',
    "Momskode = the mapping, else the VAT code's SAF-T standard tax code; one vouchers workbook per financial year.",
    'Mobilnr and the delivery address columns stay empty (no such data).',
  ],
  settings: [
    {
      key: 'vatCodes',
      kind: 'string',
      label: 'Uni Economy VAT code (Momskode) per VAT code',
      expected: '3=3',
      help: "Empty rows take the VAT code's SAF-T standard tax code (else the code itself), which is what Uni Economy's VAT codes follow.",
      default: '',
      mapping: { from: 'vatCodes', to: 'Uni Economy VAT code (Momskode)' },
    },
    EXCHANGE_RATES_SETTING,
  ],
};
