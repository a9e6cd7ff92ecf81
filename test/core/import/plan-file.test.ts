import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImportOptions, ImportPhase } from '../../../src/core/import/api.ts';
import { createImportPlanner, planImport } from '../../../src/core/import/index.ts';
import { planInChunks, startFilePlan } from '../../../src/core/import/plan-file.ts';
import { FIXTURE_DIR } from '../../fixtures/csv/make-fixtures.ts';
import { emptyData, sequentialIds } from './helpers.ts';

const bytesOf = (text: string) => new TextEncoder().encode(text);
const CUSTOMERS = 'number;name;city\n1001;Fjord Rør AS;Bergen\n1002;Vik AS;Oslo\n1003;Nes AS;Moss\n';

describe('startFilePlan', () => {
  it('reads the file and settles the detected settings, the mapping and the format', () => {
    const start = startFilePlan(bytesOf(CUSTOMERS), { kind: 'customers', onDuplicate: 'skip' });
    if (!start.ok) throw new Error('expected a readable file');
    expect(start.settings).toMatchObject({ delimiter: ';', hasHeader: true, skipLines: 0, encoding: 'utf-8' });
    expect(start.settings.mapping).toEqual({ number: 'number', name: 'name', city: 'city' });
    expect(start.input.mapping).toBe(start.settings.mapping);
    expect(start.input).toMatchObject({ kind: 'customers', onDuplicate: 'skip' });
    expect(start.input.table.rows).toHaveLength(3);
    // Constants are passed on only when given; customers need no scope.
    expect('constants' in start.input).toBe(false);
    expect(start.scope).toBeUndefined();
  });

  it('uses the given mapping, constants and format choices', () => {
    const options: ImportOptions = {
      kind: 'customers',
      onDuplicate: 'update',
      mapping: { number: 'number', name: 'city' },
      constants: { currency: 'SEK' },
      format: { decimal: ',' },
    };
    const start = startFilePlan(bytesOf(CUSTOMERS), options);
    if (!start.ok) throw new Error('expected a readable file');
    expect(start.input.mapping).toEqual(options.mapping);
    expect(start.input.constants).toEqual({ currency: 'SEK' });
    expect(start.input.format.decimal).toBe(',');
  });

  it('gives time records the scope of stored records the file can collide with', () => {
    const bytes = new Uint8Array(readFileSync(FIXTURE_DIR + 'utf8-bom-time-records.csv'));
    const start = startFilePlan(bytes, { kind: 'timeRecords', onDuplicate: 'skip' });
    if (!start.ok) throw new Error('expected a readable file');
    expect(start.scope?.dates?.from).toBe('2024-03-04');
    expect(start.scope?.ids).toEqual([]);
  });

  it('turns a file that cannot be read into a failed plan with the settings asked for', () => {
    const start = startFilePlan(new Uint8Array(), {
      kind: 'projects',
      onDuplicate: 'skip',
      mapping: { number: 'Nr' },
      format: { dateFormat: 'DD.MM.YYYY' },
    });
    if (start.ok) throw new Error('expected a failed plan');
    expect(start.plan).toMatchObject({ kind: 'projects', status: 'failed', canApply: false });
    expect(start.plan.problems).toEqual(['The file is empty (0 bytes).']);
    expect(start.settings).toMatchObject({ delimiter: ',', hasHeader: true, skipLines: 0, mapping: { number: 'Nr' } });
    expect(start.settings.format).toEqual({ decimal: null, thousands: '', dateFormat: 'DD.MM.YYYY' });
  });
});

describe('planInChunks', () => {
  it('reports progress per chunk, pauses after each, and plans what planImport plans', async () => {
    const start = startFilePlan(bytesOf(CUSTOMERS + '1004;Sand AS;Hamar\n1005;Lie AS;Skien\n'), {
      kind: 'customers',
      onDuplicate: 'skip',
    });
    if (!start.ok) throw new Error('expected a readable file');
    const input = { ...start.input, existing: emptyData(), newId: sequentialIds() };
    const progress: [ImportPhase, number, number][] = [];
    let pauses = 0;
    const plan = await planInChunks(
      createImportPlanner(input),
      async () => void pauses++,
      (phase, done, total) => progress.push([phase, done, total]),
      2,
    );
    expect(progress).toEqual([
      ['checking', 2, 5],
      ['checking', 4, 5],
      ['comparing', 5, 5],
    ]);
    expect(pauses).toBe(3);
    expect(plan).toEqual(planImport({ ...input, newId: sequentialIds() }));
    expect(plan.counts.new).toBe(5);
  });
});
