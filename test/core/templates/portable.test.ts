import { describe, expect, it } from 'vitest';
import { layoutTemplateFromBuiltIn, textTemplateFromBuiltIn } from '../../../src/core/templates/built-in.ts';
import { parseTemplateJson, serializeTemplate } from '../../../src/core/templates/portable.ts';
import type { ExportTemplate } from '../../../src/core/templates/types.ts';

const templates: [string, ExportTemplate][] = [
  ['Xero layout', layoutTemplateFromBuiltIn('xero')!],
  ['SIE 4 text', textTemplateFromBuiltIn('sie4', { series: 'F' })!],
  [
    'fixed-width layout',
    {
      ...layoutTemplateFromBuiltIn('xero')!,
      layout: 'fixed-width',
      delimiter: '',
      columns: [{ header: 'A', field: 'invoice.number', width: 8, align: 'right', pad: '0', overflow: 'truncate' }],
    },
  ],
  [
    'grouped time records',
    {
      ...textTemplateFromBuiltIn('sie4')!,
      dataType: 'timeRecordsGrouped',
      dataOptions: { groupBy: ['employee', 'date'], includeExternalUsers: true },
    },
  ],
];

function file(template: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: 'exportdesk-template', version: 1, template, ...extra });
}

describe('portable templates', () => {
  it.each(templates)('%s round-trips', (_name, template) => {
    const text = serializeTemplate(template);
    expect(JSON.parse(text)).toMatchObject({ format: 'exportdesk-template', version: 1 });
    expect(parseTemplateJson(text)).toEqual({ ok: true, template });
  });

  it.each([
    ['not JSON', '{nope', /Not a JSON file/],
    ['another format', JSON.stringify({ format: 'something', version: 1 }), /Not an Exportdesk template/],
    [
      'a newer version',
      JSON.stringify({ format: 'exportdesk-template', version: 2, template: {} }),
      /version 2, made by a newer Exportdesk.*reads version 1/,
    ],
    [
      'an unknown version',
      JSON.stringify({ format: 'exportdesk-template', version: '1' }),
      /Unknown template file version "1"/,
    ],
    ['no template', JSON.stringify({ format: 'exportdesk-template', version: 1 }), /template: missing/],
  ])('refuses %s', (_name, text, message) => {
    const result = parseTemplateJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(message);
  });

  it('names every missing or invalid field', () => {
    const sie = textTemplateFromBuiltIn('sie4')!;
    const { name: _name, ...withoutName } = sie;
    const broken = {
      ...withoutName,
      dataType: 'orders',
      encoding: 'ebcdic',
      lineBreak: 'mac',
      quoteEmptyFields: 'yes',
      postProcess: 'zip',
    };
    const result = parseTemplateJson(file(broken));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        'template.name: missing',
        expect.stringMatching(/^template\.dataType: "orders" is not one of customers, /),
        'template.encoding: "ebcdic" is not a supported encoding',
        'template.lineBreak: "mac" is not one of windows, unix',
        'template.quoteEmptyFields: must be true or false',
        'template.postProcess: "zip" is not one of none, sie-ksumma',
      ]),
    );
  });

  it('refuses a column format whose type has no text form, without throwing (found by the backup fuzz)', () => {
    const xero = layoutTemplateFromBuiltIn('xero')!;
    const columns = [{ header: 'A', field: 'x', format: { type: { toString: false } } }];
    const result = parseTemplateJson(file({ ...xero, columns }));
    expect(result).toEqual({
      ok: false,
      errors: ['template.columns[0].format: must be an object with type text, amount, date, integer or quantity'],
    });
  });

  it('checks layout columns', () => {
    const xero = layoutTemplateFromBuiltIn('xero')!;
    const result = parseTemplateJson(
      file({
        ...xero,
        layout: 'fixed-width',
        columns: [{ header: 'A', width: -1 }, { field: 'x', format: { type: 'money' } }, 'z'],
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'template.columns[0].width: must be a positive whole number',
      'template.columns[1].format: must be an object with type text, amount, date, integer or quantity',
      'template.columns[1].header: missing',
      'template.columns[2]: must be an object',
      'template.columns[0].width: a fixed-width column needs a width',
      'template.columns[1].width: a fixed-width column needs a width',
      'template.columns[2].width: a fixed-width column needs a width',
    ]);
  });

  it('refuses an invalid grouping key', () => {
    const result = parseTemplateJson(
      file({ ...textTemplateFromBuiltIn('sie4')!, dataOptions: { groupBy: ['employee', 'moon'] } }),
    );
    expect(result).toEqual({
      ok: false,
      errors: ['template.dataOptions.groupBy: must be a list of employee, wageCode, project, activity, date'],
    });
  });
});
