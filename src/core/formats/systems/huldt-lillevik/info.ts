/**
 * Huldt & Lillevik Lønn (hours and expenses): what the registry, the Settings form and settings
 * checks need before the formats' code (./huldt-lillevik.ts) is loaded (docs/adding-a-format.md).
 */
import { PAYROLL_DEPARTMENT_SETTING } from '../../kit/settings.ts';
import type { BuiltInFormatInfo } from '../../types.ts';

const common = {
  country: 'NO',
  purpose: 'payroll' as const,
  fileKind: 'fixed-width',
  defaultEncoding: 'windows-1252' as const,
  specUrl:
    'https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/wage-system/huldt-and-lillevik-lonn',
};

export const huldtLillevikHoursInfo: BuiltInFormatInfo = {
  ...common,
  id: 'huldt-lillevik-hours',
  name: 'Huldt & Lillevik Lønn: hours (H&L timer)',
  dataType: 'timeRecords',
  lineEnding: 'CRLF',
  assumptions: [
    'Numeric fields right-aligned and zero-filled, text fields left-aligned and blank-filled; hours with 2 implied decimals.',
    'Rate and Amount from the pay rate, never the billing rate; zero-filled when there is none.',
    'Characters outside printable ASCII are errors (every text field is an H&L identifier).',
  ],
  settings: [PAYROLL_DEPARTMENT_SETTING],
};

export const huldtLillevikExpensesInfo: BuiltInFormatInfo = {
  ...common,
  id: 'huldt-lillevik-expenses',
  name: 'Huldt & Lillevik Lønn: expenses (H&L utlegg)',
  dataType: 'claims',
  lineEnding: 'CRLF',
  assumptions: [
    "One record per claim item: quantity 1.00, rate = amount = the item's gross amount.",
    "Wage type = the expense type's wage code; department = the co-worker's.",
    'Characters outside printable ASCII are errors (every text field is an H&L identifier).',
  ],
  settings: [],
};
