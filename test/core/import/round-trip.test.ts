import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/core/domain/dates.ts';
import type {
  Account,
  Claim,
  CompanyData,
  Customer,
  ExpenseType,
  Invoice,
  Project,
  TimeRecord,
  User,
  VatCode,
} from '../../../src/core/domain/types.ts';
import {
  applyImportPlan,
  autoMap,
  CANONICAL_FORMAT,
  exportKindCsv,
  IMPORT_KINDS,
  importFields,
  parseCsv,
  planImport,
  type ImportKind,
} from '../../../src/core/import/index.ts';
import { emptyData } from './helpers.ts';

/** Text with the characters that break naive CSV code: delimiters, quotes, newlines, Nordic and Czech letters. */
const text = fc
  .string({ unit: fc.constantFrom(...'abcXYZæøåÆØÅöäčřž 0123456789,;|\t"\'\n.-€/'.split('')), maxLength: 12 })
  .map((s) => s.trim());
const nonEmpty = text.filter((s) => s !== '');
const key = fc
  .string({ unit: fc.constantFrom(...'ABC123-æø, "'.split('')), minLength: 1, maxLength: 6 })
  .map((s) => s.trim())
  .filter((s) => s !== '');
const date = fc.integer({ min: -20000, max: 20000 }).map((d) => addDays('2024-01-01', d));
const dateTime = fc
  .tuple(date, fc.integer({ min: 0, max: 86399 }))
  .map(
    ([d, s]) =>
      `${d}T${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`,
  );
const scaled = (max: number, digits: number) => fc.integer({ min: -max, max }).map((n) => n / 10 ** digits + 0);
const money = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });
const currency = fc.constantFrom('NOK', 'SEK', 'EUR', 'JPY');
/*
 * Fields the rule set checks (src/core/validation) get values it accepts (or only warns
 * about): the round trip is about the CSV, and a refused value would not come back.
 */
const orgNumber = fc.constantFrom('', '919399619', '556036-0793', 'DE136695976');
const email = fc.constantFrom('', 'post@fjord.no', 'kari.nordmann+faktura@firma.no', 'a@b.se; c@d.se');
const peppolId = fc.constantFrom('', '0192:919399619', '0007:5560360793', '9908:919399619');
const POSTAL_CODES: Readonly<Record<string, string>> = { NO: '0150', SE: '113 56', DK: '1050 København K' };
const orEmpty = <T extends string>(values: readonly T[]) =>
  values.length === 0 ? fc.constant('') : fc.oneof(fc.constant(''), fc.constantFrom(...values));

