/**
 * Visma.net: what the registry, the Settings form and settings checks need before the format's
 * code (./visma-net.ts) is loaded (docs/adding-a-format.md).
 */
import { encodingSetting } from '../../kit/settings.ts';
import type { FormatInfo } from '../../types.ts';

export const vismaNetInfo: FormatInfo = {
  id: 'visma-net',
  name: 'Visma.net (invoice CSV, assumed columns)',
  country: 'NO',
  purpose: 'accounting',
  dataType: 'invoices',
  fileKind: 'csv',
  defaultEncoding: 'utf-8',
  specUrl:
    'https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/export-file-to-visma-net',
  settings: [
    {
      key: 'invoiceType',
      kind: 'string',
      label: 'InvoiceType value',
      help: 'Moment: the first column "can stay Invoice (static)"; a negative amount marks a credit note.',
      default: 'Invoice',
    },
    encodingSetting('utf-8', 'Moment: "Select UTF-8"; re-saving the file in another program may ruin the encoding.'),
  ],
};
