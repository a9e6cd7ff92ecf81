/**
 * Gzip sizes of what the built app (dist/) sends, for the bench's size figures: a worker's entry
 * chunk, the chunks of the formats' code (loaded by the registry's `load()` on demand, see
 * docs/decisions/0006-lazy-format-code.md) and the app's first load (index.html, the scripts and
 * styles it names, and the chunks those scripts import statically).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function gzipBytes(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

/** The chunks `file` imports statically (`import … from "./x.js"`, `import "./x.js"`), transitively, itself first. */
export function staticClosure(file: string): string[] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path) || !existsSync(path)) return;
    seen.add(path);
    const code = readFileSync(path, 'utf8');
    for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g))
      visit(join(dirname(path), match[1]!));
  };
  visit(file);
  return [...seen];
}

/** The one file in `dir` named `<prefix>-<hash>.js`, or undefined. */
export function chunkNamed(dir: string, prefix: string): string | undefined {
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-[\\w-]{8}\\.js$`);
  const name = readdirSync(dir).find((f) => pattern.test(f));
  return name === undefined ? undefined : join(dir, name);
}

/** The module names (`sie4`, `huldt-lillevik`, ...) the registry's `load()` lines import. */
export function formatModuleNames(registrySource: string): string[] {
  const names = [...registrySource.matchAll(/import\('\.\/systems\/[^']*?([\w-]+)\.ts'\)/g)].map((m) => m[1]!);
  return [...new Set(names)];
}

export interface ChunkSize {
  /** Path below dist/. */
  name: string;
  gzip: number;
}

export interface DistSizes {
  /** The worker's entry chunk with the chunks it imports statically: what loads before its first call. */
  exportWorkerEntry: ChunkSize | null;
  templateWorkerEntry: ChunkSize | null;
  importWorkerEntry: ChunkSize | null;
  dataWorkerEntry: ChunkSize | null;
  /** The largest format module's own chunk, and with the chunks it imports that the worker entry does not hold. */
  largestFormat: (ChunkSize & { withImports: number }) | null;
  /** index.html, its scripts and styles, and their static imports. */
  firstLoad: { files: number; gzip: number };
}

export function distSizes(distDir: string, registrySource: string): DistSizes {
  const assets = join(distDir, 'assets');
  const rel = (path: string) => path.slice(distDir.length + 1);
  const withStaticImports = (path: string | undefined): ChunkSize | null =>
    path === undefined
      ? null
      : { name: rel(path), gzip: staticClosure(path).reduce((sum, f) => sum + gzipBytes(f), 0) };
  const exportWorker = chunkNamed(assets, 'export-worker');
  const entryClosure = new Set(exportWorker ? staticClosure(exportWorker) : []);

  let largestFormat: DistSizes['largestFormat'] = null;
  for (const name of formatModuleNames(registrySource)) {
    const chunk = chunkNamed(assets, name);
    if (!chunk) continue;
    const own = gzipBytes(chunk);
    if (largestFormat && own <= largestFormat.gzip) continue;
    const extra = staticClosure(chunk).filter((f) => f === chunk || !entryClosure.has(f));
    largestFormat = { name: rel(chunk), gzip: own, withImports: extra.reduce((sum, f) => sum + gzipBytes(f), 0) };
  }

  const html = join(distDir, 'index.html');
  const first = new Set<string>([html]);
  for (const match of readFileSync(html, 'utf8').matchAll(
    /<(?:script|link)\b[^>]*?\b(?:src|href)="\.\/([^"]+\.(?:js|css))"/g,
  ))
    for (const file of staticClosure(join(distDir, match[1]!))) first.add(file);
  // A stylesheet is not parsed for imports; staticClosure adds it as itself.
  for (const match of readFileSync(html, 'utf8').matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="\.\/([^"]+)"/g))
    first.add(join(distDir, match[1]!));
  const firstLoad = { files: first.size, gzip: [...first].reduce((sum, f) => sum + gzipBytes(f), 0) };

  return {
    exportWorkerEntry: withStaticImports(exportWorker),
    templateWorkerEntry: withStaticImports(chunkNamed(assets, 'template-worker')),
    importWorkerEntry: withStaticImports(chunkNamed(assets, 'import-worker')),
    dataWorkerEntry: withStaticImports(chunkNamed(assets, 'data-worker')),
    largestFormat,
    firstLoad,
  };
}

/** For a quick look without the browser: `npx tsx bench/lib/sizes.ts [dist] [registry.ts]`. */
if (process.argv[1] && basename(process.argv[1]) === 'sizes.ts') {
  const dist = process.argv[2] ?? 'dist';
  const registry = readFileSync(process.argv[3] ?? 'src/core/formats/registry.ts', 'utf8');
  console.log(JSON.stringify(distSizes(dist, registry), null, 2));
}
