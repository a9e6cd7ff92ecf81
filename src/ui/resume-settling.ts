/**
 * Start-up: a tab closed while an export's statuses were being settled into the invoice rows
 * leaves that work behind (the statuses already read as Has been transferred, decision 0005).
 * The app finishes it off the page, in the export worker, once per load.
 */
import { db } from './app-db.ts';
import { hasUnsettledTransfers } from '../db/export-status.ts';
import { exportApi } from './workers.ts';

export async function resumeSettling(): Promise<void> {
  try {
    if (await hasUnsettledTransfers(db)) await exportApi().settleTransfers();
  } catch (error) {
    console.error('Settling the transfer journal failed; it resumes on the next load or export.', error);
  }
}
