/**
 * Guessing and decoding the character encoding of an imported file.
 *
 * Rules, in order (each guess says why, so the UI can show it next to the override):
 * 1. a byte order mark decides (UTF-8, UTF-16 LE, UTF-16 BE);
 * 2. NUL bytes mean the file is not text in any supported encoding (a spreadsheet,
 *    an image, a zip) and is reported as binary;
 * 3. bytes that are valid UTF-8 are UTF-8 (plain ASCII reads the same in every choice);
 * 4. otherwise a single-byte code page: Windows-1252 unless the file has none of the bytes
 *    0x80–0x9F (C1 controls in ISO-8859) and uses the ISO-8859-15 letters (€ Š š Ž ž Œ œ Ÿ)
 *    in a plausible place, e.g. 0xA4 next to a digit (`100 €`). ISO-8859-1 text without
 *    those bytes decodes to the same characters as Windows-1252, so it is reported as
 *    Windows-1252 with that explanation.
 *
 * The single-byte code pages are decoded by our own tables (`decodeSingleByte`):
 * - Windows-1252 as WHATWG defines it: Node 20's `TextDecoder('windows-1252')` decodes
 *   0x80–0x9F as ISO-8859-1 C1 controls (so `€` becomes U+0080), and iconv-lite turns the
 *   five unassigned bytes into U+FFFD, while browsers follow WHATWG;
 * - true ISO-8859-1 (every byte is its own code point, C1 controls included), which
 *   `TextDecoder` cannot give (WHATWG maps the label to Windows-1252);
 * - ISO-8859-15: ISO-8859-1 with eight letters replaced.
 * Keeping them here (a few lines each) keeps iconv-lite and its Buffer polyfill, several
 * hundred kB, out of the import worker, which the user waits for on every import.
 */

export const IMPORT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-1', 'iso-8859-15'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

export function isImportEncoding(name: unknown): name is ImportEncoding {
  return typeof name === 'string' && (IMPORT_ENCODINGS as readonly string[]).includes(name);
}

export type Confidence = 'high' | 'medium' | 'low';

export type EncodingReasonCode =
  'bom' | 'empty' | 'binary' | 'ascii' | 'utf-8' | 'iso-8859-15' | 'windows-1252-c1' | 'windows-1252';

export interface EncodingGuess {
  encoding: ImportEncoding;
  confidence: Confidence;
  /** One sentence in English (the CLI prints it). */
  reason: string;
  /** The reason coded for the UI, which words it in its language (import.guess.encoding.<code>). */
  code: EncodingReasonCode;
  params: Readonly<Record<string, string | number>>;
  hasBom: boolean;
  /** NUL bytes or other signs of a non-text file; importing it makes no sense. */
  binary: boolean;
}

/** How far into the file the binary check looks; a text file has no NUL byte anywhere near the start. */
const BINARY_SNIFF_BYTES = 8192;

/** Bytes whose meaning differs between ISO-8859-15 and ISO-8859-1 / Windows-1252. */
const LATIN9_LETTER_BYTES = new Set([0xa6, 0xa8, 0xb4, 0xb8, 0xbc, 0xbd, 0xbe]);
const EURO_LATIN9 = 0xa4;

export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  const bom = bomOf(bytes);
  if (bom)
    return {
      encoding: bom.encoding,
      confidence: 'high',
      reason: `The file starts with a ${bom.label} byte order mark.`,
      code: 'bom',
      params: { bom: bom.label },
      hasBom: true,
      binary: false,
    };
  if (bytes.length === 0)
    return {
      encoding: 'utf-8',
      confidence: 'low',
      reason: 'The file is empty.',
      code: 'empty',
      params: {},
      hasBom: false,
      binary: false,
    };

  const nul = bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0);
  if (nul !== -1) {
    return {
      encoding: 'utf-8',
      confidence: 'low',
      reason: `The file contains a NUL byte at offset ${nul}: it is probably not a text (CSV) file.`,
      code: 'binary',
      params: { offset: nul },
      hasBom: false,
      binary: true,
    };
  }

  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) {
    // Without a BOM, every non-ASCII character takes more bytes than UTF-16 units.
    const ascii = utf8.length === bytes.length;
    return ascii
      ? {
          encoding: 'utf-8',
          confidence: 'high',
          reason: 'The file is plain ASCII, which reads the same in every supported encoding.',
          code: 'ascii',
          params: {},
          hasBom: false,
          binary: false,
        }
      : {
          encoding: 'utf-8',
          confidence: 'high',
          reason: 'The file is valid UTF-8 and contains non-ASCII characters.',
          code: 'utf-8',
          params: {},
          hasBom: false,
          binary: false,
        };
  }

  const invalidAt = firstInvalidUtf8(bytes);
  const line = lineOfOffset(bytes, invalidAt);
  const where = `byte ${invalidAt} (line ${line})`;
  let hasC1 = false;
  let latin9Evidence = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    if (b <= 0x9f) {
      hasC1 = true;
      break;
    }
    if (b === EURO_LATIN9 && (isDigitOrSpace(bytes[i - 1]) || isDigitOrSpace(bytes[i + 1]))) latin9Evidence++;
    else if (LATIN9_LETTER_BYTES.has(b) && isLetterByte(bytes[i - 1]) && isLetterByte(bytes[i + 1])) latin9Evidence++;
  }
  if (!hasC1 && latin9Evidence > 0) {
    return {
      encoding: 'iso-8859-15',
      confidence: 'medium',
      reason: `The file is not valid UTF-8 (at ${where}); byte 0xA4 is used next to digits (the € sign in ISO-8859-15) or ISO-8859-15 letters appear inside words.`,
      code: 'iso-8859-15',
      params: { byte: invalidAt, line },
      hasBom: false,
      binary: false,
    };
  }
  return {
    encoding: 'windows-1252',
    confidence: 'medium',
    reason: hasC1
      ? `The file is not valid UTF-8 (at ${where}) and uses bytes 0x80–0x9F, which only Windows-1252 gives meaning to.`
      : `The file is not valid UTF-8 (at ${where}); read as Windows-1252 (identical to ISO-8859-1 for these bytes).`,
    code: hasC1 ? 'windows-1252-c1' : 'windows-1252',
    params: { byte: invalidAt, line },
    hasBom: false,
    binary: false,
  };
}

