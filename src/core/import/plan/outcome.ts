/**
 * Phases 4 and 5 of `buildPlan`, and the plan itself: the accepted records are compared with
 * the stored data, the rejected rows are gathered for the user to fix, and the status says
 * whether the plan may be applied.
 */
import type { ImportKind } from '../fields.ts';
import type { KindRecords } from '../records.ts';
import { identityKey, sameValue } from '../records.ts';
import type {
  ImportCounts,
  ImportPlan,
  ImportWarning,
  PlanContext,
  PlanImportInput,
  PlanStatus,
  RecordUpdate,
  RejectedRow,
  Unit,
  Values,
} from './types.ts';
import { describeKey, displayKey, documentWord, unitRejected } from './units.ts';

interface Comparison {
  new: number;
  updated: number;
  unchanged: number;
  skipped: number;
  duplicates: { line: number; key: string }[];
  toAdd: Values[];
  toUpdate: RecordUpdate<Values>[];
  /** A differing stored record with onDuplicate 'stop': nothing of the file may be applied. */
  stopped: boolean;
}

/**
 * Phase 4: each accepted record is new, unchanged, or differs from the stored one; what a
 * difference does is the user's `onDuplicate` choice. An identical record is never an error,
 * so importing the same file twice is harmless even with 'stop'.
 */
export function compareWithStored(ctx: PlanContext, units: readonly Unit[]): Comparison {
  const { kind, input } = ctx;
  const result: Comparison = {
    new: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    duplicates: [],
    toAdd: [],
    toUpdate: [],
    stopped: false,
  };
  for (const unit of units) {
    if (!unit.record || unitRejected(unit)) continue;
    const { record, existing } = unit;
    if (existing === undefined) {
      result.toAdd.push(record);
      result.new++;
      continue;
    }
    if (sameValue(record, existing)) {
      result.unchanged++;
      continue;
    }
    result.duplicates.push({ line: unit.rows[0]!.row.line, key: unit.key });
    if (input.onDuplicate === 'skip') result.skipped++;
    else if (input.onDuplicate === 'update') {
      result.toUpdate.push({ key: identityKey(kind, existing as never), before: existing, after: record });
      result.updated++;
    } else {
      result.stopped = true;
      unit.rows[0]!.errors.push({
        column: '',
        field: '',
        value: unit.key,
        reason: `${describeKey(kind)} ${displayKey(unit.key)} already exists with other values (duplicate handling: stop)`,
        code: 'duplicate-stop',
      });
    }
  }
  return result;
}

/**
 * Phase 5: the rejected rows, sorted by line. A rejected document's rows go together, the
 * clean ones saying which line rejected them, so `rejectedRowsCsv` gives back whole
 * documents to fix and import again.
 */
export function collectRejected(kind: ImportKind, units: readonly Unit[]): { rows: RejectedRow[]; records: number } {
  const rows: RejectedRow[] = [];
  let records = 0;
  for (const unit of units) {
    if (!unitRejected(unit)) continue;
    records++;
    const firstBad = unit.rows.find((r) => r.errors.length > 0)!;
    for (const r of unit.rows) {
      const errors =
        r.errors.length > 0
          ? r.errors
          : [
              {
                column: '',
                field: '',
                value: '',
                reason: `${documentWord(kind)} ${unit.key} is rejected because of line ${firstBad.row.line}`,
                code: 'document-rejected',
              },
            ];
      rows.push({ line: r.row.line, cells: r.row.cells, errors });
    }
  }
  rows.sort((a, b) => a.line - b.line);
  return { rows, records };
}

/** The warnings of the accepted units, by line; a stopped plan imports nothing, so it has none. */
export function collectWarnings(units: readonly Unit[], stopped: boolean): ImportWarning[] {
  if (stopped) return [];
  return units
    .filter((u) => u.record && !unitRejected(u))
    .flatMap((u) => u.warnings)
    .sort((a, b) => a.line - b.line);
}

/** The plan from the comparison and the rejected rows. A stopped plan plans no change at all. */
export function finishPlan<K extends ImportKind>(
  ctx: PlanContext<K>,
  rowCount: number,
  comparison: Comparison,
  rejected: { rows: RejectedRow[]; records: number },
  warnings: ImportWarning[] = [],
): ImportPlan<K> {
  const { kind, input } = ctx;
  const { stopped } = comparison;
  const counts: ImportCounts = {
    rows: rowCount,
    new: stopped ? 0 : comparison.new,
    updated: stopped ? 0 : comparison.updated,
    unchanged: comparison.unchanged,
    skipped: stopped ? 0 : comparison.skipped,
    rejectedRows: rejected.rows.length,
    rejectedRecords: rejected.records,
  };
  const toAdd = stopped ? [] : comparison.toAdd;
  const toUpdate = stopped ? [] : comparison.toUpdate;
  const allowPartial = input.allowPartial ?? false;
  const status: PlanStatus = stopped ? 'stopped' : rejected.rows.length > 0 ? 'has-rejections' : 'ready';
  return {
    kind,
    status,
    canApply: status === 'ready' || (status === 'has-rejections' && allowPartial),
    allowPartial,
    problems: [],
    counts,
    rejected: rejected.rows,
    warnings,
    duplicates: comparison.duplicates,
    changes: {
      table: kind,
      toAdd: toAdd as unknown as KindRecords[K][],
      toUpdate: toUpdate as unknown as RecordUpdate<KindRecords[K]>[],
    },
    header: input.table.header,
  };
}

/** A plan that changes nothing: the file could not be planned ('failed') or planning was cancelled. */
export function emptyPlan<K extends ImportKind>(
  input: PlanImportInput<K>,
  status: PlanStatus,
  problems: string[],
): ImportPlan<K> {
  return {
    kind: input.kind,
    status,
    canApply: false,
    allowPartial: input.allowPartial ?? false,
    problems,
    counts: {
      rows: input.table.rows.length,
      new: 0,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      rejectedRows: 0,
      rejectedRecords: 0,
    },
    rejected: [],
    warnings: [],
    duplicates: [],
    changes: { table: input.kind, toAdd: [], toUpdate: [] },
    header: input.table.header,
  };
}
