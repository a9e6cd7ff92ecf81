/**
 * Storing an export run: the batch, the exact bytes of every file, and the invoices'
 * new status, all in one transaction. The status is written as transfer-journal rows
 * (src/db/export-status.ts, `markTransferred`: a journaled invoice is Has been transferred), not
 * as one rewritten row per invoice. IndexedDB runs read-write transactions on the same tables
 * one after another, so when two tabs export at once the second one sees the first one's
 * journal and stops instead of exporting an invoice twice.
 */
import type { ExportBatch } from '../core/export/types.ts';
import type { ExportFile } from '../core/formats/types.ts';
import type { ExportdeskDatabase } from './database.ts';
import { markTransferred, revertTransferred, statusTables, waitingInvoiceKeys } from './export-status.ts';

/** An invoice of the run no longer waits (another tab exported it); `invoiceNumber` names it for the page. */
export class ExportConflictError extends Error {
  constructor(
    message: string,
    readonly invoiceNumber = '',
  ) {
    super(message);
  }
}

/** The id under which a multi-file batch's ZIP is stored, so its download is byte-identical too. */
export function bundleFileId(batchId: string): string {
  return `${batchId}:bundle`;
}

/**
 * `recordKeysJson`: a period export's record keys (`GeneratedExport.recordKeysJson`), stored in
 * `exportBatchKeys` beside the batch row.
 */
export async function commitExportBatch(
  db: ExportdeskDatabase,
  batch: ExportBatch,
  files: readonly (ExportFile & { id: string })[],
  bundle: { name: string; mimeType: string; bytes: Uint8Array } | null,
  recordKeysJson = '',
): Promise<void> {
  await db.transaction('rw', [...statusTables(db), db.exportBatches, db.exportBatchKeys, db.exportFiles], async () => {
    if (batch.invoiceIds.length > 0) {
      const purpose = batch.statusPurpose ?? 'accounting';
      // Keys only: whether each invoice still waits is answered by the status index and the journal.
      const waiting = new Set(await waitingInvoiceKeys(db, purpose, null));
      const gone = batch.invoiceIds.findIndex((id) => !waiting.has(id));
      if (gone >= 0) {
        throw new ExportConflictError(
          `Invoice ${batch.invoiceNumbers[gone]} is no longer waiting for export (another tab or window may just have exported it). Nothing was changed; open the export again.`,
          batch.invoiceNumbers[gone],
        );
      }
      await markTransferred(db, purpose, batch.id, batch.invoiceIds);
    }
    await db.exportBatches.add(batch);
    if (recordKeysJson !== '' && recordKeysJson !== '[]')
      await db.exportBatchKeys.add({ batchId: batch.id, json: recordKeysJson });
    await db.exportFiles.bulkAdd(
      files.map((f) => ({ id: f.id, batchId: batch.id, name: f.name, mimeType: f.mimeType, bytes: f.bytes })),
    );
    if (bundle) await db.exportFiles.add({ id: bundleFileId(batch.id), batchId: batch.id, ...bundle });
  });
}

/**
 * Sets the batch's invoices back to To transfer for the batch's purpose only (a factoring batch
 * leaves the accounting status alone) and marks the batch reverted (kept in history).
 */
export async function revertExportBatch(db: ExportdeskDatabase, batchId: string, revertedAt: string): Promise<number> {
  return db.transaction('rw', [...statusTables(db), db.exportBatches], async () => {
    const batch = await db.exportBatches.get(batchId);
    if (!batch) throw new Error('That export is no longer in the history.');
    if (batch.status === 'reverted') throw new Error('That export has already been reverted.');
    const changed = await revertTransferred(db, batch.statusPurpose ?? 'accounting', batch.invoiceIds);
    await db.exportBatches.update(batchId, { status: 'reverted', revertedAt });
    return changed;
  });
}

/**
 * The batches with their record keys filled in (kept apart in `exportBatchKeys`; batches stored
 * before that, or restored from a backup, still carry them inline). Only what needs the keys
 * calls this: leaving out what an earlier export took, Undo of an import, the backup.
 */
export async function withRecordKeys(db: ExportdeskDatabase, batches: readonly ExportBatch[]): Promise<ExportBatch[]> {
  const rows = await db.exportBatchKeys.bulkGet(batches.map((b) => b.id));
  return batches.map((batch, i) => {
    const row = rows[i];
    return row ? { ...batch, recordKeys: [...batch.recordKeys, ...(JSON.parse(row.json) as string[])] } : batch;
  });
}

/** What Download gives back: the single file or the stored ZIP, byte for byte. */
export async function batchDownload(
  db: ExportdeskDatabase,
  batch: ExportBatch,
): Promise<{ name: string; mimeType: string; bytes: Uint8Array }> {
  const id = batch.files.length === 1 ? batch.files[0]!.id : bundleFileId(batch.id);
  const row = await db.exportFiles.get(id);
  if (!row)
    throw new Error(
      `The file ${batch.downloadName} is not stored in this browser (the history came from a backup, which holds no file bytes).`,
    );
  return { name: row.name, mimeType: row.mimeType, bytes: row.bytes };
}
