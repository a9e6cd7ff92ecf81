/**
 * A value of the import preview as the UI language writes it. Core's preview gives each value
 * as it will be stored, written plainly (ISO dates, `.` decimals, `yes`/`no`: PreviewCell.display);
 * the screen shows it the way amounts, numbers and dates look everywhere else in the app
 * (./format.ts), so that `03.11.2026` and `1 234,50` confirm what the file meant.
 */
import type { FieldType } from '../../core/import/fields.ts';
import { count, date, decimal } from '../format.ts';
import { t } from '../messages.ts';

export function importValueText(type: FieldType, stored: string): string {
  if (stored === '') return '';
  switch (type) {
    case 'date':
    case 'datetime':
      return date(stored);
    case 'boolean':
      return stored === 'yes' ? t('common.yes') : stored === 'no' ? t('common.no') : stored;
    case 'integer':
      return /^-?\d+$/.test(stored) ? count(Number(stored)) : stored;
    case 'decimal':
    case 'money': {
      // As many decimals as the stored text has: `7.5` hours stays 7,5; an amount keeps its øre.
      const m = /^-?\d+(?:\.(\d+))?$/.exec(stored);
      return m ? decimal(Number(stored), m[1]?.length ?? 0) : stored;
    }
    default:
      return stored;
  }
}
