import { DEFAULT_TIME_GROUP_KEYS, groupTimeRecords, sumHours } from '../grouping.ts';
import type { DataTypeDefinition } from './definition.ts';
import { Lookups } from './joined-objects.ts';

export const timeRecordsGrouped: DataTypeDefinition = {
  id: 'timeRecordsGrouped',
  label: 'Timerecords (grouped)',
  description:
    'Hours summed over the period per employee, wage code and project (the grouping keys are a template setting: employee, wageCode, project, activity, date). Key fields not grouped on are empty.',
  fields: [
    {
      path: 'employeeNumber',
      type: 'string',
      description: 'Employee number (empty unless grouped by employee)',
      example: '57',
    },
    { path: 'employeeName', type: 'string', description: 'Employee name', example: 'Kari Nordmann' },
    { path: 'wageCode', type: 'string', description: 'Wage code (empty unless grouped by wage code)', example: '800' },
    {
      path: 'projectNumber',
      type: 'string',
      description: 'Project number (empty unless grouped by project)',
      example: 'P-100',
    },
    { path: 'projectName', type: 'string', description: 'Project name', example: 'Website relaunch' },
    { path: 'activity', type: 'string', description: 'Activity (empty unless grouped by activity)', example: '' },
    { path: 'date', type: 'date', description: 'Date (empty unless grouped by date)', example: '' },
    { path: 'hours', type: 'number', description: 'Sum of hours', example: 37.5 },
    {
      path: 'amount',
      type: 'money',
      description: 'Sum of hours × rate of the records that have a rate, minor units',
      example: 4110000,
    },
    { path: 'recordCount', type: 'integer', description: 'Number of time records summed', example: 5 },
    { path: 'firstDate', type: 'date', description: 'Earliest date in the group', example: '2024-03-04' },
    { path: 'lastDate', type: 'date', description: 'Latest date in the group', example: '2024-03-08' },
  ],
  build(data, options) {
    const lookups = new Lookups(data);
    const records = data.timeRecords.filter((r) => lookups.includeUser(r.employeeNumber, options));
    const groupBy = options.groupBy && options.groupBy.length > 0 ? options.groupBy : DEFAULT_TIME_GROUP_KEYS;
    return groupTimeRecords(records, groupBy).map((g) => ({
      employeeNumber: g.keys.employee,
      employeeName: lookups.users.get(g.keys.employee)?.name ?? '',
      wageCode: g.keys.wageCode,
      projectNumber: g.keys.project,
      projectName: lookups.projects.get(g.keys.project)?.name ?? '',
      activity: g.keys.activity,
      date: g.keys.date,
      hours: g.hours,
      amount: g.amount,
      recordCount: g.records.length,
      firstDate: g.firstDate,
      lastDate: g.lastDate,
    }));
  },
  recordOf: (row) => ({ kind: 'user', key: String(row.employeeNumber) }),
  controlTotals: (rows) => ({ hours: sumHours(rows.map((r) => Number(r.hours))) }),
};
