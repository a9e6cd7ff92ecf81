/**
 * Every built-in format, and the settings plumbing shared by the Settings form, the pipeline
 * and the CLI (`--set key=value`). Adding a format = one module in ./systems/ + one line in
 * FORMATS (docs/adding-a-format.md).
 */
import { cloneLayout, type DelimitedLayout } from './builders/delimited.ts';
import type { FixedWidthLayout } from './builders/fixed-width.ts';
import { replacedSettingValue } from './kit/format-kit.ts';
import { dynamicsC5 } from './systems/dynamics-c5.ts';
import { gbat10 } from './systems/gbat10/gbat10.ts';
import { gbat10Layout } from './systems/gbat10/gbat10-rows.ts';
import { hogia } from './systems/hogia.ts';
import { huldtLillevikExpenses, huldtLillevikHours } from './systems/huldt-lillevik.ts';
import { sgFinans } from './systems/sg-finans.ts';
import { sie4 } from './systems/sie4.ts';
import { vismaLonn } from './systems/visma-lonn.ts';
import { vismaGlobal, vismaGlobalLayout } from './systems/visma-global.ts';
import { xero, xeroLayout } from './systems/xero.ts';
import { xledgerAr10 } from './systems/gbat10/xledger-ar10.ts';
import { gl02bLayout, xledgerGl02b } from './systems/xledger-gl02b.ts';
import type { FormatDefinition, FormatSettings, SettingDefinition, SettingValue } from './types.ts';

/** Every built-in format, in the order the Settings form and `exportdesk formats` list them. */
export const FORMATS: readonly FormatDefinition[] = [
  // accounting
  sie4,
  xero,
  gbat10,
  xledgerAr10,
  xledgerGl02b,
  vismaGlobal,
  dynamicsC5,
  // payroll
  vismaLonn,
  huldtLillevikHours,
  huldtLillevikExpenses,
  hogia,
  // factoring
  sgFinans,
];

export function getFormat(id: string): FormatDefinition | undefined {
  return FORMATS.find((f) => f.id === id);
}

export type FormatSummary = Pick<
  FormatDefinition,
  'id' | 'name' | 'country' | 'purpose' | 'dataType' | 'fileKind' | 'defaultEncoding'
>;

/** A format as plain data (no functions), for the Settings form: its summary, spec and declared settings. */
export type FormatDescription = FormatSummary & Pick<FormatDefinition, 'specUrl' | 'settings'>;

export function describeFormats(): FormatDescription[] {
  return FORMATS.map((f) => ({
    ...listFormatSummary(f),
    specUrl: f.specUrl,
    settings: f.settings.map((d) => ({ ...d })),
  }));
}

function listFormatSummary({
  id,
  name,
  country,
  purpose,
  dataType,
  fileKind,
  defaultEncoding,
}: FormatDefinition): FormatSummary {
  return { id, name, country, purpose, dataType, fileKind, defaultEncoding };
}

export function listFormats(): FormatSummary[] {
  return FORMATS.map(listFormatSummary);
}

export interface SettingError {
  key: string;
  message: string;
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on', 'ja']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off', 'nei', 'nej']);

/** One value checked and coerced to its definition's kind; strings (from `--set`) are parsed. */
export function coerceSetting(def: SettingDefinition, raw: unknown): { value?: SettingValue; error?: string } {
  switch (def.kind) {
    case 'boolean': {
      if (typeof raw === 'boolean') return { value: raw };
      const word = String(raw).trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return { value: true };
      if (FALSE_WORDS.has(word)) return { value: false };
      return { error: `must be true or false, got ${JSON.stringify(raw)}` };
    }
    case 'integer': {
      const n = typeof raw === 'number' ? raw : /^\s*-?\d+\s*$/.test(String(raw)) ? Number(String(raw).trim()) : NaN;
      if (!Number.isSafeInteger(n)) return { error: `must be a whole number, got ${JSON.stringify(raw)}` };
      if (def.min !== undefined && n < def.min) return { error: `must be at least ${def.min}` };
      if (def.max !== undefined && n > def.max) return { error: `must be at most ${def.max}` };
      return { value: n };
    }
    case 'choice': {
      const text = String(raw);
      if (!def.choices.some((c) => c.value === text))
        return { error: `must be one of ${def.choices.map((c) => c.value).join(', ')}, got ${JSON.stringify(raw)}` };
      return { value: text };
    }
    case 'string': {
      if (typeof raw !== 'string' && typeof raw !== 'number')
        return { error: `must be text, got ${JSON.stringify(raw)}` };
      const text = String(raw);
      if (def.maxLength !== undefined && text.length > def.maxLength)
        return { error: `must be at most ${def.maxLength} characters` };
      if (def.pattern && text !== '' && !new RegExp(def.pattern).test(text))
        return { error: `has an invalid form: ${JSON.stringify(text)}` };
      return { value: text };
    }
  }
}

