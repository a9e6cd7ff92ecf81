import { describe, expect, it } from 'vitest';
import type { CompanyData, Invoice } from '../../../src/core/domain/types.ts';
import {
  applyImportPlan,
  autoMap,
  CANONICAL_FORMAT,
  createImportPlanner,
  parseCsv,
  planImport,
  rejectedRowsCsv,
  undoImportPlan,
  type ImportKind,
  type OnDuplicate,
  type PlanImportInput,
} from '../../../src/core/import/index.ts';
import { emptyData, referenceData, sequentialIds } from './helpers.ts';

function plan(kind: ImportKind, csv: string, extra: Partial<PlanImportInput> = {}) {
  const table = parseCsv(csv, { delimiter: ',', hasHeader: true, skipLines: 0 });
  return planImport({
    kind,
    table,
    mapping: autoMap(kind, table.header).mapping,
    format: CANONICAL_FORMAT,
    existing: referenceData(),
    onDuplicate: 'stop',
    newId: sequentialIds(),
    ...extra,
  });
}

function errorsOf(p: ReturnType<typeof plan>) {
  return p.rejected.flatMap((r) => r.errors.map((e) => `${r.line} ${e.column}: ${e.reason}`));
}

const INVOICE_HEADER =
  'number,customerNumber,issueDate,dueDate,type,creditedInvoiceNumber,line.description,line.quantity,line.unitPrice,line.vatCode,line.accountNumber';

describe('invoices: grouping and document checks', () => {
  it('groups lines by invoice number', () => {
    const p = plan(
      'invoices',
      [
        INVOICE_HEADER,
        '100,1001,2024-03-01,2024-03-15,,,"Arbeid, timer",7.5,950,3,3000',
        '100,1001,2024-03-01,2024-03-15,,,Materiell,1,100.50,3,3000',
        '101,1002,2024-03-02,2024-03-16,,,Reise,1,0,,',
      ].join('\n'),
    );
    expect(p.status).toBe('ready');
    const invoices = p.changes.toAdd as Invoice[];
    expect(invoices.map((i) => [i.number, i.id, i.status, i.type, i.lines.length])).toEqual([
      ['100', 'id-1', 'finalized', 'invoice', 2],
      ['101', 'id-2', 'finalized', 'invoice', 1],
    ]);
    expect(invoices[0]!.lines[1]).toEqual({
      description: 'Materiell',
      productCode: '',
      quantity: 1,
      unitPrice: 10050,
      discountPercent: 0,
      accountNumber: '3000',
      vatCode: '3',
      departmentNumber: '',
      projectNumber: '',
    });
  });

  it('accepts document fields left empty on later lines but rejects different ones, with the whole invoice', () => {
    const p = plan(
      'invoices',
      [
        INVOICE_HEADER,
        '100,1001,2024-03-01,2024-03-15,,,A,1,1,,',
        '100,,,,,,B,1,1,,',
        '100,1002,2024-03-01,2024-03-15,,,C,1,1,,',
        '101,1001,2024-03-01,2024-03-15,,,D,1,1,,',
      ].join('\n'),
    );
    expect(errorsOf(p)).toEqual([
      '2 : invoice 100 is rejected because of line 4',
      '3 : invoice 100 is rejected because of line 4',
      '4 customerNumber: invoice 100: customerNumber is "1002" here but "1001" on line 2',
    ]);
    expect(p.counts).toMatchObject({ rows: 4, new: 1, rejectedRows: 3, rejectedRecords: 1 });
    expect(p.canApply).toBe(false);
  });

  it('checks customers, VAT codes, accounts and credited invoices against stored data and the file', () => {
    const p = plan(
      'invoices',
      [
        INVOICE_HEADER,
        '100,9999,2024-03-01,2024-03-15,,,A,1,1,7,3000',
        '101,1001,2024-03-01,2024-03-15,,,A,1,1,3,4000',
        '102,1001,2024-03-01,2024-03-15,credit,100,A,1,1,,',
        '103,1001,2024-03-01,2024-03-15,kreditnota,104,A,1,1,,',
        '104,1001,2024-03-01,2024-03-15,,,A,1,1,,',
        '105,1001,2024-03-01,2024-03-15,credit,555,A,1,1,,',
      ].join('\n'),
    );
    expect(errorsOf(p)).toEqual([
      '2 customerNumber: unknown customer "9999"',
      '2 line.vatCode: unknown VAT code "7"',
      '3 line.accountNumber: unknown account "4000"',
      '4 creditedInvoiceNumber: invoice "100" is rejected in this file',
      '7 creditedInvoiceNumber: unknown invoice "555"',
    ]);
    expect((p.changes.toAdd as Invoice[]).map((i) => [i.number, i.type, i.creditedInvoiceNumber])).toEqual([
      ['103', 'credit', '104'],
      ['104', 'invoice', ''],
    ]);
  });

  it('needs a number on finalized invoices and groups drafts by id', () => {
    const p = plan(
      'invoices',
      [
        'id,number,status,customerNumber,issueDate,dueDate,line.quantity,line.unitPrice',
        'd1,,draft,1001,2024-03-01,2024-03-15,1,1',
        'd1,,draft,1001,2024-03-01,2024-03-15,2,2',
        'd2,,,1001,2024-03-01,2024-03-15,1,1',
      ].join('\n'),
    );
    expect(errorsOf(p)).toEqual(['4 number: a finalized invoice needs a number (only drafts have none)']);
    expect((p.changes.toAdd as Invoice[]).map((i) => [i.id, i.status, i.lines.length])).toEqual([['d1', 'draft', 2]]);
  });

  it('requires line fields only on rows that have a line', () => {
    const p = plan(
      'invoices',
      [INVOICE_HEADER, '100,1001,2024-03-01,2024-03-15,,,,,,,', '101,1001,2024-03-01,2024-03-15,,,Text only,,,,'].join(
        '\n',
      ),
    );
    expect(errorsOf(p)).toEqual([
      '3 line.quantity: line.quantity is required on a line',
      '3 line.unitPrice: line.unitPrice is required on a line',
    ]);
    expect((p.changes.toAdd as Invoice[])[0]!.lines).toEqual([]);
  });
});

