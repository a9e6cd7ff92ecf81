import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportdeskDatabase } from '../../src/db/database.ts';
import { replaceCompany } from '../../src/db/company-store.ts';
import { readImportExisting } from '../../src/db/import-store.ts';
import { toCompanyFile } from '../../src/core/company-file/company-file.ts';
import { smallCompany } from '../helpers/small-company.ts';

describe('reading what a time-record import compares with', () => {
  let db: ExportdeskDatabase;
  beforeEach(async () => {
    db = new ExportdeskDatabase(`test-${Math.random()}`);
    const data = smallCompany();
    const base = data.timeRecords[0]!;
    data.timeRecords = ['2026-01-05', '2026-02-10', '2026-02-20', '2026-03-15'].map((date, i) => ({
      ...base,
      id: `r${i}`,
      date,
    }));
    await replaceCompany(db, toCompanyFile(data));
  });
  afterEach(() => db.delete());

  it('reads only the records in the file’s dates plus those whose id the file names', async () => {
    const { data } = await readImportExisting(db, 'timeRecords', {
      dates: { from: '2026-02-01', to: '2026-02-28' },
      ids: ['r3', 'r1', 'missing'],
    });
    expect(data.timeRecords.map((r) => r.id).sort()).toEqual(['r1', 'r2', 'r3']);
    expect(data.customers).toHaveLength(1);
  });

  it('reads them all without a scope', async () => {
    expect((await readImportExisting(db, 'timeRecords')).data.timeRecords).toHaveLength(4);
  });
});
