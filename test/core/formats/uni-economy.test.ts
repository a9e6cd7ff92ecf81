/**
 * Uni Economy (issue 17): the XLSX workbooks read back with readers independent of the writer:
 * JSZip unzips them (not the format's own stored-ZIP writer), xmllint (libxml2) checks every part
 * is well-formed XML, and a small reader below resolves the shared strings and cells of the
 * sheet. Checked against Moment's column lists (see the module header), one financial year per
 * vouchers workbook, balance per voucher, and the customers of the exported invoices.
 */
import JSZip from 'jszip';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { invoiceAmounts, vatRateLookup } from '../../../src/core/domain/invoice-amounts.ts';
import type { CompanyData } from '../../../src/core/domain/types.ts';
import {
  CUSTOMER_COLUMNS,
  CUSTOMER_SHEET,
  uniEconomy,
  VOUCHER_COLUMNS,
  VOUCHER_SHEET,
} from '../../../src/core/formats/systems/uni-economy/uni-economy.ts';
import { dosDateTime, zipStored } from '../../../src/core/formats/builders/zip-store.ts';
import { columnLetters, excelSerialDate } from '../../../src/core/formats/builders/xlsx.ts';
import type { ExportFile, FormatSettings } from '../../../src/core/formats/types.ts';
import { EXCHANGE_RATES, testCompany } from '../../fixtures/test-company.ts';
import { GOLDEN_CONTEXT, twoYearCompany } from './golden-cases.ts';

type Cell = string | number | undefined;
interface Sheet {
  name: string;
  rows: Cell[][];
  /** Style index per cell reference, to tell dates from numbers. */
  styles: Map<string, number>;
}

function unescape(text: string): string {
  return text.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!,
  );
}

function columnIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

async function readWorkbook(file: ExportFile): Promise<Sheet> {
  const zip = await JSZip.loadAsync(file.bytes);
  const part = async (name: string) => {
    const entry = zip.file(name);
    expect(entry, `${file.name} has ${name}`).not.toBeNull();
    const xml = await entry!.async('string');
    const check = await validateXML({ xml: [{ fileName: name, contents: xml }], normalization: 'format' });
    expect(check.errors, `${file.name} ${name} is well-formed`).toEqual([]);
    return xml;
  };
  expect(await part('[Content_Types].xml')).toContain('/xl/worksheets/sheet1.xml');
  expect(await part('_rels/.rels')).toContain('Target="xl/workbook.xml"');
  const workbook = await part('xl/workbook.xml');
  await part('xl/_rels/workbook.xml.rels');
  await part('xl/styles.xml');
  const name = unescape(/<sheet name="([^"]*)"/.exec(workbook)![1]!);
  const strings = [...(await part('xl/sharedStrings.xml')).matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)].map((m) =>
    unescape(m[1]!),
  );
  const rows: Cell[][] = [];
  const styles = new Map<string, number>();
  for (const row of (await part('xl/worksheets/sheet1.xml')).matchAll(/<row r="(\d+)">(.*?)<\/row>/g)) {
    const cells: Cell[] = [];
    for (const c of row[2]!.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*)><v>([^<]*)<\/v><\/c>/g)) {
      expect(c[2]).toBe(row[1]);
      const attrs = c[3]!;
      const value = attrs.includes('t="s"') ? strings[Number(c[4])] : Number(c[4]);
      cells[columnIndex(c[1]!)] = value;
      const style = /s="(\d+)"/.exec(attrs);
      if (style) styles.set(`${c[1]}${c[2]}`, Number(style[1]));
    }
    rows[Number(row[1]) - 1] = cells;
  }
  return { name, rows, styles };
}

function generate(data: CompanyData, settings: FormatSettings = { exchangeRates: EXCHANGE_RATES }) {
  const result = uniEconomy.generate(data, settings, GOLDEN_CONTEXT);
  expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return result.files;
}