describe('claims', () => {
  it('groups items by claim number and defaults item dates and currency', () => {
    const p = plan(
      'claims',
      [
        'claimNumber,employeeNumber,date,item.expenseType,item.amount,item.vatAmount',
        'R1,1001,2024-03-05,TAXI,412,44.14',
        'R1,1001,2024-03-05,HOTEL,1890,',
        'R2,7777,2024-03-05,PARKING,10,',
      ].join('\n'),
    );
    expect(errorsOf(p)).toEqual([
      '4 employeeNumber: unknown employee "7777"',
      '4 item.expenseType: unknown expense type "PARKING"',
    ]);
    expect(p.changes.toAdd).toEqual([
      {
        claimNumber: 'R1',
        employeeNumber: '1001',
        date: '2024-03-05',
        status: 'submitted',
        items: [
          {
            date: '2024-03-05',
            expenseType: 'TAXI',
            description: '',
            amount: 41200,
            vatAmount: 4414,
            currency: 'NOK',
            projectNumber: '',
          },
          {
            date: '2024-03-05',
            expenseType: 'HOTEL',
            description: '',
            amount: 189000,
            vatAmount: 0,
            currency: 'NOK',
            projectNumber: '',
          },
        ],
      },
    ]);
  });
});

describe('duplicates against stored data', () => {
  const csv = ['number,name,email', '1001,Fjord Rør AS,post@fjord.no', '1002,Bø Bygg,', '1003,Ny Kunde AS,'].join('\n');
  const run = (onDuplicate: OnDuplicate) => plan('customers', csv, { onDuplicate });

  it('unchanged records are counted and never block, also with stop', () => {
    expect(run('stop').counts).toMatchObject({ unchanged: 1 });
  });

  it('skip keeps the stored record', () => {
    const p = run('skip');
    expect(p.counts).toMatchObject({ new: 1, updated: 0, unchanged: 1, skipped: 1, rejectedRows: 0 });
    expect(p.duplicates).toEqual([{ line: 2, key: '1001' }]);
    expect(p.canApply).toBe(true);
  });

  it('update keeps the previous version and the fields the file does not map', () => {
    const p = run('update');
    expect(p.counts).toMatchObject({ new: 1, updated: 1, unchanged: 1 });
    const update = p.changes.toUpdate[0]!;
    expect(update.key).toBe('1001');
    expect(update.before).toEqual(referenceData().customers[0]);
    expect(update.after).toEqual({ ...referenceData().customers[0], email: 'post@fjord.no' });
  });

  it('stop fails the whole import and lists the duplicates', () => {
    const p = run('stop');
    expect(p.status).toBe('stopped');
    expect(p.canApply).toBe(false);
    expect(errorsOf(p)).toEqual([
      '2 : customer number 1001 already exists with other values (duplicate handling: stop)',
    ]);
    expect(p.changes).toEqual({ table: 'customers', toAdd: [], toUpdate: [] });
    expect(plan('customers', csv, { onDuplicate: 'stop', allowPartial: true }).canApply).toBe(false);
  });

  it('matches time records by id, or without id by employee, date, project, hours and activity', () => {
    const existing = referenceData();
    existing.timeRecords = [
      {
        id: 't1',
        date: '2024-03-04',
        employeeNumber: '1001',
        projectNumber: 'P-100',
        activity: 'Montering',
        hours: 7.5,
        wageCode: '',
        rate: null,
        billable: true,
        approved: false,
        comment: '',
      },
    ];
    const p = plan(
      'timeRecords',
      [
        'date,employeeNumber,projectNumber,activity,hours,comment',
        '2024-03-04,1001,P-100,Montering,7.5,',
        '2024-03-04,1001,P-100,Montering,7.5,again',
        '2024-03-05,1001,P-100,Montering,7.5,',
      ].join('\n'),
      { existing, onDuplicate: 'update' },
    );
    expect(errorsOf(p)).toEqual([
      '3 : duplicate: time record (employee / date / project / hours / activity) 1001 / 2024-03-04 / P-100 / 7.5 / Montering is also on line 2',
    ]);
    expect(p.counts).toMatchObject({ unchanged: 1, new: 1 });
    expect((p.changes.toAdd as { id: string }[])[0]!.id).toBe('id-1');
  });
});

