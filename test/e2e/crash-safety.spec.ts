/**
 * Crash safety and two tabs (issue 16). A tab closed in the middle of a restore, an import, an
 * export run or the settle of the transfer journal leaves the database exactly as before or
 * exactly as after, and no invoice is marked transferred without its file in the history. Two
 * tabs that start the same export at once export every invoice once, and the second is told why.
 *
 * The data is large enough that each write lasts a while; the test waits for the write's progress
 * before it closes the tab, and accepts both outcomes (the write may just have landed).
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { DEMO_NOW } from '../helpers/demo-export.ts';

test.use({ timezoneId: 'UTC' });

type Json = Record<string, unknown>;

async function loadDemo(page: Page): Promise<void> {
  await page.clock.setFixedTime(new Date(`${DEMO_NOW}Z`));
  await page.goto('/');
  await page.getByTestId('load-demo-NO').click();
  await expect(page).toHaveURL(/#\/invoices/);
}

async function downloadBackup(page: Page): Promise<Json> {
  await page.goto('/#/settings');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-backup').click()]);
  return JSON.parse(readFileSync((await download.path())!, 'utf8')) as Json;
}

/** Every object store as a row count and a hash of its rows (bytes by length), read in the page. */
function digest(page: Page): Promise<Record<string, string>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, string>>((resolve, reject) => {
        const open = indexedDB.open('exportdesk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          const names = Array.from(idb.objectStoreNames);
          const tx = idb.transaction(names, 'readonly');
          const out: Record<string, string> = {};
          for (const name of names)
            tx.objectStore(name).getAll().onsuccess = (event) => {
              const rows = (event.target as IDBRequest<unknown[]>).result;
              let hash = 2166136261;
              for (const row of rows) {
                const text = JSON.stringify(row, (_, v: unknown) => (v instanceof Uint8Array ? v.length : v));
                for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
              }
              out[name] = `${rows.length}:${(hash >>> 0).toString(16)}`;
            };
          tx.oncomplete = () => {
            idb.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

interface ExportState {
  /** Invoice ids whose accounting status is Has been transferred (row or journal). */
  transferred: string[];
  /** Batches with their invoice ids and whether all their files are stored. */
  batches: { id: string; invoiceIds: string[]; filesStored: boolean }[];
  journalRows: number;
}

/** The accounting statuses as every reader sees them, and the export history, read in the page. */
function exportState(page: Page): Promise<ExportState> {
  return page.evaluate(
    () =>
      new Promise<ExportState>((resolve, reject) => {
        const open = indexedDB.open('exportdesk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          const tx = idb.transaction(['invoices', 'transferJournal', 'exportBatches', 'exportFiles'], 'readonly');
          const got: Record<string, unknown[]> = {};
          for (const name of ['invoices', 'transferJournal', 'exportBatches', 'exportFiles'])
            tx.objectStore(name).getAll().onsuccess = (e) => (got[name] = (e.target as IDBRequest<unknown[]>).result);
          tx.oncomplete = () => {
            idb.close();
            const transferred = new Set<string>();
            for (const i of got['invoices'] as { id: string; exportStatus: string }[])
              if (i.exportStatus === 'transferred') transferred.add(i.id);
            for (const r of got['transferJournal'] as { purpose?: string; invoiceIds: string[] }[])
              if ((r.purpose ?? 'accounting') === 'accounting') for (const id of r.invoiceIds) transferred.add(id);
            const files = new Set((got['exportFiles'] as { id: string }[]).map((f) => f.id));
            resolve({
              transferred: [...transferred].sort(),
              batches: (got['exportBatches'] as { id: string; invoiceIds: string[]; files: { id: string }[] }[]).map(
                (b) => ({ id: b.id, invoiceIds: b.invoiceIds, filesStored: b.files.every((f) => files.has(f.id)) }),
              ),
              journalRows: (got['transferJournal'] as unknown[]).length,
            });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Exactly before (no batch, the same statuses) or exactly after (one batch, its files, its invoices transferred). */
function expectBeforeOrAfter(state: ExportState, before: ExportState): 'before' | 'after' {
  if (state.batches.length === before.batches.length) {
    expect(state.transferred).toEqual(before.transferred);
    return 'before';
  }
  expect(state.batches).toHaveLength(before.batches.length + 1);
  const batch = state.batches.find((b) => !before.batches.some((o) => o.id === b.id))!;
  expect(batch.filesStored).toBe(true);
  expect(state.transferred).toEqual([...new Set([...before.transferred, ...batch.invoiceIds])].sort());
  return 'after';
}

/** No invoice is transferred unless a batch with its files says so. */
function expectNoTransferWithoutFile(state: ExportState, alreadyTransferred: readonly string[]): void {
  const covered = new Set([
    ...alreadyTransferred,
    ...state.batches.filter((b) => b.filesStored).flatMap((b) => b.invoiceIds),
  ]);
  expect(state.transferred.filter((id) => !covered.has(id))).toEqual([]);
}

/** The demo's backup with `count` more finalized invoices waiting for accounting (unique ids and numbers). */
async function bigInvoiceBackup(page: Page, count: number): Promise<Buffer> {
  const backup = await downloadBackup(page);
  const invoices = backup['invoices'] as Json[];
  const model = invoices.find((i) => i['status'] === 'finalized' && i['exportStatus'] === 'to-transfer')!;
  for (let i = 0; i < count; i++) invoices.push({ ...model, id: `crash-${i}`, number: String(500000 + i), kid: '' });
  return Buffer.from(JSON.stringify(backup));
}

async function reopen(context: BrowserContext, page: Page): Promise<Page> {
  await page.close({ runBeforeUnload: false });
  const next = await context.newPage();
  await next.clock.setFixedTime(new Date(`${DEMO_NOW}Z`));
  await next.goto('/#/settings');
  await expect(next.getByRole('heading', { name: 'Backup' })).toBeVisible();
  return next;
}

test('a tab closed in the middle of a restore: the company exactly as before or as after', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  await loadDemo(page);
  const backup = await downloadBackup(page);
  const records = backup['timeRecords'] as Json[];
  const model = records[0]!;
  for (let i = 0; i < 120_000; i++) records.push({ ...model, id: `crash-restore-${i}` });
  backup['company'] = { ...(backup['company'] as Json), name: 'Restored Company AS' };
  const file = { name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) };
  const before = await digest(page);

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('restore-input').setInputFiles(file);
  const progress = page.getByTestId('restore-progress');
  await expect(progress).toHaveAttribute('data-phase', 'writing', { timeout: 90_000 });
  // Some chunks written, the transaction not yet committed.
  await expect
    .poll(async () => Number(await progress.getByRole('progressbar').getAttribute('value')), { timeout: 60_000 })
    .toBeGreaterThan(0.2);
  const next = await reopen(context, page);
  const crashed = await digest(next);

  // The same restore to its end gives "after".
  next.once('dialog', (dialog) => void dialog.accept());
  await next.getByTestId('restore-input').setInputFiles(file);
  await expect(next.getByTestId('page-notice')).toHaveText(/Backup restored/, { timeout: 180_000 });
  const after = await digest(next);
  expect(after).not.toEqual(before);
  // The download of the replaced company is not part of the database.
  expect([before, after]).toContainEqual(crashed);
  test.info().annotations.push({
    type: 'outcome',
    description: crashed === before || JSON.stringify(crashed) === JSON.stringify(before) ? 'before' : 'after',
  });
});

test('a tab closed in the middle of an import: nothing of it stored, or all of it with its history row', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  await loadDemo(page);
  const backup = await downloadBackup(page);
  const user = (backup['users'] as Json[])[0]!['employeeNumber'] as string;
  const project = (backup['projects'] as Json[])[0]!['number'] as string;
  const lines = ['date,employeeNumber,projectNumber,activity,hours'];
  for (let i = 0; i < 60_000; i++)
    lines.push(`2026-10-${String((i % 28) + 1).padStart(2, '0')},${user},${project},Crash ${i},1.5`);
  const before = await digest(page);

  await page.goto('/#/import');
  await page.getByTestId('import-kind').selectOption('timeRecords');
  await page.getByTestId('import-file').setInputFiles({
    name: 'big.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(lines.join('\n') + '\n'),
  });
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('count-new')).toHaveText('60000', { timeout: 120_000 });
  await page.getByTestId('import-commit').click();
  const bar = page.getByTestId('import-progress');
  await expect
    .poll(async () => Number((await bar.getAttribute('value').catch(() => null)) ?? 0), { timeout: 60_000 })
    .toBeGreaterThan(0);
  const next = await reopen(context, page);
  const crashed = await digest(next);
  const changed = Object.keys(before).filter((store) => crashed[store] !== before[store]);
  test.info().annotations.push({ type: 'outcome', description: changed.length > 0 ? 'after' : 'before' });
  if (changed.length > 0) {
    // All of it: the records and the history row that can undo them, nothing else.
    expect(changed.sort()).toEqual(['importHistory', 'timeRecords']);
    expect(Number(crashed['timeRecords']!.split(':')[0])).toBe(Number(before['timeRecords']!.split(':')[0]) + 60_000);
    expect(crashed['importHistory']!.startsWith('1:')).toBe(true);
  }
});

test('a tab closed during an export run, then during the settle: before or after, never a status without its file', async ({
  page,
  context,
}) => {
  test.setTimeout(300_000);
  await page.clock.setFixedTime(new Date(`${DEMO_NOW}Z`));
  await loadDemo(page);
  const file = await bigInvoiceBackup(page, 8000);
  // Into an empty browser: a fresh context's database holds nothing yet.
  const fresh = await context.browser()!.newContext({ timezoneId: 'UTC', acceptDownloads: true });
  let tab = await fresh.newPage();
  await tab.clock.setFixedTime(new Date(`${DEMO_NOW}Z`));
  await tab.goto('/');
  await tab.getByTestId('restore-input').setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: file });
  await expect(tab.getByTestId('page-notice')).toHaveText(/Backup restored/, { timeout: 120_000 });
  const before = await exportState(tab);

  const startRun = async (p: Page) => {
    await p.goto('/#/export');
    await expect(p.getByTestId('summary-count')).toHaveText(/^\d+$/, { timeout: 120_000 });
    const accept = p.getByTestId('accept-warnings');
    if (await accept.isVisible()) await accept.check();
    await p.getByTestId('run-export').click();
  };

  // 1. Closed while the run works (generating or storing).
  await startRun(tab);
  // As soon as the worker stores the batch (progress 0.85), or has finished if that was too quick to see.
  await tab.waitForFunction(
    () =>
      Number(document.querySelector('main progress')?.getAttribute('value') ?? 0) >= 0.85 ||
      document.querySelector('[data-testid="export-done"]') !== null,
    undefined,
    { timeout: 120_000, polling: 5 },
  );
  tab = await reopen(fresh, tab);
  const afterRun = await exportState(tab);
  const outcome = expectBeforeOrAfter(afterRun, before);
  test.info().annotations.push({ type: 'outcome of the run', description: outcome });
  expectNoTransferWithoutFile(afterRun, before.transferred);

  // 2. An export to its end, the tab closed as soon as it is done: the settle may be cut short.
  const beforeSecond = afterRun;
  if (outcome === 'before') {
    await startRun(tab);
    await expect(tab.getByTestId('export-done')).toBeVisible({ timeout: 180_000 });
    tab = await reopen(fresh, tab);
    const cut = await exportState(tab);
    test.info().annotations.push({ type: 'journal rows left by the cut settle', description: String(cut.journalRows) });
    expect(expectBeforeOrAfter(cut, beforeSecond)).toBe('after');
    expectNoTransferWithoutFile(cut, before.transferred);
    // The app settles what was left on start; the statuses read the same, the journal empties.
    await expect.poll(async () => (await exportState(tab)).journalRows, { timeout: 60_000 }).toBe(0);
    expect((await exportState(tab)).transferred).toEqual(cut.transferred);
  } else {
    await expect.poll(async () => (await exportState(tab)).journalRows, { timeout: 60_000 }).toBe(0);
    expect((await exportState(tab)).transferred).toEqual(afterRun.transferred);
  }
  await fresh.close();
});

test('two tabs start the same export at once: every invoice exported once, the other tab told why', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  await loadDemo(page);
  const other = await context.newPage();
  await other.clock.setFixedTime(new Date(`${DEMO_NOW}Z`));
  const before = await exportState(page);
  for (const p of [page, other]) {
    await p.goto('/#/export');
    await expect(p.getByTestId('summary-count')).toHaveText(/^\d+$/, { timeout: 60_000 });
    await p.getByTestId('accept-warnings').check();
  }
  await Promise.all([page.getByTestId('run-export').click(), other.getByTestId('run-export').click()]);
  const done = (p: Page) => p.getByTestId('export-done');
  await expect(async () => {
    const finished = (await done(page).count()) + (await done(other).count());
    const refused = (await page.getByRole('alert').count()) + (await other.getByRole('alert').count());
    expect([finished, refused]).toEqual([1, 1]);
  }).toPass({ timeout: 120_000 });
  const loser = (await done(page).count()) === 1 ? other : page;
  // The code already-exported, in words; or, if the other tab's plan came after the commit, nothing to export.
  await expect(loser.locator('main')).toContainText(
    /is no longer waiting for export: another tab or window has just exported it|nothing to export/i,
  );

  const state = await exportState(page);
  expect(state.batches).toHaveLength(before.batches.length + 1);
  const ids = state.batches.flatMap((batch) => batch.invoiceIds);
  expect(new Set(ids).size).toBe(ids.length);
  expectNoTransferWithoutFile(state, before.transferred);
});

test('a restore in one tab shows in the other without a reload: the company and its records', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await loadDemo(page);
  const backup = await downloadBackup(page);
  backup['company'] = { ...(backup['company'] as Json), name: 'Live Update AS' };
  backup['timeRecords'] = (backup['timeRecords'] as Json[]).slice(0, 7);
  const other = await context.newPage();
  await other.goto('/#/time-records');
  const pager = other.getByTestId('time-records-table-page');
  await expect(pager).toContainText(/rows/);
  const rowsBefore = await pager.textContent();

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('restore-input').setInputFiles({
    name: 'small.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(backup)),
  });
  await expect(page.getByTestId('page-notice')).toHaveText(/Backup restored/, { timeout: 60_000 });
  await expect(other.getByTestId('company-name')).toHaveText('Live Update AS');
  await expect(pager).not.toHaveText(rowsBefore!);
  await expect(pager).toContainText('7');
});
