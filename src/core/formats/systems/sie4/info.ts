/**
 * SIE 4: what the registry, the Settings form and settings checks need before the format's
 * code (./sie4.ts) is loaded (docs/adding-a-format.md).
 */
import { DEPARTMENT_SOURCE_CHOICES, EXCHANGE_RATES_SETTING, receivableAccountSetting } from '../../kit/settings.ts';
import type { FormatInfo } from '../../types.ts';

export const sie4Info: FormatInfo = {
  id: 'sie4',
  name: 'SIE 4 (type 4I, verifications)',
  country: 'SE',
  purpose: 'accounting',
  dataType: 'invoices',
  fileKind: 'sie',
  defaultEncoding: 'cp437',
  specUrl: 'https://sie.se/wp-content/uploads/2020/05/SIE_filformat_ver_4B_080930.pdf',
  settings: [
    { key: 'series', kind: 'string', label: 'Voucher series', default: 'B', maxLength: 10, pattern: '^\\S*$' },
    {
      key: 'voucherNumber',
      kind: 'choice',
      label: 'Voucher number',
      help: 'Empty lets the receiving system number the vouchers.',
      default: 'empty',
      choices: [
        { value: 'empty', label: 'Empty (numbered on import)' },
        { value: 'invoice-number', label: 'The invoice number' },
      ],
    },
    receivableAccountSetting('1510'),
    {
      key: 'chartType',
      kind: 'string',
      label: 'Chart of accounts type (#KPTYP)',
      default: 'BAS2014',
      pattern: '^\\S+$',
    },
    {
      key: 'departmentSource',
      kind: 'choice',
      label: 'Cost centre (dimension 1) from',
      default: 'line',
      choices: DEPARTMENT_SOURCE_CHOICES,
    },
    { key: 'checksum', kind: 'boolean', label: 'Write #KSUMMA checksum', default: true },
    {
      key: 'transliterate',
      kind: 'boolean',
      label: 'Replace characters SIE (CP437) cannot hold',
      help: 'ø→ö, Ø→Ö, €→EUR and similar; the export report lists every replacement. Off: such characters stop the export.',
      default: false,
    },
    EXCHANGE_RATES_SETTING,
  ],
};
