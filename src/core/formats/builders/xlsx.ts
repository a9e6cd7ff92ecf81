/**
 * A minimal XLSX (Office Open XML SpreadsheetML, ECMA-376 Part 1 §18) writer: one workbook with
 * one or more sheets of plain cells (text, whole numbers, amounts, dates), zipped by
 * ./zip-store.ts. Enough for import templates, which read values by column; no formulas, widths
 * or formatting beyond a date and an amount number format.
 *
 * Why written here and not taken from the registry: the XLSX writers there either bring a ZIP
 * and compression stack larger than the format (exceljs, with its dependencies) or are no longer
 * published to the npm registry (SheetJS `xlsx` 0.18.5 of 2022; newer versions only on its CDN).
 * The parts a reader needs are few (`[Content_Types].xml`, the relationships, `xl/workbook.xml`,
 * `xl/styles.xml`, `xl/sharedStrings.xml`, one `xl/worksheets/sheetN.xml` per sheet).
 *
 * Choices, each what Excel itself writes:
 * - text in the shared string table (`t="s"`), in order of first use; empty text leaves the cell out;
 * - dates as serial day numbers (days since 1899-12-30) with built-in number format 14 (the
 *   reader's short date), so they are dates to Excel and to import code alike;
 * - amounts as numbers with built-in number format 2 (`0.00`), the value written from minor
 *   units by text (never by float arithmetic): 123450 øre → `1234.50`.
 * Deterministic: part order fixed, the ZIP's entry dates from the export clock.
 */
import type { IsoDate, IsoDateTime, Minor } from '../../domain/types.ts';
import { formatMinor } from '../../domain/money.ts';
import { el, invalidXmlCharacters, writeXml, type XmlElement } from './xml.ts';
import { zipStored } from './zip-store.ts';

export type XlsxCell =
  | { kind: 'text'; value: string }
  | { kind: 'integer'; value: number }
  | { kind: 'amount'; value: Minor }
  | { kind: 'date'; value: IsoDate };

export interface XlsxSheet {
  /** At most 31 characters, none of `\ / ? * [ ]` (Excel's rule for sheet names). */
  name: string;
  /** Rows of cells; `undefined` is an empty cell. The first row is usually the header. */
  rows: readonly (readonly (XlsxCell | undefined)[])[];
}

/** A text the XML cannot carry, by sheet, row and column (1-based), for the format to report. */
export interface XlsxInvalidText {
  sheet: string;
  row: number;
  column: string;
  value: string;
}

export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CONTENT_TYPES_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const OFFICE_DOCUMENT = `${REL_NS}/officeDocument`;
const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/** Style indexes into `cellXfs` of styles.xml below. */
const STYLE_DATE = 1;
const STYLE_AMOUNT = 2;
/** Built-in number formats (ECMA-376 Part 1 §18.8.30): 14 short date, 2 `0.00`. */
const NUMFMT_DATE = 14;
const NUMFMT_AMOUNT = 2;
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** `A`, …, `Z`, `AA`, … for a 1-based column number. */
export function columnLetters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** Excel's serial day number of an ISO date (1900 date system; every date after 1900-03-01). */
export function excelSerialDate(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round((Date.UTC(y!, m! - 1, d!) - EXCEL_EPOCH_UTC) / DAY_MS);
}

function xml(root: XmlElement): Uint8Array {
  return new TextEncoder().encode(writeXml(root, { pretty: false, declaration: 'UTF-8' }));
}

function stylesPart(): XmlElement {
  const xf = (numFmtId: number) =>
    el('xf', {
      numFmtId,
      fontId: 0,
      fillId: 0,
      borderId: 0,
      xfId: 0,
      applyNumberFormat: numFmtId === 0 ? undefined : 1,
    });
  return el(
    'styleSheet',
    { xmlns: MAIN_NS },
    el('fonts', { count: 1 }, el('font', undefined, el('sz', { val: 11 }), el('name', { val: 'Calibri' }))),
    el(
      'fills',
      { count: 2 },
      el('fill', undefined, el('patternFill', { patternType: 'none' })),
      el('fill', undefined, el('patternFill', { patternType: 'gray125' })),
    ),
    el(
      'borders',
      { count: 1 },
      el(
        'border',
        undefined,
        ['left', 'right', 'top', 'bottom', 'diagonal'].map((s) => el(s, undefined)),
      ),
    ),
    el('cellStyleXfs', { count: 1 }, el('xf', { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0 })),
    el('cellXfs', { count: 3 }, xf(0), xf(NUMFMT_DATE), xf(NUMFMT_AMOUNT)),
    el('cellStyles', { count: 1 }, el('cellStyle', { name: 'Normal', xfId: 0, builtinId: 0 })),
  );
}

