import type { DataTypeDefinition } from './definition.ts';
import { USER_FIELDS, userObject } from './joined-objects.ts';

export const users: DataTypeDefinition = {
  id: 'users',
  label: 'Users',
  description: 'One row per user (co-worker), external ones included.',
  fields: USER_FIELDS,
  build: (data) => data.users.map((u) => userObject(u, u.employeeNumber)),
  recordOf: (row) => ({ kind: 'user', key: String(row.employeeNumber) }),
  controlTotals: () => ({}),
};
