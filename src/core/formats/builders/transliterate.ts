/**
 * Replacing characters a code page cannot hold (SIE's CP437 has no ø, Ø or €) when the user
 * opts in. Every replacement is counted so the export report can list it.
 */
import { canEncode, type TextEncodingName } from '../../encoding/text-encoding.ts';

/**
 * Replacements tried first, in this order; anything else falls back to the letter without its
 * accent (NFD) when that is encodable, otherwise it stays (and is reported as unencodable).
 */
export const TRANSLITERATIONS: Readonly<Record<string, string>> = {
  ø: 'ö',
  Ø: 'Ö',
  '€': 'EUR',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2026': '...',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'Th',
  ł: 'l',
  Ł: 'L',
  œ: 'oe',
  Œ: 'OE',
  '\u00ad': '',
};

export interface Transliteration {
  text: string;
  /** `from → to` with counts, in first-seen order. */
  replacements: Map<string, { to: string; count: number }>;
}

export function transliterateChar(char: string, encoding: TextEncodingName): string | undefined {
  if (canEncode(char, encoding)) return char;
  const mapped = TRANSLITERATIONS[char];
  if (mapped !== undefined && [...mapped].every((c) => canEncode(c, encoding))) return mapped;
  const stripped = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (stripped !== char && stripped !== '' && [...stripped].every((c) => canEncode(c, encoding))) return stripped;
  return undefined;
}

/** Replaces what it can; characters without a replacement are kept (the encoder reports them). */
export function transliterate(
  text: string,
  encoding: TextEncodingName,
  replacements = new Map<string, { to: string; count: number }>(),
): Transliteration {
  let out = '';
  for (const char of text) {
    if (char < '\u0080') {
      out += char;
      continue;
    }
    const to = transliterateChar(char, encoding);
    if (to === undefined || to === char) {
      out += char;
      continue;
    }
    const seen = replacements.get(char);
    if (seen) seen.count++;
    else replacements.set(char, { to, count: 1 });
    out += to;
  }
  return { text: out, replacements };
}

export function describeReplacements(replacements: Transliteration['replacements']): string[] {
  return [...replacements].map(
    ([from, { to, count }]) => `Replaced "${from}" by "${to}" ${count} time${count === 1 ? '' : 's'}.`,
  );
}