const dataset: fc.Arbitrary<CompanyData> = fc
  .record({
    vatCodes: fc.uniqueArray(
      fc.record<VatCode>({
        code: key,
        ratePercent: scaled(1_000_000, 4).map(Math.abs),
        description: text,
        accountNumber: text,
        standardTaxCode: text,
      }),
      { selector: (v) => v.code, maxLength: 4 },
    ),
    users: fc.uniqueArray(
      fc.record<User>({
        employeeNumber: key,
        name: nonEmpty,
        email,
        departmentNumber: text,
        external: fc.boolean(),
      }),
      { selector: (u) => u.employeeNumber, minLength: 1, maxLength: 4 },
    ),
    customerKeys: fc.uniqueArray(key, { minLength: 1, maxLength: 4 }),
  })
  .chain(({ vatCodes, users, customerKeys }) => {
    const vat = vatCodes.map((v) => v.code);
    return fc.record({
      vatCodes: fc.constant(vatCodes),
      users: fc.constant(users),
      accounts: fc.uniqueArray(
        fc.record<Account>({
          number: key,
          name: nonEmpty,
          kind: fc.constantFrom('revenue', 'expense', 'asset', 'liability', 'equity'),
          vatCode: orEmpty(vat),
        }),
        { selector: (a) => a.number, maxLength: 4 },
      ),
      customerKeys: fc.constant(customerKeys),
    });
  })
  .chain(({ vatCodes, users, accounts, customerKeys }) => {
    const vat = vatCodes.map((v) => v.code);
    const acc = accounts.map((a) => a.number);
    const customer = (number: string) =>
      fc
        .record<Customer>({
          number: fc.constant(number),
          name: nonEmpty,
          orgNumber,
          email,
          phone: text,
          addressLine1: text,
          addressLine2: text,
          postalCode: fc.constantFrom('', 'x'),
          city: text,
          countryCode: fc.constantFrom('NO', 'SE', 'DK'),
          currency,
          paymentTermsDays: fc.integer({ min: 0, max: 120 }),
          peppolId,
          ledgerAccount: orEmpty(acc),
        })
        .map((c) => ({ ...c, postalCode: c.postalCode === '' ? '' : POSTAL_CODES[c.countryCode]! }));
    return fc.record({
      vatCodes: fc.constant(vatCodes),
      users: fc.constant(users),
      accounts: fc.constant(accounts),
      customers: fc.tuple(...customerKeys.map(customer)),
      expenseTypes: fc.uniqueArray(
        fc.record<ExpenseType>({
          code: key,
          name: nonEmpty,
          accountNumber: orEmpty(acc),
          vatCode: orEmpty(vat),
          wageCode: text,
        }),
        { selector: (e) => e.code, minLength: 1, maxLength: 4 },
      ),
      projects: fc.uniqueArray(
        fc.record<Project>({
          number: key,
          name: nonEmpty,
          customerNumber: orEmpty(customerKeys),
          departmentNumber: text,
          billable: fc.boolean(),
        }),
        { selector: (p) => p.number, maxLength: 4 },
      ),
    });
  })
  .chain((base) => {
    const vat = base.vatCodes.map((v) => v.code);
    const acc = base.accounts.map((a) => a.number);
    const proj = base.projects.map((p) => p.number);
    const emp = base.users.map((u) => u.employeeNumber);
    const line = fc.record({
      description: text,
      productCode: text,
      quantity: scaled(10_000_000, 4),
      unitPrice: money,
      discountPercent: fc.integer({ min: 0, max: 10000 }).map((n) => n / 100),
      accountNumber: orEmpty(acc),
      vatCode: orEmpty(vat),
      departmentNumber: text,
      projectNumber: orEmpty(proj),
    });
    const invoice = fc.record({
      id: fc.uuid(),
      number: key,
      draft: fc.boolean(),
      credit: fc.boolean(),
      customerNumber: fc.constantFrom(...base.customers.map((c) => c.number)),
      projectNumber: orEmpty(proj),
      issueDate: date,
      dueDate: date,
      currency,
      kid: text,
      orderReference: text,
      finalizedAt: fc.oneof(fc.constant(''), dateTime),
      exportStatus: fc.constantFrom('to-transfer', 'transferred', 'do-not-transfer'),
      factoringStatus: fc.constantFrom('to-transfer', 'transferred', 'do-not-transfer'),
      lines: fc.array(line, { maxLength: 3 }),
    });
    const item = fc
      .record({
        date,
        expenseType: fc.constantFrom(...base.expenseTypes.map((e) => e.code)),
        description: text,
        amount: money,
        vatAmount: money,
        currency,
        projectNumber: orEmpty(proj),
      })
      // The VAT is a part of the gross amount (a larger one, or of the other sign, is refused).
      .map((i) => ({ ...i, vatAmount: Math.trunc((i.amount * (Math.abs(i.vatAmount) % 101)) / 100) + 0 }));
    return fc.record({
      base: fc.constant(base),
      invoices: fc.uniqueArray(invoice, { selector: (i) => i.number, maxLength: 5 }),
      timeRecords: fc.uniqueArray(
        fc.record<TimeRecord>({
          id: fc.uuid(),
          date,
          employeeNumber: fc.constantFrom(...emp),
          projectNumber: orEmpty(proj),
          activity: text,
          hours: fc.integer({ min: 0, max: 240_000 }).map((n) => n / 10 ** 4),
          wageCode: text,
          rate: fc.option(money, { nil: null }),
          payRate: fc.option(money, { nil: null }),
          billable: fc.boolean(),
          approved: fc.boolean(),
          comment: text,
        }),
        { selector: (t) => t.id, maxLength: 5 },
      ),
      claims: fc.uniqueArray(
        fc.record<Claim>({
          claimNumber: key,
          employeeNumber: fc.constantFrom(...emp),
          date,
          status: fc.constantFrom('draft', 'submitted', 'approved', 'paid', 'rejected'),
          items: fc.array(item, { maxLength: 3 }),
        }),
        { selector: (c) => c.claimNumber, maxLength: 4 },
      ),
    });
  })
  .map(({ base, invoices, timeRecords, claims }) => {
    const finalized: string[] = [];
    const built: Invoice[] = invoices.map((g) => {
      // Drafts may have no number; a credit note refers to an earlier finalized invoice of the set.
      const number = g.draft && g.credit ? '' : g.number;
      const credited = !g.draft && g.credit && finalized.length > 0 ? finalized[finalized.length - 1]! : '';
      if (!g.draft) finalized.push(number);
      return {
        id: g.id,
        number,
        type: g.credit ? 'credit' : 'invoice',
        creditedInvoiceNumber: credited,
        customerNumber: g.customerNumber,
        projectNumber: g.projectNumber,
        issueDate: g.issueDate,
        dueDate: g.dueDate,
        currency: g.currency,
        kid: g.kid,
        orderReference: g.orderReference,
        status: g.draft ? 'draft' : 'finalized',
        finalizedAt: g.draft ? '' : g.finalizedAt,
        exportStatus: g.exportStatus,
        factoringStatus: g.factoringStatus,
        lines: g.lines.map((l) => ({
          ...l,
          unitPrice: g.currency === 'JPY' ? Math.trunc(l.unitPrice / 100) + 0 : l.unitPrice,
        })),
      } as Invoice;
    });
    return emptyData({ ...base, customers: [...base.customers], invoices: built, timeRecords, claims });
  });

