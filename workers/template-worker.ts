/**
 * The template editor's worker: checks Liquid as the user types, renders "Test template" and
 * stores templates (src/db/template-store.ts), all off the page: the page never loads liquidjs
 * or the encoders, and a template that runs away never freezes it. liquidjs' limits stop
 * most runaways inside `renderTemplate`; the page also terminates this worker when it does
 * not answer in time (src/ui/template-worker-client.ts). The work itself is in
 * src/core/templates/editor-tools.ts and src/db; the types it answers with in
 * src/core/templates/api.ts.
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
import {
  checkLayoutColumns,
  fieldReference,
  templateCatalogue,
  testTemplate,
} from '../src/core/templates/editor-tools.ts';
import { checkTemplate, layoutTemplateFromBuiltIn, textTemplateFromBuiltIn } from '../src/core/templates/index.ts';

const db = new ExportdeskDatabase();

const api: TemplateWorkerApi = {
  check: (text, dataType, knownNames = []) => checkTemplate(text, { dataType, knownNames }),
  checkColumns: (template) => checkLayoutColumns(template, layoutColumnNames(template)),
  render: (template, request) =>
    testTemplate(template, request, (dataType, sampleSize, period) =>
      readTemplateSample(db, dataType, sampleSize, period),
    ),
  catalogue: templateCatalogue,
  newFromBuiltIn: (kind, formatId, name) =>
    (kind === 'layout' ? layoutTemplateFromBuiltIn(formatId, name) : textTemplateFromBuiltIn(formatId)) ?? null,
  read: (id) => readTemplate(db, id),
  save: (template, id) => saveTemplate(db, template, id),
  rename: (id, name) => renameTemplate(db, id, name),
  duplicate: (id) => duplicateTemplate(db, id),
  remove: (id) => deleteTemplate(db, id),
  importFile: (text) => importTemplate(db, text),
  exportFile: (id) => exportTemplate(db, id),
  fieldReference,
};

Comlink.expose(api);
