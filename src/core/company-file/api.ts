/**
 * What the page and the data worker (workers/data-worker.ts) say to each other: whole-company
 * work (the demo company, backup and restore). The type lives in the pure core so that the UI
 * never imports from workers/.
 */

export interface LoadDemoOptions {
  country: 'NO' | 'SE';
  /** The day the demo is made (ISO date); everything is dated in the 12 months up to it. */
  today: string;
  /** Exactly this many time records; the demo's default when left out (or 0). */
  timeRecords?: number;
}

export type RestoreResult = { ok: true } | { ok: false; errors: string[] };

export interface DataWorkerApi {
  /** Replaces the stored company with the generated demo company and its export configs. */
  loadDemo(options: LoadDemoOptions): Promise<{ invoices: number; timeRecords: number }>;
  /** Returns the errors that make the file unreadable; nothing is changed then. */
  restore(text: string): Promise<RestoreResult>;
  /** The stored company as a backup file's text, or null when there is none. */
  backup(): Promise<string | null>;
}
