/**
 * GBAT10 / Xledger AR10 rules of issue 12: gross mode (BruttoSum and VAT code on the customer
 * row) and column 25 (Z) payment terms as a StdReg code mapped from days.
 */
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/core/encoding/text-encoding.ts';
import { formatOf } from '../../helpers/loaded-formats.ts';
import type { FormatSettings } from '../../../src/core/formats/types.ts';
import { EXCHANGE_RATES, testCompany } from '../../fixtures/test-company.ts';
import { GOLDEN_CONTEXT } from './golden-cases.ts';
import { messageOf } from '../../helpers/english-issue.ts';

function run(id: string, settings: FormatSettings) {
  const result = formatOf(id)!.generate(testCompany(), { exchangeRates: EXCHANGE_RATES, ...settings }, GOLDEN_CONTEXT);
  const text = result.files[0] ? decodeText(result.files[0].bytes, 'windows-1252') : '';
  return {
    result,
    rows: text
      .split('\r\n')
      .filter(Boolean)
      .map((line) => line.split(';')),
  };
}
const customerRows = (rows: string[][]) => rows.filter((r) => r[9] !== '');

describe.each(['gbat10', 'xledger-ar10'])('%s', (id) => {
  it('gross mode: the customer row has Brutto T, BruttoSum = Saldo and VAT code 1 (Moment: "Set VAT code to 1 on the 1510 rows")', () => {
    const { result, rows } = run(id, { vatMethod: 'gross' });
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    for (const r of customerRows(rows)) {
      expect(r[7]).toBe('1');
      expect(r[26]).toBe('T');
      expect(r[27]).toBe(r[8]);
    }
    for (const r of rows) expect(r[26]).toBe('T');
  });

  it('gross mode: the customer row VAT code comes from the setting', () => {
    const { rows } = run(id, { vatMethod: 'gross', customerRowVatCode: '0' });
    expect(new Set(customerRows(rows).map((r) => r[7]))).toEqual(new Set(['0']));
  });

  it('payment terms: mapped days give the code, unmapped ones an empty column and one warning per file', () => {
    const { result, rows } = run(id, { paymentTermsCodes: '14=2' });
    const byCustomer = new Map(customerRows(rows).map((r) => [r[9], r[25]]));
    expect(byCustomer.get('10001')).toBe('2'); // 14 days
    expect(byCustomer.get('10003')).toBe(''); // 30 days, unmapped
    const warnings = result.issues.filter((i) => i.code === 'payment-terms-unmapped');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', field: 'paymentTermsCodes' });
    expect(messageOf(warnings[0]!)).toContain('30 days');
    expect(messageOf(warnings[0]!)).toContain('column 25 = Z');
  });

  it('payment terms: empty by default, never days', () => {
    const { result, rows } = run(id, {});
    expect(customerRows(rows).every((r) => r[25] === '')).toBe(true);
    expect(result.issues.filter((i) => i.code === 'payment-terms-unmapped')).toHaveLength(1);
  });

  it('payment terms: every mapped days value gives no warning', () => {
    const { result } = run(id, { paymentTermsCodes: '14=2; 30=3' });
    expect(result.issues.filter((i) => i.code === 'payment-terms-unmapped')).toEqual([]);
  });

  it('payment terms: a code that is not 1–4 digits, or an entry that is not days=code, is a pre-flight error', () => {
    for (const bad of ['14=12345', '14=A1', '14', 'fourteen=2']) {
      const issues = formatOf(id)!.preflight(testCompany(), { paymentTermsCodes: bad }, GOLDEN_CONTEXT);
      expect(issues, bad).toContainEqual(
        expect.objectContaining({ severity: 'error', code: 'invalid-setting', field: 'paymentTermsCodes' }),
      );
    }
  });
});
