/**
 * Post-processing `sie-ksumma`: a template writes `#KSUMMA` twice (the opening post and a
 * closing placeholder line); this fills the closing one with the checksum of the finished
 * text. The posts are read back and fed to the built-in SIE writer (TaggedTextWriter), so the
 * checksum covers exactly what the built-in SIE 4 format's checksum covers.
 */
import type { TextEncodingName } from '../encoding/text-encoding.ts';
import { bare, objectList, TaggedTextWriter, type TaggedField } from '../formats/builders/tagged-text.ts';

/** Splits one SIE line into its label and fields (quotes removed, `\"` → `"`, object lists as pairs). */
export function parseSiePost(line: string): { label: string; fields: TaggedField[] } | undefined {
  const tokens: (string | string[])[] = [];
  let i = 0;
  const readAtom = (): string => {
    if (line[i] === '"') {
      let out = '';
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && line[i + 1] === '"') {
          out += '"';
          i += 2;
        } else out += line[i++];
      }
      i++;
      return out;
    }
    let out = '';
    while (i < line.length && !/[\s{}]/.test(line[i]!)) out += line[i++];
    return out;
  };
  while (i < line.length) {
    if (/\s/.test(line[i]!)) {
      i++;
      continue;
    }
    if (line[i] === '{') {
      i++;
      const list: string[] = [];
      while (i < line.length && line[i] !== '}') {
        if (/\s/.test(line[i]!) || line[i] === '{') i++;
        else list.push(readAtom());
      }
      i++;
      tokens.push(list);
      continue;
    }
    if (line[i] === '}') {
      // A stray closing brace (a voucher block's end); it carries nothing for the checksum.
      i++;
      continue;
    }
    tokens.push(readAtom());
  }
  const [label, ...rest] = tokens;
  if (typeof label !== 'string' || !label.startsWith('#')) return undefined;
  const fields = rest.map((t): TaggedField => {
    if (typeof t === 'string') return bare(t);
    const pairs: [string, string][] = [];
    for (let k = 0; k + 1 < t.length; k += 2) pairs.push([t[k]!, t[k + 1]!]);
    return objectList(pairs);
  });
  return { label, fields };
}

/**
 * Fills the last `#KSUMMA` line with the checksum. `text` uses `\n` line ends here.
 * Returns an error message when the text has no opening and closing `#KSUMMA`.
 */
export function fillSieChecksum(
  text: string,
  encoding: TextEncodingName,
): { text: string; checksum?: number; error?: string } {
  const lines = text.split('\n');
  const ksumma = lines.flatMap((l, i) => (/^#KSUMMA(\s|$)/.test(l) ? [i] : []));
  if (ksumma.length < 2)
    return {
      text,
      error:
        'postProcess "sie-ksumma" needs an opening #KSUMMA line and a closing #KSUMMA line at the end of the file.',
    };
  const writer = new TaggedTextWriter({ lineEnding: 'LF', encoding, checksum: true });
  for (const line of lines) {
    if (/^#KSUMMA(\s|$)/.test(line)) continue;
    const post = parseSiePost(line.trim());
    if (post) writer.post(post.label, post.fields);
  }
  const checksum = writer.checksumValue();
  const last = ksumma[ksumma.length - 1]!;
  lines[last] = `#KSUMMA ${checksum}`;
  return { text: lines.join('\n'), checksum };
}
