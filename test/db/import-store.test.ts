import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportdeskDatabase } from '../../src/db/database.ts';
import { replaceCompany } from '../../src/db/company-store.ts';
import {
  commitImport,
  DEFAULT_COMPANY_NAME,
  ID_SPAN_RECORDS_PER_ID,
  readImportBase,
  readImportRecords,
  withRecords,
  ImportConflictError,
  readImportExisting,
  saveImportPreset,
  undoImport,
  UndoRefusedError,
} from '../../src/db/import-store.ts';
import { guessValueFormat } from '../../src/core/import/value-format-guess.ts';
import { toCompanyFile } from '../../src/core/company-file/company-file.ts';
import {
  autoMap,
  parseCsv,
  planImport,
  type ImportKind,
  type OnDuplicate,
  type ImportPreset,
} from '../../src/core/import/index.ts';
import type { ExportBatch } from '../../src/core/export/types.ts';
import type { Invoice, TimeRecord } from '../../src/core/domain/types.ts';
import { smallCompany } from '../helpers/small-company.ts';

let db: ExportdeskDatabase;
let ids = 0;
const newId = () => `new-${++ids}`;

async function plan(kind: ImportKind, csv: string, onDuplicate: OnDuplicate = 'update') {
  const table = parseCsv(csv, { delimiter: ',', hasHeader: true, skipLines: 0 });
  const { data } = await readImportExisting(db, kind);
  return planImport({
    kind,
    table,
    mapping: autoMap(kind, table.header).mapping,
    format: { decimal: '.', thousands: '', dateFormat: 'YYYY-MM-DD' },
    existing: data,
    onDuplicate,
    newId,
  });
}

function meta(id: string, createdAt = '2026-06-01T10:00:00') {
  return { id, createdAt, fileName: `${id}.csv`, presetName: '', allowPartial: false };
}

async function snapshot(kind: ImportKind) {
  return db.table(kind).toArray();
}

function timeRecordsCsv(count: number, start = 0): string {
  const lines = ['id,date,employeeNumber,projectNumber,activity,hours'];
  for (let i = start; i < start + count; i++)
    lines.push(`tr-${i},2026-05-${String((i % 28) + 1).padStart(2, '0')},1001,P1,Work ${i},7.5`);
  return lines.join('\n') + '\n';
}

function batch(overrides: Partial<ExportBatch>): ExportBatch {
  return {
    id: 'batch-1',
    createdAt: '2026-06-02T09:00:00',
    configId: 'c',
    configName: 'SIE 4',
    target: { kind: 'format', formatId: 'sie4' },
    dataType: 'invoices',
    settingsSnapshot: {},
    invoiceIds: [],
    invoiceNumbers: [],
    recordKeys: [],
    period: null,
    recordCount: 1,
    controlTotals: {},
    files: [],
    downloadName: 'x.SI',
    status: 'active',
    revertedAt: '',
    report: [],
    ...overrides,
  };
}

