import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Claim, CompanyData, TimeRecord } from '../../../src/core/domain/types.ts';
import type { ExportResult } from '../../../src/core/formats/types.ts';
import { runTemplateExport, templateAsFormat } from '../../../src/core/templates/as-format.ts';
import { isStreamableTemplate, openLayoutStream } from '../../../src/core/templates/layout-stream.ts';
import type { LayoutColumn, LayoutTemplate, TextTemplate } from '../../../src/core/templates/types.ts';
import { templateTestCompany, TEST_CONTEXT } from './company.ts';

const COMMON = {
  name: 'stream',
  fileNamePattern: 'out_{FROM}',
  fileExtension: 'csv',
  decimalSeparator: '.',
  lineBreak: 'unix',
  quoting: 'needed',
  quoteEmptyFields: false,
  encoding: 'utf-8',
  dataOptions: {},
} as const;

const TIME_COLUMNS: LayoutColumn[] = [
  { header: 'Datum', field: 'date', format: { type: 'date', pattern: 'yyyyMMdd' }, width: 8 },
  { header: 'Anställd', field: 'employeeNumber', width: 4, align: 'right', zeroFill: true },
  { header: 'Namn', field: 'user.name', width: 12, overflow: 'truncate' },
  { header: 'Projekt', field: 'project.name', width: 12, overflow: 'truncate' },
  { header: 'Aktivitet', field: 'activity', width: 10, overflow: 'truncate' },
  { header: 'Timmar', field: 'hours', format: { type: 'quantity', decimals: 2 }, width: 8 },
  { header: 'Belopp', field: 'amount', format: { type: 'amount', decimals: 2 }, width: 12 },
];

const EXPENSE_COLUMNS: LayoutColumn[] = [
  { header: 'Nr', field: 'claimNumber', width: 6 },
  { header: 'Rad', field: 'itemNumber', width: 3 },
  { header: 'Typ', field: 'expenseTypeName', width: 8, overflow: 'truncate' },
  { header: 'Text', field: 'description', width: 14, overflow: 'truncate' },
  { header: 'Belopp', field: 'amount', format: { type: 'amount', decimals: 2 }, width: 12 },
];

const LIQUID_COLUMN: LayoutColumn = { header: 'Kod', liquid: '{{ employeeNumber }}-{{ hours | times: 2 }}', width: 10 };
const FAILING_LIQUID_COLUMN: LayoutColumn = { header: 'Fel', liquid: '{{ nosuchvariable }}', width: 10 };

function layout(overrides: Partial<LayoutTemplate>): LayoutTemplate {
  return {
    ...COMMON,
    kind: 'layout',
    dataType: 'timeRecords',
    layout: 'delimited',
    delimiter: ';',
    headerRow: true,
    finalLineBreak: true,
    rowsFrom: '',
    columns: TIME_COLUMNS,
    ...overrides,
  };
}

/** Texts with the delimiter, quotes, blanks, Latin letters, the euro sign and characters Windows-1252 lacks (Ω, 😀). */
const TEXTS = ['Dev', 'Möte; planering', 'Sa "hej"', ' kant ', 'Åäö', '€ resa', 'Ω-test', 'glad 😀', ''];

const timeRecord = (i: number) =>
  fc
    .record({
      date: fc.constantFrom('2024-03-01', '2024-03-02', '2024-03-04', '2024-03-31'),
      employeeNumber: fc.constantFrom('57', '58', '90', '99'),
      projectNumber: fc.constantFrom('P1', 'P2', '', 'PX'),
      activity: fc.constantFrom(...TEXTS),
      hours: fc.integer({ min: 0, max: 240_000 }).map((n) => n / 10_000),
      wageCode: fc.constantFrom('800', '801'),
      rate: fc.option(fc.integer({ min: 0, max: 200_000 }), { nil: null }),
      billable: fc.boolean(),
      approved: fc.boolean(),
      comment: fc.constantFrom(...TEXTS),
    })
    .map((r): TimeRecord => ({ id: `t${i}`, ...r }));

const timeRecords = fc
  .integer({ min: 0, max: 40 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => timeRecord(i))))
  .map((records) => [...records].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)));

