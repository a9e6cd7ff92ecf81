/**
 * The definition catalogues (src/ui/i18n/definitions/<locale>.ts) translate every English text
 * that core's definitions show on screen (test/helpers/definition-sources.ts) and hold none that
 * the definitions no longer have: a label changed in a format's info.ts is missing here until it
 * is translated. Issue messages word the setting labels and format names they carry as parameters.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { definitionSources, definitionTexts } from '../../helpers/definition-sources.ts';
import { nbDefinitions } from '../../../src/ui/i18n/definitions/nb.ts';
import { svDefinitions } from '../../../src/ui/i18n/definitions/sv.ts';
import {
  addDefinitionCatalogue,
  definitionText,
  setDefinitionLocale,
  type DefinitionCatalogue,
} from '../../../src/ui/i18n/definition-text.ts';
import { addCatalogue, setLocale } from '../../../src/ui/messages.ts';
import { nb } from '../../../src/ui/i18n/nb.ts';
import { englishIssueMessage, issueMessage } from '../../../src/ui/i18n/issue-text.ts';
import { getFormat, resolveSettings } from '../../../src/core/formats/registry.ts';
import { exportChoiceText } from '../../../src/ui/i18n/labels.ts';

const CATALOGUES: [string, DefinitionCatalogue][] = [
  ['nb', nbDefinitions],
  ['sv', svDefinitions],
];

afterEach(() => {
  setLocale('en');
  setDefinitionLocale('en');
});

describe.each(CATALOGUES)('the %s definition catalogue', (_locale, catalogue) => {
  const texts = definitionTexts();

  it('translates every text the definitions show', () => {
    const missing = definitionSources().filter((s) => !Object.hasOwn(catalogue, s.text));
    expect(missing.map((s) => `${s.where}: ${s.text}`)).toEqual([]);
  });

  it('holds no text the definitions no longer have', () => {
    expect(Object.keys(catalogue).filter((text) => !texts.includes(text))).toEqual([]);
  });

  it('translates, keeping the names of systems and the notation of examples', () => {
    const empty = Object.entries(catalogue).filter(([, translation]) => translation.trim() === '');
    expect(empty).toEqual([]);
    // Text in backticks (field paths, codes) is the same in every language.
    for (const [english, translation] of Object.entries(catalogue)) {
      const code = (s: string) => [...s.matchAll(/`[^`]+`/g)].map((m) => m[0]).sort();
      expect(code(translation), english).toEqual(code(english));
    }
    // Most texts are words, not notation: a catalogue of copies is no translation.
    const same = Object.entries(catalogue).filter(([english, translation]) => english === translation);
    expect(same.length).toBeLessThan(texts.length / 5);
  });
});

describe('definitionText', () => {
  it('is English until a language with a catalogue is chosen, and English for what it does not know', () => {
    expect(definitionText('Voucher series')).toBe('Voucher series');
    addDefinitionCatalogue('nb', nbDefinitions);
    setDefinitionLocale('nb');
    expect(definitionText('Voucher series')).toBe(nbDefinitions['Voucher series']);
    expect(definitionText('Voucher series')).not.toBe('Voucher series');
    expect(definitionText('a key the user typed')).toBe('a key the user typed');
  });

  it('words the setting a registry problem names in the UI language; the CLI keeps English', () => {
    const [error] = resolveSettings(getFormat('xledger-gl02b')!, {}).errors;
    expect(englishIssueMessage(error!.issue)).toBe('Owner code (Entity) is required.');
    addCatalogue('nb', nb);
    setLocale('nb');
    addDefinitionCatalogue('nb', nbDefinitions);
    setDefinitionLocale('nb');
    const norwegian = issueMessage(error!.issue);
    expect(norwegian).toContain(nbDefinitions['Owner code (Entity)']);
    expect(norwegian).not.toContain('Owner code');
    // A key the user typed is not a definition: written as it is, beside the translated format name.
    const [unknown] = resolveSettings(getFormat('gbat10')!, { colour: 'red' }).errors;
    expect(issueMessage(unknown!.issue)).toContain('«colour»');
  });
});

describe('exportChoiceText', () => {
  it('names the system beside the export only when the name does not, in the UI language', () => {
    expect(exportChoiceText('Mamut GBAT10', 'Mamut GBAT10')).toBe('Mamut GBAT10');
    expect(exportChoiceText('Our ledger', 'Xero sales invoices (CSV)')).toBe('Our ledger (Xero sales invoices (CSV))');
    addDefinitionCatalogue('nb', nbDefinitions);
    setDefinitionLocale('nb');
    const norwegian = nbDefinitions['Xero sales invoices (CSV)']!;
    expect(exportChoiceText(norwegian, 'Xero sales invoices (CSV)')).toBe(norwegian);
    expect(exportChoiceText('Regnskap', 'Xero sales invoices (CSV)')).toBe(`Regnskap (${norwegian})`);
  });
});
