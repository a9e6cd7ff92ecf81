/**
 * docs/adding-a-format.md walked through: a throwaway format made by the documented steps
 * (test/fixtures/formats/throwaway/: its metadata module and its code), registered by a registry
 * line of the documented shape, and exported through the run the export worker and the CLI use
 * (src/core/export/run.ts, targets.ts, pipeline.ts). The registry's list is static, so the test
 * hands its own list (the built-in lines plus this one) to the run; the app's FORMATS is left alone.
 */
import { englishIssueMessage } from '../../../src/ui/i18n/issue-text.ts';
import { describe, expect, it } from 'vitest';
import { describeTarget } from '../../../src/core/export/targets.ts';
import { generateExport } from '../../../src/core/export/pipeline.ts';
import { planRun, recordSelection, runContext, runLoad } from '../../../src/core/export/run.ts';
import type { RunSelectionRequest } from '../../../src/core/export/api.ts';
import type { ExportConfig } from '../../../src/core/export/types.ts';
import { FORMATS, getFormat, resolveSettings } from '../../../src/core/formats/registry.ts';
import type { RegisteredFormat } from '../../../src/core/formats/types.ts';
import { throwawayInfo } from '../../fixtures/formats/throwaway/info.ts';
import { TEST_NOW, testCompany } from '../../fixtures/test-company.ts';
import { expectGolden } from '../../helpers/golden.ts';

let loads = 0;
/** Step 2: the registry line, as the lines of FORMATS in src/core/formats/registry.ts are written. */
const throwawayLine: RegisteredFormat = {
  ...throwawayInfo,
  load: () => (loads++, import('../../fixtures/formats/throwaway/throwaway.ts').then((m) => m.throwaway)),
};
const formats = [...FORMATS, throwawayLine];

const config: ExportConfig = {
  id: 'throwaway-config',
  name: 'Throwaway',
  purpose: 'accounting',
  target: { kind: 'format', formatId: 'throwaway' },
  settings: { delimiter: ',' },
  invoiceDateLimit: 'none',
  isDefault: true,
};

describe('adding a format (docs/adding-a-format.md)', () => {
  it('its registry line is metadata and settings; the code loads only when a run needs it', () => {
    const described = describeTarget(config, [], formats);
    expect(described.info.name).toBe('Throwaway invoice list');
    expect(described.settings).toEqual({ delimiter: ',', encoding: 'windows-1252' });
    expect(described.issues).toEqual([]);
    const [refused] = resolveSettings(getFormat('throwaway', formats)!, { delimiter: '|' }).errors;
    expect(refused?.key).toBe('delimiter');
    expect(englishIssueMessage(refused!.issue)).toBe('Delimiter must be one of ;, ,, not "|".');
    expect(loads).toBe(0);
  });

  it('exports through the run the worker and the CLI use, to its golden bytes', async () => {
    const data = testCompany();
    const today = TEST_NOW.slice(0, 10);
    const request: RunSelectionRequest = { kind: 'invoices' };
    const described = describeTarget(config, [], formats);
    // What the worker reads before planning: every To transfer invoice (no date limit).
    expect(runLoad(config, described.info.dataType, request, today)).toEqual({
      kind: 'invoices',
      lastIssueDate: '9999-99-99',
    });
    const format = await described.load();
    expect(loads).toBe(1);
    const context = runContext({ now: TEST_NOW, locale: 'nb-NO', selection: request });
    const plan = await planRun({
      data,
      format,
      settings: described.settings,
      targetIssues: described.issues,
      config,
      selection: recordSelection(request, today),
      context,
    });
    expect(plan.summary.issues.filter((i) => i.severity === 'error')).toEqual([]);
    let n = 0;
    const result = await generateExport(plan, format, config, described.settings, context, () => `id-${++n}`);
    expect(result.download.name).toBe('THROWAWAY_20261126-0930.csv');
    const lines = new TextDecoder('windows-1252').decode(result.download.bytes).split('\r\n');
    expect(lines[0]).toBe('Invoice,Date,Customer,Gross');
    expect(lines).toHaveLength(plan.summary.recordCount + 2);
    // Step 3: the golden case (test/golden/<id>/, written with UPDATE_GOLDEN=1 and read by eye).
    expectGolden(`test/golden/throwaway/${result.download.name}`, result.download.bytes);
  });
});
