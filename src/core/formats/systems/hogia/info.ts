/**
 * Hogia Lön: what the registry, the Settings form and settings checks need before the format's
 * code (./hogia.ts) is loaded (docs/adding-a-format.md).
 */
import type { FormatInfo } from '../../types.ts';

export const hogiaInfo: FormatInfo = {
  id: 'hogia',
  name: 'Hogia Lön (PA XML)',
  country: 'SE',
  purpose: 'payroll',
  dataType: 'timeRecords',
  fileKind: 'xml',
  defaultEncoding: 'utf-8',
  specUrl: 'https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/wage-system/hogia',
  settings: [
    {
      key: 'costCentre',
      kind: 'choice',
      label: 'Cost centre (kostnadsställe)',
      default: 'none',
      choices: [
        { value: 'none', label: 'None' },
        { value: 'employee-department', label: "The co-worker's department" },
      ],
    },
    {
      key: 'grouping',
      kind: 'choice',
      label: 'Instructions',
      default: 'record',
      choices: [
        { value: 'record', label: 'One per time record (dated)' },
        { value: 'period', label: 'Summed per employee, pay type and project over the period' },
      ],
    },
    {
      key: 'writePayRate',
      kind: 'boolean',
      label: 'Write pay rates as price',
      help: "Off: hours go over without a price and Hogia uses the employee's own pay. On: hours with a pay rate (the record's, else the co-worker's for the pay type) get it as price; never the billing rate.",
      default: false,
    },
    {
      key: 'createdBy',
      kind: 'string',
      label: 'Created by',
      help: 'Written in the file header; empty: the program name.',
      default: '',
      maxLength: 100,
    },
  ],
};
