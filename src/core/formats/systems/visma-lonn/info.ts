/**
 * Visma Lønn: what the registry, the Settings form and settings checks need before the format's
 * code (./visma-lonn.ts) is loaded (docs/adding-a-format.md).
 */
import { encodingSetting, PAYROLL_DEPARTMENT_SETTING } from '../../kit/settings.ts';
import type { BuiltInFormatInfo } from '../../types.ts';

export const vismaLonnInfo: BuiltInFormatInfo = {
  id: 'visma-lonn',
  name: 'Visma Lønn (variable lønnsdata, CSV)',
  country: 'NO',
  purpose: 'payroll',
  dataType: 'timeRecords',
  fileKind: 'csv',
  defaultEncoding: 'windows-1252',
  specUrl: 'https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/wage-system/visma-lonn',
  lineEnding: 'CRLF',
  assumptions: [
    "No header row; R1–R6 always quoted; Base written `0.0` as in Moment's sample.",
    'Rate and Amount from the pay rate, never the billing rate; `0.00` when there is none (Visma then uses its own).',
  ],
  settings: [
    {
      key: 'executionNumber',
      kind: 'integer',
      label: 'Execution number (lønnskjøring)',
      expected: 'a whole number from 1',
      help: 'The payroll run the hours belong to; Visma Lønn shows it for information.',
      default: 1,
      min: 1,
      required: true,
    },
    {
      key: 'groupByProject',
      kind: 'boolean',
      label: 'One row per project',
      help: 'Sum hours per employee, wage type and project (R2). Off: per employee and wage type only.',
      default: true,
    },
    PAYROLL_DEPARTMENT_SETTING,
    {
      key: 'deductionCode',
      kind: 'choice',
      label: 'Deduction code (trekkode)',
      expected: '0, 1 or 2',
      default: '0',
      choices: [
        { value: '0', label: '0: full deduction' },
        { value: '1', label: '1: half deduction' },
        { value: '2', label: '2: no deduction' },
      ],
    },
    encodingSetting('windows-1252', 'Visma Lønn is a Windows program and reads Windows-1252.'),
  ],
};
