/**
 * The first step of the wizard in one call: bytes → detected settings → decoded text →
 * parsed table (or a preview of it). Every detected setting can be overridden; the
 * result carries the guesses with their reasons for the UI to show.
 */
import { detectDialect, parseCsv, type DialectGuess, type ParsedCsv, type Delimiter } from './csv.ts';
import { decodeBytes, detectEncoding, type EncodingGuess, type ImportEncoding } from './encoding.ts';
import { findMixedEncoding } from '../encoding/mixed-encoding.ts';

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

/** Why a file cannot be read at all; `params` say where (line, byte offset). */
export type ReadFailureCode = 'empty-file' | 'binary' | 'zip' | 'mixed-encoding';

export type ReadCsvOutcome =
  | { ok: true; value: ReadCsvResult }
  | {
      ok: false;
      code: ReadFailureCode;
      params: Record<string, string | number>;
      reason: string;
      encodingGuess: EncodingGuess;
    };

/** The local file header of a ZIP (also .xlsx, .ods, .docx): `PK` 03 04. */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function readCsvBytes(bytes: Uint8Array, overrides: ReadOverrides = {}): ReadCsvOutcome {
  const encodingGuess = detectEncoding(bytes);
  const fail = (
    code: ReadFailureCode,
    reason: string,
    params: Record<string, string | number> = {},
  ): ReadCsvOutcome => ({
    ok: false,
    code,
    params,
    reason,
    encodingGuess,
  });
  if (bytes.length === 0) return fail('empty-file', 'The file is empty (0 bytes).');
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b))
    return fail(
      'zip',
      'This is a ZIP archive (or a spreadsheet such as .xlsx), not a CSV file; save it as CSV first.',
      {
        line: 1,
      },
    );
  if (encodingGuess.binary && overrides.encoding === undefined)
    return fail('binary', `This does not look like a CSV file: ${encodingGuess.reason}`);
  // An explicit encoding reads the file as told; a guess would be wrong for some rows.
  if (overrides.encoding === undefined && !encodingGuess.hasBom && encodingGuess.encoding !== 'utf-8') {
    const mixed = findMixedEncoding(bytes);
    if (mixed)
      return fail(
        'mixed-encoding',
        `The file mixes encodings: line ${mixed.utf8Line} is UTF-8, but line ${mixed.singleByteLine} is not (byte ${mixed.offset}). Save the whole file in one encoding, or choose the encoding to read it with.`,
        { line: mixed.singleByteLine, utf8Line: mixed.utf8Line, offset: mixed.offset },
      );
  }
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
