import { afterEach, describe, expect, it } from 'vitest';
import { importValueText } from '../../../src/ui/i18n/import-value-text.ts';
import { addCatalogue, setLocale } from '../../../src/ui/messages.ts';
import { nb } from '../../../src/ui/i18n/nb.ts';

afterEach(() => setLocale('en'));

describe('importValueText', () => {
  it.each([
    ['date', '2026-11-03', '3 Nov 2026', '03.11.2026'],
    ['money', '1234.50', '1,234.50', '1\u00a0234,50'],
    ['decimal', '7.5', '7.5', '7,5'],
    ['integer', '12000', '12,000', '12\u00a0000'],
    ['boolean', 'yes', 'yes', 'ja'],
    ['text', 'Møte 1.5', 'Møte 1.5', 'Møte 1.5'],
    ['date', 'not a date', 'not a date', 'not a date'],
  ] as const)('a %s value %s reads %s in English and %s in Norwegian', (type, stored, english, norwegian) => {
    expect(importValueText(type, stored)).toBe(english);
    addCatalogue('nb', nb);
    setLocale('nb');
    expect(importValueText(type, stored).replace(/\u202f/g, '\u00a0')).toBe(norwegian);
  });
});
