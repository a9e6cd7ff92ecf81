/**
 * Invoices as documents: drafts (new, saved, deleted), credit notes, Finalize, the number series
 * and one invoice with what belongs to it. The locks live here, not only in the page's buttons:
 * every write checks in its own transaction that the invoice is still a draft, since the
 * Bookkeeping Act lets a finalized invoice only be credited.
 *
 * Export statuses are read through src/db/export-status.ts. Finalizing writes a draft's first
 * status with the rule in src/core/export/export-status.ts (a draft is never in the transfer
 * journal, so its row is its status); a draft's Do not transfer is set with `setInvoiceExportStatus`.
 */
import { finalizeInvoice } from '../core/export/export-status.ts';
import { checkCreditNote, remainingCreditLines } from '../core/domain/credit-notes.ts';
import {
  checkDraft,
  DRAFT_FIELDS,
  newCreditNoteDraft,
  newDraft,
  type DraftFields,
} from '../core/domain/invoice-draft.ts';
import { checkNextNumber, takeNextNumber } from '../core/domain/invoice-numbering.ts';
import { kidLayoutProblem, makeKid } from '../core/domain/kid.ts';
import type { Invoice, InvoiceNumbering, IsoDate, IsoDateTime } from '../core/domain/types.ts';
import type { ExportdeskDatabase } from './database.ts';
import { invoiceExportHistory, readInvoicesWithStatus, type InvoiceExportEntry } from './export-status.ts';

/**
 * A refused write, with a code (and its parameters) that the page turns into a sentence; the
 * message is the English one for the CLI and tests. Codes are the store's own (`not-found`,
 * `locked`, `already-finalized`, `not-ready`, `nothing-to-credit`, `credited-missing`,
 * `no-company`) or a core rule's (`number-used`, `kid-too-wide`, `credit-exceeds`, …).
 */
export class InvoiceStoreError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number>,
    message: string,
  ) {
    super(message);
    this.name = 'InvoiceStoreError';
  }
}

const locked = (invoice: Invoice) =>
  new InvoiceStoreError(
    'locked',
    { number: invoice.number },
    `Invoice ${invoice.number} is finalized: it cannot be changed or deleted, only credited.`,
  );

async function draftOf(db: ExportdeskDatabase, id: string): Promise<Invoice> {
  const invoice = await db.invoices.get(id);
  if (!invoice) throw new InvoiceStoreError('not-found', {}, 'That invoice no longer exists.');
  if (invoice.status !== 'draft') throw locked(invoice);
  return invoice;
}

/**
 * The credit notes against invoice `number` (drafts too). There is no index on the credited
 * number (only the e-records work may add a schema version this round), so this walks the
 * invoices table once; only an invoice's page and the Finalize of a credit note ask (not measured
 * at scale: an index `creditedInvoiceNumber` would make it a key lookup).
 */
function creditNotesAgainst(db: ExportdeskDatabase, number: string): Promise<Invoice[]> {
  if (number === '') return Promise.resolve([]);
  return db.invoices.filter((i) => i.type === 'credit' && i.creditedInvoiceNumber === number).toArray();
}

/** A new invoice draft in the company's currency; returns its id. */
export async function createDraft(db: ExportdeskDatabase, today: IsoDate): Promise<string> {
  const company = await db.company.get('company');
  const draft = newDraft(crypto.randomUUID(), company?.currency ?? 'NOK', today);
  await db.invoices.add(draft);
  return draft.id;
}

/** Stores a draft's header and lines; refused once it is finalized. */
export async function saveDraft(db: ExportdeskDatabase, id: string, fields: DraftFields): Promise<void> {
  await db.transaction('rw', db.invoices, async () => {
    await draftOf(db, id);
    const changes: Partial<Invoice> = {};
    for (const field of DRAFT_FIELDS) (changes as Record<string, unknown>)[field] = fields[field];
    await db.invoices.update(id, changes);
  });
}

