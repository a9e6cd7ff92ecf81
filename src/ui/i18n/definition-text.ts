/**
 * The texts of the definitions in src/core, in the UI's language: the formats' names and settings
 * (label, help, choices, the column a mapping fills), the text encodings and the template data
 * types' field documentation. These are data that core declares once, in English, and that the CLI
 * prints as they are; their English text is the key of each locale's catalogue
 * (./definitions/<locale>.ts), the way gettext keys by its msgid: a changed English text is a
 * missing key, which test/ui/i18n/definition-texts.test.ts reports, so no translation goes stale
 * unnoticed. Decision 0008.
 *
 * A catalogue is loaded with its locale's messages (./locale.svelte.ts), in a chunk of its own, so
 * English users download none.
 */
import type { Locale } from '../messages.ts';

/** English text → its translation. */
export type DefinitionCatalogue = Readonly<Record<string, string>>;

const catalogues = new Map<Locale, DefinitionCatalogue>();
let current: DefinitionCatalogue = {};

export function addDefinitionCatalogue(locale: Locale, catalogue: DefinitionCatalogue): void {
  catalogues.set(locale, catalogue);
}

export function setDefinitionLocale(locale: Locale): void {
  current = catalogues.get(locale) ?? {};
}

/** `english` in the UI's language; English itself when the language is English or has no entry. */
export function definitionText(english: string): string {
  return Object.hasOwn(current, english) ? current[english]! : english;
}
