/**
 * Issue 12 item 11: a misspelt field path is found before an export writes an empty column.
 * Layout `field` paths are checked against the rows of the data type (an error); Liquid paths
 * under known variables (a warning, with the nearest known name).
 */
import { describe, expect, it } from 'vitest';
import { runTemplateExport, templateAsFormat } from '../../../src/core/templates/as-format.ts';
import {
  copyableLayoutIds,
  copyableTextTemplateIds,
  layoutTemplateFromBuiltIn,
  textTemplateFromBuiltIn,
} from '../../../src/core/templates/built-in.ts';
import { checkTemplate, templateFieldIssues } from '../../../src/core/templates/check.ts';
import { layoutColumnProblems } from '../../../src/core/templates/editor-tools.ts';
import { editDistance, unknownColumnFields } from '../../../src/core/templates/known-fields.ts';
import type { LayoutTemplate, TemplateDataType, TextTemplate } from '../../../src/core/templates/types.ts';
import { layoutColumnNames } from '../../../src/db/template-store.ts';
import { templateTestCompany, TEST_CONTEXT } from './company.ts';
import { messageOf, withMessage } from '../../helpers/english-issue.ts';

function layout(dataType: TemplateDataType, field: string, rowsFrom: '' | 'lines' = ''): LayoutTemplate {
  return {
    ...layoutTemplateFromBuiltIn('xero')!,
    dataType,
    rowsFrom,
    columns: [{ header: 'A', field }],
  };
}

function text(content: string, dataType: TemplateDataType = 'invoices'): TextTemplate {
  return { ...textTemplateFromBuiltIn('sie4')!, dataType, content, postProcess: 'none' };
}

