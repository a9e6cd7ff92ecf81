import type { Claim, CompanyData } from '../../domain/types.ts';
import type { DatasetOptions } from '../types.ts';
import type { DataTypeDefinition } from './definition.ts';
import { Lookups, nested, USER_FIELDS } from './joined-objects.ts';
import type { DatasetRow } from './row.ts';
import { moneyTotal, moneyTotals } from './totals.ts';

export const expenses: DataTypeDefinition = {
  id: 'expenses',
  label: 'Expenses',
  description: 'One row per expense-claim item, with its claim, expense type and employee.',
  fields: [
    { path: 'claimNumber', type: 'string', description: 'Claim number', example: 'C-2024-007' },
    { path: 'claim', type: 'object', description: 'The claim the item belongs to', example: null },
    { path: 'claim.claimNumber', type: 'string', description: 'Claim: number', example: 'C-2024-007' },
    { path: 'claim.date', type: 'date', description: 'Claim: date', example: '2024-03-31' },
    {
      path: 'claim.status',
      type: 'string',
      description: 'Claim: draft, submitted, approved, paid or rejected',
      example: 'approved',
    },
    { path: 'claim.itemCount', type: 'integer', description: 'Claim: number of items', example: 2 },
    { path: 'claim.total', type: 'money', description: 'Claim: sum of item amounts, minor units', example: 64900 },
    { path: 'employeeNumber', type: 'string', description: 'Employee number', example: '57' },
    { path: 'employee', type: 'object', description: 'The employee who claims', example: null },
    ...nested('employee', USER_FIELDS, 'Employee'),
    { path: 'itemNumber', type: 'integer', description: 'Item number within the claim, from 1', example: 1 },
    { path: 'date', type: 'date', description: 'Date of the expense', example: '2024-03-12' },
    { path: 'expenseType', type: 'string', description: 'Expense type code', example: 'TAXI' },
    { path: 'expenseTypeName', type: 'string', description: 'Expense type name', example: 'Taxi' },
    { path: 'accountNumber', type: 'string', description: 'Expense account of the type', example: '7140' },
    { path: 'vatCode', type: 'string', description: 'VAT code of the type', example: '1' },
    { path: 'wageCode', type: 'string', description: 'Payroll wage code of the type', example: '920' },
    { path: 'description', type: 'string', description: 'Item text', example: 'Taxi to client' },
    { path: 'amount', type: 'money', description: 'Gross amount, minor units', example: 44900 },
    { path: 'vatAmount', type: 'money', description: 'VAT, minor units', example: 4810 },
    { path: 'netAmount', type: 'money', description: 'amount − vatAmount, minor units', example: 40090 },
    { path: 'currency', type: 'string', description: 'Currency', example: 'NOK' },
    { path: 'projectNumber', type: 'string', description: 'Project number', example: 'P-100' },
    { path: 'projectName', type: 'string', description: 'Project name', example: 'Website relaunch' },
  ],
  build(data, options) {
    return expenseRows(data, options)(data);
  },
  rowsPerRecord: (master, options) => expenseRows(master, options),
  recordOf: (row) => ({ kind: 'claim', key: String(row.claimNumber) }),
  controlTotals: (rows) => moneyTotal(rows, 'amount', 'currency', 'amount'),
  totalsAccumulator: () => moneyTotals('amount', 'currency', 'amount'),
};

function expenseRows(master: CompanyData, options: DatasetOptions): (records: CompanyData) => DatasetRow[] {
  const lookups = new Lookups(master);
  return (records) =>
    records.claims
      .filter((c) => lookups.includeUser(c.employeeNumber, options))
      .flatMap((claim: Claim) => {
        const claimObject = {
          claimNumber: claim.claimNumber,
          date: claim.date,
          status: claim.status,
          itemCount: claim.items.length,
          total: claim.items.reduce((s, i) => s + i.amount, 0),
        };
        const employee = lookups.userRow(claim.employeeNumber);
        return claim.items.map((item, i) => {
          const type = lookups.expenseTypes.get(item.expenseType);
          return {
            claimNumber: claim.claimNumber,
            claim: claimObject,
            employeeNumber: claim.employeeNumber,
            employee,
            itemNumber: i + 1,
            date: item.date,
            expenseType: item.expenseType,
            expenseTypeName: type?.name ?? '',
            accountNumber: type?.accountNumber ?? '',
            vatCode: type?.vatCode ?? '',
            wageCode: type?.wageCode ?? '',
            description: item.description,
            amount: item.amount,
            vatAmount: item.vatAmount,
            netAmount: item.amount - item.vatAmount,
            currency: item.currency,
            projectNumber: item.projectNumber,
            projectName: lookups.projects.get(item.projectNumber)?.name ?? '',
          };
        });
      });
}
