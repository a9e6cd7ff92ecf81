/**
 * Run by golden.test.ts in a child process with another TZ (`node --import tsx ...`): prints
 * `{ "<golden path>": "<sha256>" }` for every golden case, so the test can show that output
 * does not depend on the machine's time zone.
 */
import { createHash } from 'node:crypto';
import { GOLDEN_CASES, goldenPath, runGoldenCase } from './golden-cases.ts';

const hashes: Record<string, string> = {};
for (const c of GOLDEN_CASES)
  for (const file of runGoldenCase(c).files)
    hashes[goldenPath(c, file.name)] = createHash('sha256').update(file.bytes).digest('hex');
process.stdout.write(JSON.stringify(hashes));
