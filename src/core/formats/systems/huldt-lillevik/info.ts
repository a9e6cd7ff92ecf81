/**
 * Huldt & Lillevik Lønn (hours and expenses): what the registry, the Settings form and settings
 * checks need before the formats' code (./huldt-lillevik.ts) is loaded (docs/adding-a-format.md).
 */
import { PAYROLL_DEPARTMENT_SETTING } from '../../kit/settings.ts';
import type { FormatInfo } from '../../types.ts';

const common = {
  country: 'NO',
  purpose: 'payroll' as const,
  fileKind: 'fixed-width',
  defaultEncoding: 'windows-1252' as const,
  specUrl:
    'https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/wage-system/huldt-and-lillevik-lonn',
};

export const huldtLillevikHoursInfo: FormatInfo = {
  ...common,
  id: 'huldt-lillevik-hours',
  name: 'Huldt & Lillevik Lønn: hours (H&L timer)',
  dataType: 'timeRecords',
  settings: [PAYROLL_DEPARTMENT_SETTING],
};

export const huldtLillevikExpensesInfo: FormatInfo = {
  ...common,
  id: 'huldt-lillevik-expenses',
  name: 'Huldt & Lillevik Lønn: expenses (H&L utlegg)',
  dataType: 'claims',
  settings: [],
};
