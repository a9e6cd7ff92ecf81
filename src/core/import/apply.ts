/**
 * Carrying out a plan on an in-memory CompanyData (the CLI's company JSON file), and
 * undoing it. The DB layer does the same with `plan.changes`: add `toAdd`, put every
 * `toUpdate[].after` in place of the record whose identity is `toUpdate[].key`, and keep
 * `toAdd` identities plus `toUpdate[].before` for undo.
 */
import type { CompanyData } from '../domain/types.ts';
import type { ImportKind } from './fields.ts';
import type { ImportPlan } from './plan.ts';
import { identityKey, naturalKey, sameValue, type KindRecords } from './records.ts';

export type ApplyResult = { ok: true; data: CompanyData } | { ok: false; reason: string };

/** A new CompanyData with the plan's changes; the input is not modified. */
export function applyImportPlan<K extends ImportKind>(data: CompanyData, plan: ImportPlan<K>): ApplyResult {
  if (!plan.canApply) {
    return {
      ok: false,
      reason:
        plan.status === 'has-rejections'
          ? 'The plan has rejected rows; plan again with allowPartial to import the valid rows only.'
          : `The plan cannot be applied (status: ${plan.status}).`,
    };
  }
  const kind = plan.kind;
  const records = [...(data[kind] as unknown as KindRecords[K][])];
  const position = new Map<string, number>();
  records.forEach((r, i) => position.set(identityKey(kind, r), i));
  for (const update of plan.changes.toUpdate) {
    const at = position.get(update.key);
    if (at === undefined)
      return { ok: false, reason: `${kind} ${update.key} no longer exists; plan the import again.` };
    if (!sameValue(records[at], update.before))
      return { ok: false, reason: `${kind} ${update.key} was changed after the import was planned; plan it again.` };
    records[at] = update.after;
  }
  const naturalKeys = new Set(kind === 'timeRecords' ? [] : records.map((r) => naturalKey(kind, r)));
  for (const record of plan.changes.toAdd) {
    const id = identityKey(kind, record);
    const natural = kind === 'timeRecords' ? '' : naturalKey(kind, record);
    if (position.has(id) || (natural !== '' && naturalKeys.has(natural)))
      return { ok: false, reason: `${kind} ${natural || id} already exists; plan the import again.` };
    position.set(id, records.length);
    if (natural !== '') naturalKeys.add(natural);
    records.push(record);
  }
  return { ok: true, data: { ...data, [kind]: records } };
}

/** Reverses an applied plan: removes what it added and restores the previous versions. */
export function undoImportPlan<K extends ImportKind>(data: CompanyData, plan: ImportPlan<K>): ApplyResult {
  const kind = plan.kind;
  const added = new Set(plan.changes.toAdd.map((r) => identityKey(kind, r)));
  const before = new Map(plan.changes.toUpdate.map((u) => [u.key, u.before]));
  const records: KindRecords[K][] = [];
  for (const record of data[kind] as unknown as KindRecords[K][]) {
    const id = identityKey(kind, record);
    if (added.has(id)) continue;
    records.push(before.get(id) ?? record);
  }
  return { ok: true, data: { ...data, [kind]: records } };
}
