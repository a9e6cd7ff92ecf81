/**
 * Saving and deleting time records and claims from their forms (issue 14, item 5). Each call is
 * ONE read-write transaction, like the register forms' (src/db/register-store.ts):
 *
 * - A save names the version the form was opened with (`original`, null for a new record). When
 *   the stored record is no longer that version (another tab saved or deleted it, an import
 *   changed it), nothing is written and the caller gets the stored version back.
 * - A claim's number is its key: a changed or new number that is taken is refused.
 * - The time records' day sums follow through their middleware (src/db/time-record-days.ts).
 *
 * `exportedIn` answers which period exports already took a record: it can still be edited, and
 * the form says that the receiving system has the old values.
 */
import type { Claim, IsoDateTime, TimeRecord } from '../core/domain/types.ts';
import type { ExportdeskDatabase } from './database.ts';
import { sameRecord } from './register-store.ts';

export type RecordSaveResult<T> =
  { status: 'saved'; record: T } | { status: 'conflict'; current: T | null } | { status: 'key-taken'; key: string };

export type RecordDeleteResult<T> = { status: 'deleted' } | { status: 'conflict'; current: T | null };

export async function saveTimeRecord(
  db: ExportdeskDatabase,
  record: TimeRecord,
  options: { original: TimeRecord | null },
): Promise<RecordSaveResult<TimeRecord>> {
  return db.transaction('rw', db.timeRecords, async (): Promise<RecordSaveResult<TimeRecord>> => {
    const current = (await db.timeRecords.get(options.original?.id ?? record.id)) ?? null;
    if (options.original ? !current || !sameRecord(current, options.original) : current)
      return options.original ? { status: 'conflict', current } : { status: 'key-taken', key: record.id };
    await db.timeRecords.put(record);
    return { status: 'saved', record };
  });
}

export async function deleteTimeRecord(
  db: ExportdeskDatabase,
  original: TimeRecord,
): Promise<RecordDeleteResult<TimeRecord>> {
  return db.transaction('rw', db.timeRecords, async (): Promise<RecordDeleteResult<TimeRecord>> => {
    const current = (await db.timeRecords.get(original.id)) ?? null;
    if (!current || !sameRecord(current, original)) return { status: 'conflict', current };
    await db.timeRecords.delete(original.id);
    return { status: 'deleted' };
  });
}

/** Stores a claim; a changed number moves it (refused when the new number is taken). */
export async function saveClaim(
  db: ExportdeskDatabase,
  claim: Claim,
  options: { original: Claim | null },
): Promise<RecordSaveResult<Claim>> {
  const originalKey = options.original?.claimNumber ?? null;
  return db.transaction('rw', db.claims, async (): Promise<RecordSaveResult<Claim>> => {
    if (originalKey !== null) {
      const current = (await db.claims.get(originalKey)) ?? null;
      if (!current || !sameRecord(current, options.original)) return { status: 'conflict', current };
    }
    if (claim.claimNumber !== originalKey && (await db.claims.get(claim.claimNumber)))
      return { status: 'key-taken', key: claim.claimNumber };
    if (originalKey !== null && originalKey !== claim.claimNumber) await db.claims.delete(originalKey);
    await db.claims.put(claim);
    return { status: 'saved', record: claim };
  });
}

export async function deleteClaim(db: ExportdeskDatabase, original: Claim): Promise<RecordDeleteResult<Claim>> {
  return db.transaction('rw', db.claims, async (): Promise<RecordDeleteResult<Claim>> => {
    const current = (await db.claims.get(original.claimNumber)) ?? null;
    if (!current || !sameRecord(current, original)) return { status: 'conflict', current };
    await db.claims.delete(original.claimNumber);
    return { status: 'deleted' };
  });
}

/**
 * The number after `last` (the highest stored claim number): its trailing digits plus one, as
 * wide as they were (`UTL-2026-009` → `UTL-2026-010`); `1` when there is none to follow.
 */
export function nextClaimNumber(last: string | undefined): string {
  const m = last ? /^(.*?)(\d+)$/.exec(last) : null;
  if (!m) return last ? `${last}-1` : '1';
  const next = String(Number(m[2]) + 1).padStart(m[2]!.length, '0');
  return `${m[1]}${next}`;
}

export async function suggestClaimNumber(db: ExportdeskDatabase): Promise<string> {
  const last = await db.claims.orderBy(':id').last();
  let number = nextClaimNumber(last?.claimNumber);
  // The highest key need not be the one with the highest counter (`B-1` after `A-999`).
  while (await db.claims.get(number)) number = nextClaimNumber(number);
  return number;
}

/** A period export that took a record. */
export interface ExportedBatchRef {
  id: string;
  configName: string;
  createdAt: IsoDateTime;
}

/**
 * The active period exports of `dataType` that took the record `key` (a time record's id or a
 * claim's number), newest first. Every batch of the type is asked, not only those whose period
 * holds the record's date now: the date may have been changed since. A batch's keys are JSON text
 * (`exportBatchKeys`); a key is looked for as its JSON string, quotes included, so `t1` does not
 * match `t10`, and no batch's million keys are parsed.
 */
export async function exportedIn(
  db: ExportdeskDatabase,
  dataType: 'timeRecords' | 'claims',
  key: string,
): Promise<ExportedBatchRef[]> {
  return db.transaction('r', [db.exportBatches, db.exportBatchKeys], async () => {
    const batches = (await db.exportBatches.orderBy('createdAt').reverse().toArray()).filter(
      (b) => b.dataType === dataType && b.status === 'active' && b.period !== null,
    );
    const rows = await db.exportBatchKeys.bulkGet(batches.map((b) => b.id));
    const needle = JSON.stringify(key);
    return batches
      .filter((batch, i) => batch.recordKeys.includes(key) || (rows[i]?.json.includes(needle) ?? false))
      .map((b) => ({ id: b.id, configName: b.configName, createdAt: b.createdAt }));
  });
}