/** Deletes a draft; a finalized invoice is refused. */
export async function deleteDraft(db: ExportdeskDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.invoices, async () => {
    await draftOf(db, id);
    await db.invoices.delete(id);
  });
}

/**
 * A draft credit note against the finalized invoice `invoiceId`, crediting all that the
 * finalized credit notes against it left; returns the draft's id.
 */
export async function createCreditNote(db: ExportdeskDatabase, invoiceId: string, today: IsoDate): Promise<string> {
  return db.transaction('rw', db.invoices, async () => {
    const invoice = await db.invoices.get(invoiceId);
    if (!invoice) throw new InvoiceStoreError('not-found', {}, 'That invoice no longer exists.');
    if (invoice.type !== 'invoice')
      throw new InvoiceStoreError('credit-of-credit', {}, 'A credit note cannot be credited.');
    if (invoice.status !== 'finalized')
      throw new InvoiceStoreError('credit-not-finalized', {}, 'Only a finalized invoice can be credited.');
    const finalized = (await creditNotesAgainst(db, invoice.number)).filter((c) => c.status === 'finalized');
    const lines = remainingCreditLines(invoice, finalized);
    if (lines.length === 0)
      throw new InvoiceStoreError(
        'nothing-to-credit',
        { number: invoice.number },
        `Invoice ${invoice.number} is fully credited.`,
      );
    const draft = newCreditNoteDraft(crypto.randomUUID(), invoice, lines, today);
    await db.invoices.add(draft);
    return draft.id;
  });
}

/**
 * Finalizes a draft in one transaction: checks it (the shared rules and the registers; a credit
 * note also against what remains uncredited), takes the next number from the series and advances
 * it, makes the KID when the company uses KID, and sets the first export status (To transfer,
 * or Do not transfer when chosen while draft). Returns the number.
 */
export async function finalizeDraft(
  db: ExportdeskDatabase,
  invoiceId: string,
  finalizedAt: IsoDateTime,
): Promise<string> {
  const tables = [db.invoices, db.company, db.customers, db.projects, db.accounts, db.vatCodes];
  return db.transaction('rw', tables, async () => {
    const invoice = await db.invoices.get(invoiceId);
    if (!invoice) throw new InvoiceStoreError('not-found', {}, 'That invoice no longer exists.');
    if (invoice.status !== 'draft')
      throw new InvoiceStoreError(
        'already-finalized',
        { number: invoice.number },
        `Invoice ${invoice.number} is already finalized.`,
      );
    if (invoice.lines.length === 0)
      throw new InvoiceStoreError('no-lines', {}, 'A draft without lines cannot be finalized.');
    const [customers, projects, accounts, vatCodes] = await Promise.all([
      db.customers.toArray(),
      db.projects.toArray(),
      db.accounts.toArray(),
      db.vatCodes.toArray(),
    ]);
    const errors = checkDraft(invoice, { customers, projects, accounts, vatCodes }).filter(
      (p) => p.severity === 'error',
    );
    if (errors.length > 0)
      throw new InvoiceStoreError(
        'not-ready',
        { count: errors.length, first: `${errors[0]!.field}: ${errors[0]!.message}` },
        `The draft cannot be finalized: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}.`,
      );
    if (invoice.type === 'credit') await checkCredit(db, invoice);

    const company = await db.company.get('company');
    const numbers = (await db.invoices.orderBy('number').keys()).map(String);
    const taken = takeNextNumber(company?.invoiceNumbering, numbers);
    if (!taken.ok)
      throw new InvoiceStoreError(
        taken.problem.code,
        taken.problem.params,
        `Invoice number ${taken.problem.params.value} is already in use; set the next number in Settings.`,
      );
    let kid = invoice.kid;
    const layout = taken.series.kid;
    if (invoice.type === 'invoice' && layout) {
      const made = makeKid(layout, invoice.customerNumber, taken.number);
      if (!made.ok)
        throw new InvoiceStoreError(
          made.problem.code,
          made.problem.params,
          `No KID for customer ${invoice.customerNumber} and invoice ${taken.number} in the KID layout of Settings (${made.problem.code}).`,
        );
      kid = made.kid;
    }
    await db.invoices.put(finalizeInvoice({ ...invoice, kid }, taken.number, finalizedAt));
    if (company) await db.company.update('company', { invoiceNumbering: taken.series });
    return taken.number;
  });
}

