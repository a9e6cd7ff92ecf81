/**
 * Text to bytes for export files, with a report of every character the target
 * encoding cannot hold (iconv-lite would silently write `?`).
 */
import iconv from 'iconv-lite';

export { TEXT_ENCODINGS, isTextEncodingName, type TextEncodingName } from './encoding-names.ts';
import type { TextEncodingName } from './encoding-names.ts';

const UNICODE = new Set<TextEncodingName>(['utf-8', 'utf-8-bom', 'utf-16le']);

const encodableCache = new Map<TextEncodingName, Map<string, boolean>>();

/** True when `char` (one code point) survives a round trip through the encoding. */
export function canEncode(char: string, encoding: TextEncodingName): boolean {
  if (UNICODE.has(encoding)) return true;
  let cache = encodableCache.get(encoding);
  if (!cache) encodableCache.set(encoding, (cache = new Map()));
  let ok = cache.get(char);
  if (ok === undefined) {
    ok = iconv.decode(iconv.encode(char, encoding), encoding) === char;
    cache.set(char, ok);
  }
  return ok;
}

export interface UnencodableCharacter {
  char: string;
  /** 1-based line and column in the text. */
  line: number;
  column: number;
}

/** Every character of `text` the encoding cannot hold, in order (at most `limit`). */
export function findUnencodable(text: string, encoding: TextEncodingName, limit = 1000): UnencodableCharacter[] {
  if (UNICODE.has(encoding)) return [];
  const found: UnencodableCharacter[] = [];
  // Only non-ASCII characters can be missing from a code page, and export files are mostly
  // ASCII: jump from one to the next and count lines only up to where something is found.
  const nonAscii = /[^\t\n\r\u0020-\u007e]/gu;
  let line = 1;
  let lineStart = 0;
  let counted = 0;
  for (let match = nonAscii.exec(text); match; match = nonAscii.exec(text)) {
    const char = match[0];
    if (canEncode(char, encoding)) continue;
    for (let i = text.indexOf('\n', counted); i !== -1 && i < match.index; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    counted = match.index;
    found.push({ char, line, column: [...text.slice(lineStart, match.index)].length + 1 });
    if (found.length >= limit) break;
  }
  return found;
}

/** Per single-byte code page: UTF-16 code unit → byte, or -1 when the page has no such character. */
const singleByteTables = new Map<TextEncodingName, Int16Array>();

function singleByteTable(encoding: TextEncodingName): Int16Array {
  let table = singleByteTables.get(encoding);
  if (table) return table;
  table = new Int16Array(0x10000).fill(-1);
  const all = Uint8Array.from({ length: 256 }, (_, i) => i);
  for (const char of iconv.decode(all, encoding)) {
    // The byte iconv-lite itself writes for the character, so the bytes are iconv-lite's exactly.
    const encoded = iconv.encode(char, encoding);
    if (char.length === 1 && encoded.length === 1 && iconv.decode(encoded, encoding) === char)
      table[char.charCodeAt(0)] = encoded[0]!;
  }
  singleByteTables.set(encoding, table);
  return table;
}

/**
 * A single-byte code page's bytes for `text` in one pass over a lookup table, or null when some
 * character is not in the page (then `findUnencodable` says which and where). Export files run
 * to tens of MB: one loop instead of a scan for unencodable characters followed by iconv-lite.
 */
export function encodeSingleByte(text: string, encoding: TextEncodingName): Uint8Array | null {
  if (UNICODE.has(encoding)) throw new Error(`${encoding} is not a single-byte encoding`);
  const table = singleByteTable(encoding);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const byte = table[text.charCodeAt(i)]!;
    if (byte < 0) return null;
    out[i] = byte;
  }
  return out;
}

export function isSingleByte(encoding: TextEncodingName): boolean {
  return !UNICODE.has(encoding);
}

/** The bytes of `text`, or null when the encoding cannot hold some character (`findUnencodable` says which). */
export function encodeIfHeld(text: string, encoding: TextEncodingName): Uint8Array | null {
  return UNICODE.has(encoding) ? encodeText(text, encoding) : encodeSingleByte(text, encoding);
}

export function encodeText(text: string, encoding: TextEncodingName): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom':
      return new TextEncoder().encode('\uFEFF' + text);
    case 'utf-16le': {
      const body = iconv.encode(text, 'utf-16le');
      const out = new Uint8Array(body.length + 2);
      out.set([0xff, 0xfe], 0);
      out.set(body, 2);
      return out;
    }
    default:
      // iconv-lite writes `?` for what the page lacks; callers check first (findUnencodable).
      return encodeSingleByte(text, encoding) ?? new Uint8Array(iconv.encode(text, encoding));
  }
}

export function decodeText(bytes: Uint8Array, encoding: TextEncodingName): string {
  switch (encoding) {
    case 'utf-8':
      return new TextDecoder('utf-8').decode(bytes);
    case 'utf-8-bom':
      return new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
    default:
      return iconv.decode(bytes as Buffer, encoding);
  }
}
