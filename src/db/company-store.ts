/**
 * Moving whole companies in and out of the database: load a company file (demo,
 * backup, CLI output) and write a backup. Each is one transaction, so a failure or a
 * closed tab leaves the previous company untouched.
 */
import type { CompanyData } from '../core/domain/types.ts';
import { toCompanyFile, type CompanyFile } from '../core/company-file/company-file.ts';
import { DATA_TABLES, type ExportdeskDatabase } from './database.ts';
import { readInvoicesWithStatus, statusTables } from './export-status.ts';
import { withRecordKeys } from './export-store.ts';

const CHUNK = 2000;

async function bulkAddChunked<T>(
  table: { bulkAdd(items: readonly T[]): Promise<unknown> },
  rows: readonly T[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await table.bulkAdd(rows.slice(i, i + CHUNK));
}

export async function replaceCompany(
  db: ExportdeskDatabase,
  file: CompanyFile,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const tables = DATA_TABLES.map((name) => db.table(name));
  const total = file.timeRecords.length + file.invoices.length + file.claims.length;
  await db.transaction('rw', tables, async () => {
    for (const table of tables) await table.clear();
    await db.company.add({ ...file.company, id: 'company' });
    await db.customers.bulkAdd(file.customers);
    await db.projects.bulkAdd(file.projects);
    await db.users.bulkAdd(file.users);
    await db.accounts.bulkAdd(file.accounts);
    await db.vatCodes.bulkAdd(file.vatCodes);
    await db.expenseTypes.bulkAdd(file.expenseTypes);
    await bulkAddChunked(db.invoices, file.invoices);
    await bulkAddChunked(db.claims, file.claims);
    for (let i = 0; i < file.timeRecords.length; i += CHUNK) {
      await db.timeRecords.bulkAdd(file.timeRecords.slice(i, i + CHUNK));
      onProgress?.(file.invoices.length + file.claims.length + Math.min(i + CHUNK, file.timeRecords.length), total);
    }
    await db.exportConfigs.bulkAdd(file.exportConfigs);
    await db.exportBatches.bulkAdd(file.exportHistory);
    await db.templates.bulkAdd(
      file.templates.map(({ id, ...template }) => {
        const inner = (template['template'] ?? {}) as Record<string, unknown>;
        return {
          id: String(id ?? crypto.randomUUID()),
          name: String(inner['name'] ?? ''),
          dataType: String(inner['dataType'] ?? ''),
          template,
        };
      }),
    );
    await db.importPresets.bulkAdd(
      file.importPresets.map((preset) => ({
        id: String(preset['id'] ?? crypto.randomUUID()),
        name: String(preset['name'] ?? ''),
        kind: String(preset['kind'] ?? ''),
        preset,
      })),
    );
  });
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
