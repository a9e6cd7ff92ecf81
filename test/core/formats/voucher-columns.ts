/**
 * The voucher formats' amount columns, shared by the balance property test and the scale test
 * (test/core/export/scale.test.ts): per format, the settings to run, whether the file has a
 * header line, and each line's voucher key and signed amounts (debit positive).
 */
import { minorOf } from './delimited-layouts.ts';

/**
 * Per format: the voucher key and the amount columns of a line, each signed (debit positive).
 * Visma Global writes absolute amounts and takes the sign from the account column used; C5's
 * Credit/Debit pair is one column pair (debit − credit).
 */
export interface VoucherFormat {
  id: string;
  settings: Record<string, string>;
  header: boolean;
  columns(fields: string[]): { voucher: string; amounts: number[] } | undefined;
}

export const VOUCHER_FORMATS: VoucherFormat[] = [
  ...['vat-rows', 'gross'].flatMap((vatMethod) =>
    ['gbat10', 'xledger-ar10', 'duett-gbat10'].map((id) => ({
      id,
      settings: { vatMethod },
      header: false,
      // Saldo (8) and BruttoSum (27).
      columns: (f: string[]) => ({ voucher: f[1]!, amounts: [minorOf(f[8]!), minorOf(f[27]!)] }),
    })),
  ),
  {
    id: 'xledger-gl02b',
    settings: {},
    header: true,
    // CurrencyAmount (24) and Amount (25).
    columns: (f) => ({ voucher: f[4]!, amounts: [minorOf(f[24]!), minorOf(f[25]!)] }),
  },
  ...['gross', 'vat-rows'].map((vatMethod) => ({
    id: 'visma-global',
    settings: { vatMethod },
    header: false,
    // ExchangeAmount (13) and Amount (14), debit when DebitAccountNo (8) is filled.
    columns: (f: string[]) => {
      const sign = f[8] ? 1 : -1;
      return { voucher: f[2]!, amounts: [sign * minorOf(f[13]!), sign * minorOf(f[14]!)] };
    },
  })),
  {
    // Voucher lines only (customer records are RECTYPE 30): Belop (5).
    id: 'uni-micro',
    settings: { voucherRecordType: '99' },
    header: false,
    columns: (f) => (f[0] === '30' ? undefined : { voucher: f[1]!, amounts: [minorOf(f[5]!)] }),
  },
  {
    id: 'dynamics-c5',
    settings: {},
    header: false,
    // Invoice rows only: Balance (5) and DebitAmount (7) − CreditAmount (6).
    columns: (f) =>
      f[0] === 'KUN'
        ? undefined
        : { voucher: f[2]!, amounts: [minorOf(f[5]!, ','), minorOf(f[7]!, ',') - minorOf(f[6]!, ',')] },
  },
  // Visma Scenario: Amount (23) and Currency amount (25, three decimals) without sign or separator, debit when
  // Debet account (6) is not zero.
  {
    id: 'visma-scenario',
    settings: {},
    header: false,
    columns: (f) => {
      const sign = /[1-9]/.test(f[6]!) ? 1 : -1;
      return { voucher: f[3]!, amounts: [sign * Number(f[23]), sign * Number(f[25])] };
    },
  },
];
