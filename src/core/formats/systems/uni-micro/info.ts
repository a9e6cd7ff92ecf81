/**
 * Uni Micro (Uni Standard `.DAT`): what the registry, the Settings form and settings checks need
 * before the format's code (./uni-micro.ts) is loaded (docs/adding-a-format.md).
 */
import { encodingSetting, EXCHANGE_RATES_SETTING } from '../../kit/settings.ts';
import type { BuiltInFormatInfo } from '../../types.ts';

export const uniMicroInfo: BuiltInFormatInfo = {
  id: 'uni-micro',
  name: 'Uni Micro (Uni Standard)',
  country: 'NO',
  purpose: 'accounting',
  dataType: 'invoices',
  fileKind: 'csv',
  defaultEncoding: 'windows-1252',
  specUrl: 'https://hjelp.unimicro.no/kom-i-gang/konvertering/importsentral',
  lineEnding: 'CRLF',
  assumptions: [
    'The voucher record type is a required setting: Uni Micro does not publish it.',
    'One voucher line per posting with the gross amount and VAT code (Uni splits the VAT); no invoice records.',
    'Amounts with `.` and 2 decimals, dates yyyyMMdd; the layout is copyable.',
  ],
  settings: [
    {
      key: 'voucherRecordType',
      kind: 'string',
      label: 'Record type (RECTYPE) of voucher lines',
      expected: 'the RECTYPE your Uni Micro version reads for voucher lines (not published by Uni Micro)',
      help: 'Uni Micro does not publish the voucher record of Uni Standard; enter the RECTYPE your Uni version reads. The voucher columns are assumed too (see the format notes); copy the layout into a template to correct them.',
      default: '',
      required: true,
      pattern: '^\\d{1,3}$',
      maxLength: 3,
    },
    { key: 'includeProject', kind: 'boolean', label: 'Include project', default: true },
    { key: 'includeDepartment', kind: 'boolean', label: 'Include department', default: true },
    EXCHANGE_RATES_SETTING,
    encodingSetting('windows-1252', 'Uni Micro V3 is a Windows program; Uni does not document the encoding.'),
  ],
};
