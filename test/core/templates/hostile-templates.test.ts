/**
 * Issue 16 item 2 (templates): the export filters count toward the render's memory limit, so a
 * template that asks them for a huge string stops with the memoryLimit error instead of taking
 * the tab (or the CLI's Node) down. Each hostile template is run in Test template, in an export
 * (the template as a format) and in the CLI.
 */
import { messageOf } from '../../helpers/english-issue.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, writeFileSync } from 'node:fs';
import { testTemplate, type SampleReader } from '../../../src/core/templates/editor-tools.ts';
import { runTemplateExport } from '../../../src/core/templates/as-format.ts';
import { renderTemplate } from '../../../src/core/templates/render.ts';
import { padLeft, padRight } from '../../../src/core/templates/filters.ts';
import { parseTemplateJson, serializeTemplate } from '../../../src/core/templates/portable.ts';
import type { LayoutTemplate, TextTemplate } from '../../../src/core/templates/types.ts';
import { templateTestCompany, TEST_CONTEXT } from './company.ts';
import { cli, tempDir } from '../../cli/cli-helpers.ts';
import { layoutTemplate, textTemplate } from '../../helpers/templates.ts';

const text = (content: string): TextTemplate => textTemplate(content, { name: 'Hostile' });

const layout = (liquid: string): LayoutTemplate =>
  layoutTemplate({
    name: 'Hostile layout',
    fileNamePattern: 'out',
    columns: [
      { header: 'Number', field: 'number' },
      { header: 'Bomb', liquid },
    ],
  });

/** The issue's template, and others that build huge strings through our filters or Liquid's own. */
const MEMORY_BOMBS = [
  '{{ "x" | pad_left: 300000000 | fit: 5 }}',
  '{{ "x" | pad_right: 300000000, "y" }}',
  '{% for i in (1..1000) %}{{ "x" | pad_left: 100000 | fit: 1 }}{% endfor %}',
  '{% assign s = "x" | pad_left: 5000000 %}{% for i in (1..100) %}{% assign t = s | csv %}{% endfor %}',
  '{% assign s = "x" | pad_left: 5000000 %}{% for i in (1..100) %}{% assign t = s | xml | sie %}{% endfor %}',
  '{% assign s = "xxxxxxxxxx" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}',
];

const demoReader: SampleReader = async () => templateTestCompany();
const REQUEST = { source: 'real', sampleSize: 5, now: '2026-06-01T12:00:00', locale: 'nb-NO' } as const;

describe('filters count what they allocate, before they allocate it', () => {
  it('pad_left and pad_right tell the budget the size first, and build nothing when it refuses', () => {
    const asked: number[] = [];
    const refuse = (n: number) => {
      asked.push(n);
      throw new Error('memory alloc limit exceeded');
    };
    expect(() => padLeft('x', 300_000_000, ' ', refuse)).toThrow(/memory alloc limit/);
    expect(() => padRight('x', 300_000_000, ' ', refuse)).toThrow(/memory alloc limit/);
    expect(asked).toEqual([300_000_000, 300_000_000]);
    // Nothing to pad: nothing to count.
    expect(padLeft('abc', 2, ' ', refuse)).toBe('abc');
  });
});

describe.each(MEMORY_BOMBS)('hostile template %s', (content) => {
  it('stops with the memoryLimit error in Test template, quickly', async () => {
    const started = performance.now();
    const response = await testTemplate(text(content), REQUEST, demoReader);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(response.templateError?.limit).toBe('memoryLimit');
    expect(response.templateError?.message).toMatch(/Stopped: .*\(memoryLimit\)/);
    expect(response.issues.map((i) => i.code)).toContain('template-error');
    expect(response.byteLength).toBe(0);
  });

  it('stops an export with the same error and no file', () => {
    const result = runTemplateExport(text(content), templateTestCompany(), TEST_CONTEXT);
    expect(result.files).toEqual([]);
    expect(messageOf(result.issues.find((i) => i.code === 'template-error')!)).toMatch(/\(memoryLimit\)/);
  });
});

describe('layout columns use the same filters and the same budget', () => {
  it('a column whose Liquid pads to 300,000,000 stops with memoryLimit', () => {
    const result = renderTemplate(
      layout('{{ number | pad_left: 300000000 | fit: 5 }}'),
      templateTestCompany(),
      TEST_CONTEXT,
    );
    expect(result.files).toEqual([]);
    expect(result.templateError?.limit).toBe('memoryLimit');
  });

  it('a fixed-width column of 300,000,000 characters is refused when the template is read', () => {
    const wide = {
      ...layout(''),
      layout: 'fixed-width' as const,
      columns: [{ header: 'A', field: 'number', width: 3e8 }],
    };
    const parsed = parseTemplateJson(serializeTemplate(wide));
    expect(!parsed.ok && parsed.errors).toContain('template.columns[0].width: must be at most 10000');
  });

  it('number with absurd decimals is an error, not a BigInt that never ends', () => {
    const result = renderTemplate(text('{{ 1 | number: 300000000 }}'), templateTestCompany(), TEST_CONTEXT);
    expect(result.templateError?.message).toMatch(/decimals must be 0–20/);
  });
});

describe('the CLI', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.remove());

  it('refuses the issue template with the limit error and exit 1, writing nothing (no out-of-memory)', async () => {
    const company = temp.path('company.json');
    await cli('demo', '--out', company, '--today', '2026-11-26', '--size', '50');
    const hostile = { ...layout('{{ number | pad_left: 300000000 | fit: 5 }}') };
    writeFileSync(temp.path('t.json'), serializeTemplate(hostile));
    const run = await cli('export', '--template', temp.path('t.json'), '--company', company, '--out', temp.path('out'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Stopped: the template used more memory than the limit .*\(memoryLimit\)/);
    expect(readdirSync(temp.dir).sort()).toEqual(['company.json', 't.json']);
  });
});
