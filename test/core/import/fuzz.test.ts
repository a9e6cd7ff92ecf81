/**
 * Fuzzing the readers of files from elsewhere (issue 16) with fast-check: the CSV importer
 * (random bytes, and good files mutated byte by byte) and the template reader (random bytes,
 * good template files mutated as text and as JSON). Whatever the input, the reader returns:
 * a result, or a refusal with a code (and every rejected row's error has a code). Nothing
 * throws. The run counts are printed for the closing note.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../fixtures/csv/make-fixtures.ts';
import { BAD_FILES } from '../../fixtures/bad/make-bad.ts';
import { runCsv, runTemplate } from '../../fixtures/bad/run-case.ts';
import { smallCompany } from '../../helpers/small-company.ts';
import { IMPORT_KINDS, type ImportKind } from '../../../src/core/import/index.ts';
import { analysisOf, readForAnalysis } from '../../../src/core/import/preview.ts';
import { readTemplateFile, serializeTemplate } from '../../../src/core/templates/portable.ts';
import { textTemplateFromBuiltIn } from '../../../src/core/templates/built-in.ts';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1000);
const counts: Record<string, number> = {};
const count = (name: string) => (counts[name] = (counts[name] ?? 0) + 1);

afterAll(() => {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.info(
    `fuzz runs: ${total} (${Object.entries(counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')})`,
  );
});

/** The CSV importer on `bytes` as `kind`: a coded outcome, never a throw (see run-case.ts). */
function checkCsv(bytes: Uint8Array, kind: ImportKind): void {
  const run = runCsv(bytes, kind, smallCompany(), { onDuplicate: 'update' });
  expect(['read-failed', 'file-problem', 'rejected', 'imported']).toContain(run.result.outcome);
  if ('code' in run.result) expect(run.result.code).toMatch(/^[a-z][a-z0-9-]*$/);
  for (const row of run.plan?.rejected ?? []) for (const e of row.errors) expect(e.code).toMatch(/^[a-z][a-z0-9-]*$/);
  // The wizard's first look at the same bytes.
  const read = readForAnalysis(bytes, { kind });
  if (read.ok)
    analysisOf(read.value, { fileName: 'f.csv', size: bytes.length, overrides: { kind }, companyCurrency: 'NOK' });
}

const KIND_OF_FIXTURE: Readonly<Record<string, ImportKind>> = {
  'decimal-comma-invoices.csv': 'invoices',
  'iso-8859-1-customers.csv': 'customers',
  'iso-8859-15-claims.csv': 'claims',
  'pipe-accounts.csv': 'accounts',
  'quoted-newlines-customers.csv': 'customers',
  'utf16be-bom-projects.csv': 'projects',
  'utf16le-bom-users.csv': 'users',
  'utf8-bom-time-records.csv': 'timeRecords',
  'utf8-customers.csv': 'customers',
  'windows-1252-claims.csv': 'claims',
};
const goodCsv = Object.entries(KIND_OF_FIXTURE).map(([file, kind]) => ({ bytes: FIXTURES[file]!, kind }));

/** Bytes that break CSV and text readers: quotes, delimiters, breaks, NUL, lone UTF-8 leads, a BOM. */
const NASTY = [0x22, 0x2c, 0x3b, 0x0a, 0x0d, 0x00, 0xc3, 0xe2, 0xff, 0xfe, 0xef, 0x80, 0x09, 0x7c];
const TOKENS = [
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  '1e309',
  '9007199254740993',
  '2026-02-30',
  '\u200b',
  '""',
];

type Mutation =
  | { op: 'flip'; at: number; byte: number }
  | { op: 'insert'; at: number; bytes: number[] }
  | { op: 'delete'; at: number; length: number }
  | { op: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), byte: fc.oneof(fc.constantFrom(...NASTY), fc.nat(255)) }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.oneof(
      fc.constantFrom(...TOKENS).map((t) => [...new TextEncoder().encode(t)]),
      fc.array(fc.constantFrom(...NASTY), { minLength: 1, maxLength: 8 }),
    ),
  }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);

