/**
 * Running sums of the time records per day (`timeRecordDays`, schema v7), so that the Time records
 * list's Total over a date filter reads one row per day instead of every record: a month of the
 * 1M bench is about 30 rows instead of 80k records.
 *
 * Kept by a Dexie middleware (`timeRecordDaysMiddleware`) rather than by each write path: every
 * write to `timeRecords` through any `ExportdeskDatabase` (import and its Undo, the forms, restore,
 * the demo, a co-worker's renamed number, the bench's seeding) passes through it, so none can
 * forget the sums. It
 * - adds `timeRecordDays` to every read-write transaction that includes `timeRecords`, so the sums
 *   change in the same transaction as the records (an aborted import leaves both as they were);
 * - reads the stored versions of the records a put or delete replaces, and writes the difference
 *   per day (one read of the affected days and one write per bulk call, not per record);
 * - empties the sums when the whole table is cleared.
 */
import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import {
  addTimeRecord,
  emptyTimeRecordSums,
  mergeTimeRecordSums,
  type TimeRecordSums,
} from '../core/domain/record-totals.ts';
import type { IsoDate, TimeRecord } from '../core/domain/types.ts';

export const TIME_RECORD_DAYS = 'timeRecordDays';
const TIME_RECORDS = 'timeRecords';

/** One day's sums of the time records dated that day. */
export interface TimeRecordDayRow extends TimeRecordSums {
  date: IsoDate;
}

/** Per day, the change that `removed` → `added` makes. */
export function dayDeltas(
  removed: readonly (TimeRecord | undefined)[],
  added: readonly (TimeRecord | undefined)[],
): Map<IsoDate, TimeRecordSums> {
  const deltas = new Map<IsoDate, TimeRecordSums>();
  const apply = (record: TimeRecord | undefined, sign: 1 | -1) => {
    if (!record || typeof record.date !== 'string') return;
    let sums = deltas.get(record.date);
    if (!sums) deltas.set(record.date, (sums = emptyTimeRecordSums()));
    addTimeRecord(sums, record, sign);
  };
  for (const r of removed) apply(r, -1);
  for (const r of added) apply(r, 1);
  return deltas;
}

function isZero(s: TimeRecordSums): boolean {
  return s.count === 0 && s.billableHourUnits === 0 && s.otherHourUnits === 0 && s.amount === 0 && s.rated === 0;
}

/** Adds `deltas` to the stored day rows (rows whose count falls to 0 are deleted). */
async function applyDeltas(days: DBCoreTable, trans: DBCoreTransaction, deltas: Map<IsoDate, TimeRecordSums>) {
  const dates = [...deltas].filter(([, d]) => !isZero(d)).map(([date]) => date);
  if (dates.length === 0) return;
  const stored = (await days.getMany({ trans, keys: dates })) as (TimeRecordDayRow | undefined)[];
  const put: TimeRecordDayRow[] = [];
  const gone: IsoDate[] = [];
  dates.forEach((date, i) => {
    const row: TimeRecordDayRow = stored[i] ? { ...stored[i]! } : { date, ...emptyTimeRecordSums() };
    mergeTimeRecordSums(row, deltas.get(date)!);
    if (row.count <= 0) gone.push(date);
    else put.push(row);
  });
  if (put.length > 0) await days.mutate({ type: 'put', trans, values: put, keys: put.map((r) => r.date) });
  if (gone.length > 0) await days.mutate({ type: 'delete', trans, keys: gone });
}

function isWholeRange(core: DBCore, range: DBCoreKeyRange): boolean {
  // Dexie's clear() asks for the range of every key (type Any = 3).
  return range.type === 3 || (range.lower === core.MIN_KEY && range.upper === core.MAX_KEY);
}

function keysOf(table: DBCoreTable, req: Extract<DBCoreMutateRequest, { type: 'add' | 'put' }>): unknown[] {
  if (req.keys) return req.keys;
  const extract = table.schema.primaryKey.extractKey;
  return req.values.map((v) => (extract ? extract(v) : undefined));
}

function trackedTable(core: DBCore, down: DBCoreTable): DBCoreTable {
  const days = () => core.table(TIME_RECORD_DAYS);
  return {
    ...down,
    async mutate(req) {
      if (req.type === 'deleteRange') {
        if (isWholeRange(core, req.range)) {
          const res = await down.mutate(req);
          await days().mutate({ type: 'deleteRange', trans: req.trans, range: req.range });
          return res;
        }
        const { result } = await down.query({
          trans: req.trans,
          values: true,
          query: { index: down.schema.primaryKey, range: req.range },
        });
        const res = await down.mutate(req);
        await applyDeltas(days(), req.trans, dayDeltas(result as TimeRecord[], []));
        return res;
      }
      if (req.type === 'add') {
        const res = await down.mutate(req);
        // A failed add (a taken key in a bulkAdd) added nothing.
        const added = req.values.map((v, i) => (res.failures[i] ? undefined : (v as TimeRecord)));
        await applyDeltas(days(), req.trans, dayDeltas([], added));
        return res;
      }
      const keys = req.type === 'delete' ? req.keys : keysOf(down, req);
      const before = (await down.getMany({ trans: req.trans, keys })) as (TimeRecord | undefined)[];
      const res = await down.mutate(req);
      const ok = (i: number) => !res.failures[i];
      const removed = before.map((r, i) => (ok(i) ? r : undefined));
      const added = req.type === 'delete' ? [] : req.values.map((v, i) => (ok(i) ? (v as TimeRecord) : undefined));
      await applyDeltas(days(), req.trans, dayDeltas(removed, added));
      return res;
    },
  };
}

/** The middleware; `ExportdeskDatabase` installs it (src/db/database.ts). */
export const timeRecordDaysMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'timeRecordDays',
  create(down) {
    const core: DBCore = {
      ...down,
      transaction(stores, mode, options) {
        const widened =
          mode === 'readwrite' && stores.includes(TIME_RECORDS) && !stores.includes(TIME_RECORD_DAYS)
            ? [...stores, TIME_RECORD_DAYS]
            : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        return name === TIME_RECORDS ? trackedTable(down, table) : table;
      },
    };
    return core;
  },
};

/** Adds `record` to its day's row in `days` (the v7 upgrade sums the stored records with it, one at a time). */
export function addToDay(days: Map<IsoDate, TimeRecordDayRow>, record: TimeRecord): void {
  let row = days.get(record.date);
  if (!row) days.set(record.date, (row = { date: record.date, ...emptyTimeRecordSums() }));
  addTimeRecord(row, record);
}

/** The day rows of `records` (what the stored sums must equal; the tests compare the two). */
export function dayRows(records: Iterable<TimeRecord>): TimeRecordDayRow[] {
  const days = new Map<IsoDate, TimeRecordDayRow>();
  for (const record of records) addToDay(days, record);
  return [...days.values()];
}
