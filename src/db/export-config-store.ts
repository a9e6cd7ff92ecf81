/**
 * Export configurations in the database. A purpose (accounting, factoring, payroll, other)
 * has at most one default export, the one Notifications runs first: saving a config marked
 * default clears the mark on the other configs of its purpose in the same transaction, so
 * no reader (another tab, the bell) ever sees two defaults or none in between.
 */
import type { ExportConfig } from '../core/export/types.ts';
import type { ExportdeskDatabase } from './database.ts';

export function listExportConfigs(db: ExportdeskDatabase): Promise<ExportConfig[]> {
  return db.exportConfigs.toArray();
}

/** Stores a new config or replaces the one with its id. */
export async function saveExportConfig(db: ExportdeskDatabase, config: ExportConfig): Promise<void> {
  await db.transaction('rw', db.exportConfigs, async () => {
    if (config.isDefault)
      await db.exportConfigs
        .filter((c) => c.purpose === config.purpose && c.id !== config.id && c.isDefault)
        .modify({ isDefault: false });
    await db.exportConfigs.put(config);
  });
}

/** Deleting the default leaves its purpose without one; nothing is promoted in its place. */
export async function deleteExportConfig(db: ExportdeskDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.exportConfigs, async () => {
    await db.exportConfigs.delete(id);
  });
}
