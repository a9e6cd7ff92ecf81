/**
 * The value rules shared by the register forms and the CSV importer. Each rule gets the value
 * as it would be stored and the field it belongs to, and returns its problems; an empty or
 * absent optional value has none (requiredness is the caller's part). Rules never throw.
 *
 * Severity: a value that cannot be right is an `error` (a failed check digit, `NORGE` for a
 * country, 25.5 hours in one record); a value that may be right but looks odd is a `warning`
 * (a check-digit-valid org number in another country's format, `919 399 619` with spaces).
 */
import { isValidLuhn, isValidNorwegianOrgNumber, isValidSwedishOrgNumber } from '../demo/check-digits.ts';
import { ISO_COUNTRY_CODES } from './country-codes.ts';
import { MAX_HOURS_PER_RECORD } from '../domain/limits.ts';

export type Severity = 'error' | 'warning';

export interface FieldProblem {
  field: string;
  severity: Severity;
  code: string;
  params: Record<string, string | number>;
  message: string;
}

export function problem(
  field: string,
  severity: Severity,
  code: string,
  message: string,
  params: Record<string, string | number> = {},
): FieldProblem {
  return { field, severity, code, params, message };
}

const isBlank = (value: unknown): boolean => value === undefined || value === null || value === '';

/** A required field: `required` when empty (also a string of spaces). */
export function checkRequired(field: string, value: unknown): FieldProblem[] {
  return isBlank(value) || (typeof value === 'string' && value.trim() === '')
    ? [problem(field, 'error', 'required', `${field} is required`)]
    : [];
}

// ------------------------------------------------------------------ organisation numbers

/** A Swedish number written as 10 digits, `NNNNNN-NNNN`, or 12 digits with the `16` prefix; its 10 digits or null. */
function swedishDigits(text: string): string | null {
  const compact = text.replace(/[\s-]/g, '');
  if (/^\d{10}$/.test(compact)) return compact;
  if (/^16\d{10}$/.test(compact)) return compact.slice(2);
  return null;
}

/**
 * Organisation numbers by the country they belong to. Norway: 9 digits with the MOD11 check
 * digit. Sweden: `NNNNNN-NNNN` with the Luhn digit. Other countries are not checked (the
 * demo's German customer holds its USt-IdNr). Odd but possibly right, so warnings: a Norwegian
 * number with spaces or `NO`/`MVA` around it, a Swedish one without the hyphen, a number valid
 * in the other Nordic format, or an EU VAT number (`DE123456789`) for a Norwegian or Swedish party.
 */
export function checkOrgNumber(field: string, value: unknown, countryCode: string): FieldProblem[] {
  if (isBlank(value)) return [];
  const text = String(value).trim();
  const country = countryCode.toUpperCase();
  if (country !== 'NO' && country !== 'SE') {
    return text.length > 40
      ? [problem(field, 'error', 'org-number-too-long', `${field} is longer than 40 characters`, { max: 40 })]
      : [];
  }
  const params = { value: text, country };
  const nine = text.replace(/^NO/i, '').replace(/MVA$/i, '').replace(/[\s.]/g, '');
  const swedish = swedishDigits(text);
  if (country === 'NO') {
    if (/^\d{9}$/.test(text)) {
      return isValidNorwegianOrgNumber(text)
        ? []
        : [
            problem(
              field,
              'error',
              'org-number-check-digit',
              `${text} is not a Norwegian organisation number: the check digit (MOD11) does not match`,
              params,
            ),
          ];
    }
    if (/^\d{9}$/.test(nine) && isValidNorwegianOrgNumber(nine))
      return [
        problem(field, 'warning', 'org-number-format', `write the Norwegian organisation number as ${nine}`, {
          ...params,
          suggestion: nine,
        }),
      ];
    if (swedish !== null && isValidSwedishOrgNumber(swedish)) return [otherCountry(field, text, country, 'SE')];
  } else if (swedish !== null) {
    if (!isValidLuhn(swedish))
      return [
        problem(
          field,
          'error',
          'org-number-check-digit',
          `${text} is not a Swedish organisation number: the check digit (Luhn) does not match`,
          params,
        ),
      ];
    const suggestion = `${swedish.slice(0, 6)}-${swedish.slice(6)}`;
    // A sole trader's organisation number is the owner's personal identity number (third digit 0 or 1).
    if (!isValidSwedishOrgNumber(swedish))
      return [
        problem(
          field,
          'warning',
          'org-number-personal',
          `${text} is a personal identity number (a sole trader's organisation number?)`,
          params,
        ),
      ];
    return text === suggestion
      ? []
      : [
          problem(field, 'warning', 'org-number-format', `write the Swedish organisation number as ${suggestion}`, {
            ...params,
            suggestion,
          }),
        ];
  } else {
    if (/^\d{9}$/.test(nine) && isValidNorwegianOrgNumber(nine)) return [otherCountry(field, text, country, 'NO')];
  }
  if (/^[A-Z]{2}[0-9A-Z+*.\s]{2,13}$/i.test(text) && !/^(NO|SE)/i.test(text))
    return [
      problem(
        field,
        'warning',
        'org-number-foreign',
        `${text} looks like a VAT number of ${text.slice(0, 2).toUpperCase()}, but the country is ${country}`,
        { ...params, foreignCountry: text.slice(0, 2).toUpperCase() },
      ),
    ];
  const format = country === 'NO' ? '9 digits' : 'NNNNNN-NNNN';
  return [
    problem(
      field,
      'error',
      'org-number-format',
      `${text} is not a ${country === 'NO' ? 'Norwegian' : 'Swedish'} organisation number (${format})`,
      { ...params, format },
    ),
  ];
}

