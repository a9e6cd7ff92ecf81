import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findCycles, importGraph, importsOf } from '../../scripts/check-import-cycles.ts';

const SCRIPT = join(import.meta.dirname, '../../scripts/check-import-cycles.ts');

describe('importsOf', () => {
  it('reads every static import and re-export, type-only ones and multi-line ones included', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from './b.ts';",
      'import {',
      '  c,',
      '  type C,',
      "} from './c.ts';",
      "import './d.ts';",
      "import * as e from './e.ts';",
      "export { f } from './f.ts';",
      "export * from './g.ts';",
      "export type { H } from './h.ts';",
      "import i = require('./i.ts');",
      "import jszip from 'jszip';",
    ].join('\n');
    expect(importsOf(source)).toEqual([
      './a.ts',
      './b.ts',
      './c.ts',
      './d.ts',
      './e.ts',
      './f.ts',
      './g.ts',
      './h.ts',
      './i.ts',
      'jszip',
    ]);
  });

  it('leaves out dynamic imports and import-like text in comments and strings', () => {
    const source = [
      '/** Example: import { x } from "./comment.ts"; */',
      "// import y from './line-comment.ts';",
      'const text = "import z from \'./string.ts\'";',
      "export async function load() { return import('./lazy.ts'); }",
      "export const local = { from: './not-a-module.ts' };",
    ].join('\n');
    expect(importsOf(source)).toEqual([]);
  });
});

describe('findCycles', () => {
  const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

  it('finds none in a graph whose imports only point one way', () => {
    expect(findCycles(graph({ a: ['b', 'c'], b: ['c'], c: [], d: ['a', 'c'] }))).toEqual([]);
  });

  it('gives each tangle once, with its files and a shortest circle through them', () => {
    // The circle that templates/ had: data-types > grouping > types > ledger-scope > data-types,
    // plus data-types > types directly, so the shortest circle skips grouping.
    const cycles = findCycles(
      graph({
        'data-types': ['grouping', 'types', 'money'],
        grouping: ['types', 'money'],
        types: ['ledger-scope'],
        'ledger-scope': ['data-types', 'money'],
        money: [],
        render: ['data-types'],
      }),
    );
    expect(cycles).toEqual([
      {
        files: ['data-types', 'grouping', 'ledger-scope', 'types'],
        path: ['data-types', 'types', 'ledger-scope', 'data-types'],
      },
    ]);
  });

  it('reports separate tangles separately, and a module importing itself', () => {
    const cycles = findCycles(graph({ a: ['b'], b: ['a', 'c'], c: ['d'], d: ['c'], e: ['e'] }));
    expect(cycles.map((c) => c.path).sort()).toEqual([
      ['a', 'b', 'a'],
      ['c', 'd', 'c'],
      ['e', 'e'],
    ]);
  });

  it('follows a long chain without running out of stack', () => {
    const edges: Record<string, string[]> = {};
    for (let i = 0; i < 20_000; i++) edges[`m${i}`] = [`m${i + 1}`];
    edges['m20000'] = ['m0'];
    const [cycle, ...more] = findCycles(graph(edges));
    expect(more).toEqual([]);
    expect(cycle!.files).toHaveLength(20_001);
    expect(cycle!.path).toHaveLength(20_002);
  });
});

describe('on files', () => {
  let dir = '';
  afterEach(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  function write(files: Record<string, string>): string {
    dir = mkdtempSync(join(tmpdir(), 'import-cycles-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  }

  function run(folder: string) {
    return spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, folder], { encoding: 'utf8' });
  }

  it('resolves relative imports (with .ts, without, or of a folder) and ignores packages and dynamic imports', () => {
    const root = write({
      'a.ts': "import { b } from './b.ts';\nimport 'liquidjs';\nexport const a = b;",
      'b.ts': "import type { C } from './sub';\nexport const b = 1;\nexport type B = C;",
      'sub/index.ts': "export * from '../c';",
      'c.ts': "export type C = string;\nexport const lazy = () => import('./a.ts');",
    });
    const graph = importGraph(root);
    const name = (path: string) => path.slice(root.length + 1);
    expect(Object.fromEntries([...graph].map(([file, targets]) => [name(file), targets.map(name)]))).toEqual({
      'a.ts': ['b.ts'],
      'b.ts': ['sub/index.ts'],
      'c.ts': [],
      'sub/index.ts': ['c.ts'],
    });
    expect(findCycles(graph)).toEqual([]);
  });

  // The command line as `npm run lint` runs it (the passing case runs there on every lint).
  it('fails with the circle named when a type-only import closes it', () => {
    const root = write({
      'rows.ts': "import type { Options } from './types.ts';\nexport type Row = Options;",
      'types.ts': "import type { Row } from './scope/ledger.ts';\nexport interface Options { row?: Row }",
      'scope/ledger.ts': "import type { Row } from '../rows.ts';\nexport type LedgerRow = Row;",
    });
    const result = run(root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Import cycle in');
    expect(result.stderr).toContain('rows.ts > types.ts > scope/ledger.ts > rows.ts');
  });
});
