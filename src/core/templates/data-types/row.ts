/**
 * What a data type's rows are and how their fields are documented. Kept apart from the data
 * types (which need the template types) so that ledger-scope.ts, which the template types
 * import, can use these without an import circle.
 */
export type FieldType = 'string' | 'integer' | 'number' | 'money' | 'date' | 'datetime' | 'boolean' | 'object' | 'list';

export interface FieldDoc {
  /** `name`, `customer.name`, `lines[].net` */
  path: string;
  type: FieldType;
  description: string;
  example: string | number | boolean | null;
}

export type DatasetRow = Record<string, unknown>;

/** What record a row comes from, for issues (`ExportIssue.record`). */
export interface RowRecord {
  kind: 'invoice' | 'customer' | 'project' | 'user' | 'timeRecord' | 'claim';
  key: string;
}
