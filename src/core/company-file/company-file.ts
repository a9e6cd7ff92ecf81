/**
 * The company file: one versioned JSON document holding a whole company. It is the
 * backup format, the CLI's input and what the demo generator writes.
 *
 * Version history (bump CURRENT_VERSION and add a step to `upgrade` for each change):
 * - 1: first version. Fields added since, with a default for files that lack them
 *   (record-schema.ts `defaults`): `users[].payRates` ({}), `timeRecords[].payRate` (null).
 * - 2: an export status per purpose (issue 15). `invoices[].exportStatus` is the accounting
 *   status, `invoices[].factoringStatus` is new. `upgrade` gives a version 1 file's invoices the
 *   factoring status Has been transferred, so that no old invoice is suddenly sent to a factoring
 *   company (as the database migration does).
 *
 * Sections added without a version bump (an older reader drops what it does not know):
 * `exportFiles` (issue 16), the exported files' bytes, written only when the user asks for them.
 *
 * The reader checks shapes (record-schema.ts), then meaning (semantics.ts: the forms' and the
 * importer's rule set, references, uniqueness, statuses, ranges) and the other sections
 * (sections.ts). It refuses with codes and the paths of the first bad values (file-issues.ts).
 */
import type { CompanyData } from '../domain/types.ts';
import type { ExportBatch, ExportConfig } from '../export/types.ts';
import { fillDefaults, RECORD_SCHEMAS, validateRecord, type RecordKind } from './record-schema.ts';
import { fileIssue, type CompanyFileIssue } from './file-issues.ts';
import { checkSemantics, type IssueSink } from './semantics.ts';
import { checkSections, type Sections } from './sections.ts';

export const COMPANY_FILE_FORMAT = 'exportdesk-company';
export const CURRENT_VERSION = 2;

export interface CompanyFile extends CompanyData {
  format: typeof COMPANY_FILE_FORMAT;
  version: number;
  exportConfigs: ExportConfig[];
  /** Export templates: `{ id, ...portable template JSON }` (src/core/templates/portable.ts). */
  templates: Record<string, unknown>[];
  /** Export history metadata; file bytes are not part of the company file. */
  exportHistory: ExportBatch[];
  /** Saved CSV import mappings (src/core/import). */
  importPresets: Record<string, unknown>[];
  /** The exported files' bytes, when the backup was made with them (absent otherwise). */
  exportFiles?: ExportFileEntry[];
}

/** One exported file of the history (`ExportBatch.files[].id`), its bytes as base64. */
export interface ExportFileEntry {
  id: string;
  batchId: string;
  name: string;
  mimeType: string;
  base64: string;
}

/**
 * `errors` are the issues' English messages (what the CLI prints); `issues` carry the codes,
 * paths and parameters.
 */
export type CompanyFileResult =
  { ok: true; file: CompanyFile } | { ok: false; errors: string[]; issues: CompanyFileIssue[] };

export function refused(issues: CompanyFileIssue[]): { ok: false; errors: string[]; issues: CompanyFileIssue[] } {
  return { ok: false, errors: issues.map((issue) => issue.message), issues };
}

const LIST_SECTIONS: readonly [keyof CompanyData, RecordKind][] = [
  ['customers', 'customer'],
  ['projects', 'project'],
  ['users', 'user'],
  ['accounts', 'account'],
  ['vatCodes', 'vatCode'],
  ['expenseTypes', 'expenseType'],
  ['invoices', 'invoice'],
  ['timeRecords', 'timeRecord'],
  ['claims', 'claim'],
];

const OPTIONAL_SECTIONS = ['exportConfigs', 'templates', 'exportHistory', 'importPresets', 'exportFiles'] as const;

export function toCompanyFile(
  data: CompanyData,
  extras: Partial<
    Pick<CompanyFile, 'exportConfigs' | 'templates' | 'exportHistory' | 'importPresets' | 'exportFiles'>
  > = {},
): CompanyFile {
  return {
    format: COMPANY_FILE_FORMAT,
    version: CURRENT_VERSION,
    company: data.company,
    customers: data.customers,
    projects: data.projects,
    users: data.users,
    accounts: data.accounts,
    vatCodes: data.vatCodes,
    expenseTypes: data.expenseTypes,
    invoices: data.invoices,
    timeRecords: data.timeRecords,
    claims: data.claims,
    exportConfigs: extras.exportConfigs ?? [],
    templates: extras.templates ?? [],
    exportHistory: extras.exportHistory ?? [],
    importPresets: extras.importPresets ?? [],
    ...(extras.exportFiles ? { exportFiles: extras.exportFiles } : {}),
  };
}

/** Stable, human-diffable JSON (2-space indent, trailing newline). */
export function serializeCompanyFile(file: CompanyFile): string {
  return JSON.stringify(file, null, 2) + '\n';
}

const MAX_ERRORS = 50;

/** Reads and checks a company file. Never throws; issues say where and why. */
export function parseCompanyFile(text: string): CompanyFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return refused([fileIssue('not-json', '', { detail: (error as Error).message })]);
  }
  return checkCompanyFile(json);
}

/** Records checked between two progress calls: often enough for a smooth bar, rare enough to cost nothing. */
const CHECK_PROGRESS_EVERY = 5000;

/**
 * Checks parsed JSON as a company file (and fills in defaulted fields, in place: the caller
 * hands over the parsed value). `onProgress` gets the records checked out of all list records.
 * Never throws, whatever the JSON holds.
 */
