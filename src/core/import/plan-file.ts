/**
 * Checking a whole file, in the steps the import worker runs around its database reads:
 * `startFilePlan` reads the file and settles the mapping and format (and, for time records,
 * the scope of stored records to compare with); the worker then reads the stored data and
 * `planInChunks` plans in chunks, pausing between them so that a Cancel (terminating the
 * worker) lands quickly.
 */
import type { ImportOptions, ImportProgress, PlanSettings } from './api.ts';
import { autoMap } from './auto-map.ts';
import { timeRecordScope, type TimeRecordScope } from './existing-scope.ts';
import type { ImportKind } from './fields.ts';
import { chooseFormat, readOverrides, UNKNOWN_FORMAT } from './import-options.ts';
import type { ImportPlan, ImportPlanner, PlanImportInput } from './plan.ts';
import { failedPlan } from './plan-summary.ts';
import { readCsvBytes } from './read-file.ts';
import { guessValueFormat } from './value-format-guess.ts';

/** Rows planned between two pauses. */
export const PLAN_CHUNK_ROWS = 2000;

export type FilePlanStart =
  | {
      ok: true;
      /** The planner's input except what comes from the database and the id source. */
      input: Omit<PlanImportInput, 'existing' | 'newId'>;
      /** For time records: which stored records the file can collide with. */
      scope: TimeRecordScope | undefined;
      settings: PlanSettings;
    }
  | { ok: false; plan: ImportPlan; settings: PlanSettings };

/** Reads the whole file with the chosen settings; a file that cannot be read gets a failed plan. */
export function startFilePlan(bytes: Uint8Array, options: ImportOptions): FilePlanStart {
  const read = readCsvBytes(bytes, readOverrides(options));
  if (!read.ok) {
    const settings: PlanSettings = {
      encoding: read.encodingGuess.encoding,
      delimiter: options.delimiter ?? ',',
      hasHeader: options.hasHeader ?? true,
      skipLines: options.skipLines ?? 0,
      mapping: options.mapping ?? {},
      format: chooseFormat(options.format, UNKNOWN_FORMAT),
    };
    return { ok: false, plan: failedPlan(options.kind, read.reason), settings };
  }
  const { table, encoding, delimiter, hasHeader, skipLines } = read.value;
  const mapping = options.mapping ?? autoMap(options.kind, table.header).mapping;
  const format = chooseFormat(options.format, guessValueFormat(options.kind, table, mapping).format);
  const scope =
    options.kind === 'timeRecords' ? timeRecordScope(table, mapping, options.constants ?? {}, format) : undefined;
  return {
    ok: true,
    input: {
      kind: options.kind,
      table,
      mapping,
      ...(options.constants ? { constants: options.constants } : {}),
      format,
      onDuplicate: options.onDuplicate,
      ...(options.blankCells ? { blankCells: options.blankCells } : {}),
    },
    scope,
    settings: { encoding, delimiter, hasHeader, skipLines, mapping, format },
  };
}

/** Runs a planner to the end, reporting progress and awaiting `pause` after each chunk. */
export async function planInChunks(
  planner: ImportPlanner<ImportKind>,
  pause: () => Promise<void>,
  onProgress?: ImportProgress,
  chunkRows = PLAN_CHUNK_ROWS,
): Promise<ImportPlan> {
  while (!planner.step(chunkRows)) {
    onProgress?.('checking', planner.done, planner.total);
    await pause();
  }
  onProgress?.('comparing', planner.total, planner.total);
  await pause();
  return planner.finish();
}
