/**
 * The field paths a template can read, as a tree per data type, so that a misspelt path
 * (`customer.emial`) is found before an export writes an empty column (issue 12 item 11):
 * - a layout column's `field` must be a known path of its row (an error);
 * - a Liquid variable whose path leaves the tree is a warning (see check.ts), with the nearest
 *   known name suggested.
 *
 * The tree comes from the data types' documented fields (data-types/*.ts, ledger-scope.ts,
 * scope.ts; a test keeps those in step with the rows) and, for the invoice-line rows of
 * `rowsFrom: 'lines'` (whose documentation abbreviates), from key lists the compiler keeps
 * complete against the domain types. No liquidjs here: the editor's field check needs none.
 */
import type { LineAmounts } from '../domain/invoice-amounts.ts';
import type { InvoiceLineRow } from '../ledger/invoice-lines.ts';
import type { Account, Company, Customer, Invoice, InvoiceLine, Project, VatCode } from '../domain/types.ts';
import { DATA_TYPES } from './data-types/index.ts';
import type { FieldDoc } from './data-types/row.ts';
import { LEDGER_FIELDS } from './ledger-scope.ts';
import { SCOPE_FIELDS } from './scope.ts';
import type { LayoutTemplate, TemplateDataType } from './types.ts';

/**
 * A value's shape: `null` a plain value, `'*'` anything (objects whose keys are free, such as
 * `extra`, or what the tree does not describe), `[item]` a list, else an object's fields.
 */
export type Shape = null | '*' | readonly [Shape] | { readonly [name: string]: Shape };

export const OPEN: Shape = '*';

function isList(shape: Shape): shape is readonly [Shape] {
  return Array.isArray(shape);
}

function isObject(shape: Shape): shape is { readonly [name: string]: Shape } {
  return shape !== null && shape !== OPEN && !Array.isArray(shape);
}

/** The tree of documented paths (`customer.name`, `lines[].net`); an object or list documented without parts is open. */
export function shapeOfFields(fields: readonly FieldDoc[]): { [name: string]: Shape } {
  const root: Record<string, unknown> = {};
  const types = new Map<Record<string, unknown>, Map<string, FieldDoc['type']>>();
  for (const field of fields) {
    let node = root;
    const steps = field.path.split('.');
    steps.forEach((step, i) => {
      const list = step.endsWith('[]');
      const name = list ? step.slice(0, -2) : step;
      const last = i === steps.length - 1;
      if (last && !list) {
        if (!Object.hasOwn(node, name)) node[name] = null;
        if (!types.has(node)) types.set(node, new Map());
        types.get(node)!.set(name, field.type);
        return;
      }
      if (list) {
        const existing = node[name];
        const holder = Array.isArray(existing) ? (existing as Record<string, unknown>[]) : [{}];
        node[name] = holder;
        node = holder[0]!;
      } else {
        if (node[name] === null || node[name] === undefined) node[name] = {};
        node = node[name] as Record<string, unknown>;
      }
    });
  }
  // `company` (type object) or `ledger.departments` (type list) are documented without their parts: open.
  const close = (node: Record<string, unknown>): { [name: string]: Shape } => {
    const out: Record<string, Shape> = {};
    for (const [name, value] of Object.entries(node)) {
      const type = types.get(node)?.get(name);
      if (value === null) out[name] = type === 'object' ? OPEN : type === 'list' ? [OPEN] : null;
      else if (Array.isArray(value)) {
        const item = value[0] as Record<string, unknown>;
        out[name] = [Object.keys(item).length === 0 ? OPEN : close(item)];
      } else out[name] = close(value as Record<string, unknown>);
    }
    return out;
  };
  return close(root);
}

const leaves = <T extends string>(...names: T[]): Record<T, null> =>
  Object.fromEntries(names.map((n) => [n, null])) as Record<T, null>;

