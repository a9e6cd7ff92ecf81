import { describe, expect, it } from 'vitest';
import { chooseFormat, readOverrides, UNKNOWN_FORMAT } from '../../../src/core/import/import-options.ts';
import type { ValueFormat } from '../../../src/core/import/values.ts';

describe('readOverrides', () => {
  it('passes the reading settings that were chosen, false and 0 included', () => {
    expect(
      readOverrides({ kind: 'customers', encoding: 'utf-8', delimiter: ';', hasHeader: false, skipLines: 0 }),
    ).toEqual({ encoding: 'utf-8', delimiter: ';', hasHeader: false, skipLines: 0 });
  });

  it('leaves out the settings to detect', () => {
    expect(readOverrides({ kind: 'customers', mapping: { number: 'Nr' } })).toEqual({});
  });
});

describe('chooseFormat', () => {
  const guess: ValueFormat = { decimal: ',', thousands: ' ', dateFormat: 'DD.MM.YYYY' };

  it('uses the guess for every part left out', () => {
    expect(chooseFormat(undefined, guess)).toEqual(guess);
    expect(chooseFormat({ thousands: '' }, guess)).toEqual({ ...guess, thousands: '' });
  });

  it('keeps a chosen null ("not chosen") instead of the guess', () => {
    expect(chooseFormat({ decimal: null, dateFormat: null }, guess)).toEqual({
      decimal: null,
      thousands: ' ',
      dateFormat: null,
    });
  });

  it('falls back to the unknown format when nothing was guessed', () => {
    expect(chooseFormat({ decimal: '.' }, UNKNOWN_FORMAT)).toEqual({ decimal: '.', thousands: '', dateFormat: null });
  });
});
