/**
 * Starting points copied from built-in formats, as Moment's "global templates" are: the copy
 * is an ordinary template the user can change.
 *
 * - `layoutTemplateFromBuiltIn('xero', name, settings)`: the built-in Xero invoice layout (its
 *   `DelimitedLayout` table) with the values the format computes in code (`extra.*`) turned into
 *   Liquid columns; for invoices it writes the same bytes as the format with those settings (the
 *   `taxTypes` mapping becomes a `case`; an unmapped VAT code is an error in both). It writes one
 *   file, so credit notes stay in it as negative quantities, where the format writes them to its
 *   own credit-note file.
 * - `textTemplateFromBuiltIn('sie4', settings)`: a Liquid text that writes the same bytes as the
 *   built-in SIE 4 format with those settings, reading the `ledger` vouchers and with
 *   `postProcess: 'sie-ksumma'` for the checksum. Encoding `cp437-replace` has no template
 *   equivalent: the copy writes CP437, and a character CP437 lacks is reported as an error instead.
 */
import { quoteTagged } from '../formats/builders/tagged-text.ts';
import type { DepartmentSource } from '../ledger/invoice-ledger.ts';
import { sie4Info } from '../formats/systems/sie4/info.ts';
import { copyableLayouts } from '../formats/copyable-layouts.ts';
import { parseCodeMapping } from '../formats/kit/code-mapping.ts';
import type { FormatSettings } from '../formats/types.ts';
import { templateQuotingOf } from './layout.ts';
import type { LayoutColumn, LayoutTemplate, TextTemplate } from './types.ts';

/** A Liquid string literal (the mapped Xero names are the user's own text). */
function liquidString(value: string): string {
  return value.includes('"') ? `'${value.replace(/'/g, '')}'` : `"${value}"`;
}

/**
 * The Xero TaxType column: the `taxTypes` mapping as a `case` over the VAT code; any other
 * code writes nothing and is an error through the `required` filter (naming the code and
 * suggestions), as the built-in refuses an unmapped code; never a guessed name.
 */
function xeroTaxTypeLiquid(settings: FormatSettings): string {
  const { map } = parseCodeMapping(String(settings['taxTypes'] ?? ''));
  // Only `{` can start Liquid markup in a name; `%` alone is plain text.
  const whens = [...map]
    .map(([code, name]) => `{% when ${liquidString(code)} %}${name.replace(/\{/g, '{{ "{" }}')}`)
    .join('');
  return (
    `{% case line.vatCode %}${whens}{% else %}` +
    '{% capture missing %}VAT code {{ line.vatCode }} ({{ amounts.ratePercent }} %) has no Xero tax rate: add it to the TaxType column with the display name exactly as in your Xero organisation, e.g. ' +
    '{% if amounts.ratePercent == 0 %}No VAT or Tax Exempt{% else %}{{ amounts.ratePercent }}% (VAT on Income) or Tax on Sales{% endif %}' +
    ' (suggestions: they must match your Xero organisation exactly){% endcapture %}{{ "" | required: missing }}{% endcase %}'
  );
}

/**
 * Values the built-in formats compute in code (`extra.*` of the invoice-lines rows), as Liquid,
 * with the format's settings (default: none). A copied layout keeps working without the format's code.
 */
const COMPUTED_FIELDS: Record<string, (settings: FormatSettings) => Record<string, string>> = {
  xero: (settings) => ({
    'extra.taxType': xeroTaxTypeLiquid(settings),
    'extra.reference':
      '{% if invoice.orderReference != "" %}{{ invoice.orderReference }}{% elsif invoice.type == "credit" and invoice.creditedInvoiceNumber != "" %}Credit for {{ invoice.creditedInvoiceNumber }}{% endif %}',
    // No project tracking category by default.
    'extra.trackingName1': '',
    'extra.trackingOption1': '',
  }),
};

const FILE_NAMES: Record<string, { pattern: string; extension: string }> = {
  xero: { pattern: 'XERO-INVOICES_{DATETIME}', extension: 'csv' },
};

/** The built-in layouts a layout template can start from (`formatId` + `name`). */
export function copyableLayoutIds(): { formatId: string; name: string; complete: boolean }[] {
  return copyableLayouts().map((c) => ({
    formatId: c.formatId,
    name: c.name,
    complete: c.dataset === 'invoice-lines',
  }));
}

