/**
 * The template library screen as rune state: the stored templates (live), the worker's
 * catalogue, the template open in the editor, and the list's actions (new from blank or
 * from a built-in, rename, duplicate, delete, download and import of portable template
 * files). Every write runs in the template worker, which validates before it stores.
 */
import { liveQuery } from 'dexie';
import { db as appDb } from '../app-db.ts';
import { callTemplateWorker } from '../template-worker-client.ts';
import { downloadBytes } from '../download.ts';
import { errorMessage } from '../error-message.ts';
import { t } from '../messages.ts';
import {
  blankLayoutTemplate,
  blankTextTemplate,
  TemplateEditor,
  type TemplateWorkerCall,
  type TestSource,
} from './template-editor.svelte.ts';
import type { ExportdeskDatabase, TemplateRow } from '../../db/database.ts';
import type { ExportTemplate } from '../../core/templates/types.ts';

export type TemplateCatalogue = Awaited<ReturnType<typeof callTemplateWorker<'catalogue'>>>;

type Outcome = { ok: true } | { ok: false; errors: string[] };

export interface TemplateLibraryDeps {
  db: ExportdeskDatabase;
  call: TemplateWorkerCall;
  download: typeof downloadBytes;
  /** Where "Test template" takes its sample: the company's data, or demo data when none is loaded. */
  testSource: () => TestSource;
}

/** `blank-layout`, `blank-text`, `layout:<formatId>:<layout name>` or `text:<formatId>`. */
export type NewTemplateSource = string;

export class TemplateLibrary {
  rows = $state.raw<TemplateRow[]>([]);
  catalogue = $state.raw<TemplateCatalogue | null>(null);
  editor = $state<TemplateEditor | null>(null);
  renaming = $state<{ id: string; name: string } | null>(null);
  status = $state('');
  errors = $state<string[]>([]);
  private readonly deps: TemplateLibraryDeps;

  constructor(deps: Partial<TemplateLibraryDeps> & Pick<TemplateLibraryDeps, 'testSource'>) {
    this.deps = { db: appDb, call: callTemplateWorker, download: downloadBytes, ...deps };
  }

  /** Keeps `rows` live, sorted by name; returns the unsubscribe. */
  watch(): () => void {
    const subscription = liveQuery(() => this.deps.db.templates.orderBy('name').toArray()).subscribe({
      next: (rows) => (this.rows = rows),
      error: (e: unknown) => (this.errors = [errorMessage(e)]),
    });
    return () => subscription.unsubscribe();
  }

  async loadCatalogue(): Promise<void> {
    try {
      this.catalogue = await this.deps.call('catalogue', []);
    } catch (e) {
      this.errors = [errorMessage(e)];
    }
  }

  /** Kind and data type label straight from the stored JSON, so the list needs no worker. */
  describe(row: TemplateRow): { kind: string; dataType: string } {
    const inner = row.template['template'] as Record<string, unknown> | undefined;
    const kind =
      inner?.['kind'] === 'text'
        ? t('templates.kind.text')
        : inner?.['kind'] === 'layout'
          ? t('templates.kind.layout')
          : '?';
    return { kind, dataType: this.catalogue?.dataTypes.find((d) => d.id === row.dataType)?.label ?? row.dataType };
  }

  private open(template: ExportTemplate, id: string | null): void {
    this.editor = new TemplateEditor(template, id, this.deps.testSource(), this.deps.call);
    this.status = '';
    this.errors = [];
  }

  async create(source: NewTemplateSource): Promise<void> {
    if (source === 'blank-text') return this.open(blankTextTemplate(), null);
    if (source === 'blank-layout') return this.open(blankLayoutTemplate(), null);
    const [kind, formatId, ...name] = source.split(':');
    try {
      const template = await this.deps.call('newFromBuiltIn', [
        kind as 'layout' | 'text',
        formatId!,
        name.join(':') || undefined,
      ]);
      if (template) this.open(template, null);
      else this.errors = [t('templates.noBuiltIn', { id: formatId ?? '' })];
    } catch (e) {
      this.errors = [errorMessage(e)];
    }
  }

  async edit(row: TemplateRow): Promise<void> {
    try {
      const read = await this.deps.call('read', [row.id]);
      if (read.ok) this.open(read.value, row.id);
      else this.errors = read.errors;
    } catch (e) {
      this.errors = [errorMessage(e)];
    }
  }

  /** The editor saved: close it and say so. */
  editorSaved(name: string): void {
    this.editor = null;
    this.status = t('common.saved', { name });
  }

  closeEditor(): void {
    this.editor = null;
  }

  startRename(row: TemplateRow): void {
    this.renaming = { id: row.id, name: row.name };
  }

  cancelRename(): void {
    this.renaming = null;
  }

  /** Stores the new name; the rename form stays open when it was refused. */
  async saveRename(): Promise<void> {
    if (!this.renaming) return;
    const { id, name } = this.renaming;
    if (await this.run(() => this.deps.call('rename', [id, name]), t('templates.renamed', { name })))
      this.renaming = null;
  }

  async duplicate(row: TemplateRow): Promise<void> {
    await this.run(() => this.deps.call('duplicate', [row.id]), t('templates.duplicated', { name: row.name }));
  }

  /** Refused (with the reason in `errors`) while an export uses the template. */
  async remove(row: TemplateRow): Promise<void> {
    await this.run(() => this.deps.call('remove', [row.id]), t('templates.deleted', { name: row.name }));
  }

  /** Downloads the template as a portable JSON file. */
  async download(row: TemplateRow): Promise<void> {
    try {
      const file = await this.deps.call('exportFile', [row.id]);
      if (file.ok) this.deps.download(file.value.fileName, file.value.text, 'application/json');
      else this.errors = file.errors;
    } catch (e) {
      this.errors = [errorMessage(e)];
    }
  }

  /** Stores a portable template file's text as a new template. */
  async importFile(fileName: string, text: string): Promise<void> {
    await this.run(() => this.deps.call('importFile', [text]), t('templates.imported', { file: fileName }));
  }

  /** Runs a write and reports it: `done` in `status`, or the errors; true when it succeeded. */
  private async run(action: () => Promise<Outcome>, done: string): Promise<boolean> {
    try {
      const result = await action();
      if (result.ok) {
        this.status = done;
        this.errors = [];
        return true;
      }
      this.status = '';
      this.errors = result.errors;
    } catch (e) {
      this.errors = [errorMessage(e)];
    }
    return false;
  }
}
