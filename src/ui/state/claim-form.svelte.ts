/**
 * One expense claim's form as rune state (issue 14, item 5): the claim and its items (each with
 * an expense type, amount, VAT, currency and project), the problems of the shared rule set
 * (src/core/validation `validateClaim`, as the CSV import) and the form's own checks, Save and
 * Delete through src/db/record-store.ts, and the period exports that already took the claim.
 */
import { db as appDb } from '../app-db.ts';
import { t } from '../messages.ts';
import type { ExportdeskDatabase } from '../../db/database.ts';
import { deleteClaim, saveClaim, suggestClaimNumber } from '../../db/record-store.ts';
import { dateOf, toIsoDateTime } from '../../core/domain/dates.ts';
import { CLAIM_STATUSES, type Claim, type ClaimItem, type ClaimStatus } from '../../core/domain/types.ts';
import { pushAll } from '../../core/push-all.ts';
import { childField, validateClaim, type FieldProblem } from '../../core/validation/index.ts';
import { amountText, parseAmount, parseProblems, referenceProblems, requiredProblems } from './record-form-common.ts';
import { RecordFormBase, type RecordFormStore } from './record-form-base.svelte.ts';

export { CLAIM_STATUSES };

export interface ClaimFormDeps {
  db: ExportdeskDatabase;
  today: () => string;
}

export interface ClaimItemValues {
  date: string;
  expenseType: string;
  description: string;
  amount: string;
  vatAmount: string;
  currency: string;
  projectNumber: string;
}

export interface ClaimValues {
  claimNumber: string;
  employeeNumber: string;
  date: string;
  status: ClaimStatus;
  items: ClaimItemValues[];
}

export type ClaimField = Exclude<keyof ClaimValues, 'items'>;
export type ClaimItemField = keyof ClaimItemValues;

const claimStore: RecordFormStore<Claim> = {
  dataType: 'claims',
  keyOf: (claim) => claim.claimNumber,
  read: (db, claimNumber) => db.claims.get(claimNumber),
  save: saveClaim,
  remove: deleteClaim,
};

export class ClaimForm extends RecordFormBase<Claim, ClaimValues> {
  private readonly deps: ClaimFormDeps;

  constructor(deps: Partial<ClaimFormDeps> = {}) {
    const all: ClaimFormDeps = { db: appDb, today: () => dateOf(toIsoDateTime(new Date())), ...deps };
    super(all.db, claimStore, { claimNumber: '', employeeNumber: '', date: '', status: 'draft', items: [] });
    this.deps = all;
  }

  /** A new claim: the next free number, today, one blank item. */
  protected async blankValues(): Promise<ClaimValues> {
    const today = this.deps.today();
    return {
      claimNumber: await suggestClaimNumber(this.db),
      employeeNumber: '',
      date: today,
      status: 'draft',
      items: [this.blankItem(today)],
    };
  }

  private blankItem(date: string): ClaimItemValues {
    return {
      date,
      expenseType: '',
      description: '',
      amount: '',
      vatAmount: '',
      currency: this.master.currency,
      projectNumber: '',
    };
  }

  protected toValues(claim: Claim): ClaimValues {
    return {
      claimNumber: claim.claimNumber,
      employeeNumber: claim.employeeNumber,
      date: claim.date,
      status: claim.status,
      items: claim.items.map((item) => ({
        date: item.date,
        expenseType: item.expenseType,
        description: item.description,
        amount: amountText(item.amount, item.currency),
        vatAmount: amountText(item.vatAmount, item.currency),
        currency: item.currency,
        projectNumber: item.projectNumber,
      })),
    };
  }

  set<F extends ClaimField>(field: F, value: ClaimValues[F]): void {
    this.values[field] = value;
    this.touched[field] = true;
  }

  setItem(index: number, field: ClaimItemField, value: string): void {
    const item = this.values.items[index];
    if (!item) return;
    item[field] = value;
    this.touched[childField('items', index, field)] = true;
  }

  addItem(): void {
    const last = this.values.items[this.values.items.length - 1];
    const item = this.blankItem(this.values.date);
    // The next receipt is most often in the same currency and on the same project.
    if (last) Object.assign(item, { currency: last.currency, projectNumber: last.projectNumber });
    this.values.items.push(item);
  }

