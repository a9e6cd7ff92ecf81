/**
 * `exportdesk export`: the app's export pipeline without the status changes. Invoices
 * waiting for export (finalized, To transfer) are taken, as in the app; time records and
 * claims need a period. The files written are byte-identical to the app's for the same
 * data, settings and clock (`--now`).
 */
import { englishIssueMessage, englishIssueText } from '../ui/i18n/issue-text.ts';
import { readFileSync, existsSync } from 'node:fs';
import { InputError, UsageError, checkKnown, option, requiredOption, type ParsedArgs } from './args.ts';
import { newId, readCompanyFileOrFail, writeOutputFiles } from './main.ts';
import { loadFormat, resolveSettings } from '../core/formats/registry.ts';
import { generateExport, ExportBlockedError } from '../core/export/pipeline.ts';
import { planRun, recordSelection, runContext, runSelection } from '../core/export/run.ts';
import { INVOICE_DATE_LIMITS, type ExportConfig, type InvoiceDateLimit } from '../core/export/types.ts';
import { isIsoDate, toIsoDateTime } from '../core/domain/dates.ts';
import type { ExportIssue, FormatDefinition } from '../core/formats/types.ts';
import { templateFormatFromJson } from './template-target.ts';
import { UnsafeFileNameError } from '../core/export/file-names.ts';

const KNOWN = [
  'company',
  'out',
  'settings',
  'set',
  'from',
  'to',
  'now',
  'template',
  'date-limit',
  'include-external',
  'only-approved',
  'locale',
];

export async function runCliExport(args: ParsedArgs, out: (text: string) => void): Promise<number> {
  checkKnown(args, KNOWN);
  const templatePath = option(args, 'template');
  const formatId = args.positionals[0];
  if (!formatId && !templatePath)
    throw new UsageError('Name a format id (see `exportdesk formats`) or give --template.');
  if (formatId && templatePath) throw new UsageError('Give either a format id or --template, not both.');
  const file = readCompanyFileOrFail(requiredOption(args, 'company'));
  const outDir = requiredOption(args, 'out');

  const format: FormatDefinition = templatePath
    ? templateFormatFromJson(readText(templatePath))
    : await lookUpFormat(formatId!);
  // The company file carries its export settings: an export configured there for this format
  // is the base, so the CLI writes what the app writes; --settings and --set override it.
  const configured = templatePath ? undefined : configuredExport(file.exportConfigs, format.id);
  if (configured) out(`Using the settings of the export "${configured.name}" in the company file.\n`);
  const raw = {
    ...(configured?.settings ?? {}),
    ...readSettingsFile(option(args, 'settings')),
    ...parseSets(args.options.get('set') ?? []),
  };
  const { settings, errors } = resolveSettings(format, raw);
  if (errors.length > 0)
    throw new InputError(
      `Invalid settings for ${format.id}:\n  ${errors.map((e) => `${e.key}: ${englishIssueMessage(e.issue)}`).join('\n  ')}`,
    );

  const now = option(args, 'now') ?? toIsoDateTime(new Date());
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(now) || !isIsoDate(now.slice(0, 10)))
    throw new UsageError('--now must be YYYY-MM-DDTHH:mm:ss.');
  const from = option(args, 'from');
  const to = option(args, 'to');
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value !== undefined && !isIsoDate(value)) throw new UsageError(`--${name} must be a date YYYY-MM-DD.`);
  }
  if ((from === undefined) !== (to === undefined)) throw new UsageError('Give both --from and --to, or neither.');
  const dateLimit = (option(args, 'date-limit') ?? configured?.invoiceDateLimit ?? 'none') as InvoiceDateLimit;
  if (!INVOICE_DATE_LIMITS.includes(dateLimit))
    throw new UsageError(`--date-limit must be one of ${INVOICE_DATE_LIMITS.join(', ')}.`);

  const requested = runSelection(
    format.dataType,
    {
      ...(from && to ? { from, to } : {}),
      includeExternal: args.flags.has('include-external'),
      onlyApproved: args.flags.has('only-approved'),
    },
    format.periodExport,
  );
  if (!requested)
    throw new UsageError(
      `${format.name} exports ${format.periodExport ? 'a period' : `${format.dataType} by period`}: give --from and --to.`,
    );
  const config: ExportConfig = {
    id: 'cli',
    name: format.name,
    purpose: format.purpose,
    target: templatePath ? { kind: 'template', templateId: format.id } : { kind: 'format', formatId: format.id },
    settings,
    invoiceDateLimit: dateLimit,
    isDefault: true,
  };
  const context = runContext({ now, locale: option(args, 'locale') ?? 'nb-NO', selection: requested });
  const selection = recordSelection(requested, now.slice(0, 10));
  // The company file holds every record: the pipeline's selection takes what the app would read.
  const plan = await planRun({ data: file, format, settings, targetIssues: [], config, selection, context });
  try {
    const result = await generateExport(plan, format, config, settings, context, newId);
    const paths = writeOutputFiles(
      outDir,
      result.files.length > 1
        ? [...result.files, { name: result.download.name, bytes: result.download.bytes }]
        : result.files,
    );
    for (const warning of result.issues.filter((i) => i.severity === 'warning'))
      out(`warning: ${describeIssue(warning)}\n`);
    for (const line of result.batch.report) out(`note: ${line}\n`);
    out(
      `Exported ${plan.summary.recordCount} records with ${format.name}:\n${paths.map((p) => `  ${p}`).join('\n')}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ExportBlockedError) {
      throw new InputError(
        `The export was stopped by pre-flight checks; no file was written:\n  ${error.issues
          .filter((i) => i.severity === 'error')
          .map(describeIssue)
          .join('\n  ')}`,
      );
    }
    if (error instanceof UnsafeFileNameError)
      throw new InputError(`The export was stopped; no file was written: ${error.message}`);
    throw error;
  }
}

/** One line per issue, as the UI's issue list words it in English (src/ui/i18n/issue-text.ts). */
export function describeIssue(issue: ExportIssue): string {
  return englishIssueText(issue);
}

/** The default export of this format in the company file, else the first one. */
function configuredExport(configs: readonly ExportConfig[], formatId: string): ExportConfig | undefined {
  const matching = configs.filter((c) => c.target.kind === 'format' && c.target.formatId === formatId);
  return matching.find((c) => c.isDefault) ?? matching[0];
}

async function lookUpFormat(id: string): Promise<FormatDefinition> {
  const format = await loadFormat(id);
  if (!format) throw new InputError(`Unknown format "${id}". See \`exportdesk formats\` for the list.`);
  return format;
}

function readText(path: string): string {
  if (!existsSync(path)) throw new InputError(`${path}: no such file.`);
  return readFileSync(path, 'utf8');
}

function readSettingsFile(path: string | undefined): Record<string, unknown> {
  if (!path) return {};
  let json: unknown;
  try {
    json = JSON.parse(readText(path));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new InputError(`${path} must hold a JSON object of settings.`);
  return json as Record<string, unknown>;
}

function parseSets(values: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const value of values) {
    const eq = value.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set takes key=value, got "${value}".`);
    result[value.slice(0, eq)] = value.slice(eq + 1);
  }
  return result;
}
