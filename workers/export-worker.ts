/**
 * Export runs off the page: read what the export needs from IndexedDB, plan and check,
 * generate, bundle, and store the batch with the status changes in one transaction.
 * Cancel = the page terminates this worker; an unfinished transaction is then aborted
 * by IndexedDB, so nothing changes. The run's rules are src/core/export/run.ts; the API's
 * types are src/core/export/api.ts. A format's code, Liquid and JSZip load when a run needs
 * them (docs/decisions/0006-lazy-format-code.md).
 */
import * as Comlink from 'comlink';
import { ExportdeskDatabase } from '../src/db/database.ts';
import { readMasterData } from '../src/db/company-store.ts';
import { commitExportBatch, ExportConflictError, withRecordKeys } from '../src/db/export-store.ts';
import { issue } from '../src/core/formats/issues.ts';
import { periodRecordReader } from '../src/db/period-records.ts';
import { settleTransferJournal, toTransferInvoices } from '../src/db/export-status.ts';
import { generateExport, ExportBlockedError, overlappingBatches } from '../src/core/export/pipeline.ts';
import type { PeriodReader } from '../src/core/export/period-stream.ts';
import { describeTarget } from '../src/core/export/targets.ts';
import { statusPurposeOf } from '../src/core/export/export-status.ts';
import {
  configProblems,
  describeConfig,
  planResponse,
  planRun,
  recordSelection,
  runContext,
  runLoad,
} from '../src/core/export/run.ts';
import type { ExportWorkerApi, RunProgress, RunRequest } from '../src/core/export/api.ts';
import type { CompanyData } from '../src/core/domain/types.ts';
import type { ExportBatch } from '../src/core/export/types.ts';
import { describeFormats } from '../src/core/formats/registry.ts';
import { capRepeatedIssues } from '../src/core/formats/issues.ts';

const db = new ExportdeskDatabase();

/** The settle step of the transfer journal running in this worker, if any (one at a time). */
let settling: Promise<number> | null = null;

/** Starts settling the transfer journal unless it already runs; resolves with the invoice rows written. */
function settleTransfers(): Promise<number> {
  settling ??= settleTransferJournal(db).finally(() => (settling = null));
  return settling;
}

async function load(request: RunRequest, progress?: RunProgress) {
  progress?.('reading', 0.05);
  // Independent reads go out together: each IndexedDB round trip costs the run a few ms.
  const [config, templates, master] = await Promise.all([
    db.exportConfigs.get(request.configId),
    db.templates.toArray(),
    readMasterData(db),
  ]);
  if (!config) throw new Error('That export is no longer configured.');
  const described = describeTarget(config, templates);
  if (!master) throw new Error('There is no company in this browser.');
  const today = request.now.slice(0, 10);
  const context = runContext(request);
  const need = runLoad(config, described.info.dataType, request.selection, today);
  const data: CompanyData = { ...master };
  let overlapping: ExportBatch[] = [];
  let reader: PeriodReader | undefined;
  const readRecords = async () => {
    if (need.kind === 'invoices') {
      data.invoices = await toTransferInvoices(db, statusPurposeOf(config.purpose), need.lastIssueDate);
      return;
    }
    if (described.info.periodExport) {
      // A period export of invoices (SAF-T): every invoice of the period; the pipeline keeps the finalized ones.
      data.invoices = await db.invoices.where('issueDate').between(need.from, need.to, true, true).toArray();
      return;
    }
    const batches = await db.exportBatches.toArray();
    overlapping = await withRecordKeys(db, overlappingBatches(batches, need.dataType, need.from, need.to));
    reader = periodRecordReader(db, need.dataType, need.from, need.to);
  };
  // The format's code loads while the records are read.
  const [format] = await Promise.all([described.load(), readRecords()]);
  const { settings, issues: targetIssues } = described;
  const selection = recordSelection(request.selection, today, overlapping);
  const plan = await planRun({ data, format, settings, targetIssues, config, selection, context, reader, progress });
  return { config, format, settings, plan, context, overlapping };
}

const api: ExportWorkerApi = {
  catalogue: () => describeFormats(),

  async validateConfig(config) {
    return configProblems(config, await db.templates.toArray());
  },

  async describeConfigs() {
    const templates = await db.templates.toArray();
    return (await db.exportConfigs.toArray()).map((config) => describeConfig(config, templates));
  },

  settleTransfers,

  async plan(request) {
    const { config, format, plan, overlapping } = await load(request);
    return planResponse(config, format, plan, overlapping);
  },

  async run(request, progress) {
    const { config, format, settings, plan, context } = await load(request, progress);
    const warnings = plan.summary.issues.filter((i) => i.severity === 'warning');
    if (warnings.length > 0 && !request.acceptWarnings)
      return { ok: false, issues: capRepeatedIssues(plan.summary.issues), reason: 'warnings' };
    try {
      progress?.('generating', 0.35);
      const result = await generateExport(plan, format, config, settings, context, () => crypto.randomUUID());
      progress?.('storing', 0.85);
      await commitExportBatch(
        db,
        result.batch,
        result.files,
        result.files.length > 1 ? result.download : null,
        result.recordKeysJson,
      );
      progress?.('done', 1);
      // The statuses are already Has been transferred (journal); copying them into the invoice
      // rows runs after the answer, so the user does not wait for it.
      settleTransfers().catch((error: unknown) =>
        console.error('Settling the transfer journal failed; it resumes on the next run.', error),
      );
      const bytes = result.download.bytes;
      return Comlink.transfer(
        {
          ok: true as const,
          batchId: result.batch.id,
          download: { ...result.download, bytes },
          issues: result.issues,
          report: result.batch.report,
        },
        bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer as ArrayBuffer] : [],
      );
    } catch (error) {
      if (error instanceof ExportBlockedError) return { ok: false, issues: error.issues, reason: 'blocked' };
      // Two tabs ran the same export: the other one stored it first (issue 16). Said as a code.
      if (error instanceof ExportConflictError) {
        const found = issue('error', 'already-exported', { invoice: error.invoiceNumber });
        return { ok: false, issues: capRepeatedIssues([found, ...plan.summary.issues]), reason: 'blocked' };
      }
      throw error;
    }
  },
};

Comlink.expose(api);
