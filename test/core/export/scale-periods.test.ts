/**
 * Issue 15, item 2: every registered period format (time records and claims) exports 300k
 * records of one period through the pipeline, and so do templates over time records and
 * expenses. The payroll files carry every record (Hogia: one instruction each) and the period's
 * hours. Formats come from FORMATS, so one registered later is run too. Shared data and run:
 * ./scale-fixtures.ts. (Hogia's XML root once took one argument per record and overflowed the
 * stack past some 40k–80k records: issue 15.)
 */
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../../src/core/formats/registry.ts';
import type { ExportTemplate } from '../../../src/core/templates/types.ts';
import { TIME_LAYOUT_TEMPLATE, TIME_TEXT_TEMPLATE } from '../../../bench/harness/fixtures.ts';
import {
  dataLines,
  expectCompleted,
  formatConfig,
  PERIOD_RECORDS,
  periodCompany,
  run,
  SCALE_TIMEOUT,
  settingsOf,
  templateConfig,
} from './scale-fixtures.ts';

const data = periodCompany();
const hundredths = data.timeRecords.reduce((s, r) => s + Math.round(r.hours * 100), 0);

describe(`every period format over ${PERIOD_RECORDS} records (issue 15)`, { timeout: SCALE_TIMEOUT }, () => {
  it('has the records it promises', () => {
    expect(data.timeRecords).toHaveLength(PERIOD_RECORDS);
    expect(data.claims).toHaveLength(PERIOD_RECORDS);
  });

  for (const format of FORMATS.filter((f) => f.dataType === 'timeRecords' || f.dataType === 'claims')) {
    it(`${format.id}: all ${format.dataType} of the period`, async () => {
      const result = await run(data, formatConfig(format.id, settingsOf(format.id)));
      expectCompleted(result);
      expect(result.batch.recordCount).toBe(PERIOD_RECORDS);
      expect(JSON.parse(result.recordKeysJson)).toHaveLength(PERIOD_RECORDS);
      // Files that state their hours state all of the period's.
      const stated = result.files.filter((f) => f.controlTotals['hours'] !== undefined);
      if (format.dataType === 'timeRecords' && stated.length > 0)
        expect(Math.round(stated.reduce((s, f) => s + f.controlTotals['hours']! * 100, 0))).toBe(hundredths);
      if (format.id === 'hogia') {
        const text = new TextDecoder().decode(result.files[0]!.bytes);
        expect(text.split('<PayTypeInstruction>').length - 1).toBe(PERIOD_RECORDS);
      }
    });
  }

  /**
   * A Liquid text template stops at its render limit (DEFAULT_LIMITS.renderMs, 10 s), which 300k
   * loop turns pass on a busy machine, by design; it runs over a quarter. Layouts have no limit.
   */
  const QUARTER = { from: '2026-06-01', to: '2026-08-31' };
  const templates: { id: string; template: ExportTemplate; rows: number; period?: typeof QUARTER }[] = [
    {
      id: 'time-text',
      template: TIME_TEXT_TEMPLATE,
      rows: data.timeRecords.filter((r) => r.date >= QUARTER.from && r.date <= QUARTER.to).length,
      period: QUARTER,
    },
    { id: 'time-layout', template: TIME_LAYOUT_TEMPLATE, rows: PERIOD_RECORDS },
    {
      id: 'expenses-layout',
      template: {
        ...TIME_LAYOUT_TEMPLATE,
        name: 'Scale expenses',
        dataType: 'expenses',
        columns: [
          { header: 'claim', field: 'claimNumber' },
          { header: 'date', field: 'date' },
          { header: 'employee', field: 'employeeNumber' },
          { header: 'type', field: 'expenseType' },
          { header: 'amount', field: 'amount', format: { type: 'amount', decimals: 2 } },
        ],
      },
      rows: PERIOD_RECORDS,
    },
  ];
  for (const t of templates) {
    it(`template ${t.id} (${t.template.dataType}): ${t.rows} rows`, async () => {
      const { config, stored } = templateConfig(t.id, t.template);
      const result = await run(data, config, [stored], t.period);
      expectCompleted(result);
      expect(dataLines(result, 'headerRow' in t.template && t.template.headerRow)).toBe(t.rows);
    });
  }
});
