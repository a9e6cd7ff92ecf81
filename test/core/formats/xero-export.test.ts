/**
 * Xero through the export pipeline (issue 12, item 2): invoices and credit notes are two files,
 * so the download is a ZIP whose manifest names both; one kind alone is one plain CSV.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { generateExport, planExport } from '../../../src/core/export/pipeline.ts';
import type { ExportConfig } from '../../../src/core/export/types.ts';
import { testCompany } from '../../fixtures/test-company.ts';
import { formatOf } from '../../helpers/loaded-formats.ts';
import { GOLDEN_CONTEXT, XERO_TAX_TYPES } from './golden-cases.ts';

const config: ExportConfig = {
  id: 'x',
  name: 'Xero',
  purpose: 'accounting',
  target: { kind: 'format', formatId: 'xero' },
  settings: { taxTypes: XERO_TAX_TYPES },
  invoiceDateLimit: 'none',
  isDefault: false,
};

async function exportInvoices(invoiceIds: string[]) {
  const xero = formatOf('xero')!;
  const data = testCompany();
  const plan = planExport(
    data,
    xero,
    config,
    config.settings,
    { kind: 'invoices', invoiceIds, today: '2026-11-26' },
    GOLDEN_CONTEXT,
  );
  expect(plan.summary.issues.filter((i) => i.severity === 'error')).toEqual([]);
  let n = 0;
  return generateExport(plan, xero, config, config.settings, GOLDEN_CONTEXT, () => `id${++n}`);
}

describe('a Xero export with invoices and credit notes', () => {
  it('downloads a ZIP whose manifest names the invoice file and the credit-note file', async () => {
    const data = testCompany();
    const ids = data.invoices.filter((i) => i.status === 'finalized').map((i) => i.id);
    expect(data.invoices.some((i) => i.type === 'credit' && ids.includes(i.id))).toBe(true);
    const result = await exportInvoices(ids);
    expect(result.download.mimeType).toBe('application/zip');
    const zip = await JSZip.loadAsync(result.download.bytes);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as {
      files: { name: string; recordCount: number; controlTotals: Record<string, number> }[];
    };
    const names = ['XERO-INVOICES_20261126-0930.csv', 'XERO-CREDITNOTES_20261126-0930.csv'];
    expect(manifest.files.map((f) => f.name)).toEqual(names);
    expect(Object.keys(zip.files).sort()).toEqual([...names, 'manifest.json'].sort());
    expect(manifest.files[1]!.controlTotals['credit notes']).toBe(1);
    expect(manifest.files[1]!.controlTotals['gross NOK']).toBeGreaterThan(0);
    expect(result.batch.files.map((f) => f.name)).toEqual(names);
  });

  it('downloads the plain CSV when only invoices, or only credit notes, are exported', async () => {
    const data = testCompany();
    const finalized = data.invoices.filter((i) => i.status === 'finalized');
    const invoices = await exportInvoices(finalized.filter((i) => i.type !== 'credit').map((i) => i.id));
    expect(invoices.download.name).toBe('XERO-INVOICES_20261126-0930.csv');
    const credits = await exportInvoices(finalized.filter((i) => i.type === 'credit').map((i) => i.id));
    expect(credits.download.name).toBe('XERO-CREDITNOTES_20261126-0930.csv');
    expect(new TextDecoder().decode(credits.download.bytes)).toMatch(/^\*ContactName,.*,\*CreditNoteNumber,/);
  });
});
