/**
 * Starting points copied from built-in formats, as Moment's "global templates" are: the copy
 * is an ordinary template the user can change.
 *
 * - `layoutTemplateFromBuiltIn('xero')`: the built-in Xero layout (its `DelimitedLayout` table)
 *   with the values the format computes in code (`extra.*`) turned into Liquid columns; with
 *   the format's default settings it writes the same bytes.
 * - `textTemplateFromBuiltIn('sie4', settings)`: a Liquid text that writes the same bytes as the
 *   built-in SIE 4 format with those settings, reading the `ledger` vouchers and with
 *   `postProcess: 'sie-ksumma'` for the checksum. The `transliterate` setting has no template
 *   equivalent: a character CP437 lacks is reported as an error instead.
 *
 * Assumption: until the formats registry hands out copyable layouts with their computed
 * fields, the layouts are imported from the format modules here (`COPYABLE_LAYOUTS`).
 */
import type { DelimitedLayout } from '../formats/builders/delimited.ts';
import { quoteTagged } from '../formats/builders/tagged-text.ts';
import type { DepartmentSource } from '../formats/systems/invoice-ledger.ts';
import { sie4 } from '../formats/systems/sie4.ts';
import { xeroLayout } from '../formats/systems/xero.ts';
import type { FormatSettings } from '../formats/types.ts';
import { templateQuotingOf } from './layout.ts';
import type { LayoutColumn, LayoutTemplate, TemplateDataType, TextTemplate } from './types.ts';

interface CopyableLayout {
  formatName: string;
  dataType: TemplateDataType;
  rowsFrom: LayoutTemplate['rowsFrom'];
  fileNamePattern: string;
  fileExtension: string;
  layout: () => DelimitedLayout;
  /** Liquid for the fields the format computes in code, by field path. */
  computed: Record<string, string>;
}

const COPYABLE_LAYOUTS: Record<string, CopyableLayout> = {
  xero: {
    formatName: 'Xero sales invoices',
    dataType: 'invoices',
    rowsFrom: 'lines',
    fileNamePattern: 'XERO-INVOICES_{DATETIME}',
    fileExtension: 'csv',
    layout: () => xeroLayout('UK'),
    computed: {
      // Xero's default tax type (no `taxTypes` mapping): "No VAT" for 0 %, otherwise "<rate>%".
      'extra.taxType': '{% if amounts.ratePercent == 0 %}No VAT{% else %}{{ amounts.ratePercent }}%{% endif %}',
      'extra.reference':
        '{% if invoice.orderReference != "" %}{{ invoice.orderReference }}{% elsif invoice.type == "credit" and invoice.creditedInvoiceNumber != "" %}Credit for {{ invoice.creditedInvoiceNumber }}{% endif %}',
      // No project tracking category by default.
      'extra.trackingName1': '',
      'extra.trackingOption1': '',
    },
  },
};

export function copyableLayoutIds(): string[] {
  return Object.keys(COPYABLE_LAYOUTS);
}

/** A layout template copied from a built-in layout; undefined for an unknown id. */
export function layoutTemplateFromBuiltIn(formatId: string): LayoutTemplate | undefined {
  const source = COPYABLE_LAYOUTS[formatId];
  if (!source) return undefined;
  const layout = source.layout();
  const columns = layout.columns.map((c): LayoutColumn => {
    const column: LayoutColumn = { header: c.header };
    const snippet = c.field !== undefined ? source.computed[c.field] : undefined;
    if (snippet !== undefined) {
      if (snippet === '') column.value = '';
      else column.liquid = snippet;
    } else if (c.field !== undefined) column.field = c.field;
    else column.value = c.value ?? '';
    if (c.format) column.format = JSON.parse(JSON.stringify(c.format)) as NonNullable<LayoutColumn['format']>;
    return column;
  });
  return {
    kind: 'layout',
    name: `${source.formatName} (copy)`,
    dataType: source.dataType,
    fileNamePattern: source.fileNamePattern,
    fileExtension: source.fileExtension,
    decimalSeparator: layout.decimalSeparator === ',' ? ',' : '.',
    lineBreak: layout.lineEnding === 'CRLF' ? 'windows' : 'unix',
    quoting: templateQuotingOf(layout.quoting),
    quoteEmptyFields: layout.quoteEmpty,
    encoding: layout.encoding,
    dataOptions: {},
    layout: 'delimited',
    delimiter: layout.delimiter,
    headerRow: layout.headerRow,
    finalLineBreak: layout.finalLineEnding !== false,
    rowsFrom: source.rowsFrom,
    columns,
  };
}

function setting(settings: FormatSettings, key: string): string | number | boolean {
  const value = settings[key] ?? sie4.settings.find((s) => s.key === key)?.default;
  if (value === undefined) throw new Error(`sie4 has no setting ${key}`);
  return value;
}

