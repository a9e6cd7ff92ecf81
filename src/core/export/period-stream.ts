/**
 * A period export (time records or claims) planned and generated chunk by chunk, so that a
 * million time records are never alive at once: the caller reads the period's records in
 * chunks, in the order a whole export reads them (the `date` index: by date, then by key),
 * and hands each to `add`; `finish` returns the same `ExportPlan` that `planExport` over all
 * the records returns (summary, issues, keys) plus the generated result, so `generateExport`
 * then writes the same batch and bytes without calling the format again.
 *
 * Streams: formats that offer `chunked` (layout templates over time records and expenses,
 * see src/core/templates/layout-stream.ts). Everything else takes the whole path (read all
 * records, `planExport`): text (Liquid) templates and grouped data types need every record at
 * once, and the built-in payroll formats do not offer `chunked` (several sum per employee or
 * wage code over the period; a one-line-per-record one could add it). `openPeriodExportStream`
 * returns null for them, and `finish` returns null when a run must take the whole path after
 * all (see layout-stream.ts); the caller then reads all records and calls `planExport`.
 *
 * Pre-flight (the run dialog's check) is the same stream: a template's pre-flight is its render.
 */
import type { Claim, CompanyData, TimeRecord } from '../domain/types.ts';
import type { ChunkedGeneration, ExportContext, FormatDefinition, FormatSettings } from '../formats/types.ts';
import {
  genericIssues,
  PeriodTally,
  planExport,
  recordKeys,
  selectRecords,
  type ExportPlan,
  type RecordSelection,
} from './pipeline.ts';
import type { ExportConfig } from './types.ts';

export type PeriodSelection = Extract<RecordSelection, { kind: 'period' }>;

/** One chunk of the period's records (only the list of the export's data type is read). */
export interface PeriodChunk {
  timeRecords?: readonly TimeRecord[];
  claims?: readonly Claim[];
}

/** Where a period's records come from (src/db/period-records.ts reads them from IndexedDB). */
export interface PeriodReader {
  /**
   * Hands the period's records to `take` in chunks, in the order `all` returns them, with the
   * share read so far; stops when `take` returns false. Resolves true when all were handed over.
   */
  chunks(take: (chunk: PeriodChunk, fractionRead: number) => boolean): Promise<boolean>;
  /** All the period's records at once. */
  all(): Promise<PeriodChunk>;
}

/**
 * The plan of a period export: chunk by chunk when the format can, else (or when the chunked
 * run gave up) over all records read at once, exactly as `planExport` has always made it.
 */
export async function planPeriodExport(
  master: CompanyData,
  format: FormatDefinition,
  config: ExportConfig,
  settings: FormatSettings,
  selection: PeriodSelection,
  context: ExportContext,
  reader: PeriodReader,
  progress?: PeriodProgress,
): Promise<ExportPlan> {
  const chunked = await planChunked(master, format, config, settings, selection, context, reader, progress);
  if (chunked) return chunked;
  const records = await reader.all();
  const data: CompanyData = { ...master };
  if (records.timeRecords) data.timeRecords = records.timeRecords as TimeRecord[];
  if (records.claims) data.claims = records.claims as Claim[];
  progress?.checking();
  return planExport(data, format, config, settings, selection, context);
}

/** Where a period plan is: `chunk` after each chunk read and checked (streamed), `checking` when the whole path starts checking. */
export interface PeriodProgress {
  chunk(fractionRead: number): void;
  checking(): void;
}

/** The chunked plan, or null; apart so that a stream that gave up (and its bytes) is gone before the whole read. */
async function planChunked(
  ...[master, format, config, settings, selection, context, reader, progress]: Parameters<typeof planPeriodExport>
): Promise<ExportPlan | null> {
  const stream = openPeriodExportStream(master, format, config, settings, selection, context);
  if (!stream) return null;
  const complete = await reader.chunks((chunk, fractionRead) => {
    const more = stream.add(chunk);
    progress?.chunk(fractionRead);
    return more;
  });
  return complete ? await stream.finish() : null;
}

export interface PeriodExportStream {
  /** Selects, counts and renders one chunk. False: this run must take the whole path; stop reading. */
  add(chunk: PeriodChunk): boolean;
  /** The plan `planExport` makes over all added records, with `generated` set; null: take the whole path. */
  finish(): Promise<ExportPlan | null>;
}

/** A stream for a period export, or null when the format needs all records at once. `master` holds the master data. */
export function openPeriodExportStream(
  master: CompanyData,
  format: FormatDefinition,
  config: ExportConfig,
  settings: FormatSettings,
  selection: PeriodSelection,
  context: ExportContext,
): PeriodExportStream | null {
  const dataType = format.dataType;
  if (dataType !== 'timeRecords' && dataType !== 'claims') return null;
  const masterOnly: CompanyData = { ...master, invoices: [], timeRecords: [], claims: [] };
  const generation = format.chunked?.(masterOnly, settings, context) ?? null;
  if (!generation) return null;
  return new PeriodStream(masterOnly, format, config, selection, dataType, generation);
}

/**
 * The record keys, one JSON text per chunk. A million ids as strings were the largest thing
 * a stream held besides the output (about 24 MB for the bench's 8-character ids, against
 * 11 MB as JSON), and the run dialog's pre-flight never reads them; `all` makes the list when
 * the batch is built, letting each text go once read.
 */
class KeyChunks {
  private readonly texts: string[] = [];
  count = 0;

  add(keys: readonly string[]): void {
    if (keys.length === 0) return;
    this.texts.push(JSON.stringify(keys));
    this.count += keys.length;
  }

  /** The keys as one JSON array text, without making the list. */
  json(): string {
    let body = '';
    for (const text of this.texts) body += (body === '' ? '' : ',') + text.slice(1, -1);
    return `[${body}]`;
  }

  all(): string[] {
    const keys: string[] = [];
    for (let i = 0; i < this.texts.length; i++) {
      for (const key of JSON.parse(this.texts[i]!) as string[]) keys.push(key);
      this.texts[i] = '';
    }
    this.texts.length = 0;
    return keys;
  }
}

class PeriodStream implements PeriodExportStream {
  private readonly tally: PeriodTally;
  private readonly keys = new KeyChunks();

  constructor(
    private readonly master: CompanyData,
    private readonly format: FormatDefinition,
    private readonly config: ExportConfig,
    private readonly selection: PeriodSelection,
    dataType: 'timeRecords' | 'claims',
    private readonly generation: ChunkedGeneration,
  ) {
    this.tally = new PeriodTally(dataType);
  }

  add(chunk: PeriodChunk): boolean {
    const data: CompanyData = {
      ...this.master,
      timeRecords: (chunk.timeRecords ?? []) as TimeRecord[],
      claims: (chunk.claims ?? []) as Claim[],
    };
    const selected = selectRecords(data, this.format, this.config, this.selection);
    this.tally.add(selected);
    this.keys.add(recordKeys(selected, this.format));
    return this.generation.add(selected);
  }

  async finish(): Promise<ExportPlan | null> {
    const generated = await this.generation.finish();
    if (!generated) return null;
    const count = this.keys.count;
    const issues = [...genericIssues(this.master, this.format, count), ...generated.issues];
    const keyChunks = this.keys;
    let keys: string[] | null = null;
    return {
      data: this.master,
      summary: this.tally.summary(count, issues),
      get keys() {
        return (keys ??= keyChunks.all());
      },
      keysJson: () => (keys ? JSON.stringify(keys) : keyChunks.json()),
      generated,
    };
  }
}
