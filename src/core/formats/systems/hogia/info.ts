/**
 * Hogia Lön: what the registry, the Settings form and settings checks need before the format's
 * code (./hogia.ts) is loaded (docs/adding-a-format.md).
 */
import type { BuiltInFormatInfo } from '../../types.ts';

export const hogiaInfo: BuiltInFormatInfo = {
  id: 'hogia',
  name: 'Hogia Lön (PA XML)',
  country: 'SE',
  purpose: 'payroll',
  dataType: 'timeRecords',
  fileKind: 'xml',
  defaultEncoding: 'utf-8',
  specUrl: 'https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/wage-system/hogia',
  lineEnding: 'LF',
  assumptions: [
    'payTypeCode `L` (a wage type) on every instruction; payTypeId = the wage code; hours with 2 decimals.',
    "No price by default, so Hogia uses the employee's pay (setting `writePayRate`).",
    "Cost centre = the co-worker's department (setting `costCentre`); empty optional elements are left out.",
  ],
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
