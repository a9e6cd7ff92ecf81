/** The page's database connection (workers open their own). */
import { ExportdeskDatabase } from '../db/database.ts';

export const db = new ExportdeskDatabase();
