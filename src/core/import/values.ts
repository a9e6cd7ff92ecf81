/**
 * Reading one cell for one field: the single place where a field type meets the number,
 * date and boolean readers. Constants typed by the user use the canonical format
 * (`CANONICAL_FORMAT`), whatever the file's format is.
 */
import { currencyDecimals } from '../domain/money.ts';
import { isKeyField } from '../domain/limits.ts';
import { keyOf, normalizeText } from '../validation/text.ts';
import { parseDate, parseDateTime, type DateFormat } from './date-formats.ts';
import type { FieldDef } from './fields.ts';
import { normalizeHeader } from './auto-map.ts';
import {
  parseDecimal,
  parseFailure,
  parseMoney,
  type DecimalSeparator,
  type ParseResult,
  type ThousandsSeparator,
} from './numbers.ts';

/** How the file writes numbers and dates. `null` = not chosen: ambiguous values are errors. */
export interface ValueFormat {
  decimal: DecimalSeparator | null;
  thousands: ThousandsSeparator;
  dateFormat: DateFormat | null;
}

/** The format of exported files and of constants. */
export const CANONICAL_FORMAT: ValueFormat = { decimal: '.', thousands: '', dateFormat: 'YYYY-MM-DD' };

const TRUE_WORDS = new Set(['true', 'yes', 'y', 'ja', 'j', '1', 'x', 'sann', 'sant']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'nei', 'nej', '0', 'usann', 'falskt']);

export function parseBoolean(text: string): ParseResult<boolean> {
  const v = text.trim().toLowerCase();
  if (TRUE_WORDS.has(v)) return { ok: true, value: true };
  if (FALSE_WORDS.has(v)) return { ok: true, value: false };
  return parseFailure(`"${text.trim()}" is not yes/no (use true/false, ja/nei, ja/nej, yes/no, 1/0)`, 'boolean', {
    value: text.trim(),
  });
}

const enumCache = new WeakMap<FieldDef, Map<string, string>>();

export function parseEnum(text: string, def: FieldDef): ParseResult<string> {
  let lookup = enumCache.get(def);
  if (!lookup) {
    lookup = new Map();
    for (const [value, spellings] of Object.entries(def.values ?? {})) {
      lookup.set(normalizeHeader(value), value);
      for (const s of spellings) lookup.set(normalizeHeader(s), value);
    }
    enumCache.set(def, lookup);
  }
  const found = lookup.get(normalizeHeader(text));
  if (found !== undefined) return { ok: true, value: found };
  const values = Object.keys(def.values ?? {}).join(', ');
  return parseFailure(`"${text.trim()}" is not one of ${values}`, 'enum', { value: text.trim(), values });
}

/**
 * Reads a non-empty cell. `currency` is the currency of the row, for money fields
 * (it decides the number of decimals).
 */
export function readValue(
  text: string,
  def: FieldDef,
  format: ValueFormat,
  currency: string,
): ParseResult<string | number | boolean> {
  switch (def.type) {
    case 'text':
      // Stored in NFC; keys and references without invisible characters, so a look-alike
      // (`10001` + U+200B) is the same key as the stored one (validation/text.ts).
      return { ok: true, value: isKeyField(def.property) || def.reference ? keyOf(text) : normalizeText(text) };
    case 'integer':
      return parseDecimal(text, format, 0);
    case 'decimal':
      return parseDecimal(text, format, def.decimals ?? 4);
    case 'money':
      return parseMoney(text, format, currencyDecimals(currency));
    case 'date':
      return parseDate(text, format.dateFormat);
    case 'datetime':
      return parseDateTime(text);
    case 'boolean':
      return parseBoolean(text);
    case 'enum':
      return parseEnum(text, def);
  }
}
