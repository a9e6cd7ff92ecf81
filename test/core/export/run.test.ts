/** The run rules the export worker and the CLI share (src/core/export/run.ts). */
import { describe, expect, it } from 'vitest';
import {
  configProblems,
  describeConfig,
  recordSelection,
  runContext,
  runLoad,
  runSelection,
} from '../../../src/core/export/run.ts';
import type { ExportBatch, ExportConfig } from '../../../src/core/export/types.ts';
import { messageOf } from '../../helpers/english-issue.ts';

const config: ExportConfig = {
  id: 'c',
  name: 'SIE',
  purpose: 'accounting',
  target: { kind: 'format', formatId: 'sie4' },
  settings: {},
  invoiceDateLimit: 'end-of-last-month',
  isDefault: true,
};

describe('export run rules', () => {
  it('takes invoices and master data as waiting, time records and claims by period', () => {
    const flags = { includeExternal: true, onlyApproved: false };
    expect(runSelection('invoices', flags)).toEqual({ kind: 'invoices' });
    expect(runSelection('customers', { ...flags, from: '2026-10-01', to: '2026-10-31' })).toEqual({
      kind: 'invoices',
      issueDateRange: { from: '2026-10-01', to: '2026-10-31' },
    });
    expect(runSelection('timeRecords', flags)).toBeNull();
    expect(runSelection('claims', { ...flags, from: '2026-10-01', to: '2026-10-31' })).toEqual({
      kind: 'period',
      from: '2026-10-01',
      to: '2026-10-31',
      includeExternal: true,
      onlyApproved: false,
      leaveOutExported: false,
    });
  });

  it('reads invoices up to the date limit, or the period', () => {
    expect(runLoad(config, 'invoices', { kind: 'invoices' }, '2026-11-26')).toEqual({
      kind: 'invoices',
      lastIssueDate: '2026-10-31',
    });
    expect(runLoad({ ...config, invoiceDateLimit: 'none' }, 'invoices', { kind: 'invoices' }, '2026-11-26')).toEqual({
      kind: 'invoices',
      lastIssueDate: '9999-99-99',
    });
    const period = {
      kind: 'period' as const,
      from: '2026-10-01',
      to: '2026-10-31',
      includeExternal: false,
      onlyApproved: true,
      leaveOutExported: true,
    };
    expect(runLoad(config, 'timeRecords', period, '2026-11-26')).toEqual({
      kind: 'period',
      dataType: 'timeRecords',
      from: '2026-10-01',
      to: '2026-10-31',
    });
    const earlier = { recordKeys: ['t1', 't2'] } as ExportBatch;
    expect(recordSelection(period, '2026-11-26', [earlier])).toEqual({
      kind: 'period',
      from: '2026-10-01',
      to: '2026-10-31',
      includeExternal: false,
      onlyApproved: true,
      exclude: new Set(['t1', 't2']),
    });
    expect(recordSelection({ ...period, leaveOutExported: false }, '2026-11-26', [earlier])).not.toHaveProperty(
      'exclude',
    );
    expect(runContext({ now: '2026-11-26T10:00:00', locale: 'nb-NO', selection: period }).period).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
    });
    expect(
      runContext({ now: '2026-11-26T10:00:00', locale: 'nb-NO', selection: { kind: 'invoices' } }),
    ).not.toHaveProperty('period');
  });

  it('describes and checks configs from metadata, naming what cannot run', () => {
    expect(describeConfig(config, [])).toEqual({
      id: 'c',
      name: 'SIE',
      purpose: 'accounting',
      isDefault: true,
      targetName: 'SIE 4 (type 4I, verifications)',
      dataType: 'invoices',
      problem: '',
    });
    expect(
      configProblems({ ...config, settings: { series: 'A B' } }, []).map((p) => ({
        key: p.key,
        message: messageOf(p.issue),
      })),
    ).toEqual([{ key: 'series', message: 'Voucher series has an invalid form: "A B".' }]);
    const missing = { ...config, target: { kind: 'template' as const, templateId: 'gone' } };
    expect(describeConfig(missing, [])).toMatchObject({ targetName: '', problem: expect.stringContaining('deleted') });
  });
});
