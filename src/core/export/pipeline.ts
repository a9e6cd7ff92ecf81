/**
 * The export pipeline shared by the app's worker and the CLI, so both write the same
 * bytes: select the records, run pre-flight checks, generate, bundle several files as
 * one ZIP with a manifest, and describe the batch for the export history.
 * Changing statuses and storing the batch is the caller's job (src/db/export-store.ts).
 * Period exports whose format can render chunk by chunk are planned by period-stream.ts
 * instead of `planExport`; its plan carries the generated result, and `generateExport` then
 * packages it like any other.
 */
import type { Claim, CompanyData, Invoice, IsoDate, TimeRecord } from '../domain/types.ts';
import { amountRules, invoiceAmounts } from '../domain/invoice-amounts.ts';
import type {
  ExportContext,
  ExportFile,
  ExportIssue,
  ExportResult,
  FormatDefinition,
  FormatSettings,
} from '../formats/types.ts';
import { capRepeatedIssues, issue, uniqueIssues } from '../formats/issues.ts';
import { invoiceDateLimitDate, isWaiting, statusPurposeOf, takesCustomer } from './export-status.ts';
import type { ExportBatch, ExportConfig, ExportedFileMeta } from './types.ts';
import { bundleFiles, sha256Hex } from './bundle.ts';
import { fileNameIssue, fileNameProblem } from './file-names.ts';

export type RecordSelection =
  | {
      kind: 'invoices';
      /** Finalized invoices waiting for export under the config's date limit are taken, or exactly these ids. */
      invoiceIds?: readonly string[];
      today: IsoDate;
      /** Restrict to issue dates in this range (the CLI's --from/--to). */
      issueDateRange?: { from: IsoDate; to: IsoDate };
    }
  | {
      kind: 'period';
      from: IsoDate;
      to: IsoDate;
      includeExternal: boolean;
      onlyApproved: boolean;
      /** Time-record ids or claim numbers to leave out (already exported in an overlapping batch). */
      exclude?: ReadonlySet<string>;
    };

export interface ExportSummary {
  recordCount: number;
  /** Gross per currency (invoices) in minor units; hours and amounts for period exports. */
  totals: Record<string, number>;
  firstDate: IsoDate | '';
  lastDate: IsoDate | '';
  issues: ExportIssue[];
}

export interface ExportPlan {
  data: CompanyData;
  summary: ExportSummary;
  /** Invoice ids or time-record ids / claim numbers in the export (a chunked plan makes the list on first read). */
  readonly keys: string[];
  /** `keys` as JSON text; a chunked plan writes it without making the list (a million keys as strings cost more heap than the file). */
  keysJson?: () => string;
  /**
   * A plan made chunk by chunk (period-stream.ts) already holds what `format.generate` would
   * return for all its records; `data` then holds the master data only.
   */
  generated?: ExportResult;
}

