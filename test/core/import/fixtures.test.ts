import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  autoMap,
  planImport,
  readCsvBytes,
  type ImportKind,
  type ReadCsvResult,
  type ValueFormat,
} from '../../../src/core/import/index.ts';
import { FIXTURES, FIXTURE_DIR } from '../../fixtures/csv/make-fixtures.ts';
import { emptyData, referenceData, sequentialIds } from './helpers.ts';
import type { CompanyData } from '../../../src/core/domain/types.ts';
import type { OnDuplicate } from '../../../src/core/import/index.ts';

function load(name: string): Uint8Array {
  return new Uint8Array(readFileSync(FIXTURE_DIR + name));
}

describe('fixture corpus', () => {
  it.each(Object.keys(FIXTURES))('%s is what make-fixtures.ts writes', (name) => {
    expect(Buffer.from(load(name)).equals(Buffer.from(FIXTURES[name]!))).toBe(true);
  });
});

interface Case {
  file: string;
  encoding: string;
  confidence: string;
  hasBom: boolean;
  delimiter: string;
  skipLines?: number;
  rows: number;
  header: string[];
  cell: [row: number, column: number, value: string];
  errors?: string[];
}

const CASES: Case[] = [
  {
    file: 'utf8-customers.csv',
    encoding: 'utf-8',
    confidence: 'high',
    hasBom: false,
    delimiter: ',',
    rows: 3,
    header: ['number', 'name', 'city', 'orgNumber'],
    cell: [0, 1, 'Dvořák Stavby s.r.o.'],
  },
  {
    file: 'utf8-bom-time-records.csv',
    encoding: 'utf-8',
    confidence: 'high',
    hasBom: true,
    delimiter: ';',
    rows: 3,
    header: ['Dato', 'Ansattnr', 'Prosjekt', 'Aktivitet', 'Timer', 'Timesats'],
    cell: [1, 5, '1\u00a0250,00'],
  },
  {
    file: 'utf16le-bom-users.csv',
    encoding: 'utf-16le',
    confidence: 'high',
    hasBom: true,
    delimiter: '\t',
    rows: 2,
    header: ['Ansattnr', 'Navn', 'E-post', 'Ekstern'],
    cell: [1, 1, 'Ola Ødegård'],
  },
  {
    file: 'utf16be-bom-projects.csv',
    encoding: 'utf-16be',
    confidence: 'high',
    hasBom: true,
    delimiter: ',',
    rows: 2,
    header: ['Prosjektnr', 'Navn', 'Kundenr', 'Fakturerbar'],
    cell: [0, 1, 'Bad på Grünerløkka'],
  },
  {
    file: 'windows-1252-claims.csv',
    encoding: 'windows-1252',
    confidence: 'medium',
    hasBom: false,
    delimiter: ';',
    rows: 3,
    header: ['Utleggsnr', 'Ansattnr', 'Dato', 'Utleggstype', 'Beskrivelse', 'Beløp', 'Valuta'],
    cell: [2, 4, 'Lunsj i Köln (€)'],
  },
  {
    file: 'iso-8859-1-customers.csv',
    encoding: 'windows-1252',
    confidence: 'medium',
    hasBom: false,
    delimiter: ';',
    rows: 2,
    header: ['Kundenr', 'Navn', 'Poststed'],
    cell: [0, 1, 'Søstrene Grå'],
  },
  {
    file: 'iso-8859-15-claims.csv',
    encoding: 'iso-8859-15',
    confidence: 'medium',
    hasBom: false,
    delimiter: ';',
    rows: 1,
    header: ['Utleggsnr', 'Ansattnr', 'Dato', 'Utleggstype', 'Beskrivelse', 'Beløp', 'Valuta'],
    cell: [0, 4, 'Middag 45 € i Šibenik'],
  },
  {
    file: 'pipe-accounts.csv',
    encoding: 'utf-8',
    confidence: 'high',
    hasBom: false,
    delimiter: '|',
    rows: 2,
    header: ['Kontonr', 'Kontonavn', 'Kontotype', 'Mva-kode'],
    cell: [0, 1, 'Salgsinntekt, avgiftspliktig'],
  },
  {
    file: 'quoted-newlines-customers.csv',
    encoding: 'utf-8',
    confidence: 'high',
    hasBom: false,
    delimiter: ',',
    skipLines: 2,
    rows: 4,
    header: ['number', 'name', 'addressLine1', 'paymentTermsDays'],
    cell: [0, 1, 'Fjord "Rør" AS'],
  },
  {
    file: 'decimal-comma-invoices.csv',
    encoding: 'utf-8',
    confidence: 'high',
    hasBom: false,
    delimiter: ';',
    rows: 3,
    header: ['Fakturanr', 'Kundenr', 'Fakturadato', 'Forfallsdato', 'Beskrivelse', 'Antall', 'Pris', 'Mva-kode'],
    cell: [2, 6, '(1\u202f000,00)'],
  },
  {
    file: 'ragged.csv',
    encoding: 'utf-8',
    confidence: 'high',
    hasBom: false,
    delimiter: ',',
    rows: 4,
    header: ['number', 'name', 'city'],
    cell: [3, 2, 'Tromsø'],
    errors: ['Line 3: 2 field(s), but the header has 3.', 'Line 4: 4 field(s), but the header has 3.'],
  },
  {
    file: 'header-only.csv',
    encoding: 'utf-8',
    confidence: 'high',
    hasBom: false,
    delimiter: ',',
    rows: 0,
    header: ['number', 'name', 'city'],
    cell: [-1, 0, ''],
    errors: ['The file has a header but no data rows.'],
  },
];

