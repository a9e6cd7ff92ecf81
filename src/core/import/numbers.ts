/**
 * Reading numbers the way spreadsheets and Nordic systems write them, without ever
 * guessing silently.
 *
 * A value is read as sign + digits + optional decimals, from strings only (no float on
 * the way), so money comes out as exact minor units:
 * - sign: leading `-` / `+` / `−` (U+2212), parentheses `(1 234,50)`, or a trailing
 *   minus `1 234,50-`;
 * - a currency code or sign before or after the number is ignored (`kr 100`, `100 €`);
 * - grouping: spaces (incl. no-break and narrow no-break space) and `'` are only ever
 *   thousands separators, so they are always accepted; `.` and `,` are the decimal
 *   separator or the thousands separator depending on the format. Groups after the
 *   first must have exactly three digits, so `1 2` or `1.00.0` are errors, not numbers.
 *
 * With `decimal: null` (not chosen yet) a value is read only when its meaning does not
 * depend on the choice (`12,50`, `1.5`, `1.234.567`, `1,234.50`, `0.500`); values such as
 * `1.000` or `-3,000` are errors that name the ambiguity until the user (or a preset)
 * picks the decimal separator.
 */
import { pushAll } from '../push-all.ts';
import { MAX_NUMBER_DIGITS } from '../domain/limits.ts';

export type DecimalSeparator = '.' | ',';
/** `' '` stands for every space (U+0020, U+00A0, U+202F, U+2009); `''` for no grouping with `.`/`,`. */
export type ThousandsSeparator = '' | ' ' | '.' | ',' | "'";
export const THOUSANDS_SEPARATORS: readonly ThousandsSeparator[] = ['', ' ', '.', ',', "'"];

export interface NumberFormat {
  /** null: not chosen; ambiguous values are then errors. */
  decimal: DecimalSeparator | null;
  thousands: ThousandsSeparator;
}

/**
 * A failed read says why in English (the CLI prints it) and as a code with parameters for the UI
 * (`problem`, worded as `problem.import.<problem>`); `code` (when set) is the code a rejected row reports.
 */
export type ParseResult<T> =
  | { ok: true; value: T }
  | { ok: false; reason: string; code?: string; problem?: string; params?: Readonly<Record<string, string | number>> };

/** A failed read's reason coded for the UI, which words it as `problem.import.<problem>`. */
export interface ParseProblem {
  problem: string;
  params: Readonly<Record<string, string | number>>;
}

export function parseFailure(
  reason: string,
  problem: string,
  params: Readonly<Record<string, string | number>>,
  code?: string,
): { ok: false; reason: string; code?: string; problem: string; params: Readonly<Record<string, string | number>> } {
  return code === undefined ? { ok: false, reason, problem, params } : { ok: false, code, reason, problem, params };
}

/** The coded reason of a failed read made by `parseFailure`, if any. */
export function parseProblem(result: {
  problem?: string;
  params?: Readonly<Record<string, string | number>>;
}): ParseProblem | undefined {
  return result.problem === undefined ? undefined : { problem: result.problem, params: result.params ?? {} };
}

/** The pieces of a number as text: `negative`, integer digits (no leading zeros kept), fraction digits. */
export interface DecimalParts {
  negative: boolean;
  integer: string;
  fraction: string;
}

const SPACES = /[\u0020\u00a0\u202f\u2009]/;
const CURRENCY_AFFIX = /^(?:kr\.?|nok|sek|dkk|eur|usd|gbp|€|\$|£)\s*|\s*(?:kr\.?|nok|sek|dkk|eur|usd|gbp|€|\$|£)$/gi;

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpaceChar(ch: string): boolean {
  return SPACES.test(ch);
}