/** Narrows `data` to the records this export takes. */
export function selectRecords(
  data: CompanyData,
  format: Pick<FormatDefinition, 'dataType'>,
  config: ExportConfig,
  selection: RecordSelection,
): CompanyData {
  const base = { ...data, invoices: [] as Invoice[], timeRecords: [] as TimeRecord[], claims: [] as Claim[] };
  if (format.dataType === 'customers') return { ...data, invoices: [], timeRecords: [], claims: [] };
  if (selection.kind === 'invoices') {
    if (format.dataType !== 'invoices') throw new Error(`${config.name} exports ${format.dataType}, not invoices.`);
    const lastDate = invoiceDateLimitDate(config.invoiceDateLimit, selection.today);
    const ids = selection.invoiceIds ? new Set(selection.invoiceIds) : null;
    const range = selection.issueDateRange;
    const purpose = statusPurposeOf(config.purpose);
    const takes = takesCustomer(config, data.customers);
    base.invoices = data.invoices
      .filter((i) => (ids ? ids.has(i.id) && i.status === 'finalized' : isWaiting(i, lastDate, purpose)))
      .filter((i) => takes(i.customerNumber))
      .filter((i) => !range || (i.issueDate >= range.from && i.issueDate <= range.to))
      .sort((a, b) =>
        a.issueDate < b.issueDate
          ? -1
          : a.issueDate > b.issueDate
            ? 1
            : a.number < b.number
              ? -1
              : a.number > b.number
                ? 1
                : 0,
      );
    return base;
  }
  const { from, to, includeExternal, onlyApproved, exclude } = selection;
  const external = new Set(data.users.filter((u) => u.external).map((u) => u.employeeNumber));
  const keepEmployee = (employeeNumber: string) => includeExternal || !external.has(employeeNumber);
  if (format.dataType === 'timeRecords') {
    base.timeRecords = data.timeRecords.filter(
      (r) =>
        r.date >= from &&
        r.date <= to &&
        keepEmployee(r.employeeNumber) &&
        (!onlyApproved || r.approved) &&
        !exclude?.has(r.id),
    );
  } else if (format.dataType === 'claims') {
    base.claims = data.claims.filter(
      (c) =>
        c.date >= from &&
        c.date <= to &&
        keepEmployee(c.employeeNumber) &&
        (!onlyApproved || c.status === 'approved' || c.status === 'paid') &&
        !exclude?.has(c.claimNumber),
    );
  } else if (format.dataType === 'invoices') {
    // A period export of invoices (SAF-T): every finalized invoice of the period, whatever its status.
    base.invoices = data.invoices
      .filter((i) => i.status === 'finalized' && i.issueDate >= from && i.issueDate <= to)
      .sort((a, b) =>
        a.issueDate !== b.issueDate
          ? a.issueDate < b.issueDate
            ? -1
            : 1
          : a.number < b.number
            ? -1
            : a.number > b.number
              ? 1
              : 0,
      );
  } else {
    throw new Error(`${config.name} exports ${format.dataType}; choose a period export for time records or claims.`);
  }
  return base;
}

export function recordKeys(data: CompanyData, format: Pick<FormatDefinition, 'dataType'>): string[] {
  switch (format.dataType) {
    case 'invoices':
      return data.invoices.map((i) => i.id);
    case 'timeRecords':
      return data.timeRecords.map((r) => r.id);
    case 'claims':
      return data.claims.map((c) => c.claimNumber);
    case 'customers':
      return data.customers.map((c) => c.number);
  }
}

/** What the run dialog shows before anything is generated: counts, totals, date span and pre-flight issues. */
export function planExport(
  data: CompanyData,
  format: FormatDefinition,
  config: ExportConfig,
  settings: FormatSettings,
  selection: RecordSelection,
  context: ExportContext,
): ExportPlan {
  const selected = selectRecords(data, format, config, selection);
  const issues = [
    ...genericIssues(selected, format),
    ...leftOutWithoutPeppolId(data, format, config, selection),
    ...format.preflight(selected, settings, context),
  ];
  return { data: selected, summary: summarize(selected, format, issues), keys: recordKeys(selected, format) };
}

/**
 * An EHF export takes only invoices of customers with a PEPPOL id (`takesCustomer`); the invoices it
 * would otherwise take are named in pre-flight, one warning each, so the user can add the ids.
 */
function leftOutWithoutPeppolId(
  data: CompanyData,
  format: Pick<FormatDefinition, 'dataType'>,
  config: ExportConfig,
  selection: RecordSelection,
): ExportIssue[] {
  if (config.purpose !== 'ehf' || selection.kind !== 'invoices' || format.dataType !== 'invoices') return [];
  const everyCustomer = selectRecords(
    { ...data, customers: data.customers.map((c) => ({ ...c, peppolId: c.peppolId || '-' })) },
    format,
    config,
    selection,
  );
  const customers = new Map(data.customers.map((c) => [c.number, c]));
  return everyCustomer.invoices
    .filter((i) => !(customers.get(i.customerNumber)?.peppolId ?? '').trim())
    .map((i) =>
      issue(
        'warning',
        'ehf-no-peppol-id',
        { invoice: i.number || i.id, customer: i.customerNumber },
        { kind: 'customer', key: i.customerNumber },
        'peppolId',
      ),
    );
}

