/**
 * Issue 16 item 1: `exportdesk export` writes into `--out` and nowhere else. A shared template
 * whose extension is `txt/../../../x.txt` is refused by the core's name gate; and the CLI's own
 * check (resolve + same folder) holds even for names that never passed that gate.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cli, tempDir } from './cli-helpers.ts';
import { writeOutputFiles } from '../../src/cli/main.ts';
import { serializeTemplate } from '../../src/core/templates/portable.ts';
import type { LayoutTemplate } from '../../src/core/templates/types.ts';
import { layoutTemplate } from '../helpers/templates.ts';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => (temp = tempDir()));
afterEach(() => temp.remove());

const customers = (fileExtension: string, fileNamePattern = 'customers'): LayoutTemplate =>
  layoutTemplate({ fileNamePattern, fileExtension });

describe('writeOutputFiles: the last line of defence', () => {
  const bytes = new Uint8Array([65]);

  it.each(['../escaped.txt', 'sub/../../escaped.txt', 'a/b.txt', '/tmp/absolute.txt', '..', '.', 'x/.'])(
    'refuses %j and writes nothing at all',
    (name) => {
      const out = temp.path('out/inner');
      expect(() =>
        writeOutputFiles(out, [
          { name: 'first.txt', bytes },
          { name, bytes },
        ]),
      ).toThrow(/would land outside/);
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(temp.dir)).toEqual([]);
    },
  );

  it('writes plain names into the folder', () => {
    const paths = writeOutputFiles(temp.path('out'), [{ name: 'Lønn mai.txt', bytes }]);
    expect(paths).toEqual([temp.path('out/Lønn mai.txt')]);
    expect(readdirSync(temp.path('out'))).toEqual(['Lønn mai.txt']);
  });
});

describe('exportdesk export --template with a hostile name', () => {
  it.each([
    ['txt/../../../PWNED.txt', 'customers'],
    ['txt', '../../PWNED'],
    ['txt', '..\\..\\PWNED'],
    ['txt', 'CON'],
  ])('extension %j, pattern %j: exit 1, nothing written anywhere', async (extension, pattern) => {
    const company = temp.path('company.json');
    await cli('demo', '--out', company, '--today', '2026-11-26', '--size', '50');
    const templatePath = temp.path('t.json');
    writeFileSync(templatePath, serializeTemplate(customers(extension, pattern)));
    const out = temp.path('deep/er/out');
    mkdirSync(out, { recursive: true });
    const run = await cli('export', '--template', templatePath, '--company', company, '--out', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/file name/);
    expect(readdirSync(out)).toEqual([]);
    expect(readdirSync(temp.dir).sort()).toEqual(['company.json', 'deep', 't.json']);
    expect(readdirSync(temp.path('deep'))).toEqual(['er']);
    expect(readdirSync(temp.path('deep/er'))).toEqual(['out']);
  });

  it('a safe template still writes its file into --out', async () => {
    const company = temp.path('company.json');
    await cli('demo', '--out', company, '--today', '2026-11-26', '--size', '50');
    const templatePath = temp.path('t.json');
    writeFileSync(templatePath, serializeTemplate(customers('csv', 'kunder_{DATE}')));
    const run = await cli(
      'export',
      '--template',
      templatePath,
      '--company',
      company,
      '--out',
      temp.path('out'),
      '--now',
      '2026-11-26T10:00:00',
    );
    expect(run.code).toBe(0);
    expect(readdirSync(temp.path('out'))).toEqual(['kunder_20261126.csv']);
  });
});