const claims = fc
  .array(
    fc.record({
      employeeNumber: fc.constantFrom('57', '90'),
      date: fc.constantFrom('2024-03-10', '2024-03-20'),
      items: fc.array(
        fc.record({
          date: fc.constant('2024-03-09'),
          expenseType: fc.constantFrom('TAXI', 'HOTEL', 'NONE'),
          description: fc.constantFrom(...TEXTS),
          amount: fc.integer({ min: -50_000, max: 500_000 }),
          vatAmount: fc.integer({ min: 0, max: 5_000 }),
          currency: fc.constantFrom('SEK', 'EUR'),
          projectNumber: fc.constantFrom('P1', ''),
        }),
        { maxLength: 3 },
      ),
    }),
    { maxLength: 15 },
  )
  .map((list) => list.map((c, i): Claim => ({ claimNumber: `C-${i}`, status: 'approved', ...c })));

const settings = fc.record({
  layout: fc.constantFrom('delimited' as const, 'fixed-width' as const),
  headerRow: fc.boolean(),
  finalLineBreak: fc.boolean(),
  lineBreak: fc.constantFrom('windows' as const, 'unix' as const),
  quoting: fc.constantFrom('none' as const, 'all' as const, 'text' as const, 'needed' as const),
  quoteEmptyFields: fc.boolean(),
  encoding: fc.constantFrom(
    'utf-8' as const,
    'utf-8-bom' as const,
    'utf-16le' as const,
    'windows-1252' as const,
    'cp437' as const,
  ),
  includeExternalUsers: fc.boolean(),
  liquid: fc.constantFrom('none', 'ok', 'failing'),
});

/** Consecutive chunks of `records`, of the given sizes (the last size repeats). */
function chunksOf<T>(records: readonly T[], sizes: readonly number[]): T[][] {
  const chunks: T[][] = [];
  for (let start = 0, i = 0; start < records.length; i++) {
    const size = sizes[Math.min(i, sizes.length - 1)]!;
    chunks.push(records.slice(start, start + size));
    start += size;
  }
  return chunks;
}

async function streamed(
  template: LayoutTemplate,
  data: CompanyData,
  chunks: Partial<CompanyData>[],
): Promise<ExportResult | null> {
  const master: CompanyData = { ...data, invoices: [], timeRecords: [], claims: [] };
  const generation = templateAsFormat(template).chunked!(master, {}, TEST_CONTEXT);
  expect(generation).not.toBeNull();
  for (const chunk of chunks) if (!generation!.add({ ...master, ...chunk })) break;
  return generation!.finish();
}

function hasUnencodable(result: ExportResult): boolean {
  return result.issues.some((i) => i.code === 'unencodable-character');
}

