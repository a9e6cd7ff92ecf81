/**
 * A period's time records or claims read in chunks, for exports that render chunk by chunk
 * (src/core/export/period-stream.ts), so that only one chunk of records is alive.
 *
 * - Order: the `date` index, by date and each day by primary key: exactly the order of
 *   `where('date').between(from, to, true, true).toArray()`, which the whole export reads.
 * - A chunk is one read of at most `chunkSize` records from where the last one ended. Chunks
 *   end on whole days: the records of the last (maybe cut) day of a read are dropped and read
 *   again at the start of the next read, since the date index cannot resume inside a day. A
 *   day with more records than `chunkSize` is read whole, as one chunk of its own. (Listing
 *   the period's distinct dates first, with a `nextunique` cursor, cost a quarter second per
 *   month of the 1M bench: more than the re-read days.)
 * - All reads run in one read-only transaction, so the chunks are one consistent snapshot, as
 *   the single `toArray` was: a record edited meanwhile is neither missed nor read twice. `take`
 *   is synchronous, so the transaction stays active between the reads.
 */
import type { Claim, IsoDate, TimeRecord } from '../core/domain/types.ts';
import type { FormatDataType } from '../core/formats/types.ts';
import type { PeriodReader } from '../core/export/period-stream.ts';
import type { ExportdeskDatabase } from './database.ts';

/** Records per chunk: large enough that per-read overhead does not show, small next to the million. */
export const PERIOD_CHUNK_RECORDS = 16_000;

interface PeriodRows {
  timeRecords: TimeRecord;
  claims: Claim;
}

/** How far into [from, to] a date is, 0..1, for progress. */
function shareOfPeriod(from: IsoDate, to: IsoDate, date: IsoDate): number {
  const span = Date.parse(to) - Date.parse(from);
  const share = span > 0 ? (Date.parse(date) - Date.parse(from)) / span : 1;
  return Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0;
}

/**
 * Hands the records of [from, to] (inclusive) to `take` chunk by chunk, with the share of the
 * period's days read so far (for progress); `take` returns false to stop reading. Resolves
 * true when every record was handed over.
 */
export async function readPeriodInChunks<K extends keyof PeriodRows>(
  db: ExportdeskDatabase,
  table: K,
  from: IsoDate,
  to: IsoDate,
  take: (records: PeriodRows[K][], fractionRead: number) => boolean,
  chunkSize = PERIOD_CHUNK_RECORDS,
): Promise<boolean> {
  const store = db.table<PeriodRows[K], string>(table);
  return db.transaction('r', store, async () => {
    let lower = from;
    let lowerOpen = false;
    for (;;) {
      const records: PeriodRows[K][] = await store
        .where('date')
        .between(lower, to, !lowerOpen, true)
        .limit(chunkSize)
        .toArray();
      if (records.length < chunkSize) return records.length === 0 || take(records, 1);
      const lastDate: IsoDate = records[records.length - 1]!.date;
      let end = records.length;
      while (end > 0 && records[end - 1]!.date === lastDate) end--;
      if (end === 0) {
        if (!take(await store.where('date').equals(lastDate).toArray(), shareOfPeriod(from, to, lastDate)))
          return false;
        [lower, lowerOpen] = [lastDate, true];
      } else {
        records.length = end;
        if (!take(records, shareOfPeriod(from, to, lastDate))) return false;
        [lower, lowerOpen] = [lastDate, false];
      }
    }
  });
}

/**
 * The records of a period export of `dataType` from [from, to]: time records or claims, chunked
 * or all at once (`where('date').between(...).toArray()`); other data types read none.
 */
export function periodRecordReader(
  db: ExportdeskDatabase,
  dataType: FormatDataType,
  from: IsoDate,
  to: IsoDate,
  chunkSize = PERIOD_CHUNK_RECORDS,
): PeriodReader {
  if (dataType === 'timeRecords')
    return {
      chunks: (take) =>
        readPeriodInChunks(db, 'timeRecords', from, to, (timeRecords, read) => take({ timeRecords }, read), chunkSize),
      all: async () => ({ timeRecords: await db.timeRecords.where('date').between(from, to, true, true).toArray() }),
    };
  if (dataType === 'claims')
    return {
      chunks: (take) => readPeriodInChunks(db, 'claims', from, to, (claims, read) => take({ claims }, read), chunkSize),
      all: async () => ({ claims: await db.claims.where('date').between(from, to, true, true).toArray() }),
    };
  return { chunks: async () => true, all: async () => ({}) };
}
