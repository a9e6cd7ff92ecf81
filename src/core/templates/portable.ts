/**
 * Portable templates: a template as a JSON file users can share, back up and import.
 *
 * Shape: `{ "format": "exportdesk-template", "version": 1, "template": { ...ExportTemplate } }`.
 * Reading never throws: it returns the template or a list of problems naming each field.
 * A newer version is refused with a message saying so (it may hold fields this version
 * would drop silently).
 */
import { isTextEncodingName } from '../encoding/encoding-names.ts';
import {
  DECIMAL_SEPARATORS,
  LINE_BREAKS,
  POST_PROCESSES,
  QUOTINGS,
  TEMPLATE_DATA_TYPES,
  TIME_GROUP_KEYS,
  type ExportTemplate,
  type LayoutColumn,
  type LayoutTemplate,
  type TemplateCommon,
} from './types.ts';
import { replacementProblem } from '../formats/builders/delimited.ts';
import { pushAll } from '../push-all.ts';
import { checkText } from '../validation/text.ts';
import { fileNameProblemText, templateNameProblem } from '../export/file-names.ts';

export const TEMPLATE_FILE_FORMAT = 'exportdesk-template';
export const TEMPLATE_FILE_VERSION = 1;
/** The widest fixed-width column; real formats' widest fields are a few hundred characters. */
export const MAX_COLUMN_WIDTH = 10_000;
/** How a refused file name or extension starts among the reader's errors (the editor shows its issue instead). */
export const FILE_NAME_ERROR_PREFIX = 'template.fileNamePattern/fileExtension: ';

export function serializeTemplate(template: ExportTemplate): string {
  return JSON.stringify({ format: TEMPLATE_FILE_FORMAT, version: TEMPLATE_FILE_VERSION, template }, null, 2) + '\n';
}

/**
 * Why a template file is refused (issue 16): `code` for the UI's message, `params.path` for
 * where (the first bad field, `template.columns[2].width`); `errors` lists every problem.
 */
export type TemplateFileCode =
  'too-large' | 'not-json' | 'too-deep' | 'not-template' | 'version-unknown' | 'version-newer' | 'invalid-template';

export type ParseTemplateResult = { ok: true; template: ExportTemplate } | { ok: false; errors: string[] };

/** `parseTemplateJson` with the coded reason of a refusal. */
export type ReadTemplateResult =
  | { ok: true; template: ExportTemplate }
  | { ok: false; errors: string[]; code: TemplateFileCode; params: Record<string, string | number> };

/** A template file larger than this is not a template (the largest built-in is under 20 kB). */
export const MAX_TEMPLATE_FILE_CHARS = 1_000_000;
/** Nesting deeper than this is refused before any copy of the JSON recurses into it. */
const MAX_TEMPLATE_DEPTH = 32;

function failed(code: TemplateFileCode, errors: string[], params: Record<string, string | number> = {}) {
  return { ok: false as const, errors, code, params };
}

/** True when arrays/objects nest deeper than `max` (counted over the text, so nothing recurses). */
function nestsDeeper(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++;
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      if (++depth > max) return true;
    } else if (ch === 0x7d || ch === 0x5d) depth--;
  }
  return false;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

class Reader {
  readonly errors: string[] = [];
  constructor(
    private readonly obj: Json,
    private readonly where: string,
  ) {}

  string(key: string): string {
    const v = this.obj[key];
    if (typeof v !== 'string') {
      this.errors.push(`${this.where}.${key}: ${v === undefined ? 'missing' : 'must be text'}`);
      return '';
    }
    return v;
  }
  boolean(key: string): boolean {
    const v = this.obj[key];
    if (typeof v !== 'boolean')
      this.errors.push(`${this.where}.${key}: ${v === undefined ? 'missing' : 'must be true or false'}`);
    return v === true;
  }
  oneOf<T extends string>(key: string, allowed: readonly T[]): T {
    const v = this.obj[key];
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      this.errors.push(
        `${this.where}.${key}: ${v === undefined ? 'missing' : `${JSON.stringify(v)} is not one of ${allowed.join(', ')}`}`,
      );
      return allowed[0]!;
    }
    return v as T;
  }
}