function otherCountry(field: string, text: string, country: string, valid: 'NO' | 'SE'): FieldProblem {
  return problem(
    field,
    'warning',
    'org-number-other-country',
    `${text} passes the ${valid === 'NO' ? 'Norwegian' : 'Swedish'} check digit, but the country is ${country}`,
    { value: text, country, validIn: valid },
  );
}

// ------------------------------------------------------------------ contact details

/**
 * One address `local@domain.tld`, as invoices and payslips are sent to. Several addresses in one
 * field are a warning (some systems take a list, e-invoicing takes one).
 */
export function checkEmail(field: string, value: unknown): FieldProblem[] {
  if (isBlank(value)) return [];
  const text = String(value).trim();
  const parts = text.split(/\s*[;,]\s*/).filter((p) => p !== '');
  if (parts.length > 1 && parts.every(isEmailAddress))
    return [
      problem(field, 'warning', 'email-several', `${field} holds ${parts.length} addresses; exports use the first`, {
        value: text,
        count: parts.length,
      }),
    ];
  return isEmailAddress(text)
    ? []
    : [problem(field, 'error', 'email-format', `${JSON.stringify(text)} is not an e-mail address`, { value: text })];
}

function isEmailAddress(text: string): boolean {
  return (
    text.length <= 254 &&
    /^[^\s@"(),:;<>[\]\\]+@[A-Za-z0-9À-ɏ](?:[A-Za-z0-9À-ɏ-]*[A-Za-z0-9À-ɏ])?(?:\.[A-Za-z0-9À-ɏ](?:[A-Za-z0-9À-ɏ-]*[A-Za-z0-9À-ɏ])?)*\.[A-Za-z]{2,}$/.test(
      text,
    ) &&
    !text.includes('..')
  );
}

/** An assigned ISO 3166 alpha-2 code, in capitals (exports compare it as written). */
export function checkCountryCode(field: string, value: unknown): FieldProblem[] {
  if (isBlank(value)) return [];
  const text = String(value).trim();
  if (ISO_COUNTRY_CODES.has(text)) return [];
  if (ISO_COUNTRY_CODES.has(text.toUpperCase()))
    return [
      problem(field, 'error', 'country-code-case', `write the country code in capitals: ${text.toUpperCase()}`, {
        value: text,
        suggestion: text.toUpperCase(),
      }),
    ];
  return [
    problem(
      field,
      'error',
      'country-code',
      `${JSON.stringify(text)} is not an ISO 3166 country code (two letters, e.g. NO, SE, DE)`,
      { value: text },
    ),
  ];
}

/** Three capital letters (ISO 4217), as every export writes the currency. */
export function checkCurrency(field: string, value: unknown): FieldProblem[] {
  if (isBlank(value)) return [];
  const text = String(value).trim();
  return /^[A-Z]{3}$/.test(text)
    ? []
    : [
        problem(
          field,
          'error',
          'currency-code',
          `${JSON.stringify(text)} is not an ISO 4217 currency code (e.g. NOK)`,
          {
            value: text,
          },
        ),
      ];
}

/** Norway: 4 digits. Sweden: `NNN NN` (5 digits without the space are a warning). Others are not checked. */
export function checkPostalCode(field: string, value: unknown, countryCode: string): FieldProblem[] {
  if (isBlank(value)) return [];
  const text = String(value).trim();
  const country = countryCode.toUpperCase();
  if (country === 'NO')
    return /^\d{4}$/.test(text)
      ? []
      : [
          problem(
            field,
            'error',
            'postal-code-format',
            `${JSON.stringify(text)} is not a Norwegian postal code (4 digits)`,
            {
              value: text,
              country,
              format: 'NNNN',
            },
          ),
        ];
  if (country === 'SE') {
    if (/^\d{3} \d{2}$/.test(text)) return [];
    if (/^\d{5}$/.test(text) || /^SE-?\s?\d{3}\s?\d{2}$/i.test(text)) {
      const digits = text.replace(/\D/g, '');
      const suggestion = `${digits.slice(0, 3)} ${digits.slice(3)}`;
      return [
        problem(field, 'warning', 'postal-code-format', `write the Swedish postal code as ${suggestion}`, {
          value: text,
          country,
          format: 'NNN NN',
          suggestion,
        }),
      ];
    }
    return [
      problem(field, 'error', 'postal-code-format', `${JSON.stringify(text)} is not a Swedish postal code (NNN NN)`, {
        value: text,
        country,
        format: 'NNN NN',
      }),
    ];
  }
  return [];
}

