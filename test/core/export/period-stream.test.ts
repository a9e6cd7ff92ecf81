import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CompanyData, TimeRecord } from '../../../src/core/domain/types.ts';
import { generateExport, planExport, type ExportPlan } from '../../../src/core/export/pipeline.ts';
import {
  openPeriodExportStream,
  planPeriodExport,
  type PeriodChunk,
  type PeriodReader,
  type PeriodSelection,
} from '../../../src/core/export/period-stream.ts';
import type { ExportConfig } from '../../../src/core/export/types.ts';
import type { FormatDefinition } from '../../../src/core/formats/types.ts';
import { FORMATS } from '../../../src/core/formats/registry.ts';
import { templateAsFormat } from '../../../src/core/templates/as-format.ts';
import type { LayoutTemplate } from '../../../src/core/templates/types.ts';
import { templateTestCompany, TEST_CONTEXT } from '../templates/company.ts';
import { messageOf } from '../../helpers/english-issue.ts';

const TEMPLATE: LayoutTemplate = {
  kind: 'layout',
  name: 'Tider',
  dataType: 'timeRecords',
  fileNamePattern: 'tider_{FROM}-{TO}',
  fileExtension: 'csv',
  decimalSeparator: ',',
  lineBreak: 'windows',
  quoting: 'text',
  quoteEmptyFields: true,
  encoding: 'windows-1252',
  dataOptions: { includeExternalUsers: true },
  layout: 'delimited',
  delimiter: ';',
  headerRow: true,
  finalLineBreak: true,
  rowsFrom: '',
  columns: [
    { header: 'Datum', field: 'date' },
    { header: 'Anställd', field: 'employeeNumber' },
    { header: 'Namn', field: 'user.name' },
    { header: 'Aktivitet', field: 'activity' },
    { header: 'Timmar', field: 'hours', format: { type: 'quantity', decimals: 2 } },
    { header: 'Kod', liquid: '{{ wageCode }}/{{ projectNumber }}' },
  ],
};

const CONFIG: ExportConfig = {
  id: 'cfg',
  name: 'Tider',
  purpose: 'payroll',
  target: { kind: 'template', templateId: 'tpl' },
  settings: {},
  invoiceDateLimit: 'none',
  isDefault: false,
};

/** Many records over several days, sorted as the date index returns them (date, then id). */
function company(count: number, activity: (i: number) => string = (i) => (i % 5 === 0 ? 'Möte' : 'Dev')): CompanyData {
  const data = templateTestCompany();
  const employees = ['57', '58', '90'];
  const records: TimeRecord[] = Array.from({ length: count }, (_, i) => ({
    id: `t${String(i).padStart(4, '0')}`,
    date: `2024-03-${String(1 + (i % 28)).padStart(2, '0')}`,
    employeeNumber: employees[i % 3]!,
    projectNumber: i % 4 === 0 ? 'P2' : 'P1',
    activity: activity(i),
    hours: (i % 17) / 4,
    wageCode: '800',
    rate: i % 6 === 0 ? null : 100_000,
    billable: true,
    approved: i % 7 !== 0,
    comment: '',
  }));
  data.timeRecords = records.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  return data;
}

function reader(data: CompanyData, chunkSize: number): PeriodReader & { chunked: number } {
  const state = {
    chunked: 0,
    async chunks(take: (chunk: PeriodChunk, fractionRead: number) => boolean) {
      for (let start = 0; start < data.timeRecords.length; start += chunkSize) {
        state.chunked++;
        if (!take({ timeRecords: data.timeRecords.slice(start, start + chunkSize) }, 0)) return false;
      }
      return true;
    },
    all: async () => ({ timeRecords: data.timeRecords }),
  };
  return state;
}

async function generated(plan: ExportPlan, format: FormatDefinition) {
  let n = 0;
  return generateExport(plan, format, CONFIG, {}, TEST_CONTEXT, () => `id-${++n}`);
}

function master(data: CompanyData): CompanyData {
  return { ...data, timeRecords: [], claims: [] };
}

