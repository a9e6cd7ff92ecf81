import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportdeskDatabase } from '../../src/db/database.ts';
import { readMasterData, replaceCompany } from '../../src/db/company-store.ts';
import { commitExportBatch } from '../../src/db/export-store.ts';
import { periodRecordReader, readPeriodInChunks } from '../../src/db/period-records.ts';
import { toCompanyFile } from '../../src/core/company-file/company-file.ts';
import type { TimeRecord } from '../../src/core/domain/types.ts';
import { generateExport, planExport } from '../../src/core/export/pipeline.ts';
import { planPeriodExport, type PeriodSelection } from '../../src/core/export/period-stream.ts';
import type { ExportConfig } from '../../src/core/export/types.ts';
import { templateAsFormat } from '../../src/core/templates/as-format.ts';
import type { LayoutTemplate } from '../../src/core/templates/types.ts';
import { templateTestCompany, TEST_CONTEXT } from '../core/templates/company.ts';

const TEMPLATE: LayoutTemplate = {
  kind: 'layout',
  name: 'Lön',
  dataType: 'timeRecords',
  fileNamePattern: 'lon_{FROM}',
  fileExtension: 'txt',
  decimalSeparator: ',',
  lineBreak: 'windows',
  quoting: 'none',
  quoteEmptyFields: false,
  encoding: 'utf-16le',
  dataOptions: {},
  layout: 'fixed-width',
  delimiter: '',
  headerRow: false,
  finalLineBreak: false,
  rowsFrom: '',
  columns: [
    { header: 'Datum', field: 'date', width: 10 },
    { header: 'Anställd', field: 'employeeNumber', width: 5, zeroFill: true },
    { header: 'Namn', field: 'user.name', width: 14, overflow: 'truncate' },
    { header: 'Timmar', field: 'hours', format: { type: 'quantity', decimals: 2 }, width: 7 },
  ],
};

const CONFIG: ExportConfig = {
  id: 'cfg',
  name: 'Lön',
  purpose: 'payroll',
  target: { kind: 'template', templateId: 'tpl' },
  settings: {},
  invoiceDateLimit: 'none',
  isDefault: false,
};

const SELECTION: PeriodSelection = {
  kind: 'period',
  ...TEST_CONTEXT.period!,
  includeExternal: false,
  onlyApproved: false,
};

/** Records added out of date order, with ids that do not sort like the insertion order either. */
function records(): TimeRecord[] {
  return Array.from({ length: 90 }, (_, i) => ({
    id: `r-${(i * 37) % 90}`,
    // Some outside the period, several per day, days with gaps.
    date: `2024-0${i % 9 === 0 ? 4 : 3}-${String(1 + ((i * 7) % 30)).padStart(2, '0')}`,
    employeeNumber: ['57', '58', '90'][i % 3]!,
    projectNumber: 'P1',
    activity: 'Dev',
    hours: (i % 9) / 2,
    wageCode: '800',
    rate: null,
    billable: true,
    approved: true,
    comment: '',
  }));
}

async function seeded(name: string): Promise<ExportdeskDatabase> {
  const db = new ExportdeskDatabase(`${name}-${Math.random()}`);
  await replaceCompany(db, toCompanyFile({ ...templateTestCompany(), invoices: [], timeRecords: [], claims: [] }));
  await db.timeRecords.bulkAdd(records());
  return db;
}

function ids() {
  let n = 0;
  return () => `id-${++n}`;
}

describe('period export read in chunks', () => {
  let whole: ExportdeskDatabase;
  let chunked: ExportdeskDatabase;
  beforeEach(async () => {
    whole = await seeded('whole');
    chunked = await seeded('chunked');
  });
  afterEach(async () => {
    await whole.delete();
    await chunked.delete();
  });

  it.each([1, 4, 25, 1000])(
    'hands over the records in the order of the whole read (chunks of %i)',
    async (chunkSize) => {
      const { from, to } = SELECTION;
      const expected = await whole.timeRecords.where('date').between(from, to, true, true).toArray();
      const got: TimeRecord[] = [];
      const chunkOfDate = new Map<string, number>();
      let chunks = 0;
      const complete = await readPeriodInChunks(
        chunked,
        'timeRecords',
        from,
        to,
        (list) => {
          chunks++;
          got.push(...list);
          for (const r of list) {
            // Whole days per chunk: no date is split over two chunks.
            expect(chunkOfDate.get(r.date) ?? chunks).toBe(chunks);
            chunkOfDate.set(r.date, chunks);
          }
          return true;
        },
        chunkSize,
      );
      expect(complete).toBe(true);
      expect(got).toEqual(expected);
      if (chunkSize === 1000) expect(chunks).toBe(1);
      // Days larger than a chunk are read whole.
      if (chunkSize === 1) expect(chunks).toBe(chunkOfDate.size);
    },
  );

  it('stops reading when told to', async () => {
    let chunks = 0;
    const complete = await readPeriodInChunks(
      chunked,
      'timeRecords',
      SELECTION.from,
      SELECTION.to,
      () => ++chunks < 2,
      3,
    );
    expect(complete).toBe(false);
    expect(chunks).toBe(2);
  });

  it('stores the same batch and bytes as the whole path', async () => {
    const format = templateAsFormat(TEMPLATE);
    const { from, to } = SELECTION;

    const data = (await readMasterData(whole))!;
    data.timeRecords = await whole.timeRecords.where('date').between(from, to, true, true).toArray();
    const wholePlan = planExport(data, format, CONFIG, {}, SELECTION, TEST_CONTEXT);
    const wholeResult = await generateExport(wholePlan, format, CONFIG, {}, TEST_CONTEXT, ids());
    await commitExportBatch(whole, wholeResult.batch, wholeResult.files, null);

    const master = (await readMasterData(chunked))!;
    const reader = periodRecordReader(chunked, 'timeRecords', from, to, 4);
    const chunkedPlan = await planPeriodExport(master, format, CONFIG, {}, SELECTION, TEST_CONTEXT, reader);
    expect(chunkedPlan.generated).toBeDefined();
    const chunkedResult = await generateExport(chunkedPlan, format, CONFIG, {}, TEST_CONTEXT, ids());
    await commitExportBatch(chunked, chunkedResult.batch, chunkedResult.files, null);

    expect(chunkedResult.batch.recordCount).toBeGreaterThan(20);
    expect(await chunked.exportBatches.toArray()).toEqual(await whole.exportBatches.toArray());
    expect(await chunked.exportFiles.toArray()).toEqual(await whole.exportFiles.toArray());
    expect(chunkedResult.download).toEqual(wholeResult.download);
    expect(chunkedResult.issues).toEqual(wholeResult.issues);
  });
});
