/**
 * A period's time records or claims read in chunks, for exports that render chunk by chunk
 * (src/core/export/period-stream.ts), so that only one chunk of records is alive.
 *
 * - Order: the `date` index over a run of whole days, each day by primary key: exactly the
 *   order of `where('date').between(from, to, true, true).toArray()`, which the whole export reads.
 * - Chunks are runs of whole days (the period's distinct dates come from the index first). How
 *   many days make about `chunkSize` records is estimated from the records per day read so far
 *   (the first chunk is one day), so a chunk costs one read, not one per day: a month of the
 *   1M bench is three reads instead of 31. A run of denser days makes a larger chunk.
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
    const days = (await store.where('date').between(from, to, true, true).uniqueKeys()) as IsoDate[];
    let read = 0;
    for (let start = 0; start < days.length;) {
      const span = start === 0 ? 1 : Math.max(1, Math.floor(chunkSize / Math.max(1, read / start)));
      const end = Math.min(days.length, start + span);
      const records = await store
        .where('date')
        .between(days[start]!, days[end - 1]!, true, true)
        .toArray();
      read += records.length;
      start = end;
      if (!take(records, end / days.length)) return false;
    }
    return true;
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
      chunks: (take) => readPeriodInChunks(db, 'timeRecords', from, to, (timeRecords, read) => take({ timeRecords }, read), chunkSize),
      all: async () => ({ timeRecords: await db.timeRecords.where('date').between(from, to, true, true).toArray() }),
    };
  if (dataType === 'claims')
    return {
      chunks: (take) => readPeriodInChunks(db, 'claims', from, to, (claims, read) => take({ claims }, read), chunkSize),
      all: async () => ({ claims: await db.claims.where('date').between(from, to, true, true).toArray() }),
    };
  return { chunks: async () => true, all: async () => ({}) };
}
