/** Changing invoices' export status, one invoice or a number range, each in one transaction. */
import type { ExportStatus } from '../core/domain/types.ts';
import { inNumberRange } from '../core/export/export-status.ts';
import type { ExportdeskDatabase } from './database.ts';

export async function setInvoiceExportStatus(db: ExportdeskDatabase, invoiceId: string, status: ExportStatus): Promise<void> {
  await db.transaction('rw', db.invoices, async () => {
    const invoice = await db.invoices.get(invoiceId);
    if (!invoice) throw new Error(`Invoice ${invoiceId} no longer exists.`);
    await db.invoices.update(invoiceId, { exportStatus: status });
  });
}

/** How many finalized invoices in the range would change (for the dialog's confirmation). */
export async function countRangeChange(db: ExportdeskDatabase, from: string, to: string, status: ExportStatus): Promise<number> {
  return db.invoices.filter((i) => i.status === 'finalized' && inNumberRange(i.number, from, to) && i.exportStatus !== status).count();
}

export async function setExportStatusForRange(db: ExportdeskDatabase, from: string, to: string, status: ExportStatus): Promise<number> {
  return db.transaction('rw', db.invoices, async () =>
    db.invoices
      .filter((i) => i.status === 'finalized' && inNumberRange(i.number, from, to) && i.exportStatus !== status)
      .modify({ exportStatus: status }),
  );
}
