/**
 * Export templates in the database: save, rename, duplicate, delete, import and export.
 *
 * A row holds the portable JSON object (`{ format, version, template }`, see
 * src/core/templates/portable.ts), so a backup, a downloaded template file and the stored
 * row are the same shape. Every write goes through `validateTemplate` first: a template with
 * errors is never stored. Results are values (`{ ok: false, errors }`), never throws, so the
 * editor can show what to fix.
 */
import { dataTypeFields } from '../core/templates/data-types/index.ts';
import { parseTemplateJson, serializeTemplate } from '../core/templates/portable.ts';
import type { ExportTemplate, LayoutTemplate } from '../core/templates/types.ts';
import type { StoreResult } from '../core/templates/api.ts';
import type { ExportdeskDatabase, TemplateRow } from './database.ts';

export type { StoreResult };

export interface TemplateSummary {
  id: string;
  name: string;
  dataType: string;
  /** `layout`, `text`, or '' when the stored JSON cannot be read. */
  kind: string;
  /** Why the stored template cannot be used, or ''. */
  problem: string;
}

/** Top-level names a layout column's Liquid sees in a `rowsFrom: 'lines'` row (src/core/formats/datasets/invoice-lines.ts). */
export const LINE_ROW_NAMES = [
  'invoice',
  'lineNumber',
  'line',
  'signedQuantity',
  'signedUnitPrice',
  'amounts',
  'invoiceTotals',
  'customer',
  'project',
  'account',
  'vat',
  'extra',
  'record',
] as const;

