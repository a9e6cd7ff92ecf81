/**
 * eFina (Finland): what the registry, the Settings form and settings checks need before the
 * format's code (./efina.ts) is loaded (docs/adding-a-format.md).
 */
import { encodingSetting } from '../../kit/settings.ts';
import type { BuiltInFormatInfo } from '../../types.ts';

export const efinaInfo: BuiltInFormatInfo = {
  id: 'efina',
  name: 'eFina (Finland)',
  country: 'FI',
  purpose: 'accounting',
  dataType: 'invoices',
  fileKind: 'csv',
  defaultEncoding: 'windows-1252',
  specUrl:
    'https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/efina',
  lineEnding: 'CRLF',
  assumptions: [
    'The section tag is the first field of each line of its section.',
    'Unknown fields are empty; invoice types 1 / 2 and unit `kpl` are settings.',
    'No quoting: `;` becomes `,` and `"` becomes `\'`, each with a warning.',
  ],
  settings: [
    {
      key: 'invoiceTypeInvoice',
      kind: 'string',
      label: 'Invoice type written for invoices',
      help: "Moment's page names the <LASKU> field (2) but not its values.",
      default: '1',
      pattern: '^[^;"]*$',
      maxLength: 30,
    },
    {
      key: 'invoiceTypeCredit',
      kind: 'string',
      label: 'Invoice type written for credit notes',
      default: '2',
      pattern: '^[^;"]*$',
      maxLength: 30,
    },
    {
      key: 'unitType',
      kind: 'string',
      label: 'Unit type on invoice lines',
      help: 'The data has no unit per line; "kpl" is the Finnish "pieces".',
      default: 'kpl',
      pattern: '^[^;"]*$',
      maxLength: 10,
    },
    encodingSetting(
      'windows-1252',
      'Windows-1252 holds the Finnish and Swedish letters and €; eFina does not document it.',
    ),
  ],
};
