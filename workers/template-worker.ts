/**
 * The template editor's worker: checks Liquid as the user types, renders "Test template" and
 * stores templates (src/db/template-store.ts), all off the page: the page never loads liquidjs
 * or the encoders, and a template that runs away never freezes it. liquidjs' limits stop
 * most runaways inside `renderTemplate`; the page also terminates this worker when it does
 * not answer in time (src/ui/template-worker-client.ts).
 */
import { lineRowFields } from '../src/core/templates/line-row-fields.ts';
import * as Comlink from 'comlink';
import { ExportdeskDatabase } from '../src/db/database.ts';
import { readMasterData } from '../src/db/company-store.ts';
import { journaledIds, withJournal } from '../src/db/transfer-journal.ts';
import {
  deleteTemplate,
  duplicateTemplate,
  exportTemplate,
  importTemplate,
  layoutColumnNames,
  readTemplate,
  renameTemplate,
  saveTemplate,
  type StoreResult,
} from '../src/db/template-store.ts';
import { TEXT_ENCODINGS } from '../src/core/encoding/text-encoding.ts';
import { generateDemoCompany } from '../src/core/demo/demo-company.ts';
import { PROGRAM_NAME, PROGRAM_VERSION } from '../src/core/program.ts';
import type { CompanyData, IsoDate } from '../src/core/domain/types.ts';
import type { ExportIssue } from '../src/core/formats/types.ts';
import {
  checkTemplate,
  copyableLayoutIds,
  copyableTextTemplateIds,
  dataTypeDefinition,
  dataTypeFields,
  layoutTemplateFromBuiltIn,
  parseTemplateJson,
  renderTemplate,
  serializeTemplate,
  templateFileName,
  textTemplateFromBuiltIn,
  SCOPE_FIELDS,
  TEMPLATE_DATA_TYPES,
  type ExportTemplate,
  type FieldDoc,
  type LayoutTemplate,
  type TemplateDataType,
  type TemplateError,
} from '../src/core/templates/index.ts';

const db = new ExportdeskDatabase();

/** "Test template" runs on a sample, so these are far below the real export's limits. */
export const TEST_LIMITS = { renderMs: 5_000, outputBytes: 5_000_000 };
const DEMO_SEED = 1;

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

let demoCache: { today: string; data: CompanyData } | null = null;

function demoCompany(today: string): CompanyData {
  if (demoCache?.today !== today) demoCache = { today, data: generateDemoCompany({ seed: DEMO_SEED, today }) };
  return demoCache.data;
}

/**
 * The real data a sample needs: master data plus only the records the sample reads (the first
 * N invoices or claims by date). Time records are read whole (or for the period), because
 * grouping and the external co-worker filter decide which N rows come out.
 */
async function realData(
  dataType: TemplateDataType,
  sampleSize: number,
  period: TestRequest['period'],
): Promise<CompanyData | null> {
  const master = await readMasterData(db);
  if (!master) return null;
  const data: CompanyData = { ...master };
  const n = Math.max(0, Math.floor(sampleSize));
  switch (dataType) {
    case 'invoices':
    case 'invoicesByAccount':
      // Export statuses as the transfer journal says (a template may write them).
      data.invoices = await db.transaction('r', db.invoices, db.transferJournal, async () =>
        withJournal(await db.invoices.orderBy('issueDate').limit(n).toArray(), await journaledIds(db)),
      );
      break;
    case 'expenses':
      data.claims = period
        ? await db.claims.where('date').between(period.from, period.to, true, true).limit(n).toArray()
        : await db.claims.orderBy('date').limit(n).toArray();
      break;
    case 'timeRecords':
    case 'timeRecordsGrouped':
      data.timeRecords = period
        ? await db.timeRecords.where('date').between(period.from, period.to, true, true).toArray()
        : await db.timeRecords.orderBy('date').toArray();
      break;
    default:
      break;
  }
  return data;
}

/** The editor's template read through the portable JSON rules, as a stored or imported one would be. */
function parseTemplate(template: ExportTemplate): { template: ExportTemplate } | { errors: string[] } {
  const parsed = parseTemplateJson(serializeTemplate(template));
  return parsed.ok ? { template: parsed.template } : { errors: parsed.errors };
}

export interface Catalogue {
  layouts: { formatId: string; name: string; complete: boolean }[];
  texts: { formatId: string; name: string }[];
  dataTypes: { id: TemplateDataType; label: string }[];
  encodings: { name: string; label: string }[];
}

