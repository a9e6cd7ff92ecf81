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

export default defineConfig({
  base: './',
  plugins: [
    trimIconvLite(),
    svelte(),
    VitePWA({
      // A new version waits until the user chooses Reload to update (src/ui/state/pwa.svelte.ts), so an
      // open form is never reloaded away; the generated worker skips waiting on that message.
      registerType: 'prompt',
      injectRegister: 'auto',
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
