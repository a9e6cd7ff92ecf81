import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportdeskDatabase } from '../../src/db/database.ts';
import {
  deleteTemplate,
  duplicateTemplate,
  exportTemplate,
  importTemplate,
  readTemplate,
  renameTemplate,
  saveTemplate,
  summarizeTemplate,
  validateTemplate,
} from '../../src/db/template-store.ts';
import {
  layoutTemplateFromBuiltIn,
  parseTemplateJson,
  serializeTemplate,
  textTemplateFromBuiltIn,
  type LayoutTemplate,
  type TextTemplate,
} from '../../src/core/templates/index.ts';
import type { ExportConfig } from '../../src/core/export/types.ts';

const text: TextTemplate = {
  kind: 'text',
  name: 'Customers list',
  dataType: 'customers',
  fileNamePattern: 'CUSTOMERS_{DATE}',
  fileExtension: 'txt',
  decimalSeparator: '.',
  lineBreak: 'unix',
  quoting: 'none',
  quoteEmptyFields: false,
  encoding: 'utf-8',
  dataOptions: {},
  content: '{% for c in customers %}{{ c.number }};{{ c.name }}\n{% endfor %}',
  postProcess: 'none',
};

const xero = (): LayoutTemplate => layoutTemplateFromBuiltIn('xero')!;
function parsedXero() {
  const parsed = parseTemplateJson(serializeTemplate(xero()));
  if (!parsed.ok) throw new Error(parsed.errors.join());
  return parsed.template;
}

let n = 0;
const newId = () => `tpl-${++n}`;

