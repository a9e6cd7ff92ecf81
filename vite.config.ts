import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';

/**
 * iconv-lite bundles its CJK tables (about 140 kB gzip). Exports only need single-byte
 * code pages and UTF-16, so the double-byte codec is replaced with an empty module.
 */
function trimIconvLite(): Plugin {
  const empty = '\0iconv-lite-empty';
  return {
    name: 'trim-iconv-lite',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer?.includes('iconv-lite') && /\.\/(dbcs-codec|dbcs-data)(\.js)?$/.test(source)) return empty;
      return null;
    },
    load(id) {
      return id === empty ? 'export default {};' : null;
    },
  };
}

/**
 * The Content-Security-Policy (issue 16). The app needs nothing from another origin: scripts,
 * workers, styles, fonts, images and its manifest are its own files, and it talks to no server.
 * - No `unsafe-eval`: liquidjs, Svelte, Dexie and Comlink run without eval or `new Function`
 *   (test/e2e/same-origin.spec.ts fails on any CSP violation while using every page).
 * - No inline scripts: the service worker is registered by `registerSW.js` (vite-plugin-pwa's
 *   `injectRegister: 'script'`), a file.
 * - `style-src 'self'` without `'unsafe-inline'`: the components use no `style="…"` attributes or
 *   `style:` directives, and Svelte's CSS is built into a file (not injected). Should one be
 *   needed, `'unsafe-inline'` for style only is the usual trade-off (style cannot run code); the
 *   browser test fails on the violation first.
 * - `img-src data: blob:`: Svelte and the CSS use data: images; blob: is the download of an export.
 * - `frame-ancestors` (no framing, against click-jacking) only works as a header; a `<meta>` policy
 *   ignores it. The header policy adds it: the preview server sends it, and `_headers` (Netlify,
 *   Cloudflare Pages style) carries it for a static host. The service worker's precache stores
 *   each file as the server sent it, headers included, so its responses carry the header policy
 *   where the host sends one, and the meta policy always.
 */
const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
];
export const CONTENT_SECURITY_POLICY_META = CSP_DIRECTIVES.join('; ');
export const CONTENT_SECURITY_POLICY_HEADER = [...CSP_DIRECTIVES, "frame-ancestors 'none'"].join('; ');
const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

/** Puts the policy first in the built index.html's head and writes `_headers` for static hosts. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    // The dev server's hot reload needs what the policy forbids; the policy is for what ships.
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META },
        injectTo: 'head-prepend',
      },
    ],
    generateBundle() {
      const lines = Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`);
      this.emitFile({ type: 'asset', fileName: '_headers', source: `/*\n${lines.join('\n')}\n` });
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [
    trimIconvLite(),
    contentSecurityPolicy(),
    svelte(),
    VitePWA({
      // A new version waits until the user chooses Reload to update (src/ui/state/pwa.svelte.ts), so an
      // open form is never reloaded away; the generated worker skips waiting on that message.
      registerType: 'prompt',
      // A file, not an inline script: the policy allows no inline scripts.
      injectRegister: 'script',
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'Exportdesk',
        short_name: 'Exportdesk',
        description: 'Invoices, time records and claims to accounting, factoring and payroll import files. Offline.',
        theme_color: '#1d4e89',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: './',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        clientsClaim: true,
        navigateFallback: 'index.html',
      },
    }),
  ],
  resolve: {
    alias: {
      buffer: fileURLToPath(new URL('./node_modules/buffer/index.js', import.meta.url)),
    },
  },
  worker: {
    format: 'es',
    plugins: () => [trimIconvLite()],
  },
  // The preview server (and so the browser tests) sends the header policy, frame-ancestors included.
  preview: { headers: SECURITY_HEADERS },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  test: {
    setupFiles: ['test/setup.ts'],
    testTimeout: 30000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**', 'test/**/*.svelte.test.ts'],
          environment: 'node',
        },
      },
      {
        // Rune classes: compiled for Svelte's client runtime so effects and derived values run.
        extends: true,
        // Without it Node resolves `svelte` to its server build, where effects never run.
        resolve: { conditions: ['browser'] },
        test: {
          name: 'ui-state',
          include: ['test/**/*.svelte.test.ts'],
          environment: './test/ui/svelte-client-environment.ts',
        },
      },
    ],
  },
});
