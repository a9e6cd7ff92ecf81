import { describe, expect, it } from 'vitest';
import { DEMO_GOLDEN_DIR, demoAccountingExport } from '../../helpers/demo-export.ts';
import { expectGolden } from '../../helpers/golden.ts';

describe('the demo company is ready to export', () => {
  it('exports its waiting invoices with the configured accounting export, without errors', async () => {
    const result = await demoAccountingExport();
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.batch.invoiceIds.length).toBeGreaterThan(5);
    expectGolden(`${DEMO_GOLDEN_DIR}/${result.download.name}`, result.download.bytes);
  });
});
