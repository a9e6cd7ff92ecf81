import { hoursAmount } from '../../domain/money.ts';
import { payRateFor } from '../../domain/pay-rate.ts';
import type { CompanyData, TimeRecord } from '../../domain/types.ts';
import type { DatasetOptions } from '../types.ts';
import type { DataTypeDefinition } from './definition.ts';
import { Lookups, nested, PROJECT_OBJECT_FIELDS, USER_FIELDS } from './joined-objects.ts';
import type { DatasetRow } from './row.ts';
import { hoursTotals, totalsOf } from './totals.ts';

export const timeRecords: DataTypeDefinition = {
  id: 'timeRecords',
  label: 'Timerecords',
  description:
    'One row per time record with its user and project. External co-workers only when the template includes them.',
  fields: [
    { path: 'id', type: 'string', description: 'Time record id', example: 'tr-0001' },
    { path: 'date', type: 'date', description: 'Date worked', example: '2024-03-04' },
    { path: 'employeeNumber', type: 'string', description: 'Employee number', example: '57' },
    { path: 'user', type: 'object', description: 'The co-worker', example: null },
    ...nested('user', USER_FIELDS, 'User'),
    { path: 'projectNumber', type: 'string', description: 'Project number', example: 'P-100' },
    { path: 'project', type: 'object', description: 'The project (empty fields when none)', example: null },
    ...nested('project', PROJECT_OBJECT_FIELDS, 'Project'),
    {
      path: 'customerName',
      type: 'string',
      description: 'Name of the project customer',
      example: 'Fjordkraft Consulting AS',
    },
    { path: 'activity', type: 'string', description: 'Activity', example: 'Development' },
    { path: 'hours', type: 'number', description: 'Hours', example: 7.5 },
    { path: 'wageCode', type: 'string', description: 'Payroll wage code', example: '800' },
    { path: 'rate', type: 'money', description: 'Rate per hour, minor units; null when not set', example: 109600 },
    { path: 'amount', type: 'money', description: 'hours × rate, minor units; null when no rate', example: 822000 },
    {
      path: 'payRate',
      type: 'money',
      description:
        "Pay (wage) rate per hour for payroll, minor units: the record's, else the co-worker's for the wage code; null when none (never the billing rate)",
      example: 35000,
    },
    { path: 'billable', type: 'boolean', description: 'Billable', example: true },
    { path: 'approved', type: 'boolean', description: 'Approved', example: true },
    { path: 'comment', type: 'string', description: 'Comment', example: '' },
  ],
  build(data, options) {
    return timeRecordRows(data, options)(data);
  },
  rowsPerRecord: (master, options) => timeRecordRows(master, options),
  recordOf: (row) => ({ kind: 'timeRecord', key: String(row.id) }),
  controlTotals: (rows) => totalsOf(hoursTotals(), rows),
  totalsAccumulator: hoursTotals,
};

function timeRecordRows(master: CompanyData, options: DatasetOptions): (records: CompanyData) => DatasetRow[] {
  const lookups = new Lookups(master);
  return (records) =>
    records.timeRecords
      .filter((r) => lookups.includeUser(r.employeeNumber, options))
      .map((r: TimeRecord) => {
        const project = lookups.projects.get(r.projectNumber);
        return {
          id: r.id,
          date: r.date,
          employeeNumber: r.employeeNumber,
          user: lookups.userRow(r.employeeNumber),
          projectNumber: r.projectNumber,
          project: lookups.projectRow(r.projectNumber),
          customerName: project ? (lookups.customers.get(project.customerNumber)?.name ?? '') : '',
          activity: r.activity,
          hours: r.hours,
          wageCode: r.wageCode,
          rate: r.rate,
          amount: r.rate === null ? null : hoursAmount(r.hours, r.rate),
          payRate: payRateFor(r, lookups.users.get(r.employeeNumber)),
          billable: r.billable,
          approved: r.approved,
          comment: r.comment,
        };
      });
}