describe('import store', () => {
  beforeEach(async () => {
    db = new ExportdeskDatabase(`test-${Math.random()}`);
    await replaceCompany(db, toCompanyFile(smallCompany()));
  });
  afterEach(async () => {
    await db.delete();
  });

  it('commit writes every new and updated record and a history row with undo data', async () => {
    const p = await plan(
      'customers',
      'number,name,city\n10,Kunde Én AS,Trondheim\n20,Ny Kunde AS,Bodø\n21,Enda En AS,Tromsø\n',
    );
    expect(p.counts).toMatchObject({ new: 2, updated: 1 });
    const row = await commitImport(db, p, meta('imp-1'));
    expect((await db.customers.get('10'))!.city).toBe('Trondheim');
    expect((await db.customers.get('20'))!.name).toBe('Ny Kunde AS');
    expect(await db.customers.count()).toBe(3);
    const stored = await db.importHistory.get('imp-1');
    expect(stored).toEqual(row);
    expect(stored!.counts).toEqual({ new: 2, updated: 1, unchanged: 0, rejected: 0 });
    expect(stored!.undo).toEqual([
      { table: 'customers', added: ['20', '21'], updated: [expect.objectContaining({ key: '10' })] },
    ]);
    expect((stored!.undo[0]!.updated[0]!.before as { city: string }).city).toBe('Bergen');
  });

  it('a failure half-way (in the third write chunk) leaves nothing written', async () => {
    const stored = await db.timeRecords.count();
    const p = await plan('timeRecords', timeRecordsCsv(5000));
    expect(p.counts.new).toBe(5000);
    // Another tab stores a record with the id of row 4,500 after the check.
    await db.timeRecords.add({ ...(p.changes.toAdd[4500] as TimeRecord), comment: 'other tab' });
    await expect(commitImport(db, p, meta('imp-2'))).rejects.toThrow(ImportConflictError);
    await expect(commitImport(db, p, meta('imp-2'))).rejects.toThrow(
      /Time record 1001 \/ 2026-05-\d\d \/ P1 \/ 7.5 \/ Work 4500 already exists/,
    );
    expect(await db.timeRecords.count()).toBe(stored + 1);
    expect(await db.importHistory.count()).toBe(0);
  });

  it('refuses a plan whose updated record changed after the check', async () => {
    const p = await plan('customers', 'number,name\n10,Nytt Navn AS\n');
    await db.customers.update('10', { email: 'changed@example.no' });
    await expect(commitImport(db, p, meta('imp-3'))).rejects.toThrow('Customer 10 was changed after the check');
    expect((await db.customers.get('10'))!.name).toBe('Kunde Én AS');
  });

  it('commits rejected-row plans only with allowPartial', async () => {
    const p = await plan('customers', 'number,name\n30,God Kunde\n31,\n');
    expect(p.status).toBe('has-rejections');
    await expect(commitImport(db, p, meta('imp-4'))).rejects.toThrow('import the valid rows only');
    await commitImport(db, p, { ...meta('imp-4'), allowPartial: true });
    expect(await db.customers.get('30')).toBeDefined();
    expect(await db.customers.get('31')).toBeUndefined();
  });

  it('undo removes what was added and restores exactly what was updated', async () => {
    const before = await snapshot('invoices');
    const csv =
      'id,number,customerNumber,issueDate,dueDate,line.description,line.quantity,line.unitPrice\n' +
      'inv-2,10002,10,2026-02-15,2026-03-01,Endret,2,1500.00\n' +
      ',20001,10,2026-06-01,2026-06-15,Ny,1,99.50\n' +
      ',20001,10,2026-06-01,2026-06-15,Ny 2,3,10.00\n';
    const p = await plan('invoices', csv);
    expect(p.counts).toMatchObject({ new: 1, updated: 1 });
    await commitImport(db, p, meta('imp-5'));
    expect(await db.invoices.count()).toBe(6);
    expect(await undoImport(db, 'imp-5', '2026-06-01T11:00:00')).toEqual({ removed: 1, restored: 1 });
    expect(await snapshot('invoices')).toEqual(before);
    expect(await db.importHistory.get('imp-5')).toMatchObject({ status: 'undone', undoneAt: '2026-06-01T11:00:00' });
    await expect(undoImport(db, 'imp-5', '2026-06-01T11:00:00')).rejects.toThrow('already been undone');
  });

  it('an invoice updated while its export status is only in the transfer journal keeps Has been transferred', async () => {
    await db.transferJournal.add({ id: 'batch-x:0', batchId: 'batch-x', purpose: 'accounting', invoiceIds: ['inv-2'] });
    const csv =
      'id,number,customerNumber,issueDate,dueDate,line.description,line.quantity,line.unitPrice\n' +
      'inv-2,10002,10,2026-02-15,2026-03-01,Endret,2,1500.00\n';
    const p = await plan('invoices', csv);
    expect(p.counts).toMatchObject({ updated: 1 });
    expect((p.changes.toUpdate[0]!.before as Invoice).exportStatus).toBe('transferred');
    await commitImport(db, p, meta('imp-j'));
    expect(await db.transferJournal.count()).toBe(0);
    expect(await db.invoices.get('inv-2')).toMatchObject({ exportStatus: 'transferred' });
  });

  it('undo is refused when an export after the import took an imported invoice', async () => {
    const p = await plan(
      'invoices',
      'number,customerNumber,issueDate,dueDate,line.quantity,line.unitPrice\n20002,10,2026-06-01,2026-06-15,1,100\n',
    );
    await commitImport(db, p, meta('imp-6'));
    const id = (p.changes.toAdd[0] as Invoice).id;
    await db.invoices.update(id, { exportStatus: 'transferred' });
    await db.exportBatches.add(batch({ invoiceIds: [id], invoiceNumbers: ['20002'] }));
    await expect(undoImport(db, 'imp-6', '2026-06-03T10:00:00')).rejects.toThrow(
      'Invoice 20002 was exported after the import (SIE 4, 2026-06-02 09:00:00); revert that export in Exported files first.',
    );
    await expect(undoImport(db, 'imp-6', '2026-06-03T10:00:00')).rejects.toThrow(UndoRefusedError);
    expect(await db.invoices.get(id)).toBeDefined();
    // Once the export is reverted, undo goes through.
    await db.exportBatches.update('batch-1', { status: 'reverted' });
    await db.invoices.update(id, { exportStatus: 'to-transfer' });
    await expect(undoImport(db, 'imp-6', '2026-06-03T10:00:00')).resolves.toEqual({ removed: 1, restored: 0 });
  });

  it('undo is refused when an updated record was changed since, or a later import changed it', async () => {
    const first = await plan('customers', 'number,name\n10,Navn To AS\n');
    await commitImport(db, first, meta('imp-7', '2026-06-01T10:00:00'));
    const second = await plan('customers', 'number,name\n10,Navn Tre AS\n');
    await commitImport(db, second, meta('imp-8', '2026-06-01T10:05:00'));
    await expect(undoImport(db, 'imp-7', '2026-06-01T11:00:00')).rejects.toThrow(
      'Customer 10 was changed again by the later import of imp-8.csv (2026-06-01 10:05:00); undo that import first.',
    );
    await db.customers.update('10', { phone: '123' });
    await expect(undoImport(db, 'imp-8', '2026-06-01T11:00:00')).rejects.toThrow(
      'Customer 10 was changed after the import',
    );
    expect(await db.importHistory.get('imp-8')).toMatchObject({ status: 'active' });
  });

  it('undo is refused while another record refers to a record the import added', async () => {
    const customers = await plan('customers', 'number,name\n40,Ny AS\n');
    await commitImport(db, customers, meta('imp-9'));
    const projects = await plan('projects', 'number,name,customerNumber\nP40,Prosjekt 40,40\n');
    await commitImport(db, projects, meta('imp-10', '2026-06-01T10:01:00'));
    await expect(undoImport(db, 'imp-9', '2026-06-01T11:00:00')).rejects.toThrow('Customer 40 is used by Project P40');
    await undoImport(db, 'imp-10', '2026-06-01T11:00:00');
    await undoImport(db, 'imp-9', '2026-06-01T11:01:00');
    expect(await db.customers.get('40')).toBeUndefined();
  });

  it('creates the company with defaults when importing into an empty database', async () => {
    const empty = new ExportdeskDatabase(`test-${Math.random()}`);
    const previous = db;
    db = empty;
    try {
      const p = await plan('customers', 'number,name\n1,Første AS\n');
      expect(p.changes.toAdd[0]).toMatchObject({ currency: 'NOK', countryCode: 'NO', paymentTermsDays: 14 });
      await commitImport(db, p, meta('imp-11'));
      expect(await db.company.get('company')).toMatchObject({ name: DEFAULT_COMPANY_NAME, currency: 'NOK' });
      expect(await db.customers.count()).toBe(1);
    } finally {
      db = previous;
      await empty.delete();
    }
  });

  it('saves a preset once per name and kind', async () => {
    const preset: ImportPreset = {
      format: 'exportdesk-import-preset',
      version: 1,
      name: 'Lønn',
      kind: 'timeRecords',
      hasHeader: true,
      skipLines: 0,
      decimal: ',',
      thousands: ' ',
      dateFormat: 'DD.MM.YYYY',
      columns: { employeeNumber: 'Ansattnummer x' },
      constants: {},
      onDuplicate: 'skip',
    };
    const a = await saveImportPreset(db, preset, newId);
    const b = await saveImportPreset(db, { ...preset, onDuplicate: 'update' }, newId);
    expect(b).toBe(a);
    expect(await db.importPresets.count()).toBe(1);
    expect((await db.importPresets.get(a))!.preset).toMatchObject({ onDuplicate: 'update', name: 'Lønn' });
  });

  it('guesses decimal comma and day-first dates from the mapped columns only', () => {
    const table = parseCsv(
      'Dato;Ansattnr;Timer;Kommentar\n01.02.2026;1001;7,5;1.000 ting\n13.02.2026;1001;1 234,50;x\n',
      {
        delimiter: ';',
        hasHeader: true,
        skipLines: 0,
      },
    );
    const guess = guessValueFormat('timeRecords', table, autoMap('timeRecords', table.header).mapping);
    expect(guess.format).toEqual({ decimal: ',', thousands: ' ', dateFormat: 'DD.MM.YYYY' });
  });

  describe('reading the time records a file can collide with', () => {
    async function storeRecords(ids: readonly string[], date: (i: number) => string) {
      const base = smallCompany().timeRecords[0]!;
      await db.timeRecords.clear();
      await db.timeRecords.bulkAdd(ids.map((id, i) => ({ ...base, id, date: date(i) })));
    }
    const idsOf = async (scope: { dates: { from: string; to: string } | null; ids: string[] }) =>
      (await readImportExisting(db, 'timeRecords', scope)).data.timeRecords.map((r) => r.id).sort();

    it('finds records named by id outside the dates through the id span (ids close together)', async () => {
      await storeRecords(['a1', 'a2', 'a3', 'a4'], (i) => `2026-0${i + 1}-10`);
      expect(await idsOf({ dates: { from: '2026-01-01', to: '2026-01-31' }, ids: ['a2', 'a4', 'a9'] })).toEqual([
        'a1',
        'a2',
        'a4',
      ]);
    });

    it('looks ids up one by one when the span between them holds many other records', async () => {
      const many = Array.from({ length: 50 }, (_, i) => `b${String(i).padStart(3, '0')}`);
      await storeRecords(many, () => '2025-06-01');
      const named = ['b000', 'b049', 'missing'];
      expect(50).toBeGreaterThan(named.length * ID_SPAN_RECORDS_PER_ID);
      expect(await idsOf({ dates: { from: '2026-01-01', to: '2026-01-31' }, ids: named })).toEqual(['b000', 'b049']);
    });

    it('reads nothing for a file without dates or ids', async () => {
      await storeRecords(['c1'], () => '2026-01-01');
      expect(await idsOf({ dates: null, ids: [] })).toEqual([]);
    });

    it('the base and the records read apart give the same data as one read', async () => {
      await storeRecords(['d1', 'd2'], (i) => `2026-02-0${i + 1}`);
      const scope = { dates: { from: '2026-02-01', to: '2026-02-01' }, ids: ['d2'] };
      const apart = withRecords(await readImportBase(db), await readImportRecords(db, 'timeRecords', scope));
      expect(apart).toEqual(await readImportExisting(db, 'timeRecords', scope));
      expect(apart.data.timeRecords.map((r) => r.id).sort()).toEqual(['d1', 'd2']);
      expect(apart.data.customers.length).toBeGreaterThan(0);
    });
  });
});
