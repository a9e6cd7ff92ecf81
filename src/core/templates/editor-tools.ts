/**
 * What the template editor asks its worker besides storage: the catalogue of built-ins, data
 * types and encodings, the field reference, Liquid checks, and "Test template". Pure: the worker
 * (workers/template-worker.ts) passes in the names a layout column may read and the reader of
 * the real sample, both from src/db.
 */
import type { CompanyData } from '../domain/types.ts';
import { TEXT_ENCODINGS } from '../encoding/text-encoding.ts';
import { issue } from '../formats/issues.ts';
import { templateFieldIssues } from './check.ts';
import { unknownColumnFields } from './known-fields.ts';
import { PROGRAM_NAME, PROGRAM_VERSION } from '../program.ts';
import type { Catalogue, FieldReference, TestRequest, TestResponse } from './api.ts';
import { lineRowFields } from './line-row-fields.ts';
import { unknownFieldText } from './liquid-engine.ts';
import {
  checkTemplate,
  copyableLayoutIds,
  copyableTextTemplateIds,
  dataTypeDefinition,
  dataTypeFields,
  FILE_NAME_ERROR_PREFIX,
  parseTemplateJson,
  renderTemplate,
  serializeTemplate,
  templateFileName,
  templateNameIssues,
  textTemplateFromBuiltIn,
  SCOPE_FIELDS,
  TEMPLATE_DATA_TYPES,
  type ExportTemplate,
  type LayoutTemplate,
  type TemplateDataType,
  type TemplateError,
} from './index.ts';

/** "Test template" runs on a sample, so these are far below the real export's limits. */
export const TEST_LIMITS = { renderMs: 5_000, outputBytes: 5_000_000 };
const DEMO_SEED = 1;

/** What the editor offers: built-ins to copy, data types, encodings. */
export function templateCatalogue(): Catalogue {
  return {
    layouts: copyableLayoutIds(),
    texts: copyableTextTemplateIds().map((formatId) => ({
      formatId,
      name: textTemplateFromBuiltIn(formatId)?.name ?? formatId,
    })),
    dataTypes: TEMPLATE_DATA_TYPES.map((id) => ({ id, label: dataTypeDefinition(id).label })),
    encodings: TEXT_ENCODINGS.map((e) => ({ name: e.name, label: e.label })),
  };
}

export function fieldReference(dataType: TemplateDataType, rowsFrom: '' | 'lines' = ''): FieldReference {
  const definition = dataTypeDefinition(dataType);
  return {
    label: rowsFrom === 'lines' ? `${definition.label}, one row per invoice line` : definition.label,
    description: definition.description,
    rowFields: rowsFrom === 'lines' ? [...lineRowFields()] : [...dataTypeFields(dataType)],
    scopeFields: [...SCOPE_FIELDS],
  };
}

/** Errors of each Liquid column of a layout, by column index; `knownNames` are what a column may read. */
export function checkLayoutColumns(
  template: LayoutTemplate,
  knownNames: string[],
): { index: number; errors: TemplateError[] }[] {
  return template.columns.flatMap((c, index) =>
    !c.field && c.liquid
      ? [{ index, errors: checkTemplate(c.liquid, { dataType: template.dataType, knownNames, column: template }) }]
      : [],
  );
}

/**
 * What the editor shows under each column, by column index: an unknown `field` path (an error:
 * the column would be empty) and what the Liquid check finds in a Liquid column (errors, and
 * warnings for unknown paths under known variables).
 */
export function layoutColumnProblems(
  template: LayoutTemplate,
  knownNames: string[],
): { index: number; errors: TemplateError[] }[] {
  // Under the column itself, the path and suggestion say it all (`customer.emial: unknown field; …`).
  const fields: { index: number; errors: TemplateError[] }[] = unknownColumnFields(template).map((f) => {
    const params = { path: f.path, ...(f.suggestion ? { suggestion: f.suggestion } : {}) };
    return {
      index: f.index,
      errors: [{ line: 1, column: 1, message: unknownFieldText(params), ...params }],
    };
  });
  return [...fields, ...checkLayoutColumns(template, knownNames)].sort((a, b) => a.index - b.index);
}

let demoCache: { today: string; data: CompanyData } | null = null;

/**
 * The demo company dated up to `today`, generated once per day asked for (it takes a moment).
 * Its generator loads only when a test runs on the demo company.
 */
async function demoCompany(today: string): Promise<CompanyData> {
  if (demoCache?.today !== today) {
    const { generateDemoCompany } = await import('../demo/demo-company.ts');
    demoCache = { today, data: generateDemoCompany({ seed: DEMO_SEED, today }) };
  }
  return demoCache.data;
}

/** The editor's template read through the portable JSON rules, as a stored or imported one would be. */
function parseTemplate(template: ExportTemplate): { template: ExportTemplate } | { errors: string[] } {
  const parsed = parseTemplateJson(serializeTemplate(template));
  return parsed.ok ? { template: parsed.template } : { errors: parsed.errors };
}

/** Reads the real sample for "Test template": null when there is no company. */
export type SampleReader = (
  dataType: TemplateDataType,
  sampleSize: number,
  period: TestRequest['period'],
) => Promise<CompanyData | null>;

/** "Test template": the (possibly unsaved) template rendered on the first N records. */
export async function testTemplate(
  template: ExportTemplate,
  request: TestRequest,
  readSample: SampleReader,
): Promise<TestResponse> {
  const read = parseTemplate(template);
  if ('errors' in read)
    return {
      text: '',
      fileName: '',
      byteLength: 0,
      recordCount: 0,
      // A refused name keeps its own code (export/file-names.ts) for the editor.
      issues: [
        ...templateNameIssues(template),
        ...read.errors
          .filter((problem) => !problem.startsWith(FILE_NAME_ERROR_PREFIX))
          .map((problem) => issue('error', 'template-invalid', { problem })),
      ],
    };
  const context = {
    now: request.now,
    locale: request.locale,
    programName: PROGRAM_NAME,
    programVersion: PROGRAM_VERSION,
    ...(request.period ? { period: request.period } : {}),
  };
  const data =
    request.source === 'demo'
      ? await demoCompany(request.now.slice(0, 10))
      : await readSample(read.template.dataType, request.sampleSize, request.period);
  if (!data)
    return {
      text: '',
      fileName: templateFileName(read.template, context),
      byteLength: 0,
      recordCount: 0,
      issues: [issue('error', 'no-company')],
    };
  const result = renderTemplate(read.template, data, {
    ...context,
    sampleSize: request.sampleSize,
    limits: TEST_LIMITS,
  });
  const file = result.files[0];
  const response: TestResponse = {
    text: result.text,
    // What pre-flight of an export with this template would say about its fields, first.
    issues: [...templateFieldIssues(read.template), ...result.issues],
    fileName: file?.name ?? templateFileName(read.template, context),
    byteLength: file?.bytes.length ?? 0,
    recordCount: file?.recordCount ?? 0,
  };
  if (result.templateError) response.templateError = result.templateError;
  return response;
}
