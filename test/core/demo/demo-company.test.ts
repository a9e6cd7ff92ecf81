import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateDemoCompany, iterateDemoTimeRecords } from '../../../src/core/demo/index.ts';
import { DEMO_PROFILES, type DemoCountry } from '../../../src/core/demo/profiles/index.ts';
import { addDays } from '../../../src/core/domain/dates.ts';
import type { CompanyData } from '../../../src/core/domain/types.ts';
import { integrityProblems, windowOf } from './demo-integrity.ts';

const TODAY = '2026-03-15';
const COUNTRIES: DemoCountry[] = ['NO', 'SE'];

const cache = new Map<DemoCountry, CompanyData>();
function demo(country: DemoCountry): CompanyData {
  let data = cache.get(country);
  if (!data) cache.set(country, (data = generateDemoCompany({ today: TODAY, country })));
  return data;
}

describe('determinism', () => {
  it('gives the same bytes for the same options', () => {
    for (const country of COUNTRIES) {
      const a = JSON.stringify(generateDemoCompany({ today: TODAY, country, seed: 5 }));
      const b = JSON.stringify(generateDemoCompany({ today: TODAY, country, seed: 5 }));
      expect(a).toBe(b);
    }
  });

  it('defaults to Norway and seed 1', () => {
    expect(generateDemoCompany({ today: TODAY })).toEqual(
      generateDemoCompany({ today: TODAY, country: 'NO', seed: 1 }),
    );
  });

  it('gives different data for a different seed, today or country', () => {
    const base = JSON.stringify(generateDemoCompany({ today: TODAY, seed: 1 }));
    expect(JSON.stringify(generateDemoCompany({ today: TODAY, seed: 2 }))).not.toBe(base);
    expect(JSON.stringify(generateDemoCompany({ today: '2026-03-16', seed: 1 }))).not.toBe(base);
    expect(JSON.stringify(generateDemoCompany({ today: TODAY, seed: 1, country: 'SE' }))).not.toBe(base);
  });

  it('keeps everything but the time records when only their number changes', () => {
    const few = generateDemoCompany({ today: TODAY, timeRecords: 10 });
    const many = generateDemoCompany({ today: TODAY, timeRecords: 5000 });
    expect({ ...few, timeRecords: [] }).toEqual({ ...many, timeRecords: [] });
  });

  it('streams the same time records as it returns', () => {
    const options = { today: TODAY, country: 'SE' as const, seed: 9, timeRecords: 2500 };
    expect([...iterateDemoTimeRecords(options)]).toEqual(generateDemoCompany(options).timeRecords);
  });
});

describe.each(COUNTRIES)('counts (%s)', (country) => {
  it('has the registers', () => {
    const data = demo(country);
    expect(data.customers).toHaveLength(30);
    expect(data.projects).toHaveLength(15);
    expect(data.projects.filter((p) => p.billable).length).toBeGreaterThan(0);
    expect(data.projects.filter((p) => !p.billable).length).toBeGreaterThan(0);
    expect(data.users).toHaveLength(12);
    expect(data.users.filter((u) => u.external)).toHaveLength(2);
    expect(data.users.map((u) => u.employeeNumber)).toEqual(Array.from({ length: 12 }, (_, i) => String(1001 + i)));
  });

  it('has one foreign customer in EUR and customers whose names need quoting', () => {
    const data = demo(country);
    const foreign = data.customers.filter((c) => c.countryCode !== country);
    expect(foreign).toHaveLength(1);
    expect(foreign[0]).toMatchObject({ countryCode: 'DE', currency: 'EUR' });
    expect(data.customers.some((c) => c.name.includes('"'))).toBe(true);
    expect(data.customers.some((c) => c.name.includes(';'))).toBe(true);
    expect(data.customers.some((c) => c.name.includes(','))).toBe(true);
    const letters = country === 'NO' ? /[æøå]/i : /[åäö]/i;
    expect(data.customers.filter((c) => letters.test(c.name)).length).toBeGreaterThan(3);
  });

  it('has about 200 invoices with drafts, credit notes and foreign-currency invoices', () => {
    const data = demo(country);
    expect(data.invoices.length).toBeGreaterThanOrEqual(190);
    expect(data.invoices.length).toBeLessThanOrEqual(210);
    expect(data.invoices.filter((i) => i.status === 'draft').length).toBeGreaterThanOrEqual(3);
    expect(data.invoices.filter((i) => i.type === 'credit')).toHaveLength(8);
    const foreign = data.invoices.filter((i) => i.currency === 'EUR');
    expect(foreign.length).toBeGreaterThanOrEqual(1);
    expect(foreign.length).toBeLessThanOrEqual(2);
    const statuses = new Set(data.invoices.filter((i) => i.status === 'finalized').map((i) => i.exportStatus));
    expect(statuses).toEqual(new Set(['transferred', 'to-transfer', 'do-not-transfer']));
  });

  it('uses every kind of invoice line: several VAT rates, discounts, quotes and national letters', () => {
    const lines = demo(country).invoices.flatMap((i) => i.lines);
    const rates = new Set(
      lines.map((l) => DEMO_PROFILES[country].vatCodes.find((v) => v.code === l.vatCode)?.ratePercent),
    );
    expect([...rates].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(country === 'NO' ? [0, 12, 15, 25] : [0, 6, 12, 25]);
    expect(lines.some((l) => l.discountPercent > 0)).toBe(true);
    expect(lines.some((l) => l.description.includes('"'))).toBe(true);
    expect(lines.some((l) => (country === 'NO' ? /[æøå]/ : /[åäö]/).test(l.description))).toBe(true);
    const perInvoice = demo(country).invoices.map((i) => i.lines.length);
    expect(Math.max(...perInvoice)).toBeGreaterThanOrEqual(4);
  });

  it('has 3,000 time records by default and 150 claim items in every status', () => {
    const data = demo(country);
    expect(data.timeRecords).toHaveLength(3000);
    expect(data.timeRecords[0]?.id).toBe('t000001');
    expect(data.timeRecords.at(-1)?.id).toBe('t003000');
    expect(data.claims.flatMap((c) => c.items)).toHaveLength(150);
    expect(new Set(data.claims.map((c) => c.status))).toEqual(
      new Set(['draft', 'submitted', 'approved', 'paid', 'rejected']),
    );
    const currencies = data.claims.flatMap((c) => c.items.map((i) => i.currency));
    expect(currencies.filter((c) => c !== DEMO_PROFILES[country].currency)).toHaveLength(1);
  });

  it('leaves the last two weeks of time mostly unapproved and the rest mostly approved', () => {
    const pendingFrom = addDays(TODAY, -13);
    const recent = demo(country).timeRecords.filter((t) => t.date >= pendingFrom);
    const older = demo(country).timeRecords.filter((t) => t.date < pendingFrom);
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.filter((t) => t.approved).length / recent.length).toBeLessThan(0.4);
    expect(older.filter((t) => t.approved).length / older.length).toBeGreaterThan(0.95);
    const wageCodes = new Set(demo(country).timeRecords.map((t) => t.wageCode));
    expect(wageCodes).toEqual(new Set(['100', '120', '200']));
  });
});

