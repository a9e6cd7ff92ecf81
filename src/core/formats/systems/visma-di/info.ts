/**
 * Visma DI Systems: what the registry, the Settings form and settings checks need before the
 * format's code (./visma-di.ts) is loaded (docs/adding-a-format.md).
 */
import { EXCHANGE_RATES_SETTING } from '../../kit/settings.ts';
import type { BuiltInFormatInfo } from '../../types.ts';

export const vismaDiInfo: BuiltInFormatInfo = {
  id: 'visma-di',
  name: 'Visma DI Systems (XML)',
  country: 'NO',
  purpose: 'accounting',
  dataType: 'invoices',
  fileKind: 'xml',
  defaultEncoding: 'utf-8',
  specUrl:
    'https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/visma-di-systems',
  lineEnding: 'LF',
  assumptions: [
    'Root element `VismaDIImport` without a namespace (none is published); the currency as an attribute.',
    'One Voucher per posting line: the customer line to the customer number, revenue lines with their gross amount and TaxCode.',
    'BundleCategoryCode and VoucherCategoryCode are settings (their values are not published).',
  ],
  settings: [
    {
      key: 'clientId',
      kind: 'string',
      label: 'Client ID',
      help: 'Your company\'s ID in Visma DI ("Client ID for export to accounting system"); written as ClientEntity/ClientID.',
      default: '',
      required: true,
    },
    {
      key: 'bundleCategoryCode',
      kind: 'string',
      label: 'BundleCategoryCode',
      help: 'Not published; ask Visma DI which code its import expects.',
      default: 'SalesInvoice',
    },
    {
      key: 'invoiceCategoryCode',
      kind: 'string',
      label: 'VoucherCategoryCode for invoices',
      help: 'Not published.',
      default: 'Invoice',
    },
    {
      key: 'creditCategoryCode',
      kind: 'string',
      label: 'VoucherCategoryCode for credit notes',
      help: 'Not published.',
      default: 'CreditNote',
    },
    EXCHANGE_RATES_SETTING,
  ],
};
