/**
 * Restore in chunks inside one transaction (src/db/company-store.ts, decision 0007): the phases
 * come in order, and an error or a Cancel in the middle of the write leaves the database exactly
 * as it was.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeCompanyFile, toCompanyFile, type CompanyFile } from '../../src/core/company-file/company-file.ts';
import type { RestorePhase } from '../../src/core/company-file/api.ts';
import type { CompanyData, TimeRecord } from '../../src/core/domain/types.ts';
import { ExportdeskDatabase } from '../../src/db/database.ts';
import {
  readCompanyFile,
  replaceCompany,
  restoreCompanyFile,
  RESTORE_CHUNK,
  RestoreCancelledError,
} from '../../src/db/company-store.ts';
import { markTransferred } from '../../src/db/export-status.ts';
import { smallCompany } from '../helpers/small-company.ts';

/** `smallCompany` with `count` time records: several write chunks. */
function bigCompany(count: number): CompanyData {
  const data = smallCompany();
  const model = data.timeRecords[0]!;
  const timeRecords: TimeRecord[] = [];
  for (let i = 0; i < count; i++) timeRecords.push({ ...model, id: `tr-${i}`, comment: `record ${i}` });
  return { ...data, timeRecords };
}

function blobOf(file: CompanyFile): Blob {
  return new Blob([serializeCompanyFile(file)], { type: 'application/json' });
}

describe('restore in chunks, all or nothing', () => {
  let db: ExportdeskDatabase;
  let before: string;

  beforeEach(async () => {
    db = new ExportdeskDatabase(`test-${Math.random()}`);
    // The company that is there before each restore, with a journaled status to keep.
    const old = smallCompany();
    old.company.name = 'The company before';
    await replaceCompany(db, toCompanyFile(old));
    await db.transaction('rw', db.transferJournal, () =>
      markTransferred(db, 'accounting', 'batch-1', [old.invoices[0]!.id]),
    );
    before = serializeCompanyFile((await readCompanyFile(db))!);
  });
  afterEach(async () => {
    await db.delete();
  });

  const stored = async () => serializeCompanyFile((await readCompanyFile(db))!);

  it('reports reading, checking and writing in that order, each ending complete, and restores the file', async () => {
    const file = toCompanyFile(bigCompany(2 * RESTORE_CHUNK + 10));
    const calls: [RestorePhase, number, number][] = [];
    const result = await restoreCompanyFile(db, blobOf(file), {
      onProgress: (phase, done, total) => calls.push([phase, done, total]),
    });
    expect(result).toEqual({ ok: true, records: file.invoices.length + file.timeRecords.length + file.claims.length });

    const phases = calls.map(([phase]) => phase).filter((phase, i, all) => all[i - 1] !== phase);
    expect(phases).toEqual(['reading', 'checking', 'writing']);
    for (const phase of phases) {
      const mine = calls.filter(([p]) => p === phase);
      const last = mine[mine.length - 1]!;
      expect(last[1], phase).toBe(last[2]);
      // Progress never goes back within a phase.
      expect(mine.map(([, done]) => done)).toEqual([...mine.map(([, done]) => done)].sort((a, b) => a - b));
    }
    // Writing reports once per chunk of time records at least.
    expect(calls.filter(([p]) => p === 'writing').length).toBeGreaterThanOrEqual(3);
    // Read back in key order (ids compare as text).
    const byId = [...file.timeRecords].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(await stored()).toBe(serializeCompanyFile({ ...file, timeRecords: byId }));
    expect(await db.transferJournal.count()).toBe(0);
  });

  it('an error in the middle of the write leaves the database as it was', async () => {
    const data = bigCompany(2 * RESTORE_CHUNK + 10);
    // The second chunk of time records repeats an id: its bulkAdd fails after the first chunk is written.
    data.timeRecords[RESTORE_CHUNK + 5] = { ...data.timeRecords[RESTORE_CHUNK + 5]!, id: 'tr-3' };
    let written = 0;
    await expect(replaceCompany(db, toCompanyFile(data), { onProgress: (done) => (written = done) })).rejects.toThrow();
    expect(written).toBeGreaterThanOrEqual(RESTORE_CHUNK);
    expect(await stored()).toBe(before);
  });

  it('Cancel in the middle of the write leaves the database as it was', async () => {
    const file = toCompanyFile(bigCompany(3 * RESTORE_CHUNK));
    const controller = new AbortController();
    let writtenAtCancel = 0;
    const result = await restoreCompanyFile(db, blobOf(file), {
      signal: controller.signal,
      onProgress: (phase, done) => {
        if (phase === 'writing' && done >= RESTORE_CHUNK && !controller.signal.aborted) {
          writtenAtCancel = done;
          controller.abort();
        }
      },
    });
    expect(result).toEqual({ ok: false, cancelled: true, errors: [] });
    expect(writtenAtCancel).toBeGreaterThanOrEqual(RESTORE_CHUNK);
    expect(await stored()).toBe(before);
  });

  it('replaceCompany throws RestoreCancelledError for a signal aborted before it starts, and changes nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      replaceCompany(db, toCompanyFile(bigCompany(10)), { signal: controller.signal }),
    ).rejects.toBeInstanceOf(RestoreCancelledError);
    expect(await stored()).toBe(before);
  });

  it('a file that is not JSON, or fails the check, is refused with its errors and changes nothing', async () => {
    const notJson = await restoreCompanyFile(db, new Blob(['{"format": "exportdesk-company", ']));
    expect(notJson.ok).toBe(false);
    expect(!notJson.ok && notJson.errors[0]).toMatch(/not valid JSON/);

    const json = JSON.parse(serializeCompanyFile(toCompanyFile(bigCompany(3)))) as Record<string, unknown>;
    (json['timeRecords'] as Record<string, unknown>[])[2]!['hours'] = 'many';
    const bad = await restoreCompanyFile(db, new Blob([JSON.stringify(json)]));
    expect(bad).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^timeRecords\[2\]\.hours: must be a number/)],
      issues: [expect.objectContaining({ code: 'not-number', path: 'timeRecords[2].hours' })],
    });
    expect(await stored()).toBe(before);
  });

  it('reads a file whose multi-byte characters are split between stream chunks', async () => {
    const data = bigCompany(5);
    data.company.name = 'Ærlig Økonomi – Å';
    const text = serializeCompanyFile(toCompanyFile(data));
    const bytes = new TextEncoder().encode(text);
    // One-byte pieces: every multi-byte character is split.
    const pieces = Array.from(bytes, (b) => new Uint8Array([b]));
    const result = await restoreCompanyFile(db, new Blob(pieces));
    expect(result.ok).toBe(true);
    expect((await db.company.get('company'))?.name).toBe('Ærlig Økonomi – Å');
  });
});