function readCommon(t: Json, r: Reader, errors: string[]): TemplateCommon {
  const encoding = r.string('encoding');
  if (encoding && !isTextEncodingName(encoding))
    errors.push(`template.encoding: "${encoding}" is not a supported encoding`);
  const dataOptions = t.dataOptions === undefined ? {} : t.dataOptions;
  if (!isObject(dataOptions)) errors.push('template.dataOptions: must be an object');
  else if (dataOptions.groupBy !== undefined) {
    const g = dataOptions.groupBy;
    if (!Array.isArray(g) || g.some((k) => !(TIME_GROUP_KEYS as readonly unknown[]).includes(k)))
      errors.push(`template.dataOptions.groupBy: must be a list of ${TIME_GROUP_KEYS.join(', ')}`);
  }
  const common: TemplateCommon = {
    name: r.string('name'),
    dataType: r.oneOf('dataType', TEMPLATE_DATA_TYPES),
    fileNamePattern: r.string('fileNamePattern'),
    fileExtension: r.string('fileExtension'),
    decimalSeparator: r.oneOf('decimalSeparator', DECIMAL_SEPARATORS),
    lineBreak: r.oneOf('lineBreak', LINE_BREAKS),
    quoting: r.oneOf('quoting', QUOTINGS),
    quoteEmptyFields: r.boolean('quoteEmptyFields'),
    encoding: isTextEncodingName(encoding) ? encoding : 'utf-8',
    dataOptions: isObject(dataOptions)
      ? (JSON.parse(JSON.stringify(dataOptions)) as TemplateCommon['dataOptions'])
      : {},
  };
  if (t.neutraliseFormulas !== undefined) common.neutraliseFormulas = r.boolean('neutraliseFormulas');
  return common;
}

function readColumn(c: unknown, i: number, errors: string[]): LayoutColumn {
  const where = `template.columns[${i}]`;
  if (!isObject(c)) {
    errors.push(`${where}: must be an object`);
    return { header: '' };
  }
  const r = new Reader(c, where);
  const column: LayoutColumn = { header: r.string('header') };
  for (const key of ['field', 'liquid', 'value', 'pad'] as const) {
    if (c[key] === undefined) continue;
    if (typeof c[key] !== 'string') errors.push(`${where}.${key}: must be text`);
    else column[key] = c[key];
  }
  if (c.width !== undefined) {
    if (typeof c.width !== 'number' || !Number.isInteger(c.width) || c.width <= 0)
      errors.push(`${where}.width: must be a positive whole number`);
    // Each line pads every column to its width: a width of 300,000,000 would fill memory, not a file.
    else if (c.width > MAX_COLUMN_WIDTH) errors.push(`${where}.width: must be at most ${MAX_COLUMN_WIDTH}`);
    else column.width = c.width;
  }
  if (c.align !== undefined) column.align = r.oneOf('align', ['left', 'right'] as const);
  if (c.overflow !== undefined) column.overflow = r.oneOf('overflow', ['truncate', 'error'] as const);
  if (c.zeroFill !== undefined) column.zeroFill = r.boolean('zeroFill');
  if (c.format !== undefined) {
    // `type` is read as it is: a hostile file's object there has no safe text form (String() may throw).
    const format = isObject(c.format) ? c.format : undefined;
    const type = format?.type;
    if (!format || typeof type !== 'string' || !['text', 'amount', 'date', 'integer', 'quantity'].includes(type))
      errors.push(`${where}.format: must be an object with type text, amount, date, integer or quantity`);
    else if (type === 'date' && typeof format.pattern !== 'string') errors.push(`${where}.format.pattern: missing`);
    else column.format = JSON.parse(JSON.stringify(c.format)) as NonNullable<LayoutColumn['format']>;
  }
  pushAll(errors, r.errors);
  return column;
}

/** The optional `replacements` of a delimited layout: `{ delimiter, quote?, lineBreak? }`, all text. */
function readReplacements(v: unknown, errors: string[]): LayoutTemplate['replacements'] {
  const where = 'template.replacements';
  if (!isObject(v)) {
    errors.push(`${where}: must be an object with delimiter, quote and lineBreak texts`);
    return undefined;
  }
  const out: NonNullable<LayoutTemplate['replacements']> = { delimiter: '' };
  if (typeof v.delimiter !== 'string')
    errors.push(`${where}.delimiter: ${v.delimiter === undefined ? 'missing' : 'must be text'}`);
  else out.delimiter = v.delimiter;
  for (const key of ['quote', 'lineBreak'] as const) {
    if (v[key] === undefined) continue;
    if (typeof v[key] !== 'string') errors.push(`${where}.${key}: must be text`);
    else out[key] = v[key];
  }
  return out;
}

