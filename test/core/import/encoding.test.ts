import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { decodeBytes, detectEncoding } from '../../../src/core/import/index.ts';
import { firstInvalidUtf8 } from '../../../src/core/import/encoding.ts';

const EVERY_BYTE = Uint8Array.from({ length: 256 }, (_, b) => b);

describe('single-byte decoding without iconv-lite', () => {
  it.each(['iso-8859-1', 'iso-8859-15'] as const)('%s reads every byte as iconv-lite does', (encoding) => {
    expect(decodeBytes(EVERY_BYTE, encoding)).toBe(iconv.decode(Buffer.from(EVERY_BYTE), encoding));
  });

  it('ISO-8859-15 has the euro sign and the eight changed letters; ISO-8859-1 keeps the C1 controls', () => {
    const bytes = Uint8Array.from([0x31, 0x30, 0x30, 0x20, 0xa4, 0xa6, 0xa8, 0xb4, 0xb8, 0xbc, 0xbd, 0xbe, 0x80]);
    expect(decodeBytes(bytes, 'iso-8859-15')).toBe('100 €ŠšŽžŒœŸ\u0080');
    expect(decodeBytes(bytes, 'iso-8859-1')).toBe('100 ¤¦¨´¸¼½¾\u0080');
  });

  it('Windows-1252 follows WHATWG for 0x80–0x9F', () => {
    expect(decodeBytes(Uint8Array.from([0x80, 0x81, 0x8a, 0x9f, 0xe6]), 'windows-1252')).toBe('€\u0081ŠŸæ');
  });

  it('long input decodes the same across chunk boundaries', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 20000 }), (bytes) => {
        expect(decodeBytes(bytes, 'iso-8859-15')).toBe(iconv.decode(Buffer.from(bytes), 'iso-8859-15'));
      }),
      { numRuns: 20 },
    );
  });
});

describe('UTF-8 detection', () => {
  // Bytes that make valid and invalid sequences: ASCII, lead bytes of every length, continuations, overlong and surrogate leads.
  const utf8ish = fc
    .uint8Array({ maxLength: 40 })
    .map((raw) =>
      Uint8Array.from(
        raw,
        (b) =>
          [0x41, 0x0a, 0xc3, 0xa5, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xc0, 0xed, 0xa0, 0xf4, 0x90, 0xff][
            b % 17
          ]!,
      ),
    );

  it('calls a file UTF-8 exactly when the byte check finds no invalid sequence', () => {
    fc.assert(
      fc.property(utf8ish, (bytes) => {
        fc.pre(bytes[0] !== 0xef && bytes.length > 0);
        const guess = detectEncoding(bytes);
        expect(guess.encoding === 'utf-8').toBe(firstInvalidUtf8(bytes) === -1);
      }),
      { numRuns: 2000 },
    );
  });

  it('tells plain ASCII from UTF-8 with other characters', () => {
    expect(detectEncoding(new TextEncoder().encode('a,b\r\n1,2\r\n')).reason).toContain('plain ASCII');
    expect(detectEncoding(new TextEncoder().encode('a,b\r\nø,😀\r\n')).reason).toContain('non-ASCII');
  });
});
