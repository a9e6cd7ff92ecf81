/**
 * One register form (the company, a customer, project, co-worker, account, VAT code or expense
 * type) as rune state: the values being edited, the problems the rule set finds in them (errors
 * block Save, warnings do not), and Save / Delete through src/db/register-store.ts.
 *
 * A save names the version the form was opened with. When another tab changed or deleted the
 * record meanwhile, the save writes nothing and `conflict` holds their version beside this
 * form's, field by field; the user keeps theirs or overwrites it with this form's values.
 */
import { date } from '../format.ts';
import { maxOf } from '../../core/push-all.ts';
import { liveQuery } from 'dexie';
import { db as appDb } from '../app-db.ts';
import { errorMessage } from '../error-message.ts';
import { t, type MessageKey } from '../messages.ts';
import { FORM_FIELDS, type FormField } from './register-fields.ts';
import { readMasterData } from '../../db/company-store.ts';
import {
  deleteRegisterRecord,
  REGISTERS,
  sameRecord,
  saveCompany,
  saveRegisterRecord,
  type ListKind,
  type RecordReference,
} from '../../db/register-store.ts';
import type { ExportdeskDatabase } from '../../db/database.ts';
import { starterRegisters } from '../../core/charts/index.ts';
import { homeCurrency, newCompanyRecord, starterCountryOf } from '../../core/company-file/new-company.ts';
import { toIsoDateTime } from '../../core/domain/dates.ts';
import { emptyCompanyData, type Company, type CompanyData } from '../../core/domain/types.ts';
import { validateRegisterRecord, type FieldProblem, type RegisterKind } from '../../core/validation/index.ts';

type AnyRecord = Record<string, unknown>;

export interface RegisterFormDeps {
  db: ExportdeskDatabase;
  now: () => string;
  /** The rule set (src/core/validation); tests pass their own to pin down what the form does with problems. */
  validate: typeof validateRegisterRecord;
}

export interface FieldDiff {
  field: string;
  label: string;
  theirs: string;
  yours: string;
}

const USED_BY: Readonly<Record<RecordReference['table'], MessageKey>> = {
  customers: 'registers.usedBy.customers',
  projects: 'registers.usedBy.projects',
  users: 'registers.usedBy.users',
  accounts: 'registers.usedBy.accounts',
  vatCodes: 'registers.usedBy.vatCodes',
  expenseTypes: 'registers.usedBy.expenseTypes',
  invoices: 'registers.usedBy.invoices',
  timeRecords: 'registers.usedBy.timeRecords',
  claims: 'registers.usedBy.claims',
};

/** The next free number after the highest all-digit key, or '' when the keys are not numbers. */
function nextNumber(keys: readonly string[]): string {
  const numbers = keys.filter((k) => /^\d{1,15}$/.test(k)).map(Number);
  return numbers.length > 0 ? String(maxOf(numbers) + 1) : '';
}

