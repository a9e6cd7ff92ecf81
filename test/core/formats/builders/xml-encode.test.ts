import { describe, expect, it } from 'vitest';
import {
  el,
  escapeXml,
  invalidXmlCharacters,
  optionalText,
  writeXml,
} from '../../../../src/core/formats/builders/xml.ts';
import { encodeFile, fileStamp, unencodableIssues } from '../../../../src/core/formats/builders/encode-file.ts';
import {
  describeReplacements,
  transliterate,
  TRANSLITERATIONS,
} from '../../../../src/core/formats/builders/transliterate.ts';
import { canEncode } from '../../../../src/core/encoding/text-encoding.ts';
import { messageOf } from '../../../helpers/english-issue.ts';

describe('xml writer', () => {
  it('keeps element order, namespaces, escaping; pretty and compact', () => {
    const root = el(
      'Invoice',
      { xmlns: 'urn:x', 'xmlns:cbc': 'urn:cbc' },
      el('cbc:ID', undefined, 'A&B <1> "q" \'s\''),
      optionalText('cbc:Note', ''),
      el('Empty', { a: 1, b: undefined }),
    );
    expect(writeXml(root)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Invoice xmlns="urn:x" xmlns:cbc="urn:cbc">\n  <cbc:ID>A&amp;B &lt;1&gt; &quot;q&quot; &apos;s&apos;</cbc:ID>\n  <Empty a="1"/>\n</Invoice>\n',
    );
    expect(writeXml(root, { pretty: false, declaration: false })).toBe(
      '<Invoice xmlns="urn:x" xmlns:cbc="urn:cbc"><cbc:ID>A&amp;B &lt;1&gt; &quot;q&quot; &apos;s&apos;</cbc:ID><Empty a="1"/></Invoice>\n',
    );
    expect(escapeXml('&')).toBe('&amp;');
    expect(invalidXmlCharacters('ok\u0001\t')).toEqual(['\u0001']);
  });
});

describe('encodeFile', () => {
  it('produces bytes in the encoding', () => {
    const { file, issues } = encodeFile({
      name: 'a.txt',
      mimeType: 'text/plain',
      text: 'Åse\r\n',
      encoding: 'windows-1252',
      recordCount: 1,
    });
    expect(issues).toEqual([]);
    expect([...file!.bytes]).toEqual([0xc5, 0x73, 0x65, 0x0d, 0x0a]);
  });

  it('refuses characters the encoding lacks, naming the record of the line', () => {
    const { file, issues } = encodeFile({
      name: 'a.si',
      mimeType: 'text/plain',
      text: '#FNAMN Acme\n#VER "" "" 20261102 "Tromsø 120 €"\n',
      encoding: 'cp437',
      lineRecords: [undefined, { kind: 'invoice', key: '1008' }],
      recordCount: 1,
    });
    expect(file).toBeUndefined();
    expect(issues.map((i) => [i.code, i.record?.key])).toEqual([
      ['unencodable-character', '1008'],
      ['unencodable-character', '1008'],
    ]);
    expect(messageOf(issues[1]!)).toContain('U+20AC');
    expect(unencodableIssues('ø ø ø', 'cp437')).toHaveLength(1);
  });

  it('file stamps', () => expect(fileStamp('2026-11-26T09:30:59')).toBe('20261126-0930'));
});

describe('transliterate', () => {
  it('replaces what CP437 lacks and counts it', () => {
    const t = transliterate('Tromsø–Bodø 120 € Ørsta Æra Þór', 'cp437');
    expect(t.text).toBe('Tromsö-Bodö 120 EUR Örsta Æra Thór');
    expect(describeReplacements(t.replacements)).toEqual([
      'Replaced "ø" by "ö" 2 times.',
      'Replaced "–" by "-" 1 time.',
      'Replaced "€" by "EUR" 1 time.',
      'Replaced "Ø" by "Ö" 1 time.',
      'Replaced "Þ" by "Th" 1 time.',
    ]);
  });

  it('falls back to the unaccented letter and leaves the rest for the encoder to report', () => {
    expect(transliterate('Šťá', 'cp437').text).toBe('Stá');
    expect(transliterate('中', 'cp437').text).toBe('中');
  });

  it('every table entry turns an unencodable character into an encodable one', () => {
    for (const [from, to] of Object.entries(TRANSLITERATIONS)) {
      expect(canEncode(from, 'cp437'), from).toBe(false);
      for (const c of to) expect(canEncode(c, 'cp437'), `${from}→${to}`).toBe(true);
    }
  });
});
