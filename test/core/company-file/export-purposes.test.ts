/**
 * A backup holds the company's export settings, whatever they are for: one per purpose, EHF's among
 * them, must restore (the bench's restore of one export per registered format found an EHF export
 * refused as "must be one of accounting, factoring, payroll, other").
 */
import { describe, expect, it } from 'vitest';
import { parseCompanyFile, serializeCompanyFile, toCompanyFile } from '../../../src/core/company-file/company-file.ts';
import type { ExportConfig } from '../../../src/core/export/types.ts';
import { FORMAT_PURPOSES } from '../../../src/core/formats/types.ts';
import { smallCompany } from '../../helpers/small-company.ts';

describe('export settings in a backup', () => {
  it.each(FORMAT_PURPOSES)('an export for %s is read back as written', (purpose) => {
    const config: ExportConfig = {
      id: `export-${purpose}`,
      name: `An export for ${purpose}`,
      purpose,
      invoiceDateLimit: 'none',
      isDefault: true,
      target: { kind: 'format', formatId: purpose === 'ehf' ? 'ehf' : 'xero' },
      settings: {},
    };
    const read = parseCompanyFile(serializeCompanyFile(toCompanyFile(smallCompany(), { exportConfigs: [config] })));
    expect(read.ok ? read.file.exportConfigs : read.errors).toEqual([config]);
  });
});
