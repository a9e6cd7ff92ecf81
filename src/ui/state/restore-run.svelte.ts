/**
 * One restore of a backup, as the page sees it: the phase and its progress while the data worker
 * reads, checks and writes the file, and Cancel. The result goes to the page notice at the top.
 */
import { RESTORE_PHASES, type RestorePhase, type RestoreResult } from '../../core/company-file/api.ts';
import type { CompanyFileIssue } from '../../core/company-file/file-issues.ts';
import { downloadBytes, todayIso } from '../download.ts';
import { errorMessage } from '../error-message.ts';
import { t } from '../messages.ts';
import { dataApi } from '../workers.ts';
import { Comlink } from '../worker-client.ts';
import { pageNotice } from './page-notice.svelte.ts';

export class RestoreRun {
  running = $state(false);
  phase = $state<RestorePhase>('reading');
  done = $state(0);
  total = $state(0);
  cancelling = $state(false);

  /** 1-based step of the phase, for "step 2 of 3". */
  get step(): number {
    return RESTORE_PHASES.indexOf(this.phase) + 1;
  }

  get fraction(): number {
    return this.total > 0 ? Math.min(1, this.done / this.total) : 0;
  }

  /**
   * Runs the restore to its end; returns the result (null when the worker failed: the notice says
   * why). With `keepReplaced` the company it replaces is downloaded as a backup once it is replaced.
   */
  async start(file: File, options: { keepReplaced?: boolean } = {}): Promise<RestoreResult | null> {
    if (this.running) return null;
    this.running = true;
    this.cancelling = false;
    this.phase = 'reading';
    this.done = 0;
    this.total = file.size;
    pageNotice.clear();
    try {
      const result = await dataApi().restore(
        file,
        Comlink.proxy((phase: RestorePhase, done: number, total: number) => {
          this.phase = phase;
          this.done = done;
          this.total = total;
        }),
        { keepReplaced: options.keepReplaced ?? false },
      );
      if (result.ok && result.replaced !== undefined) {
        const name = `exportdesk-replaced-${todayIso()}.json`;
        downloadBytes(name, result.replaced, 'application/json');
        pageNotice.show(t('restore.doneReplaced', { records: result.records, file: name }));
      } else if (result.ok) pageNotice.show(t('restore.done', { records: result.records }));
      else if (result.cancelled) pageNotice.show(t('restore.cancelled'));
      else pageNotice.show(t('restore.failed'), 'error', result.issues.map(issueText));
      return result;
    } catch (e) {
      pageNotice.show(t('restore.failed'), 'error', [errorMessage(e)]);
      return null;
    } finally {
      this.running = false;
    }
  }

  /** Asks the worker to stop at its next step; it aborts the write transaction, so nothing is stored. */
  cancel(): void {
    if (!this.running || this.cancelling) return;
    this.cancelling = true;
    void dataApi().cancelRestore();
  }
}

/** A refusal's text: the file's issues as core words them; the database's full disk in the page's words. */
function issueText(issue: CompanyFileIssue): string {
  return issue.code === 'storage-full' ? t('storage.full') : issue.message;
}

export const restoreRun = new RestoreRun();