export function checkCompanyFile(json: unknown, onProgress?: (done: number, total: number) => void): CompanyFileResult {
  if (!isObject(json) || json['format'] !== COMPANY_FILE_FORMAT)
    return refused([fileIssue('not-company-file', '', { format: COMPANY_FILE_FORMAT })]);
  const version = json['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return refused([fileIssue('no-version')]);
  if (version > CURRENT_VERSION)
    return refused([fileIssue('newer-version', '', { version, supported: CURRENT_VERSION })]);
  upgrade(json, version);
  const sink: IssueSink = { issues: [], limit: MAX_ERRORS };
  const issues = sink.issues;
  const company = json['company'];
  if (!isObject(company)) issues.push(fileIssue('missing-company', 'company'));
  else for (const issue of validateRecord('company', company, 'company')) issues.push(issue);
  let total = 0;
  for (const [section] of LIST_SECTIONS) {
    const list = json[section];
    if (Array.isArray(list)) total += list.length;
  }
  let done = 0;
  onProgress?.(0, total);
  for (const [section, kind] of LIST_SECTIONS) {
    const list = json[section];
    if (!Array.isArray(list)) {
      issues.push(fileIssue('missing-list', section, { section }));
      continue;
    }
    for (let i = 0; i < list.length && issues.length < MAX_ERRORS; i++) {
      const item: unknown = list[i];
      if (!isObject(item)) issues.push(fileIssue('not-object', `${section}[${i}]`));
      else {
        fillDefaults(kind, item);
        for (const issue of validateRecord(kind, item, `${section}[${i}]`)) issues.push(issue);
      }
      if (++done % CHECK_PROGRESS_EVERY === 0) onProgress?.(done, total);
    }
  }
  for (const section of OPTIONAL_SECTIONS) {
    const list = json[section];
    if (list !== undefined && (!Array.isArray(list) || !list.every(isObject)))
      issues.push(fileIssue('not-list-of-objects', section, { section }));
  }
  if (LIST_SECTIONS.every(([section]) => Array.isArray(json[section]))) duplicateKeys(json, sink);
  // Meaning is read only from records of the right shapes: a rule never sees a number where text belongs.
  if (issues.length === 0) checkSemantics(json as unknown as CompanyData, sink);
  if (issues.length < MAX_ERRORS) {
    const list = (section: (typeof OPTIONAL_SECTIONS)[number]) => (json[section] ?? []) as Record<string, unknown>[];
    const sections: Sections = {
      exportConfigs: list('exportConfigs'),
      templates: list('templates'),
      exportHistory: list('exportHistory'),
      importPresets: list('importPresets'),
      exportFiles: list('exportFiles'),
    };
    if (issues.every((issue) => !OPTIONAL_SECTIONS.includes(issue.path as (typeof OPTIONAL_SECTIONS)[number])))
      checkSections(sections, sink);
  }
  if (issues.length > 0) return refused(issues.slice(0, MAX_ERRORS));
  onProgress?.(total, total);
  return { ok: true, file: toCompanyFile(json as unknown as CompanyData, json as Partial<CompanyFile>) };
}

/** Brings an older file's records to the current shape, one step per version, before they are checked. */
function upgrade(json: Record<string, unknown>, version: number): void {
  if (version < 2 && Array.isArray(json['invoices'])) {
    for (const invoice of json['invoices'] as unknown[])
      if (isObject(invoice) && !Object.hasOwn(invoice, 'factoringStatus')) invoice['factoringStatus'] = 'transferred';
  }
}

/**
 * The text of a file read as a stream of UTF-8 bytes, with progress in bytes. The pieces are
 * decoded as they arrive and joined once, so the bytes are never held whole beside the text.
 */
export async function readStreamText(
  stream: ReadableStream<Uint8Array>,
  totalBytes: number,
  onProgress?: (done: number, total: number) => void,
): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  const pieces: string[] = [];
  const reader = stream.getReader();
  let done = 0;
  onProgress?.(0, totalBytes);
  for (;;) {
    const next = await reader.read();
    if (next.done) break;
    done += next.value.length;
    pieces.push(decoder.decode(next.value, { stream: true }));
    onProgress?.(done, totalBytes);
  }
  pieces.push(decoder.decode());
  return pieces.join('');
}

/** Keys used twice (compared as stored, and after trimming: " 10" is a look-alike of "10"), and empty keys. */
function duplicateKeys(json: Record<string, unknown>, sink: IssueSink): void {
  for (const [section, kind] of LIST_SECTIONS) {
    const key = RECORD_SCHEMAS[kind].key;
    if (!key) continue;
    const seen = new Set<unknown>();
    const list = json[section] as unknown[];
    for (let i = 0; i < list.length; i++) {
      if (sink.issues.length >= MAX_ERRORS) return;
      const item = list[i];
      if (!isObject(item)) continue;
      const raw = item[key];
      const value = typeof raw === 'string' ? raw.trim() : raw;
      // An absent or mistyped key is the shape check's; an empty one would be stored under ''.
      if (value === undefined || typeof value === 'object') continue;
      if (value === '') sink.issues.push(fileIssue('empty-id', `${section}[${i}].${key}`));
      else if (seen.has(value))
        sink.issues.push(fileIssue('duplicate-key', `${section}[${i}]`, { key, value: JSON.stringify(raw) }));
      seen.add(value);
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