function copyColumn(
  field: string | undefined,
  value: string | undefined,
  computed: Record<string, string>,
): Pick<LayoutColumn, 'field' | 'liquid' | 'value'> {
  const snippet = field !== undefined ? computed[field] : undefined;
  if (snippet !== undefined) return snippet === '' ? { value: '' } : { liquid: snippet };
  if (field !== undefined) return { field };
  return { value: value ?? '' };
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * A layout template copied from a built-in layout (the first with `formatId`, or the one named
 * `name`); undefined when there is none. Layouts whose rows are the invoice lines (Xero) are
 * complete; for layouts over a format's own posting rows (GBAT10, Xledger, ...) the copy is a
 * starting point whose field paths must be re-pointed to the Invoices data type.
 */
export function layoutTemplateFromBuiltIn(
  formatId: string,
  name?: string,
  settings: FormatSettings = {},
): LayoutTemplate | undefined {
  const source = copyableLayouts().find((c) => c.formatId === formatId && (name === undefined || c.name === name));
  if (!source) return undefined;
  const computed = COMPUTED_FIELDS[formatId]?.(settings) ?? {};
  const common = {
    kind: 'layout' as const,
    name: `${source.name} (copy)`,
    dataType: 'invoices' as const,
    fileNamePattern: FILE_NAMES[formatId]?.pattern ?? `${formatId.toUpperCase()}_{DATETIME}`,
    fileExtension: FILE_NAMES[formatId]?.extension ?? (source.kind === 'delimited' ? 'csv' : 'txt'),
    lineBreak: source.layout.lineEnding === 'CRLF' ? ('windows' as const) : ('unix' as const),
    encoding: source.layout.encoding,
    dataOptions: {},
    finalLineBreak: source.layout.finalLineEnding !== false,
    rowsFrom: 'lines' as const,
  };
  if (source.kind === 'delimited') {
    const layout = source.layout;
    return {
      ...common,
      decimalSeparator: layout.decimalSeparator === ',' ? ',' : '.',
      quoting: templateQuotingOf(layout.quoting),
      ...(layout.replacements ? { replacements: clone(layout.replacements) } : {}),
      quoteEmptyFields: layout.quoteEmpty,
      layout: 'delimited',
      delimiter: layout.delimiter,
      headerRow: layout.headerRow,
      columns: layout.columns.map((c) => ({
        header: c.header,
        ...copyColumn(c.field, c.value, computed),
        ...(c.format ? { format: clone(c.format) } : {}),
      })),
    };
  }
  return {
    ...common,
    decimalSeparator: '.',
    quoting: 'none',
    quoteEmptyFields: false,
    layout: 'fixed-width',
    delimiter: '',
    headerRow: false,
    columns: source.layout.fields.map((f) => {
      const column: LayoutColumn = { header: f.name, width: f.width, ...copyColumn(f.field, f.value, computed) };
      if (f.format) column.format = clone(f.format);
      if (f.align) column.align = f.align;
      if (f.pad !== undefined) column.pad = f.pad;
      if (f.zeroFill) column.zeroFill = true;
      if (f.overflow) column.overflow = f.overflow;
      return column;
    }),
  };
}

function setting(settings: FormatSettings, key: string): string | number | boolean {
  const value = settings[key] ?? sie4Info.settings.find((s) => s.key === key)?.default;
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
  const chartType = String(setting(settings, 'chartType')).trim();
  // `auto` decides by the company's country at render time, as the built-in does.
  const chartTypeLines =
    chartType === 'none'
      ? []
      : chartType === 'auto' || chartType === ''
        ? ['{% if company.countryCode == "SE" -%}', '#KPTYP EUBAS97', '{% endif -%}']
        : [`#KPTYP ${quoteTagged(chartType)}`];
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
    '#ORGNR {{ company.orgNumber | org_number: company.countryCode | sie }}',
    '{% endif -%}',
    '{% capture street %}{{ company.addressLine1 }}{% if company.addressLine1 != "" and company.addressLine2 != "" %}, {% endif %}{{ company.addressLine2 }}{% endcapture -%}',
    '{% capture postal %}{{ company.postalCode }}{% if company.postalCode != "" and company.city != "" %} {% endif %}{{ company.city }}{% endcapture -%}',
    '#ADRESS {{ company.contactPerson | sie }} {{ street | sie }} {{ postal | sie }} {{ company.phone | sie }}',
    ...chartTypeLines,
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

/** The copy's bytes: what the chosen SIE encoding writes (replacement and `auto` write CP437). */
function templateEncodingOf(encoding: string): 'cp437' | 'iso-8859-1' | 'utf-8' {
  return encoding === 'iso-8859-1' || encoding === 'utf-8' ? encoding : 'cp437';
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
    encoding: templateEncodingOf(String(setting(settings, 'encoding'))),
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
