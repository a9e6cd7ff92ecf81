/**
 * The import wizard's state: the chosen kind and file, the settings the user overrode
 * (undefined = use what the worker detected), the mapping, the check result and the commit.
 * All file work happens in the import worker; this class only keeps the File (to read its
 * bytes again for each worker call) and small summaries. Values sent to the worker are
 * `$state.snapshot`s: Comlink cannot clone Svelte's state proxies.
 */
import { Comlink, fileBytes, importApi, stopImportWorker } from '../import-worker-client.ts';
import type { AnalyzeResult, ImportOptions, ImportPhase, PlanSummary } from '../../core/import/api.ts';
import {
  DEFAULT_BLANK_CELLS,
  DEFAULT_ON_DUPLICATE,
  PRESET_FORMAT,
  PRESET_VERSION,
  type BlankCells,
  type ColumnMapping,
  type ConstantValues,
  type DateFormat,
  type DecimalSeparator,
  type Delimiter,
  type ImportCounts,
  type ImportEncoding,
  type ImportKind,
  type ImportPreset,
  type OnDuplicate,
  type ThousandsSeparator,
} from '../../core/import/index.ts';
import { t, type MessageKey } from '../messages.ts';
import { errorMessage } from '../error-message.ts';

export type WizardStep = 'start' | 'configure' | 'checking' | 'result' | 'committing' | 'done';

/** The import worker and how a File reaches it; tests pass fakes. */
export interface ImportWizardDeps {
  api: () => Pick<ReturnType<typeof importApi>, 'analyze' | 'plan' | 'commit'>;
  /** Stops the worker (Cancel). */
  stop: () => void;
  fileBytes: (file: Blob) => Promise<Uint8Array>;
}

const PHASE_LABEL: Readonly<Record<ImportPhase, MessageKey>> = {
  reading: 'import.phase.reading',
  checking: 'import.phase.checking',
  comparing: 'import.phase.comparing',
  writing: 'import.phase.writing',
};

/** Coded read failures (read-file.ts, csv.ts) with a message of their own. */
const READ_FAILURE_MESSAGES: Readonly<Record<string, MessageKey>> = {
  zip: 'import.read.zip',
  'mixed-encoding': 'import.read.mixedEncoding',
  'too-many-columns': 'import.read.tooManyColumns',
  'cell-too-long': 'import.read.cellTooLong',
};

export class ImportWizard {
  step = $state<WizardStep>('start');
  kind = $state<ImportKind>('customers');
  file = $state.raw<File | null>(null);
  analysis = $state.raw<AnalyzeResult | null>(null);
  analyzing = $state(false);

  encoding = $state<ImportEncoding | undefined>(undefined);
  delimiter = $state<Delimiter | undefined>(undefined);
  hasHeader = $state<boolean | undefined>(undefined);
  skipLines = $state<number | undefined>(undefined);
  decimal = $state<DecimalSeparator | null | undefined>(undefined);
  thousands = $state<ThousandsSeparator | undefined>(undefined);
  dateFormat = $state<DateFormat | null | undefined>(undefined);
  /** undefined until the first analysis fills it with the automatic mapping. */
  mapping = $state<ColumnMapping | undefined>(undefined);
  constants = $state<ConstantValues>({});
  /** The same default as the CLI (DEFAULT_ON_DUPLICATE): differing records stop the import until the user chooses. */
  onDuplicate = $state<OnDuplicate>(DEFAULT_ON_DUPLICATE);
  /** Empty cells of updated records: `keep` the stored value unless the user asks to clear it. */
  blankCells = $state<BlankCells>(DEFAULT_BLANK_CELLS);
  presetName = $state('');

  phaseLabel = $state('');
  done = $state(0);
  total = $state(0);
  summary = $state.raw<PlanSummary | null>(null);
  allowPartial = $state(false);
  committed = $state.raw<{ importId: string; counts: ImportCounts } | null>(null);
  message = $state('');
  private analyzeRequest = 0;
  private readonly deps: ImportWizardDeps;

  constructor(deps: Partial<ImportWizardDeps> = {}) {
    this.deps = { api: importApi, stop: stopImportWorker, fileBytes, ...deps };
  }