/**
 * The checks of the selection itself, whatever the format. Checks of the records (an invoice
 * without number or lines, ...) belong to the formats (src/core/formats/kit/invoice-checks.ts),
 * so that each is found once, with one code.
 */
export function genericIssues(
  data: CompanyData,
  format: FormatDefinition,
  selectedCount = recordKeys(data, format).length,
): ExportIssue[] {
  return selectedCount === 0 ? [issue('error', 'nothing-to-export')] : [];
}

function summarize(data: CompanyData, format: FormatDefinition, issues: ExportIssue[]): ExportSummary {
  const totals: Record<string, number> = {};
  const dates: IsoDate[] = [];
  if (format.dataType === 'invoices') {
    const rules = amountRules(data);
    for (const invoice of data.invoices) {
      const key = `gross ${invoice.currency}`;
      totals[key] = (totals[key] ?? 0) + invoiceAmounts(invoice, rules).gross;
      dates.push(invoice.issueDate);
    }
  } else if (format.dataType === 'timeRecords' || format.dataType === 'claims') {
    const tally = new PeriodTally(format.dataType);
    tally.add(data);
    return tally.summary(recordKeys(data, format).length, issues);
  }
  dates.sort();
  return {
    recordCount: recordKeys(data, format).length,
    totals,
    firstDate: dates[0] ?? '',
    lastDate: dates[dates.length - 1] ?? '',
    issues,
  };
}

/**
 * Hours or amounts per currency and the date span of a period's records, added chunk by
 * chunk (a whole plan adds all of them at once). The first and last date are the smallest and
 * largest, as the sorted dates' ends were.
 */
export class PeriodTally {
  private readonly totals: Record<string, number> = {};
  private hundredths = 0;
  private firstDate: IsoDate | '' = '';
  private lastDate: IsoDate | '' = '';
  constructor(private readonly dataType: 'timeRecords' | 'claims') {}

  add(records: Pick<CompanyData, 'timeRecords' | 'claims'>): void {
    if (this.dataType === 'timeRecords') {
      for (const r of records.timeRecords) {
        this.hundredths += Math.round(r.hours * 100);
        this.seeDate(r.date);
      }
      return;
    }
    for (const claim of records.claims) {
      this.seeDate(claim.date);
      for (const item of claim.items) {
        const key = `amount ${item.currency}`;
        this.totals[key] = (this.totals[key] ?? 0) + item.amount;
      }
    }
  }

  private dated = false;

  private seeDate(date: IsoDate): void {
    if (!this.dated || date < this.firstDate) this.firstDate = date;
    if (!this.dated || date > this.lastDate) this.lastDate = date;
    this.dated = true;
  }

  summary(recordCount: number, issues: ExportIssue[]): ExportSummary {
    const totals =
      this.dataType === 'timeRecords' ? { ...this.totals, hours: this.hundredths / 100 } : { ...this.totals };
    return { recordCount, totals, firstDate: this.firstDate, lastDate: this.lastDate, issues };
  }
}

export interface GeneratedExport {
  batch: ExportBatch;
  /** The files with the ids used in `batch.files`. */
  files: (ExportFile & { id: string })[];
  /** What the user downloads: the single file, or a ZIP of all files plus manifest.json. */
  download: { name: string; mimeType: string; bytes: Uint8Array };
  issues: ExportIssue[];
  /**
   * A period export's record keys as a JSON array text (`batch.recordKeys` is left empty): the
   * database keeps them apart from the batch (src/db/export-store.ts), so the history never
   * loads a million keys to show a list. '' for invoice and master-data exports.
   */
  recordKeysJson: string;
}

export class ExportBlockedError extends Error {
  constructor(readonly issues: ExportIssue[]) {
    // The codes for logs: the page and the CLI word the issues themselves.
    super(
      `The export has ${issues.filter((i) => i.severity === 'error').length} errors: ${issues
        .filter((i) => i.severity === 'error')
        .map((i) => i.code)
        .join(', ')}`,
    );
  }
}

