/**
 * Export-status rules of invoices (as in Moment):
 * - a finalized invoice is To transfer unless someone chose otherwise while it was a draft;
 * - only finalized invoices are ever exported or counted as waiting;
 * - invoice-number ranges compare numerically when both ends are numbers, else as text.
 */
import type { Customer, ExportStatus, Invoice, IsoDate, IsoDateTime, StatusPurpose } from '../domain/types.ts';
import { addDays, startOfMonth } from '../domain/dates.ts';
import type { FormatPurpose } from '../formats/types.ts';
import type { ExportConfig, InvoiceDateLimit } from './types.ts';

/**
 * Whose status an invoice export reads and sets: a factoring export factoring's, an EHF export
 * EHF's, every other invoice export (accounting, or a template of purpose "other") accounting's, as
 * before statuses per purpose.
 */
export function statusPurposeOf(purpose: FormatPurpose): StatusPurpose {
  return purpose === 'factoring' || purpose === 'ehf' ? purpose : 'accounting';
}

/** An invoice's status for `purpose` (an invoice stored before EHF existed has none for it: transferred). */
export function statusFor(
  invoice: Pick<Invoice, 'exportStatus' | 'factoringStatus' | 'ehfStatus'>,
  purpose: StatusPurpose,
): ExportStatus {
  if (purpose === 'ehf') return invoice.ehfStatus ?? 'transferred';
  return purpose === 'factoring' ? invoice.factoringStatus : invoice.exportStatus;
}

/**
 * Which customers' invoices an export takes: a factoring export set to `marked` only those
 * marked `factoring` in the customer register; an EHF export only those with a PEPPOL id (the
 * others cannot receive one, and their invoices keep waiting rather than count as sent); every
 * other export all.
 */
export function takesCustomer(
  config: Pick<ExportConfig, 'purpose' | 'customerSelection'>,
  customers: readonly (Pick<Customer, 'number' | 'factoring'> & Partial<Pick<Customer, 'peppolId'>>)[],
): (customerNumber: string) => boolean {
  if (config.purpose === 'ehf') {
    const reachable = new Set(customers.filter((c) => (c.peppolId ?? '').trim() !== '').map((c) => c.number));
    return (customerNumber) => reachable.has(customerNumber);
  }
  if (config.purpose !== 'factoring' || config.customerSelection !== 'marked') return () => true;
  const marked = new Set(customers.filter((c) => c.factoring === true).map((c) => c.number));
  return (customerNumber) => marked.has(customerNumber);
}

/** Finalizing keeps a status chosen while draft (`do-not-transfer`), otherwise sets To transfer, per purpose. */
export function finalizeInvoice(invoice: Invoice, number: string, finalizedAt: IsoDateTime): Invoice {
  const finalStatus = (status: ExportStatus) => (status === 'do-not-transfer' ? 'do-not-transfer' : 'to-transfer');
  return {
    ...invoice,
    number,
    status: 'finalized',
    finalizedAt,
    exportStatus: finalStatus(invoice.exportStatus),
    factoringStatus: finalStatus(invoice.factoringStatus),
    ehfStatus: finalStatus(invoice.ehfStatus ?? 'to-transfer'),
  };
}

/** The last issue date that counts as waiting, or null for no limit. */
export function invoiceDateLimitDate(limit: InvoiceDateLimit, today: IsoDate): IsoDate | null {
  switch (limit) {
    case 'end-of-last-month':
      return addDays(startOfMonth(today), -1);
    case 'today':
      return today;
    case 'none':
      return null;
  }
}

export function isWaiting(invoice: Invoice, lastDate: IsoDate | null, purpose: StatusPurpose = 'accounting'): boolean {
  return (
    invoice.status === 'finalized' &&
    statusFor(invoice, purpose) === 'to-transfer' &&
    invoice.number !== '' &&
    (lastDate === null || invoice.issueDate <= lastDate)
  );
}

/** Compares invoice numbers as numbers when both are digits only (so 9 < 10), else as text. */
export function compareInvoiceNumbers(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const byLength = a.replace(/^0+/, '').length - b.replace(/^0+/, '').length;
    if (byLength !== 0) return byLength;
    const x = a.replace(/^0+/, '');
    const y = b.replace(/^0+/, '');
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

export function inNumberRange(number: string, from: string, to: string): boolean {
  if (number === '') return false;
  return compareInvoiceNumbers(number, from) >= 0 && compareInvoiceNumbers(number, to) <= 0;
}

/** The number a newly finalized invoice gets: one more than the highest numeric number in use (10001 for the first). */
export function nextInvoiceNumber(existing: readonly string[]): string {
  let highest = 10000n;
  for (const number of existing) if (/^\d+$/.test(number) && BigInt(number) > highest) highest = BigInt(number);
  return String(highest + 1n);
}
