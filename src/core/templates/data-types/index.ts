/**
 * The data types (datasets) templates read, after Moment's list: Customers, Expenses,
 * Invoices, Invoices grouped by account, Projects, Timerecords, Timerecords (grouped), Users.
 *
 * Rows are plain JSON-like objects (no methods, no prototypes beyond Object/Array), so
 * they can cross a worker boundary and be read by Liquid with `ownPropertyOnly`.
 * Money is integer minor units; format it in the template (`| amount`) or through a
 * layout column of type `money`. Joined objects (customer, project, user) are always
 * present (see joined-objects.ts), so every documented field exists in every row.
 *
 * Each data type documents its fields (`fields`) for the editor's field reference; a test
 * checks the documentation against the rows. One module per data type; this one holds the list.
 */
import type { CompanyData } from '../../domain/types.ts';
import type { DatasetOptions, TemplateDataType } from '../types.ts';
import { customers } from './customers.ts';
import type { DataTypeDefinition } from './definition.ts';
import { expenses } from './expenses.ts';
import { invoices } from './invoices.ts';
import { invoicesByAccount } from './invoices-by-account.ts';
import { projects } from './projects.ts';
import type { DatasetRow, FieldDoc } from './row.ts';
import { timeRecords } from './time-records.ts';
import { timeRecordsGrouped } from './time-records-grouped.ts';
import { users } from './users.ts';

export type { DataTypeDefinition, TotalsAccumulator } from './definition.ts';
export type { DatasetRow, FieldDoc, FieldType, RowRecord } from './row.ts';

export const DATA_TYPES: Readonly<Record<TemplateDataType, DataTypeDefinition>> = {
  customers,
  expenses,
  invoices,
  invoicesByAccount,
  projects,
  timeRecords,
  timeRecordsGrouped,
  users,
};

export function dataTypeDefinition(id: TemplateDataType): DataTypeDefinition {
  return DATA_TYPES[id];
}

/** The documented fields of a data type, for the editor's field reference. */
export function dataTypeFields(id: TemplateDataType): readonly FieldDoc[] {
  return DATA_TYPES[id].fields;
}

/** The rows a template of `dataType` reads. `data` is already narrowed by the pipeline (period, export status). */
export function buildDataset(
  dataType: TemplateDataType,
  data: CompanyData,
  options: DatasetOptions = {},
): DatasetRow[] {
  return DATA_TYPES[dataType].build(data, options);
}