function bomOf(bytes: Uint8Array): { encoding: ImportEncoding; label: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf-8', label: 'UTF-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', label: 'UTF-16 LE', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', label: 'UTF-16 BE', length: 2 };
  return null;
}

function isDigitOrSpace(b: number | undefined): boolean {
  return b !== undefined && ((b >= 0x30 && b <= 0x39) || b === 0x20 || b === 0xa0);
}

function isLetterByte(b: number | undefined): boolean {
  return b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b >= 0xc0);
}

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * The text when the bytes are valid UTF-8, else null. The platform's decoder checks the
 * same rules as `firstInvalidUtf8` (WHATWG: no overlongs, surrogates or code points above
 * U+10FFFF) in native code; the byte loop runs only to say where a bad file goes wrong.
 */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Offset of the first byte that breaks UTF-8 (overlongs, surrogates and > U+10FFFF included), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
      cp = b & 0x07;
    } else return i;
    if (i + need >= n) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Decodes the whole file; a byte order mark of the chosen encoding is dropped. */
export function decodeBytes(bytes: Uint8Array, encoding: ImportEncoding): string {
  switch (encoding) {
    case 'utf-8':
    case 'utf-16le':
    case 'utf-16be':
      // TextDecoder drops the matching BOM by default.
      return new TextDecoder(encoding).decode(bytes);
    case 'windows-1252':
    case 'iso-8859-1':
    case 'iso-8859-15':
      return decodeSingleByte(bytes, SINGLE_BYTE_TABLES[encoding]);
  }
}

/** WHATWG windows-1252 for 0x80–0x9F; the five unassigned bytes map to the same C1 code point. */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** The bytes where ISO-8859-15 differs from ISO-8859-1 (€ Š š Ž ž Œ œ Ÿ). */
const LATIN9_CHANGES: Readonly<Record<number, number>> = {
  0xa4: 0x20ac,
  0xa6: 0x160,
  0xa8: 0x161,
  0xb4: 0x17d,
  0xb8: 0x17e,
  0xbc: 0x152,
  0xbd: 0x153,
  0xbe: 0x178,
};

/** Code point of every byte, from ISO-8859-1 (byte = code point) and the differences. */
function singleByteTable(changes: Readonly<Record<number, number>>): Uint16Array {
  const table = new Uint16Array(256);
  for (let b = 0; b < 256; b++) table[b] = changes[b] ?? b;
  return table;
}

const SINGLE_BYTE_TABLES: Readonly<Record<'windows-1252' | 'iso-8859-1' | 'iso-8859-15', Uint16Array>> = {
  'windows-1252': singleByteTable(Object.fromEntries(WINDOWS_1252_HIGH.map((cp, i) => [0x80 + i, cp]))),
  'iso-8859-1': singleByteTable({}),
  'iso-8859-15': singleByteTable(LATIN9_CHANGES),
};

const DECODE_CHUNK = 8192;

function decodeSingleByte(bytes: Uint8Array, table: Uint16Array): string {
  const parts: string[] = [];
  const units = new Uint16Array(Math.min(DECODE_CHUNK, bytes.length));
  for (let start = 0; start < bytes.length; start += DECODE_CHUNK) {
    const end = Math.min(bytes.length, start + DECODE_CHUNK);
    for (let i = start; i < end; i++) units[i - start] = table[bytes[i]!]!;
    // eslint-disable-next-line no-restricted-syntax -- at most DECODE_CHUNK (8192) arguments, far below V8's limit
    parts.push(String.fromCharCode.apply(null, units.subarray(0, end - start) as unknown as number[]));
  }
  return parts.join('');
}
