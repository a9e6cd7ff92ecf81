import Papa from 'papaparse';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildDelimited,
  cloneLayout,
  type DelimitedLayout,
  type QuotingRule,
} from '../../../../src/core/formats/builders/delimited.ts';
import { copyableLayouts } from '../../../../src/core/formats/copyable-layouts.ts';
import { withMessage } from '../../../helpers/english-issue.ts';

const layout = (quoting: QuotingRule, overrides: Partial<DelimitedLayout> = {}): DelimitedLayout => ({
  delimiter: ';',
  quoting,
  quoteEmpty: false,
  headerRow: true,
  decimalSeparator: ',',
  lineEnding: 'CRLF',
  encoding: 'utf-8',
  columns: [
    { header: 'Name', field: 'name' },
    { header: 'Amount', field: 'amount', format: { type: 'amount' } },
    { header: 'Date', field: 'date', format: { type: 'date', pattern: 'dd.MM.yyyy' } },
    { header: 'Fixed', value: 'x' },
  ],
  ...overrides,
});

const rows = [
  { name: 'Plain', amount: 12345, date: '2026-11-02' },
  { name: 'Semi; colon, "quoted"', amount: -5, date: '2026-01-31' },
  { name: '', amount: 0, date: '' },
];

describe('buildDelimited', () => {
  it('when-needed quoting parses back with PapaParse to the same values', () => {
    const built = buildDelimited(layout('when-needed'), rows);
    expect(built.issues).toEqual([]);
    expect(built.text).toBe(
      'Name;Amount;Date;Fixed\r\nPlain;123,45;02.11.2026;x\r\n"Semi; colon, ""quoted""";-0,05;31.01.2026;x\r\n;0,00;;x\r\n',
    );
    const parsed = Papa.parse<string[]>(built.text.trimEnd(), { delimiter: ';', newline: '\r\n' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[1]).toEqual(['Plain', '123,45', '02.11.2026', 'x']);
    expect(parsed.data[2]).toEqual(['Semi; colon, "quoted"', '-0,05', '31.01.2026', 'x']);
  });

  it('all / text-only / empty quoting', () => {
    expect(buildDelimited(layout('all', { headerRow: false }), rows.slice(0, 1)).text).toBe(
      '"Plain";"123,45";"02.11.2026";"x"\r\n',
    );
    expect(buildDelimited(layout('text-only', { headerRow: false }), rows.slice(0, 1)).text).toBe(
      '"Plain";123,45;02.11.2026;"x"\r\n',
    );
    expect(
      buildDelimited(layout('all', { headerRow: false, quoteEmpty: true, lineEnding: 'LF' }), rows.slice(2)).text,
    ).toBe('"";"0,00";"";"x"\n');
  });

  it('quoting none reports a value holding the delimiter, naming the record', () => {
    const built = buildDelimited(layout('none'), rows, { recordOf: (r) => ({ kind: 'customer', key: r.name }) });
    expect(built.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'unquotable-field',
        record: { kind: 'customer', key: 'Semi; colon, "quoted"' },
        field: 'Name',
      }),
    ]);
  });

  it('quoting none with replacements writes the replacement and warns, naming the record and field', () => {
    const l = layout('none', { replacements: { delimiter: ',', quote: "'", lineBreak: ' ' } });
    const built = buildDelimited(l, rows, { recordOf: (r) => ({ kind: 'customer', key: r.name || 'empty' }) });
    expect(built.text.split('\r\n')[2]).toBe("Semi, colon, 'quoted';-0,05;31.01.2026;x");
    expect(built.issues.map(withMessage)).toEqual([
      {
        severity: 'warning',
        code: 'separator-replaced',
        message: expect.stringContaining(
          'customer Semi; colon, "quoted", Name: "Semi; colon, "quoted"" was written as',
        ),
        params: expect.objectContaining({ value: 'Semi; colon, "quoted"', delimiter: ';' }),
        field: 'Name',
        record: { kind: 'customer', key: 'Semi; colon, "quoted"' },
      },
    ]);
    for (const line of built.text.split('\r\n').slice(0, -1)) expect(line.split(';')).toHaveLength(4);
  });

  it('replacements also apply inside a column that is always quoted (C5 Description), and to line breaks', () => {
    const l = layout('none', {
      headerRow: false,
      replacements: { delimiter: ',', quote: "'" },
      columns: [
        { header: 'Description', field: 'name', format: { type: 'text', singleLine: false }, quote: 'always' },
        { header: 'Fixed', value: 'x' },
      ],
    });
    const built = buildDelimited(l, [{ name: 'a;b "c"\r\nd' }]);
    expect(built.text).toBe(`"a,b 'c' d";x\r\n`);
    expect(built.issues.map((i) => [i.severity, i.code])).toEqual([['warning', 'separator-replaced']]);
  });

  it('without quotes to replace, quotes are kept; a value without such characters gives no issue', () => {
    const l = layout('none', { replacements: { delimiter: ',' } });
    const built = buildDelimited(l, [{ name: 'Say "hi"', amount: 1, date: '' }]);
    expect(built.text.split('\r\n')[1]).toBe('Say "hi";0,01;;x');
    expect(built.issues).toEqual([]);
  });

  it('a replacement holding the delimiter is an error (the lines would split wrongly)', () => {
    const built = buildDelimited(layout('none', { replacements: { delimiter: ';' } }), rows);
    expect(built.issues.map((i) => [i.severity, i.code])).toContainEqual(['error', 'bad-replacement']);
  });

  it('maps every line to its record', () => {
    const built = buildDelimited(layout('when-needed'), rows, {
      recordOf: (r) => ({ kind: 'invoice', key: r.name || 'blank' }),
    });
    expect(built.lineRecords).toEqual([
      undefined,
      { kind: 'invoice', key: 'Plain' },
      { kind: 'invoice', key: 'Semi; colon, "quoted"' },
      { kind: 'invoice', key: 'blank' },
    ]);
  });

  it('any text round-trips through PapaParse (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: fc.string(), amount: fc.integer({ min: -1e9, max: 1e9 }) }), {
          minLength: 1,
          maxLength: 5,
        }),
        (generated) => {
          const l = layout('when-needed', {
            delimiter: ',',
            decimalSeparator: '.',
            // Text exactly as given: this property is about quoting; would-be formulas get their `'` by
            // default, which formula-cells.test.ts checks (issue 16).
            formulas: 'raw',
            columns: [
              { header: 'Name', field: 'name', format: { type: 'text', singleLine: false } },
              { header: 'Amount', field: 'amount', format: { type: 'amount' } },
            ],
          });
          const built = buildDelimited(l, generated);
          const parsed = Papa.parse<string[]>(built.text.slice(0, -2), { delimiter: ',', newline: '\r\n' });
          expect(parsed.data.slice(1).map((r) => r[0])).toEqual(generated.map((g) => g.name));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('copyable layouts', () => {
  it('are plain JSON and survive a round trip', () => {
    const layouts = copyableLayouts();
    expect(layouts.map((l) => l.formatId)).toContain('xero');
    for (const l of layouts) expect(JSON.parse(JSON.stringify(l))).toEqual(l);
  });

  it('a copied Xero layout builds the same text as the built-in one', () => {
    const xero = copyableLayouts().find((l) => l.formatId === 'xero')!;
    const copy = cloneLayout(xero.layout) as DelimitedLayout;
    const row = {
      customer: { name: 'A, B' },
      invoice: { number: '1', issueDate: '2026-11-02', dueDate: '2026-11-16', currency: 'NOK' },
      line: { description: 'x', unitPrice: 100, discountPercent: 0, accountNumber: '3000' },
      signedQuantity: 1,
      extra: { taxType: '25%' },
    };
    expect(buildDelimited(copy, [row]).text).toBe(buildDelimited(xero.layout as DelimitedLayout, [row]).text);
  });
});
