/**
 * Fails when the TypeScript modules under a folder import each other in a circle, so that one
 * cannot come back unnoticed (`npm run lint` runs it on src/core). A circle makes the load
 * order decide which module sees the other's exports as undefined, and it means the modules
 * cannot be understood or moved apart.
 *
 * Usage: tsx scripts/check-import-cycles.ts <folder>…
 *
 * madge (8.0.0) refuses TypeScript 6 as its peer and dpdm (4.3.0) brings its own TypeScript 5
 * (23 MB); this reads the imports with the project's TypeScript parser instead.
 * Counted: every top-level `import … from`, `import '…'`, `export … from` and
 * `import x = require('…')` of a relative path, type-only ones included (a type circle still
 * ties the modules together). Not counted: `import('…')` expressions, which load on demand and
 * are how lazy code is meant to reach back; package imports, which cannot lead back here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The module paths a file imports statically, as written. */
export function importsOf(source: string, fileName = 'module.ts'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const specifiers: string[] = [];
  for (const statement of file.statements) {
    if (
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier !== undefined &&
      ts.isStringLiteral(statement.moduleSpecifier)
    )
      specifiers.push(statement.moduleSpecifier.text);
    else if (
      ts.isImportEqualsDeclaration(statement) &&
      ts.isExternalModuleReference(statement.moduleReference) &&
      ts.isStringLiteral(statement.moduleReference.expression)
    )
      specifiers.push(statement.moduleReference.expression.text);
  }
  return specifiers;
}

/** The file a relative specifier names (the project writes `.ts`; a bare path or folder is tried too), or null. */
function resolveRelative(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

function tsFilesUnder(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...tsFilesUnder(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(path);
  }
  return files.sort();
}

/** The import graph of the .ts files under `folder`: absolute path → the files it imports, among those. */
export function importGraph(folder: string): Map<string, string[]> {
  const files = tsFilesUnder(resolve(folder));
  const inScope = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = importsOf(readFileSync(file, 'utf8'), file)
      .map((specifier) => resolveRelative(file, specifier))
      .filter((target): target is string => target !== null && inScope.has(target));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

export interface ImportCycle {
  /** All files that reach each other through imports, sorted. */
  files: string[];
  /** One shortest circle among them, from the first file back to it: what one reads to break it. */
  path: string[];
}

/**
 * The circles of a graph: one per group of nodes that all reach each other (Tarjan's strongly
 * connected components), since breaking a group may take more than one edge.
 */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): ImportCycle[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;

  // Iterative, so a long import chain cannot overflow the call stack.
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; edge: number }[] = [{ node: root, edge: 0 }];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = graph.get(frame.node) ?? [];
      if (frame.edge < edges.length) {
        const target = edges[frame.edge++]!;
        if (!index.has(target)) {
          index.set(target, next);
          low.set(target, next++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, edge: 0 });
        } else if (onStack.has(target)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      const selfImport = (graph.get(frame.node) ?? []).includes(frame.node);
      if (component.length > 1 || selfImport) components.push(component);
    }
  }
  return components.map((component) => ({ files: component.sort(), path: cyclePath(graph, new Set(component)) }));
}

/** A shortest path from the component's first node (in sorted order) back to itself, within the component. */
function cyclePath(graph: ReadonlyMap<string, readonly string[]>, component: ReadonlySet<string>): string[] {
  const start = [...component].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    for (const target of graph.get(node) ?? []) {
      if (!component.has(target)) continue;
      if (target === start) {
        const chain: string[] = [];
        for (let at = node; at !== start; at = previous.get(at)!) chain.unshift(at);
        return [start, ...chain, start];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

function main(folders: string[]): number {
  if (folders.length === 0) {
    console.error('Usage: tsx scripts/check-import-cycles.ts <folder>…');
    return 2;
  }
  let failed = false;
  for (const folder of folders) {
    const graph = importGraph(folder);
    const cycles = findCycles(graph);
    const name = (file: string) => relative(resolve(folder), file);
    for (const cycle of cycles)
      console.error(
        `Import cycle in ${folder}: ${cycle.path.map(name).join(' > ')}` +
          (cycle.files.length > cycle.path.length - 1 ? ` (tied together: ${cycle.files.map(name).join(', ')})` : ''),
      );
    if (cycles.length > 0) failed = true;
    else console.log(`No import cycles in ${folder} (${graph.size} files).`);
  }
  return failed ? 1 : 0;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
