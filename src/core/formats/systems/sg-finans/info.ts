/**
 * SG Finans: what the registry, the Settings form and settings checks need before the format's
 * code (./sg-finans.ts) is loaded (docs/adding-a-format.md).
 */
import { encodingSetting, EXCHANGE_RATES_SETTING } from '../../kit/settings.ts';
import type { BuiltInFormatInfo } from '../../types.ts';

export const sgFinansInfo: BuiltInFormatInfo = {
  id: 'sg-finans',
  name: 'SG Finans factoring (SGF)',
  country: 'NO',
  purpose: 'factoring',
  dataType: 'invoices',
  fileKind: 'fixed-width',
  defaultEncoding: 'windows-1252',
  specUrl:
    'https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/factoring/sg-finans/file-content',
  lineEnding: 'CRLF',
  assumptions: [
    'Numeric fields right-aligned and zero-filled, text fields blank-filled; CRLF after every record.',
    'Client number: a required setting (4 digits); debtor no. = customer number, invoice no. = invoice number.',
    'Free texts that are too long are cut with a warning; a phone number is never cut.',
  ],
  settings: [
    {
      key: 'clientNumber',
      kind: 'string',
      label: 'SG Finans client number',
      expected: '4 digits, given by SG Finans',
      help: 'The 4-digit number SG Finans has given your company.',
      default: '',
      required: true,
      pattern: '^\\d{4}$',
      maxLength: 4,
    },
    EXCHANGE_RATES_SETTING,
    encodingSetting('windows-1252', 'Windows-1252 holds the Norwegian letters of names and places.'),
  ],
};
