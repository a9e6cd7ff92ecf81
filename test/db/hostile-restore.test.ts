/**
 * Every hostile backup of test/fixtures/bad/backup through the browser's restore (issue 16):
 * refused with the code and path of its first bad value, and the company that was there is
 * exactly as it was; never a raw database error.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeCompanyFile } from '../../src/core/company-file/company-file.ts';
import { ExportdeskDatabase } from '../../src/db/database.ts';
import { readCompanyFile, restoreCompanyFile } from '../../src/db/company-store.ts';
import { BAD_BACKUPS } from '../fixtures/bad/backup/manifest.ts';
import { goodBackup } from '../fixtures/bad/backup/good-backup.ts';

const folder = join(import.meta.dirname, '../fixtures/bad/backup');

describe('restoring hostile backups', () => {
  let db: ExportdeskDatabase;
  let before: string;
  let good: Blob;

  beforeAll(() => {
    good = new Blob([serializeCompanyFile(goodBackup())]);
  });

  beforeEach(async () => {
    db = new ExportdeskDatabase(`hostile-${Math.random()}`);
    expect((await restoreCompanyFile(db, good)).ok).toBe(true);
    before = serializeCompanyFile((await readCompanyFile(db, { includeFiles: true }))!);
  });

  afterEach(() => db.delete());

  it.each(BAD_BACKUPS.map((b) => [b.file, b] as const))('%s', async (_, bad) => {
    const result = await restoreCompanyFile(db, new Blob([readFileSync(join(folder, bad.file))]), {
      keepReplaced: true,
    });
    if (bad.expect === 'ok') {
      expect(result).toMatchObject({ ok: true });
      expect({}).not.toHaveProperty('polluted');
      return;
    }
    expect(result.ok).toBe(false);
    if (result.ok || result.cancelled) return;
    expect(result.issues[0]).toMatchObject(bad.expect);
    expect(result.errors.join('\n')).not.toMatch(/IDBObjectStore|DataError|ConstraintError/);
    expect(serializeCompanyFile((await readCompanyFile(db, { includeFiles: true }))!)).toBe(before);
  });
});