/**
 * Defaults applied, values checked against their definitions, `--set` strings coerced to the
 * declared kind, unknown keys and empty required values reported. `settings` always holds
 * every declared key (the default where the raw value was missing or invalid).
 */
export function resolveSettings(
  format: FormatDefinition,
  raw: Record<string, unknown>,
): { settings: FormatSettings; errors: SettingError[] } {
  const settings: FormatSettings = {};
  const errors: SettingError[] = [];
  const known = new Set(format.settings.flatMap((d) => (d.replaces ? [d.key, d.replaces.key] : [d.key])));
  for (const key of Object.keys(raw))
    if (!known.has(key)) errors.push({ key, message: `${format.name} has no setting "${key}".` });
  for (const def of format.settings) {
    settings[def.key] = def.default;
    const value = raw[def.key] ?? replacedSettingValue(def, raw);
    if (value !== undefined && value !== null) {
      const result = coerceSetting(def, value);
      if (result.error !== undefined) errors.push({ key: def.key, message: `${def.label}: ${result.error}.` });
      else settings[def.key] = result.value!;
    }
    if (def.required && (settings[def.key] === '' || settings[def.key] === undefined))
      errors.push({ key: def.key, message: `${def.label} is required.` });
  }
  return { settings, errors };
}

export type CopyableLayout =
  | {
      formatId: string;
      name: string;
      kind: 'delimited';
      layout: DelimitedLayout;
      dataset: 'invoice-lines' | 'format-rows';
    }
  | {
      formatId: string;
      name: string;
      kind: 'fixed-width';
      layout: FixedWidthLayout;
      dataset: 'invoice-lines' | 'format-rows';
    };

/**
 * Built-in layouts that a user may copy into a layout template (plain JSON, deep copies).
 * `dataset` says what the field paths address: `invoice-lines` = the rows of
 * `invoiceLineRows()` (src/core/formats/datasets/invoice-lines.ts), fully usable in a template;
 * `format-rows` = the format's own posting rows (the column list is a starting point, fields
 * must be re-pointed to a dataset).
 */
export function copyableLayouts(): CopyableLayout[] {
  return [
    {
      formatId: 'xero',
      name: 'Xero sales invoices (UK dates)',
      kind: 'delimited',
      layout: cloneLayout(xeroLayout('UK')),
      dataset: 'invoice-lines',
    },
    {
      formatId: 'xero',
      name: 'Xero sales invoices (US dates)',
      kind: 'delimited',
      layout: cloneLayout(xeroLayout('US')),
      dataset: 'invoice-lines',
    },
    {
      formatId: 'gbat10',
      name: 'Mamut GBAT10 columns',
      kind: 'delimited',
      layout: cloneLayout(gbat10Layout('mamut', 'windows-1252')),
      dataset: 'format-rows',
    },
    {
      formatId: 'xledger-ar10',
      name: 'Xledger AR10 columns',
      kind: 'delimited',
      layout: cloneLayout(gbat10Layout('xledger-ar10', 'windows-1252')),
      dataset: 'format-rows',
    },
    {
      formatId: 'xledger-gl02b',
      name: 'Xledger GL02b columns',
      kind: 'delimited',
      layout: cloneLayout(gl02bLayout()),
      dataset: 'format-rows',
    },
    {
      formatId: 'visma-global',
      name: 'Visma Global columns',
      kind: 'delimited',
      layout: cloneLayout(vismaGlobalLayout()),
      dataset: 'format-rows',
    },
  ];
}