/** Serial day number → ISO date (the inverse of Excel's 1900 system, independent of the writer's code). */
function isoOf(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

describe('Uni Economy', () => {
  it("writes a vouchers and a customers workbook with Moment's columns in row 1", async () => {
    const files = generate(testCompany());
    expect(files.map((f) => f.name)).toEqual([
      'UNI-ECONOMY_Bilag_2026_20261126-0930.xlsx',
      'UNI-ECONOMY_Kunder_20261126-0930.xlsx',
    ]);
    const vouchers = await readWorkbook(files[0]!);
    expect(vouchers.name).toBe(VOUCHER_SHEET);
    expect(vouchers.rows[0]).toEqual([...VOUCHER_COLUMNS]);
    const customers = await readWorkbook(files[1]!);
    expect(customers.name).toBe(CUSTOMER_SHEET);
    expect(customers.rows[0]).toEqual([...CUSTOMER_COLUMNS]);
  });

  it('balances every voucher, and the customer row carries the invoice gross, due date and KID', async () => {
    const data = testCompany();
    const sheet = await readWorkbook(generate(data)[0]!);
    const col = (name: (typeof VOUCHER_COLUMNS)[number]) => VOUCHER_COLUMNS.indexOf(name);
    const byInvoice = new Map<string, Cell[][]>();
    for (const row of sheet.rows.slice(1)) {
      const number = String(row[col('Fakturanr')]);
      byInvoice.set(number, [...(byInvoice.get(number) ?? []), row]);
    }
    expect([...byInvoice.keys()]).toEqual(data.invoices.map((i) => i.number));
    const rules = { rateOf: vatRateLookup(data.vatCodes), vatRounding: 'per-rate' as const };
    for (const invoice of data.invoices) {
      const rows = byInvoice.get(invoice.number)!;
      const cents = rows.map((r) => Math.round((r[col('Beløp')] as number) * 100));
      expect(
        cents.reduce((a, b) => a + b, 0),
        `invoice ${invoice.number}`,
      ).toBe(0);
      const customerRow = rows[0]!;
      expect(String(customerRow[col('Kontonummer')])).toBe(invoice.customerNumber);
      expect(customerRow[col('Momskode')]).toBeUndefined();
      if (invoice.currency === data.company.currency) expect(cents[0]).toBe(invoiceAmounts(invoice, rules).gross);
      expect(isoOf(customerRow[col('Dato')] as number)).toBe(invoice.issueDate);
      expect(isoOf(customerRow[col('Forfallsdato')] as number)).toBe(invoice.dueDate);
      expect(customerRow[col('KID')]).toBe(invoice.kid || undefined);
      for (const line of rows.slice(1)) expect(line[col('Momskode')]).toBeDefined();
    }
    // Dates carry the date style (format 14), amounts the amount style.
    expect(sheet.styles.get('A2')).toBe(1);
    expect(sheet.styles.get(`${columnLetters(col('Beløp') + 1)}2`)).toBe(2);
  });

  it("writes the VAT codes' standard tax codes unless the mapping names another", async () => {
    const data = testCompany();
    const at = VOUCHER_COLUMNS.indexOf('Momskode');
    const codes = async (settings: FormatSettings) =>
      new Set(
        (await readWorkbook(generate(data, settings)[0]!)).rows
          .slice(1)
          .map((r) => r[at])
          .filter(Boolean),
      );
    const standard = new Set(
      data.invoices.flatMap((i) =>
        i.lines.map((l) => data.vatCodes.find((v) => v.code === l.vatCode)!.standardTaxCode),
      ),
    );
    expect(await codes({ exchangeRates: EXCHANGE_RATES })).toEqual(standard);
    expect(await codes({ exchangeRates: EXCHANGE_RATES, vatCodes: '3=99' })).toContain('99');
  });

  it('splits the vouchers by financial year: one workbook per year', async () => {
    const data = twoYearCompany();
    const files = generate(data);
    expect(files.map((f) => f.name)).toEqual([
      'UNI-ECONOMY_Bilag_2025_20261126-0930.xlsx',
      'UNI-ECONOMY_Bilag_2026_20261126-0930.xlsx',
      'UNI-ECONOMY_Kunder_20261126-0930.xlsx',
    ]);
    const years = await Promise.all(files.slice(0, 2).map(readWorkbook));
    years.forEach((sheet, i) => {
      for (const row of sheet.rows.slice(1)) expect(isoOf(row[0] as number).slice(0, 4)).toBe(String(2025 + i));
    });
    // A fiscal year from July: 2025-12-30 and the November 2026 invoices fall in 2025/26 and 2026/27.
    data.company.fiscalYearStart = '07-01';
    expect(generate(data).map((f) => f.name.slice(0, 22))).toEqual([
      'UNI-ECONOMY_Bilag_2025',
      'UNI-ECONOMY_Bilag_2026',
      'UNI-ECONOMY_Kunder_202',
    ]);
  });

  it('lists the customers of the exported invoices once each, with their addresses', async () => {
    const data = testCompany();
    const sheet = await readWorkbook(generate(data).at(-1)!);
    const numbers = [...new Set(data.invoices.map((i) => i.customerNumber))].sort();
    expect(sheet.rows.slice(1).map((r) => r[0])).toEqual(numbers);
    for (const row of sheet.rows.slice(1)) {
      const c = data.customers.find((x) => x.number === row[0])!;
      expect(row[1]).toBe(c.name);
      expect(row[CUSTOMER_COLUMNS.indexOf('Landkode')]).toBe(c.countryCode);
    }
  });

  it('reports text the XML cannot carry, and hands out no file', () => {
    const data = testCompany();
    data.customers.find((c) => c.number === data.invoices[0]!.customerNumber)!.name = 'Bad\u0001Name';
    const result = uniEconomy.generate(data, { exchangeRates: EXCHANGE_RATES }, GOLDEN_CONTEXT);
    expect(result.issues.map((i) => i.code)).toContain('invalid-xml-character');
    expect(result.files).toEqual([]);
  });
});

describe('the stored ZIP and XLSX helpers', () => {
  it('dates entries from the clock, and JSZip reads back what was stored', async () => {
    expect(dosDateTime('2026-11-26T09:30:00')).toEqual({
      time: (9 << 11) | (30 << 5),
      date: (46 << 9) | (11 << 5) | 26,
    });
    const bytes = zipStored([{ name: 'a/æ.txt', bytes: new TextEncoder().encode('hei') }], '2026-11-26T09:30:00');
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file('a/æ.txt')!.async('string')).toBe('hei');
    expect(zip.file('a/æ.txt')!.date.getUTCFullYear()).toBe(2026);
  });

  it('names columns and dates as Excel does', () => {
    expect([1, 26, 27, 52, 703].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
    expect(excelSerialDate('1900-03-01')).toBe(61);
    expect(excelSerialDate('2026-11-26')).toBe(46352);
  });
});
