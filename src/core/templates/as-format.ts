/**
 * A template seen as a format, so the export pipeline runs it like a built-in one (same
 * `ExportResult`, files held back when an error was found). Templates have no settings of
 * their own in the Settings form: everything lives in the template.
 *
 * `chunked` is offered for the templates layout-stream.ts renders chunk by chunk (layout
 * templates over time records and expenses); pre-flight of a template is its render, as the
 * contract of `chunked` asks. Before the render's issues come the template's own field problems
 * (check.ts `templateFieldIssues`): an unknown layout field path is an error that holds the file back.
 */
import type { CompanyData } from '../domain/types.ts';
import type { ExportContext, ExportFile, ExportIssue, ExportResult, FormatDefinition } from '../formats/types.ts';
import { openLayoutStream } from './layout-stream.ts';
import { renderTemplate, type TemplateRenderContext } from './render.ts';
import { buildOncePerData } from '../formats/kit/build-once.ts';
import { templateFieldIssues } from './check.ts';
import { checkInvoiceRecords } from '../ledger/invoice-checks.ts';
import { templateFormatInfo } from './format-info.ts';
import type { ExportTemplate } from './types.ts';

const NO_SETTINGS = {};

export function runTemplateExport(
  template: ExportTemplate,
  data: CompanyData,
  context: TemplateRenderContext,
): ExportResult {
  const rendered = renderTemplate(template, data, context);
  const fields = templateFieldIssues(template);
  // A refused file name is among the field issues already (the render stops at it too).
  const renderIssues = rendered.issues.filter((i) => !i.code.startsWith('file-name-'));
  if (templateFormatInfo(template).dataType !== 'invoices')
    return exportResultOf(template, { files: rendered.files, issues: [...fields, ...renderIssues] });
  // What a template can write without is its own business; an invoice without number is never exportable.
  const records = checkInvoiceRecords(data, { linesRequired: false });
  return exportResultOf(template, {
    files: rendered.files,
    issues: [...fields, ...records, ...renderIssues],
  });
}

function exportResultOf(
  template: ExportTemplate,
  result: { files: ExportFile[]; issues: ExportIssue[] },
): ExportResult {
  const blocked = result.issues.some((i) => i.severity === 'error');
  const report = result.files.map(
    (f) => `${f.name}: ${f.recordCount} records, ${f.bytes.length} bytes (template "${template.name}")`,
  );
  return { files: blocked ? [] : result.files, issues: result.issues, report };
}

export function templateAsFormat(template: ExportTemplate, id = `template:${template.name}`): FormatDefinition {
  // A template's only complete check is rendering it; build-once keeps that render for generate.
  const render = buildOncePerData((data, _settings, context) => runTemplateExport(template, data, context));
  const run = (data: CompanyData, context: ExportContext) => render(data, NO_SETTINGS, context);
  return {
    ...templateFormatInfo(template, id),
    preflight: (data, _settings, context) => run(data, context).issues,
    generate: (data, _settings, context) => run(data, context),
    chunked: (master, _settings, context) => {
      const stream = openLayoutStream(template, master, context);
      if (!stream) return null;
      return {
        add: (records) => stream.add(records),
        finish: async () => {
          const result = await stream.finish();
          return (
            result &&
            exportResultOf(template, {
              files: result.files,
              issues: [...templateFieldIssues(template), ...result.issues],
            })
          );
        },
      };
    },
  };
}
