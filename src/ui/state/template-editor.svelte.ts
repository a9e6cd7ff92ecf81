/**
 * One template being edited, as rune state: the draft (saved or not), its check's errors and
 * warnings (Liquid; a layout's unknown field paths), the last "Test template" result, and
 * saving. Everything that needs liquidjs or the database runs in the template worker
 * (src/ui/template-worker-client.ts).
 */
import { callTemplateWorker, TemplateWorkerTimeout } from '../template-worker-client.ts';
import { toIsoDateTime } from '../../core/domain/dates.ts';
import type { ExportTemplate, LayoutColumn, LayoutTemplate, TextTemplate } from '../../core/templates/types.ts';
import type { TemplateError } from '../../core/templates/liquid-engine.ts';
import type { TestResponse } from '../../core/templates/api.ts';
import { t } from '../messages.ts';
import { errorMessage } from '../error-message.ts';

export type TestSource = 'real' | 'demo';

/** How state classes reach the template worker; tests pass a fake. */
export type TemplateWorkerCall = typeof callTemplateWorker;

export const DEFAULT_SAMPLE_SIZE = 20;
/** Lines of test output shown; a larger output is cut in the view only. */
export const SHOWN_OUTPUT_LINES = 2000;

const COMMON = {
  dataType: 'invoices',
  fileNamePattern: 'EXPORT_{DATETIME}',
  decimalSeparator: '.',
  lineBreak: 'windows',
  quoteEmptyFields: false,
  encoding: 'utf-8',
  dataOptions: {},
} as const;

export function blankTextTemplate(): TextTemplate {
  return {
    ...COMMON,
    kind: 'text',
    name: t('templates.newTextName'),
    fileExtension: 'txt',
    quoting: 'needed',
    content:
      '{% for i in invoices -%}\n{{ i.number }};{{ i.issueDate }};{{ i.customer.name | csv: ";" }};{{ i.gross | amount }}\n{% endfor -%}\n',
    postProcess: 'none',
    dataOptions: {},
  };
}

export function blankLayoutTemplate(): LayoutTemplate {
  return {
    ...COMMON,
    kind: 'layout',
    name: t('templates.newLayoutName'),
    fileExtension: 'csv',
    quoting: 'needed',
    dataOptions: {},
    layout: 'delimited',
    delimiter: ';',
    headerRow: true,
    finalLineBreak: true,
    rowsFrom: '',
    columns: [
      { header: 'Number', field: 'number', format: { type: 'text' } },
      { header: 'Date', field: 'issueDate', format: { type: 'date', pattern: 'yyyy-MM-dd' } },
      { header: 'Customer', field: 'customer.name', format: { type: 'text' } },
      { header: 'Total', field: 'gross', format: { type: 'amount', decimals: 2 } },
    ],
  };
}

export function blankColumn(): LayoutColumn {
  return { header: 'New column', field: '', format: { type: 'text' } };
}

/** The output split into lines with their line ending, for a view that shows the endings. */
export function outputLines(
  text: string,
  max = SHOWN_OUTPUT_LINES,
): { lines: { text: string; end: '' | '\r\n' | '\n' | '\r' }[]; total: number } {
  const lines: { text: string; end: '' | '\r\n' | '\n' | '\r' }[] = [];
  const pattern = /\r\n|\n|\r/g;
  let start = 0;
  let total = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    total++;
    if (lines.length < max) lines.push({ text: text.slice(start, m.index), end: m[0] as '\r\n' | '\n' | '\r' });
    start = m.index + m[0].length;
  }
  if (start < text.length) {
    total++;
    if (lines.length < max) lines.push({ text: text.slice(start), end: '' });
  }
  return { lines, total };
}

export class TemplateEditor {
  template = $state() as ExportTemplate;
  /** null until first saved. */
  id = $state<string | null>(null);
  checkErrors = $state<TemplateError[]>([]);
  columnErrors = $state<{ index: number; errors: TemplateError[] }[]>([]);
  checkFailure = $state('');
  saveErrors = $state<string[]>([]);
  saving = $state(false);

