import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  checkAmount,
  checkCountryCode,
  checkDate,
  checkEmail,
  checkHours,
  checkOrgNumber,
  checkPeppolId,
  checkPostalCode,
  validateRegisterRecord,
  type FieldProblem,
} from '../../../src/core/validation/index.ts';
import { generateDemoCompany } from '../../../src/core/demo/index.ts';
import { referenceData } from '../import/helpers.ts';
import { RULE_CASES } from './cases.ts';

const codes = (problems: FieldProblem[]) => problems.map((p) => `${p.severity}:${p.code}`);

const CHECKDIGITS = fileURLToPath(
  new URL('../../../../shared/corpora/checkdigits/no_kid_orgnr_vectors.csv', import.meta.url),
);

describe('Norwegian organisation numbers: the MOD11 vectors of shared/corpora/checkdigits', () => {
  const vectors = readFileSync(CHECKDIGITS, 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.includes(',NO-ORGNR-MOD11,'))
    .map((line) => line.split(',') as [string, string, string]);

  it('has the vectors', () => expect(vectors.length).toBeGreaterThanOrEqual(3));
  it.each(vectors)('%s (%s, valid: %s)', (value, _scheme, valid) => {
    expect(checkOrgNumber('orgNumber', value, 'NO')).toEqual(
      valid === 'true' ? [] : [expect.objectContaining({ severity: 'error' })],
    );
  });
  it("refuses 123456789 (the issue's test) and accepts 919399619", () => {
    expect(codes(checkOrgNumber('orgNumber', '123456789', 'NO'))).toEqual(['error:org-number-check-digit']);
    expect(checkOrgNumber('orgNumber', '919399619', 'NO')).toEqual([]);
  });
});

describe('rule functions', () => {
  it.each<[string, FieldProblem[], string[]]>([
    ['empty org number', checkOrgNumber('o', '', 'NO'), []],
    ['org number, other country unchecked', checkOrgNumber('o', 'anything 123', 'DE'), []],
    ['org number, too long anywhere', checkOrgNumber('o', 'x'.repeat(41), 'DE'), ['error:org-number-too-long']],
    ['SE 12-digit with 16', checkOrgNumber('o', '165560360793', 'SE'), ['warning:org-number-format']],
    ['e-mail with spaces', checkEmail('e', 'kari nordmann@firma.no'), ['error:email-format']],
    ['e-mail with two @', checkEmail('e', 'a@b@firma.no'), ['error:email-format']],
    ['e-mail, Nordic domain', checkEmail('e', 'post@blåbær.no'), []],
    ['country EU (not assigned)', checkCountryCode('c', 'EU'), ['error:country-code']],
    ['country SE', checkCountryCode('c', 'SE'), []],
    ['postal code DK not checked', checkPostalCode('p', '1050', 'DK'), []],
    ['PEPPOL without own org number', checkPeppolId('p', '0192:919399619', ''), []],
    ['date 2024-02-30', checkDate('d', '2024-02-30'), ['error:date-format']],
    ['date 2199-12-31', checkDate('d', '2199-12-31'), []],
    ['date 0024-03-01 (a slip for 2024)', checkDate('d', '0024-03-01'), ['error:date-range']],
    ['date 2024-3-1', checkDate('d', '2024-3-1'), ['error:date-format']],
    ['amount 2^53', checkAmount('a', 2 ** 53), ['error:amount-range']],
    ['amount 1.5 minor units', checkAmount('a', 1.5), ['error:amount-range']],
    ['amount -2^53+1', checkAmount('a', -(2 ** 53) + 1), []],
    ['hours NaN', checkHours('h', Number.NaN), ['error:number-format']],
    ['hours 24.0001', checkHours('h', 24.0001), ['error:hours-range']],
  ])('%s', (_, problems, expected) => {
    expect(codes(problems)).toEqual(expected);
  });

  it('every problem has a field, params and an English message; rules never throw', () => {
    const odd: unknown[] = [
      undefined,
      null,
      '',
      ' ',
      0,
      -1,
      1e308,
      Number.NaN,
      {},
      [],
      true,
      '\u0000',
      'x'.repeat(500),
    ];
    for (const value of odd) {
      const all = [
        ...checkOrgNumber('o', value, 'NO'),
        ...checkOrgNumber('o', value, 'SE'),
        ...checkEmail('e', value),
        ...checkCountryCode('c', value),
        ...checkPostalCode('p', value, 'SE'),
        ...checkPeppolId('p', value, ''),
        ...checkDate('d', value),
        ...checkAmount('a', value),
        ...checkHours('h', value),
      ];
      for (const p of all) {
        expect(p.field).not.toBe('');
        expect(typeof p.params).toBe('object');
        expect(p.message.length).toBeGreaterThan(5);
      }
    }
  });

  it('the case table covers every severity and the values issue 13 names', () => {
    const values = RULE_CASES.filter((c) => c.expect !== 'ok').map((c) => c.values[c.field]);
    for (const named of ['12345', 'ikke-en-epost', 'NORGE', '25.5']) expect(values).toContain(named);
    expect(new Set(RULE_CASES.map((c) => (c.expect === 'ok' ? 'ok' : c.expect[0])))).toEqual(
      new Set(['ok', 'error', 'warning']),
    );
  });
});

