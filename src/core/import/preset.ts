/**
 * Saved import settings ("presets"), as versioned JSON so that users can share them and a
 * newer app can tell an old preset from a new one. Version 1 is the only version; a
 * preset of a newer version is refused with a message rather than half-read.
 */
import type { ColumnMapping, ConstantValues } from './auto-map.ts';
import { isDelimiter, type Delimiter } from './csv.ts';
import { isDateFormat, type DateFormat } from './date-formats.ts';
import { isImportEncoding, type ImportEncoding } from './encoding.ts';
import { isImportKind, type ImportKind } from './fields.ts';
import { THOUSANDS_SEPARATORS, type DecimalSeparator, type ThousandsSeparator } from './numbers.ts';
import { ON_DUPLICATE_CHOICES, type OnDuplicate } from './plan.ts';

export const PRESET_FORMAT = 'exportdesk-import-preset';
export const PRESET_VERSION = 1;

export interface ImportPreset {
  format: typeof PRESET_FORMAT;
  version: typeof PRESET_VERSION;
  name: string;
  kind: ImportKind;
  /** Absent: detect each time. */
  encoding?: ImportEncoding;
  delimiter?: Delimiter;
  hasHeader: boolean;
  skipLines: number;
  /** null: not chosen (ambiguous numbers are errors until it is). */
  decimal: DecimalSeparator | null;
  thousands: ThousandsSeparator;
  dateFormat: DateFormat | null;
  columns: ColumnMapping;
  constants: ConstantValues;
  onDuplicate: OnDuplicate;
}

export type PresetResult = { ok: true; preset: ImportPreset } | { ok: false; errors: string[] };

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

export function parsePresetJson(text: string): PresetResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`The preset is not valid JSON: ${(e as Error).message}`] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, errors: ['The preset must be a JSON object.'] };
  const p = raw as Record<string, unknown>;
  if (p['format'] !== PRESET_FORMAT)
    return {
      ok: false,
      errors: [
        `This is not an Exportdesk import preset (format is ${JSON.stringify(p['format'] ?? null)}, expected "${PRESET_FORMAT}").`,
      ],
    };
  if (typeof p['version'] !== 'number' || !Number.isInteger(p['version']))
    return { ok: false, errors: ['The preset has no version number.'] };
  if (p['version'] > PRESET_VERSION)
    return {
      ok: false,
      errors: [
        `The preset is version ${p['version']}, made by a newer Exportdesk; this version reads presets up to version ${PRESET_VERSION}.`,
      ],
    };
  if (p['version'] < 1) return { ok: false, errors: [`Unknown preset version ${p['version']}.`] };

  const errors: string[] = [];
  const need = (field: string, ok: boolean, expected: string) => {
    if (!(field in p)) errors.push(`Missing field "${field}" (${expected}).`);
    else if (!ok) errors.push(`Field "${field}" must be ${expected}, got ${JSON.stringify(p[field])}.`);
  };
  need('name', typeof p['name'] === 'string' && p['name'].trim() !== '', 'a non-empty text');
  need(
    'kind',
    isImportKind(p['kind']),
    'one of customers, projects, users, accounts, vatCodes, expenseTypes, invoices, timeRecords, claims',
  );
  if ('encoding' in p && p['encoding'] !== undefined && !isImportEncoding(p['encoding']))
    errors.push(`Field "encoding" is not a supported encoding: ${JSON.stringify(p['encoding'])}.`);
  if ('delimiter' in p && p['delimiter'] !== undefined && !isDelimiter(p['delimiter']))
    errors.push(`Field "delimiter" must be one of "," ";" tab "|", got ${JSON.stringify(p['delimiter'])}.`);
  need('hasHeader', typeof p['hasHeader'] === 'boolean', 'true or false');
  need(
    'skipLines',
    typeof p['skipLines'] === 'number' && Number.isInteger(p['skipLines']) && p['skipLines'] >= 0,
    'a whole number ≥ 0',
  );
  need('decimal', p['decimal'] === '.' || p['decimal'] === ',' || p['decimal'] === null, '".", "," or null');
  need(
    'thousands',
    typeof p['thousands'] === 'string' && (THOUSANDS_SEPARATORS as readonly string[]).includes(p['thousands']),
    `one of ${THOUSANDS_SEPARATORS.map((t) => JSON.stringify(t)).join(', ')}`,
  );
  need('dateFormat', p['dateFormat'] === null || isDateFormat(p['dateFormat']), 'a supported date format or null');
  need('columns', isStringRecord(p['columns']), 'an object of field → column header');
  need('constants', isStringRecord(p['constants']), 'an object of field → text');
  need(
    'onDuplicate',
    typeof p['onDuplicate'] === 'string' && (ON_DUPLICATE_CHOICES as readonly string[]).includes(p['onDuplicate']),
    '"skip", "update" or "stop"',
  );
  if (errors.length > 0) return { ok: false, errors };

  const preset: ImportPreset = {
    format: PRESET_FORMAT,
    version: PRESET_VERSION,
    name: p['name'] as string,
    kind: p['kind'] as ImportKind,
    hasHeader: p['hasHeader'] as boolean,
    skipLines: p['skipLines'] as number,
    decimal: p['decimal'] as DecimalSeparator | null,
    thousands: p['thousands'] as ThousandsSeparator,
    dateFormat: p['dateFormat'] as DateFormat | null,
    columns: { ...(p['columns'] as ColumnMapping) },
    constants: { ...(p['constants'] as ConstantValues) },
    onDuplicate: p['onDuplicate'] as OnDuplicate,
  };
  if (p['encoding'] !== undefined) preset.encoding = p['encoding'] as ImportEncoding;
  if (p['delimiter'] !== undefined) preset.delimiter = p['delimiter'] as Delimiter;
  return { ok: true, preset };
}

/** Stable JSON (fixed key order, 2-space indent, final newline) so presets diff well. */
export function serializePreset(preset: ImportPreset): string {
  const ordered = {
    format: PRESET_FORMAT,
    version: PRESET_VERSION,
    name: preset.name,
    kind: preset.kind,
    ...(preset.encoding !== undefined ? { encoding: preset.encoding } : {}),
    ...(preset.delimiter !== undefined ? { delimiter: preset.delimiter } : {}),
    hasHeader: preset.hasHeader,
    skipLines: preset.skipLines,
    decimal: preset.decimal,
    thousands: preset.thousands,
    dateFormat: preset.dateFormat,
    columns: preset.columns,
    constants: preset.constants,
    onDuplicate: preset.onDuplicate,
  };
  return JSON.stringify(ordered, null, 2) + '\n';
}
