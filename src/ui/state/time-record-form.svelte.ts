/**
 * One time record's form as rune state (issue 14, item 5): the values being edited, the problems
 * the shared rule set (src/core/validation `validateTimeRecord`, as the CSV import) and the form's
 * own checks find (errors block Save), Save and Delete through src/db/record-store.ts, and the
 * period exports that already took the record (it can still be edited; the form warns).
 */
import { db as appDb } from '../app-db.ts';
import { errorMessage } from '../error-message.ts';
import { t } from '../messages.ts';
import type { ExportdeskDatabase } from '../../db/database.ts';
import {
  deleteTimeRecord,
  exportedIn,
  saveTimeRecord,
  type ExportedBatchRef,
  type RecordSaveResult,
} from '../../db/record-store.ts';
import { dateOf, toIsoDateTime } from '../../core/domain/dates.ts';
import type { TimeRecord } from '../../core/domain/types.ts';
import { validateTimeRecord, type FieldProblem } from '../../core/validation/index.ts';
import {
  amountText,
  emptyRecordMaster,
  parseAmount,
  parseDecimal,
  parseProblems,
  readRecordMaster,
  referenceProblems,
  requiredProblems,
  type RecordMaster,
} from './record-form-common.ts';

export interface TimeRecordFormDeps {
  db: ExportdeskDatabase;
  newId: () => string;
  today: () => string;
}

/** The form's inputs: text as typed, check boxes as booleans. */
export interface TimeRecordValues {
  date: string;
  employeeNumber: string;
  projectNumber: string;
  activity: string;
  hours: string;
  wageCode: string;
  rate: string;
  payRate: string;
  billable: boolean;
  approved: boolean;
  comment: string;
}

export type TimeRecordField = keyof TimeRecordValues;

function blankValues(date: string): TimeRecordValues {
  return {
    date,
    employeeNumber: '',
    projectNumber: '',
    activity: '',
    hours: '',
    wageCode: '',
    rate: '',
    payRate: '',
    billable: true,
    approved: false,
    comment: '',
  };
}

export class TimeRecordForm {
  /** The record as the form opened it (or as last saved); null for a new record. */
  original = $state.raw<TimeRecord | null>(null);
  values = $state<TimeRecordValues>(blankValues(''));
  master = $state.raw<RecordMaster>(emptyRecordMaster());
  /** Period exports that already took this record, newest first. */
  exported = $state.raw<ExportedBatchRef[]>([]);
  touched = $state<Partial<Record<TimeRecordField, boolean>>>({});
  attempted = $state(false);
  /** Set when a save or delete found the record changed or deleted elsewhere; nothing was written. */
  conflict = $state.raw<{ current: TimeRecord | null } | null>(null);
  status = $state('');
  busy = $state(false);
  notFound = $state(false);

  readonly problems: FieldProblem[] = $derived.by(() => this.check());
  readonly hasErrors = $derived(this.problems.some((p) => p.severity === 'error'));
  private readonly deps: TimeRecordFormDeps;

  constructor(deps: Partial<TimeRecordFormDeps> = {}) {
    this.deps = {
      db: appDb,
      newId: () => crypto.randomUUID(),
      today: () => dateOf(toIsoDateTime(new Date())),
      ...deps,
    };
  }

  get isNew(): boolean {
    return this.original === null;
  }

  /** Reads the record `id` (null: a new one) and the registers the pickers offer. */
  async open(id: string | null): Promise<void> {
    const { db } = this.deps;
    const [master, record] = await Promise.all([
      readRecordMaster(db),
      id === null ? Promise.resolve(undefined) : db.timeRecords.get(id),
    ]);
    this.master = master;
    this.notFound = id !== null && record === undefined;
    this.original = record ?? null;
    this.values = this.toValues(record ?? null, master.currency);
    this.exported = record ? await exportedIn(db, 'timeRecords', record.id) : [];
  }

  private toValues(record: TimeRecord | null, currency: string): TimeRecordValues {
    if (!record) return blankValues(this.deps.today());
    return {
      date: record.date,
      employeeNumber: record.employeeNumber,
      projectNumber: record.projectNumber,
      activity: record.activity,
      hours: String(record.hours),
      wageCode: record.wageCode,
      rate: amountText(record.rate, currency),
      payRate: amountText(record.payRate, currency),
      billable: record.billable,
      approved: record.approved,
      comment: record.comment,
    };
  }

  set<F extends TimeRecordField>(field: F, value: TimeRecordValues[F]): void {
    this.values[field] = value;
    this.touched[field] = true;
    // A new record on a project takes the project's billable flag until the user sets it.
    if (field === 'projectNumber' && this.isNew && !this.touched.billable) {
      const project = this.master.projects.find((p) => p.number === value);
      if (project) this.values.billable = project.billable;
    }
  }

  /** The record the values make (fields the form does not show kept as opened). */
  record(): TimeRecord {
    const v = this.values;
    const currency = this.master.currency;
    const base: TimeRecord = this.original ?? {
      id: '',
      date: '',
      employeeNumber: '',
      projectNumber: '',
      activity: '',
      hours: 0,
      wageCode: '',
      rate: null,
      payRate: null,
      billable: true,
      approved: false,
      comment: '',
    };
    return {
      ...base,
      date: v.date.trim(),
      employeeNumber: v.employeeNumber,
      projectNumber: v.projectNumber,
      activity: v.activity.trim(),
      hours: parseDecimal(v.hours) ?? 0,
      wageCode: v.wageCode.trim(),
      rate: parseAmount(v.rate, currency),
      payRate: parseAmount(v.payRate, currency),
      billable: v.billable,
      approved: v.approved,
      comment: v.comment.trim(),
    };
  }

  private check(): FieldProblem[] {
    const v = this.values;
    const currency = this.master.currency;
    const hours = parseDecimal(v.hours);
    const rate = parseAmount(v.rate, currency);
    const payRate = parseAmount(v.payRate, currency);
    const record = this.record();
    const typed = [
      ...parseProblems('hours', v.hours, hours, false),
      ...parseProblems('rate', v.rate, rate, true),
      ...parseProblems('payRate', v.payRate, payRate, true),
    ];
    const bad = new Set(typed.map((p) => p.field));
    return [
      ...requiredProblems('date', record.date),
      ...requiredProblems('employeeNumber', record.employeeNumber),
      ...requiredProblems('projectNumber', record.projectNumber),
      ...requiredProblems('hours', hours),
      ...typed,
      ...validateTimeRecord({ ...record, hours }).filter((p) => !bad.has(p.field)),
      ...referenceProblems(
        'employeeNumber',
        record.employeeNumber,
        this.master.users.map((u) => u.employeeNumber),
        'records.unknownEmployee',
      ),
      ...referenceProblems(
        'projectNumber',
        record.projectNumber,
        this.master.projects.map((p) => p.number),
        'records.unknownProject',
      ),
    ];
  }

  /** The problems to show at a field now: a touched field's at once, the others' after a save attempt. */
  problemsOf(field: TimeRecordField): FieldProblem[] {
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
      const record = this.record();
      if (!record.id) record.id = this.deps.newId();
      return this.settle(await saveTimeRecord(this.deps.db, record, { original: this.original }));
    } catch (e) {
      this.status = errorMessage(e);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private settle(result: RecordSaveResult<TimeRecord>): boolean {
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
  }

  async remove(): Promise<boolean> {
    if (!this.original) return false;
    this.busy = true;
    try {
      const result = await deleteTimeRecord(this.deps.db, this.original);
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
    this.values = this.toValues(current, this.master.currency);
    this.touched = {};
  }
}