describe('all or nothing', () => {
  const csv = ['number,name,paymentTermsDays', '2001,A,14', '2002,B,x', '2003,C,'].join('\n');

  it('a plan with rejected rows cannot be applied unless allowPartial', () => {
    const strict = plan('customers', csv);
    expect(strict).toMatchObject({ status: 'has-rejections', canApply: false });
    expect(applyImportPlan(referenceData(), strict)).toEqual({
      ok: false,
      reason: 'The plan has rejected rows; plan again with allowPartial to import the valid rows only.',
    });
    const partial = plan('customers', csv, { allowPartial: true });
    expect(partial.canApply).toBe(true);
    const applied = applyImportPlan(referenceData(), partial);
    expect(applied.ok && applied.data.customers.map((c) => [c.number, c.paymentTermsDays])).toEqual([
      ['1001', 14],
      ['1002', 14],
      ['2001', 14],
      ['2003', 14],
    ]);
  });

  it('an empty file or a header without rows is a failed plan, not a silent success', () => {
    expect(plan('customers', 'number,name\n')).toMatchObject({
      status: 'failed',
      canApply: false,
      problems: ['The file has a header but no data rows.'],
    });
    expect(plan('customers', '')).toMatchObject({
      status: 'failed',
      canApply: false,
      problems: ['The file is empty.'],
    });
  });

  it('an unmapped key field or an unknown column is a file-level problem', () => {
    const table = parseCsv('navn\nA\n', { delimiter: ',', hasHeader: true, skipLines: 0 });
    const p = planImport({
      kind: 'customers',
      table,
      mapping: { name: 'navn', email: 'Epost' },
      format: CANONICAL_FORMAT,
      existing: emptyData(),
      onDuplicate: 'stop',
      newId: sequentialIds(),
    });
    expect(p.problems).toEqual([
      'column "Epost" (mapped to email) is not in the file',
      'map the key field number (Customer number)',
    ]);
  });
});