describe('chart of accounts and VAT codes', () => {
  it('has the NS 4102 accounts and SAF-T VAT codes for Norway', () => {
    const data = demo('NO');
    const accounts = new Set(data.accounts.map((a) => a.number));
    for (const n of [
      '1500',
      '1920',
      '2700',
      '2701',
      '2702',
      '2740',
      '3000',
      '3030',
      '3050',
      '3100',
      '4000',
      '6300',
      '6800',
      '7100',
      '7140',
      '7350',
    ])
      expect(accounts).toContain(n);
    const vat = Object.fromEntries(data.vatCodes.map((v) => [v.code, v]));
    expect(vat['3']).toMatchObject({ ratePercent: 25, accountNumber: '2700' });
    expect(vat['31']).toMatchObject({ ratePercent: 15, accountNumber: '2701' });
    expect(vat['33']).toMatchObject({ ratePercent: 12, accountNumber: '2702' });
    expect(vat['5']).toMatchObject({ ratePercent: 0, accountNumber: '' });
    expect(vat['6']).toMatchObject({ ratePercent: 0, accountNumber: '' });
    expect(vat['1']).toMatchObject({ ratePercent: 25, accountNumber: '2710' });
    for (const v of data.vatCodes) expect(v.standardTaxCode).toBe(v.code);
  });

  it('has the BAS accounts and the documented VAT codes for Sweden', () => {
    const data = demo('SE');
    const accounts = new Set(data.accounts.map((a) => a.number));
    for (const n of ['1510', '1930', '2611', '2621', '2631', '3001', '3002', '3003', '3004', '5010', '5800', '6110'])
      expect(accounts).toContain(n);
    const rates = Object.fromEntries(data.vatCodes.map((v) => [v.code, v.ratePercent]));
    expect(rates).toMatchObject({ MP1: 25, MP2: 12, MP3: 6, MF: 0 });
  });
});

describe('integrity', () => {
  it.each(COUNTRIES)('every reference resolves and every check digit holds (%s)', (country) => {
    expect(integrityProblems(demo(country), country, TODAY)).toEqual([]);
  });

  it('holds for other seeds and dates, including a leap day and a year end', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom<DemoCountry>('NO', 'SE'),
        fc.constantFrom('2024-02-29', '2025-01-01', '2025-12-31', '2026-06-30', '2027-10-04'),
        (seed, country, today) => {
          const data = generateDemoCompany({ seed, country, today, timeRecords: 400 });
          expect(integrityProblems(data, country, today)).toEqual([]);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('dates everything inside the 12 months before today', () => {
    const { start } = windowOf(TODAY);
    expect(start).toBe('2025-03-16');
    const data = demo('NO');
    const dates = [
      ...data.invoices.map((i) => i.issueDate),
      ...data.timeRecords.map((t) => t.date),
      ...data.claims.flatMap((c) => [c.date, ...c.items.map((i) => i.date)]),
    ];
    expect(dates.every((d) => d >= start && d <= TODAY)).toBe(true);
  });
});

describe('scale', () => {
  it('makes exactly 100,000 time records with unique ids', () => {
    const data = generateDemoCompany({ today: TODAY, timeRecords: 100_000 });
    expect(data.timeRecords).toHaveLength(100_000);
    expect(new Set(data.timeRecords.map((t) => t.id)).size).toBe(100_000);
    expect(data.timeRecords.at(-1)?.id).toBe('t100000');
    expect(integrityProblems(data, 'NO', TODAY)).toEqual([]);
  });

  it('makes none when asked for none, and rejects bad options', () => {
    expect(generateDemoCompany({ today: TODAY, timeRecords: 0 }).timeRecords).toEqual([]);
    expect(() => generateDemoCompany({ today: '15.03.2026' })).toThrow(RangeError);
    expect(() => generateDemoCompany({ today: TODAY, timeRecords: -1 })).toThrow(RangeError);
    expect(() => generateDemoCompany({ today: TODAY, timeRecords: 1.5 })).toThrow(RangeError);
    expect(() => generateDemoCompany({ today: TODAY, seed: 0.5 })).toThrow(RangeError);
  });
});