  removeItem(index: number): void {
    this.values.items.splice(index, 1);
    // Touched marks follow their items' positions.
    const touched: Record<string, boolean> = {};
    for (const [field, on] of Object.entries(this.touched)) {
      const m = /^items\[(\d+)\]\.(.+)$/.exec(field);
      if (!m) touched[field] = on;
      else if (Number(m[1]) < index) touched[field] = on;
      else if (Number(m[1]) > index) touched[childField('items', Number(m[1]) - 1, m[2]!)] = on;
    }
    this.touched = touched;
  }

  private item(values: ClaimItemValues): ClaimItem {
    const currency = values.currency.trim().toUpperCase();
    return {
      date: values.date.trim(),
      expenseType: values.expenseType,
      description: values.description.trim(),
      amount: parseAmount(values.amount, currency) ?? 0,
      vatAmount: parseAmount(values.vatAmount, currency) ?? 0,
      currency,
      projectNumber: values.projectNumber,
    };
  }

  /** The claim the values make. */
  record(): Claim {
    const v = this.values;
    return {
      ...(this.original ?? {}),
      claimNumber: v.claimNumber.trim(),
      employeeNumber: v.employeeNumber,
      date: v.date.trim(),
      status: v.status,
      items: v.items.map((i) => this.item(i)),
    };
  }

  protected check(): FieldProblem[] {
    const v = this.values;
    const claim = this.record();
    const out: FieldProblem[] = [
      ...requiredProblems('claimNumber', claim.claimNumber),
      ...requiredProblems('employeeNumber', claim.employeeNumber),
      ...requiredProblems('date', claim.date),
      ...referenceProblems(
        'employeeNumber',
        claim.employeeNumber,
        this.master.users.map((u) => u.employeeNumber),
        'records.unknownEmployee',
      ),
    ];
    const typed = new Set<string>();
    v.items.forEach((values, i) => {
      const f = (name: string) => childField('items', i, name);
      const currency = values.currency.trim().toUpperCase();
      const amount = parseAmount(values.amount, currency);
      const vat = parseAmount(values.vatAmount, currency);
      const bad = [
        ...parseProblems(f('amount'), values.amount, amount, true),
        ...parseProblems(f('vatAmount'), values.vatAmount, vat, true),
      ];
      for (const p of bad) typed.add(p.field);
      pushAll(out, [
        ...requiredProblems(f('date'), values.date.trim()),
        ...requiredProblems(f('expenseType'), values.expenseType),
        ...requiredProblems(f('amount'), amount),
        ...requiredProblems(f('currency'), currency),
        ...bad,
        ...referenceProblems(
          f('expenseType'),
          values.expenseType,
          this.master.expenseTypes.map((e) => e.code),
          'records.unknownExpenseType',
        ),
        ...referenceProblems(
          f('projectNumber'),
          values.projectNumber,
          this.master.projects.map((p) => p.number),
          'records.unknownProject',
        ),
      ]);
    });
    // The shared rules see what was typed where it is no amount (so they do not report it twice).
    const shared = validateClaim({
      ...claim,
      items: claim.items.map((item, i) => ({
        ...item,
        ...(typed.has(childField('items', i, 'amount')) ? { amount: null } : {}),
        ...(typed.has(childField('items', i, 'vatAmount')) ? { vatAmount: null } : {}),
      })),
    });
    pushAll(out, shared);
    if (v.items.length === 0)
      out.push({ field: 'items', severity: 'error', code: 'no-items', params: {}, message: t('records.noItems') });
    return out;
  }

  /** The claim's amount per currency, for the form's own sum line. */
  get sums(): Record<string, number> {
    const sums: Record<string, number> = {};
    for (const item of this.values.items) {
      const currency = item.currency.trim().toUpperCase();
      const amount = parseAmount(item.amount, currency);
      if (currency && amount !== null && !Number.isNaN(amount)) sums[currency] = (sums[currency] ?? 0) + amount;
    }
    return sums;
  }
}
