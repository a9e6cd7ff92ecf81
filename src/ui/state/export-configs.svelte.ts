/**
 * The export settings screen as rune state: the stored configs and templates (live), the
 * format catalogue, the config being edited (a draft, stored only on Save) and its errors.
 * The database rule (one default per purpose) is src/db/export-config-store.ts; settings
 * are checked by the export worker, which knows every format's definitions.
 */
import { definitionText } from '../i18n/definition-text.ts';
import { liveQuery } from 'dexie';
import { db as appDb } from '../app-db.ts';
import { exportApi } from '../workers.ts';
import { errorMessage } from '../error-message.ts';
import { issueMessage } from '../i18n/issue-text.ts';
import { t } from '../messages.ts';
import { deleteExportConfig, listExportConfigs, saveExportConfig } from '../../db/export-config-store.ts';
import type { ExportdeskDatabase, TemplateRow } from '../../db/database.ts';
import type { ExportConfig } from '../../core/export/types.ts';
import type { FormatDescription } from '../../core/formats/registry.ts';
import type { FormatPurpose } from '../../core/formats/types.ts';
import type { MappingMaster } from '../../core/formats/kit/code-mapping.ts';

export interface FieldError {
  /** The setting's key, or '' for an error about the whole config. */
  key: string;
  message: string;
}

export interface ExportConfigsDeps {
  db: ExportdeskDatabase;
  /** The export worker's catalogue and settings check. */
  api: () => Pick<ReturnType<typeof exportApi>, 'catalogue' | 'validateConfig'>;
  newId: () => string;
}

const defaultDeps: ExportConfigsDeps = { db: appDb, api: exportApi, newId: () => crypto.randomUUID() };

export class ExportConfigs {
  configs = $state.raw<ExportConfig[]>([]);
  templates = $state.raw<TemplateRow[]>([]);
  catalogue = $state.raw<FormatDescription[]>([]);
  /** The company's codes that mapping settings map (VAT codes, accounts, co-workers, expense types, payment terms). */
  master = $state.raw<MappingMaster | null>(null);
  /** The config being edited, null when the form is closed. */
  editing = $state<ExportConfig | null>(null);
  errors = $state<FieldError[]>([]);
  /** The last "saved" notice. */
  saved = $state('');
  /** Why the lists or the catalogue could not be read. */
  loadError = $state('');
  /**
   * Whether the edited config's name is the user's own. A new config is named after its system
   * (or template) and follows it when the target changes, until the user types a name; clearing
   * the field hands the name back to the system.
   */
  nameTyped = $state(false);
  private readonly deps: ExportConfigsDeps;

  constructor(deps: Partial<ExportConfigsDeps> = {}) {
    this.deps = { ...defaultDeps, ...deps };
  }

  /** Keeps `configs` and `templates` live (this tab and others); returns the unsubscribe. */
  watch(): () => void {
    const { db } = this.deps;
    const subscription = liveQuery(() =>
      Promise.all([
        listExportConfigs(db),
        db.templates.toArray(),
        Promise.all([
          db.vatCodes.toArray(),
          db.accounts.toArray(),
          db.users.toArray(),
          db.expenseTypes.toArray(),
          db.customers.toArray(),
        ]),
      ]),
    ).subscribe({
      next: ([configs, templates, [vatCodes, accounts, users, expenseTypes, customers]]) => {
        this.configs = configs;
        this.templates = templates;
        this.master = { vatCodes, accounts, users, expenseTypes, customers };
      },
      error: (e: unknown) => (this.loadError = errorMessage(e)),
    });
    return () => subscription.unsubscribe();
  }

  async loadCatalogue(): Promise<void> {
    try {
      this.catalogue = await this.deps.api().catalogue();
    } catch (e) {
      this.loadError = errorMessage(e);
    }
  }

  /** The edited config's format, when it targets one. */
  get format(): FormatDescription | undefined {
    const target = this.editing?.target;
    return target?.kind === 'format' ? this.catalogue.find((f) => f.id === target.formatId) : undefined;
  }

