/** What every data type provides: its rows, their documentation, their records and control totals. */
import type { CompanyData } from '../../domain/types.ts';
import type { DatasetOptions, TemplateDataType } from '../types.ts';
import type { DatasetRow, FieldDoc, RowRecord } from './row.ts';

export interface DataTypeDefinition {
  id: TemplateDataType;
  /** Moment's name for it. */
  label: string;
  description: string;
  fields: readonly FieldDoc[];
  /** The list field a layout template can write one line per item of (invoice lines). */
  listField?: string;
  build(data: CompanyData, options: DatasetOptions): DatasetRow[];
  recordOf(row: DatasetRow): RowRecord;
  /** Sums shown next to the exported file, e.g. `{ 'gross NOK': 123450 }`. */
  controlTotals(rows: readonly DatasetRow[]): Record<string, number>;
  /**
   * Present when the rows map the records one by one in their order (time records: one row
   * per record; expenses: one row per item, a claim's items together), so the rows of two
   * record lists one after the other are their rows one after the other. Returns the row
   * maker for the records of one chunk (`records.timeRecords` / `records.claims`); the
   * lookups into `master` are built once. `build` is defined through it, so a chunked export
   * (src/core/templates/layout-stream.ts) makes the rows a whole one makes.
   */
  rowsPerRecord?(master: CompanyData, options: DatasetOptions): (records: CompanyData) => DatasetRow[];
  /** Present with `rowsPerRecord`: the control totals as a running sum; `controlTotals` is defined through it. */
  totalsAccumulator?(): TotalsAccumulator;
}

/** Control totals summed row by row in row order, so sums over chunks equal the sum over all rows. */
export interface TotalsAccumulator {
  add(rows: readonly DatasetRow[]): void;
  totals(): Record<string, number>;
}