async function checkCredit(db: ExportdeskDatabase, creditNote: Invoice): Promise<void> {
  const credited = await db.invoices
    .where('number')
    .equals(creditNote.creditedInvoiceNumber)
    .filter((i) => i.type === 'invoice')
    .first();
  if (!credited)
    throw new InvoiceStoreError(
      'credited-missing',
      { number: creditNote.creditedInvoiceNumber },
      `The credited invoice ${creditNote.creditedInvoiceNumber} is not stored.`,
    );
  const others = (await creditNotesAgainst(db, credited.number)).filter(
    (c) => c.status === 'finalized' && c.id !== creditNote.id,
  );
  const problems = checkCreditNote(credited, others, creditNote);
  if (problems.length > 0)
    throw new InvoiceStoreError(
      problems[0]!.code,
      problems[0]!.params,
      `The credit note credits more than remains on invoice ${credited.number} (${problems[0]!.code}).`,
    );
}

/**
 * Stores the number series and KID layout (Settings). The next number is refused when it was
 * given already or would leave a gap (src/core/domain/invoice-numbering.ts); keeping the stored
 * one is always allowed.
 */
export async function saveInvoiceNumbering(db: ExportdeskDatabase, numbering: InvoiceNumbering): Promise<void> {
  await db.transaction('rw', [db.company, db.invoices], async () => {
    const company = await db.company.get('company');
    if (!company) throw new InvoiceStoreError('no-company', {}, 'Set up the company first.');
    const current = company.invoiceNumbering;
    if (current?.nextNumber !== numbering.nextNumber) {
      const numbers = (await db.invoices.orderBy('number').keys()).map(String);
      const problem = checkNextNumber(numbering.nextNumber, numbers, current);
      if (problem) throw new InvoiceStoreError(problem.code, problem.params, `Next invoice number: ${problem.code}.`);
    }
    const layoutProblem = numbering.kid ? kidLayoutProblem(numbering.kid) : null;
    if (layoutProblem)
      throw new InvoiceStoreError(
        layoutProblem.code,
        layoutProblem.params,
        'The KID layout does not fit in 25 digits.',
      );
    await db.company.update('company', { invoiceNumbering: numbering });
  });
}

/** The numbers in use: what Settings checks a next number against. */
export async function invoiceNumbersInUse(db: ExportdeskDatabase): Promise<string[]> {
  return (await db.invoices.orderBy('number').keys()).map(String);
}

/** One invoice with its statuses, its credit notes (or the invoice it credits) and its export history. */
export interface InvoiceDetail {
  invoice: Invoice;
  /** For an invoice: the credit notes against it, drafts included. */
  creditNotes: Invoice[];
  /** For a credit note: the invoice it credits, when stored. */
  creditedInvoice: Invoice | null;
  history: InvoiceExportEntry[];
}

/** The invoice `id` and what its page shows beside it, or null when there is none. */
export async function readInvoiceDetail(db: ExportdeskDatabase, id: string): Promise<InvoiceDetail | null> {
  const rows = await readInvoicesWithStatus(db, async (invoices) => {
    const invoice = await invoices.get(id);
    if (!invoice) return [];
    const related =
      invoice.type === 'credit'
        ? await invoices
            .where('number')
            .equals(invoice.creditedInvoiceNumber || '\u0000')
            .toArray()
        : await creditNotesAgainst(db, invoice.number);
    return [invoice, ...related];
  });
  const [invoice, ...related] = rows;
  if (!invoice) return null;
  return {
    invoice,
    creditNotes: invoice.type === 'invoice' ? related : [],
    creditedInvoice: invoice.type === 'credit' ? (related.find((i) => i.type === 'invoice') ?? null) : null,
    history: await invoiceExportHistory(db, invoice.id),
  };
}
