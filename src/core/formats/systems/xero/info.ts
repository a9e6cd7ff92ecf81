/**
 * Xero (sales invoices and credit notes): what the registry, the Settings form and settings checks need before the format's
 * code (./xero.ts) is loaded (docs/adding-a-format.md).
 */
import type { BuiltInFormatInfo } from '../../types.ts';

export const xeroInfo: BuiltInFormatInfo = {
  id: 'xero',
  name: 'Xero sales invoices (CSV)',
  country: 'INT',
  purpose: 'accounting',
  dataType: 'invoices',
  fileKind: 'csv',
  defaultEncoding: 'utf-8',
  specUrl: 'https://central.xero.com/s/article/Import-or-create-invoices-using-a-CSV-file',
  lineEnding: 'CRLF',
  assumptions: [
    'The 29-column sales-invoice template; Total and TaxAmount left empty (Xero computes them).',
    'Dates dd/MM/yyyy by default (setting `dateOrder`); UnitAmount is the net (tax-exclusive) price.',
    'Credit notes go to a file of their own; TaxType comes from a mapping of the VAT codes, never guessed.',
  ],
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
      expected: 'code=Name',
      mapping: { from: 'vatCodes', to: 'Xero tax rate (as named in your Xero organisation)', suggest: 'xero-tax-rate' },
      help: 'Each VAT code your invoices use = the tax rate\'s display name, which must match your Xero organisation exactly, e.g. "3=25% (VAT on Income); 6=No VAT". A VAT code without a name here stops the export. Names Xero organisations often have: UK "20% (VAT on Income)", "5% (VAT on Income)", "Zero Rated Income", "Exempt Income", "No VAT"; Norway and Sweden (names you created) "25% (VAT on Income)", "15% (VAT on Income)", "12% (VAT on Income)", "6% (VAT on Income)", "Tax on Sales", "Tax Exempt", "No VAT".',
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
