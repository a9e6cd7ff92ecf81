// Playwright cannot download its own browser here; say how to get one instead of failing obscurely.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const debian = '/usr/bin/chromium';
let bundled;
try {
  bundled = chromium.executablePath();
} catch {
  bundled = '';
}
if (!existsSync(debian) && !(bundled && existsSync(bundled))) {
  console.error(
    [
      'No Chromium found for the browser tests.',
      'Install one of:',
      '  Debian/Ubuntu: sudo apt-get install chromium   (used from /usr/bin/chromium)',
      '  elsewhere:     npx playwright install chromium',
    ].join('\n'),
  );
  process.exit(1);
}
