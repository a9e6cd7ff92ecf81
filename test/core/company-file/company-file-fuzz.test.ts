/**
 * fast-check fuzzing of the company-file reader (issue 16): random bytes, random JSON, the good
 * backup with one value replaced, removed or its text mutated. The reader never throws, and every
 * refusal is a coded issue of the catalogue with a message. Run counts are in FUZZ_RUNS.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkCompanyFile,
  parseCompanyFile,
  serializeCompanyFile,
  type CompanyFileResult,
} from '../../../src/core/company-file/company-file.ts';
import { COMPANY_FILE_MESSAGES } from '../../../src/core/company-file/file-issues.ts';
import { goodBackup } from '../../fixtures/bad/backup/good-backup.ts';

/** Runs per property; docs/reliability.md quotes them. */
export const FUZZ_RUNS = { bytes: 2000, json: 1000, replaced: 3000, removed: 1000, text: 2000 } as const;

const GOOD_TEXT = serializeCompanyFile(goodBackup());
type Path = (string | number)[];

/** Every path to a value in the good backup (objects' keys and lists' indexes). */
function paths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (at.length > 0) out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}
const ALL_PATHS = paths(JSON.parse(GOOD_TEXT));

/** Values that broke readers before: huge and odd numbers, dates, keys of the prototype, long text. */
const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    1e300,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    -0,
    0.1,
    '',
    ' ',
    '0000-00-00',
    '2026-02-30',
    '9999-12-31',
    '__proto__',
    'constructor',
    'to-transfer',
    'transferred',
    'draft',
    null,
    [],
    {},
    { kind: 'template' },
    'x'.repeat(100_000),
  ),
);

function expectCoded(result: CompanyFileResult): void {
  if (result.ok) return;
  expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    expect(Object.hasOwn(COMPANY_FILE_MESSAGES, issue.code)).toBe(true);
    expect(issue.message.length).toBeGreaterThan(0);
  }
  expect(result.errors).toEqual(result.issues.map((i) => i.message));
}

function setAt(root: unknown, path: Path, value: unknown, remove: boolean): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove && Array.isArray(node)) node.splice(last as number, 1);
  else if (remove) delete node[last];
  else node[last] = value;
}

describe('company-file reader fuzz', () => {
  it(`random bytes (${FUZZ_RUNS.bytes} runs)`, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        expectCoded(parseCompanyFile(new TextDecoder().decode(bytes)));
      }),
      { numRuns: FUZZ_RUNS.bytes },
    );
  });

  it(`random JSON, also as a company file's sections (${FUZZ_RUNS.json} runs)`, () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })), (json, sections) => {
        expectCoded(checkCompanyFile(json));
        expectCoded(checkCompanyFile({ ...sections, format: 'exportdesk-company', version: 2 }));
      }),
      { numRuns: FUZZ_RUNS.json },
    );
  });

  it(`the good backup with one value replaced (${FUZZ_RUNS.replaced} runs)`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_PATHS), hostileValue, (path, value) => {
        const json = JSON.parse(GOOD_TEXT) as unknown;
        setAt(json, path, value, false);
        const result = checkCompanyFile(json);
        expectCoded(result);
        // What is read is what a later backup writes: the reader hands on nothing it cannot serialize.
        if (result.ok) expect(() => serializeCompanyFile(result.file)).not.toThrow();
      }),
      { numRuns: FUZZ_RUNS.replaced },
    );
  });

  it(`the good backup with one value removed (${FUZZ_RUNS.removed} runs)`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_PATHS), (path) => {
        const json = JSON.parse(GOOD_TEXT) as unknown;
        setAt(json, path, undefined, true);
        expectCoded(checkCompanyFile(json));
      }),
      { numRuns: FUZZ_RUNS.removed },
    );
  });

  it(`the good backup's text with characters changed, cut or inserted (${FUZZ_RUNS.text} runs)`, () => {
    fc.assert(
      fc.property(
        fc.nat({ max: GOOD_TEXT.length - 1 }),
        fc.nat({ max: 20 }),
        fc.string({ maxLength: 20 }),
        (at, cut, insert) => {
          expectCoded(parseCompanyFile(GOOD_TEXT.slice(0, at) + insert + GOOD_TEXT.slice(at + cut)));
        },
      ),
      { numRuns: FUZZ_RUNS.text },
    );
  });
});
