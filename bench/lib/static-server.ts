/**
 * A tiny static server on a free 127.0.0.1 port: the built app under /app/ (so its service
 * worker's scope is /app/ and never touches the harness) and the built harness under
 * /harness/, cross-origin isolated so `performance.measureUserAgentSpecificMemory` works.
 * One origin for both: the harness seeds the very database the app then opens.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

const ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

export async function startStaticServer(
  mounts: { prefix: string; dir: string; isolated: boolean }[],
): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const mount = mounts.find((m) => path.startsWith(m.prefix));
    if (!mount) {
      res.writeHead(404).end();
      return;
    }
    let relative = path.slice(mount.prefix.length);
    if (relative === '' || relative.endsWith('/')) relative += 'index.html';
    const file = normalize(join(mount.dir, relative));
    if (!file.startsWith(normalize(mount.dir) + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
        ...(mount.isolated ? ISOLATION : {}),
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the bench server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
