/**
 * Export of each kind in the importer's canonical form, so that a file exported from the
 * app imports back unchanged: canonical headers, UTF-8 (no BOM), `,` delimiter, CRLF
 * line ends, `.` decimals without grouping, ISO dates, money in major units with the
 * currency's decimals, booleans `true`/`false`. Invoices and claims give one row per
 * line/item with the document fields repeated (one row with empty line fields when a
 * document has none). Text is written as stored: no spreadsheet formula escaping, which
 * would change the values on the way back.
 */
import { currencyDecimals, formatMinor } from '../domain/money.ts';
import type { CompanyData } from '../domain/types.ts';
import { csvLine } from './csv.ts';
import { neutraliseFormula } from '../formats/builders/delimited.ts';
import { importFields, type FieldDef, type ImportKind } from './fields.ts';
import type { ImportPlan } from './plan.ts';

const EOL = '\r\n';

function formatValue(def: FieldDef, value: unknown, currency: string): string {
  if (value === null || value === undefined) return '';
  switch (def.type) {
    case 'money':
      return formatMinor(value as number, { decimals: currencyDecimals(currency) }, currencyDecimals(currency));
    case 'integer':
    case 'decimal':
      return formatPlainNumber(value as number);
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return String(value);
  }
}

/** A number in plain decimal notation (never exponent notation). */
function formatPlainNumber(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(10).replace(/\.?0+$/, '');
}

export function exportKindCsv(kind: ImportKind, data: CompanyData): string {
  const defs = importFields(kind);
  const recordDefs = defs.filter((d) => d.level === 'record');
  const childDefs = defs.filter((d) => d.level === 'child');
  const childProperty = kind === 'invoices' ? 'lines' : kind === 'claims' ? 'items' : null;
  const out: string[] = [csvLine(defs.map((d) => d.name))];
  const cells = new Array<string>(defs.length);
  for (const item of data[kind] as unknown as Record<string, unknown>[]) {
    recordDefs.forEach((def, i) => {
      const currency = def.currencyField
        ? String(item[def.currencyField] ?? data.company.currency)
        : data.company.currency;
      cells[i] = formatValue(def, item[def.property], currency);
    });
    const children = childProperty ? (item[childProperty] as Record<string, unknown>[]) : [];
    if (children.length === 0) {
      childDefs.forEach((_, j) => (cells[recordDefs.length + j] = ''));
      out.push(csvLine(cells));
      continue;
    }
    for (const child of children) {
      childDefs.forEach((def, j) => {
        const currencyProperty = def.currencyField?.replace(/^item\./, '');
        const currency = String(
          (def.currencyField?.startsWith('item.') ? child[currencyProperty!] : item[currencyProperty ?? '']) ??
            data.company.currency,
        );
        cells[recordDefs.length + j] = formatValue(def, child[def.property], currency);
      });
      out.push(csvLine(cells));
    }
  }
  return out.join(EOL) + EOL;
}

/**
 * The rejected rows as a CSV to fix and import again: `line` (where the row was) and
 * `error` (every reason, `column: reason`, joined by `; `) first, then the row's cells as
 * read. They come first so that a ragged row cannot push them out of their columns; the
 * importer ignores both when the file comes back (they map to no field).
 */
export function rejectedRowsCsv(plan: Pick<ImportPlan, 'header' | 'rejected'>, delimiter: string = ','): string {
  // Opened in a spreadsheet to be fixed: someone else's cells that would run as formulas get a `'` (issue 16).
  const out: string[] = [csvLine(['line', 'error', ...plan.header.map(neutraliseFormula)], delimiter)];
  for (const row of plan.rejected) {
    const error = row.errors.map((e) => (e.column ? `${e.column}: ${e.reason}` : e.reason)).join('; ');
    out.push(csvLine([String(row.line), neutraliseFormula(error), ...row.cells.map(neutraliseFormula)], delimiter));
  }
  return out.join(EOL) + EOL;
}