describe('detection and parsing of each fixture', () => {
  it.each(CASES)('$file', (c) => {
    const outcome = readCsvBytes(load(c.file), { hasHeader: true });
    expect(outcome.ok).toBe(true);
    const r = (outcome as { ok: true; value: ReadCsvResult }).value;
    expect(r.encodingGuess).toMatchObject({
      encoding: c.encoding,
      confidence: c.confidence,
      hasBom: c.hasBom,
      binary: false,
    });
    expect(r.dialectGuess.delimiter).toBe(c.delimiter);
    expect(r.dialectGuess.hasHeader).toBe(true);
    expect(r.dialectGuess.skipLines).toBe(c.skipLines ?? 0);
    expect(r.table.header).toEqual(c.header);
    expect(r.table.rows).toHaveLength(c.rows);
    if (c.cell[0] >= 0) expect(r.table.rows[c.cell[0]]!.cells[c.cell[1]]).toBe(c.cell[2]);
    expect(r.table.errors.map((e) => e.message)).toEqual(c.errors ?? []);
  });

  it('gives reasons for the encoding guesses', () => {
    const guess = (name: string) =>
      (readCsvBytes(load(name)) as { ok: true; value: ReadCsvResult }).value.encodingGuess.reason;
    expect(guess('windows-1252-claims.csv')).toBe(
      'The file is not valid UTF-8 (at byte 51 (line 1)) and uses bytes 0x80–0x9F, which only Windows-1252 gives meaning to.',
    );
    expect(guess('iso-8859-1-customers.csv')).toContain('identical to ISO-8859-1');
    expect(guess('iso-8859-15-claims.csv')).toContain('€ sign in ISO-8859-15');
    expect(guess('utf16le-bom-users.csv')).toBe('The file starts with a UTF-16 LE byte order mark.');
  });

  it('refuses the empty file and the binary file with a reason', () => {
    expect(readCsvBytes(load('empty.csv'))).toMatchObject({ ok: false, reason: 'The file is empty (0 bytes).' });
    const binary = readCsvBytes(load('binary.png'));
    expect(binary).toMatchObject({ ok: false, encodingGuess: { binary: true } });
    expect(binary.ok ? '' : binary.reason).toBe(
      'This does not look like a CSV file: The file contains a NUL byte at offset 8: it is probably not a text (CSV) file.',
    );
  });

  it('counts the skipped lines and quoted newlines in row line numbers', () => {
    const r = (readCsvBytes(load('quoted-newlines-customers.csv')) as { ok: true; value: ReadCsvResult }).value;
    expect(r.table.headerLine).toBe(3);
    expect(r.table.rows.map((row) => row.line)).toEqual([4, 6, 9, 10]);
    expect(r.table.rows[1]!.cells[2]).toBe('Linje A\nLinje B\nLinje C');
  });
});

interface PlanCase {
  file: string;
  kind: ImportKind;
  format: ValueFormat;
  existing?: CompanyData;
  onDuplicate?: OnDuplicate;
  counts: { new: number; rejectedRows: number };
  rejected: { line: number; column: string; value: string; reason: string }[];
  check?: (plan: ReturnType<typeof planImport>) => void;
}

const NORDIC: ValueFormat = { decimal: ',', thousands: ' ', dateFormat: 'DD.MM.YYYY' };

