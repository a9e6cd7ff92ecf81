/**
 * Files that mix two encodings (issue 16): rows saved as UTF-8 and rows saved as Windows-1252 in
 * one file, as happens when two exports are pasted together. Such a file is neither valid UTF-8
 * nor clean Windows-1252: read as Windows-1252 throughout, its UTF-8 rows are stored as
 * `Ã†rlig Ã˜konomi AS`. It is reported instead, with the first line of each kind, and the user
 * chooses (an explicit encoding reads it as told).
 *
 * The test: the bytes are not valid UTF-8, yet they hold well-formed UTF-8 sequences of
 * non-ASCII letters (a lead byte 0xC2–0xF4 followed by the right number of continuation bytes
 * 0x80–0xBF). In Windows-1252 text such a pair is two characters like `Ã` + `¸` — letters with
 * accents followed by a symbol from 0x80–0xBF — which Nordic and other European text does
 * not write, so one such sequence beside an invalid byte is evidence enough. The exception is a
 * capital letter followed by a no-break space (0xA0), which Windows-1252 text does write.
 */
import { firstInvalidUtf8 } from '../import/encoding.ts';

export interface MixedEncoding {
  /** 1-based line of the first well-formed UTF-8 sequence. */
  utf8Line: number;
  /** 1-based line of the first byte that is not UTF-8. */
  singleByteLine: number;
  /** Byte offset of that first invalid byte. */
  offset: number;
}

/** Where a file mixes UTF-8 with a single-byte encoding, or null when it does not (see the module doc). */
export function findMixedEncoding(bytes: Uint8Array): MixedEncoding | null {
  const invalid = firstInvalidUtf8(bytes);
  if (invalid === -1) return null;
  const utf8 = firstUtf8Sequence(bytes);
  if (utf8 === -1) return null;
  return { utf8Line: lineAt(bytes, utf8), singleByteLine: lineAt(bytes, invalid), offset: invalid };
}

/** Offset of the first well-formed multi-byte UTF-8 sequence, or -1. */
function firstUtf8Sequence(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0xc2 || b > 0xf4) continue;
    const need = b <= 0xdf ? 1 : b <= 0xef ? 2 : 3;
    if (i + need >= n) return -1;
    let ok = true;
    for (let k = 1; k <= need && ok; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (!ok) continue;
    // Overlong or surrogate three/four-byte forms are not UTF-8 either.
    const second = bytes[i + 1]!;
    if (b === 0xe0 && second < 0xa0) continue;
    if (b === 0xed && second > 0x9f) continue;
    if (b === 0xf0 && second < 0x90) continue;
    if (b === 0xf4 && second > 0x8f) continue;
    // `Å`/`Ø`/`É` + a no-break space (0xA0) in Windows-1252 is also UTF-8 (Š, Ø, à…): not evidence.
    if (need === 1 && second === 0xa0) continue;
    return i;
  }
  return -1;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