  source = $state<TestSource>('real');
  sampleSize = $state(DEFAULT_SAMPLE_SIZE);
  periodFrom = $state('');
  periodTo = $state('');
  testing = $state(false);
  test = $state<TestResponse | null>(null);
  /** Why the test gave no answer (the worker timed out or died). */
  testFailure = $state('');
  private checkRun = 0;
  private testRun = 0;
  /** The template as opened or last saved, to tell whether Cancel loses changes. */
  private savedJson: string;
  private readonly call: TemplateWorkerCall;

  constructor(
    template: ExportTemplate,
    id: string | null,
    source: TestSource,
    call: TemplateWorkerCall = callTemplateWorker,
  ) {
    this.call = call;
    this.template = template;
    this.savedJson = JSON.stringify(template);
    this.id = id;
    this.source = source;
  }

  /** What the check depends on (Liquid, and a layout's field paths); a change schedules a new check. */
  get checkKey(): string {
    const t = this.template;
    return t.kind === 'text'
      ? `${t.dataType}\n${t.content}`
      : `${t.dataType}\n${t.rowsFrom}\n${t.columns.map((c) => (c.field ? `field:${c.field}` : (c.liquid ?? ''))).join('\n')}`;
  }

  /** True when there are unsaved changes (a new template always counts as unsaved). */
  get dirty(): boolean {
    return this.id === null || JSON.stringify(this.template) !== this.savedJson;
  }

  snapshot(): ExportTemplate {
    return $state.snapshot(this.template) as ExportTemplate;
  }

  async check(): Promise<void> {
    const run = ++this.checkRun;
    const t = this.snapshot();
    try {
      const errors = t.kind === 'text' ? await this.call('check', [t.content, t.dataType, []]) : [];
      const columnErrors = t.kind === 'layout' ? await this.call('checkColumns', [t]) : [];
      if (run !== this.checkRun) return;
      this.checkErrors = errors;
      this.columnErrors = columnErrors.filter((c) => c.errors.length > 0);
      this.checkFailure = '';
    } catch (error) {
      if (run === this.checkRun) this.checkFailure = errorMessage(error);
    }
  }

  async runTest(): Promise<void> {
    const run = ++this.testRun;
    this.testing = true;
    this.testFailure = '';
    const period = this.periodFrom && this.periodTo ? { period: { from: this.periodFrom, to: this.periodTo } } : {};
    try {
      const result = await this.call('render', [
        this.snapshot(),
        {
          source: this.source,
          sampleSize: Math.max(1, Math.floor(Number(this.sampleSize) || DEFAULT_SAMPLE_SIZE)),
          now: toIsoDateTime(new Date()),
          locale: navigator.language || 'nb-NO',
          ...period,
        },
      ]);
      if (run === this.testRun) this.test = result;
    } catch (error) {
      if (run !== this.testRun) return;
      this.test = null;
      this.testFailure =
        error instanceof TemplateWorkerTimeout
          ? error.message
          : t('templates.test.stopped', { error: errorMessage(error) });
    } finally {
      if (run === this.testRun) this.testing = false;
    }
  }

  /** Saves the draft; returns true when stored (errors are in `saveErrors` otherwise). */
  async save(): Promise<boolean> {
    this.saving = true;
    try {
      const result = await this.call('save', [this.snapshot(), this.id]);
      if (!result.ok) {
        this.saveErrors = result.errors;
        return false;
      }
      this.id = result.value;
      this.savedJson = JSON.stringify(this.template);
      this.saveErrors = [];
      return true;
    } catch (error) {
      this.saveErrors = [errorMessage(error)];
      return false;
    } finally {
      this.saving = false;
    }
  }

  addColumn(): void {
    if (this.template.kind === 'layout') this.template.columns.push(blankColumn());
  }

  removeColumn(index: number): void {
    if (this.template.kind === 'layout') this.template.columns.splice(index, 1);
  }

  moveColumn(index: number, by: -1 | 1): void {
    if (this.template.kind !== 'layout') return;
    const columns = this.template.columns;
    const to = index + by;
    if (to < 0 || to >= columns.length) return;
    const [column] = columns.splice(index, 1);
    columns.splice(to, 0, column!);
  }
}
