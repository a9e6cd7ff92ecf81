/**
 * Builds the benchmark harness (bench/harness) into node_modules/.cache/exportdesk-bench (outside
 * what `eslint .` and `prettier --check .` look at, and git-ignored with node_modules) with the app's own build
 * settings: the same plugins minus the PWA one (the harness must not install a service
 * worker), the same `buffer` alias, the same worker format and the iconv-lite trim in
 * workers, so the workers measured are the ones the app ships.
 */
import { defineConfig, type PluginOption, type UserConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import appConfig from '../vite.config.ts';

const app = appConfig as UserConfig;

export const HARNESS_OUT_DIR = fileURLToPath(new URL('../node_modules/.cache/exportdesk-bench', import.meta.url));

function withoutPwa(plugins: PluginOption[] | undefined): PluginOption[] {
  return (plugins ?? []).flat(Infinity as 1).filter((p) => {
    const name = p && typeof p === 'object' && 'name' in p ? String(p.name) : '';
    return !name.startsWith('vite-plugin-pwa');
  });
}

export default defineConfig({
  root: fileURLToPath(new URL('./harness', import.meta.url)),
  base: './',
  logLevel: 'warn',
  plugins: withoutPwa(app.plugins),
  resolve: app.resolve,
  worker: app.worker,
  build: {
    outDir: HARNESS_OUT_DIR,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 5000,
  },
});
