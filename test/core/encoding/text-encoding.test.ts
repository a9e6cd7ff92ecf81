import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import {
  canEncode,
  encodeSingleByte,
  encodeText,
  findUnencodable,
  TEXT_ENCODINGS,
  isSingleByte,
} from '../../../src/core/encoding/text-encoding.ts';

const SINGLE_BYTE = TEXT_ENCODINGS.map((e) => e.name).filter(isSingleByte);

describe('single-byte encoding through the lookup table', () => {
  it.each(SINGLE_BYTE)('%s: every character of the page gives the byte iconv-lite writes', (encoding) => {
    const page = iconv.decode(
      Uint8Array.from({ length: 256 }, (_, i) => i),
      encoding,
    );
    const bytes = encodeSingleByte(page, encoding);
    expect(bytes).not.toBeNull();
    expect(Array.from(bytes!)).toEqual(Array.from(iconv.encode(page, encoding)));
  });

  it.each(SINGLE_BYTE)('%s: any text gives iconv-lite’s bytes when the page holds it, else null', (encoding) => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const bytes = encodeSingleByte(text, encoding);
        const holdsAll = findUnencodable(text, encoding).length === 0;
        expect(bytes !== null).toBe(holdsAll);
        if (bytes) expect(Array.from(bytes)).toEqual(Array.from(iconv.encode(text, encoding)));
      }),
      { numRuns: 300 },
    );
  });

  it('says null for a character the page lacks (€ is not in ISO-8859-1 or CP437, ø not in CP437)', () => {
    expect(encodeSingleByte('Sum 10 €', 'iso-8859-1')).toBeNull();
    expect(encodeSingleByte('Sum 10 €', 'cp437')).toBeNull();
    expect(encodeSingleByte('Sum 10 €', 'windows-1252')).not.toBeNull();
    expect(canEncode('ø', 'cp437')).toBe(false);
    expect(Array.from(encodeText('Bøker', 'windows-1252'))).toEqual([0x42, 0xf8, 0x6b, 0x65, 0x72]);
  });
});
