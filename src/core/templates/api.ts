/**
 * What the template editor's worker (workers/template-worker.ts) takes and answers: the types
 * the page imports, kept here so the UI never imports from workers/.
 */
import type { IsoDate } from '../domain/types.ts';
import type { ExportIssue } from '../formats/types.ts';
import type { ExportTemplate, FieldDoc, LayoutTemplate, TemplateDataType, TemplateError } from './index.ts';

export interface TestRequest {
  source: 'real' | 'demo';
  sampleSize: number;
  /** Local time of the page (`yyyy-MM-ddTHH:mm:ss`); the demo company is dated up to its day. */
  now: string;
  locale: string;
  period?: { from: IsoDate; to: IsoDate };
}

export interface TestResponse {
  /** The output as the file holds it, decoded (line breaks kept). */
  text: string;
  issues: ExportIssue[];
  fileName: string;
  /** Size of the encoded file; 0 when errors kept the file back. */
  byteLength: number;
  recordCount: number;
  /** The error that stopped rendering, with its template line and column. */
  templateError?: TemplateError;
}

export interface FieldReference {
  label: string;
  description: string;
  /** The fields of one row (with `rowsFrom: 'lines'`: one invoice line). */
  rowFields: FieldDoc[];
  /** What every template sees besides the rows. */
  scopeFields: FieldDoc[];
}

export interface Catalogue {
  layouts: { formatId: string; name: string; complete: boolean }[];
  texts: { formatId: string; name: string }[];
  dataTypes: { id: TemplateDataType; label: string }[];
  encodings: { name: string; label: string }[];
}

/** A stored-template operation's answer: a value, or what to fix (never a throw). */
export type StoreResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/**
 * The template worker's methods, as the page calls them through src/ui/template-worker-client.ts.
 * All answer promises: the worker loads the code behind most of them on their first call.
 */
export interface TemplateWorkerApi {
  /**
   * Syntax errors, unknown filters and unknown variables of a Liquid text, with line and column;
   * unknown paths under known variables as warnings (`warning: true`, with a suggestion).
   */
  check(text: string, dataType: TemplateDataType, knownNames?: string[]): Promise<TemplateError[]>;
  /** Problems of each column of a layout, by column index: unknown field paths, Liquid errors and warnings. */
  checkColumns(template: LayoutTemplate): Promise<{ index: number; errors: TemplateError[] }[]>;
  /** "Test template": the (possibly unsaved) template rendered on the first N records. */
  render(template: ExportTemplate, request: TestRequest): Promise<TestResponse>;
  /** What the editor offers: built-ins to copy, data types, encodings. */
  catalogue(): Promise<Catalogue>;
  /** A copy of a built-in, or null for an unknown id. */
  newFromBuiltIn(kind: 'layout' | 'text', formatId: string, name?: string): Promise<ExportTemplate | null>;
  read(id: string): Promise<StoreResult<ExportTemplate>>;
  save(template: ExportTemplate, id: string | null): Promise<StoreResult<string>>;
  rename(id: string, name: string): Promise<StoreResult<string>>;
  duplicate(id: string): Promise<StoreResult<string>>;
  remove(id: string): Promise<StoreResult<string>>;
  importFile(text: string): Promise<StoreResult<string>>;
  exportFile(id: string): Promise<StoreResult<{ fileName: string; text: string }>>;
  fieldReference(dataType: TemplateDataType, rowsFrom?: '' | 'lines'): Promise<FieldReference>;
}
