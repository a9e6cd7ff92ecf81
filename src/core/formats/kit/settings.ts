/**
 * Setting definitions several formats share. Plain data apart from the kits' code, so that a
 * format's metadata module (systems/<id>/info.ts) declares its settings without loading the
 * builders and encoders (docs/decisions/0006-lazy-format-code.md).
 */
import { TEXT_ENCODINGS, type TextEncodingName } from '../../encoding/encoding-names.ts';
import { issue } from '../issues.ts';
import type { ExportIssue, SettingDefinition, SettingValue } from '../types.ts';

/** The definition of the setting `key`; a format naming a setting it does not define is its own bug. */
export function definitionOf(settings: readonly SettingDefinition[], key: string): SettingDefinition {
  const found = settings.find((s) => s.key === key);
  if (!found) throw new Error(`No setting "${key}" is defined.`); // a format's own bug, caught by its tests
  return found;
}

/** A value of the setting `key` the format cannot use; the message names the setting and its `expected` form. */
export function invalidSettingIssue(settings: readonly SettingDefinition[], key: string, value: string): ExportIssue {
  const definition = definitionOf(settings, key);
  return issue(
    'error',
    'invalid-setting',
    { setting: definition.label, value, expected: definition.expected ?? '' },
    undefined,
    key,
  );
}

/** The setting `key` is empty and the format needs it. */
export function missingSettingIssue(settings: readonly SettingDefinition[], key: string): ExportIssue {
  return issue('error', 'missing-setting', { setting: definitionOf(settings, key).label }, undefined, key);
}

/** The `encoding` setting every CSV format offers (SIE has none: PC8 is CP437 by definition). */
export function encodingSetting(defaultEncoding: TextEncodingName, help: string): SettingDefinition {
  return {
    key: 'encoding',
    kind: 'choice',
    label: 'Character encoding',
    help,
    default: defaultEncoding,
    choices: TEXT_ENCODINGS.map((e) => ({ value: e.name, label: e.label })),
  };
}

export const EXCHANGE_RATES_SETTING: SettingDefinition = {
  key: 'exchangeRates',
  kind: 'string',
  label: 'Exchange rates for foreign-currency invoices',
  help: 'Amounts in the company currency per 1 unit of a foreign currency, e.g. "EUR=11.4921; USD=10.80". Invoices in a currency without a rate are reported before export.',
  default: '',
  expected: 'EUR=11.49',
  pattern: '^\\s*([A-Za-z]{3}\\s*=\\s*\\d+(?:[.,]\\d+)?\\s*(;\\s*|$))*$',
};

/**
 * The receivable account for customers without their own. Empty (the default) takes it from the
 * chart of accounts (`chartReceivableAccount` in src/core/ledger/invoice-ledger.ts: the account
 * marked as customer receivables, else 1500 or 1510), so that the company's own chart decides and
 * not a number guessed per format.
 */
export const RECEIVABLE_ACCOUNT_SETTING: SettingDefinition = {
  key: 'receivableAccount',
  kind: 'string',
  label: 'Receivable (customer ledger) account',
  help: "Used for customers without their own ledger account. Empty: the chart's customer receivables account (1500 or 1510).",
  default: '',
  pattern: '^\\S*$',
};

export const DEPARTMENT_SOURCE_CHOICES = [
  { value: 'line', label: 'The invoice line' },
  { value: 'project', label: "The invoice's project" },
  { value: 'none', label: 'None' },
] as const;

export const PAYROLL_DEPARTMENT_SETTING: SettingDefinition = {
  key: 'departmentSource',
  kind: 'choice',
  label: 'Department',
  help: "Where the department written for a time record comes from: the co-worker's department (default), the project's, or none.",
  default: 'employee',
  choices: [
    { value: 'employee', label: "The co-worker's department" },
    { value: 'project', label: "The project's department" },
    { value: 'none', label: 'None' },
  ],
};

/** The value an older, replaced setting gives this one (`SettingDefinition.replaces`), if `raw` holds it. */
export function replacedSettingValue(
  def: SettingDefinition,
  raw: Readonly<Record<string, unknown>>,
): SettingValue | undefined {
  if (!def.replaces) return undefined;
  const old = raw[def.replaces.key];
  if (old === undefined || old === null) return undefined;
  return (def.replaces.values as Record<string, SettingValue>)[String(old)];
}
