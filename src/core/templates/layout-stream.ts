/**
 * A layout template rendered chunk by chunk: the period export of a million time records
 * need not hold a million records, rows and lines at once. Each chunk's records become rows
 * (the data type's `rowsPerRecord`), Liquid columns, lines through the same shared builder,
 * and bytes right away; what is kept is the bytes, the running control totals and the issues.
 *
 * What streams (`openLayoutStream` returns a stream): a layout template (`rowsFrom` empty)
 * over a data type whose rows map the records one by one in their order, i.e. Timerecords
 * and Expenses, outside "Test template" (no `sampleSize`), and for fixed-width only a layout
 * whose widths add up. What does not (null, the caller renders all records at once with
 * `renderTemplate`): text (Liquid) templates, which see `rows` whole; Timerecords (grouped),
 * whose rows are sums over the whole period; invoice data types, which are no period export.
 *
 * Every decision below keeps the result equal to `renderTemplate` over all records at once,
 * byte for byte and issue for issue (test/core/templates/layout-stream.test.ts):
 * - Row order: the chunks arrive in the order the whole export reads the records, and the
 *   rows of concatenated records are the concatenated rows, so the lines come in the same order.
 * - The header line is written once, in front of the first piece (also when no record came).
 * - Line breaks: every piece after the first starts with the line break; the last line gets
 *   one when `finalLineBreak` is on and any line was written (`lines.join(eol) + eol`).
 * - Issues come in the whole render's order: everything the Liquid columns reported (all
 *   chunks), then everything the builder reported (all chunks).
 * - A Liquid column that throws stops the render at that row, as in the whole render; later
 *   chunks are not rendered.
 * - The output limit is checked on the running text length at the end, so a Liquid error in a
 *   later chunk still wins over it, as it does in the whole render.
 * - Fixed-width: with a sound layout `fitField` gives each field exactly its width, so the
 *   builder's "Record n is k characters long" (n counted in the whole file) cannot happen;
 *   should it anyway, the stream gives up (below).
 * - Encoding: piece by piece, the byte-order mark only in the first piece. A character the
 *   encoding cannot hold makes the stream give up (`finish` → null): its issue names the line
 *   in the whole file and the whole render counts up to 1000 of them, so the caller renders
 *   all records at once instead. Such an export is blocked anyway (it writes no file).
 */
import type { CompanyData } from '../domain/types.ts';
import { encodeIfHeld, encodeText } from '../encoding/text-encoding.ts';
import { lineBreak } from '../formats/builders/delimited.ts';
import { checkFixedWidthLayout } from '../formats/builders/fixed-width.ts';
import type { ExportFile, ExportIssue } from '../formats/types.ts';
import { DATA_TYPES, type DataTypeDefinition, type DatasetRow, type TotalsAccumulator } from './data-types/index.ts';
import { buildLayoutText, fixedWidthLayoutOf, type LayoutRow } from './layout.ts';
import { isLiquidFailure, LiquidColumns, type LiquidFailure } from './liquid-columns.ts';
import type { TemplateLimits } from './liquid-engine.ts';
import {
  fileLimitIssue,
  limitsOf,
  templateFileName,
  templateNameIssues,
  templateMimeType,
  textLimitIssue,
  type TemplateRenderContext,
} from './render.ts';
import type { ExportTemplate, LayoutTemplate } from './types.ts';
import { pushAll } from '../push-all.ts';

export interface LayoutStreamResult {
  /** Empty when an error was found. */
  files: ExportFile[];
  issues: ExportIssue[];
}

export interface LayoutStream {
  /** Renders the rows of these records (`timeRecords` or `claims`). False: the stream gave up; `finish` returns null. */
  add(records: CompanyData): boolean;
  /** What `renderTemplate` over all added records returns (files and issues); null when the stream gave up. */
  finish(): Promise<LayoutStreamResult | null>;
}

/** Whether a template renders chunk by chunk; the reason is in the module comment. */
export function isStreamableTemplate(
  template: ExportTemplate,
  context: Pick<TemplateRenderContext, 'sampleSize'> = {},
): boolean {
  if (template.kind !== 'layout' || template.rowsFrom !== '' || context.sampleSize !== undefined) return false;
  const definition = DATA_TYPES[template.dataType];
  if (!definition.rowsPerRecord || !definition.totalsAccumulator) return false;
  return template.layout !== 'fixed-width' || checkFixedWidthLayout(fixedWidthLayoutOf(template)).length === 0;
}

/** A stream for `template`, or null when it needs all records at once. `master` is the master data. */
export function openLayoutStream(
  template: ExportTemplate,
  master: CompanyData,
  context: TemplateRenderContext,
): LayoutStream | null {
  if (template.kind !== 'layout' || !isStreamableTemplate(template, context)) return null;
  // A refused file name is reported by the whole render, as its issue.
  if (templateNameIssues(template, context).length > 0) return null;
  return new LayoutStreamRun(template, master, context);
}

