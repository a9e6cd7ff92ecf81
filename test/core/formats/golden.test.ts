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
import { ALL_GOLDEN } from './all-golden-cases.ts';
import { expectGolden } from '../../helpers/golden.ts';

describe('golden files', () => {
  for (const golden of ALL_GOLDEN) {
    it(`${golden.label} matches test/golden`, () => {
      const result = golden.run();
      expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(result.files.length).toBeGreaterThan(0);
      for (const file of result.files) expectGolden(golden.path(file.name), file.bytes);
    });
  }
});

describe('golden files do not depend on the time zone', () => {
  const inProcess: Record<string, string> = {};
  for (const golden of ALL_GOLDEN)
    for (const file of golden.run().files)
      inProcess[golden.path(file.name)] = createHash('sha256').update(file.bytes).digest('hex');

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
