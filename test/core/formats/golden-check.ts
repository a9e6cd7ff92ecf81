/**
 * Run by golden.test.ts in a child process with another TZ (`node --import tsx ...`): prints
 * `{ "<golden path>": "<sha256>" }` for every golden case, so the test can show that output
 * does not depend on the machine's time zone.
 */
import { createHash } from 'node:crypto';
import { ALL_GOLDEN } from './all-golden-cases.ts';

const hashes: Record<string, string> = {};
for (const golden of ALL_GOLDEN)
  for (const file of golden.run().files)
    hashes[golden.path(file.name)] = createHash('sha256').update(file.bytes).digest('hex');
process.stdout.write(JSON.stringify(hashes));
