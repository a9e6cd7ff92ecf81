import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { english, type PluralMessage } from '../../src/ui/messages.ts';
import { DEMO_NOW } from '../helpers/demo-export.ts';
import { definitionTexts } from '../helpers/definition-sources.ts';
import type { DefinitionCatalogue } from '../../src/ui/i18n/definition-text.ts';
import { nbDefinitions } from '../../src/ui/i18n/definitions/nb.ts';
import { svDefinitions } from '../../src/ui/i18n/definitions/sv.ts';
import { analysisOf, readForAnalysis } from '../../src/core/import/preview.ts';

const IMPORT_FIXTURE = fileURLToPath(new URL('../fixtures/e2e/timer-windows-1252.csv', import.meta.url));

/**
 * The English reasons core gives beside its coded guesses for the import fixture (encoding,
 * delimiter and header, numbers, dates): the CLI prints them, the wizard must word them itself.
 */
function importGuessReasons(): string[] {
  const bytes = new Uint8Array(readFileSync(IMPORT_FIXTURE));
  const read = readForAnalysis(bytes, { kind: 'timeRecords' });
  if (!read.ok) throw new Error(read.reason);
  const overrides = { kind: 'timeRecords' } as const;
  const analysis = analysisOf(read.value, { fileName: 'f.csv', size: bytes.length, overrides, companyCurrency: 'NOK' });
  if (!analysis.ok || !analysis.valueGuess) throw new Error('the import fixture did not analyse');
  return [
    analysis.encodingGuess.reason,
    analysis.dialectGuess.reason,
    analysis.valueGuess.number.reason,
    analysis.valueGuess.dateReason,
  ];
}

/**
 * Issue 18, "Must show": switched to Norwegian, then Swedish, every page and main dialog shows no
 * English left. The text on screen (and the labels a screen reader reads) is compared with the
 * English catalogue: every run of three or more words between its placeholders, and a list of
 * single English words the screens use. Names (of systems, formats, the demo's firms) and data
 * values are allowed.
 */

test.use({ timezoneId: 'UTC' });

/**
 * English runs of three or more words from the catalogue (the parts between placeholders), from
 * the texts of core's definitions (formats' settings, template fields) that the locale words
 * otherwise (a text its catalogue keeps as it is, a name or a notation, is no sign of English),
 * and from core's English reasons for the import fixture's guesses.
 */
