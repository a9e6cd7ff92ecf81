import { describe, expect, it } from 'vitest';
import {
  buildDataset,
  DATA_TYPES,
  dataTypeFields,
  type DatasetRow,
  type FieldDoc,
} from '../../../src/core/templates/data-types/index.ts';
import { TEMPLATE_DATA_TYPES } from '../../../src/core/templates/types.ts';
import { templateTestCompany } from './company.ts';

function valueAt(row: unknown, path: string): unknown[] {
  // `lines[].net` → the value in every item of `lines`.
  const [head, ...rest] = path.split('.');
  const list = head!.endsWith('[]');
  const key = list ? head!.slice(0, -2) : head!;
  if (row === null || typeof row !== 'object' || !Object.hasOwn(row, key)) return [undefined];
  const value = (row as Record<string, unknown>)[key];
  if (rest.length === 0) return [value];
  if (list) return (value as unknown[]).flatMap((item) => valueAt(item, rest.join('.')));
  return valueAt(value, rest.join('.'));
}

const OPTIONS = { includeExternalUsers: true };

describe('data type field lists', () => {
  for (const id of TEMPLATE_DATA_TYPES) {
    it(`${id}: every documented field is in every row, and no top-level field is undocumented`, () => {
      const rows = buildDataset(id, templateTestCompany(), OPTIONS);
      expect(rows.length).toBeGreaterThan(0);
      const fields: readonly FieldDoc[] = dataTypeFields(id);
      const topLevel = fields.filter((f) => !f.path.includes('.') && !f.path.includes('[')).map((f) => f.path);
      for (const row of rows) {
        expect(Object.keys(row).sort()).toEqual([...topLevel].sort());
        for (const f of fields) for (const v of valueAt(row, f.path)) expect(v, `${id}: ${f.path}`).not.toBeUndefined();
      }
      expect(new Set(fields.map((f) => f.path)).size).toBe(fields.length);
    });
  }

  it('rows are plain JSON data (they cross a worker boundary)', () => {
    for (const id of TEMPLATE_DATA_TYPES) {
      const rows = buildDataset(id, templateTestCompany(), OPTIONS);
      expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
    }
  });

  it('every data type has a label and a description', () => {
    for (const id of TEMPLATE_DATA_TYPES) {
      expect(DATA_TYPES[id].label).not.toBe('');
      expect(DATA_TYPES[id].description).not.toBe('');
    }
  });
});

describe('Invoices', () => {
  it('derives amounts per line and negates credit notes', () => {
    const [first, , credit] = buildDataset('invoices', templateTestCompany());
    expect(first).toMatchObject({ number: '1001', net: 959970, vat: 236096, gross: 1196066, lineCount: 3 });
    expect(first!.customer).toMatchObject({ name: 'Åkesson, "Bygg" AB', city: 'Göteborg' });
    expect((first!.lines as DatasetRow[])[1]).toMatchObject({
      net: 30000,
      vat: 7500,
      gross: 37500,
      accountName: 'Försäljning tjänster',
      projectName: 'Nytt kontor',
    });
    expect(credit).toMatchObject({ isCredit: true, sign: -1, net: -249990, vat: -61199, gross: -311189 });
    expect((credit!.lines as DatasetRow[])[0]).toMatchObject({ quantity: 2, net: -240000 });
  });

  it('joins an empty project object when the invoice has none', () => {
    const rows = buildDataset('invoices', templateTestCompany());
    expect(rows[1]!.project).toEqual({
      number: '',
      name: '',
      customerNumber: '',
      departmentNumber: '',
      billable: false,
    });
  });
});

describe('Invoices grouped by account', () => {
  it('sums net, VAT and gross per account and VAT code, per invoice, credit notes negative', () => {
    const rows = buildDataset('invoicesByAccount', templateTestCompany());
    const pick = rows.map((r) => [r.invoiceNumber, r.accountNumber, r.vatCode, r.net, r.vat, r.gross, r.lineCount]);
    expect(pick).toEqual([
      ['1001', '3001', '25', 930000, 232500, 1162500, 2],
      ['1001', '3002', '12', 29970, 3596, 33566, 1],
      ['1002', '3100', '0', 100000, 0, 100000, 1],
      ['1003', '3001', '25', -240000, -60000, -300000, 1],
      ['1003', '3002', '12', -9990, -1199, -11189, 1],
    ]);
    // The groups of an invoice add up to the invoice.
    for (const number of ['1001', '1002', '1003']) {
      const groups = rows.filter((r) => r.invoiceNumber === number);
      expect(groups.reduce((s, r) => s + Number(r.gross), 0)).toBe(groups[0]!.invoiceGross);
    }
  });
});

describe('Timerecords (grouped)', () => {
  it('sums per employee, wage code and project by default, exactly, and leaves external co-workers out', () => {
    const rows = buildDataset('timeRecordsGrouped', templateTestCompany());
    expect(
      rows.map((r) => [
        r.employeeNumber,
        r.wageCode,
        r.projectNumber,
        r.hours,
        r.amount,
        r.recordCount,
        r.firstDate,
        r.lastDate,
      ]),
    ).toEqual([
      ['57', '800', 'P1', 7.8, 822000 + 10960, 3, '2024-03-04', '2024-03-05'],
      ['57', '800', 'P2', 4, 400000, 1, '2024-03-06', '2024-03-06'],
      ['57', '801', 'P1', 2.25, 337500, 1, '2024-03-07', '2024-03-07'],
      ['58', '810', 'P1', 6, 540000, 1, '2024-03-06', '2024-03-06'],
    ]);
    expect(rows[0]).toMatchObject({ employeeName: 'Kari Lind', projectName: 'Nytt kontor', activity: '', date: '' });
  });

  it('groups on the chosen keys only', () => {
    const rows = buildDataset('timeRecordsGrouped', templateTestCompany(), {
      groupBy: ['employee'],
      includeExternalUsers: true,
    });
    expect(rows.map((r) => [r.employeeNumber, r.wageCode, r.projectNumber, r.hours])).toEqual([
      ['57', '', '', 14.05],
      ['58', '', '', 6],
      ['90', '', '', 8],
    ]);
    const byActivity = buildDataset('timeRecordsGrouped', templateTestCompany(), { groupBy: ['activity'] });
    expect(byActivity.map((r) => [r.activity, r.hours])).toEqual([
      ['Dev', 19.85],
      ['Test', 0.2],
    ]);
  });
});

describe('Timerecords and Expenses', () => {
  it('joins user and project, and computes hours × rate', () => {
    const rows = buildDataset('timeRecords', templateTestCompany());
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatchObject({
      user: { name: 'Kari Lind' },
      project: { name: 'Nytt kontor' },
      customerName: 'Åkesson, "Bygg" AB',
      amount: 822000,
    });
    expect(rows[2]).toMatchObject({ rate: null, amount: null });
  });

  it('gives one row per claim item with its claim, type and employee', () => {
    const rows = buildDataset('expenses', templateTestCompany());
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({
      claimNumber: 'C-1',
      itemNumber: 2,
      expenseTypeName: 'Hotell',
      accountNumber: '5810',
      wageCode: '921',
      netAmount: 107143,
    });
    expect(rows[1]!.claim).toEqual({
      claimNumber: 'C-1',
      date: '2024-03-31',
      status: 'approved',
      itemCount: 2,
      total: 164900,
    });
    expect(buildDataset('expenses', templateTestCompany(), { includeExternalUsers: true })).toHaveLength(3);
  });
});
