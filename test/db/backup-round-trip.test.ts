/**
 * Backup and restore carry everything (issue 16): back up, wipe, restore, back up again, and the
 * two files are byte-equal; with the exported files' bytes when asked for, and over a company
 * with a journaled status and a period export's record keys kept apart from its batch.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { base64ToBytes } from '../../src/core/company-file/base64.ts';
import { serializeCompanyFile, toCompanyFile } from '../../src/core/company-file/company-file.ts';
import { generateDemoCompany } from '../../src/core/demo/demo-company.ts';
import { demoExportConfigs } from '../../src/core/export/demo-export-configs.ts';
import { ExportdeskDatabase } from '../../src/db/database.ts';
import { readCompanyFile, replaceCompany, restoreCompanyFile } from '../../src/db/company-store.ts';
import { markTransferred } from '../../src/db/export-status.ts';
import { goodBackup } from '../fixtures/bad/backup/good-backup.ts';

const names: string[] = [];
function freshDb(): ExportdeskDatabase {
  const name = `round-trip-${Math.random()}`;
  names.push(name);
  return new ExportdeskDatabase(name);
}

afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

async function backupText(db: ExportdeskDatabase, includeFiles: boolean): Promise<string> {
  return serializeCompanyFile((await readCompanyFile(db, { includeFiles }))!);
}

/** Back up, wipe (a new database), restore, back up again. */
async function roundTrip(db: ExportdeskDatabase, includeFiles: boolean): Promise<[string, string]> {
  const first = await backupText(db, includeFiles);
  await db.delete();
  const fresh = freshDb();
  const restored = await restoreCompanyFile(fresh, new Blob([first]));
  expect(restored.ok ? [] : restored.errors).toEqual([]);
  return [first, await backupText(fresh, includeFiles)];
}

describe('backup, wipe, restore, backup', () => {
  it('gives byte-equal files, with the exported files and their bytes', async () => {
    const db = freshDb();
    await replaceCompany(db, goodBackup());
    // A status in the journal (not yet settled into the invoice rows) and a period batch's keys.
    await markTransferred(db, 'accounting', 'batch-1', ['inv-2']);
    await db.exportBatchKeys.put({ batchId: 'batch-1', json: JSON.stringify(['t1', 't2']) });
    const [first, second] = await roundTrip(db, true);
    expect(second).toBe(first);
    const file = JSON.parse(first) as { exportFiles: { base64: string }[]; invoices: { exportStatus: string }[] };
    expect(new TextDecoder().decode(base64ToBytes(file.exportFiles[0]!.base64))).toBe(
      '*Kontakt;Fakturanr\nKunde Én AS;10001\n',
    );
    expect(file.invoices[1]!.exportStatus).toBe('transferred');
  });

  it('gives byte-equal files without the bytes, and the bytes are then left out', async () => {
    const db = freshDb();
    await replaceCompany(db, goodBackup());
    const [first, second] = await roundTrip(db, false);
    expect(second).toBe(first);
    expect(first).not.toContain('"exportFiles"');
  });

  it('gives byte-equal files for the demo company (NO and SE)', async () => {
    for (const country of ['NO', 'SE'] as const) {
      const db = freshDb();
      const data = generateDemoCompany({ seed: 1, country, today: '2026-11-26' });
      await replaceCompany(db, toCompanyFile(data, { exportConfigs: demoExportConfigs(country) }));
      const [first, second] = await roundTrip(db, true);
      expect(second).toBe(first);
    }
  }, 60_000);

  it('restoring over a company keeps a backup of what it replaced', async () => {
    const db = freshDb();
    await replaceCompany(db, goodBackup());
    const before = await backupText(db, true);
    const other = toCompanyFile(generateDemoCompany({ seed: 2, country: 'SE', today: '2026-11-26' }));
    const result = await restoreCompanyFile(db, new Blob([serializeCompanyFile(other)]), { keepReplaced: true });
    expect(result.ok && result.replaced).toBe(before);
    // That backup restores the replaced company exactly.
    expect((await restoreCompanyFile(db, new Blob([before]))).ok).toBe(true);
    expect(await backupText(db, true)).toBe(before);
  }, 60_000);
});
