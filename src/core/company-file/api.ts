/**
 * What the page and the data worker (workers/data-worker.ts) say to each other: whole-company
 * work (the demo company, backup and restore). The type lives in the pure core so that the UI
 * never imports from workers/.
 */
import type { ClaimTotals, InvoiceTotals, TimeRecordTotals, TotalsFilter } from '../domain/record-totals.ts';
import type { CompanyFileIssue } from './file-issues.ts';

import type { OverviewFigures } from '../domain/overview.ts';
import type { IsoDate } from '../domain/types.ts';
export interface LoadDemoOptions {
  country: 'NO' | 'SE';
  /** The day the demo is made (ISO date); everything is dated in the 12 months up to it. */
  today: string;
  /** Exactly this many time records; the demo's default when left out (or 0). */
  timeRecords?: number;
}

/** A restore's phases, in this order: the file's bytes, the records' check, the database write. */
export const RESTORE_PHASES = ['reading', 'checking', 'writing'] as const;
export type RestorePhase = (typeof RESTORE_PHASES)[number];

/** Progress within a phase: bytes read, records checked, records written, out of `total`. */
export type RestoreProgress = (phase: RestorePhase, done: number, total: number) => void;

/**
 * `cancelled`: Cancel was pressed and the database is as it was. `errors`: the file is unreadable
 * or the database refused it, e.g. a full disk (nothing changed then); `issues` are the same as
 * codes with the paths of the first bad values (file-issues.ts), `errors` their English text.
 * `replaced`: the backup of the company that was replaced, when asked for (`keepReplaced`).
 */
export type RestoreResult =
  | { ok: true; records: number; replaced?: string }
  | { ok: false; cancelled: true; errors: [] }
  | { ok: false; cancelled?: false; errors: string[]; issues: CompanyFileIssue[] };

export interface RestoreOptions {
  /**
   * Back up the stored company before it is replaced (once the file has passed its check) and
   * return it as `replaced`, so the page can download it: a restore over a company never loses it.
   */
  keepReplaced?: boolean;
}

export interface BackupOptions {
  /** Also the bytes of every exported file of the history (base64 in `exportFiles`). */
  includeFiles?: boolean;
}

export interface DataWorkerApi {
  /** Replaces the stored company with the generated demo company and its export configs. */
  loadDemo(options: LoadDemoOptions): Promise<{ invoices: number; timeRecords: number }>;
  /**
   * Reads, checks and stores a backup file (a File/Blob: passed by reference, read in the
   * worker). Returns the errors that make the file unreadable; nothing is changed then.
   */
  restore(file: Blob, onProgress?: RestoreProgress, options?: RestoreOptions): Promise<RestoreResult>;
  /** Cancels the running restore at its next step; its transaction is aborted, nothing is stored. */
  cancelRestore(): void;
  /** The stored company as a backup file's text, or null when there is none. */
  backup(options?: BackupOptions): Promise<string | null>;
  /** Whether a company is stored (a restore then replaces it, after a confirmation). */
  hasCompany(): Promise<boolean>;
  /** The Total of each list over the rows its filters select (src/db/record-totals.ts). */
  invoiceTotals(filter: TotalsFilter): Promise<InvoiceTotals>;
  timeRecordTotals(filter: TotalsFilter): Promise<TimeRecordTotals>;
  claimTotals(filter: TotalsFilter): Promise<ClaimTotals>;
  /** The Overview page's figures as of `today` (src/db/overview.ts). */
  overview(today: IsoDate): Promise<OverviewFigures>;
}
