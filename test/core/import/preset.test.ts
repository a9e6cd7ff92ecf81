import { describe, expect, it } from 'vitest';
import {
  autoMap,
  importFields,
  IMPORT_KINDS,
  normalizeHeader,
  parsePresetJson,
  serializePreset,
  type ImportPreset,
} from '../../../src/core/import/index.ts';

const PRESET: ImportPreset = {
  format: 'exportdesk-import-preset',
  version: 1,
  name: 'Tripletex kunder',
  kind: 'customers',
  encoding: 'windows-1252',
  delimiter: ';',
  hasHeader: true,
  skipLines: 0,
  decimal: ',',
  thousands: ' ',
  dateFormat: 'DD.MM.YYYY',
  columns: { number: 'Kundenr', name: 'Navn' },
  constants: { countryCode: 'NO' },
  onDuplicate: 'update',
};

describe('presets', () => {
  it('serialize and parse give the same preset, with stable bytes', () => {
    const json = serializePreset(PRESET);
    expect(
      json.startsWith('{\n  "format": "exportdesk-import-preset",\n  "version": 1,\n  "name": "Tripletex kunder",'),
    ).toBe(true);
    expect(json.endsWith('"onDuplicate": "update"\n}\n')).toBe(true);
    expect(parsePresetJson(json)).toEqual({ ok: true, preset: PRESET });
    expect(serializePreset({ ...PRESET, columns: { ...PRESET.columns } })).toBe(json);
  });

  it('leaves out encoding and delimiter when they are detected each time', () => {
    const { encoding: _e, delimiter: _d, ...rest } = PRESET;
    const json = serializePreset(rest);
    expect(json).not.toContain('encoding');
    expect(parsePresetJson(json)).toEqual({ ok: true, preset: rest });
  });

  it('refuses text that is not JSON, quoting the parser', () => {
    const r = parsePresetJson('{');
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.errors[0]).toMatch(/^The preset is not valid JSON: /);
  });

  it.each<[string, string, string[]]>([
    [
      'another format',
      '{"format":"something"}',
      ['This is not an Exportdesk import preset (format is "something", expected "exportdesk-import-preset").'],
    ],
    [
      'a newer version',
      JSON.stringify({ ...PRESET, version: 2 }),
      ['The preset is version 2, made by a newer Exportdesk; this version reads presets up to version 1.'],
    ],
    ['no version', JSON.stringify({ ...PRESET, version: undefined }), ['The preset has no version number.']],
    [
      'missing and wrong fields',
      JSON.stringify({
        format: 'exportdesk-import-preset',
        version: 1,
        name: 'x',
        kind: 'customer',
        hasHeader: 'yes',
        skipLines: -1,
        decimal: ',',
        thousands: ' ',
        dateFormat: 'D/M/Y',
        columns: {},
        constants: {},
      }),
      [
        'Field "kind" must be one of customers, projects, users, accounts, vatCodes, expenseTypes, invoices, timeRecords, claims, got "customer".',
        'Field "hasHeader" must be true or false, got "yes".',
        'Field "skipLines" must be a whole number ≥ 0, got -1.',
        'Field "dateFormat" must be a supported date format or null, got "D/M/Y".',
        'Missing field "onDuplicate" ("skip", "update" or "stop").',
      ],
    ],
  ])('refuses %s with a clear error', (_label, json, errors) => {
    expect(parsePresetJson(json)).toEqual({ ok: false, errors });
  });
});

describe('autoMap', () => {
  it.each<[string, string]>([
    ['Org.nr', 'orgnr'],
    ['Beløp', 'belop'],
    ['Anställningsnr', 'anstallningsnr'],
    ['E-post', 'epost'],
    ['  Kunde nr. ', 'kundenr'],
    ['Æble', 'aeble'],
  ])('normalizes %s to %s', (header, key) => {
    expect(normalizeHeader(header)).toBe(key);
  });

  it('maps Nordic and English headers', () => {
    const m = autoMap('customers', ['Kundenummer', 'NAVN', 'Org.nr', 'E-post', 'Postnr', 'Poststed', 'Something else']);
    expect(m.mapping).toEqual({
      number: 'Kundenummer',
      name: 'NAVN',
      orgNumber: 'Org.nr',
      email: 'E-post',
      postalCode: 'Postnr',
      city: 'Poststed',
    });
    expect(m.unmappedColumns).toEqual(['Something else']);
    expect(m.missingRequired).toEqual([]);
    expect(autoMap('claims', ['Utläggsnr', 'Anställningsnr', 'Datum', 'Utläggstyp', 'Belopp']).mapping).toEqual({
      claimNumber: 'Utläggsnr',
      employeeNumber: 'Anställningsnr',
      date: 'Datum',
      'item.expenseType': 'Utläggstyp',
      'item.amount': 'Belopp',
    });
    expect(autoMap('timeRecords', ['Dato', 'Ansattnr', 'Timmar']).mapping).toEqual({
      date: 'Dato',
      employeeNumber: 'Ansattnr',
      hours: 'Timmar',
    });
    expect(autoMap('users', ['Name', 'Employee no']).mapping).toEqual({ name: 'Name', employeeNumber: 'Employee no' });
    expect(autoMap('invoices', ['Fakturanr', 'Kundenr', 'Dato', 'Forfall', 'Antall', 'Pris']).mapping).toEqual({
      number: 'Fakturanr',
      customerNumber: 'Kundenr',
      issueDate: 'Dato',
      dueDate: 'Forfall',
      'line.quantity': 'Antall',
      'line.unitPrice': 'Pris',
    });
  });

  it('prefers a canonical header over an alias and reports missing required fields', () => {
    const m = autoMap('customers', ['Nr', 'number']);
    expect(m.mapping.number).toBe('number');
    expect(m.missingRequired).toEqual(['name']);
  });

  it('every kind has fields with labels, types and examples, and required fields marked', () => {
    for (const kind of IMPORT_KINDS) {
      const fields = importFields(kind);
      expect(fields.length).toBeGreaterThan(2);
      for (const f of fields) expect(f.label && f.type && typeof f.example === 'string').toBeTruthy();
      expect(fields.some((f) => f.required)).toBe(true);
    }
  });
});
