/**
 * `npm run screenshots`: the README's tour pictures (docs/screenshots/), not a test. Same browser and
 * server as the Playwright tests (../../playwright.config.ts), light theme, 1280 × 800.
 */
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import base from '../../playwright.config.ts';

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'take-screenshots.ts',
  timeout: 180_000,
  // The preview server runs from the repository's root, where dist/ is.
  webServer: {
    ...(base.webServer as NonNullable<PlaywrightTestConfig['webServer']> & { command: string }),
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
  },
  use: { ...base.use, colorScheme: 'light', viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' },
});
