/**
 * Column mapping: which column (by header name) feeds which field, plus constants.
 * Automatic mapping compares headers with each field's canonical name first and then
 * with its aliases, ignoring case, accents and punctuation (`Org.nr` = `orgnr`,
 * `Beløp` = `belop`, `Anställningsnr` = `anstallningsnr`). Each field takes the first
 * column that matches it; each column feeds at most one field.
 */
import { importFields, type FieldDef, type ImportKind } from './fields.ts';

/** field name → column header (as in `ParsedCsv.header`). Unmapped columns are ignored. */
export type ColumnMapping = Record<string, string>;
/** field name → constant text in canonical form (ISO dates, `.` decimals, `true`/`false`). */
export type ConstantValues = Record<string, string>;

const FOLD: Readonly<Record<string, string>> = { ø: 'o', æ: 'ae', ß: 'ss', đ: 'd', ł: 'l', œ: 'oe', ð: 'd', þ: 'th' };

/** Lower case, accents and punctuation removed: the key headers are compared on. */
export function normalizeHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/[øæßđłœðþ]/g, (ch) => FOLD[ch] ?? ch)
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');
}

export interface AutoMapResult {
  mapping: ColumnMapping;
  /** How each mapped field was found. */
  matches: { field: string; column: string; by: 'name' | 'alias' }[];
  /** Columns no field took. */
  unmappedColumns: string[];
  /** Required fields without a column. */
  missingRequired: string[];
}

export function autoMap(kind: ImportKind, header: readonly string[]): AutoMapResult {
  const defs = importFields(kind);
  const mapping: ColumnMapping = {};
  const matches: AutoMapResult['matches'] = [];
  const taken = new Set<string>();
  const normalized = header.map(normalizeHeader);
  const assign = (def: FieldDef, column: number, by: 'name' | 'alias') => {
    mapping[def.name] = header[column]!;
    matches.push({ field: def.name, column: header[column]!, by });
    taken.add(header[column]!);
  };
  for (const def of defs) {
    const key = normalizeHeader(def.name);
    const column = normalized.findIndex((h, i) => h === key && !taken.has(header[i]!));
    if (column !== -1) assign(def, column, 'name');
  }
  for (const def of defs) {
    if (mapping[def.name] !== undefined) continue;
    const keys = new Set(def.aliases.map(normalizeHeader));
    const column = normalized.findIndex((h, i) => keys.has(h) && !taken.has(header[i]!));
    if (column !== -1) assign(def, column, 'alias');
  }
  return {
    mapping,
    matches,
    unmappedColumns: header.filter((h) => !taken.has(h)),
    missingRequired: defs.filter((d) => d.required && mapping[d.name] === undefined).map((d) => d.name),
  };
}

export interface MappingProblem {
  field: string;
  message: string;
}

/** Mapping errors that stop an import before any row is read. */
export function checkMapping(
  kind: ImportKind,
  header: readonly string[],
  mapping: ColumnMapping,
  constants: ConstantValues = {},
): MappingProblem[] {
  const defs = importFields(kind);
  const names = new Set(defs.map((d) => d.name));
  const columns = new Set(header);
  const problems: MappingProblem[] = [];
  for (const [field, column] of Object.entries(mapping)) {
    if (!names.has(field)) problems.push({ field, message: `"${field}" is not a field of ${kind}` });
    else if (!columns.has(column))
      problems.push({ field, message: `column "${column}" (mapped to ${field}) is not in the file` });
  }
  for (const field of Object.keys(constants)) {
    if (!names.has(field)) problems.push({ field, message: `"${field}" is not a field of ${kind}` });
  }
  const has = (f: string) => mapping[f] !== undefined || constants[f] !== undefined;
  if (kind === 'invoices') {
    if (!has('number') && !has('id'))
      problems.push({
        field: 'number',
        message: 'map the invoice number (or the internal id) to group lines into invoices',
      });
  } else if (kind === 'claims') {
    if (!has('claimNumber'))
      problems.push({ field: 'claimNumber', message: 'map the claim number to group items into claims' });
  } else if (kind !== 'timeRecords') {
    const key = defs[0]!;
    if (mapping[key.name] === undefined)
      problems.push({ field: key.name, message: `map the key field ${key.name} (${key.label})` });
  }
  return problems;
}