/** Reads `text` into sign, integer and fraction digits; the base of every number parser here. */
export function parseDecimalParts(text: string, format: NumberFormat): ParseResult<DecimalParts> {
  let body = text.trim().replace(/^[\u00a0\u202f\u2009]+|[\u00a0\u202f\u2009]+$/g, '');
  if (body === '') return parseFailure('empty value', 'empty', {});
  let negative = false;
  if (body.startsWith('(') && body.endsWith(')')) {
    negative = true;
    body = body.slice(1, -1).trim();
  }
  if (/[-−]$/.test(body)) {
    if (negative) return parseFailure(`"${text}" has two minus signs`, 'number-two-minus', { value: text });
    negative = true;
    body = body.slice(0, -1).trim();
  }
  body = body.replace(CURRENCY_AFFIX, '');
  if (/^[-−+]/.test(body)) {
    if (negative && body[0] !== '+')
      return parseFailure(`"${text}" has two minus signs`, 'number-two-minus', { value: text });
    if (body[0] !== '+') negative = true;
    body = body.slice(1).trimStart();
    body = body.replace(CURRENCY_AFFIX, '');
  }
  if (body === '') return parseFailure(`"${text}" is not a number`, 'number-not-number', { value: text });

  // One pass to find the separators used.
  let lastDot = -1;
  let lastComma = -1;
  let dots = 0;
  let commas = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (isDigitCode(body.charCodeAt(i))) continue;
    if (ch === '.') {
      dots++;
      lastDot = i;
    } else if (ch === ',') {
      commas++;
      lastComma = i;
    } else if (ch !== "'" && !isSpaceChar(ch)) {
      return parseFailure(`"${text}" is not a number (unexpected "${ch}")`, 'number-unexpected-char', {
        value: text,
        char: ch,
      });
    }
  }

  let decimalAt = -1;
  let decimalChar: DecimalSeparator | '' = '';
  if (format.decimal !== null) {
    decimalChar = format.decimal;
    const count = decimalChar === '.' ? dots : commas;
    const otherCount = decimalChar === '.' ? commas : dots;
    const otherChar = decimalChar === '.' ? ',' : '.';
    if (otherCount > 0 && format.thousands !== otherChar) {
      return parseFailure(
        `"${text}" contains "${otherChar}", which is neither the decimal separator ("${decimalChar}") nor the thousands separator`,
        'number-other-separator',
        { value: text, other: otherChar, decimal: decimalChar },
      );
    }
    if (count > 1)
      return parseFailure(`"${text}" has more than one decimal separator "${decimalChar}"`, 'number-several-decimal', {
        value: text,
        decimal: decimalChar,
      });
    decimalAt = count === 1 ? (decimalChar === '.' ? lastDot : lastComma) : -1;
  } else if (dots > 0 && commas > 0) {
    // Both used: the last one is the decimal separator.
    decimalChar = lastDot > lastComma ? '.' : ',';
    if ((decimalChar === '.' ? dots : commas) > 1)
      return parseFailure(`"${text}" is not a number (separators in the wrong places)`, 'number-separators-misplaced', {
        value: text,
      });
    decimalAt = Math.max(lastDot, lastComma);
  } else if (dots + commas === 1) {
    const at = Math.max(lastDot, lastComma);
    const sep = body[at] as DecimalSeparator;
    const after = body.length - at - 1;
    const before = body.slice(0, at).replace(/[\s'\u00a0\u202f\u2009]/g, '');
    const groupedBefore =
      before.length >= 1 && before.length <= 3 && before !== '0' && !/[\s'\u00a0\u202f\u2009]/.test(body.slice(0, at));
    if (after === 3 && groupedBefore && format.thousands !== sep) {
      return parseFailure(
        `"${text}" is ambiguous: ${Number(before + body.slice(at + 1))} if "${sep}" separates thousands, ${before}${sep}${body.slice(at + 1)} as a decimal number; choose the decimal separator`,
        'number-ambiguous',
        { value: text, separator: sep },
      );
    }
    if (format.thousands === sep && after === 3 && before !== '0') decimalAt = -1;
    else {
      decimalChar = sep;
      decimalAt = at;
    }
  }
  // else: several of one separator and none of the other: thousands grouping (checked below).

  const integerText = decimalAt === -1 ? body : body.slice(0, decimalAt);
  const fraction = decimalAt === -1 ? '' : body.slice(decimalAt + 1);
  if (!/^\d*$/.test(fraction))
    return parseFailure(`"${text}" has a separator after the decimal separator`, 'number-separator-after-decimal', {
      value: text,
    });
  const integer = ungroup(integerText, decimalChar);
  if (integer === null) return groupingError(text, integerText, format);
  if (integer === '' && fraction === '')
    return parseFailure(`"${text}" is not a number`, 'number-not-number', { value: text });
  return { ok: true, value: { negative, integer: integer.replace(/^0+(?=\d)/, '') || '0', fraction } };
}

function groupingError(text: string, integerText: string, format: NumberFormat): ParseResult<never> {
  const last = /([.,])(\d*)$/.exec(integerText);
  if (last && last[2]!.length !== 3 && format.decimal !== null && last[1] !== format.decimal) {
    return parseFailure(
      `"${text}" does not fit the decimal separator "${format.decimal}": "${last[1]}" is followed by ${last[2]!.length} digit(s), so it cannot separate thousands`,
      'number-grouping-decimal',
      { value: text, decimal: format.decimal, separator: last[1]!, digits: last[2]!.length },
    );
  }
  return parseFailure(
    `"${text}" is not a number (digit groups after a thousands separator must have 3 digits)`,
    'number-grouping',
    { value: text },
  );
}

/** The integer digits without grouping, or null when the grouping is malformed. */
function ungroup(text: string, decimalChar: string): string | null {
  if (/^\d*$/.test(text)) return text;
  let digits = '';
  let group = 0;
  let groups = 0;
  let separator: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (isDigitCode(text.charCodeAt(i))) {
      digits += ch;
      group++;
      continue;
    }
    const kind = isSpaceChar(ch) ? ' ' : ch;
    // Callers have already rejected a `.`/`,` that is neither decimal nor thousands separator.
    if (kind === decimalChar) return null;
    if (separator === null) separator = kind;
    else if (separator !== kind) return null;
    if ((groups === 0 && (group < 1 || group > 3)) || (groups > 0 && group !== 3)) return null;
    groups++;
    group = 0;
  }
  if (groups > 0 && group !== 3) return null;
  return digits;
}

export function parseNumber(text: string, format: NumberFormat): ParseResult<number> {
  const parts = parseDecimalParts(text, format);
  if (!parts.ok) return parts;
  const { negative, integer, fraction } = parts.value;
  const value = Number(`${negative ? '-' : ''}${integer}.${fraction || '0'}`);
  return { ok: true, value: value + 0 };
}

/**
 * Money as exact minor units with `decimals` digits (2 for NOK). More decimals than that
 * are an error unless they are zeros, never a silent rounding.
 */
/** Decimal digits any whole number of which is below 2^53, so `Number` reads it exactly. */
const EXACT_NUMBER_DIGITS = 15;

export function parseMoney(text: string, format: NumberFormat, decimals = 2): ParseResult<number> {
  const parts = parseDecimalParts(text, format);
  if (!parts.ok) return parts;
  const { negative, integer, fraction } = parts.value;
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > decimals)
    return parseFailure(
      `"${text}" has ${significant.length} decimals; the currency has ${decimals}`,
      'money-decimals',
      { value: text, count: significant.length, allowed: decimals },
    );
  const digits = integer + significant.padEnd(decimals, '0');
  // Up to 15 digits Number reads the integer exactly; BigInt (slow) only for longer ones.
  const magnitude = digits.length <= EXACT_NUMBER_DIGITS ? Number(digits) : Number(BigInt(digits));
  const value = negative ? -magnitude : magnitude;
  if (!Number.isSafeInteger(value)) return parseFailure(`"${text}" is too large`, 'money-too-large', { value: text });
  return { ok: true, value: value + 0 };
}