/**
 * Generates the files of a plan. Errors (from pre-flight or from generation) block:
 * nothing is returned to store, and the caller changes nothing.
 */
export async function generateExport(
  plan: ExportPlan,
  format: FormatDefinition,
  config: ExportConfig,
  settings: FormatSettings,
  context: ExportContext,
  newId: () => string,
): Promise<GeneratedExport> {
  const blocking = plan.summary.issues.filter((i) => i.severity === 'error');
  if (blocking.length > 0) throw new ExportBlockedError(capRepeatedIssues(plan.summary.issues));
  const result = plan.generated ?? format.generate(plan.data, settings, context);
  // Generation reports every pre-flight issue again (and a chunked plan's issues are its
  // generated result's), so the joined list names each condition once.
  const issues = capRepeatedIssues(uniqueIssues([...plan.summary.issues, ...result.issues]));
  if (result.issues.some((i) => i.severity === 'error')) throw new ExportBlockedError(issues);
  if (result.files.length === 0) throw new ExportBlockedError([issue('error', 'no-files')]);

  // Every file name passes the one gate (export/file-names.ts) before it becomes a download, a ZIP entry or a path.
  for (const file of result.files) {
    const refused = fileNameProblem(file.name);
    if (refused) throw new ExportBlockedError([fileNameIssue(refused)]);
  }
  const files = result.files.map((file) => ({ ...file, id: newId() }));
  const metas: ExportedFileMeta[] = [];
  for (const file of files) {
    metas.push({
      id: file.id,
      name: file.name,
      mimeType: file.mimeType,
      size: file.bytes.length,
      sha256: await sha256Hex(file.bytes),
      recordCount: file.recordCount,
      controlTotals: file.controlTotals,
    });
  }
  const download =
    files.length === 1
      ? { name: files[0]!.name, mimeType: files[0]!.mimeType, bytes: files[0]!.bytes }
      : await bundleFiles(files, metas, `${config.name}`, context.now);

  // A period export of invoices (SAF-T) reports on them: it changes no export status.
  const marksInvoices = format.dataType === 'invoices' && !format.periodExport;
  const invoices = marksInvoices ? plan.data.invoices : [];
  const batch: ExportBatch = {
    id: newId(),
    createdAt: context.now,
    configId: config.id,
    configName: config.name,
    target: config.target,
    dataType: format.dataType,
    settingsSnapshot: settings,
    invoiceIds: invoices.map((i) => i.id),
    invoiceNumbers: invoices.map((i) => i.number),
    ...(marksInvoices ? { statusPurpose: statusPurposeOf(config.purpose) } : {}),
    recordKeys: [],
    period: context.period ?? null,
    recordCount: plan.summary.recordCount,
    controlTotals: plan.summary.totals,
    files: metas,
    downloadName: download.name,
    status: 'active',
    revertedAt: '',
    report: result.report,
  };
  const periodKeys = format.dataType === 'timeRecords' || format.dataType === 'claims';
  const recordKeysJson = !periodKeys ? '' : plan.keysJson ? plan.keysJson() : JSON.stringify(plan.keys);
  return { batch, files, download, issues, recordKeysJson };
}

/** Earlier active batches of the same data type whose period overlaps [from, to]. */
export function overlappingBatches(
  history: readonly ExportBatch[],
  dataType: string,
  from: IsoDate,
  to: IsoDate,
): ExportBatch[] {
  return history.filter(
    (b) =>
      b.status === 'active' &&
      b.dataType === dataType &&
      b.period !== null &&
      b.period.from <= to &&
      b.period.to >= from,
  );
}

/** Record keys already exported in the given batches (to leave them out of a new run); the batches must carry their keys (src/db/export-store.ts `withRecordKeys`). */
export function exportedKeys(batches: readonly ExportBatch[]): Set<string> {
  return new Set(batches.flatMap((b) => b.recordKeys));
}
