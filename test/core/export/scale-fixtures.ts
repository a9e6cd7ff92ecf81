/**
 * Issue 15, item 2: the data and the run of the scale tests (scale-invoices.test.ts,
 * scale-periods.test.ts; two files, so that vitest runs them side by side). Every run goes
 * through the CLI's pipeline (src/cli/export-command.ts with src/core/export/run.ts:
 * `runSelection` → `runContext` → `recordSelection` → `planRun` → `generateExport`), which the
 * export worker shares. No timings are asserted.
 */
import { expect } from 'vitest';
import { generateDemoCompany, iterateDemoTimeRecords } from '../../../src/core/demo/index.ts';
import type { Claim, CompanyData, TimeRecord } from '../../../src/core/domain/types.ts';
import { ExportBlockedError, generateExport, type GeneratedExport } from '../../../src/core/export/pipeline.ts';
import { planRun, recordSelection, runContext, runSelection } from '../../../src/core/export/run.ts';
import { resolveTarget, type StoredTemplate } from '../../../src/core/export/targets.ts';
import type { ExportConfig } from '../../../src/core/export/types.ts';
import type { FormatSettings } from '../../../src/core/formats/types.ts';
import type { ExportTemplate } from '../../../src/core/templates/types.ts';
import { scaledInvoices } from '../../../bench/harness/fixtures.ts';
import { GOLDEN_CASES } from '../formats/golden-cases.ts';

export const PERIOD_RECORDS = 300_000;
export const INVOICE_LINES = 100_000;
const TODAY = '2026-11-26';
const NOW = `${TODAY}T09:30:00`;
/** The demo's records span the 12 months up to TODAY. */
export const PERIOD = { from: '2025-11-01', to: TODAY };
/** One format's run over 300k records takes seconds, more on a busy machine. */
export const SCALE_TIMEOUT = 120_000;

/** The Swedish demo company (SIE 4 needs CP437) with its invoices cloned to exactly `INVOICE_LINES` lines. */
export function invoiceCompany(): CompanyData {
  const demo = generateDemoCompany({ country: 'SE', today: TODAY, timeRecords: 0 });
  return { ...demo, invoices: scaledInvoices(demo.invoices, demo.company.currency, INVOICE_LINES) };
}

/**
 * The Swedish demo company with `PERIOD_RECORDS` demo time records, and its claims cloned to
 * `PERIOD_RECORDS` claims of one item each, dated as the time records (spread over the period).
 */
export function periodCompany(): CompanyData {
  const demo = generateDemoCompany({ country: 'SE', today: TODAY, timeRecords: 0 });
  const timeRecords: TimeRecord[] = [];
  for (const r of iterateDemoTimeRecords({ country: 'SE', today: TODAY, timeRecords: PERIOD_RECORDS }))
    timeRecords.push(r);
  // Payroll pays the company currency only: foreign-currency items are left out of the clones.
  const items = demo.claims.flatMap((c) => c.items.filter((item) => item.currency === demo.company.currency));
  const claims: Claim[] = [];
  for (let i = 0; i < PERIOD_RECORDS; i++) {
    const source = demo.claims[i % demo.claims.length]!;
    const date = timeRecords[i]!.date;
    claims.push({
      ...source,
      claimNumber: `S${i}`,
      date,
      status: 'approved',
      items: [{ ...items[i % items.length]!, date }],
    });
  }
  return { ...demo, invoices: [], timeRecords, claims };
}

/** What the Swedish demo's data needs beyond a golden case's settings (those are for the test company). */
const DEMO_SETTINGS: Record<string, FormatSettings> = {
  xero: {
    taxTypes:
      'MP1=25% (VAT on Income); MP2=12% (VAT on Income); MP3=6% (VAT on Income); MF=Tax Exempt; EUT=Zero Rated EC Services',
  },
};

/**
 * The settings of the format's first golden case (test/core/formats/golden-cases.ts), the
 * demo's needs and a check's own on top; a format registered later runs with its golden case's.
 */
export function settingsOf(formatId: string, extra: Record<string, string> = {}): FormatSettings {
  const golden = GOLDEN_CASES.find((c) => c.formatId === formatId)?.settings ?? {};
  return { ...golden, ...DEMO_SETTINGS[formatId], ...extra };
}

export function formatConfig(formatId: string, settings: FormatSettings): ExportConfig {
  return {
    id: formatId,
    name: formatId,
    purpose: 'accounting',
    invoiceDateLimit: 'none',
    isDefault: false,
    target: { kind: 'format', formatId },
    settings,
  };
}

export function templateConfig(id: string, template: ExportTemplate): { config: ExportConfig; stored: StoredTemplate } {
  return {
    config: { ...formatConfig(id, {}), target: { kind: 'template', templateId: id } },
    stored: { id, template: { format: 'exportdesk-template', version: 1, template } },
  };
}

/** A run as the CLI makes it, every record of the period included; blocking issues are shown in the error. */
export async function run(
  data: CompanyData,
  config: ExportConfig,
  templates: readonly StoredTemplate[] = [],
  period: { from: string; to: string } = PERIOD,
): Promise<GeneratedExport> {
  const target = await resolveTarget(config, templates);
  const requested = runSelection(target.format.dataType, {
    ...(target.format.dataType === 'invoices' ? {} : period),
    includeExternal: true,
    onlyApproved: false,
  });
  if (!requested) throw new Error(`${config.id}: no selection`);
  const context = runContext({ now: NOW, locale: 'sv-SE', selection: requested });
  const selection = recordSelection(requested, TODAY);
  const { format, settings } = target;
  const plan = await planRun({ data, format, settings, targetIssues: target.issues, config, selection, context });
  let n = 0;
  try {
    return await generateExport(plan, format, config, settings, context, () => `id-${++n}`);
  } catch (error) {
    if (error instanceof ExportBlockedError)
      throw new Error(
        `${config.id}: ${error.message}; ${JSON.stringify(error.issues.filter((i) => i.severity === 'error').slice(0, 3))}`,
        { cause: error },
      );
    throw error;
  }
}

/** The run ended without an error issue, with files that hold bytes. */
export function expectCompleted(result: GeneratedExport): void {
  expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  expect(result.files.length).toBeGreaterThan(0);
  for (const file of result.files) expect(file.bytes.length).toBeGreaterThan(0);
}

/** Data lines of a one-file text export (a header line not counted). */
export function dataLines(result: GeneratedExport, header: boolean): number {
  const text = new TextDecoder().decode(result.download.bytes);
  let lines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  if (!text.endsWith('\n') && text !== '') lines++;
  return lines - (header ? 1 : 0);
}
