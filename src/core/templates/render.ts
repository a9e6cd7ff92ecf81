/**
 * Rendering a template into export files: the same call serves a real export and the
 * editor's "Test template" (`sampleSize`: only the first N records). Nothing is thrown for a
 * bad template or bad data: every problem comes back as an issue (with template line and
 * column for template errors, output line and column for characters the encoding lacks).
 */
import { templateFileName, templateNameIssues } from '../export/file-names.ts';
import type { CompanyData } from '../domain/types.ts';
import { encodeFile } from '../formats/builders/encode-file.ts';
import type { IssueRecord } from '../formats/builders/field-format.ts';
import type { ExportContext, ExportFile, ExportIssue } from '../formats/types.ts';
import { issue } from '../formats/issues.ts';
import { DATA_TYPES, type DatasetRow, type RowRecord } from './data-types/index.ts';
import { buildLayoutText, layoutRows } from './layout.ts';
import { errorIssue, isLiquidFailure, LiquidColumns } from './liquid-columns.ts';
import { ledgerScope } from './ledger-scope.ts';
import {
  createLiquid,
  DEFAULT_LIMITS,
  LimitedEmitter,
  renderInto,
  toTemplateError,
  type RenderSession,
  type TemplateError,
  type TemplateLimits,
} from './liquid-engine.ts';
import { templateScope } from './scope.ts';
import { fillSieChecksum } from './sie-checksum.ts';
import type { ExportTemplate, LayoutTemplate, TextTemplate } from './types.ts';

export interface TemplateRenderContext extends ExportContext {
  limits?: { renderMs?: number; outputBytes?: number };
  /** "Test template": only the first N records (invoices, claims, customers, ... ; grouped time records: N groups). */
  sampleSize?: number;
}

export interface TemplateRenderResult {
  /** Empty when an error was found. */
  files: ExportFile[];
  issues: ExportIssue[];
  /** The rendered text (what the file holds, decoded), also when errors kept the file back. */
  text: string;
  /** The template error that stopped rendering, with its line and column, when there was one. */
  templateError?: TemplateError;
}

const MIME_TYPES: Record<string, string> = { csv: 'text/csv', xml: 'application/xml', json: 'application/json' };

export function templateMimeType(template: Pick<ExportTemplate, 'fileExtension'>): string {
  return MIME_TYPES[template.fileExtension.replace(/^\./, '').toLowerCase()] ?? 'text/plain';
}

/** Template file names are built and checked in export/file-names.ts, the one gate for names from data. */
export { templateFileName, templateNameIssues } from '../export/file-names.ts';

/** The text grew past `outputBytes` (checked on the text, before encoding). */
export function textLimitIssue(limits: Pick<TemplateLimits, 'outputBytes'>): ExportIssue {
  return issue('error', 'template-limit', { limit: limits.outputBytes });
}

/** The encoded file is larger than `outputBytes`. */
export function fileLimitIssue(size: number, limits: Pick<TemplateLimits, 'outputBytes'>): ExportIssue {
  return issue('error', 'template-limit', { limit: limits.outputBytes, size });
}

export function limitsOf(context: Pick<TemplateRenderContext, 'limits'>): TemplateLimits {
  return {
    ...DEFAULT_LIMITS,
    renderMs: context.limits?.renderMs ?? DEFAULT_LIMITS.renderMs,
    outputBytes: context.limits?.outputBytes ?? DEFAULT_LIMITS.outputBytes,
  };
}

/** The data a template reads, narrowed to the sample when testing. Invoice-based types sample invoices, so joins stay whole. */
function sampledData(template: ExportTemplate, data: CompanyData, sampleSize: number | undefined): CompanyData {
  if (sampleSize === undefined) return data;
  const n = Math.max(0, Math.floor(sampleSize));
  switch (template.dataType) {
    case 'invoices':
    case 'invoicesByAccount':
      return { ...data, invoices: data.invoices.slice(0, n) };
    case 'expenses':
      return { ...data, claims: data.claims.slice(0, n) };
    default:
      return data;
  }
}

function sampledRows(template: ExportTemplate, rows: DatasetRow[], sampleSize: number | undefined): DatasetRow[] {
  if (sampleSize === undefined || ['invoices', 'invoicesByAccount', 'expenses'].includes(template.dataType))
    return rows;
  return rows.slice(0, Math.max(0, Math.floor(sampleSize)));
}

function recordsMap(rows: readonly DatasetRow[], recordOf: (row: DatasetRow) => RowRecord): WeakMap<object, RowRecord> {
  const map = new WeakMap<object, RowRecord>();
  for (const row of rows) {
    const record = recordOf(row);
    map.set(row, record);
    for (const value of Object.values(row)) {
      if (Array.isArray(value))
        for (const item of value) if (item && typeof item === 'object') map.set(item as object, record);
    }
  }
  return map;
}

