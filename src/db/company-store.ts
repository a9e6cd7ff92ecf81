/**
 * Moving whole companies in and out of the database: load a company file (demo,
 * backup, CLI output) and write a backup. Each load is one transaction, so a failure, a
 * Cancel or a closed tab leaves the previous company untouched (docs/decisions/0007-restore.md).
 */
import type { CompanyData } from '../core/domain/types.ts';
import {
  checkCompanyFile,
  readStreamText,
  refused,
  serializeCompanyFile,
  toCompanyFile,
  type CompanyFile,
  type ExportFileEntry,
} from '../core/company-file/company-file.ts';
import type { BackupOptions, RestoreOptions, RestoreProgress, RestoreResult } from '../core/company-file/api.ts';
import { base64ToBytes, bytesToBase64 } from '../core/company-file/base64.ts';
import { fileIssue } from '../core/company-file/file-issues.ts';
import { errorName, isQuotaExceeded } from '../core/company-file/storage-errors.ts';
import { DATA_TABLES, type ExportdeskDatabase } from './database.ts';
import { readInvoicesWithStatus, statusTables } from './export-status.ts';
import { withRecordKeys } from './export-store.ts';

/**
 * Records per bulkAdd inside the one restore transaction: large enough that the awaits between
 * chunks cost nothing beside the writes, small enough for a smooth bar and a prompt Cancel.
 */
export const RESTORE_CHUNK = 5000;

/** Thrown inside the restore transaction when its signal is aborted: Dexie then aborts the transaction. */
export class RestoreCancelledError extends Error {
  constructor() {
    super('The restore was cancelled; nothing was changed.');
    this.name = 'RestoreCancelledError';
  }
}

export interface ReplaceCompanyOptions {
  /** Records written out of all records in the file (after each chunk). */
  onProgress?: (done: number, total: number) => void;
  /** Checked before each chunk; when aborted the transaction is aborted and nothing changes. */
  signal?: AbortSignal;
}

/**
 * Replaces the stored company with `file` in ONE read-write transaction over every data table,
 * written in chunks (decision 0007: measured against staging tables and a bare bulkAdd).
 */
export async function replaceCompany(
  db: ExportdeskDatabase,
  file: CompanyFile,
  options: ReplaceCompanyOptions = {},
): Promise<void> {
  const { onProgress, signal } = options;
  const status = statusTables(db);
  const statusNames = new Set(status.map((table) => table.name));
  const others = DATA_TABLES.filter((name) => !statusNames.has(name)).map((name) => db.table(name));
  const templates = file.templates.map(({ id, ...template }) => {
    const inner = (template['template'] ?? {}) as Record<string, unknown>;
    return {
      id: String(id ?? crypto.randomUUID()),
      name: String(inner['name'] ?? ''),
      dataType: String(inner['dataType'] ?? ''),
      template,
    };
  });
  const exportFiles = (file.exportFiles ?? []).map(({ base64, ...meta }) => ({
    ...meta,
    bytes: base64ToBytes(base64),
  }));
  const importPresets = file.importPresets.map((preset) => ({
    id: String(preset['id'] ?? crypto.randomUUID()),
    name: String(preset['name'] ?? ''),
    kind: String(preset['kind'] ?? ''),
    preset,
  }));
  const lists: [{ bulkAdd(items: readonly unknown[]): Promise<unknown> }, readonly unknown[]][] = [
    [db.company, [{ ...file.company, id: 'company' }]],
    [db.customers, file.customers],
    [db.projects, file.projects],
    [db.users, file.users],
    [db.accounts, file.accounts],
    [db.vatCodes, file.vatCodes],
    [db.expenseTypes, file.expenseTypes],
    [db.invoices, file.invoices],
    [db.claims, file.claims],
    [db.timeRecords, file.timeRecords],
    [db.exportConfigs, file.exportConfigs],
    [db.exportBatches, file.exportHistory],
    [db.templates, templates],
    [db.importPresets, importPresets],
    [db.exportFiles, exportFiles],
  ];
  const total = lists.reduce((sum, [, rows]) => sum + rows.length, 0);
  const stopIfCancelled = () => {
    if (signal?.aborted) throw new RestoreCancelledError();
  };
  stopIfCancelled();
  await db.transaction('rw', [...others, ...status], async () => {
    // Writing starts with emptying the old company (seconds for a large one), so report it first.
    onProgress?.(0, total);
    // The invoices and the transfer journal are cleared as the status module names them. All
    // clears are queued at once: IndexedDB runs them in order, and one wait replaces eighteen.
    await Promise.all([...others, ...status].map((table) => table.clear()));
    let done = 0;
    if (total <= RESTORE_CHUNK) {
      // A small company is one chunk: every table's rows queued at once, one wait for all.
      stopIfCancelled();
      await Promise.all(lists.filter(([, rows]) => rows.length > 0).map(([table, rows]) => table.bulkAdd(rows)));
      onProgress?.(total, total);
      return;
    }
    for (const [table, rows] of lists) {
      for (let i = 0; i < rows.length; i += RESTORE_CHUNK) {
        stopIfCancelled();
        const chunk = rows.length <= RESTORE_CHUNK ? rows : rows.slice(i, i + RESTORE_CHUNK);
        await table.bulkAdd(chunk);
        done += chunk.length;
        onProgress?.(done, total);
      }
    }
    stopIfCancelled();
  });
}

