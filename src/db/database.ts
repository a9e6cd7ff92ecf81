/**
 * The one Dexie schema. Each `version(n)` is a migration step: never edit a released
 * step, add a new one (with an `upgrade` when stored records change shape).
 */
import { Dexie, type Table } from 'dexie';
import type {
  Account,
  Claim,
  Company,
  Customer,
  ExpenseType,
  Invoice,
  Project,
  TimeRecord,
  User,
  VatCode,
} from '../core/domain/types.ts';
import type { ExportBatch, ExportConfig } from '../core/export/types.ts';
import type { TransferJournalRow } from './export-status.ts';
import { addToDay, timeRecordDaysMiddleware, type TimeRecordDayRow } from './time-record-days.ts';

export interface CompanyRow extends Company {
  /** Always `company`: one company per browser profile. */
  id: 'company';
}

export interface ExportFileRow {
  /** Same id as in `ExportBatch.files[].id`. */
  id: string;
  batchId: string;
  name: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** A period export's record keys, apart from its batch row (see `withRecordKeys` in export-store.ts). */
export interface ExportBatchKeysRow {
  batchId: string;
  /** JSON array text of time-record ids or claim numbers. */
  json: string;
}

export interface TemplateRow {
  id: string;
  name: string;
  dataType: string;
  /** The portable template JSON object (src/core/templates). */
  template: Record<string, unknown>;
}

export interface ImportPresetRow {
  id: string;
  name: string;
  kind: string;
  preset: Record<string, unknown>;
}

export interface ImportHistoryRow {
  id: string;
  createdAt: string;
  fileName: string;
  kind: string;
  presetName: string;
  counts: { new: number; updated: number; unchanged: number; rejected: number };
  /**
   * What undo needs, per table: the primary keys of the records added, and for each updated
   * record its key, the version before the import (restored) and the version the import wrote
   * (undo is refused when the stored record no longer equals it).
   */
  undo: { table: string; added: string[]; updated: { key: string; before: unknown; after: unknown }[] }[];
  status: 'active' | 'undone';
  /** When Undo ran; '' while active. */
  undoneAt: string;
}

export class ExportdeskDatabase extends Dexie {
  company!: Table<CompanyRow, string>;
  customers!: Table<Customer, string>;
  projects!: Table<Project, string>;
  users!: Table<User, string>;
  accounts!: Table<Account, string>;
  vatCodes!: Table<VatCode, string>;
  expenseTypes!: Table<ExpenseType, string>;
  invoices!: Table<Invoice, string>;
  timeRecords!: Table<TimeRecord, string>;
  claims!: Table<Claim, string>;
  exportConfigs!: Table<ExportConfig, string>;
  exportBatches!: Table<ExportBatch, string>;
  exportFiles!: Table<ExportFileRow, string>;
  templates!: Table<TemplateRow, string>;
  importPresets!: Table<ImportPresetRow, string>;
  importHistory!: Table<ImportHistoryRow, string>;
  transferJournal!: Table<TransferJournalRow, string>;
  exportBatchKeys!: Table<ExportBatchKeysRow, string>;
  timeRecordDays!: Table<TimeRecordDayRow, string>;

  constructor(name = 'exportdesk') {
    super(name);
    this.version(1).stores({
      company: 'id',
      customers: 'number, name',
      projects: 'number, customerNumber',
      users: 'employeeNumber, name',
      accounts: 'number',
      vatCodes: 'code',
      expenseTypes: 'code',
      invoices: 'id, number, issueDate, customerNumber, status, exportStatus, [exportStatus+issueDate]',
      timeRecords: 'id, date, [employeeNumber+date], [projectNumber+date]',
      claims: 'claimNumber, date, [employeeNumber+date]',
      exportConfigs: 'id',
      exportBatches: 'id, createdAt',
      exportFiles: 'id, batchId',
      templates: 'id, name',
      importPresets: 'id, kind',
      importHistory: 'id, createdAt',
    });
    // v2: invoices keep only the indexes the pages and exports query. Every index is rewritten
    // on each put, and the status update of a large export batch was dominated by them.
    // `where('exportStatus')` still works on the first part of the compound index.
    this.version(2).stores({
      invoices: 'id, number, issueDate, [exportStatus+issueDate]',
    });
    // v3: the transfer journal (src/db/export-status.ts): export runs record Has been
    // transferred there, and a settle step copies it into the invoice rows afterwards.
    this.version(3).stores({
      transferJournal: 'id, batchId',
    });
    // v4: a period export's record keys in a row of their own, so that listing the history
    // does not load (and a commit does not hold) a million keys; older batches keep theirs inline.
    this.version(4).stores({
      exportBatchKeys: 'batchId',
    });
    // v5: invoices by customer, `[customerNumber+issueDate]`, so that a search by customer name
    // (src/db/queries.ts) reads that customer's invoices, newest first within the date filter,
    // instead of walking the table; it also answers "which invoices refer to this customer".
    // Time records and claims have their `[employeeNumber+date]` and `[projectNumber+date]`
    // since v1. No stored record changes shape, so no upgrade step: Dexie builds the index.
    this.version(5).stores({
      invoices: 'id, number, issueDate, [exportStatus+issueDate], [customerNumber+issueDate]',
    });
    // v6: an export status per purpose (issue 15). `exportStatus` stays the accounting status;
    // `factoringStatus` is new, with its own "To transfer by issue date" index for the bell and
    // the factoring run. Invoices stored before it start as Has been transferred for factoring,
    // so that no old invoice is suddenly sent to a factoring company; a draft gets To transfer
    // when it is finalized, like any new invoice. A journal row left unsettled by an older
    // version was an accounting export's.
    this.version(6)
      .stores({
        invoices:
          'id, number, issueDate, [exportStatus+issueDate], [factoringStatus+issueDate], [customerNumber+issueDate]',
      })
      .upgrade(async (tx) => {
        await tx
          .table('invoices')
          .toCollection()
          .modify((invoice: Partial<Invoice>) => {
            invoice.factoringStatus ??= 'transferred';
          });
        await tx
          .table('transferJournal')
          .toCollection()
          .modify((row: Partial<TransferJournalRow>) => {
            row.purpose ??= 'accounting';
          });
      });
    // v7: running sums of the time records per day (src/db/time-record-days.ts), for the Time
    // records list's Total over 1M records. The upgrade sums the stored records once; from then on
    // the middleware keeps the sums in the same transaction as every write to `timeRecords`.
    this.version(7)
      .stores({ timeRecordDays: 'date' })
      .upgrade(async (tx) => {
        const days = new Map<string, TimeRecordDayRow>();
        await tx
          .table('timeRecords')
          .toCollection()
          .each((record: TimeRecord) => addToDay(days, record));
        await tx.table('timeRecordDays').bulkPut([...days.values()]);
      });
    this.use(timeRecordDaysMiddleware);
  }
}

/**
 * Tables that hold the company's data (cleared when another company is loaded). `timeRecordDays`
 * is not one: it is derived, and follows `timeRecords` through its middleware.
 */
export const DATA_TABLES = [
  'company',
  'customers',
  'projects',
  'users',
  'accounts',
  'vatCodes',
  'expenseTypes',
  'invoices',
  'timeRecords',
  'claims',
  'exportConfigs',
  'exportBatches',
  'exportFiles',
  'templates',
  'importPresets',
  'importHistory',
  'transferJournal',
  'exportBatchKeys',
] as const;
