/**
 * The sandboxed Liquid engine for text templates (liquidjs 10).
 *
 * Templates can't run code or reach files:
 * - `ownPropertyOnly`: no prototype properties (`constructor`, `__proto__`) are readable;
 * - no file system: a refusing `fs`, `relativeReference: false`, and the `include`,
 *   `render` and `layout` tags removed, so a template is always one self-contained text;
 * - `strictFilters` (an unknown filter is an error) and `strictVariables` (a misspelt field
 *   is an error instead of an empty column), with `lenientIf` so `{% if x.y %}` still works;
 * - limits: `parseLimit` (template length), `renderLimit` (ms), `memoryLimit` (liquidjs'
 *   allocation count: ranges, joins, string filters) and an output size limit of our own,
 *   enforced while rendering by the emitter;
 * - liquidjs' own `date` filters read the computer's clock and time zone, which would make
 *   the same data give different bytes; they are replaced by errors that point to `format_date`.
 */
import { formatOrgNumber } from '../domain/org-number.ts';
import { Context, Liquid, toValueSync, type Emitter, type FilterImplOptions, type Template } from 'liquidjs';
import type { ExportIssue } from '../formats/types.ts';
import { issue } from '../formats/issues.ts';
import type { RowRecord } from './data-types/row.ts';
import {
  FilterError,
  type Allocation,
  amountText,
  csvField,
  dateText,
  fitText,
  numberText,
  padLeft,
  padRight,
  sieField,
  text,
  xmlText,
} from './filters.ts';
import type { DecimalSeparator, Quoting } from './types.ts';

export interface TemplateLimits {
  /** Longest template text, in characters. */
  parseChars: number;
  /** Longest render, in milliseconds. */
  renderMs: number;
  /** liquidjs memory units (about one per array element or string character created). */
  memory: number;
  /** Largest output, in bytes (counted as UTF-16 code units while rendering, exactly after encoding). */
  outputBytes: number;
}

/** Generous for real exports, small enough that a runaway template stops in seconds. */
export const DEFAULT_LIMITS: TemplateLimits = {
  parseChars: 1_000_000,
  renderMs: 10_000,
  memory: 10_000_000,
  outputBytes: 50_000_000,
};

export interface FilterSettings {
  decimalSeparator: DecimalSeparator;
  quoting: Quoting;
  quoteEmptyFields: boolean;
  /** Absent or true: the `csv` filter neutralises would-be formulas (templates/types.ts). */
  neutraliseFormulas?: boolean;
}

export interface TemplatePosition {
  line: number;
  column: number;
}

/**
 * The English text of an unknown-field warning, for logs and the CLI; the UI words it from `path`
 * and `suggestion` in the user's language (`issue.template-unknown-variable`).
 */
export function unknownFieldText(params: { path: string; suggestion?: string }): string {
  return `${params.path}: unknown field${params.suggestion ? `; did you mean ${params.suggestion}?` : ''}`;
}

export interface TemplateError extends TemplatePosition {
  message: string;
  /** True for a warning, which stops nothing (an unknown field under a known variable); absent = an error. */
  warning?: true;
  /** A warning's unknown path (`i.customer.emial`) and the nearest known one (`i.customer.email`). */
  path?: string;
  suggestion?: string;
  /** The limit that stopped the render, when one did, and its value (ms, memory units, characters, bytes). */
  limit?: 'parseLimit' | 'renderLimit' | 'memoryLimit' | 'outputBytes';
  limitValue?: number;
}

/** Thrown by the emitter when the output grows past the limit. */
class OutputLimitError extends Error {
  override name = 'OutputLimitError';
}

const REFUSING_FS = {
  exists: async () => false,
  existsSync: () => false,
  readFile: async (file: string) => Promise.reject(new Error(`templates cannot read files (${file})`)),
  readFileSync: (file: string): string => {
    throw new Error(`templates cannot read files (${file})`);
  },
  resolve: (_root: string, file: string) => file,
};

const REMOVED_TAGS = ['include', 'render', 'layout'] as const;
const CLOCK_FILTERS = ['date', 'date_to_xmlschema', 'date_to_rfc822', 'date_to_string', 'date_to_long_string'] as const;

/** Counts output as it is written, tracks the current output line, and stops at the size limit. */
export class LimitedEmitter implements Emitter {
  buffer = '';
  /** 1-based line of the end of the output so far. */
  line = 1;
  private lineStart = 0;

  constructor(private readonly maxChars: number) {}

  write(html: unknown): void {
    const s = stringify(html);
    if (this.buffer.length + s.length > this.maxChars)
      throw new OutputLimitError(`the output grew past the limit of ${this.maxChars} bytes (outputBytes)`);
    let i = s.indexOf('\n');
    while (i !== -1) {
      this.line++;
      this.lineStart = this.buffer.length + i + 1;
      i = s.indexOf('\n', i + 1);
    }
    this.buffer += s;
  }