class LayoutStreamRun implements LayoutStream {
  private readonly definition: DataTypeDefinition;
  private readonly rowsOf: (records: CompanyData) => DatasetRow[];
  private readonly totals: TotalsAccumulator;
  private readonly limits: TemplateLimits;
  private readonly fileName: string;
  private readonly eol: string;
  private readonly liquidIssues: ExportIssue[] = [];
  private readonly builtIssues: ExportIssue[] = [];
  private readonly columns: LiquidColumns | null;
  private failure: LiquidFailure | null = null;
  private gaveUp = false;
  private headerPending: boolean;
  private lineCount = 0;
  private rowCount = 0;
  private textLength = 0;
  private readonly pieces: Uint8Array[] = [];
  /** The bytes `encodeText` puts in front of any text (a byte-order mark), written once. */
  private readonly bomLength: number;

  constructor(
    private readonly template: LayoutTemplate,
    master: CompanyData,
    context: TemplateRenderContext,
  ) {
    this.definition = DATA_TYPES[template.dataType];
    const options = { ...template.dataOptions, ...(context.period ? { period: context.period } : {}) };
    this.rowsOf = this.definition.rowsPerRecord!(master, options);
    this.totals = this.definition.totalsAccumulator!();
    this.limits = limitsOf(context);
    this.fileName = templateFileName(template, context);
    this.eol = lineBreak(template.lineBreak === 'windows' ? 'CRLF' : 'LF');
    this.headerPending = template.layout === 'delimited' && template.headerRow;
    this.bomLength = encodeText('', template.encoding).length;
    const columns = LiquidColumns.open(template, master, context, this.fileName, this.limits, this.liquidIssues);
    if (isLiquidFailure(columns)) {
      this.failure = columns;
      this.columns = null;
    } else {
      this.columns = columns;
    }
  }

  add(records: CompanyData): boolean {
    if (this.gaveUp) return false;
    // The rows still count (recordCount, totals) after a Liquid error, as in the whole render.
    const rows = this.rowsOf(records);
    this.rowCount += rows.length;
    this.totals.add(rows);
    if (this.failure) return true;
    const lineRows: LayoutRow[] = rows.map((row) => ({ row, record: this.definition.recordOf(row) }));
    const written = this.columns ? this.columns.write(lineRows) : lineRows;
    if (isLiquidFailure(written)) {
      this.failure = written;
      return true;
    }
    this.write(written);
    return !this.gaveUp;
  }

  private write(rows: readonly LayoutRow[]): void {
    const built = buildLayoutText({ ...this.template, headerRow: this.headerPending, finalLineBreak: false }, rows);
    this.headerPending = false;
    if (built.issues.some((i) => i.code === 'record-length')) {
      this.gaveUp = true;
      return;
    }
    pushAll(this.builtIssues, built.issues);
    if (built.lineRecords.length === 0) return;
    const text = this.lineCount > 0 ? this.eol + built.text : built.text;
    this.lineCount += built.lineRecords.length;
    this.textLength += text.length;
    if (!this.pushBytes(text)) this.gaveUp = true;
  }

  /** Encodes and keeps a piece; false when the encoding cannot hold some character of it. */
  private pushBytes(text: string): boolean {
    const bytes = encodeIfHeld(text, this.template.encoding);
    if (!bytes) return false;
    this.pieces.push(this.pieces.length === 0 ? bytes : bytes.subarray(this.bomLength));
    return true;
  }

  async finish(): Promise<LayoutStreamResult | null> {
    if (this.gaveUp) return null;
    if (this.failure) return { files: [], issues: this.failure.issues };
    if (this.headerPending) this.write([]);
    if (this.gaveUp) return null;
    if (this.lineCount > 0 && this.template.finalLineBreak) {
      this.textLength += this.eol.length;
      this.pushBytes(this.eol);
    }
    if (this.textLength > this.limits.outputBytes) return { files: [], issues: [textLimitIssue(this.limits)] };
    if (this.pieces.length === 0) this.pushBytes('');
    const issues = [...this.liquidIssues, ...this.builtIssues];
    const bytes = await concatenate(this.pieces);
    if (bytes.length > this.limits.outputBytes)
      return { files: [], issues: [...issues, fileLimitIssue(bytes.length, this.limits)] };
    if (issues.some((i) => i.severity === 'error')) return { files: [], issues };
    const file: ExportFile = {
      name: this.fileName,
      mimeType: templateMimeType(this.template),
      bytes,
      recordCount: this.rowCount,
      controlTotals: this.totals.totals(),
    };
    return { files: [file], issues };
  }
}

/**
 * The pieces as one array of the exact size (the worker transfers its buffer whole). Through a
 * Blob: the pieces' bytes move to the blob store and come back as one buffer, so the pieces
 * and the whole file are never both held by the worker's heap. Copying them into a new array
 * held both for a moment: twice the output, the peak of a 1M-record export (3.0× its size).
 */
async function concatenate(pieces: Uint8Array[]): Promise<Uint8Array> {
  if (pieces.length === 1) return pieces.pop()!;
  const blob = new Blob(pieces as Uint8Array<ArrayBuffer>[]);
  pieces.length = 0;
  return new Uint8Array(await blob.arrayBuffer());
}
