/**
 * The golden cases of every registered format (accounting, payroll, factoring): each format on
 * its test company with a fixed clock, in one list. golden.test.ts compares their bytes with
 * test/golden/ and fails when a registered format has no case; golden-check.ts runs them in a
 * child process under other time zones; the parse-back tests read the same outputs.
 */
import { formatOf } from '../../helpers/loaded-formats.ts';
import type { ExportContext, ExportResult, FormatSettings } from '../../../src/core/formats/types.ts';
import type { CompanyData } from '../../../src/core/domain/types.ts';
import { NORWAY_ACCOUNTS } from '../../../src/core/charts/norway.ts';
import { EXCHANGE_RATES, TEST_NOW, testCompany, testCompanySieSafe } from '../../fixtures/test-company.ts';
import { templateTestCompany } from '../templates/company.ts';
import { factoringCompany, PAYROLL_CONTEXT, payrollCompany, SG_FINANS_SETTINGS } from './payroll/payroll-company.ts';

/** A Swedish company as a user keeps it: the org number typed without its hyphen, a contact person. */
function swedishCompany(): CompanyData {
  const data = templateTestCompany();
  data.company.orgNumber = '5566778899';
  data.company.contactPerson = 'Siw Eriksson';
  return data;
}

/** The invoice (accounting) formats of this suite; other formats in the registry have their own tests. */
export const INVOICE_FORMAT_IDS = [
  'sie4',
  'xero',
  'gbat10',
  'xledger-ar10',
  'xledger-gl02b',
  'visma-global',
  'dynamics-c5',
] as const;
export const INVOICE_FORMATS = () => INVOICE_FORMAT_IDS.map((id) => formatOf(id)!);

export const GOLDEN_CONTEXT: ExportContext = {
  now: TEST_NOW,
  locale: 'nb-NO',
  programName: 'Exportdesk',
  programVersion: '0.1.0',
};

export interface GoldenCase {
  formatId: string;
  /** Sub-folder under test/golden/<format-id>/ ('' for the main case). */
  variant: string;
  /** The clock and period; GOLDEN_CONTEXT when absent (payroll cases carry their period). */
  context?: ExportContext;
  data: () => CompanyData;
  settings: FormatSettings;
}

/**
 * The test company with separators, quotes and a line break inside values: a customer named
 * "Café Öken; Mat & Prat AB" at "Storgata 1, 2. etg", and a line description holding `;`, `,`
 * and `"`. Formats without quoting replace them (issue 12, item 4).
 */
export function separatorCompany(): CompanyData {
  const data = testCompany();
  const customer = data.customers.find((c) => c.number === '10001')!;
  customer.name = 'Café Öken; Mat & Prat AB';
  customer.addressLine1 = 'Storgata 1, 2. etg';
  const line = data.invoices.find((i) => i.customerNumber === '10001')!.lines[0]!;
  line.description = 'Lunsj; kaffe, "kake"';
  return data;
}

/** The test company with numeric project numbers (Visma Business keeps projects in R2, an integer unit). */
export function numericProjectCompany(): CompanyData {
  const data = testCompany();
  const renumber = (n: string) => n.replace(/^P/, '');
  for (const p of data.projects) p.number = renumber(p.number);
  for (const i of data.invoices) {
    i.projectNumber = renumber(i.projectNumber);
    for (const l of i.lines) l.projectNumber = renumber(l.projectNumber);
  }
  return data;
}

/** The test company with its first invoice dated in the year before (Uni Economy splits vouchers by financial year). */
export function twoYearCompany(): CompanyData {
  const data = testCompany();
  const first = data.invoices[0]!;
  first.issueDate = '2025-12-30';
  first.dueDate = '2026-01-13';
  return data;
}

/**
 * The canonical test company with what SAF-T needs on top: a contact person, and the grouping
 * codes of the Norwegian starter chart (src/core/charts/norway.ts) on its NS 4102 accounts.
 */
