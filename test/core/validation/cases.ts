/**
 * One table of values, run through the rule set (rule-set.test.ts), the CSV importer and the
 * form model's entry point `validateRegisterRecord` (same-rules.test.ts), so every path
 * refuses the same bad values and warns about the same odd ones.
 */
import type { ImportKind } from '../../../src/core/import/index.ts';

export type Expect = 'ok' | readonly ['error' | 'warning', string];

export interface RuleCase {
  name: string;
  kind: ImportKind;
  /** CSV cells in the canonical format, by canonical field name; they replace the base row's. */
  values: Readonly<Record<string, string>>;
  /** The field the problem is about (import field name). */
  field: string;
  expect: Expect;
}

/** A row of each kind that passes every rule, against `referenceData()` (company in Norway). */
export const BASE_ROWS: Readonly<Partial<Record<ImportKind, Readonly<Record<string, string>>>>> = {
  customers: { number: '9001', name: 'Test AS' },
  users: { employeeNumber: '9001', name: 'Test Testesen' },
  vatCodes: { code: '9', ratePercent: '25', standardTaxCode: '3' },
  accounts: { number: '3001', name: 'Salg', kind: 'revenue' },
  timeRecords: { date: '2024-03-04', employeeNumber: '1001', hours: '7.5' },
  invoices: {
    number: '5001',
    customerNumber: '1001',
    issueDate: '2024-03-01',
    dueDate: '2024-03-15',
    'line.quantity': '1',
    'line.unitPrice': '100.00',
  },
  claims: {
    claimNumber: 'R-1',
    employeeNumber: '1001',
    date: '2024-03-05',
    'item.expenseType': 'TAXI',
    'item.amount': '100.00',
  },
};

const c = (
  kind: ImportKind,
  field: string,
  value: string,
  expect: Expect,
  name = `${field} ${JSON.stringify(value)}`,
  more: Record<string, string> = {},
): RuleCase => ({ name, kind, values: { [field]: value, ...more }, field, expect });

export const RULE_CASES: readonly RuleCase[] = [
  // Organisation numbers (issue 13: `12345` is accepted today).
  c('customers', 'orgNumber', '12345', ['error', 'org-number-format']),
  c('customers', 'orgNumber', '123456789', ['error', 'org-number-check-digit']),
  c('customers', 'orgNumber', '919399619', 'ok'),
  c('customers', 'orgNumber', '919 399 619', ['warning', 'org-number-format']),
  c('customers', 'orgNumber', 'NO919399619MVA', ['warning', 'org-number-format']),
  c('customers', 'orgNumber', '5560360793', ['warning', 'org-number-other-country'], 'a Swedish number for NO'),
  c('customers', 'orgNumber', 'DE136695976', ['warning', 'org-number-foreign']),
  c('customers', 'orgNumber', '556036-0793', 'ok', 'SE 556036-0793', { countryCode: 'SE' }),
  c('customers', 'orgNumber', '5560360793', ['warning', 'org-number-format'], 'SE without hyphen', {
    countryCode: 'SE',
  }),
  c('customers', 'orgNumber', '556036-0794', ['error', 'org-number-check-digit'], 'SE Luhn fails', {
    countryCode: 'SE',
  }),
  c('customers', 'orgNumber', '811218-9876', ['warning', 'org-number-personal'], 'SE sole trader', {
    countryCode: 'SE',
  }),
  c('customers', 'orgNumber', '919399619', ['warning', 'org-number-other-country'], 'a Norwegian number for SE', {
    countryCode: 'SE',
  }),
  c('customers', 'orgNumber', 'CZ12345678', 'ok', 'a Czech VAT id for CZ', { countryCode: 'CZ' }),
  // E-mail.
  c('customers', 'email', 'ikke-en-epost', ['error', 'email-format']),
  c('customers', 'email', 'post@fjordlys', ['error', 'email-format']),
  c('customers', 'email', 'faktura@fjordlys.no', 'ok'),
  c('customers', 'email', 'a@fjordlys.no; b@fjordlys.no', ['warning', 'email-several']),
  c('users', 'email', 'kari@', ['error', 'email-format']),
  c('users', 'email', 'kari.nordmann@firma.no', 'ok'),
  // Countries.
  c('customers', 'countryCode', 'NORGE', ['error', 'country-code']),
  c('customers', 'countryCode', 'no', ['error', 'country-code-case']),
  c('customers', 'countryCode', 'DK', 'ok'),
  // Postal codes per country.
  c('customers', 'postalCode', '015', ['error', 'postal-code-format']),
  c('customers', 'postalCode', '0150', 'ok'),
  c('customers', 'postalCode', '113 56', 'ok', 'SE 113 56', { countryCode: 'SE' }),
  c('customers', 'postalCode', '11356', ['warning', 'postal-code-format'], 'SE 11356', { countryCode: 'SE' }),
  c('customers', 'postalCode', '1135', ['error', 'postal-code-format'], 'SE 1135', { countryCode: 'SE' }),
  c('customers', 'postalCode', 'SW1A 1AA', 'ok', 'GB postcode', { countryCode: 'GB' }),
  // PEPPOL ids.
  c('customers', 'peppolId', '0192:919399619', 'ok'),
  c('customers', 'peppolId', '0192:123456789', ['error', 'peppol-id-org-number']),
  c('customers', 'peppolId', '919399619', ['error', 'peppol-id-format']),
  c('customers', 'peppolId', '0007:5560360793', 'ok', 'PEPPOL 0007', { countryCode: 'SE' }),
  c('customers', 'peppolId', '0007:556036-0793', ['error', 'peppol-id-org-number']),
  c('customers', 'peppolId', '9908:919399619', ['warning', 'peppol-id-scheme']),
  c('customers', 'peppolId', '0192:919399619', ['warning', 'peppol-id-other-org'], 'PEPPOL id of another firm', {
    orgNumber: '923456783',
  }),
  // Currency and payment terms.
  c('customers', 'currency', 'kroner', ['error', 'currency-code']),
  c('customers', 'paymentTermsDays', '400', ['error', 'number-range']),
  // VAT codes.
  c('vatCodes', 'ratePercent', '125', ['error', 'vat-rate-range']),
  c('vatCodes', 'standardTaxCode', '99', ['warning', 'standard-tax-code']),
  c('vatCodes', 'ratePercent', '15', ['warning', 'vat-rate-standard'], 'rate 15 with standard code 3'),
  // Hours (issue 13: 25.5 hours in one record is accepted today).
  c('timeRecords', 'hours', '25.5', ['error', 'hours-range']),
  c('timeRecords', 'hours', '-1', ['error', 'hours-range']),
  c('timeRecords', 'hours', '24', 'ok'),
  c('timeRecords', 'hours', '0', ['warning', 'hours-zero']),
  // Dates.
  c('timeRecords', 'date', '1899-12-31', ['error', 'date-range']),
  c('timeRecords', 'date', '2200-01-01', ['error', 'date-range']),
  c('timeRecords', 'date', '1900-01-01', 'ok'),
  // Invoices and claims.
  c('invoices', 'line.discountPercent', '120', ['error', 'discount-range']),
  c('invoices', 'dueDate', '2024-02-01', ['warning', 'due-before-issue']),
  c('claims', 'item.vatAmount', '150.00', ['error', 'vat-exceeds-amount']),
  c('claims', 'item.vatAmount', '20.00', 'ok'),
];
