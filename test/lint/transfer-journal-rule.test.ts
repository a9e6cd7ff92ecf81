/**
 * The lint rule of decision 0005 (eslint.config.js): the transfer journal may be named only in
 * src/db/export-status.ts and the schema. Runs ESLint with the project's config on snippets, as
 * if they were in those files.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const SNIPPET = [
  'export async function peek(db: { table(name: string): unknown } & Record<string, { count(): Promise<number> }>) {',
  '  const rows = await db.transferJournal!.count();',
  "  const table = db.table('transferJournal');",
  '  const { transferJournal: journal } = db;',
  '  return [rows, table, journal];',
  '}',
  '',
].join('\n');

async function restrictedLines(filePath: string, text = SNIPPET): Promise<number[]> {
  const [result] = await new ESLint({ cwd: process.cwd() }).lintText(text, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.line);
}

describe('the transferJournal lint rule', () => {
  it('reports every way of reaching the journal outside its module: property, table name, destructuring', async () => {
    for (const file of ['src/ui/state/notifications.svelte.ts', 'src/db/queries.ts', 'workers/template-worker.ts'])
      expect(await restrictedLines(file)).toEqual([2, 3, 4]);
  }, 60_000);

  it('reports it in Svelte components too', async () => {
    const component = `<script lang="ts">\n  import { db } from '../app-db.ts';\n  const n = db.transferJournal.count();\n</script>\n\n{n}\n`;
    expect(await restrictedLines('src/ui/pages/invoices-page.svelte', component)).toEqual([3]);
  }, 60_000);

  it('allows it in src/db/export-status.ts and the schema', async () => {
    expect(await restrictedLines('src/db/export-status.ts')).toEqual([]);
    expect(await restrictedLines('src/db/database.ts')).toEqual([]);
  }, 60_000);
});
