/**
 * `exportdesk import <kind> <file.csv> --company company.json`: the app's importer on a
 * company file. Settings come from the flags, then the preset (`--preset`), then detection,
 * exactly as in the app. All or nothing: when any row is rejected (or duplicates stop the
 * import) every rejected row is listed on stderr as `line N, column C: reason` (or
 * `line N: reason` for a problem with the whole row), the exit code is 1, and the company
 * file is left untouched. On success the file is rewritten with the records added/updated.
 */
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { InputError, UsageError, checkKnown, option, requiredOption, type ParsedArgs } from './args.ts';
import { newId, readCompanyFileOrFail } from './main.ts';
import { serializeCompanyFile } from '../core/company-file/company-file.ts';
import { guessValueFormat } from '../core/import/value-format-guess.ts';
import {
  DATE_FORMATS,
  IMPORT_ENCODINGS,
  IMPORT_KINDS,
  ON_DUPLICATE_CHOICES,
  DEFAULT_BLANK_CELLS,
  DEFAULT_ON_DUPLICATE,
  THOUSANDS_SEPARATORS,
  applyImportPlan,
  autoMap,
  isDateFormat,
  isDelimiter,
  isImportEncoding,
  isImportKind,
  parsePresetJson,
  planImport,
  readCsvBytes,
  type BlankCells,
  type Delimiter,
  type ImportPreset,
  type OnDuplicate,
  type ReadOverrides,
  type ThousandsSeparator,
  type ValueFormat,
} from '../core/import/index.ts';

const KNOWN = [
  'company',
  'preset',
  'encoding',
  'delimiter',
  'decimal',
  'thousands',
  'date-format',
  'on-duplicate',
  'blank-cells',
];

/** Delimiters by the names a shell user can type. */
const DELIMITER_NAMES: Readonly<Record<string, Delimiter>> = {
  tab: '\t',
  '\\t': '\t',
  comma: ',',
  semicolon: ';',
  pipe: '|',
};
const THOUSANDS_NAMES: Readonly<Record<string, ThousandsSeparator>> = { none: '', space: ' ' };

