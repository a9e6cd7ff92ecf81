/**
 * The field reference of a layout template with `rowsFrom: 'lines'`: its rows are the invoice-line
 * rows of src/core/formats/datasets/invoice-lines.ts (what the built-in invoice formats read).
 */
import type { FieldDoc } from './data-types/row.ts';

/** The row of a layout with `rowsFrom: 'lines'` (src/core/formats/datasets/invoice-lines.ts), for the field reference. */
const LINE_ROW_FIELDS: readonly FieldDoc[] = [
  { path: 'invoice.number', type: 'string', description: 'Invoice number', example: '10023' },
  { path: 'invoice.type', type: 'string', description: 'invoice or credit', example: 'invoice' },
  { path: 'invoice.issueDate', type: 'date', description: 'Issue date', example: '2024-03-04' },
  { path: 'invoice.dueDate', type: 'date', description: 'Due date', example: '2024-03-18' },
  { path: 'invoice.currency', type: 'string', description: 'Currency', example: 'NOK' },
  { path: 'invoice.orderReference', type: 'string', description: 'Order reference', example: 'PO-881' },
  { path: 'invoice.kid', type: 'string', description: 'Payment reference (KID/OCR)', example: '0100231' },
  { path: 'lineNumber', type: 'integer', description: 'Line number within the invoice, from 1', example: 1 },
  { path: 'line.description', type: 'string', description: 'Line text', example: 'Consulting, March' },
  { path: 'line.productCode', type: 'string', description: 'Product code', example: 'CONS' },
  { path: 'line.quantity', type: 'number', description: 'Quantity as entered', example: 7.5 },
  { path: 'signedQuantity', type: 'number', description: 'Quantity, negative on credit notes', example: 7.5 },
  { path: 'line.unitPrice', type: 'money', description: 'Net unit price, minor units', example: 120000 },
  { path: 'signedUnitPrice', type: 'money', description: 'Unit price, negative on credit notes', example: 120000 },
  { path: 'line.discountPercent', type: 'number', description: 'Discount in percent', example: 0 },
  { path: 'line.accountNumber', type: 'string', description: 'Revenue account', example: '3000' },
  { path: 'line.vatCode', type: 'string', description: 'VAT code', example: '3' },
  { path: 'line.departmentNumber', type: 'string', description: 'Department', example: '20' },
  { path: 'line.projectNumber', type: 'string', description: 'Project of the line', example: 'P-100' },
  { path: 'amounts.net', type: 'money', description: 'Line net, minor units (credit notes negative)', example: 900000 },
  { path: 'amounts.vat', type: 'money', description: 'Line VAT, minor units', example: 225000 },
  { path: 'amounts.gross', type: 'money', description: 'Line gross, minor units', example: 1125000 },
  { path: 'amounts.ratePercent', type: 'number', description: 'VAT rate in percent', example: 25 },
  {
    path: 'invoiceTotals.gross',
    type: 'money',
    description: 'Gross of the whole invoice (also net, vat)',
    example: 1125000,
  },
  {
    path: 'customer.name',
    type: 'string',
    description: 'Customer (also number, email, addressLine1, city, countryCode, …)',
    example: 'Fjordkraft Consulting AS',
  },
  {
    path: 'project.name',
    type: 'string',
    description: 'Project of the line or invoice (also number, departmentNumber)',
    example: 'Website relaunch',
  },
  { path: 'account.name', type: 'string', description: 'Revenue account (also number)', example: 'Salgsinntekt' },
  {
    path: 'vat.ratePercent',
    type: 'number',
    description: 'VAT code (also code, description, standardTaxCode)',
    example: 25,
  },
  { path: 'record', type: 'object', description: 'The Invoices row of the line (all Invoices fields)', example: null },
];

export function lineRowFields(): readonly FieldDoc[] {
  return LINE_ROW_FIELDS;
}