describe('validateRegisterRecord', () => {
  const master = referenceData();
  const customer = { number: '2001', name: 'Ny Kunde AS', countryCode: 'NO', currency: 'NOK', paymentTermsDays: 14 };

  it('asks for the required fields', () => {
    expect(validateRegisterRecord('customer', { ...customer, name: ' ' }, master)).toEqual([
      expect.objectContaining({ field: 'name', severity: 'error', code: 'required' }),
    ]);
    expect(codes(validateRegisterRecord('user', {}, master))).toEqual(['error:required', 'error:required']);
  });

  it("refuses a key another record has, but not the record's own key on an edit", () => {
    expect(validateRegisterRecord('customer', { ...customer, number: '1001' }, master)).toEqual([
      expect.objectContaining({ field: 'number', code: 'duplicate-key', params: { value: '1001' } }),
    ]);
    expect(
      validateRegisterRecord('customer', { ...customer, number: '1001' }, master, { originalKey: '1001' }),
    ).toEqual([]);
    expect(
      codes(validateRegisterRecord('user', { employeeNumber: '1002', name: 'Ola' }, master, { originalKey: '1001' })),
    ).toEqual(['error:duplicate-key']);
  });

  it('checks references to accounts, VAT codes and customers', () => {
    expect(codes(validateRegisterRecord('customer', { ...customer, ledgerAccount: '1500' }, master))).toEqual([
      'error:unknown-account',
    ]);
    expect(
      codes(validateRegisterRecord('project', { number: 'P-9', name: 'X', customerNumber: '404' }, master)),
    ).toEqual(['error:unknown-customer']);
    expect(
      codes(
        validateRegisterRecord('expenseType', { code: 'X', name: 'X', accountNumber: '3000', vatCode: '99' }, master),
      ),
    ).toEqual(['error:unknown-vat-code']);
    // VAT codes and accounts refer to each other; one of them comes first, so only a warning.
    expect(
      codes(
        validateRegisterRecord(
          'vatCode',
          { code: '1', ratePercent: 25, accountNumber: '2710', standardTaxCode: '1' },
          master,
        ),
      ),
    ).toEqual(['warning:unknown-account']);
    expect(
      codes(
        validateRegisterRecord('vatCode', { code: '1', ratePercent: 25, accountNumber: '2710' }, master, {
          checkReferences: false,
        }),
      ),
    ).toEqual(['warning:standard-tax-code-missing']);
  });

  it('keeps the receivable role on one account and checks the SAF-T grouping', () => {
    const data = generateDemoCompany({ today: '2026-03-15' });
    const account = {
      number: '1501',
      name: 'Kundefordringer 2',
      kind: 'asset',
      vatCode: '',
      role: 'customer-receivables',
    };
    expect(validateRegisterRecord('account', account, data)).toEqual([
      expect.objectContaining({
        field: 'role',
        code: 'account-role-taken',
        params: { value: 'customer-receivables', account: '1500' },
      }),
    ]);
    // Renumbering 1500 itself keeps its role.
    expect(validateRegisterRecord('account', account, data, { originalKey: '1500' })).toEqual([]);
    expect(
      codes(
        validateRegisterRecord(
          'account',
          { number: '3999', name: 'X', kind: 'income', vatCode: '', saftGroupingCategory: 'inntekt' },
          data,
        ),
      ),
    ).toEqual(['error:account-kind', 'warning:saft-grouping-category', 'warning:saft-grouping-incomplete']);
  });

  it('checks the company: org number required and valid for its country, NO or SE only', () => {
    const company = { ...master.company, name: 'Fjordlys AS', orgNumber: '919399619' };
    expect(validateRegisterRecord('company', company, master)).toEqual([]);
    expect(codes(validateRegisterRecord('company', { ...company, orgNumber: '123456789' }, master))).toEqual([
      'error:org-number-check-digit',
    ]);
    expect(codes(validateRegisterRecord('company', { ...company, orgNumber: '' }, master))).toEqual(['error:required']);
    expect(
      codes(
        validateRegisterRecord(
          'company',
          { ...company, countryCode: 'SE', orgNumber: '556036-0793', postalCode: '113 56' },
          master,
        ),
      ),
    ).toEqual([]);
    expect(
      codes(validateRegisterRecord('company', { ...company, countryCode: 'DK', orgNumber: '12345678' }, master)),
    ).toEqual(['error:company-country']);
    expect(codes(validateRegisterRecord('company', { ...company, fiscalYearStart: '02-30' }, master))).toEqual([
      'error:fiscal-year-start',
    ]);
  });

  it('finds nothing wrong in the demo companies, record by record', () => {
    for (const country of ['NO', 'SE'] as const) {
      const data = generateDemoCompany({ today: '2026-03-15', country });
      const all: FieldProblem[] = [...validateRegisterRecord('company', { ...data.company }, data)];
      const lists = [
        ['customer', data.customers, 'number'],
        ['project', data.projects, 'number'],
        ['user', data.users, 'employeeNumber'],
        ['account', data.accounts, 'number'],
        ['vatCode', data.vatCodes, 'code'],
        ['expenseType', data.expenseTypes, 'code'],
      ] as const;
      for (const [kind, records, key] of lists)
        for (const r of records as unknown as readonly Record<string, unknown>[])
          all.push(...validateRegisterRecord(kind, r, data, { originalKey: String(r[key]) }));
      expect(all.filter((p) => p.severity === 'error')).toEqual([]);
    }
  });
});
