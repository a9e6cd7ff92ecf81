/**
 * The issue vocabulary: every issue the formats, builders, ledger check and templates report
 * has a catalogue code, parameters that fill its message template (`issue.<code>` in the UI's
 * English catalogue) exactly, and no placeholder left open. The data is broken in many ways at once so that most codes occur.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CompanyData } from '../../../src/core/domain/types.ts';
import { fileNameIssue, fileNameProblem } from '../../../src/core/export/file-names.ts';
import { genericIssues } from '../../../src/core/export/pipeline.ts';
import { describeTarget } from '../../../src/core/export/targets.ts';
import { resolveSettings } from '../../../src/core/formats/registry.ts';
import type { ExportConfig } from '../../../src/core/export/types.ts';
import { buildDelimited } from '../../../src/core/formats/builders/delimited.ts';
import { formatField } from '../../../src/core/formats/builders/field-format.ts';
import { buildFixedWidth } from '../../../src/core/formats/builders/fixed-width.ts';
import { ISSUE_CODES, issue, uniqueIssues } from '../../../src/core/formats/issues.ts';
import { addCatalogue, english, setLocale } from '../../../src/ui/messages.ts';
import { nb } from '../../../src/ui/i18n/nb.ts';
import { sv } from '../../../src/ui/i18n/sv.ts';
import {
  englishIssueMessage,
  englishIssueText,
  issueText,
  FROM_ISSUE,
  issueNamesItsRecord,
  placeholdersOf,
} from '../../../src/ui/i18n/issue-text.ts';
import type { ExportIssue, FormatDefinition, FormatInfo, FormatSettings } from '../../../src/core/formats/types.ts';
import { templateAsFormat } from '../../../src/core/templates/as-format.ts';
import { templateFieldIssues } from '../../../src/core/templates/check.ts';
import { fileLimitIssue, renderTemplate, textLimitIssue } from '../../../src/core/templates/render.ts';
import {
  copyableLayoutIds,
  copyableTextTemplateIds,
  layoutTemplateFromBuiltIn,
  textTemplateFromBuiltIn,
} from '../../../src/core/templates/built-in.ts';
import type { ExportTemplate } from '../../../src/core/templates/types.ts';
import { EXCHANGE_RATES, testCompany } from '../../fixtures/test-company.ts';
import { formatOf, LOADED_FORMATS } from '../../helpers/loaded-formats.ts';
import { ehfTestCompany, GOLDEN_CONTEXT } from './golden-cases.ts';
import { factoringCompany, PAYROLL_CONTEXT, payrollCompany, SG_FINANS_SETTINGS } from './payroll/payroll-company.ts';

/** Codes that name a record field in its camelCase spelling; tests and callers rely on them. */
const FIELD_CODES = /^(missing|non-numeric)-[a-z][A-Za-z0-9]*$/;
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function brokenInvoices(): CompanyData {
  const data = testCompany();
  const [a, b, c, d] = data.invoices;
  const e = data.invoices.slice(4).find((i) => i.lines.length > 1)!;
  a!.number = '';
  b!.customerNumber = '99999';
  b!.lines[0]!.vatCode = 'X';
  b!.lines[0]!.accountNumber = '';
  c!.lines = [];
  d!.type = 'credit';
  d!.creditedInvoiceNumber = '';
  d!.dueDate = '';
  e.lines[0]!.accountNumber = '9999';
  e.lines[0]!.description = '';
  e.lines[1]!.description = 'Line\nbreak \u0001 and € and Łódź '.repeat(8);
  data.invoices.push({ ...e, id: 'dup', lines: [...e.lines] });
  data.vatCodes[0]!.accountNumber = '';
  const renamed = data.customers[0]!.number;
  data.customers[0]!.number = 'C-1';
  data.customers[0]!.ledgerAccount = '1599';
  data.customers[0]!.name = 'AS Łódź Trading with a very long name indeed that goes on and on';
  data.customers[1]!.orgNumber = '';
  data.customers[1]!.city = '';
  data.customers[1]!.addressLine1 = '';
  data.customers[1]!.addressLine2 = '';
  data.customers[1]!.postalCode = '500331';
  data.customers[1]!.countryCode = 'BR';
  for (const i of data.invoices) if (i.customerNumber === renamed) i.customerNumber = 'C-1';
  data.invoices.push({ ...c!, id: 'f-1', number: 'F-1', customerNumber: data.customers[1]!.number, lines: d!.lines });
  return data;
}

