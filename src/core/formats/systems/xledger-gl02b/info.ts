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
import type { BuiltInFormatInfo } from '../../types.ts';

export const xledgerGl02bInfo: BuiltInFormatInfo = {
  id: 'xledger-gl02b',
  name: 'Xledger GL02b',
  country: 'NO',
  purpose: 'accounting',
  dataType: 'invoices',
  fileKind: 'csv',
  defaultEncoding: 'windows-1252',
  specUrl:
    'https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/xledger/format-gl02b',
  lineEnding: 'CRLF',
  assumptions: [
    "50 columns: GL02's 49 with Entity as column 3, the names from public GL02 code (no Xledger sample).",
    'VAT posted on explicit VAT rows as well as TaxRule on revenue rows.',
    'The customer row carries the sub-ledger fields; Xidentifier = the KID, else the invoice number.',
  ],
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
