/**
 * The data every benchmark runs on: the Swedish demo company (SIE 4 needs CP437, which holds
 * å ä ö), its finalized invoices cloned until there are exactly N invoice lines, and N demo
 * time records. The clock is fixed so that every run writes the same bytes.
 */
import type { Claim, Invoice } from '../../src/core/domain/types.ts';
import type { ExportConfig } from '../../src/core/export/types.ts';
import { FORMATS } from '../../src/core/formats/registry.ts';
import type { FormatDataType, FormatSettings } from '../../src/core/formats/types.ts';
import type { TextTemplate, LayoutTemplate } from '../../src/core/templates/types.ts';
import { layoutTemplateFromBuiltIn } from '../../src/core/templates/built-in.ts';

export const BENCH_TODAY = '2026-11-26';
export const BENCH_NOW = '2026-11-26T09:30:00';
export const BENCH_LOCALE = 'sv-SE';
export const BENCH_COUNTRY = 'SE' as const;
/** The demo's time records span the 12 months up to BENCH_TODAY. */
export const WHOLE_PERIOD = { from: '2025-11-01', to: BENCH_TODAY } as const;
/** A month in the middle of the window, for the scale figures. */
export const ONE_MONTH = { from: '2026-05-01', to: '2026-05-31' } as const;

/** Invoice numbers stay within GBAT10's 8 digits. */
const FIRST_BENCH_INVOICE_NUMBER = 20_000_000;

/**
 * Clones the finalized company-currency invoices (credit notes left out: a clone could not
 * point at the invoice it credits) with fresh ids and numbers, all waiting for export, until
 * exactly `lineCount` lines exist (the last clone is cut short).
 */
export function scaledInvoices(source: readonly Invoice[], currency: string, lineCount: number): Invoice[] {
  const templates = source.filter(
    (i) => i.status === 'finalized' && i.type === 'invoice' && i.currency === currency && i.lines.length > 0,
  );
  if (templates.length === 0) throw new Error('The demo company has no invoice to clone.');
  const out: Invoice[] = [];
  let lines = 0;
  for (let n = 0; lines < lineCount; n++) {
    const template = templates[n % templates.length]!;
    const take = Math.min(template.lines.length, lineCount - lines);
    out.push({
      ...template,
      id: `bench-${n}`,
      number: String(FIRST_BENCH_INVOICE_NUMBER + n),
      exportStatus: 'to-transfer',
      // Waiting for EHF too (the run on the Norwegian company); a demo invoice stored without it counts as sent.
      ehfStatus: 'to-transfer',
      creditedInvoiceNumber: '',
      lines: template.lines.slice(0, take),
    });
    lines += take;
  }
  return out;
}

/**
 * Clones the company-currency items of the demo claims (payroll pays that currency only) into
 * `count` claims of one item each, approved, on the dates of the claims they copy (all within
 * the demo's 12 months).
 */
export function scaledClaims(source: readonly Claim[], currency: string, count: number): Claim[] {
  const items = source.flatMap((c) =>
    c.items.filter((item) => item.currency === currency).map((item) => ({ claim: c, item })),
  );
  if (items.length === 0) throw new Error('The demo company has no claim item to clone.');
  const out: Claim[] = [];
  for (let n = 0; n < count; n++) {
    const { claim, item } = items[n % items.length]!;
    out.push({ ...claim, claimNumber: `BENCH-${n}`, status: 'approved', items: [{ ...item }] });
  }
  return out;
}

export const TIME_TEMPLATE_ID = 'bench-time-lines';
export const TIME_LAYOUT_ID = 'bench-time-layout';

/** A Liquid text template: one line per time record (what the template figures render). */
export const TIME_TEXT_TEMPLATE: TextTemplate = {
  kind: 'text',
  name: 'Bench time lines',
  dataType: 'timeRecords',
  fileNamePattern: 'time_{FROM}-{TO}',
  fileExtension: 'txt',
  decimalSeparator: '.',
  lineBreak: 'unix',
  quoting: 'none',
  quoteEmptyFields: false,
  encoding: 'utf-8',
  dataOptions: { includeExternalUsers: true },
  content:
    '{% for r in timeRecords %}{{ r.date }};{{ r.employeeNumber }};{{ r.projectNumber }};{{ r.hours }};{{ r.wageCode }}\n{% endfor %}',
  postProcess: 'none',
};

/**
 * The same columns as a layout template. The 1M-record export uses it because text templates
 * stop at DEFAULT_LIMITS.renderMs (10 s), which a million Liquid loop turns exceed here. Few
 * columns, so that a year of 1M records stays under DEFAULT_LIMITS.outputBytes (50 MB).
 */
export const TIME_LAYOUT_TEMPLATE: LayoutTemplate = {
  kind: 'layout',
  name: 'Bench time layout',
  dataType: 'timeRecords',
  fileNamePattern: 'time_{FROM}-{TO}',
  fileExtension: 'csv',
  decimalSeparator: '.',
  lineBreak: 'unix',
  quoting: 'needed',
  quoteEmptyFields: false,
  encoding: 'utf-8',
  dataOptions: { includeExternalUsers: true },
  layout: 'delimited',
  delimiter: ';',
  headerRow: false,
  finalLineBreak: true,
  rowsFrom: '',
  columns: [
    { header: 'date', field: 'date' },
    { header: 'employee', field: 'employeeNumber' },
    { header: 'project', field: 'projectNumber' },
    { header: 'hours', field: 'hours', format: { type: 'quantity', decimals: 2 } },
    { header: 'wageCode', field: 'wageCode' },
  ],
};

