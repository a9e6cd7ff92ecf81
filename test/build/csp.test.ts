/**
 * Issue 16 item 8: the built app carries a strict Content-Security-Policy. Reads `dist/` when it
 * is newer than what makes it (index.html, vite.config.ts, src/, workers/); else builds once into a
 * temporary folder, so the check never passes on a stale build.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = process.cwd();

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function freshDist(): boolean {
  const built = join(ROOT, 'dist/index.html');
  if (!existsSync(built) || !existsSync(join(ROOT, 'dist/_headers'))) return false;
  const sources = ['index.html', 'vite.config.ts', 'src', 'workers', 'public'].map((p) => newestMtime(join(ROOT, p)));
  return statSync(built).mtimeMs >= Math.max(...sources);
}

let dist = join(ROOT, 'dist');
let temporary: string | undefined;
beforeAll(() => {
  if (freshDist()) return;
  temporary = mkdtempSync(join(tmpdir(), 'exportdesk-dist-'));
  execFileSync('npx', ['vite', 'build', '--outDir', temporary, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  dist = temporary;
}, 300_000);
afterAll(() => {
  if (temporary) rmSync(temporary, { recursive: true, force: true });
});

/** `name value…; name value…` → name → sources. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

function metaPolicy(html: string): string {
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  expect(match, 'a CSP meta tag').not.toBeNull();
  return match![1]!
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

function expectStrict(policy: Map<string, string[]>) {
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('connect-src')).toEqual(["'self'"]);
  expect(policy.get('worker-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  for (const [name, sources] of policy) {
    expect(sources, name).not.toContain("'unsafe-eval'");
    expect(sources, name).not.toContain("'wasm-unsafe-eval'");
    // No wildcard or remote origin anywhere: the app talks to no server.
    for (const source of sources) expect(source, name).toMatch(/^('self'|'none'|data:|blob:)$/);
  }
  // No inline style either (vite.config.ts says why), and never inline script.
  expect(policy.get('style-src')).toEqual(["'self'"]);
}

describe('the built dist/index.html', () => {
  it('has the strict policy as the first thing in <head>, before any script or style', () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const head = html.slice(html.indexOf('<head>') + '<head>'.length).trimStart();
    expect(head).toMatch(/^<meta\s+http-equiv="Content-Security-Policy"/);
    expectStrict(directives(metaPolicy(html)));
    // A meta policy cannot carry frame-ancestors; the header does (below).
    expect(directives(metaPolicy(html)).has('frame-ancestors')).toBe(false);
  });

  it('has no inline script and no event-handler attribute: every script is a file (the service worker registration too)', () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\.\/[^"]+\.js"/);
      expect(body!.trim()).toBe('');
    }
    expect(html).toContain('src="./registerSW.js"');
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
  });

  it('ships _headers with the same policy plus frame-ancestors, for hosts that send headers', () => {
    const headers = readFileSync(join(dist, '_headers'), 'utf8');
    const line = /Content-Security-Policy: (.*)/.exec(headers)![1]!;
    const header = directives(line);
    expectStrict(header);
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    const meta = directives(metaPolicy(readFileSync(join(dist, 'index.html'), 'utf8')));
    header.delete('frame-ancestors');
    expect(header).toEqual(meta);
    expect(headers).toContain('X-Content-Type-Options: nosniff');
  });

  it('ships no eval or new Function that the policy would block at run time', () => {
    const files = ['.', 'assets']
      .flatMap((dir) => readdirSync(join(dist, dir)).map((f) => join(dist, dir, f)))
      .filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/\bnew Function\s*\(|(^|[^.\w$])eval\s*\(/);
    }
  });
});
