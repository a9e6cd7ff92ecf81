/**
 * The benchmark's own worker: seeds the database the real workers read (same origin, same
 * database `exportdesk`), resets it between runs, and runs the bare baselines off the page,
 * as the real pipeline runs, so that worker start-up and message passing cost both the same.
 */
import * as Comlink from 'comlink';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { DATA_TABLES, ExportdeskDatabase } from '../../src/db/database.ts';
import { replaceCompany } from '../../src/db/company-store.ts';
import { resetTransferred, statusTables } from '../../src/db/export-status.ts';
import { generateDemoCompany, iterateDemoTimeRecords } from '../../src/core/demo/index.ts';
import { toCompanyFile } from '../../src/core/company-file/company-file.ts';
import { bundleFiles, sha256Hex } from '../../src/core/export/bundle.ts';
import type { CompanyData, TimeRecord } from '../../src/core/domain/types.ts';
import { sumTimeRecords, timeRecordTotals, type TimeRecordTotals } from '../../src/core/domain/record-totals.ts';
import type { ExportedFileMeta } from '../../src/core/export/types.ts';
import { PROGRAM_NAME, PROGRAM_VERSION } from '../../src/core/program.ts';
import {
  BENCH_COUNTRY,
  BENCH_NOW,
  BENCH_TODAY,
  benchExportConfigs,
  benchTemplates,
  scaledClaims,
  scaledInvoices,
} from './fixtures.ts';
import { bareSie4 } from './bare-sie4.ts';
import { bareGbat10 } from './bare-gbat10.ts';
import { bareTimeLines } from './bare-time-lines.ts';
import { restoreFile } from './restore-file.ts';
import type { CompanyFile } from '../../src/core/company-file/company-file.ts';

const db = new ExportdeskDatabase();
const CHUNK = 5000;
const BARE_FILE_ID = 'bench-bare-file';

type Bytes = Uint8Array<ArrayBuffer>;

function transferable(bytes: Uint8Array): Bytes {
  const copy =
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
      ? bytes
      : bytes.slice();
  return copy as Bytes;
}