const PLAN_CASES: PlanCase[] = [
  {
    file: 'quoted-newlines-customers.csv',
    kind: 'customers',
    format: NORDIC,
    existing: emptyData(),
    counts: { new: 2, rejectedRows: 2 },
    rejected: [
      { line: 6, column: 'paymentTermsDays', value: 'abc', reason: '"abc" is not a number (unexpected "a")' },
      { line: 10, column: '', value: '1003', reason: 'duplicate: customer number 1003 is also on line 9' },
    ],
  },
  {
    file: 'ragged.csv',
    kind: 'customers',
    format: NORDIC,
    counts: { new: 2, rejectedRows: 2 },
    rejected: [
      { line: 3, column: '', value: '', reason: '2 field(s), but the header has 3.' },
      { line: 4, column: '', value: '', reason: '4 field(s), but the header has 3.' },
    ],
  },
  {
    file: 'utf8-bom-time-records.csv',
    kind: 'timeRecords',
    format: NORDIC,
    counts: { new: 3, rejectedRows: 0 },
    rejected: [],
    check: (plan) => {
      const added = plan.changes.toAdd as { hours: number; rate: number | null; date: string; id: string }[];
      expect(added.map((t) => [t.date, t.hours, t.rate, t.id])).toEqual([
        ['2024-03-04', 7.5, 125000, 'id-1'],
        ['2024-03-05', 1.25, 125000, 'id-2'],
        ['2024-03-06', 0.5, 125050, 'id-3'],
      ]);
    },
  },
  {
    file: 'decimal-comma-invoices.csv',
    kind: 'invoices',
    format: NORDIC,
    counts: { new: 2, rejectedRows: 0 },
    rejected: [],
    check: (plan) => {
      const invoices = plan.changes.toAdd as {
        number: string;
        issueDate: string;
        lines: { quantity: number; unitPrice: number }[];
      }[];
      expect(invoices.map((i) => [i.number, i.issueDate, i.lines.map((l) => [l.quantity, l.unitPrice])])).toEqual([
        [
          '20240017',
          '2024-03-01',
          [
            [7.5, 125000],
            [1, 1234550],
          ],
        ],
        ['20240018', '2024-03-02', [[1, -100000]]],
      ]);
    },
  },
  {
    file: 'windows-1252-claims.csv',
    kind: 'claims',
    format: NORDIC,
    counts: { new: 2, rejectedRows: 0 },
    rejected: [],
    check: (plan) => {
      const claims = plan.changes.toAdd as {
        claimNumber: string;
        items: { amount: number; currency: string; description: string }[];
      }[];
      expect(claims.map((c) => [c.claimNumber, c.items.map((i) => [i.amount, i.currency])])).toEqual([
        [
          'R-1',
          [
            [41200, 'NOK'],
            [189000, 'NOK'],
          ],
        ],
        ['R-2', [[2550, 'EUR']]],
      ]);
      expect(claims[0]!.items[0]!.description).toBe('Taxi Gardermoen – Oslo');
    },
  },
  {
    file: 'utf16le-bom-users.csv',
    kind: 'users',
    format: NORDIC,
    counts: { new: 0, rejectedRows: 2 },
    rejected: [
      // Both employee numbers exist already with other values: 'stop' blocks the import.
      {
        line: 2,
        column: '',
        value: '1001',
        reason: 'employee number 1001 already exists with other values (duplicate handling: stop)',
      },
      {
        line: 3,
        column: '',
        value: '1002',
        reason: 'employee number 1002 already exists with other values (duplicate handling: stop)',
      },
    ],
  },
  {
    file: 'utf16be-bom-projects.csv',
    kind: 'projects',
    format: NORDIC,
    onDuplicate: 'update',
    counts: { new: 1, rejectedRows: 0 },
    rejected: [],
    check: (plan) => {
      expect(plan.counts.updated).toBe(1);
      const update = plan.changes.toUpdate[0]!;
      expect([update.key, (update.before as { name: string }).name, (update.after as { name: string }).name]).toEqual([
        'P-100',
        'Bad',
        'Bad på Grünerløkka',
      ]);
      expect(plan.changes.toAdd).toEqual([
        { number: 'P-200', name: 'Intern', customerNumber: '', departmentNumber: '', billable: false },
      ]);
    },
  },
  {
    file: 'pipe-accounts.csv',
    kind: 'accounts',
    format: NORDIC,
    onDuplicate: 'skip',
    counts: { new: 1, rejectedRows: 0 },
    rejected: [],
    check: (plan) => {
      expect(plan.duplicates.map((d) => d.key)).toEqual(['3000']);
      expect(plan.counts.skipped).toBe(1);
    },
  },
];

describe('planning each fixture', () => {
  it.each(PLAN_CASES)('$file as $kind', (c) => {
    const r = (readCsvBytes(load(c.file)) as { ok: true; value: ReadCsvResult }).value;
    const plan = planImport({
      kind: c.kind,
      table: r.table,
      mapping: autoMap(c.kind, r.table.header).mapping,
      format: c.format,
      existing: c.existing ?? referenceData(),
      onDuplicate: c.onDuplicate ?? 'stop',
      newId: sequentialIds(),
    });
    expect(plan.counts).toMatchObject(c.counts);
    expect(
      plan.rejected.flatMap((row) =>
        row.errors.map((e) => ({ line: row.line, column: e.column, value: e.value, reason: e.reason })),
      ),
    ).toEqual(c.rejected);
    c.check?.(plan);
  });
});
