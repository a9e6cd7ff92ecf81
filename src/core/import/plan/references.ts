/**
 * Phase 3 of `buildPlan`: checks between records, which need all records built first: a key
 * twice in the file, and references (customer, project, employee, …) to records that are
 * neither stored nor accepted from the same file.
 */
import type { CompanyData } from '../../domain/types.ts';
import type { FieldDef, Reference } from '../fields.ts';
import { naturalKey } from '../records.ts';
import type { PlanContext, Unit } from './types.ts';
import { isMissing } from './records.ts';
import { describeKey, displayKey, unitRejected } from './units.ts';

const REFERENCE_LABEL: Readonly<Record<Reference, string>> = {
  customers: 'customer',
  projects: 'project',
  users: 'employee',
  accounts: 'account',
  vatCodes: 'VAT code',
  expenseTypes: 'expense type',
  invoices: 'invoice',
};

/** A reference to the imported kind itself (a credit note's invoice), settled once the file's accepted records are known. */
interface SelfReference {
  unit: Unit;
  def: FieldDef;
  value: string;
}

/** The stored keys of each referenced table, built on first use: most imports reference one or two tables. */
function storedReferences(data: CompanyData): (table: Reference) => Set<string> {
  const refSets = new Map<Reference, Set<string>>();
  return (table) => {
    let set = refSets.get(table);
    if (!set) refSets.set(table, (set = referenceKeys(data, table)));
    return set;
  };
}

function referenceKeys(data: CompanyData, table: Reference): Set<string> {
  const set = new Set<string>();
  for (const record of data[table]) set.add(naturalKey(table, record as never));
  set.delete('');
  return set;
}

/** Runs the checks between records; their errors go on the rows of the units concerned. */
export function checkBetweenRecords(ctx: PlanContext, units: readonly Unit[]): void {
  const refSet = storedReferences(ctx.input.existing);
  const fileKeys = rejectFileDuplicates(ctx, units);
  const selfRefs = checkReferences(ctx, units, refSet);
  settleSelfReferences(ctx, units, selfRefs, fileKeys, refSet);
}

/**
 * A key seen again in the file rejects the later unit: which of the two should win is not for
 * the import to guess. Returns the keys of the file's records (the first of each).
 */
function rejectFileDuplicates(ctx: PlanContext, units: readonly Unit[]): Set<string> {
  const seen = new Map<string, number>();
  const fileKeys = new Set<string>();
  for (const unit of units) {
    if (!unit.record || unitRejected(unit)) continue;
    const first = unit.rows[0]!;
    const previous = seen.get(unit.key);
    if (previous !== undefined && unit.key !== '') {
      first.errors.push({
        column: '',
        field: '',
        value: unit.key,
        reason: `duplicate: ${describeKey(ctx.kind)} ${displayKey(unit.key)} is also on line ${previous}`,
        code: 'duplicate-in-file',
      });
      continue;
    }
    seen.set(unit.key, first.row.line);
    fileKeys.add(unit.key);
  }
  return fileKeys;
}

/**
 * References to other tables must name a stored record. References to the imported kind
 * itself are returned, to be settled when the file's accepted records are known.
 */
function checkReferences(
  ctx: PlanContext,
  units: readonly Unit[],
  refSet: (table: Reference) => Set<string>,
): SelfReference[] {
  const { kind, mapped, columnOf } = ctx;
  const selfRefs: SelfReference[] = [];
  const refDefs = ctx.defs.filter((d) => d.reference !== undefined && mapped.has(d.name));
  for (const unit of units) {
    if (!unit.record || unitRejected(unit)) continue;
    for (const def of refDefs) {
      const table = def.reference!;
      for (const r of unit.rows) {
        const value = def.level === 'record' ? unit.record[def.property] : r.values[def.name];
        if (isMissing(value)) continue;
        if (table === kind) {
          selfRefs.push({ unit, def, value: String(value) });
          break;
        }
        if (!refSet(table).has(String(value))) {
          r.errors.push({
            column: columnOf.get(def.name) ?? '',
            field: def.name,
            value: String(value),
            reason: `unknown ${REFERENCE_LABEL[table]} ${JSON.stringify(value)}`,
            code: 'unknown-reference',
          });
        }
        if (def.level === 'record') break;
      }
    }
  }
  return selfRefs;
}

/**
 * A reference to a record of the same file holds only if that record is accepted. Rejecting
 * one can break a reference to it, so this repeats until nothing changes.
 */
function settleSelfReferences(
  ctx: PlanContext,
  units: readonly Unit[],
  selfRefs: readonly SelfReference[],
  fileKeys: ReadonlySet<string>,
  refSet: (table: Reference) => Set<string>,
): void {
  const { columnOf } = ctx;
  for (let changed = true; changed;) {
    changed = false;
    const accepted = new Set(units.filter((u) => u.record && !unitRejected(u)).map((u) => u.key));
    for (const ref of selfRefs) {
      if (unitRejected(ref.unit)) continue;
      if (refSet(ref.def.reference!).has(ref.value) || accepted.has(ref.value)) continue;
      const inFile = fileKeys.has(ref.value);
      ref.unit.rows[0]!.errors.push({
        column: columnOf.get(ref.def.name) ?? '',
        field: ref.def.name,
        value: ref.value,
        reason: inFile
          ? `${REFERENCE_LABEL[ref.def.reference!]} ${JSON.stringify(ref.value)} is rejected in this file`
          : `unknown ${REFERENCE_LABEL[ref.def.reference!]} ${JSON.stringify(ref.value)}`,
        code: inFile ? 'reference-rejected' : 'unknown-reference',
      });
      changed = true;
    }
  }
}