describe('values', () => {
  it('the same amount text is read per currency, also when it repeats', () => {
    const p = plan(
      'invoices',
      [
        `${INVOICE_HEADER},currency`,
        '200,1001,2024-03-01,2024-03-15,,,A,1,100.5,3,3000,NOK',
        '201,1001,2024-03-01,2024-03-15,,,B,1,100.5,3,3000,JPY',
        '202,1001,2024-03-01,2024-03-15,,,C,1,100.5,3,3000,NOK',
      ].join('\n'),
      { onDuplicate: 'update' },
    );
    expect(errorsOf(p)).toEqual(['3 line.unitPrice: "100.5" has 1 decimals; the currency has 0']);
    expect((p.changes.toAdd as Invoice[]).map((i) => [i.number, i.lines[0]!.unitPrice])).toEqual([
      ['200', 10050],
      ['202', 10050],
    ]);
  });

  it('ambiguous numbers and dates are errors naming the ambiguity until a format is chosen', () => {
    const table = parseCsv('date,employeeNumber,hours,rate\n01/02/2024,1001,"1,000",1.000\n', {
      delimiter: ',',
      hasHeader: true,
      skipLines: 0,
    });
    const input = {
      kind: 'timeRecords' as const,
      table,
      mapping: autoMap('timeRecords', table.header).mapping,
      existing: referenceData(),
      onDuplicate: 'stop' as const,
      newId: sequentialIds(),
    };
    const undecided = planImport({ ...input, format: { decimal: null, thousands: '', dateFormat: null } });
    expect(errorsOf(undecided)).toEqual([
      '2 date: "01/02/2024" is ambiguous: it fits DD/MM/YYYY and MM/DD/YYYY; choose the date format',
      '2 hours: "1,000" is ambiguous: 1000 if "," separates thousands, 1,000 as a decimal number; choose the decimal separator',
      '2 rate: "1.000" is ambiguous: 1000 if "." separates thousands, 1.000 as a decimal number; choose the decimal separator',
    ]);
    const chosen = planImport({ ...input, format: { decimal: ',', thousands: '.', dateFormat: 'DD/MM/YYYY' } });
    expect(chosen.changes.toAdd).toMatchObject([{ date: '2024-02-01', hours: 1, rate: 100000 }]);
  });

  it('constants fill empty cells and unmapped fields; bad constants are problems', () => {
    const table = parseCsv('number,name,city\n3001,A,\n3002,B,Bergen\n', {
      delimiter: ',',
      hasHeader: true,
      skipLines: 0,
    });
    const base = {
      kind: 'customers' as const,
      table,
      mapping: autoMap('customers', table.header).mapping,
      format: CANONICAL_FORMAT,
      existing: emptyData(),
      onDuplicate: 'stop' as const,
      newId: sequentialIds(),
    };
    const p = planImport({ ...base, constants: { city: 'Oslo', paymentTermsDays: '30' } });
    expect(p.changes.toAdd.map((c) => [c.city, c.paymentTermsDays])).toEqual([
      ['Oslo', 30],
      ['Bergen', 30],
    ]);
    expect(planImport({ ...base, constants: { paymentTermsDays: 'thirty' } }).problems).toEqual([
      'constant for paymentTermsDays: "thirty" is not a number (unexpected "t")',
    ]);
  });

  it('reads booleans and enums in Nordic spellings', () => {
    const p = plan('accounts', 'number,name,kind\n3100,Salg,Inntekt\n7000,Kostnad,kostnad\n9000,X,weird\n');
    expect(errorsOf(p)).toEqual(['4 kind: "weird" is not one of revenue, expense, asset, liability, equity']);
    expect(p.changes.toAdd.map((a) => (a as { kind: string }).kind)).toEqual(['revenue', 'expense']);
  });

  it('new required fields that are not mapped are named', () => {
    const p = plan('customers', 'number\n5000\n');
    expect(errorsOf(p)).toEqual(['2 : name is required and not mapped']);
  });
});

