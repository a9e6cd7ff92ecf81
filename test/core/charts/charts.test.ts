import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STANDARD_TAX_CODES, starterRegisters, type StarterCountry } from '../../../src/core/charts/index.ts';
import { generateDemoCompany } from '../../../src/core/demo/index.ts';
import { emptyCompany } from '../../../src/core/domain/types.ts';
import { validateRegisterRecord } from '../../../src/core/validation/index.ts';
import { emptyData } from '../import/helpers.ts';

const SAFT = fileURLToPath(new URL('../../../../shared/corpora/saft-no/', import.meta.url));

function csvRows(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l !== '')
    .map((l) => l.split(';'));
}

describe.each<StarterCountry>(['NO', 'SE'])('starter registers (%s)', (country) => {
  const registers = starterRegisters(country);

  it("are a small firm's chart: 40–80 accounts, with VAT codes and expense types", () => {
    expect(registers.accounts.length).toBeGreaterThanOrEqual(40);
    expect(registers.accounts.length).toBeLessThanOrEqual(80);
    expect(registers.vatCodes.length).toBeGreaterThanOrEqual(8);
    expect(registers.expenseTypes.length).toBeGreaterThanOrEqual(8);
  });

  it('mark one receivable account: 1500 (NS 4102) / 1510 (BAS)', () => {
    expect(registers.accounts.filter((a) => a.role === 'customer-receivables').map((a) => a.number)).toEqual([
      country === 'NO' ? '1500' : '1510',
    ]);
  });

  it('pass the rule set record by record, every reference resolved', () => {
    const company = {
      ...emptyCompany(),
      name: 'Ny AS',
      countryCode: country,
      currency: country === 'NO' ? 'NOK' : 'SEK',
    };
    const master = emptyData({ company, ...registers });
    const problems = [
      ...registers.accounts.flatMap((a) =>
        validateRegisterRecord('account', { ...a }, master, { originalKey: a.number }),
      ),
      ...registers.vatCodes.flatMap((v) =>
        validateRegisterRecord('vatCode', { ...v }, master, { originalKey: v.code }),
      ),
      ...registers.expenseTypes.flatMap((e) =>
        validateRegisterRecord('expenseType', { ...e }, master, { originalKey: e.code }),
      ),
    ];
    expect(problems).toEqual([]);
    expect(new Set(registers.accounts.map((a) => a.number)).size).toBe(registers.accounts.length);
    expect([...registers.accounts.map((a) => a.number)]).toEqual(registers.accounts.map((a) => a.number).sort());
  });

  it('are fresh copies each time', () => {
    const again = starterRegisters(country);
    again.accounts[0]!.name = 'changed';
    expect(starterRegisters(country).accounts[0]!.name).not.toBe('changed');
  });

  it('hold every account, VAT code and expense type the demo company uses, as the demo has them', () => {
    const demo = generateDemoCompany({ today: '2026-03-15', country });
    expect(demo.accounts).toEqual(registers.accounts);
    expect(demo.vatCodes).toEqual(registers.vatCodes);
    for (const type of demo.expenseTypes) expect(registers.expenseTypes).toContainEqual(type);
    const accounts = new Set(registers.accounts.map((a) => a.number));
    const vat = new Set(registers.vatCodes.map((v) => v.code));
    for (const line of demo.invoices.flatMap((i) => i.lines)) {
      expect(accounts).toContain(line.accountNumber);
      expect(vat).toContain(line.vatCode);
    }
  });
});

describe('the Norwegian chart and SAF-T', () => {
  const { accounts, vatCodes } = starterRegisters('NO');

  it('gives every account a grouping of the SAF-T 1.30 næringsspesifikasjon list', () => {
    const pairs = new Set(
      csvRows(`${SAFT}SAF-T_Financial_1.3/Grouping Category Code/CSV/naeringsspesifikasjon.csv`).map(
        ([category, , , code]) => `${category}/${code}`,
      ),
    );
    expect(pairs.size).toBeGreaterThan(400);
    for (const a of accounts) expect(pairs, a.number).toContain(`${a.saftGroupingCategory}/${a.saftGroupingCode}`);
  });

  it('gives every VAT code a standard tax code of the list, with its rate', () => {
    const list = new Map(csvRows(`${SAFT}Standard Tax Codes/CSV/Standard_Tax_Codes.csv`).map((r) => [r[0]!, r[3]!]));
    expect([...list.keys()].sort()).toEqual(Object.keys(STANDARD_TAX_CODES).sort());
    const rateOf: Record<string, number> = {
      'Regular rate': 25,
      'Reduced rate, middle': 15,
      'Reduced rate, low': 12,
      'Zero rate': 0,
    };
    for (const v of vatCodes) {
      expect(list.has(v.standardTaxCode), v.code).toBe(true);
      const rate = rateOf[list.get(v.standardTaxCode)!];
      expect(v.ratePercent, v.code).toBe(rate ?? 0);
    }
  });

  it('the Swedish chart carries no SAF-T codes (SAF-T Financial is Norwegian)', () => {
    const se = starterRegisters('SE');
    expect(se.accounts.some((a) => a.saftGroupingCategory !== undefined)).toBe(false);
    expect(se.vatCodes.every((v) => v.standardTaxCode === '')).toBe(true);
  });
});
