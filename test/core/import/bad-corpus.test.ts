/**
 * The hostile-input corpus (test/fixtures/bad/manifest.ts) through the real CSV importer and the
 * template reader: each file gives its coded refusal at the stated place, or the stated result;
 * nothing throws, and memory stays within max(10 × the file, 200 MB).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { BAD_FILES } from '../../fixtures/bad/make-bad.ts';
import { BAD_CASES, CSV_CASES, TEMPLATE_CASES, type BadCase } from '../../fixtures/bad/manifest.ts';
import { runCsv, runTemplate } from '../../fixtures/bad/run-case.ts';
import { smallCompany } from '../../helpers/small-company.ts';
import { analysisOf, readForAnalysis } from '../../../src/core/import/preview.ts';
import { MAX_OFFERED_COLUMNS } from '../../../src/core/domain/limits.ts';

const DIR = new URL('../../fixtures/bad/', import.meta.url);
const MB = 1024 * 1024;

function bytesOf(c: BadCase): Uint8Array {
  return 'file' in c.source ? new Uint8Array(readFileSync(new URL(c.source.file, DIR))) : c.source.make();
}
const nameOf = (c: BadCase) => ('file' in c.source ? c.source.file : `${c.source.generate} (generated)`);

/** Resident memory grown while `run` ran: an upper estimate of its peak (V8 rarely returns pages at once). */
function memoryGrowth(run: () => void, name: string): number {
  const before = process.memoryUsage().rss;
  run();
  const grown = process.memoryUsage().rss - before;
  if (grown > largest.grown) Object.assign(largest, { grown, name });
  return grown;
}
const largest = { grown: 0, name: '' };

const committed = (sub: string) => readdirSync(new URL(`${sub}/`, DIR)).map((f) => `${sub}/${f}`);

describe('the hostile-input corpus', () => {
  afterAll(() => {
    console.info(`bad corpus: largest memory growth ${(largest.grown / MB).toFixed(0)} MB (${largest.name})`);
    // Nothing read may reach a prototype (`__proto__` headers, keys and template fields).
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('has at least 45 committed files of ours, each listed in the manifest, and make-bad.ts still writes them', () => {
    const files = [...committed('csv'), ...committed('template')].sort();
    expect(files.length).toBeGreaterThanOrEqual(45);
    const listed = new Set(BAD_CASES.flatMap((c) => ('file' in c.source ? [c.source.file] : [])));
    expect(files.filter((f) => !listed.has(f))).toEqual([]);
    expect([...listed].filter((f) => !files.includes(f))).toEqual([]);
    expect(Object.keys(BAD_FILES).sort()).toEqual(files);
    for (const f of files)
      expect(Buffer.from(readFileSync(new URL(f, DIR))).equals(Buffer.from(BAD_FILES[f]!))).toBe(true);
    const generated = BAD_CASES.filter((c) => 'generate' in c.source).length;
    console.info(
      `bad corpus: ${files.length} committed files (${committed('csv').length} CSV, ${committed('template').length} template) ` +
        `and ${generated} generated; ${CSV_CASES.length} CSV cases, ${TEMPLATE_CASES.length} template cases`,
    );
  });

  describe.each(CSV_CASES.map((c) => [`${nameOf(c)}: ${c.what}`, c] as const))('CSV %s', (_, c) => {
    it('gives the stated outcome, within the memory bound', { timeout: 120_000 }, () => {
      const bytes = bytesOf(c);
      let run: ReturnType<typeof runCsv> | undefined;
      const grown = memoryGrowth(() => {
        run = runCsv(bytes, c.kind, smallCompany(), c.options);
      }, nameOf(c));
      expect(run!.result).toEqual(c.expect);
      if (c.check) expect(c.check(run!.data!)).toBe('');
      expect(grown).toBeLessThanOrEqual(Math.max(10 * bytes.length, 200 * MB));
    });

    it('gives the wizard a bounded analysis (what crosses to the page)', { timeout: 120_000 }, () => {
      const bytes = bytesOf(c);
      const read = readForAnalysis(bytes, {
        kind: c.kind,
        ...(c.options?.encoding ? { encoding: c.options.encoding } : {}),
      });
      if (!read.ok) {
        expect(c.expect.outcome).toBe('read-failed');
        return;
      }
      const analysis = analysisOf(read.value, {
        fileName: 'x.csv',
        size: bytes.length,
        overrides: { kind: c.kind },
        companyCurrency: 'NOK',
      });
      if (!analysis.ok) {
        expect(analysis.code).toBe((c.expect as { code: string }).code);
        return;
      }
      expect(analysis.header.length).toBeLessThanOrEqual(MAX_OFFERED_COLUMNS);
      // The page renders this: a few hundred kB at most, whatever the file.
      expect(JSON.stringify(analysis).length).toBeLessThan(3 * MB);
    });
  });

  describe.each(TEMPLATE_CASES.map((c) => [`${nameOf(c)}: ${c.what}`, c] as const))('template %s', (_, c) => {
    it('gives the stated outcome', () => {
      const bytes = bytesOf(c);
      let outcome: ReturnType<typeof runTemplate> | undefined;
      const grown = memoryGrowth(() => (outcome = runTemplate(bytes)), nameOf(c));
      expect(outcome).toEqual(c.expect);
      expect(grown).toBeLessThanOrEqual(Math.max(10 * bytes.length, 200 * MB));
    });
  });

  it('the wizard offers the first 500 of 600 columns and says how many there are', () => {
    const bytes = new Uint8Array(readFileSync(new URL('csv/columns-600.csv', DIR)));
    const read = readForAnalysis(bytes, { kind: 'customers' });
    if (!read.ok) throw new Error(read.reason);
    const analysis = analysisOf(read.value, {
      fileName: 'x.csv',
      size: bytes.length,
      overrides: { kind: 'customers' },
      companyCurrency: 'NOK',
    });
    if (!analysis.ok) throw new Error(analysis.reason);
    expect([analysis.columnCount, analysis.header.length, analysis.preview[0]!.cells.length]).toEqual([600, 500, 500]);
    expect(analysis.mapping).toEqual({ number: 'number', name: 'name' });
  });
});
