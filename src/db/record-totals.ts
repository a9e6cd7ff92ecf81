/**
 * The Total of each list (issue 14, item 6): the sums over exactly the rows its filters select,
 * as src/db/queries.ts selects them (the same date ranges, register-name ranges and text match).
 * The page asks the data worker (workers/data-worker.ts), so no walk of records runs on the main
 * thread.
 *
 * - Time records, date filter only (the common case, and the bench's "totals of one month"): the
 *   running day sums of `timeRecordDays` (src/db/time-record-days.ts), one row per day.
 * - Time records with a search, invoices and claims: the selected records are read in the worker
 *   through the same indexes as the list (a name search reads only that co-worker's, project's or
 *   customer's index range).
 */
import type { Collection } from 'dexie';
import type { ExportdeskDatabase } from './database.ts';
import { readCompanyCurrency } from './company-currency.ts';
import {
  byDate,
  claimMatches,
  inDates,
  invoiceMatches,
  keyDateRanges,
  namedKeys,
  timeRecordMatches,
  timeRecordNameRanges,
  type ListFilter,
} from './queries.ts';
import { amountRules } from '../core/domain/invoice-amounts.ts';
import {
  addClaim,
  addInvoice,
  addTimeRecord,
  emptyClaimTotals,
  emptyInvoiceTotals,
  emptyTimeRecordSums,
  mergeTimeRecordSums,
  timeRecordTotals,
  type ClaimTotals,
  type InvoiceTotals,
  type TimeRecordTotals,
} from '../core/domain/record-totals.ts';
import type { Claim, Invoice, TimeRecord } from '../core/domain/types.ts';

const FIRST_DATE = '0000-00-00';
const LAST_DATE = '9999-99-99';

/** Walks every record of `ranges` once, even when two ranges hold it (a co-worker's record on a matching project). */
async function eachOnce<T>(ranges: Collection<T>[], key: (row: T) => string, visit: (row: T) => void) {
  const seen = new Set<string>();
  for (const range of ranges)
    await range.each((row) => {
      const k = key(row);
      if (seen.has(k)) return;
      seen.add(k);
      visit(row);
    });
}

/** The Total of the Time records list for `filter` (see `timeRecordPage`). */
export async function timeRecordListTotals(db: ExportdeskDatabase, filter: ListFilter): Promise<TimeRecordTotals> {
  const currency = await readCompanyCurrency(db);
  const sums = emptyTimeRecordSums();
  const search = filter.search.trim();
  if (!search) {
    await db.timeRecordDays
      .where('date')
      .between(filter.from || FIRST_DATE, filter.to || LAST_DATE, true, true)
      .each((day) => mergeTimeRecordSums(sums, day));
    return timeRecordTotals(sums, currency);
  }
  const ranges = await timeRecordNameRanges(db, search, filter);
  await db.transaction('r', db.timeRecords, async () => {
    if (ranges.length > 0) {
      await eachOnce(
        ranges,
        (r: TimeRecord) => r.id,
        (r) => addTimeRecord(sums, r),
      );
    } else {
      await byDate(db.timeRecords, 'date', filter)
        .filter((r) => timeRecordMatches(search, r))
        .each((r) => addTimeRecord(sums, r));
    }
  });
  return timeRecordTotals(sums, currency);
}

/** The Total of the Invoices list for `filter` (see `invoicePage`): net, VAT and gross from `invoiceAmounts`. */
export async function invoiceListTotals(db: ExportdeskDatabase, filter: ListFilter): Promise<InvoiceTotals> {
  const rules = amountRules({
    company: (await db.company.get('company')) ?? {},
    vatCodes: await db.vatCodes.toArray(),
  });
  const totals = emptyInvoiceTotals();
  const add = (invoice: Invoice) => addInvoice(totals, invoice, rules);
  const search = filter.search.trim();
  const customers = await namedKeys(db, 'customers', search);
  await db.transaction('r', db.invoices, async () => {
    if (customers.size > 0) {
      const byNumber = db.invoices
        .where('number')
        .startsWith(search)
        .filter((i) => inDates(i.issueDate, filter));
      const ranges = keyDateRanges(db.invoices, '[customerNumber+issueDate]', customers, filter);
      await eachOnce([byNumber, ...ranges], (i: Invoice) => i.id, add);
    } else {
      let c = byDate(db.invoices, 'issueDate', filter);
      if (search) c = c.filter((i) => invoiceMatches(search, i));
      await c.each(add);
    }
  });
  return totals;
}

/** The Total of the Claims list for `filter` (see `claimPage`). */
export async function claimListTotals(db: ExportdeskDatabase, filter: ListFilter): Promise<ClaimTotals> {
  const totals = emptyClaimTotals();
  const add = (claim: Claim) => addClaim(totals, claim);
  const search = filter.search.trim();
  const users = await namedKeys(db, 'users', search);
  await db.transaction('r', db.claims, async () => {
    if (users.size > 0) {
      const byNumber = db.claims
        .where(':id')
        .startsWith(search)
        .filter((c) => inDates(c.date, filter));
      const ranges = keyDateRanges(db.claims, '[employeeNumber+date]', users, filter);
      await eachOnce([byNumber, ...ranges], (c: Claim) => c.claimNumber, add);
    } else {
      let c = byDate(db.claims, 'date', filter);
      if (search) c = c.filter((r) => claimMatches(search, r));
      await c.each(add);
    }
  });
  return totals;
}
