/** Small text helpers for made-up names, e-mail addresses and phone numbers. */
import type { Random } from './random.ts';

/** Letters that e-mail domains and local parts spell differently. */
const TRANSLITERATION: Readonly<Record<string, string>> = {
  æ: 'ae',
  ø: 'o',
  å: 'a',
  ä: 'a',
  ö: 'o',
  ü: 'ue',
  ß: 'ss',
  é: 'e',
};

/** Lower-case ASCII words joined by `separator`, e.g. `Bakeriet "Søte Saker"` → `bakeriet-sote-saker`. */
export function slugify(text: string, separator = '-'): string {
  const ascii = Array.from(text.toLowerCase(), (c) => TRANSLITERATION[c] ?? c).join('');
  return ascii
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '')
    .join(separator);
}

/** Replaces `{name}` placeholders; unknown ones are left as they are. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Replaces each `#` with a random digit. */
export function fillDigits(random: Random, pattern: string): string {
  return pattern.replace(/#/g, () => String(random.int(0, 9)));
}

export function randomDigits(random: Random, count: number): string {
  let digits = '';
  for (let i = 0; i < count; i++) digits += String(random.int(0, 9));
  return digits;
}
