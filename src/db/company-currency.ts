/**
 * The company's currency alone, for the import preview: money without a currency column is
 * shown with its decimals. Before the first import there is no company yet; the import then
 * creates one with the defaults (src/db/import-store.ts), whose currency is NOK.
 */
import type { ExportdeskDatabase } from './database.ts';

export async function readCompanyCurrency(db: ExportdeskDatabase): Promise<string> {
  return (await db.company.get('company'))?.currency ?? 'NOK';
}
