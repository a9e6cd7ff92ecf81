/**
 * docs/formats.md is generated from the registry (scripts/generate-formats-doc.ts): it must be
 * what the script writes now, so a format added or changed without regenerating fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMATS_DOC, formatsDoc, REFRESH_COMMAND } from '../../scripts/generate-formats-doc.ts';
import { FORMATS } from '../../src/core/formats/registry.ts';

describe('docs/formats.md', () => {
  it('is up to date with the registry', async () => {
    const committed = readFileSync(FORMATS_DOC, 'utf8');
    expect(committed === (await formatsDoc()), `docs/formats.md is stale: run \`${REFRESH_COMMAND}\``).toBe(true);
  });

  it('has a row per format with its data type, encoding, line ending, spec address and assumptions', async () => {
    const rows = (await formatsDoc()).split('\n').filter((l) => l.startsWith('| `'));
    expect(rows).toHaveLength(FORMATS.length);
    for (const [i, f] of FORMATS.entries()) {
      const cells = rows[i]!.split(/(?<!\\)\|/).map((c) => c.trim());
      expect(cells[1]).toBe(`\`${f.id}\``);
      expect(cells.slice(3, 7)).toEqual([f.dataType, f.defaultEncoding, f.lineEnding, `<${f.specUrl}>`]);
      expect(f.assumptions.length, f.id).toBeGreaterThan(0);
      for (const a of f.assumptions) expect(cells[7]).toContain(a.replace(/\|/g, '\\|').slice(0, 40));
    }
  });
});
