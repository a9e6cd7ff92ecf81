import { describe, expect, it } from 'vitest';
import { coerceSetting, FORMATS, getFormat, listFormats, resolveSettings } from '../../../src/core/formats/registry.ts';
import { copyableLayouts } from '../../../src/core/formats/copyable-layouts.ts';

describe('registry', () => {
  it('lists the accounting formats with their summaries', () => {
    expect(FORMATS.map((f) => f.id)).toEqual(
      expect.arrayContaining([
        'sie4',
        'xero',
        'gbat10',
        'xledger-ar10',
        'xledger-gl02b',
        'visma-global',
        'dynamics-c5',
      ]),
    );
    expect(new Set(FORMATS.map((f) => f.id)).size).toBe(FORMATS.length);
    expect(listFormats()[0]).toEqual({
      id: 'sie4',
      name: 'SIE 4 (type 4I, verifications)',
      country: 'SE',
      purpose: 'accounting',
      dataType: 'invoices',
      fileKind: 'sie',
      defaultEncoding: 'cp437',
    });
    expect(getFormat('nope')).toBeUndefined();
  });

  it('every format has unique setting keys whose defaults pass their own validation', () => {
    for (const f of FORMATS) {
      const keys = f.settings.map((s) => s.key);
      expect(new Set(keys).size, f.id).toBe(keys.length);
      for (const def of f.settings)
        expect(coerceSetting(def, def.default).problem, `${f.id}.${def.key}`).toBeUndefined();
      expect(f.specUrl).toMatch(/^https?:\/\//);
    }
  });

  it('resolveSettings applies defaults and coerces --set strings', () => {
    const { settings, errors } = resolveSettings(getFormat('gbat10')!, {
      invoiceVoucherType: '7',
      includeProject: 'no',
      vatMethod: 'gross',
    });
    expect(errors).toEqual([]);
    expect(settings).toMatchObject({
      invoiceVoucherType: 7,
      creditVoucherType: 3,
      includeProject: false,
      vatMethod: 'gross',
      // Empty: the receivable account comes from the company's chart (chartReceivableAccount).
      receivableAccount: '',
      encoding: 'windows-1252',
    });
  });

  it('resolveSettings reports wrong kinds, bounds, choices, unknown keys and missing required values', () => {
    const { settings, errors } = resolveSettings(getFormat('gbat10')!, {
      invoiceVoucherType: '1.5',
      creditVoucherType: 5000,
      vatMethod: 'magic',
      colour: 'red',
      includeProject: 'perhaps',
    });
    expect(errors.map((e) => e.key).sort()).toEqual([
      'colour',
      'creditVoucherType',
      'includeProject',
      'invoiceVoucherType',
      'vatMethod',
    ]);
    expect(settings['invoiceVoucherType']).toBe(1);
    const gl = resolveSettings(getFormat('xledger-gl02b')!, {});
    expect(gl.errors).toEqual([
      {
        key: 'ownerCode',
        issue: {
          severity: 'error',
          code: 'setting-required',
          params: { setting: 'Owner code (Entity)' },
          field: 'ownerCode',
        },
      },
    ]);
    expect(errors.map((e) => [e.key, e.issue.code, e.issue.params])).toEqual(
      expect.arrayContaining([
        ['colour', 'setting-unknown', { format: 'Mamut GBAT10', setting: 'colour' }],
        [
          'invoiceVoucherType',
          'setting-not-whole-number',
          { setting: 'Voucher type (Bilagsart) for invoices', value: '"1.5"' },
        ],
        ['vatMethod', 'setting-not-a-choice', expect.objectContaining({ value: '"magic"' })],
        ['includeProject', 'setting-not-boolean', expect.objectContaining({ value: '"perhaps"' })],
        ['creditVoucherType', 'setting-above-maximum', expect.objectContaining({ value: 5000 })],
      ]),
    );
    const rates = resolveSettings(getFormat('sie4')!, { exchangeRates: 'EUR 11' });
    expect(rates.errors.map((e) => e.key)).toEqual(['exchangeRates']);
  });

  it('a replaced setting still read from saved exports: SIE transliterate → encoding', () => {
    const sie4 = getFormat('sie4')!;
    expect(resolveSettings(sie4, { transliterate: true })).toEqual({
      settings: expect.objectContaining({ encoding: 'cp437-replace' }),
      errors: [],
    });
    expect(resolveSettings(sie4, { transliterate: 'false' }).settings['encoding']).toBe('auto');
    // The new key wins over the old one.
    expect(resolveSettings(sie4, { transliterate: true, encoding: 'utf-8' }).settings['encoding']).toBe('utf-8');
    expect(resolveSettings(sie4, { transliterat: true }).errors).toHaveLength(1);
  });

  it('copyable layouts include Xero and are JSON', () => {
    const layouts = copyableLayouts();
    expect(layouts.find((l) => l.formatId === 'xero' && l.dataset === 'invoice-lines')).toBeDefined();
    expect(JSON.parse(JSON.stringify(layouts))).toEqual(layouts);
    const first = layouts[0]!;
    if (first.kind !== 'delimited') throw new Error('expected the Xero layout first');
    first.layout.delimiter = '|';
    const again = copyableLayouts()[0]!;
    expect(again.kind === 'delimited' && again.layout.delimiter).toBe(',');
  });
});
