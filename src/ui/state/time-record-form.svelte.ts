/**
 * One time record's form as rune state (issue 14, item 5): the values being edited, the problems
 * the shared rule set (src/core/validation `validateTimeRecord`, as the CSV import) and the form's
 * own checks find (errors block Save), Save and Delete through src/db/record-store.ts, and the
 * period exports that already took the record (it can still be edited; the form warns).
 */
import { db as appDb } from '../app-db.ts';
import type { ExportdeskDatabase } from '../../db/database.ts';
import { deleteTimeRecord, saveTimeRecord } from '../../db/record-store.ts';
import { dateOf, toIsoDateTime } from '../../core/domain/dates.ts';
import type { TimeRecord } from '../../core/domain/types.ts';
import { validateTimeRecord, type FieldProblem } from '../../core/validation/index.ts';
import {
  amountText,
  parseAmount,
  parseDecimal,
  parseProblems,
  referenceProblems,
  requiredProblems,
} from './record-form-common.ts';
import { RecordFormBase, type RecordFormStore } from './record-form-base.svelte.ts';

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

const timeRecordStore: RecordFormStore<TimeRecord> = {
  dataType: 'timeRecords',
  keyOf: (record) => record.id,
  read: (db, id) => db.timeRecords.get(id),
  save: saveTimeRecord,
  remove: deleteTimeRecord,
};

export class TimeRecordForm extends RecordFormBase<TimeRecord, TimeRecordValues> {
  private readonly deps: TimeRecordFormDeps;

  constructor(deps: Partial<TimeRecordFormDeps> = {}) {
    const all: TimeRecordFormDeps = {
      db: appDb,
      newId: () => crypto.randomUUID(),
      today: () => dateOf(toIsoDateTime(new Date())),
      ...deps,
    };
    super(all.db, timeRecordStore, blankValues(''));
    this.deps = all;
  }

  protected blankValues(): TimeRecordValues {
    return blankValues(this.deps.today());
  }

  protected toValues(record: TimeRecord): TimeRecordValues {
    const currency = this.master.currency;
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

  protected check(): FieldProblem[] {
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
      // No project is required: the importer takes a record without one, and a firm that only runs
      // payroll has no projects (the payroll formats need none). One given must exist.
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

  /** A new record gets its id when first stored. */
  protected override forSave(record: TimeRecord): TimeRecord {
    if (!record.id) record.id = this.deps.newId();
    return record;
  }
}