function reimport(kind: ImportKind, csv: string, existing: CompanyData): CompanyData {
  const table = parseCsv(csv, { delimiter: ',', hasHeader: true, skipLines: 0 });
  const map = autoMap(kind, table.header);
  expect(map.matches.every((m) => m.by === 'name' && m.field === m.column)).toBe(true);
  expect(Object.keys(map.mapping)).toHaveLength(importFields(kind).length);
  const plan = planImport({
    kind,
    table,
    mapping: map.mapping,
    format: CANONICAL_FORMAT,
    existing,
    onDuplicate: 'stop',
    newId: () => 'unexpected-new-id',
  });
  expect(plan.rejected).toEqual([]);
  expect(plan.status).toBe(table.rows.length === 0 ? 'failed' : 'ready');
  if (table.rows.length === 0) return existing;
  const applied = applyImportPlan(existing, plan);
  if (!applied.ok) throw new Error(applied.reason);
  return applied.data;
}

describe('export → import round trip', () => {
  it('each kind imports back unchanged next to the other kinds', () => {
    fc.assert(
      fc.property(dataset, (data) => {
        for (const kind of IMPORT_KINDS) {
          const csv = exportKindCsv(kind, data);
          const result = reimport(kind, csv, { ...data, [kind]: [] });
          expect(result[kind]).toEqual(data[kind]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a whole company imports into an empty one kind by kind', () => {
    fc.assert(
      fc.property(dataset, (data) => {
        let company = emptyData({ company: data.company });
        for (const kind of IMPORT_KINDS.slice().sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)))
          company = reimport(kind, exportKindCsv(kind, data), company);
        expect(company).toEqual(data);
      }),
      { numRuns: 30 },
    );
  });

  it('importing the same export again finds every record unchanged', () => {
    fc.assert(
      fc.property(dataset, (data) => {
        for (const kind of IMPORT_KINDS) {
          const table = parseCsv(exportKindCsv(kind, data), { delimiter: ',', hasHeader: true, skipLines: 0 });
          if (table.rows.length === 0) continue;
          const plan = planImport({
            kind,
            table,
            mapping: autoMap(kind, table.header).mapping,
            format: CANONICAL_FORMAT,
            existing: data,
            onDuplicate: 'stop',
            newId: () => 'unexpected',
          });
          expect(plan.counts).toMatchObject({ new: 0, updated: 0, unchanged: data[kind].length, rejectedRows: 0 });
        }
      }),
      { numRuns: 30 },
    );
  });
});

const ORDER: readonly ImportKind[] = [
  'vatCodes',
  'accounts',
  'expenseTypes',
  'customers',
  'projects',
  'users',
  'invoices',
  'timeRecords',
  'claims',
];