  /** Where the next write starts. */
  position(): TemplatePosition {
    return { line: this.line, column: this.buffer.length - this.lineStart + 1 };
  }
}

function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(stringify).join('');
  return String(value);
}

export interface RenderSession {
  issues: ExportIssue[];
  emitter: LimitedEmitter;
  /** Rows and list items → their record, for issues raised inside loops. */
  records: WeakMap<object, RowRecord>;
}

function recordInScope(context: Context, records: WeakMap<object, RowRecord>): RowRecord | undefined {
  let found: RowRecord | undefined;
  for (const value of Object.values(context.getAll() as Record<string, unknown>)) {
    if (value !== null && typeof value === 'object' && records.has(value)) found = records.get(value);
  }
  return found;
}

/** What liquidjs passes a filter as `this`: the render's context, whose memory limiter counts allocations. */
interface FilterThis {
  context: Context;
}

/**
 * Every text our filters make counts toward liquidjs' memory limit, as its own string filters'
 * do (`append`, `join`): the limit is the render's one budget, so a template cannot build a huge
 * string through our filters that Liquid never sees (issue 16: `pad_left: 300000000` killed the
 * tab). `pad_left` and `pad_right` count before they allocate; the others make texts of about
 * their input's size and count after.
 */
function counted<A extends unknown[]>(make: (...args: A) => string) {
  return function (this: FilterThis, ...args: A): string {
    const result = make(...args);
    this.context.memoryLimit.use(result.length);
    return result;
  };
}

function allocation(self: FilterThis): Allocation {
  return (characters) => self.context.memoryLimit.use(characters);
}

function filters(settings: FilterSettings, session: RenderSession | undefined): Record<string, FilterImplOptions> {
  return {
    amount: counted(
      (v: unknown, decimals?: unknown, separator?: unknown, implied?: unknown, sourceDecimals?: unknown) =>
        amountText(
          v,
          decimals === undefined ? 2 : Number(decimals),
          separator === undefined ? settings.decimalSeparator : String(separator),
          implied === true,
          sourceDecimals === undefined ? 2 : Number(sourceDecimals),
        ),
    ),
    number: counted((v: unknown, decimals?: unknown, separator?: unknown) =>
      numberText(
        v,
        decimals === undefined || decimals === null ? undefined : Number(decimals),
        separator === undefined ? settings.decimalSeparator : String(separator),
      ),
    ),
    format_date: counted((v: unknown, pattern: unknown) => dateText(v, pattern)),
    pad_left(this: FilterThis, v: unknown, w: unknown, c?: unknown) {
      return padLeft(v, w, c, allocation(this));
    },
    pad_right(this: FilterThis, v: unknown, w: unknown, c?: unknown) {
      return padRight(v, w, c, allocation(this));
    },
    fit(this: { context: Context; token: { getPosition?: () => number[] } }, v: unknown, w: unknown) {
      const result = fitText(v, w);
      this.context.memoryLimit.use(result.text.length);
      if (result.cut && session) {
        const at = session.emitter.position();
        const record = recordInScope(this.context, session.records);
        const params = {
          value: text(v),
          limit: String(w),
          cut: result.text,
          outputLine: at.line,
          outputColumn: at.column,
        };
        session.issues.push(issue('warning', 'truncated', params, record));
      }
      return result.text;
    },
    /**
     * `{{ value | required: "what is missing" }}`: a blank value is an error (the export is
     * refused), reported once per message with the record in scope; used where a copied format
     * must not guess (the Xero tax type of an unmapped VAT code).
     */
    required(this: { context: Context }, v: unknown, problem?: unknown) {
      const value = text(v);
      this.context.memoryLimit.use(value.length);
      if (value === '' && session) {
        const message = text(problem) || 'a required value is empty';
        const seen = session.issues.some(
          (i) => i.code === 'template-value-missing' && i.params?.['problem'] === message,
        );
        const record = recordInScope(this.context, session.records);
        if (!seen) session.issues.push(issue('error', 'template-value-missing', { problem: message }, record));
      }
      return value;
    },
    csv: counted((v: unknown, delimiter?: unknown, quoting?: unknown) =>
      csvField(
        v,
        delimiter === undefined ? ',' : String(delimiter),
        quoting === undefined ? settings.quoting : checkQuoting(quoting),
        settings.quoteEmptyFields,
        settings.neutraliseFormulas !== false,
      ),
    ),
    xml: counted((v: unknown) => xmlText(v)),
    org_number: counted((v: unknown, countryCode?: unknown) => formatOrgNumber(text(v), text(countryCode))),
    sie(this: { context: Context }, v: unknown, always?: unknown) {
      const result = sieField(v, always === true);
      this.context.memoryLimit.use(result.text.length);
      if (result.replaced && session) {
        const record = recordInScope(this.context, session.records);
        session.issues.push(
          issue('warning', 'control-character-replaced', { value: text(v), outputLine: session.emitter.line }, record),
        );
      }
      return result.text;
    },
  };
}