function englishPhrases(definitions: DefinitionCatalogue): string[] {
  const texts = [
    ...Object.values(english).flatMap((m) =>
      typeof m === 'string' ? [m] : Object.values(m as PluralMessage).filter((f) => f !== undefined),
    ),
    ...definitionTexts().filter((text) => definitions[text] !== text),
    // Cut at punctuation: the screen keeps the reason's quotes and brackets, a phrase has none.
    ...importGuessReasons().flatMap((reason) => reason.split(/[.:;!?()"…,]+/)),
  ];
  const phrases = new Set<string>();
  for (const text of texts)
    for (const part of String(text).split(/\{\w+\}|\[|\]/)) {
      const words = part
        .replace(/[.:;!?()"…,]+/g, ' ')
        .trim()
        .split(/\s+/)
        .filter((w) => w !== '');
      if (words.length >= 3) phrases.add(words.join(' '));
    }
  return [...phrases];
}

/** Single words that are English only (not also Norwegian or Swedish, nor a name). */
const ENGLISH_WORDS = [
  'Invoices',
  'Invoice',
  'Customers',
  'Customer',
  'Projects',
  'Users',
  'Claims',
  'Settings',
  'Notifications',
  'Download',
  'Cancel',
  'Close',
  'Save',
  'Delete',
  'Edit',
  'Search',
  'Previous',
  'Next',
  'Warning',
  'Error',
  'Loading',
  'Amount',
  'Hours',
  'Date',
  'Name',
  'Number',
  'Currency',
  'Approved',
  'Draft',
  'Finalized',
  'Rejected',
  'Submitted',
  'Paid',
  'Exported',
  'Transferred',
  'Accounting',
  'Payroll',
  'Purpose',
  'Template',
  'Templates',
  'Preview',
  'Check',
  'Undo',
  'Revert',
  'Storage',
  'Backup',
  'Language',
];

/** Names that are the same in every language: systems and formats, the app, a language named in itself. */
const ALLOWED = [/Xero/, /SIE/, /PAXml/, /Visma/, /Exportdesk/, /English/];

async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const labels = [...document.querySelectorAll('[aria-label], [placeholder], [title]')]
      .filter((e) => (e as HTMLElement).offsetParent !== null || e === document.body)
      .flatMap((e) => ['aria-label', 'placeholder', 'title'].map((a) => e.getAttribute(a) ?? ''));
    const options = [...document.querySelectorAll('select')]
      .filter((s) => s.offsetParent !== null)
      .flatMap((s) => [...s.options].map((o) => o.text));
    return [document.body.innerText, ...labels, ...options].join('\n');
  });
}

async function expectNoEnglish(page: Page, where: string) {
  const locale = await page.locator('html').getAttribute('lang');
  // The page has rendered in the new language: the navigation is translated.
  await expect(page.getByRole('navigation').first()).not.toContainText('Invoices');
  const text = (await visibleText(page))
    .split('\n')
    .filter((line) => !ALLOWED.some((name) => name.test(line)))
    .join('\n');
  const phrases = englishPhrases(locale === 'sv' ? svDefinitions : nbDefinitions).filter((phrase) =>
    text.includes(phrase),
  );
  const words = ENGLISH_WORDS.filter((word) => new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, 'mu').test(text));
  expect({ where, phrases, words }).toEqual({ where, phrases: [], words: [] });
}

async function loadDemo(page: Page) {
  await page.clock.setFixedTime(new Date(`${DEMO_NOW}Z`));
  await page.goto('/');
  await page.getByTestId('load-demo-NO').click();
  await expect(page).toHaveURL(/#\/invoices/);
}

async function chooseLanguage(page: Page, locale: 'nb' | 'sv') {
  await page.goto('/#/settings');
  await page.getByTestId('language').selectOption(locale);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

const PAGES = [
  '/overview',
  '/invoices',
  '/time-records',
  '/claims',
  '/customers',
  '/projects',
  '/users',
  '/import',
  '/exported-files',
  '/settings',
  '/saft',
];

for (const [locale, invoices] of [
  ['nb', 'Fakturaer'],
  ['sv', 'Fakturor'],
] as const) {
  test(`in ${locale}, every page and main dialog is without English`, async ({ page }) => {
    await loadDemo(page);
    await chooseLanguage(page, locale);
    await expect(page.getByRole('navigation').first()).toContainText(invoices);

    for (const path of PAGES) {
      await page.goto(`/#${path}`);
      await expect(page.locator('main h1, main h2').first()).toBeVisible();
      // Tables fill from the worker; wait for the first row where a page has a table.
      if (['/invoices', '/time-records', '/claims', '/customers'].includes(path))
        await expect(page.locator('main table tbody tr').first()).toBeVisible();
      await expectNoEnglish(page, path);
    }

    // An invoice's own page, and a new draft invoice.
    await page.goto('/#/invoices');
    await page.getByTestId('invoices-table').locator('tbody tr').first().click();
    await expect(page.getByTestId('invoice-title')).toBeVisible();
    await expectNoEnglish(page, 'invoice page');
    await page.goto('/#/invoices');
    await page.getByTestId('new-invoice').click();
    await expect(page.getByTestId('draft-header')).toBeVisible();
    await expectNoEnglish(page, 'draft invoice');

    // A new time record's form.
    await page.goto('/#/time-records?new=timeRecord');
    await expect(page.getByTestId('time-record-form')).toBeVisible();
    await expectNoEnglish(page, 'time record form');

    // The range dialog on Invoices.
    await page.goto('/#/invoices');
    await page.getByTestId('open-range-dialog').click();
    await expect(page.getByTestId('range-dialog')).toBeVisible();
    await expectNoEnglish(page, 'range dialog');
    await page.keyboard.press('Escape');

    // The period export dialog on Time records, checked.
    await page.goto('/#/time-records');
    await page.getByTestId('open-period-export').click();
    const period = page.getByTestId('period-export-dialog');
    await period.getByTestId('period-check').click();
    await expect(period.getByText(/\d/).first()).toBeVisible();
    await expectNoEnglish(page, 'period export dialog');
    await page.keyboard.press('Escape');

    // The import wizard's column mapping, with a file read.
    await page.goto('/#/import');
    await page.getByTestId('import-kind').selectOption('timeRecords');
    await page.getByTestId('import-file').setInputFiles(IMPORT_FIXTURE);
    await expect(page.getByTestId('map-employeeNumber')).toBeVisible();
    // The file settings' guesses are on screen (their words are checked with the rest).
    for (const guess of ['detected-encoding', 'detected-dialect', 'detected-numbers', 'detected-dates'])
      await expect(page.getByTestId(guess)).toBeVisible();
    await expectNoEnglish(page, 'import mapping');

    // The bell menu and the export run with its pre-flight check.
    await page.goto('/#/invoices');
    await page.getByTestId('notifications-button').click();
    await expectNoEnglish(page, 'notifications menu');
    await page.getByTestId('menu-export-to-accounting').click();
    await expect(page.getByTestId('export-config')).toBeVisible();
    await expect(page.locator('main dl, main [data-testid="issue-list"]').first()).toBeVisible();
    await expectNoEnglish(page, 'export run');

    // A register form and a new export's settings.
    await page.goto('/#/customers');
    await page.locator('main table tbody tr').first().click();
    await expect(page.getByTestId('register-form')).toBeVisible();
    await expectNoEnglish(page, 'customer form');
    await page.goto('/#/settings');
    await page.getByTestId('new-config').click();
    await expectNoEnglish(page, 'new export');
    // A system whose settings hold a mapping table and choices.
    await page.getByTestId('config-format').selectOption('xero');
    await expect(page.getByTestId('setting-taxTypes')).toBeVisible();
    await expectNoEnglish(page, 'new Xero export');

    // A new template in the editor.
    await page.getByTestId('new-template').click();
    await page.getByTestId('new-template-create').click();
    await expect(page.getByTestId('template-editor')).toBeVisible();
    await expectNoEnglish(page, 'template editor');
  });
}

test('the language follows the browser, and the choice in Settings switches it without a reload', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'UTC' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByTestId('load-demo-NO')).toHaveText('Läs in demoföretag');
  await page.getByTestId('load-demo-NO').click();
  await expect(page).toHaveURL(/#\/invoices/);
  // Swedish dates and amounts on screen.
  const firstRow = page.getByTestId('invoices-table').locator('tbody tr').first();
  await expect(firstRow).toContainText(/\d{4}-\d{2}-\d{2}/);
  await expect(firstRow).toContainText(/\d,\d{2}\s(kr|Nkr|€)/);

  await page.goto('/#/settings');
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  await page.getByTestId('language').selectOption('nb');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Innstillinger');
  await page.goto('/#/invoices');
  await expect(firstRow).toContainText(/\d{2}\.\d{2}\.\d{4}/);
  // No reload happened: the page's own state survived the switch.
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  // The choice is kept for the next visit.
  await page.reload();
  await expect(page.getByRole('navigation').first()).toContainText('Fakturaer');
  await context.close();
});
