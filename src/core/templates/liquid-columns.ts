/**
 * The Liquid columns of a layout template: each is parsed once and rendered per row into
 * `$computed`, before the row goes through the shared builder. Kept apart from render.ts so
 * a whole export and a chunked one (layout-stream.ts) run the same code on their rows; the
 * per-column output cache lives as long as the `LiquidColumns`, so it spans the chunks.
 */
import type { CompanyData } from '../domain/types.ts';
import type { ExportContext, ExportIssue } from '../formats/types.ts';
import { issue } from '../formats/issues.ts';
import type { Liquid, Template } from 'liquidjs';
import { COMPUTED, type LayoutRow } from './layout.ts';
import {
  createLiquid,
  LimitedEmitter,
  renderInto,
  toTemplateError,
  type RenderSession,
  type TemplateError,
  type TemplateLimits,
} from './liquid-engine.ts';
import { templateScope } from './scope.ts';
import type { LayoutTemplate } from './types.ts';

/** Rendering stopped: the issues up to and including the error, and the error itself. */
export interface LiquidFailure {
  failed: true;
  issues: ExportIssue[];
  error: TemplateError;
}

/** `problem` is the Liquid engine's own text (with the column and record that failed, when known). */
export function errorIssue(error: TemplateError, record?: ExportIssue['record']): ExportIssue {
  return issue('error', 'template-error', { line: error.line, column: error.column, problem: error.message }, record);
}

/** The variable paths a Liquid column reads, or null when they cannot be known statically. */
type Inputs = readonly (readonly (string | number)[])[];

function columnInputs(liquid: Liquid, templates: Template[]): Inputs | null {
  try {
    return liquid
      .globalVariableSegmentsSync(templates)
      .map((segments) => segments.map((s) => (typeof s === 'number' || typeof s === 'string' ? s : String(s))));
  } catch {
    return null;
  }
}

/** The values of the inputs as a cache key; null when one is not a plain value (then no reuse). */
function inputKey(inputs: Inputs, scope: Record<string, unknown>, globals: object): string | null {
  const values: unknown[] = [];
  for (const path of inputs) {
    const [head, ...rest] = path;
    let value: unknown = Object.hasOwn(scope, String(head))
      ? scope[String(head)]
      : (globals as Record<string, unknown>)[String(head)];
    for (const step of rest)
      value =
        value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[String(step)] : undefined;
    if (value !== null && value !== undefined && typeof value === 'object') return null;
    values.push(value);
  }
  return JSON.stringify(values);
}

interface ParsedColumn {
  index: number;
  header: string;
  templates: Template[];
  inputs: Inputs | null;
  outputs: Map<string, string>;
}

export class LiquidColumns {
  private constructor(
    private readonly liquid: Liquid,
    private readonly session: RenderSession,
    private readonly globals: object,
    private readonly parsed: ParsedColumn[],
    private readonly limits: TemplateLimits,
  ) {}

  /**
   * Parses the template's Liquid columns. `issues` collects what the columns report while
   * rendering (warnings of filters), across every `write`. Null when the template has none.
   */
  static open(
    template: LayoutTemplate,
    data: CompanyData,
    context: ExportContext,
    fileName: string,
    limits: TemplateLimits,
    issues: ExportIssue[],
  ): LiquidColumns | LiquidFailure | null {
    const liquidColumns = template.columns.flatMap((c, i) =>
      c.field ? [] : c.liquid ? [{ index: i, header: c.header, source: c.liquid }] : [],
    );
    if (liquidColumns.length === 0) return null;
    const session: RenderSession = { issues, emitter: new LimitedEmitter(limits.outputBytes), records: new WeakMap() };
    const liquid = createLiquid(template, limits, session);
    const globals = templateScope(template, [], data, context, fileName);
    const parsed: ParsedColumn[] = [];
    for (const c of liquidColumns) {
      try {
        const templates = liquid.parse(c.source);
        parsed.push({
          index: c.index,
          header: c.header,
          templates,
          inputs: columnInputs(liquid, templates),
          outputs: new Map(),
        });
      } catch (e) {
        const error = toTemplateError(e, limits);
        return {
          failed: true,
          issues: [errorIssue({ ...error, message: `column "${c.header}": ${error.message}` })],
          error,
        };
      }
    }
    return new LiquidColumns(liquid, session, globals, parsed, limits);
  }

  /** The rows with their Liquid columns in `$computed`, or the failure at the first row whose column threw. */
  write(rows: readonly LayoutRow[]): LayoutRow[] | LiquidFailure {
    const { liquid, session, globals, limits } = this;
    const issues = session.issues;
    const written: LayoutRow[] = [];
    for (const r of rows) {
      const computed: Record<string, string> = {};
      // One scope per row, the template-wide values as liquid globals: copying them into
      // every cell's scope made a copied Xero layout several times slower than the built-in.
      const scope = { ...r.row, row: r.row };
      session.records = new WeakMap([[r.row, r.record]]);
      for (const p of this.parsed) {
        // A column's output depends only on the values it reads: rows that agree on them
        // (the VAT label of every 25 % line) reuse the first rendering.
        const key = p.inputs && inputKey(p.inputs, scope, globals);
        const known = key === null ? undefined : p.outputs.get(key);
        if (known !== undefined) {
          computed[String(p.index)] = known;
          continue;
        }
        session.emitter = new LimitedEmitter(limits.outputBytes);
        const issuesBefore = issues.length;
        try {
          computed[String(p.index)] = renderInto(liquid, p.templates, scope, session, globals);
          // Only outputs that reported nothing are reused, so every record still gets its own warnings.
          if (key !== null && issues.length === issuesBefore) p.outputs.set(key, computed[String(p.index)]!);
        } catch (e) {
          const error = toTemplateError(e, limits);
          const failure = errorIssue(
            { ...error, message: `column "${p.header}", ${r.record.kind} ${r.record.key}: ${error.message}` },
            r.record,
          );
          return { failed: true, issues: [...issues, failure], error };
        }
      }
      written.push({ row: { ...r.row, [COMPUTED]: computed }, record: r.record });
    }
    return written;
  }
}

export function isLiquidFailure<T>(value: T | LiquidFailure): value is LiquidFailure {
  return typeof value === 'object' && value !== null && 'failed' in value;
}
