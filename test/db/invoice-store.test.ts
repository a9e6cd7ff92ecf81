import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportdeskDatabase } from '../../src/db/database.ts';
import { replaceCompany } from '../../src/db/company-store.ts';
import { finalizeDraft } from '../../src/db/invoice-store.ts';
import { toCompanyFile } from '../../src/core/company-file/company-file.ts';
import { smallCompany } from '../helpers/small-company.ts';

describe('finalizing a draft', () => {
  let db: ExportdeskDatabase;
  beforeEach(async () => {
    db = new ExportdeskDatabase(`test-${Math.random()}`);
    const data = smallCompany();
    const base = data.invoices[0]!;
    data.invoices.push(
      { ...base, id: 'draft-1', number: '', status: 'draft', finalizedAt: '', exportStatus: 'to-transfer' },
      { ...base, id: 'draft-2', number: '', status: 'draft', finalizedAt: '', exportStatus: 'do-not-transfer' },
    );
    await replaceCompany(db, toCompanyFile(data));
  });
  afterEach(() => db.delete());

  it('gives the next number and sets To transfer', async () => {
    expect(await finalizeDraft(db, 'draft-1', '2026-06-01T09:00:00')).toBe('10006');
    expect(await db.invoices.get('draft-1')).toMatchObject({
      number: '10006',
      status: 'finalized',
      exportStatus: 'to-transfer',
      finalizedAt: '2026-06-01T09:00:00',
    });
  });

  it('keeps Do not transfer chosen while draft', async () => {
    await finalizeDraft(db, 'draft-1', '2026-06-01T09:00:00');
    expect(await finalizeDraft(db, 'draft-2', '2026-06-01T09:01:00')).toBe('10007');
    expect((await db.invoices.get('draft-2'))?.exportStatus).toBe('do-not-transfer');
  });

  it('refuses an invoice that is already finalized', async () => {
    await expect(finalizeDraft(db, 'inv-1', '2026-06-01T09:00:00')).rejects.toThrow('already finalized');
  });
});