function brokenPayroll(): CompanyData {
  const data = payrollCompany();
  const [a, b, c] = data.timeRecords;
  a!.wageCode = '';
  a!.employeeNumber = '';
  b!.employeeNumber = 'A-12';
  b!.wageCode = 'OT1';
  b!.projectNumber = 'PRØ-1\u0001-LONG-PROJECT-NUMBER';
  c!.employeeNumber = '99999';
  data.expenseTypes[1]!.wageCode = '';
  data.claims[0]!.status = 'rejected';
  data.claims[0]!.items[0]!.expenseType = 'HOTEL';
  data.claims[1]!.items[0]!.currency = 'EUR';
  data.claims[1]!.status = 'submitted';
  data.claims[1]!.employeeNumber = '1234567';
  data.claims.push({ ...data.claims[1]!, claimNumber: 'R-EMPTY', items: [], employeeNumber: '777' });
  return data;
}

const BAD_SETTINGS: FormatSettings = {
  exchangeRates: 'EUR=abc',
  taxTypes: 'nonsense',
  receivableAccount: '',
  executionNumber: 0,
  deductionCode: '7',
  clientNumber: '12A',
  ownerCode: '',
  voucherType: '',
};

function formats(): readonly FormatDefinition[] {
  return LOADED_FORMATS;
}

function templateFormats(): FormatDefinition[] {
  const templates: ExportTemplate[] = [
    ...copyableLayoutIds().map((l) => layoutTemplateFromBuiltIn(l.formatId, l.name)!),
    ...copyableTextTemplateIds().map((id) => textTemplateFromBuiltIn(id)!),
  ];
  return templates.map((t) => templateAsFormat(t));
}

