/**
 * SAF-T Financial 1.30 (issue 19): the files of the demo company and of the canonical test company
 * validated against Skatteetaten's `Norwegian_SAF-T_Financial_Schema_v_1.30.xsd` with xmllint-wasm,
 * their balances read back, and the pre-flight that names every account without a grouping code
 * and every VAT code without a standard tax code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { generateDemoCompany } from '../../../src/core/demo/demo-company.ts';
import type { CompanyData } from '../../../src/core/domain/types.ts';
import { saft, saftInvoices } from '../../../src/core/formats/systems/saft/saft.ts';
import type { ExportContext, FormatSettings } from '../../../src/core/formats/types.ts';
import { EXCHANGE_RATES, testCompany } from '../../fixtures/test-company.ts';
import { GOLDEN_CONTEXT, SAFT_PERIOD_CONTEXT, saftTestCompany } from './golden-cases.ts';
import { cli, tempDir } from '../../cli/cli-helpers.ts';
import { generateExport, planExport } from '../../../src/core/export/pipeline.ts';
import type { ExportConfig } from '../../../src/core/export/types.ts';

const XSD_PATH = '../shared/corpora/saft-no/SAF-T_Financial_1.3/Norwegian_SAF-T_Financial_Schema_v_1.30.xsd';
const XSD = readFileSync(XSD_PATH, 'utf8');

const SETTINGS: FormatSettings = { exchangeRates: EXCHANGE_RATES };
/** The demo's foreign invoices are in EUR and SEK. */
const DEMO_RATES = 'EUR=11.4921; SEK=0.9812; USD=10.85; DKK=1.5402; GBP=13.71';

function xmlOf(data: CompanyData, context: ExportContext = SAFT_PERIOD_CONTEXT, settings = SETTINGS) {
  const result = saft.generate(data, settings, context);
  expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return new TextDecoder('utf-8', { fatal: true }).decode(result.files[0]!.bytes);
}

async function schemaErrors(xml: string) {
  const result = await validateXML({
    xml: [{ fileName: 'saft.xml', contents: xml }],
    schema: [{ fileName: 'Norwegian_SAF-T_Financial_Schema_v_1.30.xsd', contents: XSD }],
  });
  return result.errors.map((e) => e.rawMessage);
}

/** Every `<name>value</name>` in document order. */
function values(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]!);
}
const cents = (text: string) => Math.round(Number(text) * 100);

describe('SAF-T Financial 1.30', () => {
  it('the canonical test company is valid against the 1.30 schema', async () => {
    expect(await schemaErrors(xmlOf(saftTestCompany()))).toEqual([]);
  });

  it('the demo company, a year of invoices, is valid against the 1.30 schema', async () => {
    const data = generateDemoCompany({ seed: 1, country: 'NO', today: '2026-11-26' });
    const context = { ...GOLDEN_CONTEXT, period: { from: '2026-01-01', to: '2026-11-26' } };
    const result = saft.generate(data, { exchangeRates: DEMO_RATES }, context);
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const xml = new TextDecoder().decode(result.files[0]!.bytes);
    expect(await schemaErrors(xml)).toEqual([]);
    expect(values(xml, 'TransactionID')).toHaveLength(saftInvoices(data, context).length);
    expect(saftInvoices(data, context).length).toBeGreaterThan(10);
  });

  it('a broken file fails the schema (the validation is live)', async () => {
    const xml = xmlOf(saftTestCompany()).replace('<AccountType>GL</AccountType>', '<AccountType>XX</AccountType>');
    expect((await schemaErrors(xml)).length).toBeGreaterThan(0);
  });

  it('balances: debit = credit, every transaction sums to zero, closing balances are the movements', () => {
    const xml = xmlOf(saftTestCompany());
    expect(values(xml, 'TotalDebit')).toEqual(values(xml, 'TotalCredit'));
    for (const transaction of xml.split('<Transaction>').slice(1)) {
      const debit = [...transaction.matchAll(/<DebitAmount>\s*<Amount>([^<]*)</g)].reduce(
        (s, m) => s + cents(m[1]!),
        0,
      );
      const credit = [...transaction.matchAll(/<CreditAmount>\s*<Amount>([^<]*)</g)].reduce(
        (s, m) => s + cents(m[1]!),
        0,
      );
      expect(debit).toBe(credit);
    }
    const accounts = xml.split('<GeneralLedgerAccounts>')[1]!.split('</GeneralLedgerAccounts>')[0]!;
    const closing = [...accounts.matchAll(/<Closing(Debit|Credit)Balance>([^<]*)</g)].reduce(
      (s, m) => s + (m[1] === 'Debit' ? 1 : -1) * cents(m[2]!),
      0,
    );
    expect(closing).toBe(0);
    expect(values(xml, 'OpeningDebitBalance').every((v) => v === '0.00')).toBe(true);
  });

  it('takes the finalized invoices of the period only, and writes the selection', () => {
    const data = saftTestCompany();
    const context = { ...GOLDEN_CONTEXT, period: { from: '2026-11-01', to: '2026-11-10' } };
    const xml = xmlOf(data, context);
    const expected = data.invoices.filter((i) => i.issueDate <= '2026-11-10' && i.status === 'finalized');
    expect(values(xml, 'TransactionID')).toEqual(expected.map((i) => i.number));
    expect(values(xml, 'SelectionStartDate')).toEqual(['2026-11-01']);
    expect(values(xml, 'SelectionEndDate')).toEqual(['2026-11-10']);
  });

  it('names every account without a grouping code and every VAT code without a standard tax code', () => {
    const data = testCompany();
    data.company.contactPerson = 'Kari Nordmann';
    data.vatCodes[0]!.standardTaxCode = '';
    const issues = saft.preflight(data, SETTINGS, SAFT_PERIOD_CONTEXT);
    const grouping = issues.filter((i) => i.code === 'saft-missing-grouping-code');
    expect(grouping.map((i) => i.record)).toEqual(data.accounts.map((a) => ({ kind: 'account', key: a.number })));
    expect(grouping.filter((i) => i.severity === 'error').map((i) => i.record!.key)).toContain('3000');
    const tax = issues.filter((i) => i.code === 'saft-missing-standard-tax-code');
    expect(tax).toMatchObject([{ severity: 'error', record: { kind: 'vatCode', key: data.vatCodes[0]!.code } }]);
    expect(saft.generate(data, SETTINGS, SAFT_PERIOD_CONTEXT).files).toEqual([]);
  });

  it('needs the organisation number and a contact person', () => {
    const data = saftTestCompany();
    data.company.orgNumber = '';
    data.company.contactPerson = '';
    const codes = saft.preflight(data, SETTINGS, SAFT_PERIOD_CONTEXT).map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['saft-missing-org-number', 'saft-missing-contact-person']));
  });
});

