/**
 * Issue 16 item 1: every file and ZIP entry name that comes from data passes one gate
 * (src/core/export/file-names.ts). Table tests name each refusal's code; fast-check tries random
 * and hostile names and checks that whatever the gate lets through stays one plain name in one folder.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { posix, win32 } from 'node:path';
import JSZip from 'jszip';
import {
  buildFileName,
  fileExtensionProblem,
  fileNameProblem,
  safeFileName,
  templateFileName,
  templateNameIssues,
  UnsafeFileNameError,
} from '../../../src/core/export/file-names.ts';
import { bundleFiles, bundleName } from '../../../src/core/export/bundle.ts';
import { parseTemplateJson, serializeTemplate } from '../../../src/core/templates/portable.ts';
import { renderTemplate } from '../../../src/core/templates/render.ts';
import { runTemplateExport } from '../../../src/core/templates/as-format.ts';
import type { LayoutTemplate } from '../../../src/core/templates/types.ts';
import { smallCompany } from '../../helpers/small-company.ts';
import { layoutTemplate } from '../../helpers/templates.ts';

const NOW = { now: '2026-06-01T12:00:00', period: { from: '2026-05-01', to: '2026-05-31' } } as const;
/** The number of random cases each property tries (reported in docs/reliability.md). */
export const FUZZ_RUNS = 2000;

const template = (fileNamePattern: string, fileExtension: string): LayoutTemplate =>
  layoutTemplate({ fileNamePattern, fileExtension });

/** A name that stays in its folder on POSIX and Windows, and is no device or hidden file. */
function staysInFolder(name: string): boolean {
  for (const path of [posix, win32]) {
    const joined = path.join('out', name);
    if (path.dirname(joined) !== 'out' || path.basename(joined) !== name) return false;
  }
  return !name.startsWith('.') && !name.includes('..') && !/[\p{Cc}\p{Cf}]/u.test(name);
}

describe('fileNameProblem: the codes', () => {
  it.each([
    ['', 'file-name-empty'],
    ['a/b.csv', 'file-name-separator'],
    ['a\\b.csv', 'file-name-separator'],
    ['../x.txt', 'file-name-separator'],
    ['..', 'file-name-dot-segment'],
    ['x..csv', 'file-name-dot-segment'],
    ['.bashrc', 'file-name-dot-segment'],
    ['a\nb.csv', 'file-name-control-character'],
    ['a\u0000b.csv', 'file-name-control-character'],
    ['invoice\u202Etxt.exe', 'file-name-control-character'],
    ['a:b.csv', 'file-name-character'],
    ['a*b.csv', 'file-name-character'],
    ['a<b>.csv', 'file-name-character'],
    ['x'.repeat(151), 'file-name-too-long'],
    ['name.', 'file-name-edge'],
    ['name ', 'file-name-edge'],
    [' name.csv', 'file-name-edge'],
    ['CON', 'file-name-reserved'],
    ['con.txt', 'file-name-reserved'],
    ['Com1.csv', 'file-name-reserved'],
    ['LPT9.tar.gz', 'file-name-reserved'],
    ['nul .csv', 'file-name-reserved'],
  ])('%j → %s', (name, code) => {
    expect(fileNameProblem(name)?.code).toBe(code);
    expect(() => safeFileName(name)).toThrow(UnsafeFileNameError);
  });

  it.each([
    'XERO-INVOICES_20260601120000.csv',
    'Lønn mai (2026).txt',
    'SIE4_20260601.SI',
    'Åse & Øyvind #2.csv',
    'CONSOLE.txt',
  ])('lets %j through', (name) => {
    expect(fileNameProblem(name)).toBeNull();
    expect(safeFileName(name)).toBe(name);
  });

  it('shows control characters escaped in the message, never raw', () => {
    const found = fileNameProblem('a\u001bb');
    expect(found?.params).toEqual({ value: 'a\\u001bb', codePoint: 'U+001B' });
    expect(new UnsafeFileNameError(found!).message).toBe(
      'The file name or extension "a\\u001bb" holds the control character U+001B.',
    );
  });
});

