/**
 * Checking a text template (or a layout column's Liquid) without data: syntax errors,
 * unknown filters and unknown top-level variables (errors), and paths under a known variable
 * that no data type defines (warnings, `customer.emial`; did you mean `customer.email`?), each
 * with its line and column, so the editor can mark them as the user types (Moment catches
 * "some errors already when saving").
 *
 * The variables come from liquidjs' own parse and static analysis, not from patterns over the
 * text: `assign`, `capture`, `increment` and loop variables are Liquid's locals, and a `for` /
 * `tablerow` variable over a known list has that list's item fields.
 */
import { TypeGuards, Variable, type Liquid, type Template } from 'liquidjs';
import type { ExportIssue } from '../formats/types.ts';
import { issue } from '../formats/issues.ts';
import {
  columnScopeShape,
  OPEN,
  pathProblem,
  pathText,
  scopeShape,
  shapeAt,
  suggestedPath,
  unknownColumnFields,
  type Shape,
} from './known-fields.ts';
import {
  createLiquid,
  DEFAULT_LIMITS,
  toTemplateError,
  unknownFieldText,
  type TemplateError,
} from './liquid-engine.ts';
import { SCOPE_NAMES } from './scope.ts';
import { TEMPLATE_DATA_TYPES, type ExportTemplate, type LayoutTemplate, type TemplateDataType } from './types.ts';
import { pushAll } from '../push-all.ts';
import { templateNameIssues } from '../export/file-names.ts';

export interface CheckOptions {
  /** Restricts the data-type alias to this one (`invoices`), and adds `ledger` for invoices. */
  dataType?: TemplateDataType;
  /** Extra top-level names (a layout column sees the row's own fields); their parts are not checked. */
  knownNames?: readonly string[];
  /** A layout column's Liquid: the row of this layout is known at the top level, with its fields. */
  column?: Pick<LayoutTemplate, 'dataType' | 'rowsFrom'>;
}

const CHECK_SETTINGS = { decimalSeparator: '.', quoting: 'needed', quoteEmptyFields: false } as const;

