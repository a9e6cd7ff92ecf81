/**
 * Value problems (src/core/validation's FieldProblem: code, parameters and an English message for
 * the CLI) in the UI language. A code with several wordings (a Norwegian or a Swedish number, a
 * suggestion or a plain refusal) picks its variant from the parameters; a code the catalogue does
 * not know shows the problem's own text. The importer's unreadable values (code `invalid-<type>`)
 * carry their reason's code as the parameter `problem` (`problem.import.<problem>`).
 */
import { hasMessage, t } from '../messages.ts';

export interface ProblemLike {
  code: string;
  field?: string;
  params?: Readonly<Record<string, string | number>>;
  message: string;
}

/** Codes of checkNumberRange callers that say which range they check; all read "outside min–max". */
const RANGE_CODES = /^(?!date-|amount-|hours-).*-range$/;

function variantKey(code: string, params: Readonly<Record<string, string | number>>): string {
  const country = String(params['country'] ?? '');
  switch (code) {
    case 'org-number-check-digit':
      return `${code}.${country}`;
    case 'org-number-format':
      return params['suggestion'] !== undefined ? `${code}.suggest.${country}` : `${code}.${country}`;
    case 'org-number-other-country':
      return `${code}.${String(params['validIn'] ?? '')}`;
    case 'postal-code-format':
      return params['suggestion'] !== undefined ? `${code}.suggest` : `${code}.${country}`;
    case 'peppol-id-org-number':
      return `${code}.${String(params['scheme'] ?? '')}`;
    default:
      return RANGE_CODES.test(code) ? 'number-range' : code;
  }
}

export function problemMessage(found: ProblemLike): string {
  const params = found.params ?? {};
  // A value the importer could not read: its reason is coded in `problem` (core/import parseFailure).
  const key =
    typeof params['problem'] === 'string'
      ? `problem.import.${params['problem']}`
      : `problem.${variantKey(found.code, params)}`;
  if (!hasMessage(key)) return found.message;
  return t(key, { ...params, field: found.field ?? '' });
}
