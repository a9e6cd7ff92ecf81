/**
 * The three catalogues: Norwegian and Swedish hold every English key (the type says so too;
 * this catches what a cast or a merge lets through), the same plural forms and the same
 * placeholders, and `t` picks plural forms with Intl.PluralRules.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  addCatalogue,
  english,
  localeFor,
  setLocale,
  t,
  type MessageKey,
  type Messages,
  type PluralMessage,
} from '../../../src/ui/messages.ts';
import { nb } from '../../../src/ui/i18n/nb.ts';
import { sv } from '../../../src/ui/i18n/sv.ts';
import { placeholdersOf } from '../../../src/ui/i18n/issue-text.ts';

const LOCALES: [string, Messages][] = [
  ['nb', nb],
  ['sv', sv],
];

const forms = (m: string | PluralMessage): string[] =>
  typeof m === 'string' ? [m] : [m.zero, m.one, m.two, m.few, m.many, m.other].filter((f) => f !== undefined);

const names = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

afterEach(() => setLocale('en'));

describe.each(LOCALES)('the %s catalogue', (_locale, messages) => {
  const keys = Object.keys(english) as MessageKey[];

  it('has every English key and no other', () => {
    expect(keys.filter((k) => !(k in messages))).toEqual([]);
    expect(Object.keys(messages).filter((k) => !(k in english))).toEqual([]);
  });

  it('translates every message (no empty text)', () => {
    const empty = keys.filter((k) => forms(messages[k]).some((f) => f.trim() === ''));
    expect(empty).toEqual([]);
  });

  it('keeps the plural form and the parameter a plural counts', () => {
    for (const key of keys) {
      const en = english[key] as string | PluralMessage;
      const own = messages[key] as string | PluralMessage;
      expect(typeof own, key).toBe(typeof en);
      if (typeof en !== 'string' && typeof own !== 'string') {
        expect(own.plural, key).toBe(en.plural);
        expect(own.one && own.other, key).toBeTruthy();
      }
    }
  });

  it('uses the placeholders of the English message, and the same optional parts in issue texts', () => {
    const problems: string[] = [];
    for (const key of keys) {
      const en = forms(english[key] as string | PluralMessage);
      const own = forms(messages[key] as string | PluralMessage);
      const allowed = new Set(en.flatMap(names));
      // Every placeholder given to the English message is used in the translation's `other` form.
      const other = names(own[own.length - 1]!);
      for (const name of allowed) if (!other.includes(name)) problems.push(`${key}: {${name}} missing`);
      for (const form of own)
        for (const name of names(form)) if (!allowed.has(name)) problems.push(`${key}: {${name}} is not English's`);
      if (key.startsWith('issue.')) {
        const a = placeholdersOf(en[0]!);
        const b = placeholdersOf(own[0]!);
        if (
          JSON.stringify([a.required.sort(), a.optional.sort()]) !==
          JSON.stringify([b.required.sort(), b.optional.sort()])
        )
          problems.push(`${key}: optional parts differ`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('plurals', () => {
  it('picks one or other by Intl.PluralRules in each language', () => {
    addCatalogue('nb', nb);
    addCatalogue('sv', sv);
    expect(t('import.result.commit', { count: 1 })).toBe('Import 1 record');
    expect(t('import.result.commit', { count: 3 })).toBe('Import 3 records');
    expect(t('import.result.commit', { count: 0 })).toBe('Import 0 records');
    setLocale('nb');
    expect(t('import.result.commit', { count: 1 })).toBe('Importer 1 post');
    expect(t('import.result.commit', { count: 2 })).toBe('Importer 2 poster');
    expect(t('customers.termsDays', { days: 1 })).toBe('1 dag');
    expect(t('customers.termsDays', { days: 14 })).toBe('14 dager');
    setLocale('sv');
    expect(t('notifications.waiting', { count: 1 })).toBe('1 faktura väntar på export');
    expect(t('notifications.waiting', { count: 5 })).toBe('5 fakturor väntar på export');
    expect(t('import.history.undone', { removed: 1, restored: 0 })).toBe('Ångrat: 1 post borttagen, 0 återställda.');
  });

  it('no English message says "(s)" any more', () => {
    const texts = Object.values(english).flatMap((m) => forms(m as string | PluralMessage));
    expect(texts.filter((text) => /\w\(s\)/.test(text))).toEqual([]);
  });
});

describe('the language of the browser', () => {
  it.each([
    [['nb-NO', 'en'], 'nb'],
    [['no'], 'nb'],
    [['nn-NO'], 'nb'],
    [['sv-SE', 'en-US'], 'sv'],
    [['sv-FI'], 'sv'],
    [['de-DE', 'sv'], 'sv'],
    [['en-US', 'nb'], 'en'],
    [['fr'], 'en'],
    [[], 'en'],
  ])('%j reads %s', (languages, locale) => {
    expect(localeFor(languages)).toBe(locale);
  });

  it('an unknown catalogue falls back to English', () => {
    setLocale('nb');
    expect(t('nav.invoices')).toBe('Fakturaer');
  });
});