describe('line numbers in errors', () => {
  it('count skipped lines, empty lines and quoted newlines', () => {
    const csv = [
      'Report title',
      'generated today',
      'number,name,paymentTermsDays',
      '4001,"Multi',
      'line',
      'name",14',
      '',
      '4002,Ok,bad',
      '4003,"a ""quoted""',
      'name",x',
    ].join('\r\n');
    const table = parseCsv(csv, { delimiter: ',', hasHeader: true, skipLines: 2 });
    const p = planImport({
      kind: 'customers',
      table,
      mapping: autoMap('customers', table.header).mapping,
      format: CANONICAL_FORMAT,
      existing: emptyData(),
      onDuplicate: 'stop',
      newId: sequentialIds(),
    });
    expect(p.rejected.map((r) => [r.line, r.errors[0]!.value])).toEqual([
      [8, 'bad'],
      [9, 'x'],
    ]);
  });
});

describe('apply and undo', () => {
  it('applies adds and updates, and undo restores the previous data', () => {
    const before = referenceData();
    const p = plan('customers', 'number,name\n1001,Renamed AS\n1003,New AS\n', { onDuplicate: 'update' });
    const applied = applyImportPlan(before, p);
    if (!applied.ok) throw new Error(applied.reason);
    expect(applied.data.customers.map((c) => c.name)).toEqual(['Renamed AS', 'Bø Bygg', 'New AS']);
    expect(before.customers[0]!.name).toBe('Fjord Rør AS');
    const undone = undoImportPlan(applied.data, p);
    expect(undone.ok && undone.data).toEqual(before);
  });

  it('refuses a plan whose records changed after planning', () => {
    const p = plan('customers', 'number,name\n1001,Renamed AS\n', { onDuplicate: 'update' });
    const changed: CompanyData = referenceData();
    changed.customers[0] = { ...changed.customers[0]!, email: 'x@y.no' };
    expect(applyImportPlan(changed, p)).toEqual({
      ok: false,
      reason: 'customers 1001 was changed after the import was planned; plan it again.',
    });
    const p2 = plan('customers', 'number,name\n1003,New AS\n');
    const already = applyImportPlan(referenceData(), p2);
    expect(already.ok && applyImportPlan(already.data, p2)).toEqual({
      ok: false,
      reason: 'customers 1003 already exists; plan the import again.',
    });
  });
});

describe('progress and cancel', () => {
  const rows = Array.from({ length: 4500 }, (_, i) => `${10000 + i},Customer ${i}`);
  const table = parseCsv(['number,name', ...rows].join('\n'), { delimiter: ',', hasHeader: true, skipLines: 0 });
  const input: PlanImportInput<'customers'> = {
    kind: 'customers',
    table,
    mapping: { number: 'number', name: 'name' },
    format: CANONICAL_FORMAT,
    existing: emptyData(),
    onDuplicate: 'stop',
    newId: sequentialIds(),
  };

  it('reports progress per chunk', () => {
    const seen: [number, number][] = [];
    const p = planImport({ ...input, onProgress: (done, total) => seen.push([done, total]) });
    expect(seen).toEqual([
      [2000, 4500],
      [4000, 4500],
      [4500, 4500],
    ]);
    expect(p.counts.new).toBe(4500);
  });

  it('stops when asked and returns a plan that cannot be applied', () => {
    let checks = 0;
    const p = planImport({ ...input, shouldCancel: () => ++checks === 2 });
    expect(p).toMatchObject({ status: 'cancelled', canApply: false, problems: ['The import was cancelled.'] });
    expect(p.changes.toAdd).toEqual([]);
  });

  it('can be driven step by step', () => {
    const planner = createImportPlanner(input);
    expect(planner.step(1000)).toBe(false);
    expect([planner.done, planner.total]).toEqual([1000, 4500]);
    expect(planner.finish().counts.new).toBe(4500);
  });
});

describe('rejectedRowsCsv', () => {
  it('gives line and error columns before the original cells', () => {
    const p = plan('customers', 'number,name,paymentTermsDays\n6001,"A, B",x\n6002,B\n');
    expect(rejectedRowsCsv(p)).toBe(
      [
        'line,error,number,name,paymentTermsDays',
        '2,"paymentTermsDays: ""x"" is not a number (unexpected ""x"")",6001,"A, B",x',
        '3,"2 field(s), but the header has 3.",6002,B',
        '',
      ].join('\r\n'),
    );
    expect(rejectedRowsCsv(p, ';').split('\r\n')[0]).toBe('line;error;number;name;paymentTermsDays');
  });
});