  /** Errors not shown beside a setting of the format form. */
  get generalErrors(): FieldError[] {
    const format = this.format;
    return this.errors.filter((e) => !e.key || !format?.settings.some((s) => s.key === e.key));
  }

  /** What the list shows as a config's target: the format's name, or its template's. */
  targetLabel(config: ExportConfig): string {
    const target = config.target;
    if (target.kind === 'format') {
      const name = this.catalogue.find((f) => f.id === target.formatId)?.name;
      return name ? definitionText(name) : target.formatId;
    }
    const name =
      this.templates.find((tpl) => tpl.id === target.templateId)?.name ?? t('exportSettings.deletedTemplate');
    return t('exportSettings.templateTarget', { name });
  }

  /** A draft for the first accounting format, the default when accounting has none yet. */
  newConfig(): void {
    const first = this.catalogue.find((f) => f.purpose === 'accounting') ?? this.catalogue[0];
    this.editing = {
      id: this.deps.newId(),
      name: first ? definitionText(first.name) : t('exportSettings.newName'),
      purpose: 'accounting',
      target: { kind: 'format', formatId: first?.id ?? '' },
      settings: {},
      invoiceDateLimit: 'end-of-last-month',
      isDefault: this.configs.every((c) => c.purpose !== 'accounting'),
    };
    this.nameTyped = false;
    this.errors = [];
  }

  /** A copy to edit: the stored config changes only on Save. A stored name is kept whatever the target. */
  edit(config: ExportConfig): void {
    this.editing = structuredClone($state.snapshot(config)) as ExportConfig;
    this.nameTyped = true;
    this.errors = [];
  }

  /** The name as the user types it. */
  setName(name: string): void {
    if (!this.editing) return;
    this.editing.name = name;
    this.nameTyped = name.trim() !== '';
  }

  cancel(): void {
    this.editing = null;
  }

  setTargetKind(kind: 'format' | 'template'): void {
    if (!this.editing) return;
    this.editing.target =
      kind === 'format'
        ? { kind, formatId: this.catalogue[0]?.id ?? '' }
        : { kind, templateId: this.templates[0]?.id ?? '' };
    this.editing.settings = {};
    this.followTarget();
  }

  /** Another template for a template target. */
  setTemplate(id: string): void {
    if (!this.editing) return;
    this.editing.target = { kind: 'template', templateId: id };
    this.followTarget();
  }

  /** Another format: its settings start empty and the purpose follows the format's. */
  setFormat(id: string): void {
    if (!this.editing) return;
    const format = this.catalogue.find((x) => x.id === id);
    this.editing.target = { kind: 'format', formatId: id };
    this.editing.settings = {};
    if (format) this.editing.purpose = format.purpose as FormatPurpose;
    this.followTarget();
  }

  /** Names the draft after its system or template, unless the user typed a name. */
  private followTarget(): void {
    if (!this.editing || this.nameTyped) return;
    const target = this.editing.target;
    const name =
      target.kind === 'format'
        ? definitionText(this.catalogue.find((f) => f.id === target.formatId)?.name ?? '')
        : this.templates.find((tpl) => tpl.id === target.templateId)?.name;
    if (name) this.editing.name = name;
  }

  /** Checks and stores the draft; returns true when stored (the errors say why not otherwise). */
  async save(): Promise<boolean> {
    if (!this.editing) return false;
    const config = $state.snapshot(this.editing) as ExportConfig;
    if (!config.name.trim()) {
      this.errors = [{ key: 'name', message: t('exportSettings.nameMissing') }];
      return false;
    }
    try {
      this.errors = (await this.deps.api().validateConfig(config)).map((p) => ({
        key: p.key,
        message: issueMessage(p.issue),
      }));
      if (this.errors.length > 0) return false;
      await saveExportConfig(this.deps.db, config);
    } catch (e) {
      this.errors = [{ key: '', message: errorMessage(e) }];
      return false;
    }
    this.saved = t('common.saved', { name: config.name });
    this.editing = null;
    return true;
  }

  async remove(config: ExportConfig): Promise<void> {
    try {
      await deleteExportConfig(this.deps.db, config.id);
    } catch (e) {
      this.loadError = errorMessage(e);
    }
  }
}
