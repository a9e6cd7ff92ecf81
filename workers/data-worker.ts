/**
 * Heavy whole-company work off the page: generating and storing the demo company,
 * restoring a backup, reading a backup, the lists' totals. Thin: each method calls src/core and src/db.
 */
import * as Comlink from 'comlink';
import { ExportdeskDatabase } from '../src/db/database.ts';
import { hasCompany, replaceCompany, readCompanyFile, restoreCompanyFile } from '../src/db/company-store.ts';
import { serializeCompanyFile, toCompanyFile } from '../src/core/company-file/company-file.ts';
import type { DataWorkerApi } from '../src/core/company-file/api.ts';
import { claimListTotals, invoiceListTotals, timeRecordListTotals } from '../src/db/record-totals.ts';
import { overviewFigures } from '../src/db/overview.ts';

const db = new ExportdeskDatabase();
/** The running restore's Cancel (one restore at a time: the page disables the button meanwhile). */
let restoring: AbortController | null = null;

const api: DataWorkerApi = {
  async loadDemo(options) {
    // The demo's generator, names and export settings load only when a demo is asked for: a chunk of
    // their own, so that the worker's entry stays within its budget (decision 0006).
    const [{ generateDemoCompany }, { demoExportConfigs }] = await Promise.all([
      import('../src/core/demo/demo-company.ts'),
      import('../src/core/export/demo-export-configs.ts'),
    ]);
    const data = generateDemoCompany({
      seed: 1,
      country: options.country,
      today: options.today,
      ...(options.timeRecords ? { timeRecords: options.timeRecords } : {}),
    });
    await replaceCompany(db, toCompanyFile(data, { exportConfigs: demoExportConfigs(options.country) }));
    return { invoices: data.invoices.length, timeRecords: data.timeRecords.length };
  },

  /** Returns the errors that make the file unreadable; nothing is changed then (nor after a Cancel). */
  async restore(file, onProgress, options = {}) {
    const controller = new AbortController();
    restoring = controller;
    try {
      return await restoreCompanyFile(db, file, {
        ...options,
        signal: controller.signal,
        ...(onProgress ? { onProgress } : {}),
      });
    } finally {
      if (restoring === controller) restoring = null;
    }
  },

  cancelRestore() {
    restoring?.abort();
  },

  async backup(options = {}) {
    const file = await readCompanyFile(db, options);
    return file ? serializeCompanyFile(file) : null;
  },

  invoiceTotals: (filter) => invoiceListTotals(db, filter),
  timeRecordTotals: (filter) => timeRecordListTotals(db, filter),
  claimTotals: (filter) => claimListTotals(db, filter),
  hasCompany() {
    return hasCompany(db);
  },
  overview: (today) => overviewFigures(db, today),
};

Comlink.expose(api);
