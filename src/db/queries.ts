/**
 * Paged list queries for the pages. Date filters use indexes; text search scans only
 * what the date filter left, so a month of a 1M-record table stays quick.
 */
import type { Collection, Table } from 'dexie';
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

function matches(search: string, ...values: unknown[]): boolean {
  const needle = search.trim().toLocaleLowerCase();
  if (!needle) return true;
  return values.some((v) =>
    String(v ?? '')
      .toLocaleLowerCase()
      .includes(needle),
  );
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

function byDate<T>(table: Table<T>, index: string, filter: ListFilter): Collection<T> {
  const collection =
    filter.from || filter.to
      ? table.where(index).between(filter.from || '0000-00-00', filter.to || '9999-99-99', true, true)
      : table.orderBy(index);
  return collection.reverse();
}

/** Invoices with their export status (src/db/export-status.ts). */
export async function invoicePage(
  db: ExportdeskDatabase,
  filter: ListFilter,
  offset: number,
  limit: number,
): Promise<Page<Invoice>> {
  let counted = { total: 0, capped: false };
  const rows = await readInvoicesWithStatus(db, async (invoices) => {
    let c = byDate(invoices, 'issueDate', filter);
    if (filter.search)
      c = c.filter((i) => matches(filter.search, i.number, i.customerNumber, i.projectNumber, i.orderReference, i.kid));
    const page = await pageOf(c, offset, limit);
    counted = { total: page.total, capped: page.capped };
    return page.rows;
  });
  return { rows, ...counted };
}

export function timeRecordPage(
  db: ExportdeskDatabase,
  filter: ListFilter,
  offset: number,
  limit: number,
): Promise<Page<TimeRecord>> {
  let c = byDate(db.timeRecords, 'date', filter);
  if (filter.search)
    c = c.filter((r) => matches(filter.search, r.employeeNumber, r.projectNumber, r.activity, r.comment, r.wageCode));
  return pageOf(c, offset, limit);
}

export function claimPage(
  db: ExportdeskDatabase,
  filter: ListFilter,
  offset: number,
  limit: number,
): Promise<Page<Claim>> {
  let c = byDate(db.claims, 'date', filter);
  if (filter.search)
    c = c.filter((r) =>
      matches(filter.search, r.claimNumber, r.employeeNumber, r.status, ...r.items.map((i) => i.description)),
    );
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

export function projectPage(
  db: ExportdeskDatabase,
  filter: ListFilter,
  offset: number,
  limit: number,
): Promise<Page<Project>> {
  let c: Collection<Project> = db.projects.orderBy('number');
  if (filter.search)
    c = c.filter((r) => matches(filter.search, r.number, r.name, r.customerNumber, r.departmentNumber));
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