/**
 * The SIE 4 text template. Every line that only holds tags ends in `-%}`, which (with
 * liquidjs' non-greedy trimming) removes that line's line break, so the output has exactly
 * the built-in's lines.
 */
export function sie4TemplateText(settings: FormatSettings = {}): string {
  const series = quoteTagged(String(setting(settings, 'series')));
  const voucherNumber = setting(settings, 'voucherNumber') === 'invoice-number' ? '{{ v.invoice.number | sie }}' : '""';
  const chartType = quoteTagged(String(setting(settings, 'chartType')).trim() || 'BAS2014');
  const checksum = setting(settings, 'checksum') === true;
  return [
    '#FLAGGA 0',
    ...(checksum ? ['#KSUMMA'] : []),
    '#PROGRAM {{ program.name | sie }} {{ program.version | sie }}',
    '#FORMAT PC8',
    '#GEN {{ now | format_date: "yyyyMMdd" }}',
    '#SIETYP 4',
    '#FNAMN {{ company.name | sie }}',
    '{% if company.orgNumber != "" -%}',
    '#ORGNR {{ company.orgNumber | sie }}',
    '{% endif -%}',
    '{% capture street %}{{ company.addressLine1 }}{% if company.addressLine1 != "" and company.addressLine2 != "" %}, {% endif %}{{ company.addressLine2 }}{% endcapture -%}',
    '{% capture postal %}{{ company.postalCode }}{% if company.postalCode != "" and company.city != "" %} {% endif %}{{ company.city }}{% endcapture -%}',
    '#ADRESS "" {{ street | sie }} {{ postal | sie }} {{ company.phone | sie }}',
    `#KPTYP ${chartType}`,
    '#VALUTA {{ ledger.currency | sie }}',
    '{% for a in ledger.accounts -%}',
    '#KONTO {{ a.number | sie }} {{ a.name | sie }}',
    '{% endfor -%}',
    '{% if ledger.departments.size > 0 -%}',
    `#DIM 1 ${quoteTagged('Kostnadsställe')}`,
    '{% for d in ledger.departments -%}',
    '#OBJEKT 1 {{ d | sie }} {{ d | sie }}',
    '{% endfor -%}',
    '{% endif -%}',
    '{% if ledger.projects.size > 0 -%}',
    `#DIM 6 ${quoteTagged('Projekt')}`,
    '{% for p in ledger.projects -%}',
    '#OBJEKT 6 {{ p.number | sie }} {{ p.name | sie }}',
    '{% endfor -%}',
    '{% endif -%}',
    '{% for v in ledger.vouchers -%}',
    '{% capture verText %}{% if v.invoice.type == "credit" %}Kreditfaktura{% else %}Faktura{% endif %} {{ v.invoice.number }} {{ v.customerName }}{% endcapture -%}',
    `#VER ${series} ${voucherNumber} {{ v.invoice.issueDate | format_date: "yyyyMMdd" }} {{ verText | strip | sie }}{% if v.invoice.finalizedAt != "" %} {{ v.invoice.finalizedAt | format_date: "yyyyMMdd" }}{% endif %}`,
    '{',
    '{% for r in v.rows -%}',
    '#TRANS {{ r.account | sie }} {{ "{" }}{% if r.departmentNumber != "" %}1 {{ r.departmentNumber | sie }}{% endif %}{% if r.departmentNumber != "" and r.projectNumber != "" %} {% endif %}{% if r.projectNumber != "" %}6 {{ r.projectNumber | sie }}{% endif %}} {{ r.amount | amount: ledger.decimals, ".", false, ledger.decimals }}{% if r.kind == "revenue" and r.text != "" %} "" {{ r.text | sie }}{% endif %}',
    '{% endfor -%}',
    '}',
    '{% endfor -%}',
    ...(checksum ? ['#KSUMMA'] : []),
    '',
  ].join('\n');
}

export function copyableTextTemplateIds(): string[] {
  return ['sie4'];
}

/** A text template that writes what the built-in format writes with `settings`; undefined for an unknown id. */
export function textTemplateFromBuiltIn(formatId: string, settings: FormatSettings = {}): TextTemplate | undefined {
  if (formatId !== 'sie4') return undefined;
  return {
    kind: 'text',
    name: 'SIE 4 verifikationer (copy)',
    dataType: 'invoices',
    fileNamePattern: 'SIE4_{DATETIME}',
    fileExtension: 'SI',
    decimalSeparator: '.',
    lineBreak: 'windows',
    quoting: 'none',
    quoteEmptyFields: false,
    encoding: 'cp437',
    dataOptions: {
      ledger: {
        receivableAccount: String(setting(settings, 'receivableAccount')),
        departmentSource: String(setting(settings, 'departmentSource')) as DepartmentSource,
        exchangeRates: String(setting(settings, 'exchangeRates')),
      },
    },
    content: sie4TemplateText(settings),
    postProcess: setting(settings, 'checksum') === true ? 'sie-ksumma' : 'none',
  };
}