describe('template store', () => {
  let db: ExportdeskDatabase;
  beforeEach(() => {
    db = new ExportdeskDatabase(`test-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('saves a template as portable JSON and reads it back unchanged', async () => {
    const saved = await saveTemplate(db, text, null, newId);
    expect(saved.ok).toBe(true);
    const id = saved.ok ? saved.value : '';
    const row = (await db.templates.get(id))!;
    expect(row).toMatchObject({ id, name: 'Customers list', dataType: 'customers' });
    expect(row.template).toMatchObject({ format: 'exportdesk-template', version: 1 });
    expect(row.template).toEqual(JSON.parse(serializeTemplate(text)));
    expect(await readTemplate(db, id)).toEqual({ ok: true, value: text });
    expect(summarizeTemplate(row)).toEqual({
      id,
      name: 'Customers list',
      dataType: 'customers',
      kind: 'text',
      problem: '',
    });
  });

  it('replaces the template with the same id on a second save', async () => {
    const first = await saveTemplate(db, text, null, newId);
    const id = first.ok ? first.value : '';
    const again = await saveTemplate(db, { ...text, fileExtension: 'csv' }, id, newId);
    expect(again).toEqual({ ok: true, value: id });
    expect(await db.templates.count()).toBe(1);
    const read = await readTemplate(db, id);
    expect(read.ok && read.value.fileExtension).toBe('csv');
  });

  it('saves the built-in copies (Xero layout, SIE 4 text) without errors', async () => {
    expect(await validateTemplate(xero())).toEqual([]);
    expect(await validateTemplate(textTemplateFromBuiltIn('sie4')!)).toEqual([]);
    expect((await saveTemplate(db, xero(), null, newId)).ok).toBe(true);
  });

  it('does not save a template with errors, and says what they are', async () => {
    const broken = await saveTemplate(
      db,
      { ...text, content: 'Hello\n{% for c in customers %}{{ c.name }' },
      null,
      newId,
    );
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.errors[0]).toMatch(/^Line \d+, column \d+: /);

    const unnamed = await saveTemplate(db, { ...text, name: '  ' }, null, newId);
    expect(unnamed).toEqual({ ok: false, errors: ['Give the template a name.'] });

    const noDelimiter = await saveTemplate(db, { ...xero(), delimiter: '' }, null, newId);
    expect(!noDelimiter.ok && noDelimiter.errors).toContain('template.delimiter: a delimited layout needs a delimiter');

    const badColumn = xero();
    badColumn.columns[0] = { header: 'Bad', liquid: '{{ customer.name | no_such_filter }}' };
    const column = await saveTemplate(db, badColumn, null, newId);
    expect(!column.ok && column.errors.join()).toMatch(/Column 1 "Bad"/);

    expect(await db.templates.count()).toBe(0);
  });

  it('renames: row name and template name both change; an empty name is refused', async () => {
    const saved = await saveTemplate(db, text, null, newId);
    const id = saved.ok ? saved.value : '';
    expect(await renameTemplate(db, id, 'Kunder')).toEqual({ ok: true, value: id });
    const row = (await db.templates.get(id))!;
    expect(row.name).toBe('Kunder');
    expect((row.template.template as { name: string }).name).toBe('Kunder');
    expect(await renameTemplate(db, id, '')).toEqual({ ok: false, errors: ['Give the template a name.'] });
    expect(await renameTemplate(db, 'missing', 'X')).toEqual({
      ok: false,
      errors: ['That template has been deleted.'],
    });
  });

  it('duplicates under a new id with "(copy)" in the name', async () => {
    const saved = await saveTemplate(db, text, null, newId);
    const id = saved.ok ? saved.value : '';
    const copy = await duplicateTemplate(db, id, () => 'the-copy');
    expect(copy).toEqual({ ok: true, value: 'the-copy' });
    const read = await readTemplate(db, 'the-copy');
    expect(read).toEqual({ ok: true, value: { ...text, name: 'Customers list (copy)' } });
    expect(await db.templates.count()).toBe(2);
  });

  it('refuses to delete a template an export uses, naming the export; deletes it once unused', async () => {
    const saved = await saveTemplate(db, text, null, newId);
    const id = saved.ok ? saved.value : '';
    const config: ExportConfig = {
      id: 'cfg',
      name: 'Customers to CRM',
      purpose: 'other',
      target: { kind: 'template', templateId: id },
      settings: {},
      invoiceDateLimit: 'none',
      isDefault: false,
    };
    await db.exportConfigs.put(config);
    const refused = await deleteTemplate(db, id);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.errors[0]).toContain('"Customers to CRM"');
    expect(await db.templates.count()).toBe(1);

    await db.exportConfigs.put({ ...config, target: { kind: 'format', formatId: 'xero' } });
    expect(await deleteTemplate(db, id)).toEqual({ ok: true, value: id });
    expect(await db.templates.count()).toBe(0);
  });

  it('exports as the portable JSON file and imports it again under a new id', async () => {
    const saved = await saveTemplate(db, xero(), null, newId);
    const id = saved.ok ? saved.value : '';
    const file = await exportTemplate(db, id);
    expect(file.ok && file.value.fileName).toBe(`${xero().name}.exportdesk-template.json`);
    const fileText = file.ok ? file.value.text : '';
    // Same content as serializing the template itself (key order may differ after the read).
    expect(JSON.parse(fileText)).toEqual(JSON.parse(serializeTemplate(xero())));
    expect(await importTemplate(db, fileText, () => 'imported')).toEqual({ ok: true, value: 'imported' });
    expect(await readTemplate(db, 'imported')).toEqual({ ok: true, value: parsedXero() });
    expect(await db.templates.count()).toBe(2);
  });

  it('gives clear import errors: not JSON, not a template, newer version, missing fields', async () => {
    const notJson = await importTemplate(db, '{ nope', newId);
    expect(!notJson.ok && notJson.errors[0]).toMatch(/^Not a JSON file/);

    const other = await importTemplate(db, JSON.stringify({ format: 'something-else', version: 1 }), newId);
    expect(!other.ok && other.errors[0]).toMatch(/Not an Exportdesk template/);

    const newer = await importTemplate(
      db,
      JSON.stringify({ format: 'exportdesk-template', version: 2, template: text }),
      newId,
    );
    expect(!newer.ok && newer.errors[0]).toMatch(/version 2, made by a newer Exportdesk/);

    const { content: _content, dataType: _dataType, ...missing } = text;
    const incomplete = await importTemplate(
      db,
      JSON.stringify({ format: 'exportdesk-template', version: 1, template: missing }),
      newId,
    );
    expect(!incomplete.ok && incomplete.errors).toEqual(
      expect.arrayContaining(['template.content: missing', 'template.dataType: missing']),
    );

    expect(await db.templates.count()).toBe(0);
  });

  it('summarizes a stored row it cannot read with the problem instead of throwing', () => {
    const summary = summarizeTemplate({
      id: 'x',
      name: 'Old',
      dataType: 'invoices',
      template: { format: 'exportdesk-template', version: 9 },
    });
    expect(summary.kind).toBe('');
    expect(summary.problem).toMatch(/newer Exportdesk/);
  });
});
