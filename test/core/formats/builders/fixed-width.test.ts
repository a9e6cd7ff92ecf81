import { describe, expect, it } from 'vitest';
import {
  buildFixedWidth,
  checkFixedWidthLayout,
  type FixedWidthLayout,
} from '../../../../src/core/formats/builders/fixed-width.ts';

const layout: FixedWidthLayout = {
  recordLength: 30,
  lineEnding: 'CRLF',
  encoding: 'iso-8859-1',
  fields: [
    { name: 'Employee', width: 6, field: 'employee', zeroFill: true },
    { name: 'Name', width: 10, field: 'name', overflow: 'truncate' },
    { name: 'Amount', width: 8, field: 'amount', format: { type: 'amount', impliedDecimals: true }, zeroFill: true },
    { name: 'Date', width: 6, field: 'date', format: { type: 'date', pattern: 'ddMMyy' } },
  ],
};

describe('buildFixedWidth', () => {
  it('pads, zero-fills and keeps every record at the declared length', () => {
    const built = buildFixedWidth(layout, [
      { employee: '42', name: 'Åse', amount: 123456, date: '2026-11-02' },
      { employee: '7', name: 'Nils', amount: -995, date: '' },
    ]);
    expect(built.issues).toEqual([]);
    const lines = built.text.split('\r\n').filter(Boolean);
    expect(lines).toEqual(['000042Åse       00123456021126', '000007Nils      -0000995      ']);
    for (const line of lines) expect([...line]).toHaveLength(30);
  });

  it('cuts a long text with a warning and refuses a long number', () => {
    const built = buildFixedWidth(
      layout,
      [{ employee: '1234567', name: 'Langtidskunde AS', amount: 1234567890, date: '2026-11-02' }],
      {
        recordOf: () => ({ kind: 'user', key: '1234567' }),
      },
    );
    expect(built.issues.map((i) => [i.severity, i.code, i.field])).toEqual([
      ['error', 'too-long', 'Employee'],
      ['warning', 'truncated', 'Name'],
      ['error', 'too-long', 'Amount'],
    ]);
    const line = built.text.split('\r\n')[0]!;
    expect([...line]).toHaveLength(30);
    expect(built.issues[0]!.record).toEqual({ kind: 'user', key: '1234567' });
  });

  it('reports a layout whose widths do not add up, and a record that comes out too long', () => {
    const bad = { ...layout, recordLength: 31 };
    expect(checkFixedWidthLayout(bad)).toEqual(['field widths add up to 30, but the record length is 31']);
    const built = buildFixedWidth(bad, [{ employee: '1', name: 'A', amount: 1, date: '2026-11-02' }]);
    expect(built.issues.map((i) => i.code)).toEqual(['bad-layout', 'record-length']);
  });
});
