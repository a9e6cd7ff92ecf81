/**
 * Visma.net: what the registry, the Settings form and settings checks need before the format's
 * code (./visma-net.ts) is loaded (docs/adding-a-format.md).
 */
import { encodingSetting } from '../../kit/settings.ts';
import type { BuiltInFormatInfo } from '../../types.ts';

export const vismaNetInfo: BuiltInFormatInfo = {
  id: 'visma-net',
  name: 'Visma.net (invoice CSV, assumed columns)',
  country: 'NO',
  purpose: 'accounting',
  dataType: 'invoices',
  fileKind: 'csv',
  defaultEncoding: 'utf-8',
  specUrl:
    'https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/export-file-to-visma-net',
  lineEnding: 'CRLF',
  assumptions: [
    'The column list is assumed apart from InvoiceType (Visma publishes none); the layout is copyable.',
    "Credit notes have a negative quantity and amount; Amount = the line's net amount in the invoice currency.",
    '`,` delimiter, text quoted, a header row, `.` decimals, dates yyyy-MM-dd.',
  ],
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
