/**
 * The type-aware lint rules of eslint.config.js: a promise nobody awaits or catches, and a promise
 * passed where a callback returning void is expected, are errors in `.ts` and `.svelte` files.
 * Runs ESLint with the project's config (and its type checker) on snippets.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

async function promiseRuleHits(filePath: string, text: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: process.cwd() }).lintText(text, { filePath });
  return result!.messages
    .filter((m) => m.ruleId?.startsWith('@typescript-eslint/no-') && m.ruleId.includes('promise'))
    .map((m) => `${m.line}:${m.ruleId}`);
}

const TS = [
  'async function save(): Promise<void> {}',
  'export function onClick(): void {',
  '  save();',
  '  void save();',
  '  save().catch(() => undefined);',
  '}',
  'export const handler: () => void = () => { [1].forEach(async () => { await save(); }); };',
  'export const bad = [1].map(() => 0).forEach(save);',
  'export function attach(el: { addEventListener(t: string, f: () => void): void }) {',
  "  el.addEventListener('click', save);",
  '}',
  '',
].join('\n');

describe('the promise lint rules', () => {
  it('report a floating promise and a promise passed as a void callback in a .ts file', async () => {
    expect(await promiseRuleHits('src/ui/download.ts', TS)).toEqual([
      '3:@typescript-eslint/no-floating-promises',
      '7:@typescript-eslint/no-misused-promises',
      '8:@typescript-eslint/no-misused-promises',
      '10:@typescript-eslint/no-misused-promises',
    ]);
  }, 60_000);

  it('report a floating promise in a Svelte component', async () => {
    const component = [
      '<script lang="ts">',
      '  async function load(): Promise<void> {}',
      '  $effect(() => {',
      '    load();',
      '  });',
      '</script>',
      '',
    ].join('\n');
    expect(await promiseRuleHits('src/ui/pages/start-page.svelte', component)).toEqual([
      '4:@typescript-eslint/no-floating-promises',
    ]);
  }, 60_000);
});
