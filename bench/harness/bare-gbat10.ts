/**
 * Mamut GBAT10 by hand, the same bytes as src/core/formats/systems/gbat10/gbat10.ts with its default
 * settings (separate VAT rows, VAT code 1 on every row, receivable from the chart, projects on revenue
 * rows, departments from lines, Windows-1252).
 */
import iconv from 'iconv-lite';
import type { CompanyData, Invoice } from '../../src/core/domain/types.ts';
import { chartReceivableAccount } from '../../src/core/ledger/invoice-ledger.ts';
import { amount2, bareLines, byIssueDateAndNumber, compactDate, masterLookups, vatGroups } from './bare-common.ts';

const VAT_CODE = '1';

function cell(text: string): string {
  return text.includes(';') || /["\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : [...text].slice(0, max).join('');
}

export function bareGbat10(data: CompanyData, invoices: Invoice[]): Uint8Array {
  const m = masterLookups(data);
  // Customers without their own account: the chart's receivables account, as the format's default.
  const receivable = chartReceivableAccount(data.accounts);
  const out: string[] = [];
  for (const invoice of [...invoices].sort(byIssueDateAndNumber)) {
    const customer = m.customer.get(invoice.customerNumber);
    const amounts = bareLines(invoice, m.rateOf);
    const vat = vatGroups(invoice, amounts, m.vatAccountOf);
    let gross = 0;
    for (const a of amounts) gross += a.net;
    for (const g of vat) gross += g.vat;
    const number = cell(invoice.number);
    // Columns 0–5: identification, voucher no, date, type, period, fiscal year (calendar year starts it).
    const head = `GBAT10;${number};${compactDate(invoice.issueDate)};${invoice.type === 'credit' ? 3 : 1};${Number(invoice.issueDate.slice(5, 7))};${invoice.issueDate.slice(0, 4)};`;
    const title = cell(
      cut(
        `${invoice.type === 'credit' ? 'Kreditnota' : 'Faktura'} ${invoice.number} ${customer?.name ?? ''}`.trim(),
        100,
      ),
    );
    const address = [customer?.addressLine1, customer?.addressLine2].filter(Boolean).join(', ');
    // No payment terms code: the format maps none by default (setting paymentTermsCodes).
    out.push(
      head +
        `${cell(customer?.ledgerAccount || receivable)};${VAT_CODE};${amount2(gross)};${cell(customer?.number ?? '')};;` +
        `${cell(cut(customer?.name ?? '', 30))};${cell(cut(address, 200))};${cell(cut(customer?.postalCode ?? '', 30))};${cell(cut(customer?.city ?? '', 30))};` +
        `${number};${cell(invoice.kid)};${invoice.dueDate ? compactDate(invoice.dueDate) : ''};;;${title};${title};;;;;;;;`,
    );
    invoice.lines.forEach((line, i) => {
      out.push(
        head +
          `${cell(line.accountNumber)};${VAT_CODE};${amount2(-amounts[i]!.net + 0)};;;;;;;${number};;;;;${cell(cut(line.description, 100))};;;` +
          `${cell(line.projectNumber || invoice.projectNumber)};${cell(line.departmentNumber)};;;;;`,
      );
    });
    for (const g of vat)
      out.push(
        head + `${cell(g.account)};${VAT_CODE};${amount2(-g.vat + 0)};;;;;;;${number};;;;;MVA ${g.rate} %;;;;;;;;;`,
      );
  }
  return iconv.encode(out.join('\r\n') + '\r\n', 'windows-1252');
}
