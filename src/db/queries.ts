/**
 * Paged list queries for the pages. Date filters use indexes.
 *
 * Search matches names as well as numbers. A search text is first matched (partial,
 * case-insensitive) against the small registers: customers, co-workers and projects, by name and
 * by number. When it names any of them, the list is those records' invoices, time records or
 * claims, read through the `[key+date]` indexes (plus invoice or claim numbers that start with
 * the text), never by walking the whole table: 1M time records answer as fast by name as by
 * number. Only a search that names no register record is matched against the records' own text
 * (comment, activity, KID, ...), which scans what the date filter left, as before.
 */
import type { Collection, IndexableType, Table } from 'dexie';
import type { ExportdeskDatabase } from './database.ts';
import { readInvoicesWithStatus } from './export-status.ts';
import type { Claim, Customer, Invoice, Project, TimeRecord, User } from '../core/domain/types.ts';

export interface ListFilter {
  search: string;
  from: string;
  to: string;
}

export interface Page<T> {
  rows: T[];
  /** Rows matching, counted up to COUNT_CAP + 1. */
  total: number;
  /** True when there are more than COUNT_CAP rows (the total is then a lower bound). */
  capped: boolean;
}

/**
 * Chromium's IndexedDB counts a range by walking it, so counting 1M time records took
 * seconds on every page change. Counting the first keys of the range is cheap and tells
 * the pager all it needs.
 */
export const COUNT_CAP = 10_000;

/** Case-insensitive, and the same letters whether typed composed (ø) or decomposed (o + combining mark). */
function fold(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase();
}

export function matches(search: string, ...values: unknown[]): boolean {
  const needle = fold(search.trim());
  if (!needle) return true;
  return values.some((v) => fold(String(v ?? '')).includes(needle));
}

/** The text search of a list that names no register record: the record's own fields (the Total uses the same). */
export function invoiceMatches(search: string, i: Invoice): boolean {
  return matches(search, i.number, i.customerNumber, i.projectNumber, i.orderReference, i.kid);
}

export function timeRecordMatches(search: string, r: TimeRecord): boolean {
  return matches(search, r.employeeNumber, r.projectNumber, r.activity, r.comment, r.wageCode);
}

export function claimMatches(search: string, r: Claim): boolean {
  return matches(search, r.claimNumber, r.employeeNumber, r.status, ...r.items.map((i) => i.description));
}

/** Keys of the register records whose number or name contains the search text (registers are small). */
export async function registerKeys<T>(
  table: Table<T>,
  search: string,
  key: (row: T) => string,
  name: (row: T) => string,
) {
  const keys = new Set<string>();
  for (const row of await table.toArray()) if (matches(search, key(row), name(row))) keys.add(key(row));
  return keys;
}

/** Keys of the co-workers, projects or customers whose number or name contains `search` (none without one). */
export async function namedKeys(
  db: ExportdeskDatabase,
  register: 'users' | 'projects' | 'customers',
  search: string,
): Promise<Set<string>> {
  if (!search) return new Set<string>();
  if (register === 'users')
    return registerKeys(
      db.users,
      search,
      (u) => u.employeeNumber,
      (u) => u.name,
    );
  if (register === 'projects')
    return registerKeys(
      db.projects,
      search,
      (p) => p.number,
      (p) => p.name,
    );
  return registerKeys(
    db.customers,
    search,
    (c) => c.number,
    (c) => c.name,
  );
}

/**
 * The time records of the co-workers and projects `search` names, as `[employeeNumber+date]` and
 * `[projectNumber+date]` ranges within the date filter; none when it names none.
 */
export async function timeRecordNameRanges(
  db: ExportdeskDatabase,
  search: string,
  filter: ListFilter,
): Promise<Collection<TimeRecord>[]> {
  const [users, projects] = await Promise.all([namedKeys(db, 'users', search), namedKeys(db, 'projects', search)]);
  return [
    ...keyDateRanges(db.timeRecords, '[employeeNumber+date]', users, filter),
    ...keyDateRanges(db.timeRecords, '[projectNumber+date]', projects, filter),
  ];
}

/** One list entry found through an index: its date (the list's order) and primary key. */
interface Hit {
  date: string;
  id: string;
}

