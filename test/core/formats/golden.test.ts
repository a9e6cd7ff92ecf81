/**
 * Golden files: every format × its test company → exact bytes under test/golden/. Set
 * UPDATE_GOLDEN=1 to rewrite them after an intended change (and review the diff).
 *
 * Time zones: TZ cannot change inside a running process, so the same cases are also run in a
 * child process (`node --import tsx test/core/formats/golden-check.ts`) under two far-apart
 * zones; its SHA-256 per file must equal the in-process bytes.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../../src/core/formats/registry.ts';
import { GOLDEN_CASES, goldenLabel, goldenPath, runGoldenCase } from './golden-cases.ts';
import { expectGolden } from '../../helpers/golden.ts';

describe('golden files', () => {
  it('cover every registered format', () => {
    const covered = new Set(GOLDEN_CASES.map((c) => c.formatId));
    expect(FORMATS.map((f) => f.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  for (const c of GOLDEN_CASES) {
    it(`${goldenLabel(c)} matches test/golden`, () => {
      const result = runGoldenCase(c);
      expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(result.files.length).toBeGreaterThan(0);
      for (const file of result.files) expectGolden(goldenPath(c, file.name), file.bytes);
    });
  }
});

describe('golden files do not depend on the time zone', () => {
  const inProcess: Record<string, string> = {};
  for (const c of GOLDEN_CASES)
    for (const file of runGoldenCase(c).files)
      inProcess[goldenPath(c, file.name)] = createHash('sha256').update(file.bytes).digest('hex');

  for (const tz of ['Pacific/Kiritimati', 'America/Adak']) {
    it(`TZ=${tz} gives the same bytes`, () => {
      const out = execFileSync(process.execPath, ['--import', 'tsx', 'test/core/formats/golden-check.ts'], {
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
      expect(JSON.parse(out)).toEqual(inProcess);
    });
  }
});