/** Names a layout column's Liquid may read besides the scope: the row's own fields and `row`. */
export function layoutColumnNames(template: Pick<LayoutTemplate, 'dataType' | 'rowsFrom'>): string[] {
  const rowNames =
    template.rowsFrom === 'lines'
      ? [...LINE_ROW_NAMES]
      : dataTypeFields(template.dataType).map((f) => f.path.split(/[.[]/)[0]!);
  return [...new Set([...rowNames, 'row'])];
}

/**
 * The Liquid check (and with it liquidjs) loads on the first save, not with the template
 * worker (docs/decisions/0006-lazy-format-code.md). Callers that validate inside a Dexie
 * transaction load it before opening one: awaiting a module load inside would end the transaction.
 */
const loadCheck = () => import('../core/templates/check.ts');
type CheckModule = Awaited<ReturnType<typeof loadCheck>>;

/**
 * The problems that keep a template from being saved: shape (portable JSON rules), name, Liquid
 * errors. Warnings (an unknown path under a known variable) and unknown layout field paths do not
 * keep a draft from being saved; the editor shows them and pre-flight refuses the latter.
 */
export async function validateTemplate(template: ExportTemplate): Promise<string[]> {
  return templateProblems(template, await loadCheck());
}

function templateProblems(template: ExportTemplate, { checkTemplate }: CheckModule): string[] {
  const parsed = parseTemplateJson(serializeTemplate(template));
  if (!parsed.ok) return parsed.errors;
  const errors: string[] = [];
  if (!template.name.trim()) errors.push('Give the template a name.');
  if (template.kind === 'text') {
    for (const e of checkTemplate(template.content, { dataType: template.dataType }))
      if (!e.warning) errors.push(`Line ${e.line}, column ${e.column}: ${e.message}`);
  } else {
    if (template.columns.length === 0) errors.push('Add at least one column.');
    const knownNames = layoutColumnNames(template);
    template.columns.forEach((c, i) => {
      if (!c.field && c.liquid) {
        for (const e of checkTemplate(c.liquid, { dataType: template.dataType, knownNames }))
          if (!e.warning) errors.push(`Column ${i + 1} "${c.header}", Liquid column ${e.column}: ${e.message}`);
      }
    });
  }
  return errors;
}

function rowOf(id: string, template: ExportTemplate): TemplateRow {
  return {
    id,
    name: template.name,
    dataType: template.dataType,
    template: JSON.parse(serializeTemplate(template)) as Record<string, unknown>,
  };
}

/** The template of a stored row, read through the same rules as an imported file. */
export function templateOfRow(row: TemplateRow): StoreResult<ExportTemplate> {
  const parsed = parseTemplateJson(JSON.stringify(row.template));
  return parsed.ok ? { ok: true, value: parsed.template } : { ok: false, errors: parsed.errors };
}

export function summarizeTemplate(row: TemplateRow): TemplateSummary {
  const read = templateOfRow(row);
  return read.ok
    ? { id: row.id, name: read.value.name, dataType: read.value.dataType, kind: read.value.kind, problem: '' }
    : { id: row.id, name: row.name, dataType: row.dataType, kind: '', problem: read.errors.join('; ') };
}

export async function readTemplate(db: ExportdeskDatabase, id: string): Promise<StoreResult<ExportTemplate>> {
  const row = await db.templates.get(id);
  return row ? templateOfRow(row) : { ok: false, errors: ['That template has been deleted.'] };
}

/** Stores a new template (`id` null) or replaces one; returns its id. */
export async function saveTemplate(
  db: ExportdeskDatabase,
  template: ExportTemplate,
  id: string | null,
  newId: () => string = () => crypto.randomUUID(),
): Promise<StoreResult<string>> {
  return storeTemplate(db, template, id, newId, await loadCheck());
}

async function storeTemplate(
  db: ExportdeskDatabase,
  template: ExportTemplate,
  id: string | null,
  newId: () => string,
  check: CheckModule,
): Promise<StoreResult<string>> {
  const errors = templateProblems(template, check);
  if (errors.length > 0) return { ok: false, errors };
  const key = id ?? newId();
  await db.templates.put(rowOf(key, { ...template, name: template.name.trim() }));
  return { ok: true, value: key };
}

export async function renameTemplate(db: ExportdeskDatabase, id: string, name: string): Promise<StoreResult<string>> {
  const check = await loadCheck();
  return db.transaction('rw', db.templates, async () => {
    const read = await readTemplate(db, id);
    if (!read.ok) return read;
    return storeTemplate(db, { ...read.value, name }, id, () => id, check);
  });
}

export async function duplicateTemplate(
  db: ExportdeskDatabase,
  id: string,
  newId: () => string = () => crypto.randomUUID(),
): Promise<StoreResult<string>> {
  const check = await loadCheck();
  return db.transaction('rw', db.templates, async () => {
    const read = await readTemplate(db, id);
    if (!read.ok) return read;
    return storeTemplate(db, { ...read.value, name: `${read.value.name} (copy)` }, null, newId, check);
  });
}

/** Refused while an export uses the template: deleting it would break that export. */
export async function deleteTemplate(db: ExportdeskDatabase, id: string): Promise<StoreResult<string>> {
  return db.transaction('rw', db.templates, db.exportConfigs, async () => {
    const users = await db.exportConfigs
      .filter((c) => c.target.kind === 'template' && c.target.templateId === id)
      .toArray();
    if (users.length > 0)
      return {
        ok: false as const,
        errors: users.map(
          (c) =>
            `The export "${c.name}" uses this template. Choose another template for it (Settings → Export to accounting) first.`,
        ),
      };
    await db.templates.delete(id);
    return { ok: true as const, value: id };
  });
}

/** A template file's text (portable JSON) → a new stored template with a new id. */
export async function importTemplate(
  db: ExportdeskDatabase,
  fileText: string,
  newId: () => string = () => crypto.randomUUID(),
): Promise<StoreResult<string>> {
  const parsed = parseTemplateJson(fileText);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return saveTemplate(db, parsed.template, null, newId);
}

/** The downloadable file of a stored template: the portable JSON and a file name from the template name. */
export async function exportTemplate(
  db: ExportdeskDatabase,
  id: string,
): Promise<StoreResult<{ fileName: string; text: string }>> {
  const read = await readTemplate(db, id);
  if (!read.ok) return read;
  const base = read.value.name.replace(/[\\/:*?"<>|]/g, '_').trim() || 'template';
  return { ok: true, value: { fileName: `${base}.exportdesk-template.json`, text: serializeTemplate(read.value) } };
}
