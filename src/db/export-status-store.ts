/**
 * Changing invoices' export status, one invoice or a number range, each in one transaction.
 * Statuses are read with the transfer journal applied, and every invoice written here is taken
 * out of the journal first (src/db/transfer-journal.ts).
 */
import type { ExportStatus, Invoice } from '../core/domain/types.ts';
import { inNumberRange } from '../core/export/export-status.ts';
import type { ExportdeskDatabase } from './database.ts';
import { dropFromJournal, journaledIds } from './transfer-journal.ts';

export async function setInvoiceExportStatus(
  db: ExportdeskDatabase,
  invoiceId: string,
  status: ExportStatus,
): Promise<void> {
  await db.transaction('rw', db.invoices, db.transferJournal, async () => {
    const invoice = await db.invoices.get(invoiceId);
    if (!invoice) throw new Error(`Invoice ${invoiceId} no longer exists.`);
    await dropFromJournal(db, new Set([invoiceId]));
    await db.invoices.update(invoiceId, { exportStatus: status });
  });
}

function rangeChange(journaled: ReadonlySet<string>, from: string, to: string, status: ExportStatus) {
  return (i: Invoice) =>
    i.status === 'finalized' &&
    inNumberRange(i.number, from, to) &&
    (journaled.has(i.id) && i.exportStatus === 'to-transfer' ? 'transferred' : i.exportStatus) !== status;
}

/** How many finalized invoices in the range would change (for the dialog's confirmation). */
export async function countRangeChange(
  db: ExportdeskDatabase,
  from: string,
  to: string,
  status: ExportStatus,
): Promise<number> {
  return db.transaction('r', db.invoices, db.transferJournal, async () =>
    db.invoices.filter(rangeChange(await journaledIds(db), from, to, status)).count(),
  );
}

export async function setExportStatusForRange(
  db: ExportdeskDatabase,
  from: string,
  to: string,
  status: ExportStatus,
): Promise<number> {
  return db.transaction('rw', db.invoices, db.transferJournal, async () => {
    const changes = rangeChange(await journaledIds(db), from, to, status);
    const changed = await db.invoices.filter(changes).primaryKeys();
    await dropFromJournal(db, new Set(changed));
    return db.invoices.where('id').anyOf(changed).modify({ exportStatus: status });
  });
}
