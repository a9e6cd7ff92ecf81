/**
 * Moving whole companies in and out of the database: load a company file (demo,
 * backup, CLI output) and write a backup. Each load is one transaction, so a failure, a
 * Cancel or a closed tab leaves the previous company untouched (docs/decisions/0007-restore.md).
 */
import type { CompanyData } from '../core/domain/types.ts';
import {
  checkCompanyFile,
  readStreamText,
  toCompanyFile,
  type CompanyFile,
} from '../core/company-file/company-file.ts';
import type { RestoreProgress, RestoreResult } from '../core/company-file/api.ts';
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
  ];
  const total = lists.reduce((sum, [, rows]) => sum + rows.length, 0);
  const stopIfCancelled = () => {
    if (signal?.aborted) throw new RestoreCancelledError();
  };
  stopIfCancelled();
  await db.transaction('rw', [...others, ...status], async () => {
    // Writing starts with emptying the old company (seconds for a large one), so report it first.
    onProgress?.(0, total);
    // The invoices and the transfer journal are cleared as the status module names them.
    for (const table of [...others, ...status]) await table.clear();
    let done = 0;
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
 * through `onProgress`. Never throws for a bad file or a Cancel: the result says which. The
 * database is replaced only when all three phases finish; until then it is as it was.
 */
export async function restoreCompanyFile(
  db: ExportdeskDatabase,
  file: Blob,
  options: { onProgress?: RestoreProgress; signal?: AbortSignal } = {},
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
      return {
        ok: false,
        errors: [`Not a company file: the text is not valid JSON (${(error as Error).message}).`],
      };
    }
  }
  if (signal?.aborted) return cancelled;
  const checked = checkCompanyFile(parsed, (done, total) => onProgress?.('checking', done, total));
  if (!checked.ok) return checked;
  if (signal?.aborted) return cancelled;
  try {
    await replaceCompany(db, checked.file, {
      signal,
      onProgress: (done, total) => onProgress?.('writing', done, total),
    });
  } catch (error) {
    if (error instanceof RestoreCancelledError) return cancelled;
    throw error;
  }
  const { invoices, timeRecords, claims } = checked.file;
  return { ok: true, records: invoices.length + timeRecords.length + claims.length };
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

/** The backup: the whole company as a company file (export history without file bytes). */
export async function readCompanyFile(db: ExportdeskDatabase): Promise<CompanyFile | null> {
  const data = await readCompanyData(db);
  if (!data) return null;
  return toCompanyFile(data, {
    exportConfigs: await db.exportConfigs.toArray(),
    templates: (await db.templates.toArray()).map((row) => ({ id: row.id, ...row.template })),
    exportHistory: await withRecordKeys(db, await db.exportBatches.orderBy('createdAt').toArray()),
    importPresets: (await db.importPresets.toArray()).map((row) => row.preset),
  });
}