describe('a layout template rendered chunk by chunk', () => {
  it('writes the bytes, issues, counts and totals of the whole render, whatever the chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        timeRecords,
        settings,
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 5 }),
        async (records, s, sizes) => {
          const columns = [
            ...TIME_COLUMNS,
            ...(s.liquid === 'ok' ? [LIQUID_COLUMN] : s.liquid === 'failing' ? [FAILING_LIQUID_COLUMN] : []),
          ];
          const template = layout({ ...s, columns, dataOptions: { includeExternalUsers: s.includeExternalUsers } });
          const data = { ...templateTestCompany(), timeRecords: records };
          const whole = runTemplateExport(template, data, TEST_CONTEXT);
          const result = await streamed(
            template,
            data,
            chunksOf(records, sizes).map((timeRecords) => ({ timeRecords })),
          );
          // The one case the stream hands back: a character the encoding lacks (line numbers of the whole file).
          if (result === null) expect(hasUnencodable(whole)).toBe(true);
          else expect(result).toEqual(whole);
          if (s.encoding !== 'windows-1252' && s.encoding !== 'cp437') expect(result).not.toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('does the same for expense items, a claim and its items in one chunk', async () => {
    await fc.assert(
      fc.asyncProperty(claims, settings, fc.integer({ min: 1, max: 5 }), async (list, s, size) => {
        const template = layout({
          ...s,
          dataType: 'expenses',
          columns: EXPENSE_COLUMNS,
          dataOptions: { includeExternalUsers: s.includeExternalUsers },
        });
        const data = { ...templateTestCompany(), claims: list };
        const whole = runTemplateExport(template, data, TEST_CONTEXT);
        const result = await streamed(
          template,
          data,
          chunksOf(list, [size]).map((c) => ({ claims: c })),
        );
        if (result === null) expect(hasUnencodable(whole)).toBe(true);
        else expect(result).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    ['header, final line break, CRLF', { headerRow: true, finalLineBreak: true, lineBreak: 'windows' as const }],
    ['no header, no final line break', { headerRow: false, finalLineBreak: false }],
    ['fixed-width', { layout: 'fixed-width' as const }],
    ['UTF-16 with its byte-order mark once', { encoding: 'utf-16le' as const }],
    ['UTF-8 with its byte-order mark once', { encoding: 'utf-8-bom' as const }],
  ])('chunks of one record: %s', async (_name, overrides) => {
    const data = templateTestCompany();
    const template = layout(overrides);
    const whole = runTemplateExport(template, data, TEST_CONTEXT);
    expect(whole.files).toHaveLength(1);
    const result = await streamed(
      template,
      data,
      data.timeRecords.map((r) => ({ timeRecords: [r] })),
    );
    expect(result).toEqual(whole);
  });

  it('writes the header alone (and the BOM) when no record came', async () => {
    const data = { ...templateTestCompany(), timeRecords: [] };
    for (const encoding of ['utf-8-bom', 'utf-16le'] as const) {
      const template = layout({ encoding });
      const whole = runTemplateExport(template, data, TEST_CONTEXT);
      expect(await streamed(template, data, [])).toEqual(whole);
      expect(await streamed(template, data, [{ timeRecords: [] }])).toEqual(whole);
    }
  });

  it('gives a Windows-1252 file with a character it lacks back to the whole render, which names the record', async () => {
    const data = templateTestCompany();
    data.timeRecords = data.timeRecords.map((r, i) => (i === 2 ? { ...r, activity: 'Ω-test' } : r));
    const template = layout({ encoding: 'windows-1252', columns: [{ header: 'Aktivitet', field: 'activity' }] });
    const whole = runTemplateExport(template, data, TEST_CONTEXT);
    expect(whole.issues.map((i) => i.code)).toContain('unencodable-character');
    const stream = openLayoutStream(template, { ...data, timeRecords: [] }, TEST_CONTEXT)!;
    expect(stream.add({ ...data, timeRecords: data.timeRecords.slice(0, 2) })).toBe(true);
    expect(stream.add({ ...data, timeRecords: data.timeRecords.slice(2) })).toBe(false);
    expect(await stream.finish()).toBeNull();
  });

  it('stops at the output limit as the whole render does', async () => {
    const data = templateTestCompany();
    const context = { ...TEST_CONTEXT, limits: { outputBytes: 60 } };
    const template = layout({});
    const whole = runTemplateExport(template, data, context);
    expect(whole.issues.map((i) => i.code)).toEqual(['template-limit']);
    const master = { ...data, timeRecords: [] };
    const stream = openLayoutStream(template, master, context)!;
    for (const r of data.timeRecords) stream.add({ ...master, timeRecords: [r] });
    expect(await stream.finish()).toEqual({ files: [], issues: whole.issues });
  });

  it('streams layout templates over time records and expenses only', () => {
    const text: TextTemplate = {
      ...COMMON,
      kind: 'text',
      dataType: 'timeRecords',
      content: '{{ rows.size }}',
      postProcess: 'none',
    };
    expect(isStreamableTemplate(layout({}))).toBe(true);
    expect(isStreamableTemplate(layout({ dataType: 'expenses', columns: EXPENSE_COLUMNS }))).toBe(true);
    expect(isStreamableTemplate(text)).toBe(false);
    expect(isStreamableTemplate(layout({ dataType: 'timeRecordsGrouped' }))).toBe(false);
    expect(isStreamableTemplate(layout({ dataType: 'invoices', rowsFrom: 'lines' }))).toBe(false);
    expect(isStreamableTemplate(layout({}), { sampleSize: 5 })).toBe(false);
    // Widths that do not add up: the whole render reports the layout once.
    expect(
      isStreamableTemplate(layout({ layout: 'fixed-width', columns: [{ header: 'x', field: 'id', width: 0 }] })),
    ).toBe(false);
    expect(templateAsFormat(text).chunked!({ ...templateTestCompany() }, {}, TEST_CONTEXT)).toBeNull();
  });
});