  get ok(): Extract<AnalyzeResult, { ok: true }> | null {
    return this.analysis?.ok ? this.analysis : null;
  }

  /** Why the file could not be read, in the UI's words when the core gave a known code. */
  get analysisError(): string {
    const a = this.analysis;
    if (!a || a.ok) return '';
    const key = a.code === undefined ? undefined : READ_FAILURE_MESSAGES[a.code];
    return key ? t(key, a.params ?? {}) : a.reason;
  }

  setKind(kind: ImportKind): void {
    if (kind === this.kind) return;
    this.kind = kind;
    this.mapping = undefined;
    this.constants = {};
    this.presetName = '';
    if (this.file) void this.analyze();
  }

  async chooseFile(file: File): Promise<void> {
    this.file = file;
    this.encoding = this.delimiter = this.hasHeader = this.skipLines = undefined;
    this.decimal = this.thousands = this.dateFormat = undefined;
    this.mapping = undefined;
    this.summary = null;
    this.committed = null;
    this.message = '';
    await this.analyze();
    this.step = 'configure';
  }

  /** Detection and preview again with the current settings (after any change). */
  async analyze(): Promise<void> {
    if (!this.file) return;
    const request = ++this.analyzeRequest;
    this.analyzing = true;
    try {
      const result = await this.deps
        .api()
        .analyze(await this.deps.fileBytes(this.file), this.file.name, $state.snapshot(this.analyzeOverrides()));
      if (request !== this.analyzeRequest) return;
      this.analysis = result;
      if (result.ok && this.mapping === undefined) this.mapping = { ...result.mapping };
      this.message = '';
    } catch (error) {
      if (request === this.analyzeRequest) this.message = errorMessage(error);
    } finally {
      if (request === this.analyzeRequest) this.analyzing = false;
    }
  }

  private analyzeOverrides() {
    return {
      kind: this.kind,
      ...(this.encoding !== undefined ? { encoding: this.encoding } : {}),
      ...(this.delimiter !== undefined ? { delimiter: this.delimiter } : {}),
      ...(this.hasHeader !== undefined ? { hasHeader: this.hasHeader } : {}),
      ...(this.skipLines !== undefined ? { skipLines: this.skipLines } : {}),
      ...(this.mapping !== undefined ? { mapping: this.mapping } : {}),
      constants: this.constants,
      format: {
        ...(this.decimal !== undefined ? { decimal: this.decimal } : {}),
        ...(this.thousands !== undefined ? { thousands: this.thousands } : {}),
        ...(this.dateFormat !== undefined ? { dateFormat: this.dateFormat } : {}),
      },
    };
  }

  /** Maps `field` to a column ('' = ignore). */
  mapField(field: string, column: string): void {
    const next = { ...(this.mapping ?? {}) };
    if (column === '') delete next[field];
    else next[field] = column;
    this.mapping = next;
    void this.analyze();
  }

  setConstant(field: string, value: string | null): void {
    const next = { ...this.constants };
    if (value === null) delete next[field];
    else next[field] = value;
    this.constants = next;
    void this.analyze();
  }

  async check(): Promise<void> {
    const analysis = this.ok;
    if (!this.file || !analysis) return;
    this.step = 'checking';
    this.summary = null;
    this.allowPartial = false;
    this.message = '';
    this.setProgress('reading', 0, 0);
    // The analysed settings are what the user saw; the worker must use exactly those.
    const options: ImportOptions = {
      kind: this.kind,
      encoding: analysis.encoding,
      delimiter: analysis.delimiter,
      hasHeader: analysis.hasHeader,
      skipLines: analysis.skipLines,
      mapping: analysis.mapping,
      constants: $state.snapshot(this.constants),
      format: analysis.format,
      onDuplicate: this.onDuplicate,
      // Left out at the default: the worker's plan applies the same default (plan/types.ts).
      ...(this.blankCells !== DEFAULT_BLANK_CELLS ? { blankCells: this.blankCells } : {}),
      fileName: this.file.name,
      presetName: this.presetName,
    };
    try {
      const summary = await this.deps
        .api()
        .plan(await this.deps.fileBytes(this.file), options, Comlink.proxy(this.setProgress));
      if (this.step !== 'checking') return;
      this.summary = summary;
      this.step = 'result';
    } catch (error) {
      if (this.step === 'checking') this.fail(error, 'configure');
    }
  }

