import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/import/csv.ts';
import { timeRecordScope } from '../../../src/core/import/existing-scope.ts';

const format = { decimal: ',' as const, thousands: '' as const, dateFormat: 'DD.MM.YYYY' as const };

describe('which stored time records an import can collide with', () => {
  it('spans the dates of the rows and lists the ids given', () => {
    const table = parseCsv('Id;Dato;Timer\nt9;03.02.2026;7,5\n;28.01.2026;1\nt7;15.02.2026;2\n;not a date;1\n', {
      delimiter: ';',
      hasHeader: true,
      skipLines: 0,
    });
    const scope = timeRecordScope(table, { id: 'Id', date: 'Dato' }, {}, format);
    expect(scope).toEqual({ dates: { from: '2026-01-28', to: '2026-02-15' }, ids: ['t9', 't7'] });
  });

  it('takes a constant date where the file has none', () => {
    const table = parseCsv('Timer\n7,5\n', { delimiter: ';', hasHeader: true, skipLines: 0 });
    expect(timeRecordScope(table, {}, { date: '01.03.2026' }, format)).toEqual({
      dates: { from: '2026-03-01', to: '2026-03-01' },
      ids: [],
    });
  });

  it('has no dates when none parses', () => {
    const table = parseCsv('Dato\nsoon\n', { delimiter: ';', hasHeader: true, skipLines: 0 });
    expect(timeRecordScope(table, { date: 'Dato' }, {}, format).dates).toBeNull();
  });
});
