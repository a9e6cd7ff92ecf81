import { amountRules, invoiceAmounts } from '../../domain/invoice-amounts.ts';
import { groupLinesByAccount } from '../grouping.ts';
import type { DataTypeDefinition } from './definition.ts';
import { INVOICE_HEADER_FIELDS, invoiceHeader } from './invoices.ts';
import { Lookups } from './joined-objects.ts';
import { moneyTotal } from './totals.ts';

export const invoicesByAccount: DataTypeDefinition = {
  id: 'invoicesByAccount',
  label: 'Invoices grouped by account',
  description:
    'Per invoice, one row per revenue account and VAT code with the summed net, VAT and gross (credit notes negative).',
  fields: [
    ...INVOICE_HEADER_FIELDS.map((f) =>
      f.path === 'id' ? { ...f, path: 'invoiceId' } : f.path === 'number' ? { ...f, path: 'invoiceNumber' } : f,
    ),
    { path: 'customerName', type: 'string', description: 'Customer name', example: 'Fjordkraft Consulting AS' },
    { path: 'projectName', type: 'string', description: 'Name of the invoice project', example: 'Website relaunch' },
    { path: 'accountNumber', type: 'string', description: 'Revenue account of the group', example: '3000' },
    { path: 'accountName', type: 'string', description: 'Account name', example: 'Salgsinntekt' },
    { path: 'vatCode', type: 'string', description: 'VAT code of the group', example: '3' },
    { path: 'vatRatePercent', type: 'number', description: 'VAT rate in percent', example: 25 },
    { path: 'net', type: 'money', description: 'Sum of line nets, minor units', example: 900000 },
    { path: 'vat', type: 'money', description: 'Sum of line VAT, minor units', example: 225000 },
    { path: 'gross', type: 'money', description: 'Sum of line gross, minor units', example: 1125000 },
    { path: 'lineCount', type: 'integer', description: 'Number of invoice lines in the group', example: 2 },
    { path: 'invoiceNet', type: 'money', description: 'Net of the whole invoice', example: 900000 },
    { path: 'invoiceVat', type: 'money', description: 'VAT of the whole invoice', example: 225000 },
    { path: 'invoiceGross', type: 'money', description: 'Gross of the whole invoice', example: 1125000 },
  ],
  build(data) {
    const lookups = new Lookups(data);
    const rules = amountRules(data);
    return data.invoices.flatMap((invoice) => {
      const amounts = invoiceAmounts(invoice, rules);
      const { id, number, ...header } = invoiceHeader(invoice);
      return groupLinesByAccount(invoice.lines, amounts.lines).map((g) => ({
        invoiceId: id,
        invoiceNumber: number,
        ...header,
        customerName: lookups.customers.get(invoice.customerNumber)?.name ?? '',
        projectName: lookups.projects.get(invoice.projectNumber)?.name ?? '',
        accountNumber: g.accountNumber,
        accountName: lookups.accounts.get(g.accountNumber)?.name ?? '',
        vatCode: g.vatCode,
        vatRatePercent: g.ratePercent,
        net: g.net,
        vat: g.vat,
        gross: g.gross,
        lineCount: g.lineCount,
        invoiceNet: amounts.net,
        invoiceVat: amounts.vat,
        invoiceGross: amounts.gross,
      }));
    });
  },
  recordOf: (row) => ({ kind: 'invoice', key: String(row.invoiceNumber || row.invoiceId) }),
  controlTotals: (rows) => moneyTotal(rows, 'gross', 'currency', 'gross'),
};
