import type { DataTypeDefinition } from './definition.ts';
import { CUSTOMER_FIELDS, customerObject } from './joined-objects.ts';

export const customers: DataTypeDefinition = {
  id: 'customers',
  label: 'Customers',
  description: 'One row per customer.',
  fields: CUSTOMER_FIELDS,
  build: (data) => data.customers.map((c) => customerObject(c, c.number)),
  recordOf: (row) => ({ kind: 'customer', key: String(row.number) }),
  controlTotals: () => ({}),
};
