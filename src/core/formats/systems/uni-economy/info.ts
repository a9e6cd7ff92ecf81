/**
 * Uni Economy: what the registry, the Settings form and settings checks need before the format's
 * code (./uni-economy.ts) is loaded (docs/adding-a-format.md).
 */
import { EXCHANGE_RATES_SETTING } from '../../kit/settings.ts';
import type { FormatInfo } from '../../types.ts';

export const uniEconomyInfo: FormatInfo = {
  id: 'uni-economy',
  name: 'Uni Economy (XLSX: vouchers and customers)',
  country: 'NO',
  purpose: 'accounting',
  dataType: 'invoices',
  fileKind: 'xlsx',
  defaultEncoding: 'utf-8',
  specUrl:
    'https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/uni-economy',
  settings: [
    {
      key: 'vatCodes',
      kind: 'string',
      label: 'Uni Economy VAT code (Momskode) per VAT code',
      help: "Empty rows take the VAT code's SAF-T standard tax code (else the code itself), which is what Uni Economy's VAT codes follow.",
      default: '',
      mapping: { from: 'vatCodes', to: 'Uni Economy VAT code (Momskode)' },
    },
    EXCHANGE_RATES_SETTING,
  ],
};
