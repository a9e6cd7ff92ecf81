import { describe, expect, it } from 'vitest';
import { runTemplateExport, templateAsFormat } from '../../../src/core/templates/as-format.ts';
import { renderTemplate, templateFileName } from '../../../src/core/templates/render.ts';
import type { LayoutTemplate } from '../../../src/core/templates/types.ts';
import { layoutTemplate as baseLayout, textTemplate } from '../../helpers/templates.ts';
import { templateTestCompany, TEST_CONTEXT } from './company.ts';
import { messageOf } from '../../helpers/english-issue.ts';

/** A layout over grouped time records, no columns unless given (`out.txt`). */
function layoutTemplate(overrides: Partial<LayoutTemplate>): LayoutTemplate {
  return baseLayout({
    name: 't',
    dataType: 'timeRecordsGrouped',
    fileNamePattern: 'out',
    fileExtension: 'txt',
    columns: [],
    ...overrides,
  });
}

describe('file names', () => {
  it.each([
    ['xero_{DATETIME}', 'csv', 'xero_20240402093015.csv'],
    ['lonn_{FROM}-{TO}', 'txt', 'lonn_20240301-20240331.txt'],
    ['{DATE}', '.SI', '20240402.SI'],
    ['a/b:c', 'csv', 'a_b_c.csv'],
    ['', 'csv', 'export.csv'],
  ])('%s + %s → %s', (pattern, ext, expected) => {
    expect(templateFileName({ fileNamePattern: pattern, fileExtension: ext }, TEST_CONTEXT)).toBe(expected);
  });
  it('{FROM} and {TO} are empty without a period', () => {
    expect(templateFileName({ fileNamePattern: 'x{FROM}{TO}', fileExtension: 'txt' }, { now: TEST_CONTEXT.now })).toBe(
      'x.txt',
    );
  });
});

describe('text templates', () => {
  it('applies the line break setting to the output, whatever the template text uses', () => {
    const content = 'A\r\n{% for i in invoices %}{{ i.number }}\n{% endfor %}';
    const windows = renderTemplate(
      textTemplate(content, { lineBreak: 'windows' }),
      templateTestCompany(),
      TEST_CONTEXT,
    );
    expect(windows.text).toBe('A\r\n1001\r\n1002\r\n1003\r\n');
    const unix = renderTemplate(textTemplate(content), templateTestCompany(), TEST_CONTEXT);
    expect(unix.text).toBe('A\n1001\n1002\n1003\n');
    expect(unix.files[0]).toMatchObject({
      name: 'out.txt',
      mimeType: 'text/plain',
      recordCount: 3,
      controlTotals: { 'gross SEK': 1196066 + 100000 - 311189 },
    });
  });

  it('"Test template" renders only the first N records', () => {
    const result = renderTemplate(
      textTemplate('{% for i in invoices %}{{ i.number }} {% endfor %}{{ ledger.vouchers.size }}'),
      templateTestCompany(),
      { ...TEST_CONTEXT, sampleSize: 2 },
    );
    expect(result.text).toBe('1001 1002 2');
    expect(result.files[0]!.recordCount).toBe(2);
  });

  it('sees the company, the period, the clock and the program', () => {
    const content =
      '{{ company.name }}|{{ period.from }}..{{ period.to }}|{{ now }}|{{ today | format_date: "yyyyMMdd" }}|{{ program.name }} {{ program.version }}|{{ file.name }}|{{ master.accounts.size }}';
    const result = renderTemplate(textTemplate(content, { dataType: 'users' }), templateTestCompany(), TEST_CONTEXT);
    expect(result.text).toBe(
      'Fjällbacka Konsult AB|2024-03-01..2024-03-31|2024-04-02T09:30:15|20240402|Exportdesk 0.1.0|out.txt|7',
    );
  });

  it('reports characters the encoding lacks with their output line and column, and keeps the file back', () => {
    const content = '{% for c in customers %}{{ c.number }} {{ c.city }}\n{% endfor %}Sum €';
    const result = renderTemplate(
      textTemplate(content, { dataType: 'customers', encoding: 'iso-8859-1' }),
      templateTestCompany(),
      TEST_CONTEXT,
    );
    expect(result.files).toEqual([]);
    expect(result.text).toContain('Sum €');
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ severity: 'error', code: 'unencodable-character' });
    expect(messageOf(result.issues[0]!)).toContain('(line 3, column 5)');
  });

  it('sie-ksumma without the closing #KSUMMA line is an error', () => {
    const result = renderTemplate(
      textTemplate('#FLAGGA 0\n#KSUMMA\n#SIETYP 4\n', { postProcess: 'sie-ksumma', encoding: 'cp437' }),
      templateTestCompany(),
      TEST_CONTEXT,
    );
    expect(result.files).toEqual([]);
    expect(messageOf(result.issues[0]!)).toMatch(/closing #KSUMMA/);
  });
});

