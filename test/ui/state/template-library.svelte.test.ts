import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportdeskDatabase } from '../../../src/db/database.ts';
import { saveTemplate } from '../../../src/db/template-store.ts';
import { TemplateLibrary } from '../../../src/ui/state/template-library.svelte.ts';
import { t } from '../../../src/ui/messages.ts';
import { layoutTemplateFromBuiltIn, serializeTemplate, type TextTemplate } from '../../../src/core/templates/index.ts';
import { fakeTemplateWorker } from '../../helpers/fake-template-worker.ts';

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

describe('TemplateLibrary', () => {
  let db: ExportdeskDatabase;
  let n: number;
  const newId = () => `tpl-${++n}`;

  beforeEach(() => {
    n = 0;
    db = new ExportdeskDatabase(`test-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  function library(overrides: Parameters<typeof fakeTemplateWorker>[1] = {}) {
    const worker = fakeTemplateWorker(db, overrides, newId);
    const download = vi.fn();
    const lib = new TemplateLibrary({ db, call: worker.call, download, testSource: () => 'demo' });
    return { lib, worker, download };
  }

  async function stored(template: TextTemplate = text): Promise<string> {
    const saved = await saveTemplate(db, template, null, newId);
    if (!saved.ok) throw new Error(saved.errors.join());
    return saved.value;
  }

  it('keeps the list live and sorted by name', async () => {
    await stored({ ...text, name: 'Zeta' });
    const { lib } = library();
    const stop = lib.watch();
    await vi.waitFor(() => expect(lib.rows.map((r) => r.name)).toEqual(['Zeta']));
    await stored({ ...text, name: 'Alpha' });
    await vi.waitFor(() => expect(lib.rows.map((r) => r.name)).toEqual(['Alpha', 'Zeta']));
    stop();
  });

  it('labels a row by the catalogue once it is loaded', async () => {
    const id = await stored();
    const { lib } = library();
    const row = (await db.templates.get(id))!;
    expect(lib.describe(row)).toEqual({ kind: t('templates.kind.text'), dataType: 'customers' });
    await lib.loadCatalogue();
    expect(lib.describe(row).dataType).toBe('Label of customers');
  });

  it('says why the catalogue could not be loaded', async () => {
    const { lib } = library({
      catalogue: () => {
        throw new Error('worker gone');
      },
    });
    await lib.loadCatalogue();
    expect(lib.catalogue).toBeNull();
    expect(lib.errors).toEqual(['worker gone']);
  });

  it('opens a blank template as a new one, tested on the source it is given', async () => {
    const { lib } = library();
    await lib.create('blank-text');
    expect(lib.editor?.id).toBeNull();
    expect(lib.editor?.template.kind).toBe('text');
    expect(lib.editor?.source).toBe('demo');
    await lib.create('blank-layout');
    expect(lib.editor?.template.kind).toBe('layout');
  });

  it('copies the chosen built-in layout as a new template', async () => {
    const { lib, worker } = library();
    await lib.create('layout:xero:Xero sales invoices (US dates)');
    expect(worker.calls.at(-1)).toEqual({
      method: 'newFromBuiltIn',
      args: ['layout', 'xero', 'Xero sales invoices (US dates)'],
    });
    expect(lib.editor?.template).toEqual(layoutTemplateFromBuiltIn('xero', 'Xero sales invoices (US dates)'));
    expect(lib.editor?.id).toBeNull();
  });

  it('keeps a colon in a built-in layout name and asks for any layout when there is no name', async () => {
    const { lib, worker } = library({ newFromBuiltIn: () => null });
    await lib.create('layout:acme:Acme: sales');
    await lib.create('text:acme');
    expect(worker.calls.map((c) => c.args)).toEqual([
      ['layout', 'acme', 'Acme: sales'],
      ['text', 'acme', undefined],
    ]);
  });

  it('reports a built-in that does not exist and opens nothing', async () => {
    const { lib } = library();
    await lib.create('text:no-such-format');
    expect(lib.editor).toBeNull();
    expect(lib.errors).toEqual([t('templates.noBuiltIn', { id: 'no-such-format' })]);
  });

  it('opens a stored template under its id; saving from the editor replaces it', async () => {
    const id = await stored();
    const { lib } = library();
    await lib.edit((await db.templates.get(id))!);
    expect(lib.editor?.id).toBe(id);
    expect(lib.editor?.dirty).toBe(false);
    lib.editor!.template.name = 'Customers, edited';
    expect(await lib.editor!.save()).toBe(true);
    lib.editorSaved('Customers, edited');
    expect(lib.editor).toBeNull();
    expect(lib.status).toBe(t('common.saved', { name: 'Customers, edited' }));
    expect((await db.templates.toArray()).map((r) => [r.id, r.name])).toEqual([[id, 'Customers, edited']]);
  });

  it('reports a template deleted meanwhile instead of opening it', async () => {
    const id = await stored();
    const row = (await db.templates.get(id))!;
    await db.templates.delete(id);
    const { lib } = library();
    await lib.edit(row);
    expect(lib.editor).toBeNull();
    expect(lib.errors).toEqual(['That template has been deleted.']);
  });

  it('renames, closing the rename form only when the name was stored', async () => {
    const id = await stored();
    const { lib } = library();
    const row = (await db.templates.get(id))!;
    lib.startRename(row);
    lib.renaming!.name = '  ';
    await lib.saveRename();
    expect(lib.renaming).not.toBeNull();
    expect(lib.errors).toEqual(['Give the template a name.']);
    expect((await db.templates.get(id))!.name).toBe('Customers list');

    lib.renaming!.name = 'Clients';
    await lib.saveRename();
    expect(lib.renaming).toBeNull();
    expect(lib.errors).toEqual([]);
    expect(lib.status).toBe(t('templates.renamed', { name: 'Clients' }));
    expect((await db.templates.get(id))!.name).toBe('Clients');
  });

  it('duplicates a template under a new id', async () => {
    const id = await stored();
    const { lib } = library();
    await lib.duplicate((await db.templates.get(id))!);
    expect(lib.status).toBe(t('templates.duplicated', { name: 'Customers list' }));
    expect((await db.templates.toArray()).map((r) => r.name).sort()).toEqual([
      'Customers list',
      'Customers list (copy)',
    ]);
  });

  it('refuses to delete a template an export uses, and deletes it once unused', async () => {
    const id = await stored();
    await db.exportConfigs.put({
      id: 'cfg',
      name: 'Ledger',
      purpose: 'accounting',
      target: { kind: 'template', templateId: id },
      settings: {},
      invoiceDateLimit: 'none',
      isDefault: false,
    });
    const { lib } = library();
    const row = (await db.templates.get(id))!;
    await lib.remove(row);
    expect(lib.status).toBe('');
    expect(lib.errors).toHaveLength(1);
    expect(lib.errors[0]).toContain('The export "Ledger" uses this template.');
    expect(await db.templates.get(id)).toBeDefined();

    await db.exportConfigs.delete('cfg');
    await lib.remove(row);
    expect(lib.errors).toEqual([]);
    expect(lib.status).toBe(t('templates.deleted', { name: 'Customers list' }));
    expect(await db.templates.get(id)).toBeUndefined();
  });

  it('downloads the portable JSON under a file name from the template name', async () => {
    const id = await stored({ ...text, name: 'A/B' });
    const { lib, download } = library();
    await lib.download((await db.templates.get(id))!);
    expect(download).toHaveBeenCalledTimes(1);
    const [fileName, body, mimeType] = download.mock.calls[0]!;
    expect([fileName, mimeType]).toEqual(['A_B.exportdesk-template.json', 'application/json']);
    expect(JSON.parse(body as string)).toEqual(JSON.parse(serializeTemplate({ ...text, name: 'A/B' })));
  });

  it('imports a template file as a new template, and reports a file that is not one', async () => {
    const { lib } = library();
    await lib.importFile('list.json', serializeTemplate(text));
    expect(lib.status).toBe(t('templates.imported', { file: 'list.json' }));
    expect((await db.templates.toArray()).map((r) => [r.id, r.name])).toEqual([['tpl-1', 'Customers list']]);

    await lib.importFile('broken.json', '{ not json');
    expect(lib.status).toBe('');
    expect(lib.errors.length).toBeGreaterThan(0);
    expect(await db.templates.count()).toBe(1);
  });

  it('shows the error of a worker that died during an action', async () => {
    const id = await stored();
    const { lib } = library({
      duplicate: () => {
        throw new Error('The background worker stopped: out of memory');
      },
    });
    await lib.duplicate((await db.templates.get(id))!);
    expect(lib.errors).toEqual(['The background worker stopped: out of memory']);
    expect(await db.templates.count()).toBe(1);
  });
});
