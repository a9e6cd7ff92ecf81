/**
 * Visma Scenario: what the registry, the Settings form and settings checks need before the
 * format's code (./visma-scenario.ts) is loaded (docs/adding-a-format.md).
 */
import { encodingSetting, EXCHANGE_RATES_SETTING, RECEIVABLE_ACCOUNT_SETTING } from '../../kit/settings.ts';
import type { BuiltInFormatInfo } from '../../types.ts';

export const vismaScenarioInfo: BuiltInFormatInfo = {
  id: 'visma-scenario',
  name: 'Visma Scenario (TXT)',
  country: 'NO',
  purpose: 'accounting',
  dataType: 'invoices',
  fileKind: 'csv',
  defaultEncoding: 'windows-1252',
  specUrl:
    'https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/visma-scenario',
  lineEnding: 'CRLF',
  assumptions: [
    'The unnamed A1 flag is written empty; the unnamed N2 is read as the document type (1 invoice, 2 credit note).',
    'Numbers zero-padded to full width without sign; strings always quoted, with `"` → `\'` and `,` → `;` (no escape is published).',
    'One line per posting of the ledger voucher, VAT on VAT lines.',
  ],
  settings: [
    { key: 'batchNumber', kind: 'integer', label: 'Batch number', default: 1, min: 0, max: 99999 },
    RECEIVABLE_ACCOUNT_SETTING,
    EXCHANGE_RATES_SETTING,
    encodingSetting('windows-1252', 'Visma Scenario is a Windows program; its encoding is not published.'),
  ],
};
