/**
 * Norwegian SAF-T Financial 1.30: what the registry, the Settings form and settings checks need
 * before the format's code (./saft.ts) is loaded (docs/adding-a-format.md).
 */
import { EXCHANGE_RATES_SETTING, RECEIVABLE_ACCOUNT_SETTING } from '../../kit/settings.ts';
import type { BuiltInFormatInfo } from '../../types.ts';

export const saftInfo: BuiltInFormatInfo = {
  id: 'saft',
  name: 'SAF-T Financial 1.30 (Norway, for the tax authority)',
  country: 'NO',
  purpose: 'other',
  dataType: 'invoices',
  periodExport: true,
  fileKind: 'xml',
  defaultEncoding: 'utf-8',
  specUrl: 'https://github.com/Skatteetaten/saf-t',
  lineEnding: 'LF',
  assumptions: [
    'A period export: every finalized invoice and credit note issued in the period, whatever its export status (which it leaves alone).',
    'One journal (`FAKTURA`) for invoices and credit notes, a transaction per document from the shared ledger voucher; claims are not written.',
    'Opening balances are 0.00: Exportdesk holds no ledger before the period, so the balances are the movements of the vouchers in the file.',
    'The general ledger accounts are the accounts the file posts to; the tax table holds every VAT code with a standard tax code (BaseRate 100).',
  ],
  settings: [RECEIVABLE_ACCOUNT_SETTING, EXCHANGE_RATES_SETTING],
};
