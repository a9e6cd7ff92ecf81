/**
 * The company-file reader against the hostile backups of test/fixtures/bad/backup (issue 16):
 * each is refused with its first bad value's code and path (or read as it is, for the files
 * marked `ok`), never with an exception; and a 100 MB backup, generated here, is read and its one
 * bad record named. The same files go through the restore (test/db/hostile-restore.test.ts) and
 * the CLI (below).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCompanyFile, serializeCompanyFile } from '../../../src/core/company-file/company-file.ts';
import { BAD_BACKUPS } from '../../fixtures/bad/backup/manifest.ts';
import { goodBackup } from '../../fixtures/bad/backup/good-backup.ts';
import { cli, tempDir } from '../../cli/cli-helpers.ts';

const folder = join(import.meta.dirname, '../../fixtures/bad/backup');
const read = (file: string) => readFileSync(join(folder, file), 'utf8');

describe('hostile backups', () => {
  it('the folder holds exactly the files of the manifest (at least 20)', () => {
    const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(BAD_BACKUPS.map((b) => b.file).sort());
    expect(BAD_BACKUPS.length).toBeGreaterThanOrEqual(20);
  });

  it('the good backup they are made from is read as it is', () => {
    const text = serializeCompanyFile(goodBackup());
    const parsed = parseCompanyFile(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(serializeCompanyFile(parsed.file)).toBe(text);
  });

  it.each(BAD_BACKUPS.map((b) => [b.file, b] as const))('%s', (_, bad) => {
    const parsed = parseCompanyFile(read(bad.file));
    expect({}).not.toHaveProperty('polluted');
    if (bad.expect === 'ok') {
      expect(parsed.ok ? [] : parsed.errors).toEqual([]);
      return;
    }
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues[0]).toMatchObject(bad.expect);
    // The message names the path, as the CLI prints it.
    expect(parsed.errors[0]).toContain(bad.expect.path);
    expect(parsed.errors).toEqual(parsed.issues.map((i) => i.message));
    expect(parsed.errors.join('\n')).not.toMatch(/IDBObjectStore|TypeError|RangeError|at .*\.ts:/);
  });

  it('words the unknown VAT code as the issue asks', () => {
    const parsed = parseCompanyFile(read('unknown-vat-code.json'));
    expect(!parsed.ok && parsed.errors[0]).toBe('invoices[4].lines[0].vatCode: unknown VAT code "9".');
  });

  it('reads a 100 MB backup generated here, and names its one bad record near the end', () => {
    const file = goodBackup();
    const model = file.timeRecords[0]!;
    const count = 260_000;
    for (let i = 0; i < count; i++)
      file.timeRecords.push({ ...model, id: `big-${i}`, comment: `generated record ${i} `.padEnd(120, '.') });
    const bad = file.timeRecords.length - 3;
    file.timeRecords[bad] = { ...file.timeRecords[bad]!, hours: 1e300 };
    const text = serializeCompanyFile(file);
    expect(text.length).toBeGreaterThan(100 * 1024 * 1024);
    const started = performance.now();
    const parsed = parseCompanyFile(text);
    const ms = performance.now() - started;
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]).toMatchObject({ code: 'rule', path: `timeRecords[${bad}].hours` });
    // Generous for a shared 2-core machine; it is the order of magnitude that matters.
    expect(ms).toBeLessThan(60_000);
  }, 180_000);

  it('the CLI refuses them with the same words, never a stack trace', async () => {
    const temp = tempDir();
    try {
      for (const bad of BAD_BACKUPS) {
        if (bad.expect === 'ok') continue;
        const run = await cli('export', 'xero', '--company', join(folder, bad.file), '--out', temp.dir);
        expect(run.code, bad.file).not.toBe(0);
        expect(run.stderr, bad.file).toContain('is not a usable company file');
        expect(run.stderr, bad.file).not.toMatch(/\n\s+at /);
        expect(run.stderr, bad.file).toContain(bad.expect.path);
      }
    } finally {
      temp.remove();
    }
  }, 60_000);
});