export const CONFIG_IDS = {
  sie4: 'bench-sie4',
  gbat10: 'bench-gbat10',
  template: 'bench-template',
  layout: 'bench-layout',
  xero: 'bench-xero',
  xeroLayout: 'bench-xero-layout',
} as const;

/** The built-in Xero layout copied into a layout template, as Settings → New template from a built-in does. */
export const XERO_LAYOUT_ID = 'bench-xero-layout-template';

/** Xero needs a tax rate name for every VAT code the invoices use (issue 12): the Swedish demo's sales codes. */
const XERO_SETTINGS = {
  taxTypes:
    'MP1=25% (VAT on Income); MP2=12% (VAT on Income); MP3=6% (VAT on Income); MF=Tax Exempt; EUT=Zero Rated EC Services',
};

/**
 * What each built-in format needs to run on the Swedish demo beyond its defaults (required
 * settings such as client numbers, and SIE's transliteration). A format registered later runs
 * with its defaults; if it needs more, its figure says why it could not run.
 */
const FORMAT_SETTINGS: Record<string, FormatSettings> = {
  sie4: { transliterate: true },
  xero: XERO_SETTINGS,
  'sg-finans': { clientNumber: '1234' },
  'xledger-gl02b': { ownerCode: 'EKS01' },
  'visma-di': { clientId: 'EKS01' },
  // Uni Micro does not publish its voucher record type; 99 is the golden case's stand-in.
  'uni-micro': { voucherRecordType: '99' },
};

/** The config that runs a registered format in the `formats` group (SIE 4 and GBAT10 share the groups' own, whose bare loops write the same bytes). */
export function formatConfigId(formatId: string): string {
  if (formatId === 'sie4') return CONFIG_IDS.sie4;
  if (formatId === 'gbat10') return CONFIG_IDS.gbat10;
  return `bench-format-${formatId}`;
}

/**
 * Formats that refuse the Swedish bench company by their rules: SAF-T Financial goes to the Norwegian
 * tax authority (NS 4102 grouping codes), EHF needs a Norwegian seller. They run on the Norwegian
 * demo company, seeded the same way (`seed({ country: 'NO' })`).
 */
const NORWEGIAN_COMPANY_ONLY: ReadonlySet<string> = new Set(['saft', 'ehf']);

/** Every registered format, as the `formats` group runs it (the formats that have a bare loop marked). */
export function benchFormats(): {
  id: string;
  name: string;
  dataType: FormatDataType;
  bare: 'sie4' | 'gbat10' | null;
  /** The company it runs on. */
  country: 'SE' | 'NO';
  /** Whether the run takes a period (time records, claims, and invoices by period: SAF-T). */
  byPeriod: boolean;
}[] {
  return FORMATS.map((f) => ({
    id: f.id,
    name: f.name,
    dataType: f.dataType,
    bare: f.id === 'sie4' || f.id === 'gbat10' ? f.id : null,
    country: NORWEGIAN_COMPANY_ONLY.has(f.id) ? 'NO' : BENCH_COUNTRY,
    byPeriod: (f.dataType !== 'invoices' && f.dataType !== 'customers') || f.periodExport === true,
  }));
}

export function benchExportConfigs(): ExportConfig[] {
  const base = { purpose: 'accounting' as const, invoiceDateLimit: 'none' as const, isDefault: false };
  return [
    // Transliteration on: the demo's project names hold – and ”, which CP437 lacks.
    {
      ...base,
      id: CONFIG_IDS.sie4,
      name: 'Bench SIE 4',
      target: { kind: 'format', formatId: 'sie4' },
      settings: { transliterate: true },
    },
    {
      ...base,
      id: CONFIG_IDS.gbat10,
      name: 'Bench GBAT10',
      target: { kind: 'format', formatId: 'gbat10' },
      settings: {},
    },
    {
      ...base,
      id: CONFIG_IDS.xero,
      name: 'Bench Xero',
      target: { kind: 'format', formatId: 'xero' },
      settings: XERO_SETTINGS,
    },
    {
      ...base,
      id: CONFIG_IDS.xeroLayout,
      name: 'Bench Xero layout',
      target: { kind: 'template', templateId: XERO_LAYOUT_ID },
      settings: {},
    },
    {
      ...base,
      purpose: 'payroll',
      id: CONFIG_IDS.template,
      name: 'Bench template',
      target: { kind: 'template', templateId: TIME_TEMPLATE_ID },
      settings: {},
    },
    {
      ...base,
      purpose: 'payroll',
      id: CONFIG_IDS.layout,
      name: 'Bench layout',
      target: { kind: 'template', templateId: TIME_LAYOUT_ID },
      settings: {},
    },
    ...FORMATS.filter((f) => formatConfigId(f.id) === `bench-format-${f.id}`).map((f) => ({
      ...base,
      purpose: f.purpose,
      id: formatConfigId(f.id),
      name: `Bench ${f.name}`,
      target: { kind: 'format' as const, formatId: f.id },
      settings: FORMAT_SETTINGS[f.id] ?? {},
    })),
  ];
}

/** Stored template rows as the Settings page saves them (`template` = the portable JSON). */
export function benchTemplates(): Record<string, unknown>[] {
  return [
    { id: TIME_TEMPLATE_ID, format: 'exportdesk-template', version: 1, template: TIME_TEXT_TEMPLATE },
    { id: TIME_LAYOUT_ID, format: 'exportdesk-template', version: 1, template: TIME_LAYOUT_TEMPLATE },
    {
      id: XERO_LAYOUT_ID,
      format: 'exportdesk-template',
      version: 1,
      template: layoutTemplateFromBuiltIn('xero', undefined, XERO_SETTINGS),
    },
  ];
}