function mutate(bytes: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let out = [...bytes];
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % (out.length + 1);
    if (m.op === 'flip' && at < out.length) out[at] = m.byte;
    else if (m.op === 'insert') out.splice(at, 0, ...m.bytes);
    else if (m.op === 'delete') out.splice(at, m.length);
    else if (m.op === 'truncate') out = out.slice(0, at);
  }
  return new Uint8Array(out);
}

describe('fuzzing the CSV importer', () => {
  it('random bytes give a coded outcome, never a throw', { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.constantFrom(...IMPORT_KINDS), (bytes, kind) => {
        count('csv random bytes');
        checkCsv(bytes, kind);
      }),
      { numRuns: RUNS },
    );
  });

  it('random text of CSV characters gives a coded outcome, never a throw', { timeout: 300_000 }, () => {
    const cell = fc.oneof(
      fc.constantFrom(...TOKENS, '', ' ', '10', 'P1', '1001', '2026-03-02', '7,5'),
      fc.string({ maxLength: 12 }),
    );
    const line = fc.array(cell, { minLength: 1, maxLength: 8 }).map((cells) => cells.join(','));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom(...IMPORT_KINDS), (lines, kind) => {
        count('csv random text');
        checkCsv(new TextEncoder().encode(lines.join('\n')), kind);
      }),
      { numRuns: RUNS },
    );
  });

  it('good files mutated byte by byte give a coded outcome, never a throw', { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...goodCsv),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (good, mutations) => {
          count('csv mutated files');
          checkCsv(mutate(good.bytes, mutations), good.kind);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

const codes = [
  'too-large',
  'not-json',
  'too-deep',
  'not-template',
  'version-unknown',
  'version-newer',
  'invalid-template',
];

/** The template reader on `text`: a template that reads back the same, or a coded refusal; never a throw. */
function checkTemplate(text: string): void {
  const read = readTemplateFile(text);
  if (read.ok) {
    const again = readTemplateFile(serializeTemplate(read.template));
    expect(again).toEqual(read);
  } else {
    expect(codes).toContain(read.code);
    expect(read.errors.length).toBeGreaterThan(0);
  }
}

const goodTemplates = [
  new TextDecoder().decode(BAD_FILES['template/good.json']!),
  serializeTemplate(textTemplateFromBuiltIn('sie4')!),
  new TextDecoder().decode(readFileSync(new URL('../../fixtures/bad/template/proto-keys.json', import.meta.url))),
];

/** Every path to a value inside a JSON value, for a structural mutation. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function replaceAt(value: unknown, path: readonly (string | number)[], next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = replaceAt(copy[head!], rest, next);
  return copy;
}

describe('fuzzing the template reader', () => {
  it('random bytes give a coded refusal, never a throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        count('template random bytes');
        const outcome = runTemplate(bytes);
        expect(outcome.outcome === 'read' || codes.includes(outcome.code)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('good template files mutated as text read back the same or give a coded refusal', { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...goodTemplates),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (good, mutations) => {
          count('template mutated text');
          checkTemplate(new TextDecoder().decode(mutate(new TextEncoder().encode(good), mutations)));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it(
    'good template files with a JSON value replaced read back the same or give a coded refusal',
    { timeout: 300_000 },
    () => {
      const hostile = fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc.constantFrom('__proto__', 'constructor', '', '\u0000', 'x'.repeat(600), -1, 0, 1e308, null, [], {}),
      );
      fc.assert(
        fc.property(fc.constantFrom(...goodTemplates), fc.nat(), hostile, (good, pick, value) => {
          count('template mutated JSON');
          const json: unknown = JSON.parse(good);
          const all = paths(json);
          checkTemplate(JSON.stringify(replaceAt(json, all[pick % all.length]!, value)));
        }),
        { numRuns: RUNS },
      );
    },
  );
});