interface Rendered {
  text: string;
  lineRecords?: readonly (IssueRecord | undefined)[];
  issues: ExportIssue[];
  error?: TemplateError;
}

function renderText(
  template: TextTemplate,
  data: CompanyData,
  rows: DatasetRow[],
  context: TemplateRenderContext,
  fileName: string,
  limits: TemplateLimits,
): Rendered {
  const definition = DATA_TYPES[template.dataType];
  const session: RenderSession = {
    issues: [],
    emitter: new LimitedEmitter(limits.outputBytes),
    records: recordsMap(rows, definition.recordOf),
  };
  const liquid = createLiquid(template, limits, session);
  const scope = templateScope(template, rows, data, context, fileName);
  if (template.dataType === 'invoices') {
    const ledger = ledgerScope(data, rows, template.dataOptions.ledger);
    scope.ledger = ledger;
    // Issues raised inside a voucher loop name the invoice too.
    (ledger.vouchers as DatasetRow[]).forEach((voucher, i) => {
      const record = definition.recordOf(rows[i]!);
      session.records.set(voucher, record);
      for (const row of voucher.rows as object[]) session.records.set(row, record);
    });
  }
  try {
    const parsed = liquid.parse(template.content);
    renderInto(liquid, parsed, scope, session);
  } catch (e) {
    const error = toTemplateError(e, limits);
    return { text: session.emitter.buffer, issues: [...session.issues, errorIssue(error)], error };
  }
  // Line breaks of the template text itself may be CRLF (pasted from Windows); the setting decides.
  let text = session.emitter.buffer.replace(/\r\n?/g, '\n');
  const issues = [...session.issues];
  if (template.postProcess === 'sie-ksumma') {
    const filled = fillSieChecksum(text, template.encoding);
    if (filled.error) issues.push(issue('error', 'template-error', { problem: filled.error }));
    text = filled.text;
  }
  if (template.lineBreak === 'windows') text = text.replace(/\n/g, '\r\n');
  return { text, issues };
}

function renderLayout(
  template: LayoutTemplate,
  data: CompanyData,
  rows: DatasetRow[],
  context: TemplateRenderContext,
  fileName: string,
  limits: TemplateLimits,
): Rendered {
  const definition = DATA_TYPES[template.dataType];
  if (template.rowsFrom === 'lines' && definition.listField !== 'lines')
    return {
      text: '',
      issues: [issue('error', 'template-rows-without-lines', { dataType: definition.label })],
    };
  const lineRows = layoutRows(template, data, rows, definition.recordOf);
  const issues: ExportIssue[] = [];
  const columns = LiquidColumns.open(template, data, context, fileName, limits, issues);
  if (isLiquidFailure(columns)) return { text: '', issues: columns.issues, error: columns.error };
  const written = columns ? columns.write(lineRows) : lineRows;
  if (isLiquidFailure(written)) return { text: '', issues: written.issues, error: written.error };
  const built = buildLayoutText(template, written);
  if (built.text.length > limits.outputBytes)
    return {
      text: '',
      issues: [textLimitIssue(limits)],
    };
  return { text: built.text, lineRecords: built.lineRecords, issues: [...issues, ...built.issues] };
}

export function renderTemplate(
  template: ExportTemplate,
  data: CompanyData,
  context: TemplateRenderContext,
): TemplateRenderResult {
  const limits = limitsOf(context);
  const definition = DATA_TYPES[template.dataType];
  const sample = sampledData(template, data, context.sampleSize);
  const rows = sampledRows(
    template,
    definition.build(sample, { ...template.dataOptions, ...(context.period ? { period: context.period } : {}) }),
    context.sampleSize,
  );
  const nameIssues = templateNameIssues(template, context);
  if (nameIssues.length > 0) return { files: [], issues: nameIssues, text: '' };
  const fileName = templateFileName(template, context);
  const rendered =
    template.kind === 'text'
      ? renderText(template, sample, rows, context, fileName, limits)
      : renderLayout(template, sample, rows, context, fileName, limits);
  const result: TemplateRenderResult = { files: [], issues: rendered.issues, text: rendered.text };
  if (rendered.error) result.templateError = rendered.error;
  if (rendered.error) return result;
  const encoded = encodeFile({
    name: fileName,
    mimeType: templateMimeType(template),
    text: rendered.text,
    encoding: template.encoding,
    recordCount: rows.length,
    controlTotals: definition.controlTotals(rows),
    ...(rendered.lineRecords ? { lineRecords: rendered.lineRecords } : {}),
  });
  result.issues = [...result.issues, ...encoded.issues];
  if (encoded.file && encoded.file.bytes.length > limits.outputBytes) {
    result.issues.push(fileLimitIssue(encoded.file.bytes.length, limits));
  } else if (encoded.file && !result.issues.some((i) => i.severity === 'error')) {
    result.files = [encoded.file];
  }
  return result;
}