export function checkTemplate(text: string, options: CheckOptions = {}): TemplateError[] {
  const liquid = createLiquid(CHECK_SETTINGS, DEFAULT_LIMITS);
  let parsed;
  try {
    parsed = liquid.parse(text);
  } catch (e) {
    return [toTemplateError(e, DEFAULT_LIMITS)];
  }
  const shape: Record<string, Shape> = {
    ...(options.column ? columnScopeShape(options.column) : scopeShape(options.dataType)),
  };
  for (const name of options.knownNames ?? []) if (!Object.hasOwn(shape, name)) shape[name] = OPEN;
  const known = new Set<string>([
    ...SCOPE_NAMES,
    ...(options.dataType ? [options.dataType] : TEMPLATE_DATA_TYPES),
    ...(options.dataType === undefined || options.dataType === 'invoices' ? ['ledger'] : []),
    ...(options.knownNames ?? []),
    ...(options.column ? Object.keys(shape) : []),
  ]);
  const errors: TemplateError[] = [];
  try {
    const analysis = liquid.analyzeSync(parsed);
    for (const [name, uses] of Object.entries(analysis.globals)) {
      if (known.has(name)) continue;
      for (const use of uses) {
        errors.push({ line: use.location.row, column: use.location.col, message: `unknown variable "${name}"` });
      }
    }
    pushAll(errors, unknownPaths(liquid, parsed, shape));
  } catch (e) {
    errors.push(toTemplateError(e, DEFAULT_LIMITS));
  }
  return errors.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Runs one of liquidjs' node generators (`children`) to its end, synchronously. */
function runSync<T>(generator: Generator<unknown, T>): T {
  let step = generator.next();
  while (!step.done) {
    const value = step.value;
    step = generator.next(isGenerator(value) ? runSync(value) : value);
  }
  return step.value;
}

function isGenerator(value: unknown): value is Generator<unknown, unknown> {
  return typeof value === 'object' && value !== null && typeof (value as Generator).next === 'function';
}

/** The variables one node reads in its own arguments (not in its children), nested ones included. */
function argumentVariables(liquid: Liquid, node: Template): Variable[] {
  if (!node.arguments) return [];
  const args = node.arguments.bind(node);
  // liquidjs' analysis visits anything with `arguments`; a node without its children gives just those.
  const analysis = liquid.analyzeSync([{ arguments: args } as unknown as Template]);
  return Object.values(analysis.variables).flat();
}

/** Paths of known variables (and of loop variables over known lists) that leave the known fields: warnings. */
function unknownPaths(liquid: Liquid, templates: Template[], top: Record<string, Shape>): TemplateError[] {
  const found: TemplateError[] = [];
  // Innermost last; the first holds `assign` / `capture` names, which Liquid keeps template-wide.
  const scopes: Map<string, Shape>[] = [new Map()];
  const lookup = (name: string): Shape | undefined => {
    for (let i = scopes.length - 1; i >= 0; i--) if (scopes[i]!.has(name)) return scopes[i]!.get(name);
    return Object.hasOwn(top, name) ? top[name] : undefined;
  };
  const stepsOf = (variable: Variable): (string | number)[] | null => {
    const steps: (string | number)[] = [];
    for (const s of variable.segments) {
      // `rows[i]`: a key known only when rendering ends what can be checked.
      if (s instanceof Variable) return steps;
      steps.push(s);
    }
    return steps;
  };
  const report = (variable: Variable) => {
    const steps = stepsOf(variable);
    const root = steps?.[0];
    if (!steps || typeof root !== 'string') return;
    const shape = lookup(root);
    // An unknown root is the analysis' "unknown variable" error already.
    if (shape === undefined) return;
    const problem = pathProblem(shape, steps.slice(1));
    if (!problem) return;
    const at = { ...problem, at: problem.at + 1 };
    const suggestion = suggestedPath(steps, at);
    const params = { path: pathText(steps), ...(suggestion ? { suggestion } : {}) };
    found.push({
      line: variable.location.row,
      column: variable.location.col,
      warning: true,
      message: unknownFieldText(params),
      ...params,
    });
  };
  const itemOf = (node: Template): Shape => {
    const loop = node as unknown as { variable?: unknown; collection?: unknown };
    if (typeof loop.variable !== 'string' || !TypeGuards.isPropertyAccessToken(loop.collection)) return OPEN;
    const collection = loop.collection;
    const [variable] = argumentVariables(liquid, {
      arguments: function* () {
        yield collection;
      },
    } as unknown as Template);
    const steps = variable && stepsOf(variable);
    const root = steps?.[0];
    if (!steps || typeof root !== 'string') return OPEN;
    const list = shapeAt(lookup(root) ?? OPEN, steps.slice(1));
    return Array.isArray(list) ? (list as readonly [Shape])[0] : OPEN;
  };
  const visit = (node: Template) => {
    for (const variable of argumentVariables(liquid, node)) report(variable);
    if (node.localScope) for (const ident of node.localScope()) scopes[0]!.set(ident.content, OPEN);
    if (!node.children) return;
    const block = node.blockScope ? new Map([...node.blockScope()].map((name) => [name, OPEN])) : null;
    if (block) {
      const loopVariable = (node as unknown as { variable?: unknown }).variable;
      if (typeof loopVariable === 'string' && block.has(loopVariable)) block.set(loopVariable, itemOf(node));
      scopes.push(block);
    }
    for (const child of runSync(node.children(false, true))) visit(child);
    if (block) scopes.pop();
  };
  for (const node of templates) visit(node);
  return found;
}

/**
 * What pre-flight (and "Test template") reports of a template before it renders: a file name or
 * extension that export/file-names.ts refuses (an error), every layout
 * column whose field path is unknown (an error: it would write an empty column), and every
 * unknown path of its Liquid (a warning).
 */
export function templateFieldIssues(template: ExportTemplate): ExportIssue[] {
  return [...templateNameIssues(template), ...templateContentIssues(template)];
}

function templateContentIssues(template: ExportTemplate): ExportIssue[] {
  if (template.kind === 'text')
    return checkTemplate(template.content, { dataType: template.dataType })
      .filter((e) => e.warning)
      .map((e) => issue('warning', 'template-unknown-variable', { line: e.line, column: e.column, ...pathParams(e) }));
  const fields = unknownColumnFields(template).map((f) =>
    issue('error', 'template-unknown-field', {
      column: f.index + 1,
      header: f.header,
      path: f.path,
      ...(f.suggestion ? { suggestion: f.suggestion } : {}),
    }),
  );
  const variables = template.columns.flatMap((c, index) =>
    !c.field && c.liquid
      ? checkTemplate(c.liquid, { dataType: template.dataType, column: template })
          .filter((e) => e.warning)
          .map((e) =>
            issue('warning', 'template-unknown-variable', {
              header: c.header,
              index: index + 1,
              column: e.column,
              ...pathParams(e),
            }),
          )
      : [],
  );
  return [...fields, ...variables];
}

function pathParams(warning: TemplateError): { path: string; suggestion?: string } {
  return { path: warning.path ?? '', ...(warning.suggestion ? { suggestion: warning.suggestion } : {}) };
}
