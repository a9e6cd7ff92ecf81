/** Finalizing a draft: the next invoice number and the export-status rule, in one transaction. */
import { finalizeInvoice, nextInvoiceNumber } from '../core/export/export-status.ts';
import type { ExportdeskDatabase } from './database.ts';

export async function finalizeDraft(db: ExportdeskDatabase, invoiceId: string, finalizedAt: string): Promise<string> {
  return db.transaction('rw', db.invoices, async () => {
    const invoice = await db.invoices.get(invoiceId);
    if (!invoice) throw new Error('That invoice no longer exists.');
    if (invoice.status !== 'draft') throw new Error(`Invoice ${invoice.number} is already finalized.`);
    if (invoice.lines.length === 0) throw new Error('A draft without lines cannot be finalized.');
    const numbers = await db.invoices.orderBy('number').keys();
    const number = nextInvoiceNumber(numbers.map(String));
    await db.invoices.put(finalizeInvoice(invoice, number, finalizedAt));
    return number;
  });
}