// Complete against the domain types: a field added there is a compile error here until listed.
// (The invoice number series is a setting of the app, not something a template writes.)
const COMPANY: Record<Exclude<keyof Company, 'invoiceNumbering'>, Shape> = leaves(
  'name',
  'orgNumber',
  'addressLine1',
  'addressLine2',
  'postalCode',
  'city',
  'countryCode',
  'phone',
  'email',
  'currency',
  'fiscalYearStart',
  'contactPerson',
  'vatRegistered',
  'vatRounding',
  'bankAccount',
  'updatedAt',
);
const CUSTOMER: Record<keyof Customer, Shape> = leaves(
  'factoring',
  'buyerReference',
  'number',
  'name',
  'orgNumber',
  'email',
  'phone',
  'addressLine1',
  'addressLine2',
  'postalCode',
  'city',
  'countryCode',
  'currency',
  'paymentTermsDays',
  'peppolId',
  'ledgerAccount',
  'updatedAt',
);
const PROJECT: Record<keyof Project, Shape> = leaves(
  'number',
  'name',
  'customerNumber',
  'departmentNumber',
  'billable',
  'updatedAt',
);
const ACCOUNT: Record<keyof Account, Shape> = leaves(
  'number',
  'name',
  'kind',
  'vatCode',
  'role',
  'saftGroupingCategory',
  'saftGroupingCode',
  'updatedAt',
);
const VAT: Record<keyof VatCode, Shape> = leaves(
  'code',
  'ratePercent',
  'description',
  'accountNumber',
  'standardTaxCode',
  'updatedAt',
);
const LINE: Record<keyof InvoiceLine, Shape> = leaves(
  'description',
  'productCode',
  'quantity',
  'unitPrice',
  'discountPercent',
  'accountNumber',
  'vatCode',
  'departmentNumber',
  'projectNumber',
);
const INVOICE: Record<keyof Invoice, Shape> = {
  ...leaves(
    'id',
    'number',
    'type',
    'creditedInvoiceNumber',
    'customerNumber',
    'projectNumber',
    'issueDate',
    'dueDate',
    'currency',
    'kid',
    'orderReference',
    'status',
    'finalizedAt',
    'exportStatus',
    'factoringStatus',
    'ehfStatus',
  ),
  lines: [LINE],
};
const LINE_AMOUNTS: Record<keyof LineAmounts, Shape> = leaves('net', 'vat', 'gross', 'ratePercent');
const INVOICE_TOTALS: Record<keyof InvoiceLineRow['invoiceTotals'], Shape> = leaves('net', 'vat', 'gross');

/** A `rowsFrom: 'lines'` row (src/core/ledger/invoice-lines.ts `InvoiceLineRow`) with `record`, the Invoices row. */
function lineRowShape(): { [name: string]: Shape } {
  const row: Record<keyof InvoiceLineRow, Shape> = {
    invoice: INVOICE,
    lineNumber: null,
    line: LINE,
    signedQuantity: null,
    signedUnitPrice: null,
    amounts: LINE_AMOUNTS,
    invoiceTotals: INVOICE_TOTALS,
    customer: CUSTOMER,
    project: PROJECT,
    account: ACCOUNT,
    vat: VAT,
    // Free for formats to fill (Xero's TaxType); a copied layout may read any key.
    extra: OPEN,
  };
  return { ...row, record: shapeOfFields(DATA_TYPES.invoices.fields) };
}

/** The fields of one row a layout writes. */
export function rowShape(template: Pick<LayoutTemplate, 'dataType' | 'rowsFrom'>): { [name: string]: Shape } {
  return template.rowsFrom === 'lines' ? lineRowShape() : shapeOfFields(DATA_TYPES[template.dataType].fields);
}

/**
 * What a template sees at the top level: the scope (scope.ts), its rows as `rows` and under the
 * data type's name, and `ledger` for invoices. Without a data type (the check of a text with no
 * template) every data type's rows are known.
 */
export function scopeShape(dataType?: TemplateDataType): { [name: string]: Shape } {
  const scope: Record<string, Shape> = {
    ...shapeOfFields(SCOPE_FIELDS),
    company: COMPANY,
    master: {
      customers: [CUSTOMER],
      projects: [PROJECT],
      // Domain records with optional parts (pay rates): not described further.
      users: [OPEN],
      accounts: [ACCOUNT],
      vatCodes: [VAT],
      expenseTypes: [OPEN],
    },
  };
  const types = dataType ? [dataType] : (Object.keys(DATA_TYPES) as TemplateDataType[]);
  for (const id of types) scope[id] = [shapeOfFields(DATA_TYPES[id].fields)];
  if (dataType) scope.rows = scope[dataType]!;
  else scope.rows = [OPEN];
  if (dataType === undefined || dataType === 'invoices') Object.assign(scope, shapeOfFields(LEDGER_FIELDS));
  return scope;
}

/** A layout column's Liquid: the row's fields, the row as `row`, and the scope. */
export function columnScopeShape(template: Pick<LayoutTemplate, 'dataType' | 'rowsFrom'>): { [name: string]: Shape } {
  const row = rowShape(template);
  return { ...scopeShape(template.dataType), ...row, row };
}

/**
 * Where a path leaves the tree: the index of the unknown step, and what to put from there on:
 * the nearest known name, with the rest of the path when that is known under it
 * (`custmer.name` → `customer.name`).
 */
export interface PathProblem {
  at: number;
  suggestion?: string[];
}

