import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { findMixedEncoding } from '../../../src/core/encoding/mixed-encoding.ts';
import { readCsvBytes } from '../../../src/core/import/read-file.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const cp1252 = (text: string) => new Uint8Array(iconv.encode(text, 'windows-1252'));
const join = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('mixed encodings', () => {
  const mixed = join(utf8('number,name\n1,Ærlig Økonomi AS\n'), cp1252('2,Søren Bø AS\n'));

  it('finds a file mixing UTF-8 rows with Windows-1252 rows, with both lines', () => {
    expect(findMixedEncoding(mixed)).toEqual({ utf8Line: 2, singleByteLine: 3, offset: 36 });
  });

  it('reports it with a code and the first offending line, instead of guessing', () => {
    const read = readCsvBytes(mixed);
    expect(read.ok).toBe(false);
    if (!read.ok) expect([read.code, read.params['line'], read.params['utf8Line']]).toEqual(['mixed-encoding', 3, 2]);
  });

  it('reads it as told when the user chooses the encoding', () => {
    const read = readCsvBytes(mixed, { encoding: 'windows-1252' });
    expect(read.ok && read.value.table.rows[0]!.cells[1]).toBe('Ã†rlig Ã˜konomi AS');
  });

  it('leaves clean files alone: UTF-8, Windows-1252 and ISO-8859-1 Nordic text', () => {
    expect(findMixedEncoding(utf8('1,Ærlig Økonomi AS\n'))).toBeNull();
    for (const text of [
      '1,Blåbærsyltetøy AS — «sitat» 100 €\n',
      '1,Ærø Åsane Øvre Ålesund\n',
      '1,Süßwaren Müller\n',
      '1,BRØDRENE BØ\u00a0AS\n',
    ])
      expect(findMixedEncoding(cp1252(text))).toBeNull();
  });

  it('a UTF-8 file cut inside a character is reported (the earlier rows are UTF-8)', () => {
    const cut = utf8('1,Ærlig\n2,Bjø').subarray(0, -1);
    expect(findMixedEncoding(cut)).toMatchObject({ utf8Line: 1, singleByteLine: 2 });
  });
});
