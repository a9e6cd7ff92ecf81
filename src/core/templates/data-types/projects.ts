import type { DataTypeDefinition } from './definition.ts';
import {
  CUSTOMER_FIELDS,
  customerObject,
  Lookups,
  nested,
  PROJECT_OBJECT_FIELDS,
  projectObject,
} from './joined-objects.ts';

export const projects: DataTypeDefinition = {
  id: 'projects',
  label: 'Projects',
  description: 'One row per project, with its customer.',
  fields: [
    ...PROJECT_OBJECT_FIELDS,
    { path: 'customer', type: 'object', description: 'The project customer', example: null },
    ...nested('customer', CUSTOMER_FIELDS, 'Customer'),
  ],
  build(data) {
    const lookups = new Lookups(data);
    return data.projects.map((p) => ({
      ...projectObject(p, p.number),
      customer: customerObject(lookups.customers.get(p.customerNumber), p.customerNumber),
    }));
  },
  recordOf: (row) => ({ kind: 'project', key: String(row.number) }),
  controlTotals: () => ({}),
};
