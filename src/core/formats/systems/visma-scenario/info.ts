/**
 * Visma Scenario: what the registry, the Settings form and settings checks need before the
 * format's code (./visma-scenario.ts) is loaded (docs/adding-a-format.md).
 */
import { encodingSetting, EXCHANGE_RATES_SETTING, RECEIVABLE_ACCOUNT_SETTING } from '../../kit/settings.ts';
import type { FormatInfo } from '../../types.ts';

export const vismaScenarioInfo: FormatInfo = {
  id: 'visma-scenario',
  name: 'Visma Scenario (TXT)',
  country: 'NO',
  purpose: 'accounting',
  dataType: 'invoices',
  fileKind: 'csv',
  defaultEncoding: 'windows-1252',
  specUrl:
    'https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/visma-scenario',
  settings: [
    { key: 'batchNumber', kind: 'integer', label: 'Batch number', default: 1, min: 0, max: 99999 },
    RECEIVABLE_ACCOUNT_SETTING,
    EXCHANGE_RATES_SETTING,
    encodingSetting('windows-1252', 'Visma Scenario is a Windows program; its encoding is not published.'),
  ],
};
