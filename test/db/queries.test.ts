import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportdeskDatabase } from '../../src/db/database.ts';
import { replaceCompany } from '../../src/db/company-store.ts';
import { claimPage, invoicePage, projectPage, timeRecordPage, type ListFilter } from '../../src/db/queries.ts';
import { setInvoiceExportStatus } from '../../src/db/export-status.ts';
import { toCompanyFile } from '../../src/core/company-file/company-file.ts';
import type { CompanyData } from '../../src/core/domain/types.ts';
import { smallCompany } from '../helpers/small-company.ts';

/** Registers with Nordic names, and records spread over them and over two months. */
function namedCompany(): CompanyData {
  const data = smallCompany();
  const customer = data.customers[0]!;
  data.customers = [
    { ...customer, number: '20001', name: 'Kvitfjell Blomster AS' },
    { ...customer, number: '20002', name: 'Ærlig Økonomi AS' },
    { ...customer, number: '20003', name: 'Granly Rør AS' },
  ];
  data.projects = [
    { number: '3001', name: 'Økonomirutiner', customerNumber: '20002', departmentNumber: '1', billable: true },
    { number: '3002', name: 'Digital kundeportal', customerNumber: '20001', departmentNumber: '1', billable: true },
    { number: '3003', name: 'Hansen-avtalen', customerNumber: '20003', departmentNumber: '1', billable: true },
  ];
  const user = data.users[0]!;
  data.users = [
    { ...user, employeeNumber: '1001', name: 'Kari Ødegård' },
    { ...user, employeeNumber: '1002', name: 'Jørgen Hansen' },
    { ...user, employeeNumber: '1003', name: 'Håkan Bäckström' },
  ];
  const invoice = data.invoices[0]!;
  data.invoices = [
    { ...invoice, id: 'i1', number: '10001', customerNumber: '20001', issueDate: '2026-02-10', kid: '' },
    { ...invoice, id: 'i2', number: '10002', customerNumber: '20002', issueDate: '2026-02-11', kid: '55501' },
    { ...invoice, id: 'i3', number: '10003', customerNumber: '20001', issueDate: '2026-03-01', kid: '' },
    { ...invoice, id: 'i4', number: '10004', customerNumber: '20003', issueDate: '2026-03-02', kid: '' },
  ];
  const record = data.timeRecords[0]!;
  const people = ['1001', '1002', '1003'];
  const projects = ['3001', '3002', '3003'];
  data.timeRecords = Array.from({ length: 18 }, (_, n) => ({
    ...record,
    id: `t${String(n).padStart(2, '0')}`,
    date: `2026-0${2 + (n % 2)}-${String(1 + Math.floor(n / 2)).padStart(2, '0')}`,
    employeeNumber: people[n % 3]!,
    projectNumber: projects[Math.floor(n / 6)]!,
    comment: n === 7 ? 'Møte om fakturaflyt' : '',
  }));
  const claim = data.claims[0]!;
  data.claims = [
    { ...claim, claimNumber: 'R-1', employeeNumber: '1001', date: '2026-02-05' },
    { ...claim, claimNumber: 'R-2', employeeNumber: '1003', date: '2026-03-05' },
    { ...claim, claimNumber: 'R-3', employeeNumber: '1001', date: '2026-03-06' },
  ];
  return data;
}

const search = (text: string, from = '', to = ''): ListFilter => ({ search: text, from, to });

