/**
 * Phase 2b of `buildPlan`: each built record goes through the rule set the register forms use
 * (src/core/validation), so the importer refuses what a form refuses: the org number `12345`,
 * the e-mail `ikke-en-epost`, the country `NORGE`, 25.5 hours in one record. Errors go on the
 * rows and reject the unit; warnings (odd but possibly right) are kept on the unit and listed
 * in the plan for the accepted records. References and keys are checked by the next phase
 * across the whole file, so the register rules run here without them.
 */
import type { CompanyData } from '../../domain/types.ts';
import {
  parseChildField,
  validateClaim,
  validateInvoice,
  validateRegisterRecord,
  validateTimeRecord,
  type FieldProblem,
  type RegisterKind,
} from '../../validation/index.ts';
import type { ImportKind } from '../fields.ts';
import type { PlanContext, ReadRow, Unit, Values } from './types.ts';
import { unitRejected } from './units.ts';

const REGISTER_OF: Partial<Record<ImportKind, RegisterKind>> = {
  customers: 'customer',
  projects: 'project',
  users: 'user',
  accounts: 'account',
  vatCodes: 'vatCode',
  expenseTypes: 'expenseType',
};

/** The rule set's problems of one imported record. */
export function recordProblems(kind: ImportKind, record: Values, existing: CompanyData): FieldProblem[] {
  const register = REGISTER_OF[kind];
  if (register !== undefined) return validateRegisterRecord(register, record, existing, { checkReferences: false });
  switch (kind) {
    case 'timeRecords':
      return validateTimeRecord(record);
    case 'invoices':
      return validateInvoice(record);
    case 'claims':
      return validateClaim(record);
    default:
      return [];
  }
}

/** Runs the rules on every unit with a record; see the module doc. */
export function checkRules(ctx: PlanContext, units: readonly Unit[]): void {
  for (const unit of units) {
    if (!unit.record || unitRejected(unit)) continue;
    const childRows = unit.rows.filter((r) => r.hasChild);
    for (const p of recordProblems(ctx.kind, unit.record, ctx.input.existing)) {
      const child = parseChildField(p.field);
      // Lines/items kept from the stored document (none mapped) have no row: their problems go on the first.
      const row: ReadRow = (child && ctx.childMapped ? childRows[child.index] : undefined) ?? unit.rows[0]!;
      const field = child ? `${child.list === 'lines' ? 'line' : 'item'}.${child.field}` : p.field;
      const cell = {
        column: ctx.columnOf.get(field) ?? '',
        field,
        value: cellText(p, unit.record, child, field),
        reason: p.message,
        code: p.code,
        params: p.params,
      };
      if (p.severity === 'error') row.errors.push(cell);
      else unit.warnings.push({ line: row.row.line, ...cell });
    }
  }
}

function cellText(p: FieldProblem, record: Values, child: ReturnType<typeof parseChildField>, field: string): string {
  if (typeof p.params['value'] === 'string' || typeof p.params['value'] === 'number') return String(p.params['value']);
  const value = child
    ? ((record[child.list] as Values[] | undefined)?.[child.index]?.[child.field] ?? '')
    : record[field];
  return value === undefined || value === null ? '' : String(value);
}