function display(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export class RegisterForm {
  readonly kind: RegisterKind;
  readonly fields: readonly FormField[];
  /** The record as the form opened it (or as last saved); null for a new record. */
  original = $state.raw<AnyRecord | null>(null);
  /** Input values: text and number fields as text, check boxes as booleans. */
  values = $state<AnyRecord>({});
  master = $state.raw<CompanyData>(emptyCompanyData());
  /** The stored record while the form is open (live); null once deleted, undefined before the first read. */
  stored = $state.raw<AnyRecord | null | undefined>(undefined);
  /** Fields the user has changed: their problems show at once; the others' after a save attempt. */
  touched = $state<Record<string, boolean>>({});
  attempted = $state(false);
  conflict = $state.raw<{ theirs: AnyRecord | null; diffs: FieldDiff[] } | null>(null);
  /** Why the last save or delete was refused (a taken key, references); '' when it was not. */
  refusal = $state<string[]>([]);
  status = $state('');
  busy = $state(false);
  notFound = $state(false);

  readonly problems: FieldProblem[] = $derived.by(() =>
    this.deps.validate(this.kind, this.record(), this.master, {
      ...(this.original ? { originalKey: this.keyOf(this.original) } : {}),
    }),
  );
  readonly hasErrors = $derived(this.problems.some((p) => p.severity === 'error'));
  /** The record was changed or deleted in another tab since the form opened it. */
  readonly changedElsewhere = $derived(
    this.original !== null && this.stored !== undefined && !sameRecord(this.stored, this.original),
  );
  private readonly deps: RegisterFormDeps;

  constructor(kind: RegisterKind, deps: Partial<RegisterFormDeps> = {}) {
    this.kind = kind;
    this.fields = FORM_FIELDS[kind];
    this.deps = { db: appDb, now: () => toIsoDateTime(new Date()), validate: validateRegisterRecord, ...deps };
  }

  get isNew(): boolean {
    return this.original === null;
  }

  private keyOf(record: AnyRecord): string {
    return this.kind === 'company' ? 'company' : String(record[REGISTERS[this.kind].key] ?? '');
  }

  /**
   * Reads the record `key` (ignored for the company) and the master data the rules check
   * against; `key` null starts a new record (for the company: the set-up of a new one).
   */
  async open(key: string | null): Promise<void> {
    const { db } = this.deps;
    const master = await readMasterData(db);
    this.master = master ?? emptyCompanyData();
    let record: AnyRecord | undefined;
    if (this.kind === 'company') record = key === null || !master ? undefined : { ...master.company };
    else if (key !== null) record = await db.table(REGISTERS[this.kind].table).get(key);
    this.notFound = key !== null && record === undefined;
    this.original = record ?? null;
    this.stored = record ?? (this.original ? null : undefined);
    this.values = this.toValues(record ?? this.newRecord());
  }

  /** Keeps `stored` live while the form is open; returns the unsubscribe. */
  watch(): () => void {
    const { db } = this.deps;
    const subscription = liveQuery(async () => {
      if (!this.original) return undefined;
      if (this.kind === 'company') {
        const row = await db.company.get('company');
        if (!row) return null;
        const { id: _id, ...company } = row;
        return company as AnyRecord;
      }
      return ((await db.table(REGISTERS[this.kind].table).get(this.keyOf(this.original))) as AnyRecord) ?? null;
    }).subscribe({
      next: (value) => {
        if (this.original) this.stored = value;
      },
      error: (e: unknown) => (this.status = errorMessage(e)),
    });
    return () => subscription.unsubscribe();
  }

  private newRecord(): AnyRecord {
    const company = this.master.company;
    const m = this.master;
    switch (this.kind) {
      case 'company':
        return { ...newCompanyRecord() };
      case 'customer':
        return {
          number: nextNumber(m.customers.map((c) => c.number)),
          name: '',
          orgNumber: '',
          email: '',
          phone: '',
          addressLine1: '',
          addressLine2: '',
          postalCode: '',
          city: '',
          countryCode: company.countryCode,
          currency: company.currency,
          paymentTermsDays: 14,
          peppolId: '',
          ledgerAccount: '',
        };
      case 'project':
        return {
          number: nextNumber(m.projects.map((p) => p.number)),
          name: '',
          customerNumber: '',
          departmentNumber: '',
          billable: true,
        };
      case 'user':
        return {
          employeeNumber: nextNumber(m.users.map((u) => u.employeeNumber)),
          name: '',
          email: '',
          departmentNumber: '',
          external: false,
          payRates: {},
        };
      case 'account':
        return { number: '', name: '', kind: 'revenue', vatCode: '' };
      case 'vatCode':
        return { code: '', ratePercent: 25, description: '', accountNumber: '', standardTaxCode: '' };
      case 'expenseType':
        return { code: '', name: '', accountNumber: '', vatCode: '', wageCode: '' };
    }
  }

  private toValues(record: AnyRecord): AnyRecord {
    const values: AnyRecord = {};
    for (const field of this.fields) {
      const value = record[field.name];
      values[field.name] =
        field.input === 'checkbox' ? value === true : value === undefined ? (field.absentValue ?? '') : String(value);
    }
    return values;
  }

  /** The record the form's values make: the fields not in the form kept as opened, `updatedAt` left to the save. */
  record(): AnyRecord {
    const base: AnyRecord = { ...(this.original ?? this.newRecord()) };
    delete base['updatedAt'];
    for (const field of this.fields) {
      const value = this.values[field.name];
      if (field.input === 'checkbox') base[field.name] = value === true;
      else if (field.input === 'number') {
        const text = String(value ?? '')
          .trim()
          .replace(',', '.');
        base[field.name] = text === '' ? null : Number(text);
      } else {
        const text = String(value ?? '').trim();
        if (field.omitWhenEmpty && text === '') delete base[field.name];
        else base[field.name] = text;
      }
    }
    return base;
  }

  set(field: string, value: unknown): void {
    this.values[field] = value;
    this.touched[field] = true;
    // A new company's currency follows its country until the user sets one of their own.
    if (this.kind === 'company' && field === 'countryCode' && !this.touched['currency']) {
      const currency = homeCurrency(String(value));
      if (currency) this.values['currency'] = currency;
    }
  }

  /** The problems to show at a field now. */
  problemsOf(field: string): FieldProblem[] {
    if (!this.attempted && !this.touched[field]) return [];
    return this.problems.filter((p) => p.field === field);
  }

  /** Saves; true when stored. Blocked by errors; a conflict or refusal is shown instead. */
  async save(): Promise<boolean> {
    this.attempted = true;
    this.refusal = [];
    this.status = '';
    if (this.hasErrors) return false;
    this.busy = true;
    try {
      return await this.write(this.record(), this.original);
    } catch (e) {
      this.status = errorMessage(e);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async write(record: AnyRecord, original: AnyRecord | null): Promise<boolean> {
    const { db, now } = this.deps;
    if (this.kind === 'company') {
      const setUp = original === null;
      const result = await saveCompany(db, record as unknown as Company, {
        original: original as Company | null,
        now: now(),
        // A new company, or one made by an import and so without a chart, gets the country's starter chart.
        ...(setUp || this.master.accounts.length === 0
          ? { starter: starterRegisters(starterCountryOf(String(record['countryCode']))) }
          : {}),
      });
      if (result.status === 'conflict') return this.conflicted(result.current as AnyRecord | null);
      this.saved(result.company as unknown as AnyRecord);
      return true;
    }
    const result = await saveRegisterRecord(db, this.kind, record, { original, now: now() });
    if (result.status === 'conflict') return this.conflicted(result.current);
    if (result.status === 'key-taken') {
      this.refusal = [t('registers.keyTaken', { key: result.key })];
      return false;
    }
    this.saved(result.record);
    return true;
  }

  private saved(record: AnyRecord): void {
    this.original = record;
    this.stored = record;
    this.values = this.toValues(record);
    this.conflict = null;
    this.touched = {};
    this.attempted = false;
    this.status = t('registers.saved');
  }

  private conflicted(theirs: AnyRecord | null): false {
    const yours = this.record();
    const diffs: FieldDiff[] = [];
    for (const field of this.fields) {
      const a = display(theirs?.[field.name]);
      const b = display(yours[field.name]);
      if (a !== b) diffs.push({ field: field.name, label: t(field.label), theirs: a, yours: b });
    }
    this.conflict = { theirs, diffs };
    return false;
  }

  /** After a conflict: take the other tab's version into the form (nothing of this form is stored). */
  keepTheirs(): void {
    const theirs = this.conflict?.theirs ?? null;
    this.conflict = null;
    if (theirs) {
      this.original = theirs;
      this.stored = theirs;
      this.values = this.toValues(theirs);
      this.touched = {};
      this.status = t('registers.keptTheirs');
    } else this.status = t('registers.deletedElsewhere');
  }

  /** After a conflict: store this form's values over the version shown as theirs (re-creating a deleted record). */
  async overwrite(): Promise<boolean> {
    if (!this.conflict) return false;
    const theirs = this.conflict.theirs;
    this.conflict = null;
    this.original = theirs;
    return this.save();
  }

  /** Deletes the record; refused, with what refers to it, while anything does. */
  async remove(): Promise<boolean> {
    if (this.kind === 'company' || !this.original) return false;
    this.refusal = [];
    this.busy = true;
    try {
      const result = await deleteRegisterRecord(this.deps.db, this.kind as ListKind, this.original);
      if (result.status === 'conflict') return this.conflicted(result.current);
      if (result.status === 'refused') {
        this.refusal = [
          t('registers.deleteRefused'),
          // A time record is named by its date, shown the UI language's way.
          ...result.references.map((r) =>
            t(USED_BY[r.table], { count: r.count, example: r.table === 'timeRecords' ? date(r.example) : r.example }),
          ),
        ];
        return false;
      }
      return true;
    } catch (e) {
      this.status = errorMessage(e);
      return false;
    } finally {
      this.busy = false;
    }
  }
}
