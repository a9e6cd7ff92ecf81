/**
 * The first step of the wizard in one call: bytes → detected settings → decoded text →
 * parsed table (or a preview of it). Every detected setting can be overridden; the
 * result carries the guesses with their reasons for the UI to show.
 */
import { detectDialect, parseCsv, type DialectGuess, type ParsedCsv, type Delimiter } from './csv.ts';
import { decodeBytes, detectEncoding, type EncodingGuess, type ImportEncoding } from './encoding.ts';

export interface ReadOverrides {
  encoding?: ImportEncoding;
  delimiter?: Delimiter;
  hasHeader?: boolean;
  skipLines?: number;
  /** Preview: parse only the first rows. */
  maxRows?: number;
}

export interface ReadCsvResult {
  encodingGuess: EncodingGuess;
  dialectGuess: DialectGuess;
  /** The settings used (guesses with the overrides applied). */
  encoding: ImportEncoding;
  delimiter: Delimiter;
  hasHeader: boolean;
  skipLines: number;
  text: string;
  table: ParsedCsv;
}

export type ReadCsvOutcome =
  { ok: true; value: ReadCsvResult } | { ok: false; reason: string; encodingGuess: EncodingGuess };

export function readCsvBytes(bytes: Uint8Array, overrides: ReadOverrides = {}): ReadCsvOutcome {
  const encodingGuess = detectEncoding(bytes);
  if (bytes.length === 0) return { ok: false, reason: 'The file is empty (0 bytes).', encodingGuess };
  if (encodingGuess.binary && overrides.encoding === undefined)
    return { ok: false, reason: `This does not look like a CSV file: ${encodingGuess.reason}`, encodingGuess };
  const encoding = overrides.encoding ?? encodingGuess.encoding;
  const text = decodeBytes(bytes, encoding);
  const dialectGuess = detectDialect(text);
  const delimiter = overrides.delimiter ?? dialectGuess.delimiter;
  const hasHeader = overrides.hasHeader ?? dialectGuess.hasHeader;
  const skipLines = overrides.skipLines ?? dialectGuess.skipLines;
  const table = parseCsv(text, {
    delimiter,
    hasHeader,
    skipLines,
    ...(overrides.maxRows !== undefined ? { maxRows: overrides.maxRows } : {}),
  });
  return { ok: true, value: { encodingGuess, dialectGuess, encoding, delimiter, hasHeader, skipLines, text, table } };
}
