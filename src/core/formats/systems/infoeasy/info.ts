/**
 * InfoEasy: what the registry, the Settings form and settings checks need before the format's
 * code (./infoeasy.ts) is loaded (docs/adding-a-format.md).
 */
import { EXCHANGE_RATES_SETTING } from '../../kit/settings.ts';
import type { FormatInfo } from '../../types.ts';

export const infoEasyInfo: FormatInfo = {
  id: 'infoeasy',
  name: 'InfoEasy',
  country: 'SE',
  purpose: 'accounting',
  dataType: 'invoices',
  fileKind: 'fixed-width',
  defaultEncoding: 'windows-1252',
  specUrl:
    'https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/infoeasy',
  settings: [EXCHANGE_RATES_SETTING],
};
