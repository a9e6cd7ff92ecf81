import { describe, expect, it } from 'vitest';
import { generateExport, planExport } from '../../../src/core/export/pipeline.ts';
import { templateAsFormat } from '../../../src/core/templates/as-format.ts';
import type { LayoutTemplate } from '../../../src/core/templates/types.ts';
import type { ExportConfig } from '../../../src/core/export/types.ts';
import { smallCompany } from '../../helpers/small-company.ts';

const customersTemplate: LayoutTemplate = {
  kind: 'layout',
  name: 'Customers',
  dataType: 'customers',
  fileNamePattern: 'customers_{DATE}',
  fileExtension: 'csv',
  decimalSeparator: '.',
  lineBreak: 'unix',
  quoting: 'needed',
  quoteEmptyFields: false,
  encoding: 'utf-8',
  dataOptions: {},
  layout: 'delimited',
  delimiter: ';',
  headerRow: true,
  finalLineBreak: true,
  rowsFrom: '',
  columns: [
    { header: 'Number', field: 'number' },
    { header: 'Name', field: 'name' },
  ],
};

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
