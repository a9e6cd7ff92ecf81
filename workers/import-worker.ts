/**
 * CSV import off the page: the page transfers the file's bytes here, and everything heavy
 * (decoding, parsing, detection, planning against the stored data, writing) runs in this
 * worker. Planning yields between chunks of rows so that the page's Cancel (terminating
 * this worker) takes effect quickly; terminating mid-commit aborts the open IndexedDB
 * transaction, so nothing is half-written. Plans are kept here under a planId until they
 * are committed or replaced (src/core/import/kept-plans.ts), so the page never holds the records.
 * Thin: the logic is in src/core/import, the storage in src/db.
 */
import * as Comlink from 'comlink';
import { ExportdeskDatabase } from '../src/db/database.ts';
import { readCompanyCurrency } from '../src/db/company-currency.ts';
import {
  commitImport,
  planCanCommit,
  readImportBase,
  readImportExisting,
  readImportRecords,
  withRecords,
  undoImport,
  ImportConflictError,
  UndoRefusedError,
} from '../src/db/import-store.ts';
import type {
  CommitResult,
  ImportOptions,
  ImportProgress,
  ImportWorkerApi,
  PlanSummary,
} from '../src/core/import/api.ts';
import { createImportPlanner, exportKindCsv, rejectedRowsCsv, type ImportPlan } from '../src/core/import/index.ts';
import { analysisOf, failedAnalysis, readForAnalysis } from '../src/core/import/preview.ts';
import { planInChunks, startFilePlan } from '../src/core/import/plan-file.ts';
import { refusalReason, summarizePlan } from '../src/core/import/plan-summary.ts';
import { KeptPlans } from '../src/core/import/kept-plans.ts';
import { toIsoDateTime } from '../src/core/domain/dates.ts';

const db = new ExportdeskDatabase();
// Opening takes a round trip to the storage process; starting it now overlaps it with the
// first request's transfer and parsing. A failure shows again on the first read.
db.open().catch(() => undefined);

const plans = new KeptPlans();

const yieldToEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function planFile(
  bytes: Uint8Array,
  options: ImportOptions,
  onProgress?: ImportProgress,
): Promise<{ summary: PlanSummary; plan: ImportPlan }> {
  const fileName = options.fileName ?? '';
  onProgress?.('reading', 0, bytes.length);
  // The company and master data do not depend on the file: ask for them first and let one
  // turn of the event loop send the requests, so the storage round trips run during the parse.
  const base = readImportBase(db);
  base.catch(() => undefined);
  await yieldToEvents();
  const start = startFilePlan(bytes, options);
  if (!start.ok) return { plan: start.plan, summary: summarizePlan('', start.plan, fileName, start.settings) };
  const { data } = withRecords(await base, await readImportRecords(db, options.kind, start.scope));
  const planner = createImportPlanner({ ...start.input, existing: data, newId: () => crypto.randomUUID() });
  const plan = await planInChunks(planner, yieldToEvents, onProgress);
  const planId = crypto.randomUUID();
  plans.keep(planId, { plan, fileName, presetName: options.presetName ?? '' });
  return { plan, summary: summarizePlan(planId, plan, fileName, start.settings) };
}

async function commitKept(planId: string, allowPartial: boolean, onProgress?: ImportProgress): Promise<CommitResult> {
  const kept = plans.get(planId);
  if (!kept)
    return {
      ok: false,
      reason: 'This check result is no longer available (the check was cancelled or replaced); run Check again.',
    };
  try {
    const row = await commitImport(db, kept.plan, {
      id: crypto.randomUUID(),
      createdAt: toIsoDateTime(new Date()),
      fileName: kept.fileName,
      presetName: kept.presetName,
      allowPartial,
      onProgress: (done, total) => onProgress?.('writing', done, total),
    });
    plans.delete(planId);
    return { ok: true, importId: row.id, counts: kept.plan.counts };
  } catch (error) {
    if (error instanceof ImportConflictError) return { ok: false, reason: error.message };
    throw error;
  }
}

const api: ImportWorkerApi = {
  async analyze(bytes, fileName, overrides = {}) {
    const read = readForAnalysis(bytes, overrides);
    if (!read.ok) return failedAnalysis(fileName, read);
    const companyCurrency = await readCompanyCurrency(db);
    return analysisOf(read.value, { fileName, size: bytes.length, overrides, companyCurrency });
  },

  async plan(bytes, options, onProgress) {
    return (await planFile(bytes, options, onProgress)).summary;
  },

  async commit(planId, choice, onProgress) {
    return commitKept(planId, choice.allowPartial, onProgress);
  },

  async run(bytes, fileName, options, onProgress) {
    const { summary, plan } = await planFile(bytes, { ...options, fileName }, onProgress);
    if (!planCanCommit(plan, options.allowPartial ?? false))
      return { ok: false, reason: refusalReason(summary), summary };
    const committed = await commitKept(summary.planId, options.allowPartial ?? false, onProgress);
    return committed.ok
      ? { ok: true, importId: committed.importId, summary }
      : { ok: false, reason: committed.reason, summary };
  },

  rejectedCsv(planId) {
    const kept = plans.get(planId);
    return kept ? rejectedRowsCsv(kept.plan) : null;
  },

  async undo(importId) {
    try {
      return { ok: true, ...(await undoImport(db, importId, toIsoDateTime(new Date()))) };
    } catch (error) {
      if (error instanceof UndoRefusedError) return { ok: false, reason: error.message };
      throw error;
    }
  },

  async exportCsv(kind) {
    const { data } = await readImportExisting(db, kind);
    return exportKindCsv(kind, data);
  },
};

Comlink.expose(api);
