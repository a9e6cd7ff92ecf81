/**
 * One export run as seen by the page: plan (summary and pre-flight), run in the worker
 * with progress, cancel, and the result to download.
 */
import { Comlink } from '../worker-client.ts';
import { exportApi, stopExportWorker } from '../workers.ts';
import { downloadBytes } from '../download.ts';
import type { PlanResponse, RunRequest, RunResponse, RunStep } from '../../core/export/api.ts';
import type { ExportIssue } from '../../core/formats/types.ts';
import { uniqueIssues } from '../../core/formats/issues.ts';
import { toIsoDateTime } from '../../core/domain/dates.ts';
import { t } from '../messages.ts';
import { errorMessage } from '../error-message.ts';

export type RunPhase = 'idle' | 'planning' | 'planned' | 'running' | 'done' | 'failed' | 'cancelled';

/** The export worker and the browser's download; tests pass fakes. */
export interface ExportRunDeps {
  api: () => Pick<ReturnType<typeof exportApi>, 'plan' | 'run'>;
  /** Stops the worker (Cancel). */
  stop: () => void;
  download: typeof downloadBytes;
}

export class ExportRun {
  phase = $state<RunPhase>('idle');
  plan = $state<PlanResponse | null>(null);
  /** The export being planned or run (issues about its settings link to them). */
  configId = $state<string | undefined>(undefined);
  step = $state('');
  fraction = $state(0);
  /** What the page lists: each condition once (the worker's lists may come from several checks). */
  issues = $state<ExportIssue[]>([]);
  message = $state('');
  result = $state<Extract<RunResponse, { ok: true }> | null>(null);
  acceptWarnings = $state(false);
  private request: RunRequest | null = null;
  private readonly deps: ExportRunDeps;

  constructor(deps: Partial<ExportRunDeps> = {}) {
    this.deps = { api: exportApi, stop: stopExportWorker, download: downloadBytes, ...deps };
  }

  get errors(): ExportIssue[] {
    return this.issues.filter((i) => i.severity === 'error');
  }

  get warnings(): ExportIssue[] {
    return this.issues.filter((i) => i.severity === 'warning');
  }

  async prepare(request: Omit<RunRequest, 'now' | 'locale' | 'acceptWarnings'>): Promise<void> {
    this.configId = request.configId;
    this.request = {
      ...request,
      now: toIsoDateTime(new Date()),
      locale: navigator.language || 'nb-NO',
      acceptWarnings: false,
    };
    this.phase = 'planning';
    this.result = null;
    this.message = '';
    this.acceptWarnings = false;
    try {
      this.plan = await this.deps.api().plan(this.request);
      this.issues = uniqueIssues(this.plan.summary.issues);
      this.phase = 'planned';
    } catch (error) {
      this.fail(error);
    }
  }

  async run(): Promise<void> {
    if (!this.request) return;
    const request = { ...this.request, now: toIsoDateTime(new Date()), acceptWarnings: this.acceptWarnings };
    this.phase = 'running';
    this.step = t('exportRun.starting');
    this.fraction = 0;
    try {
      const response = await this.deps.api().run(
        request,
        Comlink.proxy((step: RunStep, fraction: number) => {
          this.step = t(`exportRun.step.${step}`);
          this.fraction = fraction;
        }),
      );
      if (response.ok) {
        this.result = response;
        this.issues = uniqueIssues(response.issues);
        this.phase = 'done';
        this.deps.download(response.download.name, response.download.bytes, response.download.mimeType);
      } else {
        this.issues = uniqueIssues(response.issues);
        this.message = t(response.reason === 'warnings' ? 'exportRun.acceptFirst' : 'exportRun.blocked');
        this.phase = 'failed';
      }
    } catch (error) {
      if ((this.phase as RunPhase) !== 'cancelled') this.fail(error);
    }
  }

  cancel(): void {
    this.deps.stop();
    this.phase = 'cancelled';
    this.message = t('exportRun.cancelled');
  }

  downloadAgain(): void {
    if (this.result)
      this.deps.download(this.result.download.name, this.result.download.bytes, this.result.download.mimeType);
  }

  private fail(error: unknown): void {
    this.message = errorMessage(error);
    this.phase = 'failed';
  }
}