/** A decimal with at most `maxDecimals` decimals (quantities, hours, percentages). */
export function parseDecimal(text: string, format: NumberFormat, maxDecimals: number): ParseResult<number> {
  const parts = parseDecimalParts(text, format);
  if (!parts.ok) return parts;
  const significant = parts.value.fraction.replace(/0+$/, '');
  if (significant.length > maxDecimals)
    return parseFailure(
      `"${text}" has ${significant.length} decimals; at most ${maxDecimals} are allowed`,
      'decimal-decimals',
      { value: text, count: significant.length, allowed: maxDecimals },
    );
  // Beyond 15 digits `Number` changes the value (9007199254740993 reads as …992): refused, not rounded.
  if (parts.value.integer.length + significant.length > MAX_NUMBER_DIGITS)
    return parseFailure(
      `"${text}" has more than ${MAX_NUMBER_DIGITS} digits, more than a number holds exactly`,
      'number-too-large',
      { value: text, max: MAX_NUMBER_DIGITS },
      'number-too-large',
    );
  const value = Number(`${parts.value.negative ? '-' : ''}${parts.value.integer}.${significant || '0'}`);
  return { ok: true, value: value + 0 };
}

export interface NumberFormatGuess {
  /** null when no sample decides it; `ambiguous` then says whether it matters. */
  decimal: DecimalSeparator | null;
  thousands: ThousandsSeparator;
  /** True when some sample reads differently depending on the decimal separator. */
  ambiguous: boolean;
  /** Up to 5 sample values that need the choice. */
  ambiguousExamples: string[];
  /** Samples that contradict the guess or are not numbers at all (up to 5). */
  conflicts: string[];
  /** In English (the CLI prints it). */
  reason: string;
  /** The reason coded for the UI (import.guess.number.<code>). */
  code: NumberReasonCode;
  /**
   * example, decimal, thousands ('' for none) for `decimal`; example for `ambiguous`; and for
   * `decimal`, conflicts (how many values do not fit) and conflict (the first of them).
   */
  params: Readonly<Record<string, string | number>>;
}

export type NumberReasonCode = 'no-values' | 'decimal' | 'ambiguous' | 'no-decimals';

