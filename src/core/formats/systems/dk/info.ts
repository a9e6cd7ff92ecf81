/**
 * DK (Icelandic accounting system): what the registry, the Settings form and settings checks need
 * before the format's code (./dk.ts) is loaded (docs/adding-a-format.md).
 */
import { encodingSetting } from '../../kit/settings.ts';
import type { BuiltInFormatInfo } from '../../types.ts';

export const dkInfo: BuiltInFormatInfo = {
  id: 'dk',
  name: 'DK (Iceland)',
  country: 'IS',
  purpose: 'accounting',
  dataType: 'invoices',
  fileKind: 'csv',
  defaultEncoding: 'windows-1252',
  specUrl:
    'https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/dk-icelandic-system',
  lineEnding: 'CRLF',
  assumptions: [
    '25 columns; the columns Moment marks unknown and the `x` / `y` columns are written empty.',
    'One row per invoice line; amount = the net amount in the invoice currency, negative on a credit note.',
    'No quoting: `;` becomes `,` and `"` becomes `\'`, each with a warning.',
  ],
  settings: [
    {
      key: 'invoiceTypeInvoice',
      kind: 'string',
      label: 'Invoice type written for invoices',
      help: "Moment's page names the column (19) but not its values.",
      default: 'Invoice',
      pattern: '^[^;"]*$',
      maxLength: 30,
    },
    {
      key: 'invoiceTypeCredit',
      kind: 'string',
      label: 'Invoice type written for credit notes',
      default: 'Credit',
      pattern: '^[^;"]*$',
      maxLength: 30,
    },
    encodingSetting('windows-1252', 'Windows-1252 holds the Icelandic letters (þ, ð, æ); DK does not document it.'),
  ],
};
