import { describe, expect, it } from 'vitest';
import {
  CURRENT_VERSION,
  parseCompanyFile,
  serializeCompanyFile,
  toCompanyFile,
} from '../../../src/core/company-file/company-file.ts';
import { smallCompany } from '../../helpers/small-company.ts';

describe('company file', () => {
  it('reads back what it writes', () => {
    const file = toCompanyFile(smallCompany());
    const parsed = parseCompanyFile(serializeCompanyFile(file));
    expect(parsed).toEqual({ ok: true, file });
  });

  it('reads a version 1 file: its single status is accounting, factoring starts as Has been transferred', () => {
    const file = toCompanyFile(smallCompany());
    const v1 = JSON.parse(serializeCompanyFile(file)) as Record<string, unknown>;
    v1['version'] = 1;
    v1['invoices'] = file.invoices.map(({ factoringStatus: _, ...invoice }, i) =>
      i === 0 ? { ...invoice, exportStatus: 'do-not-transfer' } : invoice,
    );
    const parsed = parseCompanyFile(JSON.stringify(v1));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.file.version).toBe(CURRENT_VERSION);
    expect(parsed.file.invoices.map((i) => `${i.exportStatus}:${i.factoringStatus}`)).toEqual([
      'do-not-transfer:transferred',
      'to-transfer:transferred',
      'to-transfer:transferred',
      'to-transfer:transferred',
      'to-transfer:transferred',
    ]);
    // The current version writes both statuses and requires the factoring one.
    expect(serializeCompanyFile(parsed.file)).toContain('"factoringStatus": "transferred"');
    const current = JSON.parse(serializeCompanyFile(file)) as { invoices: Record<string, unknown>[] };
    delete current.invoices[0]!['factoringStatus'];
    expect(parseCompanyFile(JSON.stringify({ ...current, format: 'exportdesk-company', version: 2 })).ok).toBe(false);
  });

  it('refuses a file from a newer version with a clear message', () => {
    const text = serializeCompanyFile({ ...toCompanyFile(smallCompany()), version: CURRENT_VERSION + 1 });
    const parsed = parseCompanyFile(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.errors[0]).toContain(
        `version ${CURRENT_VERSION + 1}, made by a newer Exportdesk; this one reads up to version ${CURRENT_VERSION}`,
      );
  });

  it.each([
    ['garbage', 'not valid JSON'],
    ['{"hello": 1}', 'expected "format": "exportdesk-company"'],
    ['[1,2]', 'expected "format"'],
    ['{"format":"exportdesk-company"}', 'no valid "version"'],
  ])('rejects %s', (text, message) => {
    const parsed = parseCompanyFile(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.join('\n')).toContain(message);
  });

  it('names the record and field that is wrong', () => {
    const file = toCompanyFile(smallCompany());
    const json = JSON.parse(serializeCompanyFile(file));
    json.invoices[0].lines[0].unitPrice = 12.5;
    json.timeRecords[0].date = '31.12.2024';
    json.customers.push({ ...json.customers[0] });
    const parsed = parseCompanyFile(JSON.stringify(json));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toContain(
      'invoices[0].lines[0].unitPrice: must be a whole number of minor units (øre/cents) (got 12.5).',
    );
    expect(parsed.errors).toContain('timeRecords[0].date: must be a date YYYY-MM-DD (got "31.12.2024").');
    expect(parsed.errors.some((e) => e.startsWith('customers[1]: number "10" appears more than once'))).toBe(true);
  });

  describe('pay rates (users[].payRates, timeRecords[].payRate)', () => {
    it('round-trips them when set', () => {
      const data = smallCompany();
      data.users[0] = { ...data.users[0]!, payRates: { '100': 38000, '120': 57000 } };
      data.timeRecords[0] = { ...data.timeRecords[0]!, payRate: 41050 };
      const file = toCompanyFile(data);
      const parsed = parseCompanyFile(serializeCompanyFile(file));
      expect(parsed).toEqual({ ok: true, file });
      if (parsed.ok) {
        expect(parsed.file.users[0]!.payRates).toEqual({ '100': 38000, '120': 57000 });
        expect(parsed.file.timeRecords[0]!.payRate).toBe(41050);
        expect(parsed.file.timeRecords[1]!.payRate).toBeNull();
      }
    });

    it('restores a backup written before they existed, with none set', () => {
      const json = JSON.parse(serializeCompanyFile(toCompanyFile(smallCompany())));
      for (const user of json.users) delete user.payRates;
      for (const record of json.timeRecords) delete record.payRate;
      const parsed = parseCompanyFile(JSON.stringify(json));
      expect(parsed).toEqual({ ok: true, file: toCompanyFile(smallCompany()) });
      if (parsed.ok) {
        expect(parsed.file.users.map((u) => u.payRates)).toEqual([{}, {}]);
        expect(parsed.file.timeRecords.map((r) => r.payRate)).toEqual([null, null]);
      }
    });

    it('names a pay rate that is not whole minor units', () => {
      const json = JSON.parse(serializeCompanyFile(toCompanyFile(smallCompany())));
      json.users[0].payRates = { '100': 380.5 };
      json.timeRecords[0].payRate = '410';
      const parsed = parseCompanyFile(JSON.stringify(json));
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      expect(parsed.errors).toContain(
        'users[0].payRates: must be an object of whole numbers of minor units by code, e.g. {"100": 35000} (got {"100":380.5}).',
      );
      expect(parsed.errors).toContain(
        'timeRecords[0].payRate: must be a whole number of minor units or null (got "410").',
      );
    });
  });
});