describe('layout templates', () => {
  it('writes a delimited payroll file from grouped time records, with a Liquid column', () => {
    const template = layoutTemplate({
      decimalSeparator: ',',
      columns: [
        { header: 'Ansatt', field: 'employeeNumber' },
        { header: 'Lønnsart', field: 'wageCode' },
        { header: 'Timer', field: 'hours', format: { type: 'quantity', decimals: 2, fixedDecimals: true } },
        { header: 'Beløp', field: 'amount', format: { type: 'amount', decimals: 2 } },
        { header: 'Prosjekt', liquid: '{{ projectNumber }} {{ projectName | upcase }}' },
        { header: 'År', value: '0' },
      ],
    });
    const result = renderTemplate(template, templateTestCompany(), TEST_CONTEXT);
    expect(result.issues).toEqual([]);
    expect(result.text).toBe(
      [
        'Ansatt;Lønnsart;Timer;Beløp;Prosjekt;År',
        '57;800;7,80;8329,60;P1 NYTT KONTOR;0',
        '57;800;4,00;4000,00;P2 SUPPORT;0',
        '57;801;2,25;3375,00;P1 NYTT KONTOR;0',
        '58;810;6,00;5400,00;P1 NYTT KONTOR;0',
        '',
      ].join('\n'),
    );
    expect(result.files[0]!.controlTotals).toEqual({ hours: 20.05 });
  });

  it('writes fixed-width records and reports cut fields with their record', () => {
    const template = layoutTemplate({
      dataType: 'customers',
      layout: 'fixed-width',
      lineBreak: 'windows',
      columns: [
        { header: 'Nr', field: 'number', width: 6, zeroFill: true, format: { type: 'integer' } },
        { header: 'Navn', field: 'name', width: 10, overflow: 'truncate' },
        { header: 'Dager', field: 'paymentTermsDays', width: 3, format: { type: 'integer' } },
      ],
    });
    const result = renderTemplate(template, templateTestCompany(), TEST_CONTEXT);
    expect(result.text).toBe('000100Åkesson, " 30\r\n000200Nordic Dat 15\r\n');
    expect(result.issues.map((i) => [i.severity, i.code, i.record])).toEqual([
      ['warning', 'truncated', { kind: 'customer', key: '100' }],
      ['warning', 'truncated', { kind: 'customer', key: '200' }],
    ]);
    expect(result.files).toHaveLength(1);
  });

  it('writes one line per invoice line with rowsFrom "lines"', () => {
    const template = layoutTemplate({
      dataType: 'invoices',
      delimiter: ',',
      headerRow: false,
      rowsFrom: 'lines',
      columns: [
        { header: 'No', field: 'invoice.number' },
        { header: 'Line', field: 'lineNumber' },
        { header: 'Net', field: 'amounts.net', format: { type: 'amount' } },
        { header: 'Invoice gross', field: 'record.gross', format: { type: 'amount' } },
      ],
    });
    const result = renderTemplate(template, templateTestCompany(), { ...TEST_CONTEXT, sampleSize: 1 });
    expect(result.text).toBe('1001,1,9000.00,11960.66\n1001,2,300.00,11960.66\n1001,3,299.70,11960.66\n');
  });

  it('a broken Liquid column is reported with the column name and position', () => {
    const template = layoutTemplate({ columns: [{ header: 'X', liquid: '{{ hours | amount }}' }] });
    const result = renderTemplate(template, templateTestCompany(), TEST_CONTEXT);
    expect(result.files).toEqual([]);
    expect(messageOf(result.issues[0]!)).toMatch(/column "X", user 57: .*minor units/);
  });
});

describe('a template as a format', () => {
  it('runs through the format contract with the same result', () => {
    const template = textTemplate('{% for i in invoices %}{{ i.number }};{{ i.gross | amount }}\n{% endfor %}', {
      name: 'Simple',
    });
    const format = templateAsFormat(template);
    expect(format).toMatchObject({
      id: 'template:Simple',
      dataType: 'invoices',
      defaultEncoding: 'utf-8',
      settings: [],
    });
    const result = format.generate(templateTestCompany(), {}, TEST_CONTEXT);
    expect(new TextDecoder().decode(result.files[0]!.bytes)).toBe('1001;11960.66\n1002;1000.00\n1003;-3111.89\n');
    expect(result.report).toEqual(['out.txt: 3 records, 41 bytes (template "Simple")']);
    expect(format.preflight(templateTestCompany(), {}, TEST_CONTEXT)).toEqual([]);
  });

  it('holds the files back when there is an error', () => {
    const result = runTemplateExport(textTemplate('{{ nope }}'), templateTestCompany(), TEST_CONTEXT);
    expect(result.files).toEqual([]);
    expect(result.issues[0]!.severity).toBe('error');
  });
});