/** Codes this data cannot reach (broken layouts, templates, settings, the run itself), each made once. */
function explicitIssues(): ExportIssue[] {
  const issues: ExportIssue[] = [];
  const ctx = { record: { kind: 'invoice' as const, key: '1' }, field: 'F', issues };
  formatField('x', { type: 'amount' }, ctx);
  formatField('x', { type: 'date', pattern: 'yyyyMMdd' }, ctx);
  formatField('x', { type: 'integer' }, ctx);
  formatField('x', { type: 'quantity' }, ctx);
  const delimited = buildDelimited(
    {
      delimiter: ';',
      quoting: 'none',
      quoteEmpty: false,
      decimalSeparator: '.',
      lineEnding: 'CRLF',
      encoding: 'utf-8',
      headerRow: false,
      columns: [{ header: 'A', field: 'a' }],
    },
    [{ a: 'x;y' }],
  );
  const fixed = buildFixedWidth(
    { recordLength: 3, lineEnding: 'CRLF', encoding: 'utf-8', fields: [{ name: 'A', width: 2, field: 'a' }] },
    [{ a: 'x' }],
  );
  // A replacement that is the delimiter itself (a hand-made layout template).
  const badReplacement = buildDelimited(
    {
      delimiter: ';',
      quoting: 'none',
      quoteEmpty: false,
      decimalSeparator: '.',
      lineEnding: 'CRLF',
      encoding: 'utf-8',
      headerRow: false,
      replacements: { delimiter: ';' },
      columns: [{ header: 'A', field: 'a' }],
    },
    [{ a: 'x' }],
  );
  issues.push(...delimited.issues, ...fixed.issues, ...badReplacement.issues);
  const template = (content: string, dataType: ExportTemplate['dataType'] = 'invoices'): ExportTemplate => ({
    ...textTemplateFromBuiltIn('sie4')!,
    dataType,
    content,
  });
  const company = testCompany();
  issues.push(...renderTemplate(template('{{ nope | nofilter }}'), company, GOLDEN_CONTEXT).issues);
  issues.push(textLimitIssue({ outputBytes: 1000 }), fileLimitIssue(1234, { outputBytes: 1000 }));
  issues.push(
    ...renderTemplate(
      { ...layoutTemplateFromBuiltIn('xero')!, dataType: 'customers', rowsFrom: 'lines' },
      company,
      GOLDEN_CONTEXT,
    ).issues,
  );
  const config = {
    id: 'c',
    name: 'c',
    purpose: 'accounting' as const,
    target: { kind: 'format' as const, formatId: 'sie4' },
    settings: { nonsense: 1 },
    invoiceDateLimit: 'none' as const,
    isDefault: false,
  } as unknown as ExportConfig;
  issues.push(...describeTarget(config, []).issues);
  // Every way a value can miss its setting's definition (the registry's check).
  const everyKind: Pick<FormatInfo, 'name' | 'settings'> = {
    name: 'Every kind',
    settings: [
      { key: 'b', kind: 'boolean', label: 'B', default: false },
      { key: 'i', kind: 'integer', label: 'I', default: 1, min: 1, max: 9 },
      { key: 'j', kind: 'integer', label: 'J', default: 1, min: 1, max: 9 },
      { key: 'k', kind: 'integer', label: 'K', default: 1, min: 1, max: 9 },
      { key: 'c', kind: 'choice', label: 'C', default: 'a', choices: [{ value: 'a', label: 'A' }] },
      { key: 's', kind: 'string', label: 'S', default: '', maxLength: 2 },
      { key: 't', kind: 'string', label: 'T', default: '', pattern: '^a+$' },
      { key: 'u', kind: 'string', label: 'U', default: '' },
      { key: 'r', kind: 'string', label: 'R', default: '', required: true },
    ],
  };
  const refused = resolveSettings(everyKind, { b: 'maybe', i: 'x', j: 0, k: 10, c: 'z', s: 'aaa', t: 'b', u: {} });
  issues.push(...refused.errors.map((e) => e.issue));
  const factoring = factoringCompany();
  const credit = factoring.invoices[0]!;
  credit.type = 'credit';
  credit.creditedInvoiceNumber = 'ABC';
  const debtor = factoring.customers.find((c) => c.number === credit.customerNumber)!;
  debtor.name = '';
  debtor.postalCode = '';
  for (const i of factoring.invoices) if (i.customerNumber === debtor.number) i.customerNumber = '';
  debtor.number = '';
  issues.push(...formatOf('sg-finans')!.preflight(factoring, SG_FINANS_SETTINGS, PAYROLL_CONTEXT));
  issues.push(issue('error', 'no-files'), issue('error', 'invalid-hours', {}, { kind: 'timeRecord', key: 't1' }));
  // Made by the export worker when another tab committed the same invoices first (issue 16).
  issues.push(issue('error', 'already-exported', { invoice: '10001' }));
  // Accounts a ledger file posts to that the chart lacks (ledger/invoice-ledger.ts).
  const sie4 = formatOf('sie4')!;
  const noReceivable = testCompany();
  noReceivable.accounts = noReceivable.accounts.filter((a) => a.number !== '1500' && a.number !== '1510');
  for (const c of noReceivable.customers) c.ledgerAccount = '';
  issues.push(...sie4.preflight(noReceivable, { exchangeRates: EXCHANGE_RATES }, GOLDEN_CONTEXT));
  issues.push(
    ...sie4.preflight(testCompany(), { exchangeRates: EXCHANGE_RATES, receivableAccount: '1999' }, GOLDEN_CONTEXT),
  );
  const vatAccountMissing = testCompany();
  for (const v of vatAccountMissing.vatCodes) if (v.ratePercent !== 0) v.accountNumber = '2799';
  issues.push(...sie4.preflight(vatAccountMissing, { exchangeRates: EXCHANGE_RATES }, GOLDEN_CONTEXT));
  // Unknown field paths (templates/check.ts): a layout field, a Liquid column's path, a text template's path.
  issues.push(
    ...templateFieldIssues({
      ...layoutTemplateFromBuiltIn('xero')!,
      columns: [
        { header: 'Mail', field: 'customer.emial' },
        { header: 'City', liquid: '{{ customer.cty }}' },
      ],
    }),
    ...templateFieldIssues(template('{% for i in invoices %}{% if i.custmer %}x{% endif %}{% endfor %}')),
  );
  // EHF (systems/ehf): a broken PEPPOL id, and sellers it does not serve.
  const ehf = formatOf('ehf')!;
  const badPeppol = ehfTestCompany();
  badPeppol.customers[0]!.peppolId = '0192:123';
  issues.push(...ehf.preflight(badPeppol, {}, GOLDEN_CONTEXT));
  const badSeller = ehfTestCompany();
  badSeller.company.orgNumber = '923456784';
  badSeller.company.vatRegistered = false;
  issues.push(...ehf.preflight(badSeller, {}, GOLDEN_CONTEXT));
  const swedishSeller = ehfTestCompany();
  swedishSeller.company.countryCode = 'SE';
  issues.push(...ehf.preflight(swedishSeller, {}, GOLDEN_CONTEXT));
  // Test template's own refusals (templates/editor-tools.ts).
  issues.push(issue('error', 'template-invalid', { problem: '"kind" must be "layout" or "text".' }));
  issues.push(issue('error', 'no-company'));
  // Names from data (export/file-names.ts): one refused name per code.
  for (const name of ['', 'x'.repeat(151), 'a/b', '..', 'a\u0001', 'a:b', 'x.', 'CON.txt']) {
    const refused = fileNameProblem(name);
    if (refused) issues.push(fileNameIssue(refused));
  }
  // SAF-T's register checks: a company without an org number, a VAT code without a standard tax code.
  const saftData = testCompany();
  saftData.company.orgNumber = '';
  saftData.vatCodes[0]!.standardTaxCode = '';
  issues.push(...formatOf('saft')!.preflight(saftData, { exchangeRates: EXCHANGE_RATES }, GOLDEN_CONTEXT));
  return issues;
}

