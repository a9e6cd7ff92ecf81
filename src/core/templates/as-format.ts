/**
 * A template seen as a format, so the export pipeline runs it like a built-in one (same
 * `ExportResult`, files held back when an error was found). Templates have no settings of
 * their own in the Settings form: everything lives in the template.
 */
import type { CompanyData } from '../domain/types.ts';
import type { ExportContext, ExportResult, FormatDataType, FormatDefinition } from '../formats/types.ts';
import { renderTemplate, type TemplateRenderContext } from './render.ts';
import type { ExportTemplate, TemplateDataType } from './types.ts';

/** Which records the pipeline narrows for a template's data type. */
const PIPELINE_DATA_TYPE: Record<TemplateDataType, FormatDataType> = {
  customers: 'customers',
  expenses: 'claims',
  invoices: 'invoices',
  invoicesByAccount: 'invoices',
  projects: 'customers',
  timeRecords: 'timeRecords',
  timeRecordsGrouped: 'timeRecords',
  users: 'customers',
};

export function runTemplateExport(template: ExportTemplate, data: CompanyData, context: TemplateRenderContext): ExportResult {
  const result = renderTemplate(template, data, context);
  const blocked = result.issues.some((i) => i.severity === 'error');
  const report = result.files.map((f) => `${f.name}: ${f.recordCount} records, ${f.bytes.length} bytes (template "${template.name}")`);
  return { files: blocked ? [] : result.files, issues: result.issues, report };
}

export function templateAsFormat(template: ExportTemplate, id = `template:${template.name}`): FormatDefinition {
  // A template's only complete check is rendering it, so pre-flight renders and generate
  // reuses that result for the same data and clock instead of rendering twice.
  const rendered = new WeakMap<CompanyData, { now: string; result: ExportResult }>();
  const run = (data: CompanyData, context: ExportContext) => {
    const cached = rendered.get(data);
    if (cached && cached.now === context.now) return cached.result;
    const result = runTemplateExport(template, data, context);
    rendered.set(data, { now: context.now, result });
    return result;
  };
  return {
    id,
    name: template.name,
    country: 'INT',
    purpose: 'other',
    dataType: PIPELINE_DATA_TYPE[template.dataType],
    fileKind:
      template.kind === 'layout'
        ? template.layout === 'fixed-width'
          ? 'fixed-width'
          : 'csv'
        : template.fileExtension.toLowerCase() || 'txt',
    defaultEncoding: template.encoding,
    specUrl: '',
    settings: [],
    preflight: (data, _settings, context) => run(data, context).issues,
    generate: (data, _settings, context) => run(data, context),
  };
}
