/**
 * Xero: what the registry, the Settings form and settings checks need before the format's
 * code (./xero.ts) is loaded (docs/adding-a-format.md).
 */
import type { FormatInfo } from '../../types.ts';

export const xeroInfo: FormatInfo = {
  id: 'xero',
  name: 'Xero sales invoices (CSV)',
  country: 'INT',
  purpose: 'accounting',
  dataType: 'invoices',
  fileKind: 'csv',
  defaultEncoding: 'utf-8',
  specUrl: 'https://central.xero.com/s/article/Import-or-create-invoices-using-a-CSV-file',
  settings: [
    {
      key: 'dateOrder',
      kind: 'choice',
      label: 'Date order',
      help: "Must match the Xero organisation's region.",
      default: 'UK',
      choices: [
        { value: 'UK', label: 'Day first (dd/MM/yyyy): UK, AU, NZ' },
        { value: 'US', label: 'Month first (MM/dd/yyyy): US' },
      ],
    },
    {
      key: 'taxTypes',
      kind: 'string',
      label: 'Xero tax rate per VAT code',
      help: 'e.g. "3=25% (VAT on Income); 6=No VAT". Codes not listed: "No VAT" for 0 %, otherwise "<rate>%".',
      default: '',
    },
    {
      key: 'projectTrackingName',
      kind: 'string',
      label: 'Tracking category for projects',
      help: 'Empty: no tracking.',
      default: '',
    },
  ],
};
