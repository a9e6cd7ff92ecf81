/** The CSV importer's pure core: detection, parsing, mapping, planning, applying, export. */
export * from './encoding.ts';
export * from './csv.ts';
export * from './numbers.ts';
export * from './date-formats.ts';
export * from './fields.ts';
export * from './auto-map.ts';
export * from './values.ts';
export * from './records.ts';
export * from './plan.ts';
export * from './apply.ts';
export * from './export-csv.ts';
export * from './preset.ts';
export * from './read-file.ts';
export * from './value-format-guess.ts';
export * from './existing-scope.ts';
