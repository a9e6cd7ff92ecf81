/**
 * What every format module shares: reading its settings, common setting definitions, and
 * `defineFormat`, which turns a module's `checks` + `build` into the `preflight` / `generate`
 * pair of the contract. `generate` never hands out files when an error was found: an export
 * with `?` in place of a name, or a voucher that does not balance, is worse than none.
 */
import { uniqueIssues } from '../issues.ts';
import { isTextEncodingName, type TextEncodingName } from '../../encoding/text-encoding.ts';
import type { CompanyData } from '../../domain/types.ts';
import type {
  ExportContext,
  ExportFile,
  ExportIssue,
  ExportResult,
  FormatDefinition,
  FormatSettings,
  SettingDefinition,
  SettingValue,
} from '../types.ts';
import { buildOncePerData } from './build-once.ts';
import { replacedSettingValue } from './settings.ts';
import { buildDelimited, type DelimitedLayout } from '../builders/delimited.ts';
import { encodeFile } from '../builders/encode-file.ts';
import type { IssueRecord } from '../builders/field-format.ts';
import type { Minor } from '../../domain/types.ts';

export interface BuildOutput {
  files: ExportFile[];
  issues: ExportIssue[];
  report: string[];
}

export interface FormatModule extends Omit<FormatDefinition, 'preflight' | 'generate'> {
  /** Data checks that need no generation (missing accounts, customers, numbers, ...). */
  checks(data: CompanyData, settings: FormatSettings, context: ExportContext): ExportIssue[];
  /** Builds the files; must not throw on bad data (checks report it). */
  build(data: CompanyData, settings: FormatSettings, context: ExportContext): BuildOutput;
}

export function withDefaults(definitions: readonly SettingDefinition[], settings: FormatSettings): FormatSettings {
  const out: FormatSettings = {};
  for (const def of definitions) out[def.key] = replacedSettingValue(def, settings) ?? def.default;
  for (const [key, value] of Object.entries(settings)) if (value !== undefined) out[key] = value;
  return out;
}

export function defineFormat(module: FormatModule): FormatDefinition {
  const run = buildOncePerData((data: CompanyData, raw: FormatSettings, context: ExportContext): ExportResult => {
    const settings = withDefaults(module.settings, raw);
    const checked = module.checks(data, settings, context);
    const built = module.build(data, settings, context);
    const issues = uniqueIssues([...checked, ...built.issues]);
    const blocked = issues.some((i) => i.severity === 'error');
    return { files: blocked ? [] : built.files, issues, report: built.report };
  });
  const { checks: _checks, build: _build, ...meta } = module;
  return {
    ...meta,
    preflight: (data, settings, context) => run(data, settings, context).issues,
    generate: run,
  };
}

export function stringSetting(settings: FormatSettings, key: string): string {
  const value = settings[key];
  return value === undefined ? '' : String(value).trim();
}

export function integerSetting(settings: FormatSettings, key: string, fallback: number): number {
  const value = Number(settings[key]);
  return Number.isInteger(value) ? value : fallback;
}

export function booleanSetting(settings: FormatSettings, key: string): boolean {
  const value: SettingValue | undefined = settings[key];
  return value === true || value === 'true' || value === 1;
}

export function encodingOf(settings: FormatSettings, fallback: TextEncodingName): TextEncodingName {
  const value = stringSetting(settings, 'encoding');
  return isTextEncodingName(value) ? value : fallback;
}

export {
  DEPARTMENT_SOURCE_CHOICES,
  encodingSetting,
  EXCHANGE_RATES_SETTING,
  RECEIVABLE_ACCOUNT_SETTING,
  replacedSettingValue,
} from './settings.ts';

/**
 * The one CSV file of a voucher format (GBAT10, Xledger, Visma Global): rows through the
 * delimited builder, encoded, with the voucher count, row count and gross as control totals.
 */
export function voucherCsvFile<Row>(input: {
  fileName: string;
  layout: DelimitedLayout;
  rows: readonly Row[];
  recordOf: (row: Row) => IssueRecord;
  vouchers: readonly { gross: Minor }[];
  currency: string;
}): BuildOutput {
  const built = buildDelimited(input.layout, input.rows, { recordOf: input.recordOf });
  const encoded = encodeFile({
    name: input.fileName,
    mimeType: 'text/csv',
    text: built.text,
    encoding: input.layout.encoding,
    lineRecords: built.lineRecords,
    recordCount: input.rows.length,
    controlTotals: {
      vouchers: input.vouchers.length,
      rows: input.rows.length,
      [`gross ${input.currency}`]: input.vouchers.reduce((sum, v) => sum + v.gross, 0),
    },
  });
  return { files: encoded.file ? [encoded.file] : [], issues: [...built.issues, ...encoded.issues], report: [] };
}

/** A layout whose field paths point into `row.` (rows wrapped as `{ row, key }`). */
export function underRow(layout: DelimitedLayout): DelimitedLayout {
  return { ...layout, columns: layout.columns.map((c) => (c.field ? { ...c, field: `row.${c.field}` } : c)) };
}