/** Looks at sample values (one or more number columns) and says what they tell about the format. */
export function detectNumberFormat(values: readonly string[]): NumberFormatGuess {
  const votes = { '.': [] as string[], ',': [] as string[] };
  const thousandsSeen = new Map<ThousandsSeparator, number>();
  const ambiguous: string[] = [];
  const notNumbers: string[] = [];
  let samples = 0;
  // Sample columns repeat values (hours, rates): each distinct text is read once.
  const undecidedParts = new Map<string, ParseResult<DecimalParts>>();
  for (const raw of values) {
    const value = raw.trim();
    if (value === '') continue;
    samples++;
    let parts = undecidedParts.get(value);
    if (parts === undefined)
      undecidedParts.set(value, (parts = parseDecimalParts(value, { decimal: null, thousands: '' })));
    if (!parts.ok) {
      if (parseProblem(parts)?.problem === 'number-ambiguous') ambiguous.push(value);
      else notNumbers.push(value);
      continue;
    }
    const body = value.replace(/^[(+\-−\s]+|[)\-−\s]+$/g, '');
    const lastDot = body.lastIndexOf('.');
    const lastComma = body.lastIndexOf(',');
    if (parts.value.fraction !== '' || (lastDot !== -1 && lastComma !== -1)) {
      const decimal: DecimalSeparator = lastDot > lastComma ? '.' : ',';
      votes[decimal].push(value);
    }
    if (/[\u0020\u00a0\u202f\u2009]\d{3}/.test(body)) thousandsSeen.set(' ', (thousandsSeen.get(' ') ?? 0) + 1);
    if (body.includes("'")) thousandsSeen.set("'", (thousandsSeen.get("'") ?? 0) + 1);
    const intPart =
      parts.value.fraction === '' && !(lastDot !== -1 && lastComma !== -1)
        ? body
        : body.slice(0, Math.max(lastDot, lastComma));
    if (intPart.includes('.')) thousandsSeen.set('.', (thousandsSeen.get('.') ?? 0) + 1);
    if (intPart.includes(',')) thousandsSeen.set(',', (thousandsSeen.get(',') ?? 0) + 1);
  }
  const conflicts = [...notNumbers];
  let decimal: DecimalSeparator | null = null;
  if (votes['.'].length > 0 && votes[','].length > 0) {
    decimal = votes['.'].length >= votes[','].length ? '.' : ',';
    pushAll(conflicts, votes[decimal === '.' ? ',' : '.']);
  } else if (votes['.'].length > 0) decimal = '.';
  else if (votes[','].length > 0) decimal = ',';

  let thousands: ThousandsSeparator = '';
  let best = 0;
  for (const [sep, count] of thousandsSeen) {
    if (sep === decimal) continue;
    if (count > best) {
      thousands = sep;
      best = count;
    }
  }
  // An ambiguous `1.000` together with decimal `,` is a thousands separator by the evidence.
  const stillAmbiguous = decimal === null ? ambiguous : [];
  if (decimal !== null && ambiguous.length > 0 && thousands === '') thousands = decimal === ',' ? '.' : ',';

  if (decimal !== null) {
    const checked = new Set<string>();
    for (const raw of values) {
      if (checked.has(raw)) continue;
      checked.add(raw);
      if (raw.trim() === '' || conflicts.includes(raw.trim())) continue;
      if (!parseDecimalParts(raw, { decimal, thousands }).ok) conflicts.push(raw.trim());
    }
  }

  let reason: string;
  let code: NumberReasonCode;
  let params: Record<string, string | number> = {};
  if (samples === 0) {
    reason = 'No values to look at.';
    code = 'no-values';
  } else if (decimal !== null) {
    const example = votes[decimal][0]!;
    code = 'decimal';
    params = { example, decimal, thousands, conflicts: conflicts.length, conflict: conflicts[0] ?? '' };
    reason =
      `"${example}" uses "${decimal}" as the decimal separator` +
      (thousands ? ` and "${thousands === ' ' ? 'space' : thousands}" to group thousands.` : '.');
    if (conflicts.length > 0) reason += ` ${conflicts.length} value(s) do not fit, e.g. "${conflicts[0]}".`;
  } else if (stillAmbiguous.length > 0) {
    reason = `Values such as "${stillAmbiguous[0]}" read differently with "." or "," as decimal separator; choose one.`;
    code = 'ambiguous';
    params = { example: stillAmbiguous[0]! };
  } else {
    reason = 'The values have no decimals; either decimal separator reads them the same.';
    code = 'no-decimals';
  }

  return {
    decimal,
    thousands,
    ambiguous: stillAmbiguous.length > 0,
    ambiguousExamples: stillAmbiguous.slice(0, 5),
    conflicts: conflicts.slice(0, 5),
    reason,
    code,
    params,
  };
}
