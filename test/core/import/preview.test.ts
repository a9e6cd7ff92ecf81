import { describe, expect, it } from 'vitest';
import type { AnalyzeOverrides, AnalyzeResult } from '../../../src/core/import/api.ts';
import {
  ANALYZE_ROWS,
  PREVIEW_ROWS,
  analysisOf,
  failedAnalysis,
  readForAnalysis,
} from '../../../src/core/import/preview.ts';

const CLAIMS =
  'Utleggsnr;Ansattnr;Dato;Utleggstype;Beløp;Valuta\n' +
  'R-1;1001;05.03.2024;TAXI;1 412,50;JPY\n' +
  'R-2;1001;06.03.2024;TAXI;12,5;\n';

function analyze(csv: string, overrides: AnalyzeOverrides, companyCurrency = 'SEK'): AnalyzeResult {
  const bytes = new TextEncoder().encode(csv);
  const read = readForAnalysis(bytes, overrides);
  if (!read.ok) return failedAnalysis('file.csv', read);
  return analysisOf(read.value, { fileName: 'file.csv', size: bytes.length, overrides, companyCurrency });
}

function ok(result: AnalyzeResult) {
  if (!result.ok) throw new Error(`analysis failed: ${result.reason}`);
  return result;
}

function valuesOf(result: AnalyzeResult, row: number) {
  return Object.fromEntries(ok(result).preview[row]!.values.map((v) => [v.field, v]));
}

describe('analysisOf', () => {
  it('detects the dialect and the number/date format, and auto-maps the columns of the kind', () => {
    const result = ok(analyze(CLAIMS, { kind: 'claims' }));
    expect(result.delimiter).toBe(';');
    expect(result.hasHeader).toBe(true);
    expect(result.format).toEqual({ decimal: ',', thousands: ' ', dateFormat: 'DD.MM.YYYY' });
    expect(result.mapping).toEqual(result.autoMap?.mapping);
    expect(result.mapping['item.amount']).toBe('Beløp');
    expect(result.mappingProblems).toEqual([]);
    expect(result.size).toBe(new TextEncoder().encode(CLAIMS).length);
  });

  it('shows each value as stored, with the row currency or else the company currency', () => {
    const result = analyze(CLAIMS, { kind: 'claims' });
    expect(valuesOf(result, 0)['date']).toEqual({
      field: 'date',
      text: '05.03.2024',
      display: '2024-03-05',
      error: '',
    });
    // JPY has no decimals, so the amount cannot be read.
    expect(valuesOf(result, 0)['item.amount']).toMatchObject({
      display: '',
      error: expect.stringContaining('the currency has 0'),
    });
    expect(valuesOf(result, 1)['item.amount']).toEqual({
      field: 'item.amount',
      text: '12,5',
      display: '12.50',
      error: '',
    });
    // Fields with neither a column nor a constant are left out.
    expect(valuesOf(result, 1)['item.description']).toBeUndefined();
  });

  it('reads constants in the canonical format, and a file value wins over the constant', () => {
    const overrides: AnalyzeOverrides = {
      kind: 'claims',
      constants: { 'item.vatAmount': '3.5', 'item.currency': 'NOK' },
    };
    const result = analyze(CLAIMS, overrides);
    expect(valuesOf(result, 1)['item.vatAmount']).toMatchObject({ text: '3.5', display: '3.50', error: '' });
    expect(valuesOf(result, 0)['item.currency']).toMatchObject({ text: 'JPY' });
    expect(valuesOf(result, 1)['item.currency']).toMatchObject({ text: 'NOK' });
  });

  it('keeps the chosen parts of the format and detects the rest', () => {
    const result = ok(analyze(CLAIMS, { kind: 'claims', format: { decimal: null, dateFormat: 'DD/MM/YYYY' } }));
    expect(result.format).toEqual({ decimal: null, thousands: ' ', dateFormat: 'DD/MM/YYYY' });
    expect(valuesOf(result, 0)['date']!.error).not.toBe('');
  });

  it('without a kind: no mapping, no guess, no preview values', () => {
    const result = ok(analyze(CLAIMS, {}));
    expect(result.autoMap).toBeNull();
    expect(result.valueGuess).toBeNull();
    expect(result.mapping).toEqual({});
    expect(result.format).toEqual({ decimal: null, thousands: '', dateFormat: null });
    expect(result.preview.map((r) => r.values)).toEqual([[], []]);
    expect(result.preview[0]!.cells[0]).toBe('R-1');
  });

  it('applies the reading overrides', () => {
    const result = ok(analyze(CLAIMS, { kind: 'claims', delimiter: ',', hasHeader: false }));
    expect(result.delimiter).toBe(',');
    expect(result.header).toHaveLength(1);
    expect(result.preview[0]!.line).toBe(1);
  });

  it(`previews ${PREVIEW_ROWS} rows and says whether more follow`, () => {
    const file = (rows: number) => 'number,name\n' + Array.from({ length: rows }, (_, i) => `${i},C${i}\n`).join('');
    const exact = ok(analyze(file(PREVIEW_ROWS), { kind: 'customers' }));
    expect(exact.preview).toHaveLength(PREVIEW_ROWS);
    expect(exact.more).toBe(false);
    const longer = ok(analyze(file(PREVIEW_ROWS + 1), { kind: 'customers' }));
    expect(longer.preview).toHaveLength(PREVIEW_ROWS);
    expect(longer.more).toBe(true);
    // Beyond ANALYZE_ROWS the file is not read to the end: the table is truncated.
    expect(ok(analyze(file(ANALYZE_ROWS + 5), { kind: 'customers' })).more).toBe(true);
  });
});

describe('failedAnalysis', () => {
  it('gives the reason and the encoding guess of a file that cannot be read', () => {
    const result = analyze('', { kind: 'customers' });
    expect(result).toMatchObject({ ok: false, fileName: 'file.csv', reason: 'The file is empty (0 bytes).' });
    expect(result.encodingGuess.encoding).toBeTruthy();
  });
});