  /** Stops the worker: a check ends, a write is rolled back by IndexedDB. */
  cancel(): void {
    const wasWriting = this.step === 'committing';
    this.deps.stop();
    // The checked plan lived in the stopped worker.
    this.summary = null;
    this.step = 'configure';
    this.message = wasWriting ? t('import.importCancelled') : t('import.checkCancelled');
  }

  async commit(): Promise<void> {
    const summary = this.summary;
    if (!summary) return;
    this.step = 'committing';
    this.setProgress('writing', 0, summary.counts.new + summary.counts.updated);
    try {
      const result = await this.deps
        .api()
        .commit(summary.planId, { allowPartial: this.allowPartial }, Comlink.proxy(this.setProgress));
      if (this.step !== 'committing') return;
      if (result.ok) {
        this.committed = { importId: result.importId, counts: result.counts };
        this.step = 'done';
      } else {
        this.message = result.reason;
        this.step = 'result';
      }
    } catch (error) {
      if (this.step === 'committing') this.fail(error, 'result');
    }
  }

  /** Back to the start for another file. */
  reset(): void {
    this.step = 'start';
    this.file = null;
    this.analysis = null;
    this.summary = null;
    this.committed = null;
    this.mapping = undefined;
    this.constants = {};
    this.presetName = '';
    this.message = '';
  }

  applyPreset(preset: ImportPreset): void {
    this.kind = preset.kind;
    this.encoding = preset.encoding;
    this.delimiter = preset.delimiter;
    this.hasHeader = preset.hasHeader;
    this.skipLines = preset.skipLines;
    this.decimal = preset.decimal;
    this.thousands = preset.thousands;
    this.dateFormat = preset.dateFormat;
    this.mapping = { ...preset.columns };
    this.constants = { ...preset.constants };
    this.onDuplicate = preset.onDuplicate;
    this.presetName = preset.name;
    void this.analyze();
  }

  /** The current settings as a preset named `name` (the detected settings written out). */
  toPreset(name: string): ImportPreset | null {
    const analysis = this.ok;
    if (!analysis) return null;
    return {
      format: PRESET_FORMAT,
      version: PRESET_VERSION,
      name,
      kind: this.kind,
      encoding: analysis.encoding,
      delimiter: analysis.delimiter,
      hasHeader: analysis.hasHeader,
      skipLines: analysis.skipLines,
      decimal: analysis.format.decimal,
      thousands: analysis.format.thousands,
      dateFormat: analysis.format.dateFormat,
      columns: { ...analysis.mapping },
      constants: $state.snapshot(this.constants),
      onDuplicate: this.onDuplicate,
    };
  }

  private setProgress = (phase: ImportPhase, done: number, total: number) => {
    this.phaseLabel = t(PHASE_LABEL[phase]);
    this.done = done;
    this.total = total;
  };

  private fail(error: unknown, step: WizardStep): void {
    this.message = errorMessage(error);
    this.step = step;
  }
}

/**
 * Display names for the import screens, as message keys: `t` is called when shown, so the
 * names follow the locale chosen at start-up rather than the one active when this module loaded.
 */
export const KIND_LABELS: Readonly<Record<ImportKind, MessageKey>> = {
  customers: 'import.kind.customers',
  projects: 'import.kind.projects',
  users: 'import.kind.users',
  accounts: 'import.kind.accounts',
  vatCodes: 'import.kind.vatCodes',
  expenseTypes: 'import.kind.expenseTypes',
  invoices: 'import.kind.invoices',
  timeRecords: 'import.kind.timeRecords',
  claims: 'import.kind.claims',
};

/** The display name of a stored kind; a kind this version does not know shows as itself. */
export function kindLabel(kind: string): string {
  const key = (KIND_LABELS as Partial<Record<string, MessageKey>>)[kind];
  return key ? t(key) : kind;
}

export { DELIMITER_LABELS, THOUSANDS_LABELS } from '../i18n/import-guess-text.ts';
