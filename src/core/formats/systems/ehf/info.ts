/**
 * EHF / PEPPOL BIS Billing 3.0 (UBL 2.1 invoices and credit notes for PEPPOL customers): what the
 * registry, the Settings form and settings checks need before the format's code (./ehf.ts) is loaded
 * (docs/adding-a-format.md).
 */
import type { BuiltInFormatInfo } from '../../types.ts';

export const ehfInfo: BuiltInFormatInfo = {
  id: 'ehf',
  name: 'EHF / PEPPOL BIS Billing 3.0 (UBL invoices and credit notes)',
  country: 'NO',
  purpose: 'ehf',
  dataType: 'invoices',
  fileKind: 'xml',
  defaultEncoding: 'utf-8',
  specUrl: 'https://docs.peppol.eu/poacc/billing/3.0/',
  lineEnding: 'LF',
  assumptions: [
    'One UBL file per finalized invoice (Invoice 380) or credit note (CreditNote 381) of a customer with a PEPPOL id; the others are listed in pre-flight and left out. Several files are bundled as a ZIP.',
    "VAT breakdown per rate as the invoice computes it (BR-CO-17): category S above 0 %, Z at 0 % unless mapped to E or G (the VAT code's description as exemption reason).",
    'Payment means 30 (credit transfer) to the company bank account, with the KID as payment id when the invoice has one.',
    "BuyerReference is the customer's buyer reference, OrderReference the invoice's order reference; one of them is required.",
    'Every line has one unit code (setting, default EA). Only Norwegian, VAT-registered sellers are supported.',
  ],
  settings: [
    {
      key: 'foretaksregisteret',
      kind: 'boolean',
      label: 'Write "Foretaksregisteret" (AS, ASA and branches of foreign companies)',
      help: 'Norwegian rule NO-R-002: limited companies must state that they are in the Register of Business Enterprises.',
      default: true,
    },
    {
      key: 'zeroRateCategories',
      kind: 'string',
      label: 'EHF VAT category per 0 % VAT code (VAT code=Z, E or G)',
      expected: '5=E (Z, E or G)',
      help: 'e.g. "5=E; 52=G". 0 % codes not listed are Z (zero rated); codes with a rate are always S. E and G write the VAT code\'s description as the exemption reason.',
      default: '',
      mapping: { from: 'vatCodes', to: 'EHF VAT category' },
    },
    {
      key: 'unitCode',
      kind: 'string',
      label: 'Unit of measure of every line (UN/ECE Recommendation 20 code)',
      help: 'EA = each, HUR = hour, C62 = one.',
      default: 'EA',
      pattern: '^[A-Z0-9]{1,3}$',
    },
  ],
};