describe('exportdesk export saft', () => {
  it('takes --from/--to, writes every finalized invoice of the period, and the file is schema-valid', async () => {
    const temp = tempDir();
    try {
      const company = temp.path('demo.json');
      expect((await cli('demo', '--out', company, '--today', '2026-11-26')).code).toBe(0);
      const args = ['export', 'saft', '--company', company, '--now', '2026-11-26T10:00:00', '--set'];
      const missing = await cli(...args, `exchangeRates=${DEMO_RATES}`, '--out', temp.path('x'));
      expect(missing.code).not.toBe(0);
      expect(missing.stderr).toContain('give --from and --to');
      const out = temp.path('out');
      const run = await cli(
        ...args,
        `exchangeRates=${DEMO_RATES}`,
        '--from',
        '2026-09-01',
        '--to',
        '2026-09-30',
        '--out',
        out,
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const [name] = readdirSync(out);
      const xml = readFileSync(`${out}/${name}`, 'utf8');
      expect(await schemaErrors(xml)).toEqual([]);
      const file = JSON.parse(readFileSync(company, 'utf8')) as CompanyData;
      const september = file.invoices.filter(
        (i) => i.status === 'finalized' && i.issueDate >= '2026-09-01' && i.issueDate <= '2026-09-30',
      );
      // Already transferred invoices too: SAF-T reports on the period, not on what waits for export.
      expect(september.some((i) => i.exportStatus !== 'to-transfer')).toBe(true);
      expect(values(xml, 'TransactionID').sort()).toEqual(september.map((i) => i.number).sort());
    } finally {
      temp.remove();
    }
  });
});

describe('the pipeline runs SAF-T as a period export of invoices', () => {
  it('takes every finalized invoice of the period whatever its status, and marks none', async () => {
    const data = saftTestCompany();
    data.invoices[0]!.exportStatus = 'transferred';
    data.invoices[1]!.status = 'draft';
    const config: ExportConfig = {
      id: 's',
      name: 'SAF-T',
      purpose: 'other',
      target: { kind: 'format', formatId: 'saft' },
      settings: SETTINGS,
      invoiceDateLimit: 'none',
      isDefault: false,
    };
    const selection = {
      kind: 'period' as const,
      from: '2026-11-01',
      to: '2026-11-30',
      includeExternal: false,
      onlyApproved: false,
    };
    const plan = planExport(data, saft, config, SETTINGS, selection, SAFT_PERIOD_CONTEXT);
    expect(plan.data.invoices.map((i) => i.number)).toEqual(
      data.invoices.filter((i) => i.status === 'finalized').map((i) => i.number),
    );
    let n = 0;
    const result = await generateExport(plan, saft, config, SETTINGS, SAFT_PERIOD_CONTEXT, () => `id-${++n}`);
    expect(result.batch.invoiceIds).toEqual([]);
    expect(result.batch.statusPurpose).toBeUndefined();
    expect(result.files).toHaveLength(1);
  });
});
