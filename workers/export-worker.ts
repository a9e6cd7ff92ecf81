/**
 * Export runs off the page: read what the export needs from IndexedDB, plan and check,
 * generate, bundle, and store the batch with the status changes in one transaction.
 * Cancel = the page terminates this worker; an unfinished transaction is then aborted
 * by IndexedDB, so nothing changes.
 */
import * as Comlink from 'comlink';
import { ExportdeskDatabase } from '../src/db/database.ts';
import { readMasterData } from '../src/db/company-store.ts';
import { commitExportBatch, withRecordKeys } from '../src/db/export-store.ts';
import { periodRecordReader } from '../src/db/period-records.ts';
import { settleTransferJournal, toTransferInvoices } from '../src/db/export-status.ts';
import {
  generateExport,
  planExport,
  ExportBlockedError,
  overlappingBatches,
  exportedKeys,
  type RecordSelection,
  type ExportSummary,
  type ExportPlan,
} from '../src/core/export/pipeline.ts';
import { planPeriodExport, type PeriodSelection } from '../src/core/export/period-stream.ts';
import { resolveTarget } from '../src/core/export/targets.ts';
import { invoiceDateLimitDate } from '../src/core/export/export-status.ts';
import { PROGRAM_NAME, PROGRAM_VERSION } from '../src/core/program.ts';
import type { CompanyData } from '../src/core/domain/types.ts';
import type { ExportContext, ExportIssue } from '../src/core/formats/types.ts';
import type { ExportBatch, ExportConfig } from '../src/core/export/types.ts';
import { describeFormats, type FormatDescription } from '../src/core/formats/registry.ts';

const db = new ExportdeskDatabase();

/** The settle step of the transfer journal running in this worker, if any (one at a time). */
let settling: Promise<number> | null = null;

/** Starts settling the transfer journal unless it already runs; resolves with the invoice rows written. */
function settleTransfers(): Promise<number> {
  settling ??= settleTransferJournal(db).finally(() => (settling = null));
  return settling;
}

export interface RunRequest {
  configId: string;
  now: string;
  locale: string;
  selection:
    | { kind: 'invoices' }
    | {
        kind: 'period';
        from: string;
        to: string;
        includeExternal: boolean;
        onlyApproved: boolean;
        leaveOutExported: boolean;
      };
  /** Warnings the user has seen and accepted (their codes); errors always block. */
  acceptWarnings: boolean;
}

export interface PlanResponse {
  configName: string;
  targetName: string;
  dataType: string;
  summary: ExportSummary;
  overlapping: Pick<ExportBatch, 'id' | 'createdAt' | 'configName' | 'period' | 'recordCount'>[];
}

export type RunResponse =
  | {
      ok: true;
      batchId: string;
      download: { name: string; mimeType: string; bytes: Uint8Array };
      issues: ExportIssue[];
      report: string[];
    }
  | { ok: false; issues: ExportIssue[]; message: string };

type Progress = (step: string, fraction: number) => void;

async function load(request: RunRequest, progress?: Progress) {
  progress?.('Reading data', 0.05);
  // Independent reads go out together: each IndexedDB round trip costs the run a few ms.
  const [config, templates, master] = await Promise.all([
    db.exportConfigs.get(request.configId),
    db.templates.toArray(),
    readMasterData(db),
  ]);
  if (!config) throw new Error('That export is no longer configured.');
  const target = resolveTarget(config, templates);
  if (!master) throw new Error('There is no company in this browser.');
  const today = request.now.slice(0, 10);
  const data: CompanyData = { ...master };
  let selection: RecordSelection;
  let overlapping: ExportBatch[] = [];
  const context: ExportContext = {
    now: request.now,
    locale: request.locale,
    programName: PROGRAM_NAME,
    programVersion: PROGRAM_VERSION,
    ...(request.selection.kind === 'period'
      ? { period: { from: request.selection.from, to: request.selection.to } }
      : {}),
  };
  let periodPlan: ExportPlan | null = null;
  if (request.selection.kind === 'invoices') {
    const last = invoiceDateLimitDate(config.invoiceDateLimit, today) ?? '9999-99-99';
    data.invoices = await toTransferInvoices(db, last);
    selection = { kind: 'invoices', today };
  } else {
    const { from, to } = request.selection;
    overlapping = await withRecordKeys(
      db,
      overlappingBatches(await db.exportBatches.toArray(), target.format.dataType, from, to),
    );
    const period: PeriodSelection = {
      kind: 'period',
      from,
      to,
      includeExternal: request.selection.includeExternal,
      onlyApproved: request.selection.onlyApproved,
      ...(request.selection.leaveOutExported ? { exclude: exportedKeys(overlapping) } : {}),
    };
    selection = period;
    // Chunk by chunk when the format can (layout templates over time records and expenses),
    // so only one chunk of records is alive; see src/core/export/period-stream.ts.
    const reader = periodRecordReader(db, target.format.dataType, from, to);
    periodPlan = await planPeriodExport(data, target.format, config, target.settings, period, context, reader, {
      chunk: (read) => progress?.('Reading and checking', 0.05 + 0.15 * read),
      checking: () => progress?.('Checking', 0.2),
    });
  }
  if (!periodPlan) progress?.('Checking', 0.2);
  const plan = periodPlan ?? planExport(data, target.format, config, target.settings, selection, context);
  plan.summary.issues.unshift(...target.issues);
  return { config, target, plan, context, overlapping };
}

