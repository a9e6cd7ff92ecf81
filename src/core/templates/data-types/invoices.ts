import { amountRules, invoiceAmounts } from '../../domain/invoice-amounts.ts';
import { dateOf } from '../../domain/dates.ts';
import type { Invoice } from '../../domain/types.ts';
import type { DataTypeDefinition } from './definition.ts';
import { CUSTOMER_FIELDS, customerObject, Lookups, nested, PROJECT_OBJECT_FIELDS } from './joined-objects.ts';
import type { DatasetRow, FieldDoc } from './row.ts';
import { moneyTotal } from './totals.ts';

export const INVOICE_HEADER_FIELDS: readonly FieldDoc[] = [
  { path: 'id', type: 'string', description: 'Internal invoice id (stable, also for drafts)', example: 'inv-0001' },
  { path: 'number', type: 'string', description: 'Invoice number; empty on a draft', example: '10023' },
  { path: 'type', type: 'string', description: '`invoice` or `credit`', example: 'invoice' },
  { path: 'isCredit', type: 'boolean', description: 'True for a credit note', example: false },
  {
    path: 'sign',
    type: 'integer',
    description: '1 for an invoice, -1 for a credit note (amounts carry it already)',
    example: 1,
  },
  { path: 'creditedInvoiceNumber', type: 'string', description: 'Credit note: the invoice it credits', example: '' },
  { path: 'issueDate', type: 'date', description: 'Issue date', example: '2024-03-15' },
  { path: 'dueDate', type: 'date', description: 'Due date', example: '2024-03-29' },
  {
    path: 'finalizedAt',
    type: 'datetime',
    description: 'When the invoice was finalized; empty on a draft',
    example: '2024-03-15T10:42:00',
  },
  { path: 'finalizedDate', type: 'date', description: 'Date part of finalizedAt', example: '2024-03-15' },
  { path: 'status', type: 'string', description: '`draft` or `finalized`', example: 'finalized' },
  {
    path: 'exportStatus',
    type: 'string',
    description: '`to-transfer`, `transferred` or `do-not-transfer`',
    example: 'to-transfer',
  },
  { path: 'currency', type: 'string', description: 'Invoice currency', example: 'NOK' },
  { path: 'kid', type: 'string', description: 'KID / OCR payment reference', example: '0000100236' },
  { path: 'orderReference', type: 'string', description: "Customer's order reference", example: 'PO-4411' },
  { path: 'customerNumber', type: 'string', description: 'Customer number', example: '10001' },
  {
    path: 'projectNumber',
    type: 'string',
    description: 'Project number of the invoice; may be empty',
    example: 'P-100',
  },
];

const INVOICE_LINE_FIELDS: readonly FieldDoc[] = [
  { path: 'lineNumber', type: 'integer', description: 'Line number, from 1', example: 1 },
  { path: 'description', type: 'string', description: 'Line text', example: 'Consulting, March' },
  { path: 'productCode', type: 'string', description: 'Product / item code', example: 'CONS' },
  {
    path: 'quantity',
    type: 'number',
    description: 'Quantity as entered (positive on a credit note too)',
    example: 7.5,
  },
  { path: 'unitPrice', type: 'money', description: 'Net unit price, minor units, as entered', example: 120000 },
  { path: 'discountPercent', type: 'number', description: 'Line discount in percent', example: 0 },
  { path: 'accountNumber', type: 'string', description: 'Revenue account', example: '3000' },
  { path: 'accountName', type: 'string', description: 'Revenue account name', example: 'Salgsinntekt' },
  { path: 'vatCode', type: 'string', description: 'VAT code', example: '3' },
  { path: 'vatRatePercent', type: 'number', description: 'VAT rate in percent (0 for an unknown code)', example: 25 },
  { path: 'departmentNumber', type: 'string', description: 'Department', example: '20' },
  { path: 'projectNumber', type: 'string', description: 'Project of the line', example: 'P-100' },
  { path: 'projectName', type: 'string', description: 'Name of the line project', example: 'Website relaunch' },
  { path: 'net', type: 'money', description: 'Line net, minor units, negative on a credit note', example: 900000 },
  { path: 'vat', type: 'money', description: 'Line VAT, minor units, negative on a credit note', example: 225000 },
  { path: 'gross', type: 'money', description: 'Line net + VAT, minor units', example: 1125000 },
];

