/**
 * Planning an import: every row is read, checked and compared with the stored data, and
 * the result says exactly what would change. Nothing is written here; `applyImportPlan`
 * (apply.ts) or the DB layer carries out a plan.
 *
 * Rules (see the module doc of fields.ts for defaults):
 * - A cell is trimmed. An empty cell gives the field's default (or '' / null) on a new record;
 *   on an updated record it keeps the stored value unless `blankCells` is 'clear'. A mapped
 *   column wins over a constant, and a constant fills the cells that are empty.
 * - Required fields must have a value on new records; on an update an unmapped field keeps
 *   its stored value, so a file with only `number` and `email` updates e-mails.
 * - Invoices (grouped by `number`, or by `id` for drafts) and claims (by `claimNumber`):
 *   document fields may be repeated on every row or left empty after the first row; a
 *   different value is an error. A row whose line/item fields are all empty adds no line.
 *   If any row of a document is rejected the whole document is, and its other rows are
 *   listed too, so `rejectedRowsCsv` gives back the complete document to fix.
 *   Mapping any line/item field replaces the stored lines/items of the updated document (invoice or claim).
 * - References (customer, project, employee, account, VAT code, expense type, credited
 *   invoice) must exist in the stored data or among the accepted records of the same file.
 * - Keys: see `naturalKey`. A key twice in the file is an error on the later rows.
 * - Against stored data: identical → `unchanged` (never an error, also with 'stop');
 *   different → per `onDuplicate`: 'skip' counts it as skipped, 'update' plans an update
 *   with the previous version kept for undo, 'stop' rejects those rows and blocks the import.
 */
import { checkMapping } from './auto-map.ts';
import { fileLevelErrors } from './csv.ts';
import { importFields, type FieldDef, type ImportKind } from './fields.ts';
import { makeReaders, rowReader } from './plan/read-rows.ts';
import { buildRecords, indexExisting } from './plan/records.ts';
import { checkBetweenRecords } from './plan/references.ts';
import { collectRejected, collectWarnings, compareWithStored, emptyPlan, finishPlan } from './plan/outcome.ts';
import { checkRules } from './plan/rules.ts';
import type {
  ImportPlan,
  ImportPlanner,
  OnDuplicate,
  PlanContext,
  PlanImportInput,
  Reader,
  ReadRow,
} from './plan/types.ts';
import { groupUnits } from './plan/units.ts';

export { DEFAULT_BLANK_CELLS, DEFAULT_ON_DUPLICATE } from './plan/types.ts';
export type {
  BlankCells,
  CellError,
  ImportChanges,
  ImportCounts,
  ImportPlan,
  ImportPlanner,
  ImportWarning,
  OnDuplicate,
  PlanImportInput,
  PlanStatus,
  RecordUpdate,
  RejectedRow,
} from './plan/types.ts';

export const ON_DUPLICATE_CHOICES: readonly OnDuplicate[] = ['skip', 'update', 'stop'];

const CHUNK_ROWS = 2000;

/** Plans in one call, reporting progress and honouring `shouldCancel` every 2,000 rows. */
export function planImport<K extends ImportKind>(input: PlanImportInput<K>): ImportPlan<K> {
  const planner = createImportPlanner(input);
  while (!planner.step(CHUNK_ROWS)) {
    input.onProgress?.(planner.done, planner.total);
    if (input.shouldCancel?.()) return planner.cancel();
  }
  input.onProgress?.(planner.done, planner.total);
  return planner.finish();
}

/** Incremental planning, for a worker that yields between chunks to receive a cancel message. */
export function createImportPlanner<K extends ImportKind>(input: PlanImportInput<K>): ImportPlanner<K> {
  const { kind, table } = input;
  const defs = importFields(kind);
  const constants = input.constants ?? {};
  const fileErrors = fileLevelErrors(table);
  // Mapping complaints about a file without columns would only hide the real problem.
  const problems: string[] =
    fileErrors.length > 0
      ? fileErrors.map((e) => e.message)
      : checkMapping(kind, table.header, input.mapping, constants).map((p) => p.message);
  for (const e of table.errors) if (e.code === 'no-rows') problems.push(e.message);
  const readers = makeReaders(input, defs, problems);
  const readRow = rowReader(input, readers);

  const read: ReadRow[] = [];
  let done = 0;
  const total = table.rows.length;
  const planner: ImportPlanner<K> = {
    get total() {
      return total;
    },
    get done() {
      return done;
    },
    step(maxRows: number) {
      if (problems.length > 0) {
        done = total;
        return true;
      }
      const end = Math.min(total, done + maxRows);
      for (let i = done; i < end; i++) read.push(readRow(table.rows[i]!));
      done = end;
      return done >= total;
    },
    finish() {
      while (!planner.step(CHUNK_ROWS));
      return buildPlan(input, defs, readers, read, problems);
    },
    cancel() {
      return emptyPlan(input, 'cancelled', ['The import was cancelled.']);
    },
  };
  return planner;
}

/**
 * The plan from the rows read, in phases that each need the previous one complete:
 * 1. group rows into units (one per record; an invoice or claim spans rows),
 * 2. build each unit's record, matched with the stored record it would update, and run the
 *    rule set of the register forms on it (plan/rules.ts),
 * 3. check between records (keys twice in the file, references),
 * 4. compare the accepted records with the stored ones,
 * 5. gather the rejected rows, whole documents at a time.
 * Each phase puts its errors on the rows, and a unit with an error on any row is left out of
 * the phases after it.
 */
function buildPlan<K extends ImportKind>(
  input: PlanImportInput<K>,
  defs: readonly FieldDef[],
  readers: readonly Reader[],
  read: ReadRow[],
  problems: string[],
): ImportPlan<K> {
  if (problems.length > 0) return emptyPlan(input, 'failed', problems);
  const ctx = planContext(input, defs, readers);
  const units = groupUnits(ctx, read);
  buildRecords(ctx, units, indexExisting(input.kind, input.existing));
  checkRules(ctx, units);
  checkBetweenRecords(ctx, units);
  const comparison = compareWithStored(ctx, units);
  const rejected = collectRejected(input.kind, units);
  return finishPlan(ctx, read.length, comparison, rejected, collectWarnings(units, comparison.stopped));
}

function planContext<K extends ImportKind>(
  input: PlanImportInput<K>,
  defs: readonly FieldDef[],
  readers: readonly Reader[],
): PlanContext<K> {
  const mapped = new Set(readers.map((r) => r.def.name));
  const childDefs = defs.filter((d) => d.level === 'child');
  return {
    input,
    kind: input.kind,
    defs,
    mapped,
    columnOf: new Map(readers.map((r) => [r.def.name, r.columnName])),
    recordDefs: defs.filter((d) => d.level === 'record'),
    childDefs,
    childMapped: childDefs.some((d) => mapped.has(d.name)),
  };
}
