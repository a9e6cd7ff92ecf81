/**
 * The real data "Test template" renders on: master data plus only the records the sample reads
 * (the first N invoices or claims by date). Time records are read whole (or for the period),
 * because grouping and the external co-worker filter decide which N rows come out.
 */
import type { CompanyData } from '../core/domain/types.ts';
import type { TestRequest } from '../core/templates/api.ts';
import type { TemplateDataType } from '../core/templates/index.ts';
import { readMasterData } from './company-store.ts';
import type { ExportdeskDatabase } from './database.ts';
import { readInvoicesWithStatus } from './export-status.ts';

export async function readTemplateSample(
  db: ExportdeskDatabase,
  dataType: TemplateDataType,
  sampleSize: number,
  period: TestRequest['period'],
): Promise<CompanyData | null> {
  const master = await readMasterData(db);
  if (!master) return null;
  const data: CompanyData = { ...master };
  const n = Math.max(0, Math.floor(sampleSize));
  switch (dataType) {
    case 'invoices':
    case 'invoicesByAccount':
      // With their export statuses (a template may write them).
      data.invoices = await readInvoicesWithStatus(db, (invoices) => invoices.orderBy('issueDate').limit(n).toArray());
      break;
    case 'expenses':
      data.claims = period
        ? await db.claims.where('date').between(period.from, period.to, true, true).limit(n).toArray()
        : await db.claims.orderBy('date').limit(n).toArray();
      break;
    case 'timeRecords':
    case 'timeRecordsGrouped':
      data.timeRecords = period
        ? await db.timeRecords.where('date').between(period.from, period.to, true, true).toArray()
        : await db.timeRecords.orderBy('date').toArray();
      break;
    default:
      break;
  }
  return data;
}
