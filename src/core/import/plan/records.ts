/**
 * Phase 2 of `buildPlan`: each unit's values become the record to store. It needs the stored
 * data already here: a field the file does not map keeps its stored value on an update, so
 * the stored record is matched before the record is complete.
 */
import type { CompanyData } from '../../domain/types.ts';
import type { FieldDef, ImportKind } from '../fields.ts';
import { naturalKey, sameValue } from '../records.ts';
import { DEFAULT_BLANK_CELLS, type PlanContext, type ReadRow, type Unit, type Values } from './types.ts';
import { documentWord, isGrouped, unitRejected } from './units.ts';

export interface StoredIndex {
  byKey: Map<string, Values>;
  byId: Map<string, Values>;
}

/** Index of stored records by natural key (and by id for invoices / time records). */
export function indexExisting(kind: ImportKind, data: CompanyData): StoredIndex {
  const byKey = new Map<string, Values>();
  const byId = new Map<string, Values>();
  for (const record of data[kind] as unknown as Values[]) {
    const key = naturalKey(kind, record as never);
    if (key !== '' && !byKey.has(key)) byKey.set(key, record);
    if (kind === 'invoices' || kind === 'timeRecords') byId.set(String(record['id']), record);
  }
  return { byKey, byId };
}

export function isMissing(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/**
 * Sets `record`, `existing` and the in-file `key` of every unit that read without errors.
 * Errors found on the way go on the rows, so a unit with a record may still be rejected.
 */
export function buildRecords(ctx: PlanContext, units: readonly Unit[], stored: StoredIndex): void {
  for (const unit of units) {
    if (unitRejected(unit)) continue;
    const values = mergeDocumentFields(ctx, unit);
    if (unitRejected(unit)) continue;
    const { record, existing, givenId, missing } = completeRecord(ctx, values, stored);
    checkRequired(ctx, unit.rows[0]!, record, missing);
    if (isGrouped(ctx.kind)) attachChildren(ctx, unit, record, existing);
    unit.record = record;
    unit.existing = existing;
    unit.key = inFileKey(ctx.kind, record, givenId);
  }
}

/**
 * Document-level values: the first non-empty across rows; a different one is an error. Files
 * repeat the document fields on every line or leave them empty after the first, and both are
 * fine; two different values mean the file does not say which one is meant.
 */
function mergeDocumentFields(ctx: PlanContext, unit: Unit): Values {
  const { kind, mapped, columnOf } = ctx;
  const values: Values = {};
  for (const def of ctx.recordDefs) {
    if (!mapped.has(def.name)) continue;
    let value: unknown = null;
    let from: ReadRow | null = null;
    for (const r of unit.rows) {
      const v = r.values[def.name];
      if (isMissing(v)) continue;
      if (from === null) {
        value = v;
        from = r;
      } else if (!sameValue(v, value)) {
        r.errors.push({
          column: columnOf.get(def.name) ?? '',
          field: def.name,
          value: String(v),
          reason: `${documentWord(kind)} ${unit.key}: ${def.name} is ${JSON.stringify(v)} here but ${JSON.stringify(value)} on line ${from.row.line}`,
          code: 'document-field-differs',
        });
      }
    }
    values[def.name] = value;
  }
  return values;
}

/**
 * The record's document fields, with the stored record it updates. Mapped values come first
 * (a mapped empty cell gives the default), then the stored record is matched (by id when the
 * file gives one, else by natural key), then the unmapped fields come from it, or from their
 * defaults on a new record. Required fields still empty are returned in `missing`.
 */
function completeRecord(
  ctx: PlanContext,
  values: Values,
  stored: StoredIndex,
): { record: Values; existing: Values | undefined; givenId: string; missing: FieldDef[] } {
  const { kind, input, mapped } = ctx;
  const hasIds = kind === 'invoices' || kind === 'timeRecords';
  const givenId = hasIds && !isMissing(values['id']) ? String(values['id']) : '';
  let existing: Values | undefined = givenId !== '' ? stored.byId.get(givenId) : undefined;
  const record: Values = {};
  const missing: FieldDef[] = [];
  const blanks = new Set<string>();
  for (const def of ctx.recordDefs) {
    const v = values[def.name];
    if (mapped.has(def.name) && !isMissing(v)) record[def.property] = v;
    else {
      if (mapped.has(def.name)) blanks.add(def.name);
      record[def.property] = undefined;
    }
  }
  const natural = naturalKey(kind, record as never);
  if (existing === undefined && givenId === '' && natural !== '') existing = stored.byKey.get(natural);
  // An empty cell keeps the stored value unless the user asked to clear (BlankCells).
  const keepBlanks = (input.blankCells ?? DEFAULT_BLANK_CELLS) === 'keep';
  for (const def of ctx.recordDefs) {
    if (record[def.property] !== undefined) continue;
    const unmapped = !mapped.has(def.name);
    if (existing !== undefined && (unmapped || (keepBlanks && blanks.has(def.name))))
      record[def.property] = existing[def.property];
    else if (def.required) missing.push(def);
    else record[def.property] = defaultOf(def, ctx, record);
  }
  if (kind === 'invoices' && isMissing(record['id'])) record['id'] = existing?.['id'] ?? input.newId();
  if (kind === 'timeRecords' && isMissing(record['id'])) record['id'] = existing?.['id'] ?? input.newId();
  return { record, existing, givenId, missing };
}

/** Errors for required fields without a value, on the unit's first row (where its document fields are). */
function checkRequired(ctx: PlanContext, first: ReadRow, record: Values, missing: readonly FieldDef[]): void {
  const { kind, columnOf } = ctx;
  if (kind === 'invoices' && record['number'] === '' && record['status'] === 'finalized') {
    first.errors.push({
      column: columnOf.get('number') ?? '',
      field: 'number',
      value: '',
      reason: 'a finalized invoice needs a number (only drafts have none)',
      code: 'required',
    });
  }
  for (const def of missing) {
    const column = columnOf.get(def.name);
    first.errors.push({
      column: column ?? '',
      field: def.name,
      value: '',
      reason: column === undefined ? `${def.name} is required and not mapped` : `${def.name} is required`,
      code: 'required',
    });
  }
}

/**
 * The invoice's lines or the claim's items, one per row that has a line/item value. An
 * update keeps the stored ones when the file maps no line/item field, so a file of invoice
 * headers does not wipe the lines.
 */
function attachChildren(ctx: PlanContext, unit: Unit, record: Values, existing: Values | undefined): void {
  const { kind, columnOf } = ctx;
  const children: Values[] = [];
  for (const r of unit.rows) {
    if (!r.hasChild) continue;
    const child: Values = {};
    for (const def of ctx.childDefs) {
      const v = r.values[def.name];
      if (!isMissing(v)) child[def.property] = v;
      else if (def.required)
        r.errors.push({
          column: columnOf.get(def.name) ?? '',
          field: def.name,
          value: '',
          reason: columnOf.has(def.name)
            ? `${def.name} is required on a ${kind === 'invoices' ? 'line' : 'claim item'}`
            : `${def.name} is required and not mapped`,
          code: 'required',
        });
      else child[def.property] = defaultOf(def, ctx, record);
    }
    children.push(child);
  }
  const childProperty = kind === 'invoices' ? 'lines' : 'items';
  record[childProperty] = ctx.childMapped || existing === undefined ? children : existing[childProperty];
}

/** The in-file identity: id when given for time records, the number (or id of a draft) for invoices. */
function inFileKey(kind: ImportKind, record: Values, givenId: string): string {
  return kind === 'timeRecords' && givenId !== ''
    ? `id:${givenId}`
    : kind === 'invoices' && record['number'] === ''
      ? `id:${String(record['id'])}`
      : naturalKey(kind, record as never);
}

function defaultOf(def: FieldDef, ctx: PlanContext, record: Values): unknown {
  if (def.default !== undefined)
    return typeof def.default === 'function'
      ? def.default({ company: ctx.input.existing.company, record })
      : def.default;
  if (def.nullable) return null;
  switch (def.type) {
    case 'integer':
    case 'decimal':
    case 'money':
      return 0;
    case 'boolean':
      return false;
    case 'enum':
      return Object.keys(def.values ?? {})[0] ?? '';
    default:
      return '';
  }
}