/**
 * A PEPPOL participant id `scheme:identifier`. `0192:` takes a Norwegian organisation number,
 * `0007:` a Swedish one (10 digits, no hyphen); other schemes are not checked (a warning says
 * so). An id for another org number than the party's own is a warning.
 */
export function checkPeppolId(field: string, value: unknown, orgNumber: string): FieldProblem[] {
  if (isBlank(value)) return [];
  const text = String(value).trim();
  const match = /^(\d{4}):(\S+)$/.exec(text);
  if (!match)
    return [
      problem(
        field,
        'error',
        'peppol-id-format',
        `${JSON.stringify(text)} is not a PEPPOL id (scheme:identifier, e.g. 0192:919399619)`,
        { value: text },
      ),
    ];
  const [, scheme, id] = match as unknown as [string, string, string];
  const own = orgNumber.replace(/[\s-]/g, '');
  if (scheme === '0192') {
    if (!isValidNorwegianOrgNumber(id))
      return [
        problem(
          field,
          'error',
          'peppol-id-org-number',
          `${id} after 0192: is not a valid Norwegian organisation number`,
          {
            value: text,
            scheme,
          },
        ),
      ];
  } else if (scheme === '0007') {
    if (!/^\d{10}$/.test(id) || !isValidSwedishOrgNumber(id))
      return [
        problem(
          field,
          'error',
          'peppol-id-org-number',
          `${id} after 0007: is not a valid Swedish organisation number (10 digits)`,
          { value: text, scheme },
        ),
      ];
  } else {
    return [
      problem(field, 'warning', 'peppol-id-scheme', `PEPPOL scheme ${scheme} is not checked (0192 and 0007 are)`, {
        value: text,
        scheme,
      }),
    ];
  }
  return own !== '' && own !== id
    ? [
        problem(field, 'warning', 'peppol-id-other-org', `${text} is not for the organisation number ${orgNumber}`, {
          value: text,
          orgNumber,
        }),
      ]
    : [];
}

// ------------------------------------------------------------------ numbers and dates

export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2199-12-31';

/** A real calendar date `YYYY-MM-DD` from 1900 to 2199: outside that it is a typing slip (`0024`, `20244`). */
export function checkDate(field: string, value: unknown): FieldProblem[] {
  if (isBlank(value)) return [];
  const text = String(value);
  // The range first: Date.UTC reads the years 0–99 as 1900–1999, and `0024-03-01` is a slip for 2024.
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && (text < MIN_DATE || text > MAX_DATE))
    return [
      problem(field, 'error', 'date-range', `${text} is outside 1900–2199`, {
        value: text,
        min: MIN_DATE,
        max: MAX_DATE,
      }),
    ];
  if (!isCalendarDate(text))
    return [
      problem(field, 'error', 'date-format', `${JSON.stringify(text)} is not a date (YYYY-MM-DD)`, { value: text }),
    ];
  return [];
}

/** Imports check a million time records, whose dates repeat: each distinct text is parsed once. */
const calendarDates = new Map<string, boolean>();
const CALENDAR_CACHE_LIMIT = 100_000;

function isCalendarDate(text: string): boolean {
  let valid = calendarDates.get(text);
  if (valid === undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    valid =
      m !== null &&
      new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === text;
    if (calendarDates.size < CALENDAR_CACHE_LIMIT) calendarDates.set(text, valid);
  }
  return valid;
}

/** An amount in minor units: a safe integer (beyond it a number loses its last digits). */
export function checkAmount(field: string, value: unknown): FieldProblem[] {
  if (isBlank(value)) return [];
  return typeof value === 'number' && Number.isSafeInteger(value)
    ? []
    : [
        problem(field, 'error', 'amount-range', `${String(value)} is not a whole amount in minor units within ±2^53`, {
          value: String(value),
        }),
      ];
}

/** A finite number from `min` to `max`. */
export function checkNumberRange(
  field: string,
  value: unknown,
  min: number,
  max: number,
  code = 'number-range',
): FieldProblem[] {
  if (isBlank(value)) return [];
  if (typeof value !== 'number' || !Number.isFinite(value))
    return [problem(field, 'error', 'number-format', `${String(value)} is not a number`, { value: String(value) })];
  return value < min || value > max
    ? [problem(field, 'error', code, `${value} is outside ${min}–${max}`, { value, min, max })]
    : [];
}

export { MAX_HOURS_PER_RECORD };

/** Hours of one time record: 0 to 24 (a day has no more); 0 is a warning (a record that counts nothing). */
export function checkHours(field: string, value: unknown): FieldProblem[] {
  if (isBlank(value)) return [];
  const range = checkNumberRange(field, value, 0, MAX_HOURS_PER_RECORD, 'hours-range');
  if (range.length > 0)
    return range.map((p) =>
      p.code === 'hours-range'
        ? { ...p, message: `${String(value)} hours in one record: a record holds 0 to 24 hours` }
        : p,
    );
  return value === 0 ? [problem(field, 'warning', 'hours-zero', 'the record has 0 hours', { value: 0 })] : [];
}
