/**
 * Uni Economy: invoices as a vouchers workbook per financial year and the customers as a
 * workbook of their own, both XLSX for Uni Economy's import central ("Importsentral").
 *
 * Spec: Moment's page https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/uni-economy
 * (../shared/research/moment-exports.md §4.8), quoted:
 * - "The export to Uni Economy results in two files, one containing invoices and one with
 *   customers. The files produced is XLSX files. based on the templates found in the import central."
 * - "Uni Economy does not support import of vouchers from multiple financial years. When exporting
 *   data from Moment and there are invoices spread across multiple years - separate these into
 *   multiple files."
 * - Vouchers (Invoices), column name | description: "Dato | Invoice date", "Kontonummer | Account
 *   number", "Prosjekt | Project number", "Avdeling | Department number", "Tekst | Description of
 *   invoice", "Beløp | Invoice amount", "Momskode | VAT code used in Uni Economy", "Forfallsdato |
 *   Due date for the invoice", "Fakturanr | Invoice number", "KID | OCR number for the invoice".
 * - Kunder (Customers): "Kundenr", "Navn", "Adresse", "Adresse2", "Postnummer", "Poststed",
 *   "Landkode | Code used for country (alpha-2)", "Telefonnr", "Mobilnr", "Epostadresse", "Orgnr",
 *   "LevAdresse", "LevAdresse2", "LevPostnummer", "LevPoststed", "LevLandkode" (the stored copy of
 *   the page ends there).
 * Uni's own import-central help was not found; SpareBank 1 Regnskap (the same platform) says of
 * the voucher Excel template (https://www.sparebank1.no/nb/hallingdal/bedrift/kundeservice/bank-regnskap/import-fakturahode.html):
 * "Merk at for å opprette bilag må du legge inn fakturanummer. Kolonner markert i gult er
 * obligatoriske å fylle ut", and Moment's real-time integration page says Uni customer numbers
 * are numeric (100000–199999).
 *
 * Writer: minimal SpreadsheetML through ../../builders/xlsx.ts (why not an npm writer: see there),
 * so the format adds no dependency; the workbooks' ZIP dates come from the export clock.
 *
 * Assumptions (constants or settings):
 * - Sheet names `Bilag` and `Kunder` (`VOUCHER_SHEET`, `CUSTOMER_SHEET`), the column names of
 *   Moment's page as the header in row 1, data from row 2 (sheet names and header position are
 *   not published).
 * - Vouchers: one row per posting, from the shared ledger voucher: the customer row posts to the
 *   customer number as Kontonummer (Uni keeps customers as sub-ledger accounts) with the gross
 *   amount, Forfallsdato, Fakturanr and KID; each invoice line posts to its account with its
 *   gross amount (net + VAT) and its Momskode, and Uni computes the VAT from the code, so no VAT
 *   rows are written. Fakturanr on every row of the voucher (it ties the rows to one voucher).
 *   The rows balance as long as the ledger's line VATs add up to its VAT rows (they do: VAT is
 *   rounded per line); the tests check every voucher's balance.
 * - Beløp: debit positive, credit negative (a credit note the other way round), in the company
 *   currency (foreign invoices converted with setting `exchangeRates`), a number cell with 2
 *   decimals. Dato and Forfallsdato: date cells. Kontonummer: a number cell when it is digits
 *   without a leading zero (`NUMERIC_ID`), else text; every other identifier, KID included, text.
 * - Momskode: setting `vatCodes` (a mapping table), else the VAT code's SAF-T standard tax code,
 *   else the code itself.
 * - Avdeling: the line's department; Prosjekt: the line's project, else the invoice's.
 * - Tekst: the line's description; on the customer row "Invoice <no> <customer>" (the ledger's text).
 * - Financial years from the company's `fiscalYearStart`: one vouchers workbook per year
 *   (`UNI-ECONOMY_Bilag_<year>_<stamp>.xlsx`, year = the year the financial year starts in), one
 *   customers workbook (`UNI-ECONOMY_Kunder_<stamp>.xlsx`) with the customers of the exported
 *   invoices, in customer-number order.
 * - Customers: Mobilnr and the delivery address (Lev*) stay empty: the company data keeps one
 *   phone and one address. Landkode as stored (alpha-2).
 */
import { fiscalPeriod } from '../../../domain/dates.ts';
import type { CompanyData, Customer } from '../../../domain/types.ts';
import { fileStamp } from '../../builders/encode-file.ts';
import { buildXlsx, XLSX_MIME_TYPE, type XlsxCell, type XlsxSheet } from '../../builders/xlsx.ts';
import { issue } from '../../issues.ts';
import { parseCodeMapping } from '../../kit/code-mapping.ts';
import { defineFormat, stringSetting } from '../../kit/format-kit.ts';
import {
  checkInvoicesForLedger,
  ledgerOptionsFrom,
  ledgerVoucher,
  type LedgerVoucher,
} from '../../../ledger/invoice-ledger.ts';
import { masterIndex } from '../../../ledger/invoice-lines.ts';
import type { ExportContext, ExportFile, ExportIssue, FormatSettings } from '../../types.ts';
import { uniEconomyInfo } from './info.ts';
import { invalidSettingIssue } from '../../kit/settings.ts';

export const VOUCHER_SHEET = 'Bilag';
export const CUSTOMER_SHEET = 'Kunder';
export const VOUCHER_COLUMNS = [
  'Dato',
  'Kontonummer',
  'Prosjekt',
  'Avdeling',
  'Tekst',
  'Beløp',
  'Momskode',
  'Forfallsdato',
  'Fakturanr',
  'KID',
] as const;
export const CUSTOMER_COLUMNS = [
  'Kundenr',
  'Navn',
  'Adresse',
  'Adresse2',
  'Postnummer',
  'Poststed',
  'Landkode',
  'Telefonnr',
  'Mobilnr',
  'Epostadresse',
  'Orgnr',
  'LevAdresse',
  'LevAdresse2',
  'LevPostnummer',
  'LevPoststed',
  'LevLandkode',
] as const;
const NUMERIC_ID = /^[1-9]\d{0,14}$/;