export async function runCliImport(
  args: ParsedArgs,
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  checkKnown(args, KNOWN);
  const [kind, csvPath, ...extra] = args.positionals;
  if (!kind || !csvPath)
    throw new UsageError('Give the kind and the CSV file: exportdesk import <kind> <file.csv> --company company.json');
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`);
  if (!isImportKind(kind)) throw new UsageError(`Unknown kind "${kind}"; use one of ${IMPORT_KINDS.join(', ')}.`);
  const companyPath = requiredOption(args, 'company');
  const preset = readPreset(option(args, 'preset'));
  if (preset && preset.kind !== kind)
    throw new InputError(`The preset "${preset.name}" is for ${preset.kind}, not ${kind}.`);
  const flags = readFlags(args);
  const file = readCompanyFileOrFail(companyPath);
  if (!existsSync(csvPath)) throw new InputError(`${csvPath}: no such file.`);

  const overrides: ReadOverrides = {};
  const encoding = flags.encoding ?? preset?.encoding;
  const delimiter = flags.delimiter ?? preset?.delimiter;
  if (encoding !== undefined) overrides.encoding = encoding;
  if (delimiter !== undefined) overrides.delimiter = delimiter;
  if (preset) {
    overrides.hasHeader = preset.hasHeader;
    overrides.skipLines = preset.skipLines;
  }
  const read = readCsvBytes(new Uint8Array(readFileSync(csvPath)), overrides);
  if (!read.ok) throw new InputError(`${csvPath}: ${read.reason}`);
  const table = read.value.table;
  const mapping = preset?.columns ?? autoMap(kind, table.header).mapping;
  const guess = guessValueFormat(kind, table, mapping).format;
  const format: ValueFormat = {
    decimal: flags.decimal ?? preset?.decimal ?? guess.decimal,
    thousands: flags.thousands ?? preset?.thousands ?? guess.thousands,
    dateFormat: flags.dateFormat ?? preset?.dateFormat ?? guess.dateFormat,
  };
  const plan = planImport({
    kind,
    table,
    mapping,
    ...(preset ? { constants: preset.constants } : {}),
    format,
    existing: file,
    // The same defaults as the wizard (plan/types.ts): stop on differing duplicates, keep stored values for empty cells.
    onDuplicate: flags.onDuplicate ?? preset?.onDuplicate ?? DEFAULT_ON_DUPLICATE,
    blankCells: flags.blankCells ?? DEFAULT_BLANK_CELLS,
    newId,
  });
  if (plan.problems.length > 0)
    throw new InputError(
      `${csvPath} cannot be imported; the company file was not changed:\n  ${plan.problems.join('\n  ')}`,
    );
  if (plan.rejected.length > 0) {
    for (const row of plan.rejected) {
      for (const e of row.errors)
        err(e.column ? `line ${row.line}, column ${e.column}: ${e.reason}\n` : `line ${row.line}: ${e.reason}\n`);
    }
    err(`${plan.counts.rejectedRows} row(s) rejected; nothing was imported and ${companyPath} was not changed.\n`);
    return 1;
  }
  // Values that may be right but look odd are imported; say which, as the app's result page does.
  for (const w of plan.warnings) err(`warning: line ${w.line}${w.column ? `, column ${w.column}` : ''}: ${w.reason}\n`);
  const applied = applyImportPlan(file, plan);
  if (!applied.ok) throw new InputError(applied.reason);
  writeFileSync(companyPath, serializeCompanyFile({ ...file, ...applied.data }));
  const c = plan.counts;
  out(
    `Imported ${kind} from ${csvPath} into ${companyPath}: ${c.new} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.skipped} skipped.\n`,
  );
  return 0;
}

interface Flags {
  encoding?: ImportPreset['encoding'];
  delimiter?: Delimiter;
  decimal?: '.' | ',';
  thousands?: ThousandsSeparator;
  dateFormat?: ImportPreset['dateFormat'];
  onDuplicate?: OnDuplicate;
  blankCells?: BlankCells;
}

function readFlags(args: ParsedArgs): Flags {
  const flags: Flags = {};
  const encoding = option(args, 'encoding')?.toLowerCase();
  if (encoding !== undefined) {
    if (!isImportEncoding(encoding)) throw new UsageError(`--encoding must be one of ${IMPORT_ENCODINGS.join(', ')}.`);
    flags.encoding = encoding;
  }
  const delimiter = option(args, 'delimiter');
  if (delimiter !== undefined) {
    const resolved = DELIMITER_NAMES[delimiter] ?? delimiter;
    if (!isDelimiter(resolved)) throw new UsageError('--delimiter must be one of , ; | tab.');
    flags.delimiter = resolved;
  }
  const decimal = option(args, 'decimal');
  if (decimal !== undefined) {
    if (decimal !== '.' && decimal !== ',') throw new UsageError('--decimal must be , or .');
    flags.decimal = decimal;
  }
  const thousands = option(args, 'thousands');
  if (thousands !== undefined) {
    const resolved = THOUSANDS_NAMES[thousands] ?? thousands;
    if (!(THOUSANDS_SEPARATORS as readonly string[]).includes(resolved))
      throw new UsageError(`--thousands must be one of none, space, . , '.`);
    flags.thousands = resolved as ThousandsSeparator;
  }
  const dateFormat = option(args, 'date-format');
  if (dateFormat !== undefined) {
    if (!isDateFormat(dateFormat)) throw new UsageError(`--date-format must be one of ${DATE_FORMATS.join(', ')}.`);
    flags.dateFormat = dateFormat;
  }
  const onDuplicate = option(args, 'on-duplicate');
  if (onDuplicate !== undefined) {
    if (!(ON_DUPLICATE_CHOICES as readonly string[]).includes(onDuplicate))
      throw new UsageError('--on-duplicate must be skip, update or stop.');
    flags.onDuplicate = onDuplicate as OnDuplicate;
  }
  const blankCells = option(args, 'blank-cells');
  if (blankCells !== undefined) {
    if (blankCells !== 'keep' && blankCells !== 'clear') throw new UsageError('--blank-cells must be keep or clear.');
    flags.blankCells = blankCells;
  }
  return flags;
}

function readPreset(path: string | undefined): ImportPreset | null {
  if (path === undefined) return null;
  if (!existsSync(path)) throw new InputError(`${path}: no such file.`);
  const parsed = parsePresetJson(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new InputError(`${path} is not a usable import preset:\n  ${parsed.errors.join('\n  ')}`);
  return parsed.preset;
}
