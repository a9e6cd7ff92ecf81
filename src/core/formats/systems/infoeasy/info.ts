/**
 * InfoEasy: what the registry, the Settings form and settings checks need before the format's
 * code (./infoeasy.ts) is loaded (docs/adding-a-format.md).
 */
import { EXCHANGE_RATES_SETTING } from '../../kit/settings.ts';
import type { BuiltInFormatInfo } from '../../types.ts';

export const infoEasyInfo: BuiltInFormatInfo = {
  id: 'infoeasy',
  name: 'InfoEasy',
  country: 'SE',
  purpose: 'accounting',
  dataType: 'invoices',
  fileKind: 'fixed-width',
  defaultEncoding: 'windows-1252',
  specUrl:
    'https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/infoeasy',
  lineEnding: 'CRLF',
  assumptions: [
    'The six hardcoded fields are written blank (their values are not published).',
    'Field_11 and Field_13 carry the same signed amount; InfoEasy splits the VAT by the VAT code.',
    'Voucher number = the invoice number (digits, at most 9); customer number digits, at most 6.',
  ],
  settings: [EXCHANGE_RATES_SETTING],
};
