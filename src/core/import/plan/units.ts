/**
 * Phase 1 of `buildPlan`: the rows become units, one per record. Invoices and claims span
 * several rows (one per line or item), and every later phase accepts or rejects a document
 * as a whole, so the rows are grouped before anything is checked.
 */
import type { ImportKind } from '../fields.ts';
import type { PlanContext, ReadRow, Unit } from './types.ts';

/** Kinds whose record spans rows: the document fields repeat, the line/item fields differ. */
export function isGrouped(kind: ImportKind): boolean {
  return kind === 'invoices' || kind === 'claims';
}

/**
 * One unit per row, or per invoice (by number, or by id for a draft without number) or claim
 * (by claim number). A row without a key cannot join a document, so it is its own unit and
 * rejected.
 */
export function groupUnits(ctx: PlanContext, read: readonly ReadRow[]): Unit[] {
  const { kind, columnOf } = ctx;
  const units: Unit[] = [];
  if (!isGrouped(kind)) {
    for (const r of read)
      units.push({ rows: [r], key: '', record: null, errors: [], existing: undefined, warnings: [] });
    return units;
  }
  const groupKeyField = kind === 'invoices' ? 'number' : 'claimNumber';
  const byGroup = new Map<string, Unit>();
  for (const r of read) {
    const key =
      r.errors.length > 0 && Object.keys(r.values).length === 0
        ? ''
        : String(r.values[groupKeyField] ?? '') || (kind === 'invoices' ? String(r.values['id'] ?? '') : '');
    if (key === '') {
      if (r.errors.length === 0)
        r.errors.push({
          column: columnOf.get(groupKeyField) ?? '',
          field: groupKeyField,
          value: '',
          reason: kind === 'invoices' ? 'the invoice number (or id) is empty' : 'the claim number is empty',
          code: 'required',
        });
      units.push({ rows: [r], key: '', record: null, errors: [], existing: undefined, warnings: [] });
      continue;
    }
    // A number and a draft's id may look alike; they must not join the same invoice.
    const groupKey = (String(r.values[groupKeyField] ?? '') === '' ? 'id:' : 'n:') + key;
    const unit = byGroup.get(groupKey);
    if (unit) unit.rows.push(r);
    else {
      const created: Unit = { rows: [r], key, record: null, errors: [], existing: undefined, warnings: [] };
      byGroup.set(groupKey, created);
      units.push(created);
    }
  }
  return units;
}

/** An error on any row rejects the whole unit: a document is imported complete or not at all. */
export function unitRejected(unit: Unit): boolean {
  return unit.rows.some((r) => r.errors.length > 0);
}

/** 'invoice' or 'claim': the word for a grouped record (several rows, one invoice or claim) in messages. */
export function documentWord(kind: ImportKind): string {
  return kind === 'invoices' ? 'invoice' : 'claim';
}

/** Keys as users read them: time record tuples joined with ` / `, ids as they are. */
export function displayKey(key: string): string {
  return key.startsWith('id:') ? key.slice(3) : key.replaceAll('\u001f', ' / ');
}

export function describeKey(kind: ImportKind): string {
  switch (kind) {
    case 'customers':
      return 'customer number';
    case 'projects':
      return 'project number';
    case 'users':
      return 'employee number';
    case 'accounts':
      return 'account number';
    case 'vatCodes':
      return 'VAT code';
    case 'expenseTypes':
      return 'expense type code';
    case 'invoices':
      return 'invoice';
    case 'timeRecords':
      return 'time record (employee / date / project / hours / activity)';
    case 'claims':
      return 'claim number';
  }
}
