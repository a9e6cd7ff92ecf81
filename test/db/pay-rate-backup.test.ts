/**
 * Backup round trip of pay rates through IndexedDB: a company file with pay rates restores and
 * backs up unchanged; an older backup without them restores with none (`payRates` {} and
 * `payRate` null); and a record stored before pay rates existed (no key at all) still reads back
 * and exports as "no pay rate".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  parseCompanyFile,
  serializeCompanyFile,
  toCompanyFile,
  type CompanyFile,
} from '../../src/core/company-file/company-file.ts';
import { ExportdeskDatabase } from '../../src/db/database.ts';
import { readCompanyData, readCompanyFile, replaceCompany } from '../../src/db/company-store.ts';
import { vismaLonn } from '../../src/core/formats/systems/visma-lonn/visma-lonn.ts';
import { smallCompany } from '../helpers/small-company.ts';

function parsed(text: string): CompanyFile {
  const result = parseCompanyFile(text);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.file;
}

describe('pay rates survive backup and restore', () => {
  let db: ExportdeskDatabase;
  beforeEach(() => {
    db = new ExportdeskDatabase(`test-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('with pay rates: restore, back up, the same values', async () => {
    const data = smallCompany();
    data.users[0] = { ...data.users[0]!, payRates: { '100': 38000 } };
    data.timeRecords[1] = { ...data.timeRecords[1]!, payRate: 52000 };
    await replaceCompany(db, parsed(serializeCompanyFile(toCompanyFile(data))));
    const backup = (await readCompanyFile(db))!;
    expect(backup.users[0]!.payRates).toEqual({ '100': 38000 });
    expect(backup.timeRecords.map((r) => r.payRate)).toEqual([null, 52000]);
    expect(parsed(serializeCompanyFile(backup)).users).toEqual(data.users);
  });

  it('an older backup without them restores with none', async () => {
    const json = JSON.parse(serializeCompanyFile(toCompanyFile(smallCompany())));
    for (const user of json.users) delete user.payRates;
    for (const record of json.timeRecords) delete record.payRate;
    await replaceCompany(db, parsed(JSON.stringify(json)));
    const restored = (await readCompanyData(db))!;
    expect(restored.users.map((u) => u.payRates)).toEqual([{}, {}]);
    expect(restored.timeRecords.map((r) => r.payRate)).toEqual([null, null]);
  });

  it('a record stored before pay rates existed reads back without one and exports a zero rate', async () => {
    const file = toCompanyFile(smallCompany());
    await replaceCompany(db, file);
    // As a row written by an older version: no payRate / payRates keys at all.
    await db.timeRecords.toCollection().modify((r) => void delete r.payRate);
    await db.users.toCollection().modify((u) => void delete u.payRates);
    const data = (await readCompanyData(db))!;
    expect(data.timeRecords.every((r) => !('payRate' in r))).toBe(true);
    const result = vismaLonn.generate(
      { ...data, timeRecords: data.timeRecords.slice(0, 1) },
      {},
      {
        now: '2026-06-01T12:00:00',
        locale: 'nb-NO',
        programName: 'Exportdesk',
        programVersion: 'test',
      },
    );
    const cells = new TextDecoder('windows-1252').decode(result.files[0]!.bytes).split(';');
    expect([cells[6], cells[7]]).toEqual(['0.00', '0.00']);
  });
});
