/**
 * Code mappings: settings that map this company's codes (VAT codes, accounts, co-workers, expense
 * types, payment terms) to the target system's codes, written as `code=value; code=value` so the
 * CLI's `--set` keeps working. The Settings form shows them as a table: the company's codes down
 * the side and one input per row (`SettingDefinition.mapping`). Plain data and string handling only:
 * format metadata (systems/<id>/info.ts) and the page load this without any format code.
 */
import type { CompanyData } from '../../domain/types.ts';

/** Which of the company's codes a mapping's rows are. */
export type MappingSource = 'vatCodes' | 'accounts' | 'users' | 'expenseTypes' | 'paymentTerms';

export interface CodeMapping {
  from: MappingSource;
  /** The value column's heading, e.g. "Xero tax rate". */
  to: string;
  /** Values to offer per row (the row's VAT rate for VAT codes, else none): suggestions, never defaults. */
  suggest?: 'xero-tax-rate';
}

/** One row of a mapping table: a code of the company, what it is, and what may be typed for it. */
export interface MappingRow {
  code: string;
  label: string;
  suggestions: string[];
}

/** "3=25% (VAT on Income); 5=No VAT" → map; a part without `code=value` is returned in `invalid`. */
export function parseCodeMapping(text: string): { map: Map<string, string>; invalid: string[] } {
  const map = new Map<string, string>();
  const invalid: string[] = [];
  for (const part of text.split(/[;\n]/)) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const at = trimmed.indexOf('=');
    if (at <= 0 || at === trimmed.length - 1) invalid.push(trimmed);
    else map.set(trimmed.slice(0, at).trim(), trimmed.slice(at + 1).trim());
  }
  return { map, invalid };
}

/** The map as the setting's text, in the map's order, empty values left out. */
export function formatCodeMapping(map: ReadonlyMap<string, string>): string {
  return [...map]
    .filter(([, value]) => value.trim() !== '')
    .map(([code, value]) => `${code}=${value.trim()}`)
    .join('; ');
}

/**
 * Names a Xero organisation often has for a sales rate (issue 12 research, help.xero.com/uk/Tax-SetDefaults
 * and the Global edition's defaults): suggestions only, shown to the user, never written unmapped.
 */
export function xeroTaxRateSuggestions(ratePercent: number): string[] {
  if (ratePercent === 0) return ['No VAT', 'Tax Exempt', 'Zero Rated Income', 'Exempt Income'];
  return [`${ratePercent}% (VAT on Income)`, 'Tax on Sales'];
}

export type MappingMaster = Pick<CompanyData, 'vatCodes' | 'accounts' | 'users' | 'expenseTypes' | 'customers'>;

/** The rows of a mapping table for this company, in the order its registers keep them. */
export function mappingRows(mapping: CodeMapping, master: MappingMaster): MappingRow[] {
  switch (mapping.from) {
    case 'vatCodes':
      return master.vatCodes.map((v) => ({
        code: v.code,
        label: `${v.description} (${v.ratePercent} %)`,
        suggestions: mapping.suggest === 'xero-tax-rate' ? xeroTaxRateSuggestions(v.ratePercent) : [],
      }));
    case 'accounts':
      return master.accounts.map((a) => ({ code: a.number, label: a.name, suggestions: [] }));
    case 'users':
      return master.users.map((u) => ({ code: u.employeeNumber, label: u.name, suggestions: [] }));
    case 'expenseTypes':
      return master.expenseTypes.map((e) => ({ code: e.code, label: e.name, suggestions: [] }));
    case 'paymentTerms':
      return [...new Set(master.customers.map((c) => c.paymentTermsDays))]
        .sort((a, b) => a - b)
        .map((days) => ({ code: String(days), label: `${days} days`, suggestions: [] }));
  }
}