describe('a period export planned chunk by chunk', () => {
  it('makes the plan and writes the batch and bytes of the whole path, for every filter and chunk size', async () => {
    const data = company(120);
    const format = templateAsFormat(TEMPLATE);
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(1, 2, 7, 40, 500),
        async (includeExternal, onlyApproved, leaveOut, chunkSize) => {
          const selection: PeriodSelection = {
            kind: 'period',
            ...TEST_CONTEXT.period!,
            includeExternal,
            onlyApproved,
            ...(leaveOut ? { exclude: new Set(['t0003', 't0010', 't0011']) } : {}),
          };
          const whole = planExport(data, format, CONFIG, {}, selection, TEST_CONTEXT);
          const source = reader(data, chunkSize);
          const chunked = await planPeriodExport(master(data), format, CONFIG, {}, selection, TEST_CONTEXT, source);
          expect(source.chunked).toBeGreaterThan(0);
          expect(chunked.generated).toBeDefined();
          expect(chunked.summary).toEqual(whole.summary);
          // Before the list is made: the JSON written straight from the chunks' texts.
          expect(chunked.keysJson!()).toBe(JSON.stringify(whole.keys));
          expect(chunked.keys).toEqual(whole.keys);
          expect(await generated(chunked, format)).toEqual(await generated(whole, format));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reports nothing to export for an empty period, with the header-only file the whole path renders', async () => {
    const data = company(0);
    const format = templateAsFormat(TEMPLATE);
    const selection: PeriodSelection = {
      kind: 'period',
      ...TEST_CONTEXT.period!,
      includeExternal: true,
      onlyApproved: false,
    };
    const whole = planExport(data, format, CONFIG, {}, selection, TEST_CONTEXT);
    const chunked = await planPeriodExport(master(data), format, CONFIG, {}, selection, TEST_CONTEXT, reader(data, 10));
    expect(chunked.summary).toEqual(whole.summary);
    expect(chunked.summary.issues.map((i) => i.code)).toContain('nothing-to-export');
  });

  it('takes the whole path when a character does not fit the encoding, so the issue names the line in the whole file', async () => {
    const data = company(60, (i) => (i === 45 ? 'Ω-möte' : 'Dev'));
    const format = templateAsFormat(TEMPLATE);
    const selection: PeriodSelection = {
      kind: 'period',
      ...TEST_CONTEXT.period!,
      includeExternal: true,
      onlyApproved: false,
    };
    const whole = planExport(data, format, CONFIG, {}, selection, TEST_CONTEXT);
    const chunked = await planPeriodExport(master(data), format, CONFIG, {}, selection, TEST_CONTEXT, reader(data, 8));
    expect(chunked.generated).toBeUndefined();
    expect(chunked.summary).toEqual(whole.summary);
    const issue = chunked.summary.issues.find((i) => i.code === 'unencodable-character')!;
    const line = data.timeRecords.findIndex((r) => r.activity === 'Ω-möte');
    expect(issue.record).toEqual({ kind: 'timeRecord', key: data.timeRecords[line]!.id });
    // Line 1 is the header.
    expect(messageOf(issue)).toMatch(new RegExp(`\\(line ${line + 2}, column \\d+\\)`));
  });

  it('reads all records at once for formats that need them (built-in payroll formats, text templates)', async () => {
    const data = company(30);
    const selection: PeriodSelection = {
      kind: 'period',
      ...TEST_CONTEXT.period!,
      includeExternal: false,
      onlyApproved: false,
    };
    const payroll = await Promise.all(FORMATS.filter((f) => f.dataType === 'timeRecords').map((f) => f.load()));
    expect(payroll.length).toBeGreaterThan(0);
    const text = templateAsFormat({
      ...TEMPLATE,
      kind: 'text',
      content: '{% for r in rows %}{{ r.id }}\n{% endfor %}',
      postProcess: 'none',
    });
    for (const format of [...payroll, text]) {
      expect(openPeriodExportStream(master(data), format, CONFIG, {}, selection, TEST_CONTEXT)).toBeNull();
      const source = reader(data, 5);
      const plan = await planPeriodExport(master(data), format, CONFIG, {}, selection, TEST_CONTEXT, source);
      expect(source.chunked).toBe(0);
      expect(plan).toEqual(planExport(data, format, CONFIG, {}, selection, TEST_CONTEXT));
    }
  });
});