/** Lists are newest first; equal dates in reverse key order, as a reversed date index gives them. */
function newestFirst(a: Hit, b: Hit): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Ranges of a `[key+date]` index, one per key, within the date filter: how a name search reads
 * a big table (each range walks only that customer's, co-worker's or project's entries).
 */
export function keyDateRanges<T>(
  table: Table<T>,
  index: string,
  keys: Iterable<string>,
  filter: ListFilter,
): Collection<T>[] {
  const from = filter.from || '0000-00-00';
  const to = filter.to || '9999-99-99';
  return [...keys].map((key) => table.where(index).between([key, from], [key, to], true, true));
}

/** Ranges read this many at a time while counting, so that the count stops soon after COUNT_CAP. */
const COUNT_BATCH = 8;

/**
 * A page of the union of index ranges (`ranges`, each over a `[key+date]` index) and of a few
 * entries found otherwise (`extra`, e.g. a number prefix), newest first. Reads only index keys
 * until the page's rows: the newest offset + limit entries of each range, and for the count up
 * to COUNT_CAP + 1 primary keys in all.
 */
async function pageOfRanges<T>(
  table: Table<T, string>,
  ranges: Collection<T>[],
  extra: Hit[],
  offset: number,
  limit: number,
): Promise<{ rows: T[]; total: number; capped: boolean }> {
  const cap = Math.max(COUNT_CAP, offset + limit);
  return table.db.transaction('r', table, async () => {
    const tops = await Promise.all(
      ranges.map(async (range) => {
        const hits: Hit[] = [];
        await range
          .clone()
          .reverse()
          .limit(offset + limit)
          .eachKey((key, cursor) => {
            hits.push({ date: String((key as IndexableType[])[1]), id: String(cursor.primaryKey) });
          });
        return hits;
      }),
    );
    const seen = new Set<string>();
    const hits: Hit[] = [];
    for (const hit of [...extra, ...tops.flat()])
      if (!seen.has(hit.id)) {
        seen.add(hit.id);
        hits.push(hit);
      }
    hits.sort(newestFirst);
    const ids = hits.slice(offset, offset + limit).map((hit) => hit.id);

    const counted = new Set(extra.map((hit) => hit.id));
    for (let i = 0; i < ranges.length && counted.size <= cap; i += COUNT_BATCH) {
      const batch = await Promise.all(
        ranges.slice(i, i + COUNT_BATCH).map((range) =>
          range
            .clone()
            .limit(cap + 1)
            .primaryKeys(),
        ),
      );
      for (const keys of batch) for (const key of keys) counted.add(String(key));
    }
    const rows = (await table.bulkGet(ids)).filter((row): row is T => row !== undefined);
    return { rows, total: Math.min(counted.size, cap), capped: counted.size > cap };
  });
}

export function inDates(date: string, filter: ListFilter): boolean {
  return (!filter.from || date >= filter.from) && (!filter.to || date <= filter.to);
}

async function pageOf<T>(collection: Collection<T>, offset: number, limit: number): Promise<Page<T>> {
  const keys = await collection
    .clone()
    .limit(Math.max(COUNT_CAP, offset + limit) + 1)
    .primaryKeys();
  const rows = await collection.offset(offset).limit(limit).toArray();
  const cap = Math.max(COUNT_CAP, offset + limit);
  return { rows, total: Math.min(keys.length, cap), capped: keys.length > cap };
}

export function byDate<T>(table: Table<T>, index: string, filter: ListFilter): Collection<T> {
  const collection =
    filter.from || filter.to
      ? table.where(index).between(filter.from || '0000-00-00', filter.to || '9999-99-99', true, true)
      : table.orderBy(index);
  return collection.reverse();
}

/**
 * Invoices with their export status (src/db/export-status.ts). A search naming customers (name or
 * number) lists their invoices through `[customerNumber+issueDate]`, with the invoices whose
 * number starts with the text; any other text is matched against the invoices' own fields.
 */
export async function invoicePage(
  db: ExportdeskDatabase,
  filter: ListFilter,
  offset: number,
  limit: number,
): Promise<Page<Invoice>> {
  const search = filter.search.trim();
  const customers = await namedKeys(db, 'customers', search);
  let counted = { total: 0, capped: false };
  const rows = await readInvoicesWithStatus(db, async (invoices) => {
    let page: Page<Invoice>;
    if (customers.size > 0) {
      const byNumber = await invoices.where('number').startsWith(search).limit(COUNT_CAP).toArray();
      const extra = byNumber.filter((i) => inDates(i.issueDate, filter)).map((i) => ({ date: i.issueDate, id: i.id }));
      const ranges = keyDateRanges(invoices, '[customerNumber+issueDate]', customers, filter);
      page = await pageOfRanges(invoices, ranges, extra, offset, limit);
    } else {
      let c = byDate(invoices, 'issueDate', filter);
      if (search) c = c.filter((i) => invoiceMatches(search, i));
      page = await pageOf(c, offset, limit);
    }
    counted = { total: page.total, capped: page.capped };
    return page.rows;
  });
  return { rows, ...counted };
}

/**
 * Time records. A search naming co-workers or projects (name or number) lists their records
 * through `[employeeNumber+date]` and `[projectNumber+date]`; any other text is matched against
 * the records' own fields.
 */
export async function timeRecordPage(
  db: ExportdeskDatabase,
  filter: ListFilter,
  offset: number,
  limit: number,
): Promise<Page<TimeRecord>> {
  const search = filter.search.trim();
  if (search) {
    const ranges = await timeRecordNameRanges(db, search, filter);
    if (ranges.length > 0) return pageOfRanges(db.timeRecords, ranges, [], offset, limit);
  }
  let c = byDate(db.timeRecords, 'date', filter);
  if (search) c = c.filter((r) => timeRecordMatches(search, r));
  return pageOf(c, offset, limit);
}

/**
 * Claims. A search naming co-workers (name or number) lists their claims through
 * `[employeeNumber+date]`, with the claims whose number starts with the text; any other text is
 * matched against the claims' own fields.
 */
export async function claimPage(
  db: ExportdeskDatabase,
  filter: ListFilter,
  offset: number,
  limit: number,
): Promise<Page<Claim>> {
  const search = filter.search.trim();
  if (search) {
    const users = await namedKeys(db, 'users', search);
    if (users.size > 0) {
      const byNumber = await db.claims.where(':id').startsWith(search).limit(COUNT_CAP).toArray();
      const extra = byNumber.filter((c) => inDates(c.date, filter)).map((c) => ({ date: c.date, id: c.claimNumber }));
      const ranges = keyDateRanges(db.claims, '[employeeNumber+date]', users, filter);
      return pageOfRanges(db.claims, ranges, extra, offset, limit);
    }
  }
  let c = byDate(db.claims, 'date', filter);
  if (search) c = c.filter((r) => claimMatches(search, r));
  return pageOf(c, offset, limit);
}

export function customerPage(
  db: ExportdeskDatabase,
  filter: ListFilter,
  offset: number,
  limit: number,
): Promise<Page<Customer>> {
  let c: Collection<Customer> = db.customers.orderBy('number');
  if (filter.search) c = c.filter((r) => matches(filter.search, r.number, r.name, r.orgNumber, r.city, r.email));
  return pageOf(c, offset, limit);
}

/** Projects; a search also finds the projects of customers whose name matches. */
export async function projectPage(
  db: ExportdeskDatabase,
  filter: ListFilter,
  offset: number,
  limit: number,
): Promise<Page<Project>> {
  let c: Collection<Project> = db.projects.orderBy('number');
  const search = filter.search.trim();
  if (search) {
    const customers = await registerKeys(
      db.customers,
      search,
      (r) => r.number,
      (r) => r.name,
    );
    c = c.filter(
      (r) => customers.has(r.customerNumber) || matches(search, r.number, r.name, r.customerNumber, r.departmentNumber),
    );
  }
  return pageOf(c, offset, limit);
}

export function userPage(
  db: ExportdeskDatabase,
  filter: ListFilter,
  offset: number,
  limit: number,
): Promise<Page<User>> {
  let c: Collection<User> = db.users.orderBy('employeeNumber');
  if (filter.search) c = c.filter((r) => matches(filter.search, r.employeeNumber, r.name, r.email, r.departmentNumber));
  return pageOf(c, offset, limit);
}
