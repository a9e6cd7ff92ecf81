/**
 * The no-HTML-from-data lint rules of issue 16 (eslint.config.js): `exportdesk/no-raw-html` for the
 * DOM's HTML sinks and `svelte/no-at-html-tags` for `{@html}`. Runs ESLint with the project's
 * config on snippets, as if they were in the app's files.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const SINKS = [
  'export function show(el: HTMLElement, frame: HTMLIFrameElement, name: string) {',
  '  el.innerHTML = name;',
  '  el.outerHTML = `<b>${name}</b>`;',
  "  el.insertAdjacentHTML('beforeend', name);",
  '  document.write(name);',
  "  el['innerHTML'] = name;",
  '  frame.srcdoc = name;',
  '  document.createRange().createContextualFragment(name);',
  '  el.textContent = name;',
  '  el.innerText = name;',
  '}',
  '',
].join('\n');

async function reported(filePath: string, text: string, rule: string): Promise<number[]> {
  const [result] = await new ESLint({ cwd: process.cwd() }).lintText(text, { filePath });
  return result!.messages.filter((m) => m.ruleId === rule).map((m) => m.line);
}

describe('no HTML from data', () => {
  it('reports every HTML sink in app, db, core and worker code; text sinks pass', async () => {
    for (const file of [
      'src/ui/download.ts',
      'src/db/queries.ts',
      'workers/export-worker.ts',
      'src/ui/state/company-state.svelte.ts',
    ])
      expect(await reported(file, SINKS, 'exportdesk/no-raw-html'), file).toEqual([2, 3, 4, 5, 6, 7, 8]);
  }, 60_000);

  it('leaves a stream or file write alone', async () => {
    const text =
      "export function log(out: { write(s: string): void }) {\n  out.write('x');\n  process.stdout.write('y');\n}\n";
    expect(await reported('src/cli/main.ts', text, 'exportdesk/no-raw-html')).toEqual([]);
  }, 60_000);

  it('reports {@html} and innerHTML in Svelte components', async () => {
    const component = [
      '<script lang="ts">',
      '  let { name }: { name: string } = $props();',
      '  let el: HTMLElement | undefined = $state();',
      '  $effect(() => { if (el) el.innerHTML = name; });',
      '</script>',
      '',
      '<p bind:this={el}>{@html name}</p>',
      '',
    ].join('\n');
    const file = 'src/ui/pages/invoices-page.svelte';
    expect(await reported(file, component, 'exportdesk/no-raw-html')).toEqual([4]);
    expect(await reported(file, component, 'svelte/no-at-html-tags')).toEqual([7]);
  }, 60_000);
});
