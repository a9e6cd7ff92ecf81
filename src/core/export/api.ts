/**
 * The export worker's API (workers/export-worker.ts) as types, so that the page imports them
 * from src/core and never from workers/. The run's rules behind it are in ./run.ts.
 */
import type { IsoDate, IsoDateTime } from '../domain/types.ts';
import type { FormatDescription } from '../formats/registry.ts';
import type { ExportIssue } from '../formats/types.ts';
import type { ExportSummary } from './pipeline.ts';
import type { ExportBatch, ExportConfig } from './types.ts';

/** What a run takes: invoices waiting for export, or a period's time records or claims. */
export type RunSelectionRequest =
  | {
      kind: 'invoices';
      /** Only invoices issued in this range (the CLI's --from/--to); the page leaves it out. */
      issueDateRange?: { from: IsoDate; to: IsoDate };
    }
  | {
      kind: 'period';
      from: IsoDate;
      to: IsoDate;
      includeExternal: boolean;
      onlyApproved: boolean;
      leaveOutExported: boolean;
    };

export interface RunRequest {
  configId: string;
  /** The page's local time, `yyyy-MM-ddTHH:mm:ss`. */
  now: IsoDateTime;
  locale: string;
  selection: RunSelectionRequest;
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
  /** Not run: `warnings` when the warnings were not accepted, `blocked` when errors stop it. */
  | { ok: false; issues: ExportIssue[]; reason: 'warnings' | 'blocked' };

export interface ConfigDescription {
  id: string;
  name: string;
  purpose: string;
  isDefault: boolean;
  targetName: string;
  dataType: string;
  /** Its format is a period export of invoices (SAF-T): run from the SAF-T page, not with the invoice exports. */
  periodExport?: true;
  /** Why the config cannot run (unknown format, deleted template, invalid settings), or ''. */
  problem: string;
}

/** A problem with a config's settings: the setting's key ('' for the whole config) and the issue, for the UI to word. */
export interface ConfigProblem {
  key: string;
  issue: ExportIssue;
}

/** The steps of a run, worded by the UI (`exportRun.step.<step>` in src/ui/messages.ts). */
export type RunStep = 'reading' | 'readingAndChecking' | 'checking' | 'generating' | 'storing' | 'done';

/** Where a run is: its step and the share done (0–1). */
export type RunProgress = (step: RunStep, fraction: number) => void;

export interface ExportWorkerApi {
  /** The formats and their declared settings, for the Settings form. */
  catalogue(): FormatDescription[];
  /** Checks a config's settings against its format or template: field errors, empty when valid. */
  validateConfig(config: ExportConfig): Promise<ConfigProblem[]>;
  describeConfigs(): Promise<ConfigDescription[]>;
  /**
   * Copies the transfer journal into the invoice rows (see src/db/transfer-journal.ts); the app
   * calls it at load when a closed tab left journal rows. Resolves with the rows written.
   */
  settleTransfers(): Promise<number>;
  plan(request: RunRequest): Promise<PlanResponse>;
  run(request: RunRequest, progress?: RunProgress): Promise<RunResponse>;
}
