/**
 * The template worker's calls answered in the test's own thread: the store calls go to
 * src/db/template-store.ts on the test's database (as the worker does on its own), so a
 * state class's test sees what is really saved. `overrides` replace single calls (a
 * failure, a hang); `calls` records every call with its arguments.
 */
import {
  checkTemplate,
  layoutTemplateFromBuiltIn,
  TEMPLATE_DATA_TYPES,
  textTemplateFromBuiltIn,
  type LayoutTemplate,
  type TemplateDataType,
} from '../../src/core/templates/index.ts';
import {
  deleteTemplate,
  duplicateTemplate,
  exportTemplate,
  importTemplate,
  layoutColumnNames,
  readTemplate,
  renameTemplate,
  saveTemplate,
} from '../../src/db/template-store.ts';
import type { ExportdeskDatabase } from '../../src/db/database.ts';
import { layoutColumnProblems } from '../../src/core/templates/editor-tools.ts';
import type { TemplateWorkerCall } from '../../src/ui/state/template-editor.svelte.ts';

type Handler = (...args: never[]) => unknown;

export interface FakeTemplateWorker {
  call: TemplateWorkerCall;
  calls: { method: string; args: unknown[] }[];
}

export function fakeTemplateWorker(
  db: ExportdeskDatabase,
  overrides: Record<string, Handler> = {},
  newId: () => string = () => crypto.randomUUID(),
): FakeTemplateWorker {
  const handlers: Record<string, Handler> = {
    catalogue: () => ({
      layouts: [{ formatId: 'xero', name: 'Xero', complete: true }],
      texts: [],
      dataTypes: TEMPLATE_DATA_TYPES.map((id) => ({ id, label: `Label of ${id}` })),
      encodings: [{ name: 'utf-8', label: 'UTF-8' }],
    }),
    check: (text: string, dataType: TemplateDataType) => checkTemplate(text, { dataType }),
    checkColumns: (template: LayoutTemplate) => layoutColumnProblems(template, layoutColumnNames(template)),
    newFromBuiltIn: (kind: 'layout' | 'text', formatId: string, name?: string) =>
      (kind === 'layout' ? layoutTemplateFromBuiltIn(formatId, name) : textTemplateFromBuiltIn(formatId)) ?? null,
    read: (id: string) => readTemplate(db, id),
    save: (template: Parameters<typeof saveTemplate>[1], id: string | null) => saveTemplate(db, template, id, newId),
    rename: (id: string, name: string) => renameTemplate(db, id, name),
    duplicate: (id: string) => duplicateTemplate(db, id, newId),
    remove: (id: string) => deleteTemplate(db, id),
    importFile: (text: string) => importTemplate(db, text, newId),
    exportFile: (id: string) => exportTemplate(db, id),
    ...overrides,
  };
  const calls: { method: string; args: unknown[] }[] = [];
  const call = ((method: string, args: unknown[]) => {
    calls.push({ method, args: structuredClone(args) });
    const handler = handlers[method];
    if (!handler) return Promise.reject(new Error(`The fake template worker has no ${method}`));
    // Async like a worker call: the caller's state must be right while the answer is pending.
    return Promise.resolve().then(() => (handler as (...a: unknown[]) => unknown)(...args));
  }) as unknown as TemplateWorkerCall;
  return { call, calls };
}
