/**
 * The import wizard's guesses (encoding, delimiter and header, number and date format) in the UI
 * language. Core gives each guess a code with parameters beside its English `reason` (which the
 * CLI prints); a code the catalogue does not know shows that English reason. Also a preview cell's
 * reason for a value it cannot read.
 */
import type {
  DateFormat,
  DateReasonCode,
  Delimiter,
  DialectGuess,
  EncodingGuess,
  NumberFormatGuess,
  ThousandsSeparator,
} from '../../core/import/index.ts';
import { hasMessage, t, type MessageKey } from '../messages.ts';
import { problemMessage } from './problem-text.ts';

export const DELIMITER_LABELS: Readonly<Record<Delimiter, MessageKey>> = {
  ',': 'import.delimiter.comma',
  ';': 'import.delimiter.semicolon',
  '\t': 'import.delimiter.tab',
  '|': 'import.delimiter.pipe',
};

export const THOUSANDS_LABELS: Readonly<Record<ThousandsSeparator, MessageKey>> = {
  '': 'import.thousands.none',
  ' ': 'import.thousands.space',
  '.': 'import.thousands.point',
  ',': 'import.thousands.comma',
  "'": 'import.thousands.apostrophe',
};

type Params = Readonly<Record<string, string | number>>;

/** The message `import.guess.<area>.<code>`, or null when the catalogue has none. */
function guessMessage(area: string, code: string, params: Params): string | null {
  const key = `import.guess.${area}.${code}`;
  return hasMessage(key) ? t(key, params) : null;
}

function label<K extends string>(labels: Readonly<Record<K, MessageKey>>, value: unknown): string {
  const key = (labels as Partial<Record<string, MessageKey>>)[String(value)];
  return key ? t(key) : String(value);
}

export function encodingGuessText(guess: Pick<EncodingGuess, 'code' | 'params' | 'reason'>): string {
  return guessMessage('encoding', guess.code, guess.params) ?? guess.reason;
}

/** The delimiter's sentence, the lines skipped at the top, and why the first row is or is not a header. */
export function dialectGuessText(guess: Pick<DialectGuess, 'code' | 'params' | 'header' | 'reason'>): string {
  const params = { ...guess.params, delimiter: label(DELIMITER_LABELS, guess.params['delimiter']) };
  const delimiter = guessMessage('dialect', guess.code, params);
  const header = guess.header ? guessMessage('header', guess.header.code, guess.header.params) : '';
  if (delimiter === null || header === null) return guess.reason;
  const skipLines = Number(guess.params['skipLines'] ?? 0);
  const skipped = skipLines > 0 ? t('import.guess.dialect.skipLines', { skipLines }) : '';
  return [delimiter, skipped, header].filter((s) => s !== '').join(' ');
}

/** What the number values tell about the format, and how many of them do not fit it. */
export function numberGuessText(guess: Pick<NumberFormatGuess, 'code' | 'params' | 'reason'>): string {
  const { params } = guess;
  const grouped = guess.code === 'decimal' && params['thousands'] !== '' && params['thousands'] !== undefined;
  const text = guessMessage('number', grouped ? 'decimal-grouped' : guess.code, {
    ...params,
    thousands: label(THOUSANDS_LABELS, params['thousands']),
  });
  if (text === null) return guess.reason;
  const conflicts = Number(params['conflicts'] ?? 0);
  return conflicts > 0
    ? `${text} ${t('import.guess.number.conflicts', { conflicts, conflict: params['conflict'] ?? '' })}`
    : text;
}

/** What the date values tell about the format; `formats` are the ones that read every value. */
export function dateGuessText(guess: {
  code: DateReasonCode;
  params: Params;
  formats: readonly DateFormat[];
  reason: string;
}): string {
  return (
    guessMessage('date', guess.code, {
      ...guess.params,
      format: guess.formats[0] ?? '',
      formats: guess.formats.join(` ${t('common.or')} `),
    }) ?? guess.reason
  );
}

/** Why a preview cell's value cannot be read (core's PreviewCell), in the UI language when coded. */
export function previewCellError(cell: { error: string; problem?: string; params?: Params }): string {
  if (cell.problem === undefined) return cell.error;
  return problemMessage({
    code: 'invalid-value',
    params: { ...cell.params, problem: cell.problem },
    message: cell.error,
  });
}