function checkQuoting(q: unknown): Quoting {
  if (q === 'none' || q === 'all' || q === 'text' || q === 'needed') return q;
  throw new FilterError(`csv: quoting must be none, all, text or needed, got ${JSON.stringify(q)}`);
}

export function createLiquid(settings: FilterSettings, limits: TemplateLimits, session?: RenderSession): Liquid {
  const liquid = new Liquid({
    ownPropertyOnly: true,
    strictFilters: true,
    strictVariables: true,
    lenientIf: true,
    relativeReference: false,
    dynamicPartials: false,
    fs: REFUSING_FS,
    jsTruthy: false,
    greedy: false,
    parseLimit: limits.parseChars,
    renderLimit: limits.renderMs,
    memoryLimit: limits.memory,
    // Fixed so that nothing depends on the computer the export runs on.
    locale: 'en-US',
    timezoneOffset: 0,
  });
  for (const tag of REMOVED_TAGS) delete (liquid.tags as Record<string, unknown>)[tag];
  for (const name of CLOCK_FILTERS) {
    liquid.registerFilter(name, () => {
      throw new FilterError(
        `the "${name}" filter depends on the computer's clock and time zone; use format_date, e.g. {{ issueDate | format_date: "dd/MM/yyyy" }}`,
      );
    });
  }
  for (const [name, impl] of Object.entries(filters(settings, session))) liquid.registerFilter(name, impl);
  return liquid;
}

/** Renders parsed templates synchronously into the session's emitter. */
/** `globals` are looked up after `scope`; passing them apart saves copying them into every row's scope. */
export function renderInto(
  liquid: Liquid,
  templates: Template[],
  scope: object,
  session: RenderSession,
  globals?: object,
): string {
  const ctx = new Context(scope, liquid.options, globals ? { sync: true, globals } : { sync: true }, { liquid });
  toValueSync(liquid.renderer.renderTemplates(templates, ctx, session.emitter));
  return session.emitter.buffer;
}

interface LiquidErrorLike {
  message: string;
  name?: string;
  token?: { getPosition(): [number, number] };
  originalError?: { message?: string; name?: string };
}

const LIMIT_MESSAGES: {
  test: RegExp;
  limit: NonNullable<TemplateError['limit']>;
  value: keyof TemplateLimits;
  message: (limits: TemplateLimits) => string;
}[] = [
  {
    test: /template render limit exceeded/,
    limit: 'renderLimit',
    value: 'renderMs',
    message: (l) =>
      `Stopped: the template ran longer than the time limit of ${l.renderMs} ms (renderLimit). Look for a loop that never ends or is far too large.`,
  },
  {
    test: /memory alloc limit exceeded/,
    limit: 'memoryLimit',
    value: 'memory',
    message: (l) =>
      `Stopped: the template used more memory than the limit of ${l.memory} units (memoryLimit). Look for a very large range (1..n) or string.`,
  },
  {
    test: /parse length limit exceeded/,
    limit: 'parseLimit',
    value: 'parseChars',
    message: (l) => `The template is longer than the limit of ${l.parseChars} characters (parseLimit).`,
  },
];

/** Any error from liquidjs (or our filters inside it) → message with the template line and column. */
export function toTemplateError(error: unknown, limits: TemplateLimits): TemplateError {
  const e = (error ?? {}) as LiquidErrorLike;
  const [line, column] = e.token?.getPosition() ?? [1, 1];
  const original = e.originalError;
  if (original?.name === 'OutputLimitError' || e.name === 'OutputLimitError') {
    return {
      line,
      column,
      limit: 'outputBytes',
      limitValue: limits.outputBytes,
      message: `Stopped: ${original?.message ?? e.message}. Look for a loop that writes far too much.`,
    };
  }
  const raw = original?.message ?? e.message ?? String(error);
  for (const known of LIMIT_MESSAGES)
    if (known.test.test(raw))
      return { line, column, limit: known.limit, limitValue: limits[known.value], message: known.message(limits) };
  const clean = raw.replace(/, line:\d+, col:\d+$/, '');
  const tagMissing = /tag "?(include|render|layout)"? not found/.exec(clean);
  if (tagMissing)
    return { line, column, message: `The ${tagMissing[1]} tag is not available: a template cannot read other files.` };
  return { line, column, message: clean };
}