export const invoices: DataTypeDefinition = {
  id: 'invoices',
  label: 'Invoices',
  description:
    'One row per invoice with its lines, customer and project. Amounts are derived once (credit notes negative).',
  listField: 'lines',
  fields: [
    ...INVOICE_HEADER_FIELDS,
    { path: 'customer', type: 'object', description: 'The invoice customer', example: null },
    ...nested('customer', CUSTOMER_FIELDS, 'Customer'),
    { path: 'project', type: 'object', description: 'The invoice project (empty fields when none)', example: null },
    ...nested('project', PROJECT_OBJECT_FIELDS, 'Project'),
    { path: 'net', type: 'money', description: 'Invoice net, minor units', example: 900000 },
    { path: 'vat', type: 'money', description: 'Invoice VAT, minor units', example: 225000 },
    { path: 'gross', type: 'money', description: 'Invoice total incl. VAT, minor units', example: 1125000 },
    { path: 'lineCount', type: 'integer', description: 'Number of lines', example: 1 },
    { path: 'lines', type: 'list', description: 'Invoice lines', example: null },
    ...INVOICE_LINE_FIELDS.map((f) => ({ ...f, path: `lines[].${f.path}` })),
  ],
  build(data) {
    const lookups = new Lookups(data);
    const rules = amountRules(data);
    return data.invoices.map((invoice) => {
      const amounts = invoiceAmounts(invoice, rules);
      return {
        ...invoiceHeader(invoice),
        customer: customerObject(lookups.customers.get(invoice.customerNumber), invoice.customerNumber),
        project: lookups.projectRow(invoice.projectNumber),
        net: amounts.net,
        vat: amounts.vat,
        gross: amounts.gross,
        lineCount: invoice.lines.length,
        lines: invoice.lines.map((line, i) => {
          const a = amounts.lines[i]!;
          return {
            lineNumber: i + 1,
            description: line.description,
            productCode: line.productCode,
            quantity: line.quantity,
            unitPrice: line.unitPrice,
            discountPercent: line.discountPercent,
            accountNumber: line.accountNumber,
            accountName: lookups.accounts.get(line.accountNumber)?.name ?? '',
            vatCode: line.vatCode,
            vatRatePercent: a.ratePercent,
            departmentNumber: line.departmentNumber,
            projectNumber: line.projectNumber,
            projectName: lookups.projects.get(line.projectNumber)?.name ?? '',
            net: a.net,
            vat: a.vat,
            gross: a.gross,
          };
        }),
      };
    });
  },
  recordOf: (row) => ({ kind: 'invoice', key: String(row.number || row.id) }),
  controlTotals: (rows) => moneyTotal(rows, 'gross', 'currency', 'gross'),
};

export function invoiceHeader(invoice: Invoice): DatasetRow {
  return {
    id: invoice.id,
    number: invoice.number,
    type: invoice.type,
    isCredit: invoice.type === 'credit',
    sign: invoice.type === 'credit' ? -1 : 1,
    creditedInvoiceNumber: invoice.creditedInvoiceNumber,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    finalizedAt: invoice.finalizedAt,
    finalizedDate: invoice.finalizedAt ? dateOf(invoice.finalizedAt) : '',
    status: invoice.status,
    exportStatus: invoice.exportStatus,
    currency: invoice.currency,
    kid: invoice.kid,
    orderReference: invoice.orderReference,
    customerNumber: invoice.customerNumber,
    projectNumber: invoice.projectNumber,
  };
}