/**
 * Liquid's own properties of lists and strings (`rows.size`, `lines.first`); `length` is what a
 * layout field path reads of a list (getFieldValue indexes the array).
 */
const LIQUID_PROPERTIES = new Set(['size', 'first', 'last']);
const FIELD_PROPERTIES = new Set(['length']);

/** Follows `steps` (names, list indexes) through `shape`; null when every step is known. */
export function pathProblem(
  shape: Shape,
  steps: readonly (string | number)[],
  mode: 'liquid' | 'field' = 'liquid',
): PathProblem | null {
  let current: Shape = shape;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (current === OPEN) return null;
    const specials = mode === 'liquid' ? LIQUID_PROPERTIES : FIELD_PROPERTIES;
    if (isList(current)) {
      if (typeof step === 'number' || /^\d+$/.test(step)) {
        current = current[0];
        continue;
      }
      if (specials.has(step)) {
        // `first` / `last` are an item; `size` / `length` a number.
        current = step === 'first' || step === 'last' ? current[0] : null;
        continue;
      }
      return { at: i };
    }
    if (isObject(current) && typeof step === 'string' && Object.hasOwn(current, step)) {
      current = current[step]!;
      continue;
    }
    if (mode === 'liquid' && typeof step === 'string' && LIQUID_PROPERTIES.has(step)) {
      current = null;
      continue;
    }
    const name = isObject(current) ? suggestionFor(String(step), current) : undefined;
    if (name === undefined) return { at: i };
    const fixed = name.split('.');
    const rest = steps.slice(i + 1);
    const whole = rest.length > 0 && pathProblem(current, [...fixed, ...rest], mode) === null;
    return { at: i, suggestion: whole ? [...fixed, ...rest.map(String)] : fixed };
  }
  return null;
}

/** The shape `steps` lead to, OPEN where the tree does not say (for a loop variable's items). */
export function shapeAt(shape: Shape, steps: readonly (string | number)[]): Shape {
  let current: Shape = shape;
  for (const step of steps) {
    if (isList(current) && (typeof step === 'number' || /^\d+$/.test(step))) current = current[0];
    else if (isObject(current) && typeof step === 'string' && Object.hasOwn(current, step)) current = current[step]!;
    else return OPEN;
  }
  return current;
}

/**
 * What to suggest for an unknown `name` among an object's fields: the nearest field by edit
 * distance when it is close (a typo: at most 2 edits, or a third of the name), else a field one
 * or two levels down with that very name (`kid` in an invoice-lines row → `invoice.kid`).
 */
function suggestionFor(name: string, fields: { readonly [name: string]: Shape }): string | undefined {
  const nearest = nearestName(name, Object.keys(fields));
  if (nearest !== undefined && editDistance(name.toLowerCase(), nearest.toLowerCase()) <= Math.max(2, name.length / 3))
    return nearest;
  const wanted = name.toLowerCase();
  for (const depth of [1, 2]) {
    const found = pathsBelow(fields, depth).find((path) => path[path.length - 1]!.toLowerCase() === wanted);
    if (found) return found.join('.');
  }
  return undefined;
}

/** The field paths exactly `depth` steps below an object (through objects only). */
function pathsBelow(fields: { readonly [name: string]: Shape }, depth: number): string[][] {
  return Object.entries(fields).flatMap(([name, shape]) =>
    depth === 0 ? [[name]] : isObject(shape) ? pathsBelow(shape, depth - 1).map((p) => [name, ...p]) : [],
  );
}

/** The name closest to `name` by edit distance (ties: the first), or undefined when there are none. */
export function nearestName(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance (insert, delete, replace one character). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** A path with its unknown part replaced by the suggestion (`customer.emial` → `customer.email`). */
export function suggestedPath(steps: readonly (string | number)[], problem: PathProblem): string | undefined {
  if (problem.suggestion === undefined) return undefined;
  return pathText([...steps.slice(0, problem.at), ...problem.suggestion]);
}

/** `customer.email`, `lines[0].net` */
export function pathText(steps: readonly (string | number)[]): string {
  return steps.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** The unknown `field` paths of a layout's columns (an empty `field` is a Liquid or constant column). */
export function unknownColumnFields(
  template: Pick<LayoutTemplate, 'dataType' | 'rowsFrom' | 'columns'>,
): { index: number; header: string; path: string; suggestion?: string }[] {
  const row = rowShape(template);
  return template.columns.flatMap((c, index) => {
    if (!c.field) return [];
    const steps = c.field.split('.');
    const problem = pathProblem(row, steps, 'field');
    if (!problem) return [];
    const suggestion = suggestedPath(steps, problem);
    return [{ index, header: c.header, path: c.field, ...(suggestion ? { suggestion } : {}) }];
  });
}
