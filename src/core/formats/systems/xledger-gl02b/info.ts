/**
 * Xledger GL02b: what the registry, the Settings form and settings checks need before the format's
 * code (./xledger-gl02b.ts) is loaded (docs/adding-a-format.md).
 */
import {
  DEPARTMENT_SOURCE_CHOICES,
  encodingSetting,
  EXCHANGE_RATES_SETTING,
  RECEIVABLE_ACCOUNT_SETTING,
} from '../../kit/settings.ts';
import type { FormatInfo } from '../../types.ts';

export const xledgerGl02bInfo: FormatInfo = {
  id: 'xledger-gl02b',
  name: 'Xledger GL02b',
  country: 'NO',
  purpose: 'accounting',
  dataType: 'invoices',
  fileKind: 'csv',
  defaultEncoding: 'windows-1252',
  specUrl:
    'https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/xledger/format-gl02b',
  settings: [
    {
      key: 'ownerCode',
      kind: 'string',
      label: 'Owner code (Entity)',
      help: "Your company's id in Xledger.",
      default: '',
      required: true,
      pattern: '^\\S+$',
    },
    { key: 'voucherType', kind: 'string', label: 'Voucher type', default: 'AR', required: true, maxLength: 8 },
    { key: 'impSystemRef', kind: 'string', label: 'Import system reference', default: 'Exportdesk', maxLength: 25 },
    RECEIVABLE_ACCOUNT_SETTING,
    {
      key: 'revenueAccount',
      kind: 'string',
      label: 'Revenue account',
      help: "Empty: each invoice line's own account.",
      default: '',
    },
    {
      key: 'departmentSource',
      kind: 'choice',
      label: 'Department from',
      default: 'project',
      choices: DEPARTMENT_SOURCE_CHOICES,
    },
    EXCHANGE_RATES_SETTING,
    encodingSetting(
      'windows-1252',
      'Xledger does not document an encoding; Windows-1252 is the Norwegian file-import norm.',
    ),
  ],
};