function allIssues(): ExportIssue[] {
  const issues: ExportIssue[] = [];
  const payrollData = [brokenPayroll(), payrollCompany()];
  const invoiceData = [brokenInvoices(), testCompany(), factoringCompany()];
  for (const format of [...formats(), ...templateFormats()]) {
    const datasets = format.dataType === 'invoices' || format.dataType === 'customers' ? invoiceData : payrollData;
    const context = format.dataType === 'invoices' ? GOLDEN_CONTEXT : PAYROLL_CONTEXT;
    for (const data of datasets)
      for (const settings of [{}, { exchangeRates: EXCHANGE_RATES }, SG_FINANS_SETTINGS, BAD_SETTINGS]) {
        issues.push(...format.generate(data, settings, context).issues);
        issues.push(...genericIssues({ ...data, invoices: [], timeRecords: [], claims: [] }, format));
      }
  }
  return [...issues, ...explicitIssues()];
}

describe('the issue catalogue', () => {
  it('has kebab-case codes (field codes keep the field name) and well-formed templates', () => {
    for (const code of ISSUE_CODES) {
      const template = english[`issue.${code}`];
      expect(KEBAB.test(code) || FIELD_CODES.test(code), code).toBe(true);
      // Optional parts are not nested, and every bracket is closed.
      expect(template.replace(/\[[^[\]]*\]/g, ''), code).not.toMatch(/[[\]]/);
      const { required, optional } = placeholdersOf(template);
      expect(required.length + optional.length > 0 || !template.includes('{'), code).toBe(true);
    }
  });

  it('fills parameters, the issue-made names, and drops optional parts without a value', () => {
    const record = { kind: 'invoice' as const, key: '1001' };
    expect(
      englishIssueMessage(issue('warning', 'truncated', { value: 'abcdef', limit: 3, cut: 'abc' }, record, 'Text')),
    ).toBe('invoice 1001, Text: "abcdef" is longer than 3 characters and was cut to "abc".');
    expect(
      englishIssueMessage(
        issue('warning', 'truncated', { value: 'abcdef', limit: 3, cut: 'abc', outputLine: 2, outputColumn: 5 }),
      ),
    ).toBe('"abcdef" is longer than 3 characters and was cut to "abc" (output line 2, column 5).');
    expect(englishIssueMessage(issue('error', 'record-length', { index: 2, length: 9, expected: 10 }))).toBe(
      'Record 2 is 9 characters long instead of 10.',
    );
    // A value that looks like a placeholder is written as it is.
    expect(englishIssueMessage(issue('error', 'empty-invoice', { invoice: '{x}' }))).toBe('Invoice {x} has no lines.');
    // Core holds codes and parameters only; the UI words them.
    expect(issue('error', 'nothing-to-export')).toEqual({ severity: 'error', code: 'nothing-to-export', params: {} });
    expect(englishIssueMessage(issue('error', 'nothing-to-export'))).toBe(
      'There is nothing to export for this selection.',
    );
  });
});

