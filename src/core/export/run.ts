/**
 * One export run's rules, shared by the export worker (workers/export-worker.ts, which reads
 * IndexedDB) and the CLI (src/cli/export-command.ts, which reads a company file), so both build
 * the same context, take the same records and plan the same way:
 * - `runContext`: the clock, locale, program and period every format sees;
 * - `runSelection`: which kind of selection a format's data type needs (the CLI's rule);
 * - `runLoad`: what the caller must read before planning (To transfer invoices up to the
 *   config's date limit, or a period's records and the earlier batches that overlap it);
 * - `recordSelection` and `planRun`: the pipeline's selection and plan;
 * - `describeConfig`, `configProblems` and `planResponse`: what the page is told.
 */
import type { CompanyData, IsoDate, IsoDateTime } from '../domain/types.ts';
import { PROGRAM_NAME, PROGRAM_VERSION } from '../program.ts';
import type { ExportContext, FormatDataType, FormatDefinition, FormatSettings, ExportIssue } from '../formats/types.ts';
import type { ConfigDescription, ConfigProblem, PlanResponse, RunProgress, RunSelectionRequest } from './api.ts';
import { capRepeatedIssues, issue } from '../formats/issues.ts';
import { invoiceDateLimitDate } from './export-status.ts';
import { planPeriodExport, type PeriodReader } from './period-stream.ts';
import { exportedKeys, planExport, type ExportPlan, type RecordSelection } from './pipeline.ts';
import { describeTarget, type StoredTemplate } from './targets.ts';
import type { ExportBatch, ExportConfig } from './types.ts';

/** The context every format of a run sees. */
export function runContext(input: {
  now: IsoDateTime;
  locale: string;
  selection: Pick<RunSelectionRequest, 'kind'> & { from?: IsoDate; to?: IsoDate };
}): ExportContext {
  const { selection } = input;
  return {
    now: input.now,
    locale: input.locale,
    programName: PROGRAM_NAME,
    programVersion: PROGRAM_VERSION,
    ...(selection.kind === 'period' && selection.from !== undefined && selection.to !== undefined
      ? { period: { from: selection.from, to: selection.to } }
      : {}),
  };
}

/**
 * The selection a format's data type takes: invoices (and master data) are taken as waiting for
 * export, optionally within issue dates; time records and claims by period. Null: the format
 * needs a period and none was given.
 */
export function runSelection(
  dataType: FormatDataType,
  input: { from?: IsoDate; to?: IsoDate; includeExternal: boolean; onlyApproved: boolean },
  /** The format's `periodExport` (SAF-T): invoices by period, which needs the period too. */
  periodExport = false,
): RunSelectionRequest | null {
  const { from, to } = input;
  if ((dataType === 'invoices' || dataType === 'customers') && !periodExport)
    return { kind: 'invoices', ...(from && to ? { issueDateRange: { from, to } } : {}) };
  if (!from || !to) return null;
  return {
    kind: 'period',
    from,
    to,
    includeExternal: input.includeExternal,
    onlyApproved: input.onlyApproved,
    leaveOutExported: false,
  };
}

/** What the caller reads before planning. */
export type RunLoad =
  /** The To transfer invoices issued up to `lastIssueDate` (the config's date limit). */
  | { kind: 'invoices'; lastIssueDate: IsoDate }
  /** The period's records of `dataType`, and the active batches of `dataType` overlapping the period. */
  | { kind: 'period'; dataType: FormatDataType; from: IsoDate; to: IsoDate };

export function runLoad(
  config: ExportConfig,
  dataType: FormatDataType,
  selection: RunSelectionRequest,
  today: IsoDate,
): RunLoad {
  if (selection.kind === 'invoices')
    return { kind: 'invoices', lastIssueDate: invoiceDateLimitDate(config.invoiceDateLimit, today) ?? '9999-99-99' };
  return { kind: 'period', dataType, from: selection.from, to: selection.to };
}

/** The pipeline's selection; `overlapping` (with their record keys) are left out when the request asks. */
export function recordSelection(
  selection: RunSelectionRequest,
  today: IsoDate,
  overlapping: readonly ExportBatch[] = [],
): RecordSelection {
  if (selection.kind === 'invoices')
    return {
      kind: 'invoices',
      today,
      ...(selection.issueDateRange ? { issueDateRange: selection.issueDateRange } : {}),
    };
  return {
    kind: 'period',
    from: selection.from,
    to: selection.to,
    includeExternal: selection.includeExternal,
    onlyApproved: selection.onlyApproved,
    ...(selection.leaveOutExported ? { exclude: exportedKeys(overlapping) } : {}),
  };
}

/**
 * The run's plan. A period export with a `reader` is planned chunk by chunk when the format can,
 * so only one chunk of records is alive (src/core/export/period-stream.ts); otherwise `data`
 * holds the records and `planExport` checks them all at once. The target's own issues (invalid
 * settings) come first.
 */
export async function planRun(input: {
  data: CompanyData;
  format: FormatDefinition;
  settings: FormatSettings;
  targetIssues: readonly ExportIssue[];
  config: ExportConfig;
  selection: RecordSelection;
  context: ExportContext;
  reader?: PeriodReader;
  progress?: RunProgress;
}): Promise<ExportPlan> {
  const { data, format, settings, config, selection, context, reader, progress } = input;
  let plan: ExportPlan;
  if (selection.kind === 'period' && reader) {
    plan = await planPeriodExport(data, format, config, settings, selection, context, reader, {
      chunk: (read) => progress?.('readingAndChecking', 0.05 + 0.15 * read),
      checking: () => progress?.('checking', 0.2),
    });
  } else {
    progress?.('checking', 0.2);
    plan = planExport(data, format, config, settings, selection, context);
  }
  // A new array rather than `unshift(...)`: a spread of many issues passes V8's argument limit.
  plan.summary.issues = [...input.targetIssues, ...plan.summary.issues];
  return plan;
}

export function planResponse(
  config: ExportConfig,
  format: Pick<FormatDefinition, 'name' | 'dataType'>,
  plan: ExportPlan,
  overlapping: readonly ExportBatch[],
): PlanResponse {
  return {
    configName: config.name,
    targetName: format.name,
    dataType: format.dataType,
    summary: { ...plan.summary, issues: capRepeatedIssues(plan.summary.issues) },
    overlapping: overlapping.map((b) => ({
      id: b.id,
      createdAt: b.createdAt,
      configName: b.configName,
      period: b.period,
      recordCount: b.recordCount,
    })),
  };
}

/** A config as the export list shows it; no format code is loaded. */
export function describeConfig(config: ExportConfig, templates: readonly StoredTemplate[]): ConfigDescription {
  const common = { id: config.id, name: config.name, purpose: config.purpose, isDefault: config.isDefault };
  try {
    const target = describeTarget(config, templates);
    return {
      ...common,
      targetName: target.info.name,
      dataType: target.info.dataType,
      ...(target.info.periodExport ? { periodExport: true as const } : {}),
      problem: target.issues.map((i) => i.message ?? i.code).join(' '),
    };
  } catch (error) {
    return { ...common, targetName: '', dataType: '', problem: (error as Error).message };
  }
}

/** A config's settings checked against its format or template: field errors, empty when valid. */
export function configProblems(config: ExportConfig, templates: readonly StoredTemplate[]): ConfigProblem[] {
  try {
    return describeTarget(config, templates).issues.map((i) => ({ key: i.field ?? '', issue: i }));
  } catch (error) {
    return [{ key: '', issue: issue('error', 'template-invalid', { problem: (error as Error).message }) }];
  }
}
