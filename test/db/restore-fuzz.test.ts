/**
 * fast-check over the whole restore (issue 16): the good backup with one value replaced goes
 * through restoreCompanyFile into fake-indexeddb. Whatever the reader lets through, the database
 * takes (no raw "Failed to execute 'add'"); whatever it refuses leaves the stored company as it was.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dexie } from 'dexie';
import { serializeCompanyFile } from '../../src/core/company-file/company-file.ts';
import { ExportdeskDatabase } from '../../src/db/database.ts';
import { readCompanyFile, restoreCompanyFile } from '../../src/db/company-store.ts';
import { goodBackup } from '../fixtures/bad/backup/good-backup.ts';

export const RESTORE_FUZZ_RUNS = 300;

const GOOD_TEXT = serializeCompanyFile(goodBackup());
type Path = (string | number)[];
function paths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (at.length > 0) out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}
const ALL_PATHS = paths(JSON.parse(GOOD_TEXT));

describe('restore fuzz', () => {
  it(`the good backup with one value replaced, restored (${RESTORE_FUZZ_RUNS} runs)`, async () => {
    const db = new ExportdeskDatabase(`restore-fuzz-${Math.random()}`);
    await restoreCompanyFile(db, new Blob([GOOD_TEXT]));
    expect(serializeCompanyFile((await readCompanyFile(db, { includeFiles: true }))!)).toBe(GOOD_TEXT);
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...ALL_PATHS),
          fc.oneof(
            fc.jsonValue({ maxDepth: 1 }),
            fc.constantFrom('', ' ', null, 1e308, '__proto__', 'transferred', '2026-02-30', {}),
          ),
          async (path, value) => {
            const json = JSON.parse(GOOD_TEXT) as Record<string | number, unknown>;
            let node = json;
            for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
            node[path[path.length - 1]!] = value;
            const result = await restoreCompanyFile(db, new Blob([JSON.stringify(json)]));
            if (!result.ok && !result.cancelled) {
              expect(result.issues[0]!.code).not.toBe('storage-failed');
              expect(serializeCompanyFile((await readCompanyFile(db, { includeFiles: true }))!)).toBe(GOOD_TEXT);
            }
            // Back to the good company for the next run.
            expect((await restoreCompanyFile(db, new Blob([GOOD_TEXT]))).ok).toBe(true);
          },
        ),
        { numRuns: RESTORE_FUZZ_RUNS },
      );
    } finally {
      db.close();
      await Dexie.delete(db.name);
    }
  }, 120_000);
});