const api = {
  /** Syntax errors, unknown filters and unknown variables of a Liquid text, with line and column. */
  check(text: string, dataType: TemplateDataType, knownNames: string[] = []): TemplateError[] {
    return checkTemplate(text, { dataType, knownNames });
  },

  /** Errors of each Liquid column of a layout, by column index. */
  checkColumns(template: LayoutTemplate): { index: number; errors: TemplateError[] }[] {
    const knownNames = layoutColumnNames(template);
    return template.columns.flatMap((c, index) =>
      !c.field && c.liquid
        ? [{ index, errors: checkTemplate(c.liquid, { dataType: template.dataType, knownNames }) }]
        : [],
    );
  },

  /** "Test template": the (possibly unsaved) template rendered on the first N records. */
  async render(template: ExportTemplate, request: TestRequest): Promise<TestResponse> {
    const read = parseTemplate(template);
    if ('errors' in read)
      return {
        text: '',
        fileName: '',
        byteLength: 0,
        recordCount: 0,
        issues: read.errors.map((message) => ({ severity: 'error' as const, code: 'template-invalid', message })),
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
        ? demoCompany(request.now.slice(0, 10))
        : await realData(read.template.dataType, request.sampleSize, request.period);
    if (!data)
      return {
        text: '',
        fileName: templateFileName(read.template, context),
        byteLength: 0,
        recordCount: 0,
        issues: [
          {
            severity: 'error',
            code: 'no-company',
            message: 'There is no company in this browser: test on the demo company instead.',
          },
        ],
      };
    const result = renderTemplate(read.template, data, {
      ...context,
      sampleSize: request.sampleSize,
      limits: TEST_LIMITS,
    });
    const file = result.files[0];
    const response: TestResponse = {
      text: result.text,
      issues: result.issues,
      fileName: file?.name ?? templateFileName(read.template, context),
      byteLength: file?.bytes.length ?? 0,
      recordCount: file?.recordCount ?? 0,
    };
    if (result.templateError) response.templateError = result.templateError;
    return response;
  },

  /** What the editor offers: built-ins to copy, data types, encodings. */
  catalogue(): Catalogue {
    return {
      layouts: copyableLayoutIds(),
      texts: copyableTextTemplateIds().map((formatId) => ({
        formatId,
        name: textTemplateFromBuiltIn(formatId)?.name ?? formatId,
      })),
      dataTypes: TEMPLATE_DATA_TYPES.map((id) => ({ id, label: dataTypeDefinition(id).label })),
      encodings: TEXT_ENCODINGS.map((e) => ({ name: e.name, label: e.label })),
    };
  },

  /** A copy of a built-in, or null for an unknown id. */
  newFromBuiltIn(kind: 'layout' | 'text', formatId: string, name?: string): ExportTemplate | null {
    return (kind === 'layout' ? layoutTemplateFromBuiltIn(formatId, name) : textTemplateFromBuiltIn(formatId)) ?? null;
  },

  read: (id: string): Promise<StoreResult<ExportTemplate>> => readTemplate(db, id),
  save: (template: ExportTemplate, id: string | null): Promise<StoreResult<string>> => saveTemplate(db, template, id),
  rename: (id: string, name: string): Promise<StoreResult<string>> => renameTemplate(db, id, name),
  duplicate: (id: string): Promise<StoreResult<string>> => duplicateTemplate(db, id),
  remove: (id: string): Promise<StoreResult<string>> => deleteTemplate(db, id),
  importFile: (text: string): Promise<StoreResult<string>> => importTemplate(db, text),
  exportFile: (id: string): Promise<StoreResult<{ fileName: string; text: string }>> => exportTemplate(db, id),

  fieldReference(dataType: TemplateDataType, rowsFrom: '' | 'lines' = ''): FieldReference {
    const definition = dataTypeDefinition(dataType);
    return {
      label: rowsFrom === 'lines' ? `${definition.label}, one row per invoice line` : definition.label,
      description: definition.description,
      rowFields: rowsFrom === 'lines' ? [...lineRowFields()] : [...dataTypeFields(dataType)],
      scopeFields: [...SCOPE_FIELDS],
    };
  },
};

export type TemplateWorkerApi = typeof api;
Comlink.expose(api);
