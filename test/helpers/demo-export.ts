/**
 * The export a new user makes right after loading the demo company (the Playwright test
 * freezes the browser clock at DEMO_NOW and compares its download with this golden file).
 */
import { generateDemoCompany } from '../../src/core/demo/demo-company.ts';
import { demoExportConfigs } from '../../src/core/export/demo-export-configs.ts';
import { generateExport, planExport } from '../../src/core/export/pipeline.ts';
import { resolveTarget } from '../../src/core/export/targets.ts';
import { PROGRAM_NAME, PROGRAM_VERSION } from '../../src/core/program.ts';

export const DEMO_NOW = '2026-11-26T10:00:00';
/** Golden files of the demo's exports, named as the app names the download. */
export const DEMO_GOLDEN_DIR = 'test/golden/e2e';

export async function demoAccountingExport() {
  const today = DEMO_NOW.slice(0, 10);
  const data = generateDemoCompany({ seed: 1, country: 'NO', today });
  const config = demoExportConfigs('NO')[0]!;
  const target = await resolveTarget(config, []);
  const context = { now: DEMO_NOW, locale: 'nb-NO', programName: PROGRAM_NAME, programVersion: PROGRAM_VERSION };
  const plan = planExport(data, target.format, config, target.settings, { kind: 'invoices', today }, context);
  let n = 0;
  return generateExport(plan, target.format, config, target.settings, context, () => `id-${++n}`);
}

/** The demo's payroll export of one period, as Time records → Export… makes it with its default options. */
export async function demoPayrollExport(period: { from: string; to: string }) {
  const today = DEMO_NOW.slice(0, 10);
  const data = generateDemoCompany({ seed: 1, country: 'NO', today });
  const config = demoExportConfigs('NO')[1]!;
  const target = await resolveTarget(config, []);
  const context = {
    now: DEMO_NOW,
    locale: 'nb-NO',
    programName: PROGRAM_NAME,
    programVersion: PROGRAM_VERSION,
    period,
  };
  const selection = { kind: 'period' as const, ...period, includeExternal: false, onlyApproved: true };
  const plan = planExport(data, target.format, config, target.settings, selection, context);
  let n = 0;
  return generateExport(plan, target.format, config, target.settings, context, () => `id-${++n}`);
}

/** Last month as the period dialog proposes it on DEMO_NOW. */
export const DEMO_LAST_MONTH = { from: '2026-10-01', to: '2026-10-31' };