export function saftTestCompany(): CompanyData {
  const data = testCompany();
  data.company.contactPerson = 'Kari Nordmann';
  const chart = new Map(NORWAY_ACCOUNTS.map((a) => [a.number, a]));
  // The accounts the starter chart numbers differently: the same grouping as their neighbours there.
  const like: Record<string, string> = { '1501': '1500', '3010': '3030', '3020': '3050' };
  for (const account of data.accounts) {
    const source = chart.get(account.number) ?? chart.get(like[account.number] ?? '');
    account.saftGroupingCategory = source?.saftGroupingCategory;
    account.saftGroupingCode = source?.saftGroupingCode;
  }
  return data;
}

export const SAFT_PERIOD_CONTEXT: ExportContext = {
  ...GOLDEN_CONTEXT,
  period: { from: '2026-11-01', to: '2026-11-30' },
};

/**
 * The test company ready to send EHF (issue 19): a bank account, and PEPPOL ids with buyer references
 * for 10001 (Norwegian, invoices and the credit note 1005), 10005 (invoice 1007: a 15 % discount and a
 * deduction line) and 10004 (German, a GLN, EUR at 0 %); the other customers have none and are left out.
 */
export function ehfTestCompany(): CompanyData {
  const data = testCompany();
  data.company.bankAccount = '1234 56 78903';
  const set = (number: string, peppolId: string, buyerReference: string, orgNumber?: string) => {
    const customer = data.customers.find((c) => c.number === number)!;
    customer.peppolId = peppolId;
    customer.buyerReference = buyerReference;
    if (orgNumber) customer.orgNumber = orgNumber;
  };
  set('10001', '0192:923609016', 'Kari Nordmann', '923609016');
  set('10005', '0192:974760673', 'Innkjøp 7', '974760673');
  set('10004', '0088:4012345000009', 'Einkauf');
  return data;
}

/** The Xero tax rate name of each VAT code of the test company (3, 31, 33, 5). */
export const XERO_TAX_TYPES = '3=25% (VAT on Income); 31=15% (VAT on Income); 33=12% (VAT on Income); 5=No VAT';

