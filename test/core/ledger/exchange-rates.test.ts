import { describe, expect, it } from 'vitest';
import { currencyConverter, parseExchangeRates } from '../../../src/core/ledger/exchange-rates.ts';

describe('parseExchangeRates', () => {
  it('reads rates separated by ; or new lines, with . or , decimals, and names what it cannot read', () => {
    const { rates, invalid } = parseExchangeRates('EUR=11.4921; usd = 10,80\nSEK=0.98;EUR11;GBP=x;');
    expect([...rates]).toEqual([
      ['EUR', 11_492_100n],
      ['USD', 10_800_000n],
      ['SEK', 980_000n],
    ]);
    expect(invalid).toEqual(['EUR11', 'GBP=x']);
  });
});

describe('currencyConverter', () => {
  const { rates } = parseExchangeRates('EUR=11.4921; JPY=0.0712');
  it.each([
    // from, to, amount in minor units of `from`, expected minor units of `to`
    ['EUR', 'NOK', 10_000, 114_921], // 100.00 EUR → 1 149.21 NOK
    ['EUR', 'NOK', 1, 11], // 0.01 EUR → 0.114921 NOK, rounded once
    ['EUR', 'NOK', -10_000, -114_921],
    ['JPY', 'NOK', 1000, 7120], // JPY has no decimals: 1 000 JPY → 71.20 NOK
    ['NOK', 'nok', 12_345, 12_345], // same currency, any case: unchanged
  ])('%s → %s: %i → %i', (from, to, amount, expected) => {
    expect(currencyConverter(from, to, rates)!(amount)).toBe(expected);
  });
  it('gives 0, never -0, for a zero amount', () => {
    expect(Object.is(currencyConverter('EUR', 'NOK', rates)!(-0), 0)).toBe(true);
  });
  it('is undefined for a currency without a rate', () => {
    expect(currencyConverter('USD', 'NOK', rates)).toBeUndefined();
  });
});