describe('template names', () => {
  it('refuses the extension of the issue (txt/../../../x.txt) and other escapes, with their codes', () => {
    expect(fileExtensionProblem('txt/../../../x.txt')?.code).toBe('file-name-separator');
    expect(fileExtensionProblem('x/../../PWNED.txt')?.code).toBe('file-name-separator');
    expect(fileExtensionProblem('..')?.code).toBe('file-name-dot-segment');
    expect(fileExtensionProblem('c\tsv')?.code).toBe('file-name-control-character');
    expect(fileExtensionProblem('c sv')?.code).toBe('file-name-character');
    expect(fileExtensionProblem('x'.repeat(17))?.code).toBe('file-name-too-long');
    for (const ok of ['csv', '.SI', 'tar.gz', '', 'xml']) expect(fileExtensionProblem(ok), ok).toBeNull();
  });

  it('refuses a pattern that leaves the folder or names a device; replaces characters only some systems forbid', () => {
    const codes = (pattern: string, ext = 'csv') =>
      templateNameIssues(template(pattern, ext), NOW).map((i) => [i.code, i.severity]);
    expect(codes('../../etc/x')).toEqual([['file-name-separator', 'error']]);
    expect(codes('..{DATE}')).toEqual([['file-name-dot-segment', 'error']]);
    expect(codes('a\rb')).toEqual([['file-name-control-character', 'error']]);
    expect(codes('CON')).toEqual([['file-name-reserved', 'error']]);
    expect(codes('x', 'a/b')).toEqual([['file-name-separator', 'error']]);
    expect(codes('lonn_{FROM}-{TO}')).toEqual([]);
    expect(templateFileName(template('a:b*c?', 'csv'), NOW)).toBe('a_b_c_.csv');
    expect(() => templateFileName(template('x', 'txt/../../../x.txt'), NOW)).toThrow(UnsafeFileNameError);
    expect(() => templateFileName(template('..', 'csv'), NOW)).toThrow(UnsafeFileNameError);
  });

  it('refuses such a template on import (the portable reader), naming the code in the message', () => {
    const parsed = parseTemplateJson(serializeTemplate(template('x', 'txt/../../../x.txt')));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors.join('\n')).toMatch(/fileExtension: .*cannot point into another folder/);
    expect(parseTemplateJson(serializeTemplate(template('customers_{DATE}', 'csv'))).ok).toBe(true);
  });

  it('stops the render and pre-flight with the code, without a file', () => {
    const hostile = template('x', 'x/../../PWNED.txt');
    const rendered = renderTemplate(hostile, smallCompany(), { ...NOW, locale: 'nb-NO' } as never);
    expect(rendered.files).toEqual([]);
    expect(rendered.issues.map((i) => i.code)).toEqual(['file-name-separator']);
    const exported = runTemplateExport(hostile, smallCompany(), { ...NOW, locale: 'nb-NO' } as never);
    expect(exported.files).toEqual([]);
    expect(exported.issues.filter((i) => i.code.startsWith('file-name-')).map((i) => i.code)).toEqual([
      'file-name-separator',
    ]);
  });
});

describe('ZIP entries and bundle names', () => {
  const file = (name: string) => ({
    name,
    mimeType: 'text/plain',
    bytes: new Uint8Array([65]),
    recordCount: 1,
    controlTotals: {},
  });
  const meta = (name: string) => ({
    id: name,
    name,
    mimeType: 'text/plain',
    size: 1,
    sha256: '',
    recordCount: 1,
    controlTotals: {},
  });

  it('refuses an entry that would unpack outside the folder (zip slip)', async () => {
    await expect(
      bundleFiles([file('ok.txt'), file('../../evil.txt')], [meta('ok.txt'), meta('../../evil.txt')], 'x', NOW.now),
    ).rejects.toThrow(UnsafeFileNameError);
  });

  it('builds the bundle name from any export name through the gate', async () => {
    expect(bundleName('../../Lønn/mai', NOW.now)).toBe('Lønn-mai_20260601-1200.zip');
    expect(bundleName('x'.repeat(400), NOW.now).length).toBeLessThanOrEqual(150);
    const bundle = await bundleFiles([file('a.txt'), file('b.txt')], [meta('a.txt'), meta('b.txt')], 'CON', NOW.now);
    const zip = await JSZip.loadAsync(bundle.bytes);
    expect(Object.keys(zip.files).sort()).toEqual(['a.txt', 'b.txt', 'manifest.json']);
  });
});

describe('fuzzing the gate (fast-check)', () => {
  const hostilePiece = fc.constantFrom(
    '..',
    '/',
    '\\',
    '.',
    ' ',
    '\u0000',
    '\n',
    '\u202E',
    ':',
    'CON',
    'nul',
    'COM1',
    '{DATE}',
    '{FROM}',
    '%2e%2e',
    'C:',
    '~',
    'ø',
  );
  const hostileText = fc
    .array(fc.oneof(hostilePiece, fc.string({ maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 3 })), {
      maxLength: 12,
    })
    .map((parts) => parts.join(''));

  it('whatever name the gate lets through stays one plain name in the folder, on POSIX and Windows', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, fc.string({ unit: 'binary', maxLength: 40 })), (name) => {
        const found = fileNameProblem(name);
        if (found === null) expect(staysInFolder(name)).toBe(true);
        else expect(() => safeFileName(name)).toThrow(UnsafeFileNameError);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('a template name is either built safely or refused with a file-name code, never anything else', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (pattern, extension) => {
        const issues = templateNameIssues(template(pattern, extension), NOW);
        let built: string | undefined;
        try {
          built = buildFileName(pattern, extension);
        } catch (e) {
          expect(e).toBeInstanceOf(UnsafeFileNameError);
        }
        if (built !== undefined) {
          expect(fileNameProblem(built)).toBeNull();
          expect(staysInFolder(built)).toBe(true);
        }
        for (const i of issues) expect(i.code).toMatch(/^file-name-/);
        // What the editor and import accept always builds.
        if (issues.length === 0) expect(() => templateFileName(template(pattern, extension), NOW)).not.toThrow();
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
