/**
 * Visma Business: what the registry, the Settings form and settings checks need before the
 * format's code (./visma-business.ts) is loaded (docs/adding-a-format.md).
 */
import { encodingSetting, EXCHANGE_RATES_SETTING } from '../../kit/settings.ts';
import type { BuiltInFormatInfo } from '../../types.ts';

export const vismaBusinessInfo: BuiltInFormatInfo = {
  id: 'visma-business',
  name: 'Visma Business (EDI batch import)',
  country: 'NO',
  purpose: 'accounting',
  dataType: 'invoices',
  fileKind: 'edi',
  defaultEncoding: 'windows-1252',
  specUrl: 'http://doc.visma.net/userdoc/business/15.10/nb-no/products/business/concept/c_import_data_batch.html',
  lineEnding: 'CRLF',
  assumptions: [
    "Punctuation from Visma's examples: `@COMMAND(value)` headings, values separated by a space, text in quotes.",
    'Country numbers assumed to be the dialling codes (47 Norway).',
    'Revenue lines carry the gross amount and VAT code: Visma Business splits the VAT on update.',
  ],
  settings: [
    {
      key: 'clientId',
      kind: 'integer',
      label: 'Client ID (company number in Visma Business)',
      help: 'Written as @FIRM_BEGIN / @FIRM_END.',
      default: 1,
      min: 1,
      max: 999999,
    },
    { key: 'exportCustomers', kind: 'boolean', label: 'Export customers to accounting', default: true },
    { key: 'exportProjects', kind: 'boolean', label: 'Export projects to accounting', default: true },
    {
      key: 'includeAllCustomers',
      kind: 'boolean',
      label: 'Include all customers and projects',
      help: 'Off: only those of the exported invoices.',
      default: false,
    },
    {
      key: 'projectField',
      kind: 'choice',
      label: 'Field name for projects',
      help: 'The organisational-unit table that holds projects in your Visma Business (R1–R6 hold numbers only, R7–R12 text).',
      default: 'R2',
      choices: Array.from({ length: 11 }, (_, i) => ({ value: `R${i + 2}`, label: `R${i + 2}` })),
    },
    {
      key: 'invoiceVoucherType',
      kind: 'integer',
      label: 'Voucher type (VoTp), invoices',
      default: 11,
      min: 1,
      max: 999,
    },
    {
      key: 'creditVoucherType',
      kind: 'integer',
      label: 'Voucher type (VoTp), credit notes',
      default: 12,
      min: 1,
      max: 999,
    },
    {
      key: 'turnoverClass',
      kind: 'integer',
      label: 'Turnover class (TrnCl) of revenue lines',
      help: "Visma's example uses 1.",
      default: 1,
      min: 0,
      max: 99,
    },
    {
      key: 'vatCodes',
      kind: 'choice',
      label: 'VAT codes written',
      default: 'standard',
      choices: [
        { value: 'standard', label: "The VAT code's standard (SAF-T) code, as Visma Business's Norwegian codes" },
        { value: 'own', label: 'Your own VAT codes' },
      ],
    },
    { key: 'blankLineAfterHeader', kind: 'boolean', label: 'Add extra new line after header', default: false },
    EXCHANGE_RATES_SETTING,
    encodingSetting('windows-1252', 'Visma Business reads ANSI (Windows) files unless told @CONVERT_FROM_OEM_TO_ANSI.'),
  ],
};
