import { describe, expect, it } from 'vitest';
import {
  DEMO_GOLDEN_DIR,
  DEMO_LAST_MONTH,
  demoAccountingExport,
  demoPayrollExport,
} from '../../helpers/demo-export.ts';
import { expectGolden } from '../../helpers/golden.ts';
import { generateDemoCompany } from '../../../src/core/demo/demo-company.ts';
import { demoExportConfigs } from '../../../src/core/export/demo-export-configs.ts';
import { resolveTarget } from '../../../src/core/export/targets.ts';
import { planExport } from '../../../src/core/export/pipeline.ts';

describe('the demo company is ready to export', () => {
  it('exports its waiting invoices with the configured accounting export, without errors', async () => {
    const result = await demoAccountingExport();
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.batch.invoiceIds.length).toBeGreaterThan(5);
    expectGolden(`${DEMO_GOLDEN_DIR}/${result.download.name}`, result.download.bytes);
  });
});

describe('the demo payroll export of last month', () => {
  it('matches its golden file (the Playwright period export compares its download with it)', async () => {
    const result = await demoPayrollExport(DEMO_LAST_MONTH);
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect((JSON.parse(result.recordKeysJson) as string[]).length).toBeGreaterThan(50);
    expect(result.batch.recordKeys).toEqual([]); // stored apart (exportBatchKeys)
    expectGolden(`${DEMO_GOLDEN_DIR}/${result.download.name}`, result.download.bytes);
  });
});

describe('every export configured with a demo company passes pre-flight', () => {
  it.each(['NO', 'SE'] as const)('%s', async (country) => {
    const today = '2026-11-26';
    const data = generateDemoCompany({ country, today });
    for (const config of demoExportConfigs(country)) {
      const target = await resolveTarget(config, []);
      expect(target.issues).toEqual([]);
      const selection =
        target.format.dataType === 'invoices'
          ? {
              kind: 'invoices' as const,
              today,
              invoiceIds: data.invoices.filter((i) => i.status === 'finalized').map((i) => i.id),
            }
          : { kind: 'period' as const, from: '2025-11-27', to: today, includeExternal: false, onlyApproved: true };
      const context = { now: `${today}T10:00:00`, locale: 'nb-NO', programName: 'Exportdesk', programVersion: 'test' };
      const plan = planExport(data, target.format, config, target.settings, selection, context);
      expect(plan.summary.recordCount).toBeGreaterThan(100);
      expect(plan.summary.issues.filter((i) => i.severity === 'error')).toEqual([]);
    }
  });
});