/** Reads a portable template; never throws. The errors as text (see `readTemplateFile` for the code). */
export function parseTemplateJson(text: string): ParseTemplateResult {
  const read = readTemplateFile(text);
  return read.ok ? read : { ok: false, errors: read.errors };
}

/** Reads a portable template file's text; never throws: the template, or why not (code, where, every problem). */
export function readTemplateFile(text: string): ReadTemplateResult {
  if (text.length > MAX_TEMPLATE_FILE_CHARS)
    return failed(
      'too-large',
      [`The file has ${text.length} characters; a template file has at most ${MAX_TEMPLATE_FILE_CHARS}.`],
      { length: text.length, max: MAX_TEMPLATE_FILE_CHARS },
    );
  if (nestsDeeper(text, MAX_TEMPLATE_DEPTH))
    return failed('too-deep', [`The file nests deeper than ${MAX_TEMPLATE_DEPTH} levels; no template does.`], {
      max: MAX_TEMPLATE_DEPTH,
    });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return failed('not-json', [`Not a JSON file: ${(e as Error).message}`]);
  }
  if (!isObject(json) || json.format !== TEMPLATE_FILE_FORMAT)
    return failed('not-template', [`Not an Exportdesk template (expected "format": "${TEMPLATE_FILE_FORMAT}").`]);
  if (typeof json.version !== 'number' || !Number.isInteger(json.version) || json.version < 1)
    return failed('version-unknown', [`Unknown template file version ${JSON.stringify(json.version)}.`]);
  if (json.version > TEMPLATE_FILE_VERSION)
    return failed(
      'version-newer',
      [
        `The template file is version ${json.version}, made by a newer Exportdesk; this version reads version ${TEMPLATE_FILE_VERSION}. Update Exportdesk to import it.`,
      ],
      { version: json.version, supported: TEMPLATE_FILE_VERSION },
    );
  const t = json.template;
  if (!isObject(t)) return failed('invalid-template', ['template: missing'], { path: 'template' });
  const errors: string[] = [];
  const r = new Reader(t, 'template');
  const kind = r.oneOf('kind', ['layout', 'text'] as const);
  const common = readCommon(t, r, errors);
  let template: ExportTemplate;
  if (kind === 'text') {
    template = { ...common, kind, content: r.string('content'), postProcess: r.oneOf('postProcess', POST_PROCESSES) };
  } else {
    const columns = Array.isArray(t.columns) ? t.columns.map((c, i) => readColumn(c, i, errors)) : [];
    if (!Array.isArray(t.columns)) errors.push('template.columns: must be a list');
    template = {
      ...common,
      kind,
      layout: r.oneOf('layout', ['delimited', 'fixed-width'] as const),
      delimiter: r.string('delimiter'),
      headerRow: r.boolean('headerRow'),
      finalLineBreak: r.boolean('finalLineBreak'),
      rowsFrom: r.oneOf('rowsFrom', ['', 'lines'] as const),
      columns,
    };
    if (t.replacements !== undefined) {
      const replacements = readReplacements(t.replacements, errors);
      if (replacements) {
        template.replacements = replacements;
        const problem = replacementProblem({ delimiter: template.delimiter, replacements });
        if (problem) errors.push(`template.replacements: ${problem}`);
      }
    }
    if (template.layout === 'delimited' && template.delimiter === '' && !r.errors.some((e) => e.includes('delimiter')))
      errors.push('template.delimiter: a delimited layout needs a delimiter');
    if (template.layout === 'fixed-width')
      columns.forEach(
        (c, i) =>
          c.width === undefined && errors.push(`template.columns[${i}].width: a fixed-width column needs a width`),
      );
  }
  pushAll(errors, r.errors);
  // The template's name is text like any other (validation/text.ts): no control characters, a length limit.
  for (const p of checkText('name', template.name)) errors.push(`template.name: ${p.message}`);
  // A shared template's names become paths and ZIP entries: refused here, on import and wherever a stored one is read.
  const nameProblem = templateNameProblem(template);
  if (nameProblem) errors.push(`${FILE_NAME_ERROR_PREFIX}${fileNameProblemText(nameProblem)}`);
  return errors.length > 0
    ? failed('invalid-template', errors, { path: errors[0]!.split(':', 1)[0]!, count: errors.length })
    : { ok: true, template };
}