describe('layout field paths', () => {
  // [data type, rowsFrom, path, the suggestion when unknown (null: known; '': unknown, nothing close)]
  const cases: [TemplateDataType, '' | 'lines', string, string | null][] = [
    ['invoices', '', 'number', null],
    ['invoices', '', 'customer.email', null],
    ['invoices', '', 'lines.0.net', null],
    ['invoices', '', 'lines.length', null],
    ['invoices', '', 'customer.emial', 'customer.email'],
    ['invoices', '', 'custmer.name', 'customer.name'],
    ['invoices', '', 'lines.0.nett', 'lines.0.net'],
    ['invoices', '', 'grossTotal', ''],
    ['invoices', 'lines', 'invoice.number', null],
    ['invoices', 'lines', 'line.description', null],
    ['invoices', 'lines', 'customer.city', null],
    ['invoices', 'lines', 'extra.taxType', null],
    ['invoices', 'lines', 'record.customer.name', null],
    ['invoices', 'lines', 'vat.ratePercent', null],
    ['invoices', 'lines', 'number', 'invoice.number'],
    ['invoices', 'lines', 'voucherNo', ''],
    ['invoices', 'lines', 'kid', 'invoice.kid'],
    ['invoices', 'lines', 'dueDate', 'invoice.dueDate'],
    ['invoices', 'lines', 'line.descripton', 'line.description'],
    ['invoices', 'lines', 'record.customer.emial', 'record.customer.email'],
    ['customers', '', 'email', null],
    ['customers', '', 'emial', 'email'],
    ['timeRecords', '', 'user.employeeNumber', null],
    ['timeRecords', '', 'user.employeNumber', 'user.employeeNumber'],
    ['expenses', '', 'claim.claimNumber', null],
    ['expenses', '', 'claim.claimNumbr', 'claim.claimNumber'],
    ['users', '', 'employeeNumber', null],
    ['projects', '', 'customer.name', null],
    ['timeRecordsGrouped', '', 'hours', null],
    ['invoicesByAccount', '', 'accountNumber', null],
  ];
  for (const [dataType, rowsFrom, path, suggestion] of cases) {
    it(`${dataType}${rowsFrom ? ' (lines)' : ''}: ${path} → ${suggestion === null ? 'known' : `error${suggestion ? `, ${suggestion}` : ''}`}`, () => {
      const found = unknownColumnFields(layout(dataType, path, rowsFrom));
      if (suggestion === null) expect(found).toEqual([]);
      else expect(found).toEqual([{ index: 0, header: 'A', path, ...(suggestion === '' ? {} : { suggestion }) }]);
    });
  }

  it('constant and Liquid columns have no field to check', () => {
    const t = {
      ...layout('invoices', 'number'),
      columns: [
        { header: 'A', value: 'x' },
        { header: 'B', liquid: '{{ number }}' },
      ],
    };
    expect(unknownColumnFields(t)).toEqual([]);
  });

  it('edit distance counts single-character edits', () => {
    expect(editDistance('emial', 'email')).toBe(2);
    expect(editDistance('numbr', 'number')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('Liquid variables', () => {
  // [text, data type, the warnings' messages]
  const cases: [string, TemplateDataType, string[]][] = [
    ['{% for i in invoices %}{{ i.customer.email }}{% endfor %}', 'invoices', []],
    [
      '{% for i in invoices %}{{ i.customer.emial }}{% endfor %}',
      'invoices',
      ['i.customer.emial: unknown field; did you mean i.customer.email?'],
    ],
    ['{{ company.nmae }}', 'invoices', ['company.nmae: unknown field; did you mean company.name?']],
    ['{{ rows[0].numbr }}', 'invoices', ['rows[0].numbr: unknown field; did you mean rows[0].number?']],
    ['{{ rows.size }} {{ rows.first.number }} {{ invoices.last.gross }}', 'invoices', []],
    [
      '{% for i in invoices %}{% for l in i.lines %}{{ l.nett }}{{ forloop.index }}{% endfor %}{% endfor %}',
      'invoices',
      ['l.nett: unknown field; did you mean l.net?'],
    ],
    [
      '{% for v in ledger.vouchers %}{% for r in v.rows %}{{ r.acount }}{% endfor %}{% endfor %}',
      'invoices',
      ['r.acount: unknown field; did you mean r.account?'],
    ],
    // Liquid's own locals are known, whatever their parts.
    ['{% assign x = company.name %}{{ x.size }}{{ x.anything }}', 'invoices', []],
    ['{% capture c %}{{ today }}{% endcapture %}{{ c.whatever }}', 'invoices', []],
    ['{% increment n %}{{ n }}', 'invoices', []],
    [
      '{% for c in master.customers %}{{ c.name }}{{ c.nme }}{% endfor %}',
      'users',
      ['c.nme: unknown field; did you mean c.name?'],
    ],
    [
      '{% for u in users %}{{ u.employeeNumber }}{{ u.naem }}{% endfor %}',
      'users',
      ['u.naem: unknown field; did you mean u.name?'],
    ],
    ['{% for x in (1..3) %}{{ x.anything }}{% endfor %}', 'invoices', []],
    // A key known only while rendering ends the check there.
    ['{% assign k = "name" %}{{ company[k] }}', 'invoices', []],
    [
      '{{ period.from }} {{ program.version }} {{ file.name }} {{ period.form }}',
      'invoices',
      ['period.form: unknown field; did you mean period.from?'],
    ],
  ];
  for (const [source, dataType, messages] of cases) {
    it(`${source} → ${messages.length} warning(s)`, () => {
      const found = checkTemplate(source, { dataType });
      expect(found.filter((e) => !e.warning)).toEqual([]);
      expect(found.map((e) => e.message)).toEqual(messages);
      expect(found.every((e) => e.warning === true)).toBe(true);
    });
  }

  it('an unknown top-level name stays an error, not a warning', () => {
    const [error] = checkTemplate('{{ invoicez }}', { dataType: 'invoices' });
    expect(error).toMatchObject({ message: 'unknown variable "invoicez"' });
    expect(error!.warning).toBeUndefined();
  });

  it('a layout column sees its row, with its fields', () => {
    const column = { dataType: 'invoices' as const, rowsFrom: 'lines' as const };
    expect(
      checkTemplate('{{ amounts.net }} {{ row.customer.name }} {{ record.number }}', { dataType: 'invoices', column }),
    ).toEqual([]);
    expect(
      checkTemplate('{{ customer.emial }}', { dataType: 'invoices', column }).map((e) => [e.column, e.message]),
    ).toEqual([[4, 'customer.emial: unknown field; did you mean customer.email?']]);
  });
});

describe('built-in templates', () => {
  it('the complete copies (invoice-line layouts) and the text templates have no unknown field', () => {
    for (const { formatId, name, complete } of copyableLayoutIds())
      if (complete) expect(templateFieldIssues(layoutTemplateFromBuiltIn(formatId, name)!), name).toEqual([]);
    for (const id of copyableTextTemplateIds())
      expect(checkTemplate(textTemplateFromBuiltIn(id)!.content, { dataType: 'invoices' }), id).toEqual([]);
  });

  it("the copies over a format's own posting rows name every field that must be re-pointed", () => {
    const gbat10 = layoutTemplateFromBuiltIn('gbat10')!;
    const issues = templateFieldIssues(gbat10);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.severity === 'error' && i.code === 'template-unknown-field')).toBe(true);
    expect(issues.map(messageOf)).toContain('Column 17 "KID": kid: unknown field; did you mean invoice.kid?');
  });
});

describe('the editor and pre-flight', () => {
  it('the editor gets an error under a field column and a warning under a Liquid column', () => {
    const t: LayoutTemplate = {
      ...layout('invoices', 'customer.emial'),
      columns: [
        { header: 'Mail', field: 'customer.emial' },
        { header: 'Name', field: 'customer.name' },
        { header: 'City', liquid: '{{ customer.cty }}' },
      ],
    };
    expect(layoutColumnProblems(t, layoutColumnNames(t))).toEqual([
      {
        index: 0,
        errors: [
          {
            line: 1,
            column: 1,
            message: 'customer.emial: unknown field; did you mean customer.email?',
            path: 'customer.emial',
            suggestion: 'customer.email',
          },
        ],
      },
      {
        index: 2,
        errors: [
          {
            line: 1,
            column: 4,
            warning: true,
            message: 'customer.cty: unknown field; did you mean customer.city?',
            path: 'customer.cty',
            suggestion: 'customer.city',
          },
        ],
      },
    ]);
  });

  it('pre-flight of a layout with an unknown field path is an error, and no file is written', () => {
    const format = templateAsFormat(layout('invoices', 'customer.emial'));
    const issues = format.preflight(templateTestCompany(), {}, TEST_CONTEXT);
    expect(issues.filter((i) => i.code === 'template-unknown-field').map(withMessage)).toEqual([
      {
        severity: 'error',
        code: 'template-unknown-field',
        params: { column: 1, header: 'A', path: 'customer.emial', suggestion: 'customer.email' },
        message: 'Column 1 "A": customer.emial: unknown field; did you mean customer.email?',
      },
    ]);
    expect(format.generate(templateTestCompany(), {}, TEST_CONTEXT).files).toEqual([]);
  });

  it('a chunked export (time records) reports the unknown field path as the whole render does', async () => {
    const template: LayoutTemplate = {
      ...layout('timeRecords', 'user.employeNumber'),
      columns: [
        { header: 'Employee', field: 'user.employeNumber' },
        { header: 'Hours', field: 'hours' },
      ],
    };
    const data = templateTestCompany();
    const whole = runTemplateExport(template, data, TEST_CONTEXT);
    const master = { ...data, invoices: [], timeRecords: [], claims: [] };
    const generation = templateAsFormat(template).chunked!(master, {}, TEST_CONTEXT)!;
    generation.add({ ...master, timeRecords: data.timeRecords });
    const chunked = await generation.finish();
    expect(chunked).toEqual(whole);
    expect(whole.files).toEqual([]);
    expect(withMessage(whole.issues[0]!)).toMatchObject({
      severity: 'error',
      code: 'template-unknown-field',
      message: 'Column 1 "Employee": user.employeNumber: unknown field; did you mean user.employeeNumber?',
    });
  });

  // An `if` reads a missing field as empty (lenientIf), so only the warning tells that the condition is never true.
  it('pre-flight of a text template with an unknown Liquid path warns, and the file is still written', () => {
    const format = templateAsFormat(
      text('{% for i in invoices %}{{ i.number }}{% if i.custmer.name %}*{% endif %}\n{% endfor %}'),
    );
    const result = format.generate(templateTestCompany(), {}, TEST_CONTEXT);
    expect(result.issues.filter((i) => i.code === 'template-unknown-variable').map(withMessage)).toEqual([
      {
        severity: 'warning',
        code: 'template-unknown-variable',
        params: { line: 1, column: 44, path: 'i.custmer.name', suggestion: 'i.customer.name' },
        message: 'Template line 1, column 44: i.custmer.name: unknown field; did you mean i.customer.name?',
      },
    ]);
    expect(result.issues.some((i) => i.severity === 'error')).toBe(false);
    expect(result.files).toHaveLength(1);
  });
});
