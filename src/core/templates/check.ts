/**
 * Checking a text template (or a layout column's Liquid) without data: syntax errors,
 * unknown filters and unknown top-level variables, each with its line and column, so the
 * editor can mark them as the user types (Moment catches "some errors already when saving").
 */
import { createLiquid, DEFAULT_LIMITS, toTemplateError, type TemplateError } from './liquid-engine.ts';
import { SCOPE_NAMES } from './scope.ts';
import { TEMPLATE_DATA_TYPES, type TemplateDataType } from './types.ts';

export interface CheckOptions {
  /** Restricts the data-type alias to this one (`invoices`), and adds `ledger` for invoices. */
  dataType?: TemplateDataType;
  /** Extra top-level names (a layout column sees the row's own fields). */
  knownNames?: readonly string[];
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
  const known = new Set<string>([
    ...SCOPE_NAMES,
    ...(options.dataType ? [options.dataType] : TEMPLATE_DATA_TYPES),
    ...(options.dataType === undefined || options.dataType === 'invoices' ? ['ledger'] : []),
    ...(options.knownNames ?? []),
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
  } catch (e) {
    errors.push(toTemplateError(e, DEFAULT_LIMITS));
  }
  return errors.sort((a, b) => a.line - b.line || a.column - b.column);
}