/** The workbook's bytes and the texts XML cannot carry (none: the bytes are good). */
export function buildXlsx(
  sheets: readonly XlsxSheet[],
  now: IsoDateTime,
): { bytes: Uint8Array; invalid: XlsxInvalidText[] } {
  const strings = new Map<string, number>();
  const invalid: XlsxInvalidText[] = [];
  const sheetParts = sheets.map((sheet) =>
    el(
      'worksheet',
      { xmlns: MAIN_NS },
      el(
        'sheetData',
        undefined,
        sheet.rows.map((row, r) =>
          el(
            'row',
            { r: r + 1 },
            row.map((cell, c) => {
              if (cell === undefined || (cell.kind === 'text' && cell.value === '')) return undefined;
              const ref = `${columnLetters(c + 1)}${r + 1}`;
              switch (cell.kind) {
                case 'text': {
                  if (invalidXmlCharacters(cell.value).length > 0)
                    invalid.push({ sheet: sheet.name, row: r + 1, column: columnLetters(c + 1), value: cell.value });
                  let index = strings.get(cell.value);
                  if (index === undefined) strings.set(cell.value, (index = strings.size));
                  return el('c', { r: ref, t: 's' }, el('v', undefined, String(index)));
                }
                case 'integer':
                  return el('c', { r: ref }, el('v', undefined, String(cell.value)));
                case 'amount':
                  return el(
                    'c',
                    { r: ref, s: STYLE_AMOUNT },
                    el('v', undefined, formatMinor(cell.value, { decimals: 2, decimalSeparator: '.' })),
                  );
                case 'date':
                  return el('c', { r: ref, s: STYLE_DATE }, el('v', undefined, String(excelSerialDate(cell.value))));
              }
            }),
          ),
        ),
      ),
    ),
  );
  const sharedStrings = el(
    'sst',
    { xmlns: MAIN_NS, count: strings.size, uniqueCount: strings.size },
    [...strings.keys()].map((text) =>
      el('si', undefined, el('t', text.trim() === text ? undefined : { 'xml:space': 'preserve' }, text)),
    ),
  );
  const sheetPath = (i: number) => `worksheets/sheet${i + 1}.xml`;
  const contentTypes = el(
    'Types',
    { xmlns: CONTENT_TYPES_NS },
    el('Default', { Extension: 'rels', ContentType: 'application/vnd.openxmlformats-package.relationships+xml' }),
    el('Default', { Extension: 'xml', ContentType: 'application/xml' }),
    el('Override', {
      PartName: '/xl/workbook.xml',
      ContentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    }),
    sheets.map((_, i) => el('Override', { PartName: `/xl/${sheetPath(i)}`, ContentType: SHEET_TYPE })),
    el('Override', {
      PartName: '/xl/styles.xml',
      ContentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
    }),
    el('Override', {
      PartName: '/xl/sharedStrings.xml',
      ContentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
    }),
  );
  const rootRels = el(
    'Relationships',
    { xmlns: PACKAGE_REL_NS },
    el('Relationship', { Id: 'rId1', Type: OFFICE_DOCUMENT, Target: 'xl/workbook.xml' }),
  );
  const workbook = el(
    'workbook',
    { xmlns: MAIN_NS, 'xmlns:r': REL_NS },
    el(
      'sheets',
      undefined,
      sheets.map((sheet, i) => el('sheet', { name: sheet.name, sheetId: i + 1, 'r:id': `rId${i + 1}` })),
    ),
  );
  const workbookRels = el(
    'Relationships',
    { xmlns: PACKAGE_REL_NS },
    sheets.map((_, i) => el('Relationship', { Id: `rId${i + 1}`, Type: `${REL_NS}/worksheet`, Target: sheetPath(i) })),
    el('Relationship', { Id: `rId${sheets.length + 1}`, Type: `${REL_NS}/styles`, Target: 'styles.xml' }),
    el('Relationship', { Id: `rId${sheets.length + 2}`, Type: `${REL_NS}/sharedStrings`, Target: 'sharedStrings.xml' }),
  );
  const bytes = zipStored(
    [
      { name: '[Content_Types].xml', bytes: xml(contentTypes) },
      { name: '_rels/.rels', bytes: xml(rootRels) },
      { name: 'xl/workbook.xml', bytes: xml(workbook) },
      { name: 'xl/_rels/workbook.xml.rels', bytes: xml(workbookRels) },
      ...sheetParts.map((part, i) => ({ name: `xl/${sheetPath(i)}`, bytes: xml(part) })),
      { name: 'xl/styles.xml', bytes: xml(stylesPart()) },
      { name: 'xl/sharedStrings.xml', bytes: xml(sharedStrings) },
    ],
    now,
  );
  return { bytes, invalid };
}
