/**
 * Every delimited layout the registered formats write, by format id, and each format's own rule
 * for splitting its lines back into fields: a plain split on the delimiter where the layout has
 * no quoting and replaces separators inside values (the vendor's spec has no quoting), RFC 4180
 * otherwise (Xero; Visma Lønn's quoted text fields).
 */
import Papa from 'papaparse';
import type { DelimitedLayout } from '../../../src/core/formats/builders/delimited.ts';
import { c5Layouts } from '../../../src/core/formats/systems/dynamics-c5/dynamics-c5.ts';
import { gbat10Layout } from '../../../src/core/formats/systems/gbat10/gbat10-rows.ts';
import { vismaGlobalLayout } from '../../../src/core/formats/systems/visma-global/visma-global.ts';
import { vismaLonnLayout } from '../../../src/core/formats/systems/visma-lonn/visma-lonn.ts';
import { xeroCreditNoteLayout, xeroLayout } from '../../../src/core/formats/systems/xero/xero.ts';
import { gl02bLayout } from '../../../src/core/formats/systems/xledger-gl02b/xledger-gl02b.ts';
import { vismaNetLayout } from '../../../src/core/formats/systems/visma-net/visma-net.ts';
import { vismaScenarioLayout } from '../../../src/core/formats/systems/visma-scenario/visma-scenario.ts';
import { dkLayout } from '../../../src/core/formats/systems/dk/dk.ts';
import { efinaLayout, efinaSectionOf } from '../../../src/core/formats/systems/efina/efina.ts';
import { uniMicroLayouts } from '../../../src/core/formats/systems/uni-micro/uni-micro.ts';

export interface FormatLayouts {
  /** Every layout the format may write with any settings. */
  all: DelimitedLayout[];
  /** The layout of one written line (its fields as split by `splitLines`) of the file `fileName`. */
  layoutOf(fields: readonly string[], fileName: string): DelimitedLayout;
}

const one = (layouts: DelimitedLayout[]): FormatLayouts => ({ all: layouts, layoutOf: () => layouts[0]! });

export const DELIMITED_LAYOUTS: Record<string, FormatLayouts> = {
  // Invoices and credit notes go to files of their own, with their own headers (issue 12, item 2).
  xero: {
    all: [xeroLayout('UK'), xeroLayout('US'), xeroCreditNoteLayout('UK'), xeroCreditNoteLayout('US')],
    layoutOf: (_fields, fileName) =>
      fileName.startsWith('XERO-CREDITNOTES_') ? xeroCreditNoteLayout('UK') : xeroLayout('UK'),
  },
  gbat10: one([gbat10Layout('mamut', 'windows-1252')]),
  'xledger-ar10': one([gbat10Layout('xledger-ar10', 'windows-1252')]),
  'xledger-gl02b': one([gl02bLayout()]),
  'visma-global': one([vismaGlobalLayout()]),
  'dynamics-c5': (() => {
    const comma = c5Layouts(',');
    const point = c5Layouts('.');
    return {
      all: [comma.customers, comma.invoices, point.customers, point.invoices],
      // Customer rows come first; with the default line-type codes they start with KUN.
      layoutOf: (fields) => (fields[0] === 'KUN' ? comma.customers : comma.invoices),
    };
  })(),
  'visma-lonn': one([vismaLonnLayout()]),
  // Issue 17: Scenario quotes every string but replaces `"`, `,` and line breaks inside (a plain split works).
  'visma-scenario': one([vismaScenarioLayout()]),
  'visma-net': one([vismaNetLayout()]),
  // issue 17
  dk: one([dkLayout()]),
  efina: {
    all: [efinaLayout('invoice'), efinaLayout('line'), efinaLayout('dim1'), efinaLayout('dim2')],
    // Every line starts with its section's tag.
    layoutOf: (fields) => efinaLayout(efinaSectionOf(fields)),
  },
  'duett-gbat10': one([gbat10Layout('mamut', 'windows-1252')]),
  'uni-micro': (() => {
    const uni = uniMicroLayouts();
    // Customer records come first, RECTYPE 30.
    return {
      all: [uni.customers, uni.vouchers],
      layoutOf: (fields) => (fields[0] === '30' ? uni.customers : uni.vouchers),
    };
  })(),
};

/** True when the format's reader splits each line on the delimiter (no quoting in its spec). */
export function splitsPlainly(layout: DelimitedLayout): boolean {
  return layout.quoting === 'none' && layout.replacements !== undefined;
}

/** The file's lines split into fields with the format's own rule. */
export function splitLines(text: string, layout: DelimitedLayout): string[][] {
  const eol = layout.lineEnding === 'CRLF' ? '\r\n' : '\n';
  const body = text.endsWith(eol) ? text.slice(0, -eol.length) : text;
  if (body === '') return [];
  if (splitsPlainly(layout)) return body.split(eol).map((line) => line.split(layout.delimiter));
  const parsed = Papa.parse<string[]>(body, { delimiter: layout.delimiter, newline: eol, quoteChar: '"' });
  if (parsed.errors.length > 0) throw new Error(`RFC 4180 parse: ${JSON.stringify(parsed.errors[0])}`);
  return parsed.data;
}

/** Minor units of a written amount (`-1234.56`, `1234,56`, empty = 0). */
export function minorOf(text: string, decimalSeparator = '.'): number {
  if (text === '') return 0;
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace('-', '').split(decimalSeparator);
  if (!/^\d+$/.test(whole) || !/^\d{0,2}$/.test(fraction)) throw new Error(`not an amount: ${text}`);
  const minor = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return negative ? -minor : minor;
}