export interface ConfigDescription {
  id: string;
  name: string;
  purpose: string;
  isDefault: boolean;
  targetName: string;
  dataType: string;
  /** Why the config cannot run (unknown format, deleted template, invalid settings), or ''. */
  problem: string;
}

const api = {
  /** The formats and their declared settings, for the Settings form. */
  catalogue(): FormatDescription[] {
    return describeFormats();
  },

  /** Checks a config's settings against its format or template: field errors, empty when valid. */
  async validateConfig(config: ExportConfig): Promise<{ key: string; message: string }[]> {
    const templates = await db.templates.toArray();
    try {
      return resolveTarget(config, templates).issues.map((i) => ({ key: i.field ?? '', message: i.message }));
    } catch (error) {
      return [{ key: '', message: (error as Error).message }];
    }
  },

  async describeConfigs(): Promise<ConfigDescription[]> {
    const templates = await db.templates.toArray();
    return (await db.exportConfigs.toArray()).map((config) => {
      try {
        const target = resolveTarget(config, templates);
        return {
          id: config.id,
          name: config.name,
          purpose: config.purpose,
          isDefault: config.isDefault,
          targetName: target.format.name,
          dataType: target.format.dataType,
          problem: target.issues.map((i) => i.message).join(' '),
        };
      } catch (error) {
        return {
          id: config.id,
          name: config.name,
          purpose: config.purpose,
          isDefault: config.isDefault,
          targetName: '',
          dataType: '',
          problem: (error as Error).message,
        };
      }
    });
  },

  /**
   * Copies the transfer journal into the invoice rows (see src/db/transfer-journal.ts); the app
   * calls it at load when a closed tab left journal rows. Resolves when nothing is left.
   */
  settleTransfers,

  async plan(request: RunRequest): Promise<PlanResponse> {
    const { config, target, plan, overlapping } = await load(request);
    return {
      configName: config.name,
      targetName: target.format.name,
      dataType: target.format.dataType,
      summary: plan.summary,
      overlapping: overlapping.map((b) => ({
        id: b.id,
        createdAt: b.createdAt,
        configName: b.configName,
        period: b.period,
        recordCount: b.recordCount,
      })),
    };
  },

  async run(request: RunRequest, progress?: Progress): Promise<RunResponse> {
    const { config, target, plan, context } = await load(request, progress);
    const warnings = plan.summary.issues.filter((i) => i.severity === 'warning');
    if (warnings.length > 0 && !request.acceptWarnings)
      return { ok: false, issues: plan.summary.issues, message: 'Accept the warnings to run the export.' };
    try {
      progress?.('Generating files', 0.35);
      const result = await generateExport(plan, target.format, config, target.settings, context, () =>
        crypto.randomUUID(),
      );
      progress?.('Storing the batch', 0.85);
      await commitExportBatch(
        db,
        result.batch,
        result.files,
        result.files.length > 1 ? result.download : null,
        result.recordKeysJson,
      );
      progress?.('Done', 1);
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
      if (error instanceof ExportBlockedError) return { ok: false, issues: error.issues, message: error.message };
      throw error;
    }
  },
};

export type ExportWorkerApi = typeof api;
Comlink.expose(api);
