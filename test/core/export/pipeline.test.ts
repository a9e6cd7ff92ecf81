import { describe, expect, it } from 'vitest';
import { ExportBlockedError, generateExport, planExport } from '../../../src/core/export/pipeline.ts';
import { issue } from '../../../src/core/formats/issues.ts';
import { generateDemoCompany } from '../../../src/core/demo/demo-company.ts';
import { resolveTarget } from '../../../src/core/export/targets.ts';
import type { ExportIssue, FormatDefinition } from '../../../src/core/formats/types.ts';
import { lineFormat } from '../../helpers/test-format.ts';
import { templateAsFormat } from '../../../src/core/templates/as-format.ts';
import type { LayoutTemplate } from '../../../src/core/templates/types.ts';
import type { ExportConfig } from '../../../src/core/export/types.ts';
import { smallCompany } from '../../helpers/small-company.ts';
import { layoutTemplate } from '../../helpers/templates.ts';

const customersTemplate: LayoutTemplate = layoutTemplate({
  fileNamePattern: 'customers_{DATE}',
  columns: [
    { header: 'Number', field: 'number' },
    { header: 'Name', field: 'name' },
  ],
});

describe('a master-data export (a customers template) from the export page', () => {
  it('exports every customer and changes no invoice status', async () => {
    const format = templateAsFormat(customersTemplate, 'template:customers');
    const config: ExportConfig = {
      id: 'c',
      name: 'Customers',
      purpose: 'accounting',
      target: { kind: 'template', templateId: 'customers' },
      settings: {},
      invoiceDateLimit: 'none',
      isDefault: false,
    };
    const context = { now: '2026-06-01T12:00:00', locale: 'nb-NO', programName: 'Exportdesk', programVersion: 'test' };
    const plan = planExport(smallCompany(), format, config, {}, { kind: 'invoices', today: '2026-06-01' }, context);
    expect(plan.summary.recordCount).toBe(1);
    const result = await generateExport(plan, format, config, {}, context, () => 'id');
    expect(new TextDecoder().decode(result.download.bytes)).toBe('Number;Name\n10;Kunde Én AS\n');
    expect(result.batch.invoiceIds).toEqual([]);
  });
});

describe('the issues of a run', () => {
  const context = { now: '2026-06-01T12:00:00', locale: 'nb-NO', programName: 'Exportdesk', programVersion: 'test' };
  const config: ExportConfig = {
    id: 'c',
    name: 'Lines',
    purpose: 'accounting',
    target: { kind: 'format', formatId: 'test-lines' },
    settings: {},
    invoiceDateLimit: 'none',
    isDefault: false,
  };
  const cut = (key: string) =>
    issue('warning', 'truncated', { value: 'Long text', limit: 4, cut: 'Long' }, { kind: 'invoice', key }, 'Text');

  /** A format that, like the built-in ones, reports pre-flight's findings again from generate (as new objects). */
  function repeatingFormat(preflight: () => ExportIssue[], generated: () => ExportIssue[]): FormatDefinition {
    const base = lineFormat();
    return {
      ...base,
      preflight,
      generate: (data, settings, ctx) => ({ ...base.generate(data, settings, ctx), issues: generated() }),
    };
  }

  it('names each condition once when pre-flight and generation both find it', async () => {
    const format = repeatingFormat(
      () => [cut('1001')],
      () => [cut('1001'), cut('1002'), cut('1002')],
    );
    const plan = planExport(smallCompany(), format, config, {}, { kind: 'invoices', today: '2026-06-01' }, context);
    expect(plan.summary.issues).toEqual([cut('1001')]);
    const result = await generateExport(plan, format, config, {}, context, () => 'id');
    expect(result.issues).toEqual([cut('1001'), cut('1002')]);
  });

  it('keeps issues that differ in code, record, field or parameters', async () => {
    const variants = [
      cut('1001'),
      { ...cut('1001'), code: 'too-long' },
      cut('1002'),
      { ...cut('1001'), field: 'Name' },
      { ...cut('1001'), params: { ...cut('1001').params, limit: 5 } },
    ];
    const format = repeatingFormat(
      () => [],
      () => [...variants, ...variants.map((v) => ({ ...v }))],
    );
    const plan = planExport(smallCompany(), format, config, {}, { kind: 'invoices', today: '2026-06-01' }, context);
    const result = await generateExport(plan, format, config, {}, context, () => 'id');
    expect(result.issues).toEqual(variants);
  });

  it('blocks with each error once', async () => {
    const refused = () => issue('error', 'empty-invoice', { invoice: '1001' }, { kind: 'invoice', key: '1001' });
    const format = repeatingFormat(
      () => [cut('1001')],
      () => [cut('1001'), refused(), refused()],
    );
    const plan = planExport(smallCompany(), format, config, {}, { kind: 'invoices', today: '2026-06-01' }, context);
    const run = generateExport(plan, format, config, {}, context, () => 'id');
    await expect(run).rejects.toBeInstanceOf(ExportBlockedError);
    expect(((await run.catch((e: unknown) => e)) as ExportBlockedError).issues).toEqual([cut('1001'), refused()]);
  });

  it('an SG Finans run over the demo company returns the warnings pre-flight showed, once each', async () => {
    const today = '2026-11-26';
    const data = generateDemoCompany({ seed: 1, country: 'NO', today });
    const sgConfig: ExportConfig = {
      ...config,
      id: 'sg',
      name: 'SG Finans',
      purpose: 'factoring',
      target: { kind: 'format', formatId: 'sg-finans' },
      settings: { clientNumber: '1234' },
    };
    const target = await resolveTarget(sgConfig, []);
    const selection = {
      kind: 'invoices' as const,
      today,
      // The company's own currency: a foreign one needs an exchange rate setting.
      invoiceIds: data.invoices.filter((i) => i.status === 'finalized' && i.currency === 'NOK').map((i) => i.id),
    };
    const plan = planExport(data, target.format, sgConfig, target.settings, selection, {
      ...context,
      now: `${today}T10:00:00`,
    });
    expect(plan.summary.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(plan.summary.issues.filter((i) => i.severity === 'warning').length).toBeGreaterThan(0);
    const result = await generateExport(plan, target.format, sgConfig, target.settings, context, () => 'id');
    expect(result.issues).toEqual(plan.summary.issues);
  });
});