const text = (value: string): XlsxCell => ({ kind: 'text', value });
const accountCell = (value: string): XlsxCell =>
  NUMERIC_ID.test(value) ? { kind: 'integer', value: Number(value) } : text(value);

/** Momskode per company VAT code: the mapping, else the standard tax code, else the code. */
function vatCodeOf(data: CompanyData, settings: FormatSettings): (code: string) => string {
  const { map } = parseCodeMapping(stringSetting(settings, 'vatCodes'));
  const standard = new Map(data.vatCodes.map((v) => [v.code, v.standardTaxCode]));
  return (code) => (code === '' ? '' : map.get(code) || standard.get(code) || code);
}

function voucherRows(v: LedgerVoucher, momskode: (code: string) => string): (XlsxCell | undefined)[][] {
  const { invoice, customer } = v;
  const head = [text(invoice.number), text(invoice.kid)];
  return v.rows
    .filter((r) => r.kind !== 'vat')
    .map((r) =>
      r.kind === 'receivable'
        ? [
            { kind: 'date', value: invoice.issueDate },
            accountCell(customer.number),
            undefined,
            undefined,
            text(r.text),
            { kind: 'amount', value: r.amount },
            undefined,
            invoice.dueDate ? { kind: 'date', value: invoice.dueDate } : undefined,
            ...head,
          ]
        : [
            { kind: 'date', value: invoice.issueDate },
            accountCell(r.account),
            text(r.projectNumber),
            text(r.departmentNumber),
            text(r.text),
            { kind: 'amount', value: r.amount + r.lineVat },
            text(momskode(r.vatCode)),
            undefined,
            ...head,
          ],
    );
}

function customerRow(c: Customer): XlsxCell[] {
  return [
    text(c.number),
    text(c.name),
    text(c.addressLine1),
    text(c.addressLine2),
    text(c.postalCode),
    text(c.city),
    text(c.countryCode),
    text(c.phone),
    text(''),
    text(c.email),
    text(c.orgNumber),
  ];
}

function workbook(sheet: XlsxSheet, name: string, context: ExportContext, issues: ExportIssue[]) {
  const built = buildXlsx([sheet], context.now);
  for (const bad of built.invalid)
    issues.push(
      issue('error', 'invalid-xml-character', { label: `${bad.sheet} ${bad.column}${bad.row}`, value: bad.value }),
    );
  return { name, bytes: built.bytes };
}

function build(data: CompanyData, settings: FormatSettings, context: ExportContext) {
  const { options } = ledgerOptionsFrom(data, settings, { departmentSource: 'line' });
  const index = masterIndex(data);
  const momskode = vatCodeOf(data, settings);
  const stamp = fileStamp(context.now);
  const issues: ExportIssue[] = [];
  const years = new Map<number, LedgerVoucher[]>();
  for (const invoice of data.invoices) {
    const year = fiscalPeriod(invoice.issueDate, data.company.fiscalYearStart).year;
    const v = ledgerVoucher(invoice, index, options);
    const list = years.get(year);
    if (list) list.push(v);
    else years.set(year, [v]);
  }
  const files: ExportFile[] = [];
  for (const [year, vouchers] of [...years].sort((a, b) => a[0] - b[0])) {
    const rows = vouchers.flatMap((v) => voucherRows(v, momskode));
    const file = workbook(
      { name: VOUCHER_SHEET, rows: [VOUCHER_COLUMNS.map(text), ...rows] },
      `UNI-ECONOMY_Bilag_${year}_${stamp}.xlsx`,
      context,
      issues,
    );
    files.push({
      ...file,
      mimeType: XLSX_MIME_TYPE,
      recordCount: rows.length,
      controlTotals: {
        vouchers: vouchers.length,
        rows: rows.length,
        [`gross ${options.companyCurrency}`]: vouchers.reduce((s, v) => s + v.gross, 0),
      },
    });
  }
  const numbers = new Set(data.invoices.map((i) => i.customerNumber));
  const customers = data.customers
    .filter((c) => numbers.has(c.number))
    .sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }));
  const file = workbook(
    { name: CUSTOMER_SHEET, rows: [CUSTOMER_COLUMNS.map(text), ...customers.map(customerRow)] },
    `UNI-ECONOMY_Kunder_${stamp}.xlsx`,
    context,
    issues,
  );
  files.push({
    ...file,
    mimeType: XLSX_MIME_TYPE,
    recordCount: customers.length,
    controlTotals: { customers: customers.length },
  });
  return { files: issues.some((i) => i.severity === 'error') ? [] : files, issues, report: [] };
}

export const uniEconomy = defineFormat({
  ...uniEconomyInfo,
  checks(data: CompanyData, settings: FormatSettings) {
    const { options, invalidRates } = ledgerOptionsFrom(data, settings, { departmentSource: 'line' });
    const issues = checkInvoicesForLedger(data, {
      ...options,
      needLineAccounts: true,
      needVatAccounts: false,
      postsReceivable: false,
      exchangeRatesInvalid: invalidRates,
    });
    for (const entry of parseCodeMapping(stringSetting(settings, 'vatCodes')).invalid)
      issues.push(invalidSettingIssue(uniEconomyInfo.settings, 'vatCodes', entry));
    return issues;
  },
  build,
});