/**
 * A restore from a backup file, phase by phase (reading, checking, writing), each reported
 * through `onProgress`. Never throws for a bad file, a Cancel or a database that refuses the
 * records (a full disk): the result says which, as codes. The database is replaced only when all
 * three phases finish; until then it is as it was.
 */
export async function restoreCompanyFile(
  db: ExportdeskDatabase,
  file: Blob,
  options: { onProgress?: RestoreProgress; signal?: AbortSignal } & RestoreOptions = {},
): Promise<RestoreResult> {
  const { onProgress, signal } = options;
  const cancelled: RestoreResult = { ok: false, cancelled: true, errors: [] };
  let parsed: unknown;
  {
    // Scoped so that the text can be collected as soon as it is parsed (only the records stay).
    const text = await readStreamText(file.stream(), file.size, (done, total) => onProgress?.('reading', done, total));
    if (signal?.aborted) return cancelled;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return refused([fileIssue('not-json', '', { detail: (error as Error).message })]);
    }
  }
  if (signal?.aborted) return cancelled;
  const checked = checkCompanyFile(parsed, (done, total) => onProgress?.('checking', done, total));
  if (!checked.ok) return checked;
  if (signal?.aborted) return cancelled;
  try {
    // Read only once the file has passed: a refused file replaces nothing, so needs no copy.
    const before = options.keepReplaced ? await readCompanyFile(db, { includeFiles: true }) : null;
    await replaceCompany(db, checked.file, {
      signal,
      onProgress: (done, total) => onProgress?.('writing', done, total),
    });
    const { invoices, timeRecords, claims } = checked.file;
    const records = invoices.length + timeRecords.length + claims.length;
    return before ? { ok: true, records, replaced: serializeCompanyFile(before) } : { ok: true, records };
  } catch (error) {
    if (error instanceof RestoreCancelledError) return cancelled;
    return refused([storageIssue(error)]);
  }
}

/** A database failure as a code: a full disk (the quota), or any other refusal by its name only. */
export function storageIssue(error: unknown) {
  return isQuotaExceeded(error)
    ? fileIssue('storage-full')
    : fileIssue('storage-failed', '', { name: errorName(error) });
}

export async function hasCompany(db: ExportdeskDatabase): Promise<boolean> {
  return (await db.company.count()) > 0;
}

/** Everything formats and templates read, straight from the database. */
export async function readCompanyData(db: ExportdeskDatabase): Promise<CompanyData | null> {
  return db.transaction(
    'r',
    [
      db.company,
      db.customers,
      db.projects,
      db.users,
      db.accounts,
      db.vatCodes,
      db.expenseTypes,
      ...statusTables(db),
      db.timeRecords,
      db.claims,
    ],
    async () => {
      const master = await readMasterData(db);
      if (!master) return null;
      return {
        ...master,
        invoices: await readInvoicesWithStatus(db, (invoices) => invoices.toArray()),
        timeRecords: await db.timeRecords.toArray(),
        claims: await db.claims.toArray(),
      };
    },
  );
}

/** Master data only (no invoices, time records or claims): what every export needs besides its records. */
export async function readMasterData(db: ExportdeskDatabase): Promise<CompanyData | null> {
  return db.transaction(
    'r',
    [db.company, db.customers, db.projects, db.users, db.accounts, db.vatCodes, db.expenseTypes],
    async () => {
      const [row, lists] = await Promise.all([db.company.get('company'), readMasterLists(db)]);
      if (!row) return null;
      const { id: _id, ...company } = row;
      return { company, ...lists, invoices: [], timeRecords: [], claims: [] };
    },
  );
}

/** The master-data tables as lists (call inside a transaction over them for a consistent read). */
export async function readMasterLists(
  db: ExportdeskDatabase,
): Promise<Pick<CompanyData, 'customers' | 'projects' | 'users' | 'accounts' | 'vatCodes' | 'expenseTypes'>> {
  // All six requests at once: one round trip's wait instead of six.
  const [customers, projects, users, accounts, vatCodes, expenseTypes] = await Promise.all([
    db.customers.toArray(),
    db.projects.toArray(),
    db.users.toArray(),
    db.accounts.toArray(),
    db.vatCodes.toArray(),
    db.expenseTypes.toArray(),
  ]);
  return { customers, projects, users, accounts, vatCodes, expenseTypes };
}

/**
 * The backup: the whole company as a company file, and with `includeFiles` the bytes of every
 * exported file of the history (otherwise the history's metadata only).
 */
export async function readCompanyFile(
  db: ExportdeskDatabase,
  options: BackupOptions = {},
): Promise<CompanyFile | null> {
  const data = await readCompanyData(db);
  if (!data) return null;
  let exportFiles: ExportFileEntry[] | undefined;
  if (options.includeFiles) {
    exportFiles = [];
    // One file at a time, by key order: a history of large files is never held twice.
    await db.exportFiles.each((row) => {
      exportFiles!.push({
        id: row.id,
        batchId: row.batchId,
        name: row.name,
        mimeType: row.mimeType,
        base64: bytesToBase64(row.bytes),
      });
    });
  }
  return toCompanyFile(data, {
    exportConfigs: await db.exportConfigs.toArray(),
    templates: (await db.templates.toArray()).map((row) => ({ id: row.id, ...row.template })),
    exportHistory: await withRecordKeys(db, await db.exportBatches.orderBy('createdAt').toArray()),
    importPresets: (await db.importPresets.toArray()).map((row) => row.preset),
    ...(exportFiles ? { exportFiles } : {}),
  });
}
