/**
 * SIE 4: what the registry, the Settings form and settings checks need before the format's
 * code (./sie4.ts) is loaded (docs/adding-a-format.md).
 */
import { DEPARTMENT_SOURCE_CHOICES, EXCHANGE_RATES_SETTING, RECEIVABLE_ACCOUNT_SETTING } from '../../kit/settings.ts';
import type { TextEncodingName } from '../../../encoding/encoding-names.ts';
import type { BuiltInFormatInfo } from '../../types.ts';

/** The `encoding` setting's choices: the bytes written, and whether CP437's missing letters are replaced. */
export const SIE_ENCODINGS = {
  cp437: { bytes: 'cp437', replace: false, label: 'CP437 (SIE standard; every SIE reader accepts it)' },
  'cp437-replace': {
    bytes: 'cp437',
    replace: true,
    label: 'CP437 with replacement (SIE standard; ø→ö, Ø→Ö, €→EUR and others, each listed in the report)',
  },
  'iso-8859-1': {
    bytes: 'iso-8859-1',
    replace: false,
    label: 'ISO 8859-1 (not SIE standard; only if the receiver shows å, ä, ö or ø wrong, as Moment advises)',
  },
  'utf-8': {
    bytes: 'utf-8',
    replace: false,
    label: 'UTF-8 (not SIE standard; cloud systems such as Fortnox and Bokio read it, older desktop programs do not)',
  },
} as const satisfies Record<string, { bytes: TextEncodingName; replace: boolean; label: string }>;
export type SieEncoding = keyof typeof SIE_ENCODINGS;

/** SIE 4B's chart types (#KPTYP), and BAS2014, which some programs write but 4B does not name. */
const CHART_TYPES = ['EUBAS97', 'BAS96', 'BAS95', 'NE2007'] as const;

export const sie4Info: BuiltInFormatInfo = {
  id: 'sie4',
  name: 'SIE 4 (type 4I, verifications)',
  country: 'SE',
  purpose: 'accounting',
  dataType: 'invoices',
  fileKind: 'sie',
  defaultEncoding: 'cp437',
  specUrl: 'https://sie.se/wp-content/uploads/2020/05/SIE_filformat_ver_4B_080930.pdf',
  lineEnding: 'CRLF',
  assumptions: [
    'Vouchers in series B (setting `series`) without voucher numbers by default: the receiving ledger numbers them.',
    "`#DIM 1` departments and `#DIM 6` projects only when used; a department's name repeats its number (the data has no names).",
    '`#KSUMMA` written by default (setting `checksum`).',
  ],
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
    RECEIVABLE_ACCOUNT_SETTING,
    {
      key: 'chartType',
      kind: 'choice',
      label: 'Chart of accounts type (#KPTYP)',
      help: 'SIE 4B names BAS95, BAS96, EUBAS97 and NE2007; BAS charts of 2013 and later are EUBAS97.',
      default: 'auto',
      choices: [
        { value: 'auto', label: 'By company: EUBAS97 for Swedish companies, left out for others' },
        ...CHART_TYPES.map((value) => ({ value, label: value })),
        { value: 'BAS2014', label: 'BAS2014 (not in SIE 4B)' },
        { value: 'none', label: 'Leave #KPTYP out' },
      ],
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
      key: 'encoding',
      kind: 'choice',
      label: 'Encoding',
      help: 'SIE files are CP437 by the standard (#FORMAT PC8), and CP437 has no ø or Ø. The file always says #FORMAT PC8.',
      default: 'auto',
      choices: [
        { value: 'auto', label: 'By company: CP437 for Swedish companies, CP437 with replacement for others' },
        ...Object.entries(SIE_ENCODINGS).map(([value, e]) => ({ value, label: e.label })),
      ],
      replaces: { key: 'transliterate', values: { true: 'cp437-replace', false: 'auto' } },
    },
    EXCHANGE_RATES_SETTING,
  ],
};
