import { describe, expect, it } from 'vitest';
import type { Account } from '../../../src/core/domain/types.ts';
import { chartReceivableAccount, ledgerOptionsFrom } from '../../../src/core/ledger/invoice-ledger.ts';
import { testCompany } from '../../fixtures/test-company.ts';

const account = (number: string, role?: Account['role']): Account => ({
  number,
  name: number,
  kind: 'asset',
  vatCode: '',
  ...(role ? { role } : {}),
});

describe('chartReceivableAccount', () => {
  it.each([
    // chart, expected default receivable account
    ['NS 4102 (1500)', [account('1500'), account('1920')], '1500'],
    ['BAS (1510, no 1500)', [account('1510'), account('1930')], '1510'],
    ['Visma SE (1500 and an old 1510): the first of 1500, 1510', [account('1510'), account('1500')], '1500'],
    ['a marked account wins over 1500/1510', [account('1500'), account('1550', 'customer-receivables')], '1550'],
    ['neither, nothing marked', [account('1920')], ''],
  ] as const)('%s', (_name, chart, expected) => {
    expect(chartReceivableAccount(chart)).toBe(expected);
  });
});

describe('ledgerOptionsFrom', () => {
  it('takes the setting when one is given, else the chart', () => {
    const data = testCompany();
    expect(ledgerOptionsFrom(data, {}, { departmentSource: 'none' }).options.receivableAccount).toBe('1500');
    expect(
      ledgerOptionsFrom(data, { receivableAccount: ' 1501 ' }, { departmentSource: 'none' }).options.receivableAccount,
    ).toBe('1501');
  });
});
