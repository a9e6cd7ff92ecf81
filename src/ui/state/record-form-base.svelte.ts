/**
 * What the time-record and claim forms (time-record-form.svelte.ts, claim-form.svelte.ts) do alike:
 * reading the record and the registers, the period exports that already took it, which problems
 * to show, Save and Delete with the conflict check of src/db/record-store.ts, and Reload after a
 * conflict. Each form adds its values, how they make a record, and its own checks.
 */
import { errorMessage } from '../error-message.ts';
import { t } from '../messages.ts';
import type { ExportdeskDatabase } from '../../db/database.ts';
import {
  exportedIn,
  type ExportedBatchRef,
  type RecordDeleteResult,
  type RecordSaveResult,
} from '../../db/record-store.ts';
import type { FieldProblem } from '../../core/validation/index.ts';
import { emptyRecordMaster, readRecordMaster, type RecordMaster } from './record-form-common.ts';

/** Where one kind of record is read, stored and deleted. */
export interface RecordFormStore<R> {
  /** The table the period exports name (`exportedIn`). */
  dataType: 'timeRecords' | 'claims';
  keyOf(record: R): string;
  read(db: ExportdeskDatabase, key: string): Promise<R | undefined>;
  save(db: ExportdeskDatabase, record: R, options: { original: R | null }): Promise<RecordSaveResult<R>>;
  remove(db: ExportdeskDatabase, original: R): Promise<RecordDeleteResult<R>>;
}

export abstract class RecordFormBase<R, V extends object> {
  /** The record as the form opened it (or as last saved); null for a new record. */
  original = $state.raw<R | null>(null);
  values = $state<V>(undefined!);
  master = $state.raw<RecordMaster>(emptyRecordMaster());
  /** Period exports that already took this record, newest first. */
  exported = $state.raw<ExportedBatchRef[]>([]);
  /** Touched fields by problem field name (`date`, `items[1].amount`). */
  touched = $state<Record<string, boolean>>({});
  attempted = $state(false);
  /** Set when a save or delete found the record changed or deleted elsewhere; nothing was written. */
  conflict = $state.raw<{ current: R | null } | null>(null);
  status = $state('');
  busy = $state(false);
  notFound = $state(false);

  /**
   * Fields whose typed text (a date) cannot be read: the field keeps its last good value, which is
   * not what the user sees, so Save refuses until it is fixed. The field itself says why.
   */
  unreadable = $state<Record<string, true>>({});

  readonly problems: FieldProblem[] = $derived.by(() => this.check());
  readonly hasErrors = $derived(
    this.problems.some((p) => p.severity === 'error') || Object.keys(this.unreadable).length > 0,
  );
  /** The co-worker and project pickers' choices, `<number> <name>`. */
  readonly employeeOptions = $derived(
    this.master.users.map((u) => ({ value: u.employeeNumber, label: `${u.employeeNumber} ${u.name}` })),
  );
  readonly projectOptions = $derived(
    this.master.projects.map((p) => ({ value: p.number, label: `${p.number} ${p.name}` })),
  );

  protected readonly db: ExportdeskDatabase;
  private readonly store: RecordFormStore<R>;

  protected constructor(db: ExportdeskDatabase, store: RecordFormStore<R>, initial: V) {
    this.db = db;
    this.store = store;
    this.values = initial;
  }

  get isNew(): boolean {
    return this.original === null;
  }

  /** The values of a stored record (the registers are read by then). */
  protected abstract toValues(record: R): V;
  /** The values of a new record. */
  protected abstract blankValues(): V | Promise<V>;
  /** The record the values make. */
  abstract record(): R;
  /** The shared rule set's problems and the form's own. */
  protected abstract check(): FieldProblem[];

  /** The record as it is stored (a new time record gets its id here). */
  protected forSave(record: R): R {
    return record;
  }

  /** Reads the record `key` (null: a new one) and the registers the pickers offer. */
  async open(key: string | null): Promise<void> {
    const { db, store } = this;
    const [master, record] = await Promise.all([
      readRecordMaster(db),
      key === null ? Promise.resolve(undefined) : store.read(db, key),
    ]);
    this.master = master;
    this.notFound = key !== null && record === undefined;
    this.original = record ?? null;
    this.values = record ? this.toValues(record) : await this.blankValues();
    this.exported = record ? await exportedIn(db, store.dataType, store.keyOf(record)) : [];
  }

  /** A date field's text became readable or not (`field` as in problems: `date`, `items[1].date`). */
  setReadable(field: string, readable: boolean): void {
    if (readable) delete this.unreadable[field];
    else this.unreadable[field] = true;
  }

  /** The problems to show at a field now: a touched field's at once, the others' after a save attempt. */
  problemsOf(field: string): FieldProblem[] {
    if (!this.attempted && !this.touched[field]) return [];
    return this.problems.filter((p) => p.field === field);
  }

  /** Saves; true when stored. Blocked by errors; a conflict is shown instead. */
  async save(): Promise<boolean> {
    this.attempted = true;
    this.status = '';
    if (this.hasErrors) return false;
    this.busy = true;
    try {
      const result = await this.store.save(this.db, this.forSave(this.record()), { original: this.original });
      if (result.status === 'conflict') {
        this.conflict = { current: result.current };
        return false;
      }
      if (result.status === 'key-taken') {
        this.status = t('records.keyTaken', { key: result.key });
        return false;
      }
      this.original = result.record;
      this.conflict = null;
      this.touched = {};
      this.attempted = false;
      this.status = t('records.saved');
      return true;
    } catch (e) {
      this.status = errorMessage(e);
      return false;
    } finally {
      this.busy = false;
    }
  }

  async remove(): Promise<boolean> {
    if (!this.original) return false;
    this.busy = true;
    try {
      const result = await this.store.remove(this.db, this.original);
      if (result.status === 'conflict') {
        this.conflict = { current: result.current };
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

  /** After a conflict: show the stored version (this form's changes are dropped). */
  reload(): void {
    const current = this.conflict?.current ?? null;
    this.conflict = null;
    if (!current) {
      this.notFound = true;
      return;
    }
    this.original = current;
    this.values = this.toValues(current);
    this.touched = {};
  }
}