export const GOLDEN_CASES: GoldenCase[] = [
  {
    formatId: 'sie4',
    variant: '',
    data: testCompany,
    // The older `transliterate: true` stands for `encoding: cp437-replace` (SettingDefinition.replaces).
    settings: { transliterate: true, exchangeRates: EXCHANGE_RATES },
  },
  {
    formatId: 'sie4',
    variant: 'sie-safe',
    data: testCompanySieSafe,
    settings: { exchangeRates: EXCHANGE_RATES, voucherNumber: 'invoice-number', series: 'A' },
  },
  // Swedish defaults: CP437, #ORGNR NNNNNN-NNNN, #ADRESS with the contact person, #KPTYP EUBAS97,
  // receivables on the chart's 1510.
  { formatId: 'sie4', variant: 'swedish', data: swedishCompany, settings: {} },
  {
    formatId: 'sie4',
    variant: 'utf-8',
    data: testCompany,
    settings: { encoding: 'utf-8', exchangeRates: EXCHANGE_RATES, chartType: 'EUBAS97' },
  },
  // Every VAT code the test company uses mapped to a Xero tax rate name (issue 12, item 1); invoices
  // and the credit note go to two files (item 2).
  { formatId: 'xero', variant: '', data: testCompany, settings: { taxTypes: XERO_TAX_TYPES } },
  {
    formatId: 'xero',
    variant: 'us-mapped',
    data: testCompany,
    settings: {
      dateOrder: 'US',
      taxTypes: '3=25% (VAT on Income); 31=15% (VAT on Income); 33=12% (VAT on Income); 5=Zero Rated',
      projectTrackingName: 'Project',
    },
  },
  { formatId: 'gbat10', variant: '', data: testCompany, settings: { exchangeRates: EXCHANGE_RATES } },
  {
    formatId: 'gbat10',
    variant: 'gross',
    data: testCompany,
    settings: { exchangeRates: EXCHANGE_RATES, vatMethod: 'gross', departmentSource: 'project', includeProject: false },
  },
  {
    formatId: 'gbat10',
    variant: 'separators',
    data: separatorCompany,
    settings: { exchangeRates: EXCHANGE_RATES },
  },
  {
    formatId: 'gbat10',
    variant: 'payment-terms',
    data: testCompany,
    settings: { exchangeRates: EXCHANGE_RATES, paymentTermsCodes: '14=2; 30=3' },
  },
  { formatId: 'xledger-ar10', variant: '', data: testCompany, settings: { exchangeRates: EXCHANGE_RATES } },
  {
    formatId: 'xledger-ar10',
    variant: 'gross',
    data: testCompany,
    settings: { exchangeRates: EXCHANGE_RATES, vatMethod: 'gross', paymentTermsCodes: '14=2' },
  },
  {
    formatId: 'xledger-gl02b',
    variant: '',
    data: testCompany,
    settings: { exchangeRates: EXCHANGE_RATES, ownerCode: 'EKS01' },
  },
  { formatId: 'visma-global', variant: '', data: testCompany, settings: { exchangeRates: EXCHANGE_RATES } },
  {
    formatId: 'visma-global',
    variant: 'vat-rows',
    data: testCompany,
    settings: { exchangeRates: EXCHANGE_RATES, vatMethod: 'vat-rows' },
  },
  {
    formatId: 'visma-global',
    variant: 'separators',
    data: separatorCompany,
    settings: { exchangeRates: EXCHANGE_RATES },
  },
  { formatId: 'dynamics-c5', variant: '', data: testCompany, settings: { exchangeRates: EXCHANGE_RATES } },
  {
    formatId: 'dynamics-c5',
    variant: 'separators',
    data: separatorCompany,
    settings: { exchangeRates: EXCHANGE_RATES },
  },
  // Payroll and factoring (their records from payroll/payroll-company.ts).
  { formatId: 'visma-lonn', variant: '', context: PAYROLL_CONTEXT, data: payrollCompany, settings: {} },
  {
    formatId: 'visma-lonn',
    variant: 'per-employee',
    context: PAYROLL_CONTEXT,
    data: payrollCompany,
    settings: { groupByProject: false, departmentSource: 'project', executionNumber: 7, deductionCode: '2' },
  },
  { formatId: 'huldt-lillevik-hours', variant: '', context: PAYROLL_CONTEXT, data: payrollCompany, settings: {} },
  { formatId: 'huldt-lillevik-expenses', variant: '', context: PAYROLL_CONTEXT, data: payrollCompany, settings: {} },
  { formatId: 'hogia', variant: '', context: PAYROLL_CONTEXT, data: payrollCompany, settings: {} },
  {
    formatId: 'hogia',
    variant: 'period',
    context: PAYROLL_CONTEXT,
    data: payrollCompany,
    settings: { grouping: 'period', costCentre: 'employee-department', createdBy: 'Kari Ås' },
  },
  // Pay rates as price (the record's, else the co-worker's default; none for 1002 and 17's overtime).
  {
    formatId: 'hogia',
    variant: 'pay-rate',
    context: PAYROLL_CONTEXT,
    data: payrollCompany,
    settings: { writePayRate: true },
  },
  {
    formatId: 'sg-finans',
    variant: '',
    context: PAYROLL_CONTEXT,
    data: factoringCompany,
    settings: SG_FINANS_SETTINGS,
  },
  // Issue 17: Visma Scenario, Visma Business, Visma DI Systems, Visma.net.
  { formatId: 'visma-scenario', variant: '', data: testCompany, settings: { exchangeRates: EXCHANGE_RATES } },
  {
    formatId: 'visma-scenario',
    variant: 'separators',
    data: separatorCompany,
    settings: { exchangeRates: EXCHANGE_RATES, batchNumber: 42 },
  },
  {
    formatId: 'visma-business',
    variant: '',
    data: numericProjectCompany,
    settings: { exchangeRates: EXCHANGE_RATES, clientId: 7 },
  },
  // Projects in a text unit (R7), the company's own VAT codes, every customer, blank lines after headings.
  {
    formatId: 'visma-business',
    variant: 'own-codes',
    data: separatorCompany,
    settings: {
      exchangeRates: EXCHANGE_RATES,
      projectField: 'R7',
      vatCodes: 'own',
      includeAllCustomers: true,
      blankLineAfterHeader: true,
    },
  },
  {
    formatId: 'visma-di',
    variant: '',
    data: testCompany,
    settings: { exchangeRates: EXCHANGE_RATES, clientId: 'EKS01' },
  },
  { formatId: 'visma-net', variant: '', data: testCompany, settings: {} },
  { formatId: 'visma-net', variant: 'separators', data: separatorCompany, settings: {} },
  // issue 17: DK, eFina, InfoEasy, Duett GBAT10, PAXml.
  { formatId: 'dk', variant: '', data: testCompany, settings: {} },
  { formatId: 'dk', variant: 'separators', data: separatorCompany, settings: {} },
  { formatId: 'efina', variant: '', data: testCompany, settings: {} },
  { formatId: 'infoeasy', variant: '', data: testCompany, settings: { exchangeRates: EXCHANGE_RATES } },
  { formatId: 'duett-gbat10', variant: '', data: testCompany, settings: { exchangeRates: EXCHANGE_RATES } },
  // RECTYPE 99 is test input only: Uni Micro does not publish its voucher record type.
  {
    formatId: 'uni-micro',
    variant: '',
    data: testCompany,
    settings: { exchangeRates: EXCHANGE_RATES, voucherRecordType: '99' },
  },
  { formatId: 'paxml-expenses', variant: '', context: PAYROLL_CONTEXT, data: payrollCompany, settings: {} },
  {
    formatId: 'paxml-expenses',
    variant: 'pay-types',
    context: PAYROLL_CONTEXT,
    data: payrollCompany,
    settings: { payTypes: 'MEAL=7150', departmentDimension: true },
  },
  // Issue 19: SAF-T Financial 1.30 for November 2026.
  {
    formatId: 'saft',
    variant: '',
    context: SAFT_PERIOD_CONTEXT,
    data: saftTestCompany,
    settings: { exchangeRates: EXCHANGE_RATES },
  },
  // Uni Economy: one vouchers workbook per financial year, so one invoice is moved into the year before.
  { formatId: 'uni-economy', variant: '', data: testCompany, settings: { exchangeRates: EXCHANGE_RATES } },
  {
    formatId: 'uni-economy',
    variant: 'two-years',
    data: twoYearCompany,
    settings: { exchangeRates: EXCHANGE_RATES, vatCodes: '5=6' },
  },
  { formatId: 'paxml', variant: '', context: PAYROLL_CONTEXT, data: payrollCompany, settings: {} },
  {
    formatId: 'paxml',
    variant: 'time-codes',
    context: PAYROLL_CONTEXT,
    data: payrollCompany,
    settings: { timeCodes: '120=ÖT1', writePayRate: true, departmentDimension: true },
  },
  // Issue 19: EHF / PEPPOL BIS Billing 3.0, one XML per invoice of a customer with a PEPPOL id.
  { formatId: 'ehf', variant: '', data: ehfTestCompany, settings: { zeroRateCategories: '' } },
];

export function goldenPath(c: GoldenCase, fileName: string): string {
  return ['test/golden', c.formatId, c.variant, fileName].filter(Boolean).join('/');
}

export function runGoldenCase(c: GoldenCase): ExportResult {
  const format = formatOf(c.formatId);
  if (!format) throw new Error(`no format ${c.formatId}`);
  return format.generate(c.data(), c.settings, c.context ?? GOLDEN_CONTEXT);
}

/** `xero (us-mapped)`: the case as the tests name it. */
export function goldenLabel(c: GoldenCase): string {
  return `${c.formatId}${c.variant ? ` (${c.variant})` : ''}`;
}