describe('list search by name as well as number', () => {
  let db: ExportdeskDatabase;
  let data: CompanyData;
  beforeEach(async () => {
    db = new ExportdeskDatabase(`test-${Math.random()}`);
    data = namedCompany();
    await replaceCompany(db, toCompanyFile(data));
  });
  afterEach(() => db.delete());

  /** What a search should list: the matching records, newest first (ties by key, descending). */
  function expected(ids: (r: CompanyData['timeRecords'][number]) => boolean): string[] {
    return data.timeRecords
      .filter(ids)
      .sort((a, b) => (a.date !== b.date ? b.date.localeCompare(a.date) : b.id.localeCompare(a.id)))
      .map((r) => r.id);
  }

  describe('invoices by customer', () => {
    it('finds a customer name in part, in any case, newest first', async () => {
      for (const text of ['Kvitfjell', 'kvitfjell', 'BLOMST', ' fjell ']) {
        const page = await invoicePage(db, search(text), 0, 50);
        expect(page.rows.map((i) => i.number)).toEqual(['10003', '10001']);
        expect(page).toMatchObject({ total: 2, capped: false });
      }
    });

    it('matches Nordic letters in either case and typed decomposed', async () => {
      for (const text of ['ærlig økonomi', 'ÆRLIG ØKONOMI', 'Ærlig']) {
        expect((await invoicePage(db, search(text), 0, 50)).rows.map((i) => i.id)).toEqual(['i2']);
      }
      // ø is a letter of its own, not o with a mark: "ror" does not find "Rør".
      expect((await invoicePage(db, search('rør'), 0, 50)).rows.map((i) => i.id)).toEqual(['i4']);
      expect((await invoicePage(db, search('granly ror'), 0, 50)).rows).toEqual([]);
    });

    it('keeps the date filter and finds invoice numbers and own fields as before', async () => {
      expect((await invoicePage(db, search('kvitfjell', '2026-03-01', '2026-03-31'), 0, 50)).rows).toHaveLength(1);
      expect((await invoicePage(db, search('10004'), 0, 50)).rows.map((i) => i.id)).toEqual(['i4']);
      expect((await invoicePage(db, search('55501'), 0, 50)).rows.map((i) => i.id)).toEqual(['i2']);
      // A customer number lists that customer's invoices, and a number prefix that names customers
      // also lists the invoices whose number starts with it.
      expect((await invoicePage(db, search('20003'), 0, 50)).rows.map((i) => i.id)).toEqual(['i4']);
    });

    it('reads the export status through the journal rule', async () => {
      await setInvoiceExportStatus(db, 'i1', 'accounting', 'do-not-transfer');
      const page = await invoicePage(db, search('Kvitfjell'), 0, 50);
      expect(page.rows.find((i) => i.id === 'i1')?.exportStatus).toBe('do-not-transfer');
    });
  });

  describe('time records by co-worker and project', () => {
    it('finds a co-worker by part of the name, in any case, with Nordic letters', async () => {
      const kari = expected((r) => r.employeeNumber === '1001');
      for (const text of ['Kari', 'kari', 'ødegård', 'ØDEGÅRD', 'Ødega\u030ard']) {
        const page = await timeRecordPage(db, search(text), 0, 50);
        expect(page.rows.map((r) => r.id)).toEqual(kari);
        expect(page.total).toBe(kari.length);
      }
      const hakan = expected((r) => r.employeeNumber === '1003');
      expect((await timeRecordPage(db, search('ba\u0308ckstro\u0308m'), 0, 50)).rows.map((r) => r.id)).toEqual(hakan);
    });

    it('finds a project by name and by number', async () => {
      const rutiner = expected((r) => r.projectNumber === '3001');
      expect((await timeRecordPage(db, search('økonomirut'), 0, 50)).rows.map((r) => r.id)).toEqual(rutiner);
      expect((await timeRecordPage(db, search('3001'), 0, 50)).rows.map((r) => r.id)).toEqual(rutiner);
    });

    it('lists a record once when it matches both its co-worker and its project', async () => {
      // "Hansen" is the co-worker Jørgen Hansen and the project Hansen-avtalen.
      const both = expected((r) => r.employeeNumber === '1002' || r.projectNumber === '3003');
      const page = await timeRecordPage(db, search('hansen'), 0, 50);
      expect(page.rows.map((r) => r.id)).toEqual(both);
      expect(page.total).toBe(both.length);
      expect(new Set(page.rows.map((r) => r.id)).size).toBe(page.rows.length);
    });

    it('pages the merged list and keeps the date filter', async () => {
      const both = expected((r) => r.employeeNumber === '1002' || r.projectNumber === '3003');
      const second = await timeRecordPage(db, search('hansen'), 2, 3);
      expect(second.rows.map((r) => r.id)).toEqual(both.slice(2, 5));
      expect(second.total).toBe(both.length);

      const march = expected((r) => r.employeeNumber === '1001' && r.date.startsWith('2026-03'));
      const page = await timeRecordPage(db, search('kari', '2026-03-01', '2026-03-31'), 0, 50);
      expect(page.rows.map((r) => r.id)).toEqual(march);
    });

    it('matches the records’ own text when the search names no co-worker or project', async () => {
      expect((await timeRecordPage(db, search('fakturaflyt'), 0, 50)).rows.map((r) => r.id)).toEqual(['t07']);
      expect((await timeRecordPage(db, search('nobody'), 0, 50)).rows).toEqual([]);
    });
  });

  describe('claims by co-worker', () => {
    it('finds a co-worker by name, in any case, with Nordic letters', async () => {
      for (const text of ['kari', 'KARI Ø', 'ødegård']) {
        expect((await claimPage(db, search(text), 0, 50)).rows.map((c) => c.claimNumber)).toEqual(['R-3', 'R-1']);
      }
      expect((await claimPage(db, search('Bäck'), 0, 50)).rows.map((c) => c.claimNumber)).toEqual(['R-2']);
      expect((await claimPage(db, search('kari', '2026-03-01', ''), 0, 50)).total).toBe(1);
    });

    it('still finds claim numbers and own fields', async () => {
      expect((await claimPage(db, search('R-2'), 0, 50)).rows.map((c) => c.claimNumber)).toEqual(['R-2']);
      expect((await claimPage(db, search('tog'), 0, 50)).total).toBe(3);
    });
  });

  it('projects by customer name', async () => {
    expect((await projectPage(db, search('ærlig'), 0, 50)).rows.map((p) => p.number)).toEqual(['3001']);
    expect((await projectPage(db, search('kundeportal'), 0, 50)).rows.map((p) => p.number)).toEqual(['3002']);
  });
});