describe('uniqueIssues', () => {
  it('keeps the first of each condition, in order; parameters compare by value, whatever their order', () => {
    const record = { kind: 'invoice' as const, key: '1001' };
    const a = issue('warning', 'truncated', { value: 'abcdef', limit: 3, cut: 'abc' }, record, 'Text');
    const reordered = { ...a, params: { cut: 'abc', limit: 3, value: 'abcdef' } };
    const b = issue('warning', 'empty-invoice', { invoice: '1002' }, { kind: 'invoice', key: '1002' });
    expect(uniqueIssues([a, b, a, reordered, { ...b }])).toEqual([a, b]);
    const refused = { ...a, severity: 'error' as const };
    expect(uniqueIssues([a, refused, { ...refused }])).toEqual([a, refused]);
    expect(uniqueIssues([a, b, a])[0]).toBe(a);
  });

  it('tells apart issues without parameters (made outside src/core) by their message', () => {
    const first = { severity: 'error' as const, code: 'worker', message: 'The worker stopped.' };
    const other = { ...first, message: 'The worker could not be loaded.' };
    expect(uniqueIssues([first, other, { ...first }])).toEqual([first, other]);
  });
});

describe('every issue the formats and templates report', () => {
  const issues = allIssues();
  const codes = new Set(issues.map((i) => i.code));

  it('covers the whole catalogue', () => {
    expect(ISSUE_CODES.filter((c) => !codes.has(c))).toEqual([]);
  });

  it('uses a catalogue code, with the parameters its template names, and no open placeholder', () => {
    const problems = new Set<string>();
    for (const i of issues) {
      if (!(ISSUE_CODES as readonly string[]).includes(i.code)) {
        problems.add(`${i.code}: not in the catalogue`);
        continue;
      }
      const template = english[`issue.${i.code as (typeof ISSUE_CODES)[number]}`];
      const { required, optional } = placeholdersOf(template);
      const given = new Set(Object.keys(i.params ?? {}));
      const fromIssue = (name: string) =>
        (name === 'record' && i.record) || (name === 'field' && i.field) || (name === 'at' && (i.record || i.field));
      for (const name of required)
        if (!given.has(name) && !fromIssue(name)) problems.add(`${i.code}: no value for {${name}}`);
      for (const name of given)
        if (![...required, ...optional].includes(name) || (FROM_ISSUE as readonly string[]).includes(name))
          problems.add(`${i.code}: parameter ${name} is not in its template`);
      const message = englishIssueMessage(i);
      if (/\{\w+\}/.test(message)) problems.add(`${i.code}: open placeholder in "${message}"`);
      expect(i.message).toBeUndefined();
    }
    expect([...problems]).toEqual([]);
  });
});

describe('every issue in Norwegian and Swedish', () => {
  const issues = allIssues();
  afterEach(() => setLocale('en'));

  it.each([
    ['nb', nb],
    ['sv', sv],
  ] as const)('%s: each reads without an open placeholder or an English record word', (locale, messages) => {
    addCatalogue(locale, messages);
    setLocale(locale);
    const problems = new Set<string>();
    for (const i of issues) {
      const text = issueText(i);
      if (/\{\w+\}/.test(text)) problems.add(`${i.code}: open placeholder in "${text}"`);
      // Only the template reader's and Liquid's own texts (the `problem` parameter) stay English.
      if (text === englishIssueText(i) && text !== String(i.params?.['problem']))
        problems.add(`${i.code}: still English: "${text}"`);
    }
    expect([...problems]).toEqual([]);
  });
});

describe('src/core', () => {
  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
    });
  }

  it('makes every issue with issue(), never as an object literal', () => {
    const literals = files('src/core')
      .filter((path) => !path.endsWith(join('formats', 'issues.ts')))
      .filter((path) => /severity:\s*'(error|warning)'/.test(readFileSync(path, 'utf8')));
    expect(literals).toEqual([]);
  });
});

describe('issueText', () => {
  const record = { kind: 'account' as const, key: '2700' };
  it('names the record once: not again when the message already does', () => {
    const unencodable = issue(
      'error',
      'unencodable-character',
      { char: 'ø', codePoint: 'U+00F8', encoding: 'CP437', line: 12, column: 40 },
      record,
    );
    expect(englishIssueMessage(unencodable).startsWith('account 2700: ')).toBe(true);
    expect(issueNamesItsRecord(unencodable)).toBe(true);
    expect(englishIssueText(unencodable)).toBe(englishIssueMessage(unencodable));
    expect(englishIssueText(unencodable)).not.toContain('account 2700: account 2700');
  });
  it('puts the record (and field) first when the message does not name it', () => {
    const bare = issue('error', 'no-files', {}, { kind: 'invoice', key: '1001' }, 'lines');
    expect(issueNamesItsRecord(bare)).toBe(false);
    expect(englishIssueText(bare)).toBe('invoice 1001, lines: The format produced no file.');
    expect(englishIssueText(issue('error', 'no-files'))).toBe('The format produced no file.');
  });
});