async function addTimeRecords(count: number, country: 'SE' | 'NO' = BENCH_COUNTRY): Promise<void> {
  let chunk: TimeRecord[] = [];
  for (const record of iterateDemoTimeRecords({ country, today: BENCH_TODAY, timeRecords: count })) {
    chunk.push(record);
    if (chunk.length === CHUNK) {
      await db.timeRecords.bulkAdd(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) await db.timeRecords.bulkAdd(chunk);
}

/** Master data read the plain way (what any export needs besides its records). */
async function bareMaster(): Promise<CompanyData> {
  const row = await db.company.get('company');
  if (!row) throw new Error('no company seeded');
  return {
    company: row,
    customers: await db.customers.toArray(),
    projects: await db.projects.toArray(),
    users: [],
    accounts: await db.accounts.toArray(),
    vatCodes: await db.vatCodes.toArray(),
    expenseTypes: [],
    invoices: [],
    timeRecords: [],
    claims: [],
  };
}

/** Stores the bytes the way a batch does (one row in exportFiles), then the next run replaces it. */
async function storeBare(bytes: Uint8Array, name: string): Promise<void> {
  await db.exportFiles.put({ id: BARE_FILE_ID, batchId: BARE_FILE_ID, name, mimeType: 'text/plain', bytes });
}

/**
 * The demo as a firm that sends every Norwegian customer EHF: a bank account (MOD11-valid), each
 * Norwegian customer's PEPPOL id from its organisation number and a buyer reference. The demo has
 * none, so the EHF figure would otherwise be "nothing to export". Other formats ignore these fields.
 */
function ehfReady(demo: CompanyData): CompanyData {
  if (demo.company.countryCode !== 'NO') return demo;
  return {
    ...demo,
    company: { ...demo.company, bankAccount: demo.company.bankAccount || '15030100015' },
    customers: demo.customers.map((c) =>
      c.countryCode === 'NO'
        ? { ...c, peppolId: c.peppolId || `0192:${c.orgNumber}`, buyerReference: c.buyerReference || 'Bench' }
        : c,
    ),
  };
}

const api = {
  /**
   * A fresh company: the Swedish demo, exactly `invoiceLines` invoice lines waiting for export,
   * `timeRecords` time records, and `claims` approved one-item claims (the demo's own when 0).
   */
  async seed(options: {
    invoiceLines: number;
    timeRecords: number;
    claims?: number;
    /** The Norwegian demo instead, for the formats that refuse a Swedish company (SAF-T, EHF). */
    country?: 'SE' | 'NO';
  }): Promise<{ invoices: number; timeRecords: number; claims: number }> {
    const country = options.country ?? BENCH_COUNTRY;
    const demo = ehfReady(generateDemoCompany({ country, today: BENCH_TODAY, timeRecords: 0 }));
    const invoices =
      options.invoiceLines > 0
        ? scaledInvoices(demo.invoices, demo.company.currency, options.invoiceLines)
        : demo.invoices;
    const claims = options.claims ? [] : demo.claims;
    await replaceCompany(
      db,
      toCompanyFile(
        { ...demo, invoices, claims },
        { exportConfigs: benchExportConfigs(), templates: benchTemplates() },
      ),
    );
    await addTimeRecords(options.timeRecords, country);
    if (options.claims) {
      const scaled = scaledClaims(demo.claims, demo.company.currency, options.claims);
      for (let at = 0; at < scaled.length; at += CHUNK) await db.claims.bulkAdd(scaled.slice(at, at + CHUNK));
    }
    return { invoices: invoices.length, timeRecords: await db.timeRecords.count(), claims: await db.claims.count() };
  },

  /** Undoes what export runs changed: batches and files gone, every bench invoice waiting again. */
  async resetExports(): Promise<void> {
    await db.transaction(
      'rw',
      [...statusTables(db), db.exportBatches, db.exportBatchKeys, db.exportFiles],
      async () => {
        await db.exportBatches.clear();
        await db.exportBatchKeys.clear();
        await db.exportFiles.clear();
        await resetTransferred(db);
      },
    );
  },

  async clearTimeRecords(): Promise<void> {
    await db.timeRecords.clear();
  },

  async timeRecordCount(): Promise<number> {
    return db.timeRecords.count();
  },

  /**
   * Bare Total of a month: the month's records through the date index in one request, summed by
   * the same core function as the day sums (what a Total without running sums would cost).
   */
  async bareMonthTotals(from: string, to: string): Promise<TimeRecordTotals> {
    const [company, records] = await Promise.all([
      db.company.get('company'),
      db.timeRecords.where('date').between(from, to, true, true).toArray(),
    ]);
    return timeRecordTotals(sumTimeRecords(records), company?.currency ?? 'NOK');
  },

  /** Bare: the same index query as the export worker, the hand loop, one stored file. */
  async bareInvoiceExport(format: 'sie4' | 'gbat10'): Promise<Bytes> {
    const master = await bareMaster();
    const invoices = await db.invoices
      .where('[exportStatus+issueDate]')
      .between(['to-transfer', '0000-00-00'], ['to-transfer', '9999-99-99'], true, true)
      .toArray();
    const bytes =
      format === 'sie4'
        ? bareSie4(master, invoices, { now: BENCH_NOW, programName: PROGRAM_NAME, programVersion: PROGRAM_VERSION })
        : bareGbat10(master, invoices);
    await storeBare(bytes, format);
    return Comlink.transfer(transferable(bytes), [transferable(bytes).buffer]);
  },

  async bareTimeExport(period: { from: string; to: string }): Promise<Bytes> {
    const records = await db.timeRecords.where('date').between(period.from, period.to, true, true).toArray();
    const bytes = transferable(bareTimeLines(records));
    await storeBare(bytes, 'time');
    return Comlink.transfer(bytes, [bytes.buffer]);
  },

  /**
   * `count` files of about `totalBytes / count` bytes each: GBAT10 text of the demo invoices,
   * repeated (export-like text, so DEFLATE works as hard as on a real export).
   */
  async zipInput(totalBytes: number, count: number): Promise<void> {
    const demo = generateDemoCompany({ country: BENCH_COUNTRY, today: BENCH_TODAY, timeRecords: 0 });
    const unit = bareGbat10(demo, scaledInvoices(demo.invoices, demo.company.currency, 2000));
    const each = Math.ceil(totalBytes / count);
    zipFiles = [];
    for (let f = 0; f < count; f++) {
      const bytes = new Uint8Array(each);
      for (let at = 0; at < each; at += unit.length) bytes.set(unit.subarray(0, Math.min(unit.length, each - at)), at);
      zipFiles.push({
        name: `GBAT10_part${f + 1}.csv`,
        mimeType: 'text/csv',
        bytes,
        recordCount: 0,
        controlTotals: {},
      });
    }
  },

  /** The real multi-file step of the pipeline: SHA-256 per file (for the manifest), then bundleFiles. */
  async realZip(): Promise<number> {
    const metas: ExportedFileMeta[] = [];
    for (const [i, file] of zipFiles.entries())
      metas.push({
        id: String(i),
        name: file.name,
        mimeType: file.mimeType,
        size: file.bytes.length,
        sha256: await sha256Hex(file.bytes),
        recordCount: 0,
        controlTotals: {},
      });
    const bundle = await bundleFiles(zipFiles, metas, 'Bench', BENCH_NOW);
    return bundle.bytes.length;
  },

  async bareZip(): Promise<number> {
    const zip = new JSZip();
    for (const file of zipFiles) zip.file(file.name, file.bytes, { binary: true });
    const bytes = await zip.generateAsync({
      type: 'uint8array',
      compression: 'DEFLATE',
      compressionOptions: { level: 6 },
    });
    return bytes.length;
  },

  /** A backup file for the restore figures (a Blob: it goes to the page and the data worker by reference). */
  async restoreInput(options: { invoices: number; timeRecords: number }): Promise<Blob> {
    return restoreFile(options);
  },

  /**
   * Bare restore: the file's text and JSON.parse (timed apart), then the database emptied and
   * one Dexie bulkAdd per table of the parsed records, in one transaction (no check, no chunks,
   * no progress). `bulkAddMs` is the baseline of the restore figures.
   */
  async bareRestore(file: Blob): Promise<{ parseMs: number; bulkAddMs: number; records: number }> {
    const start = performance.now();
    const json = JSON.parse(await file.text()) as CompanyFile;
    const parsed = performance.now();
    const rows: [string, readonly unknown[]][] = [
      ['company', [{ ...json.company, id: 'company' }]],
      ['customers', json.customers],
      ['projects', json.projects],
      ['users', json.users],
      ['accounts', json.accounts],
      ['vatCodes', json.vatCodes],
      ['expenseTypes', json.expenseTypes],
      ['invoices', json.invoices],
      ['claims', json.claims],
      ['timeRecords', json.timeRecords],
      ['exportConfigs', json.exportConfigs],
      ['exportBatches', json.exportHistory],
      ['templates', json.templates.map(({ id, ...template }) => ({ id, name: '', dataType: '', template }))],
      ['importPresets', []],
    ];
    const tables = DATA_TABLES.map((name) => db.table(name));
    await db.transaction('rw', tables, async () => {
      for (const table of tables) await table.clear();
      for (const [name, list] of rows) if (list.length > 0) await db.table(name).bulkAdd(list);
    });
    return {
      parseMs: parsed - start,
      bulkAddMs: performance.now() - parsed,
      records: json.invoices.length + json.timeRecords.length + json.claims.length,
    };
  },

  /** Bare import: decode, PapaParse with headers, typed rows, one Dexie bulkAdd. */
  async bareImport(bytes: Uint8Array): Promise<number> {
    const text = new TextDecoder().decode(bytes);
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    const rows: TimeRecord[] = parsed.data.map((r) => ({
      id: r['id']!,
      date: r['date']!,
      employeeNumber: r['employeeNumber']!,
      projectNumber: r['projectNumber']!,
      activity: r['activity']!,
      hours: Number(r['hours']),
      wageCode: r['wageCode']!,
      rate: r['rate'] ? Number(r['rate']) : null,
      billable: r['billable'] === 'true',
      approved: r['approved'] === 'true',
      comment: r['comment']!,
    }));
    await db.timeRecords.bulkAdd(rows);
    return rows.length;
  },
};

let zipFiles: {
  name: string;
  mimeType: string;
  bytes: Uint8Array;
  recordCount: number;
  controlTotals: Record<string, number>;
}[] = [];

export type BenchWorkerApi = typeof api;
Comlink.expose(api);
