/**
 * The template editor's worker: checks Liquid as the user types, renders "Test template" and
 * stores templates (src/db/template-store.ts), all off the page: the page never loads liquidjs
 * or the encoders, and a template that runs away never freezes it. liquidjs' limits stop
 * most runaways inside `renderTemplate`; the page also terminates this worker when it does
 * not answer in time (src/ui/template-worker-client.ts). The work itself is in
 * src/core/templates/editor-tools.ts and src/db; the types it answers with in
 * src/core/templates/api.ts.
 *
 * Its entry holds only Comlink, Dexie and the store: liquidjs, the encoders, the copyable
 * layouts (format code) and the demo company load on the first call that needs them
 * (docs/decisions/0006-lazy-format-code.md).
 */
import * as Comlink from 'comlink';
import { ExportdeskDatabase } from '../src/db/database.ts';
import { readTemplateSample } from '../src/db/template-sample.ts';
import {
  deleteTemplate,
  duplicateTemplate,
  exportTemplate,
  importTemplate,
  layoutColumnNames,
  readTemplate,
  renameTemplate,
  saveTemplate,
} from '../src/db/template-store.ts';
import type { TemplateWorkerApi } from '../src/core/templates/api.ts';

const db = new ExportdeskDatabase();

const editorTools = () => import('../src/core/templates/editor-tools.ts');
const builtIns = () => import('../src/core/templates/built-in.ts');

const api: TemplateWorkerApi = {
  check: async (text, dataType, knownNames = []) =>
    (await import('../src/core/templates/check.ts')).checkTemplate(text, { dataType, knownNames }),
  checkColumns: async (template) => (await editorTools()).layoutColumnProblems(template, layoutColumnNames(template)),
  render: async (template, request) =>
    (await editorTools()).testTemplate(template, request, (dataType, sampleSize, period) =>
      readTemplateSample(db, dataType, sampleSize, period),
    ),
  catalogue: async () => (await editorTools()).templateCatalogue(),
  newFromBuiltIn: async (kind, formatId, name) => {
    const { layoutTemplateFromBuiltIn, textTemplateFromBuiltIn } = await builtIns();
    return (kind === 'layout' ? layoutTemplateFromBuiltIn(formatId, name) : textTemplateFromBuiltIn(formatId)) ?? null;
  },
  read: (id) => readTemplate(db, id),
  save: (template, id) => saveTemplate(db, template, id),
  rename: (id, name) => renameTemplate(db, id, name),
  duplicate: (id) => duplicateTemplate(db, id),
  remove: (id) => deleteTemplate(db, id),
  importFile: (text) => importTemplate(db, text),
  exportFile: (id) => exportTemplate(db, id),
  fieldReference: async (dataType, rowsFrom) => (await editorTools()).fieldReference(dataType, rowsFrom),
};

Comlink.expose(api);
