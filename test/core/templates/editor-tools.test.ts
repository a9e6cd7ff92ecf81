import { describe, expect, it } from 'vitest';
import type { TestRequest } from '../../../src/core/templates/api.ts';
import {
  checkLayoutColumns,
  fieldReference,
  templateCatalogue,
  testTemplate,
  type SampleReader,
} from '../../../src/core/templates/editor-tools.ts';
import { layoutTemplateFromBuiltIn } from '../../../src/core/templates/built-in.ts';
import type { LayoutTemplate, TextTemplate } from '../../../src/core/templates/types.ts';
import { templateTestCompany } from './company.ts';

const template: TextTemplate = {
  kind: 'text',
  name: 'Numbers',
  dataType: 'invoices',
  fileNamePattern: 'numbers',
  fileExtension: 'txt',
  decimalSeparator: '.',
  lineBreak: 'unix',
  quoting: 'none',
  quoteEmptyFields: false,
  encoding: 'utf-8',
  dataOptions: {},
  content: '{% for i in invoices %}{{ i.number }}\n{% endfor %}',
  postProcess: 'none',
};
const request: TestRequest = { source: 'real', sampleSize: 2, now: '2026-06-01T12:00:00', locale: 'nb-NO' };

describe('template editor tools', () => {
  it('"Test template" renders what the sample reader gives, asking it for the data type and size', async () => {
    const asked: unknown[] = [];
    const company = templateTestCompany();
    const reader: SampleReader = async (dataType, sampleSize, period) => {
      asked.push([dataType, sampleSize, period]);
      return { ...company, invoices: company.invoices.slice(0, sampleSize) };
    };
    const response = await testTemplate(template, request, reader);
    expect(asked).toEqual([['invoices', 2, undefined]]);
    expect(response.text).toBe(
      company.invoices
        .slice(0, 2)
        .map((i) => `${i.number}\n`)
        .join(''),
    );
    expect(response.fileName).toBe('numbers.txt');
    expect(response.byteLength).toBe(new TextEncoder().encode(response.text).length);
  });

  it('"Test template" says there is no company when the reader finds none, and never reads for the demo', async () => {
    const none = await testTemplate(template, request, async () => null);
    expect(none.issues.map((i) => i.code)).toEqual(['no-company']);
    expect(none.fileName).toBe('numbers.txt');
    const demo = await testTemplate(template, { ...request, source: 'demo' }, () => {
      throw new Error('the demo needs no database');
    });
    expect(demo.text.length).toBeGreaterThan(0);
  });

  it('"Test template" refuses a template the portable JSON rules reject', async () => {
    const response = await testTemplate({ ...template, dataType: 'nope' as never }, request, async () => null);
    expect(response.issues.length).toBeGreaterThan(0);
    expect(response.issues.every((i) => i.code === 'template-invalid')).toBe(true);
  });

  it('checks only the Liquid columns of a layout, by index', () => {
    const layout: LayoutTemplate = {
      ...layoutTemplateFromBuiltIn('xero')!,
      columns: [
        { header: 'A', field: 'number' },
        { header: 'B', liquid: '{{ number }}' },
        { header: 'C', liquid: '{{ unknownThing }}' },
      ],
    };
    const checked = checkLayoutColumns(layout, ['number', 'row']);
    expect(checked.map((c) => c.index)).toEqual([1, 2]);
    expect(checked[0]!.errors).toEqual([]);
    expect(checked[1]!.errors.length).toBeGreaterThan(0);
  });

  it('the catalogue and the field reference describe the data types', () => {
    const catalogue = templateCatalogue();
    expect(catalogue.dataTypes.map((d) => d.id)).toContain('invoices');
    expect(catalogue.encodings.length).toBeGreaterThan(0);
    const lines = fieldReference('invoices', 'lines');
    expect(lines.label).toMatch(/one row per invoice line$/);
    expect(fieldReference('invoices').rowFields).not.toEqual(lines.rowFields);
    expect(lines.scopeFields.length).toBeGreaterThan(0);
  });
});
