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
 */
import type { CompanyData } from '../domain/types.ts';
import type { ExportBatch, ExportConfig } from '../export/types.ts';
import { fillDefaults, RECORD_SCHEMAS, validateRecord, type RecordKind } from './record-schema.ts';
import { pushAll } from '../push-all.ts';

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
}

export type CompanyFileResult = { ok: true; file: CompanyFile } | { ok: false; errors: string[] };

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

const OPTIONAL_SECTIONS = ['exportConfigs', 'templates', 'exportHistory', 'importPresets'] as const;

export function toCompanyFile(
  data: CompanyData,
  extras: Partial<Pick<CompanyFile, 'exportConfigs' | 'templates' | 'exportHistory' | 'importPresets'>> = {},
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
  };
}

/** Stable, human-diffable JSON (2-space indent, trailing newline). */
export function serializeCompanyFile(file: CompanyFile): string {
  return JSON.stringify(file, null, 2) + '\n';
}

const MAX_ERRORS = 50;

/** Reads and checks a company file. Never throws; errors say where and why. */
export function parseCompanyFile(text: string): CompanyFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`Not a company file: the text is not valid JSON (${(error as Error).message}).`] };
  }
  return checkCompanyFile(json);
}

/** Records checked between two progress calls: often enough for a smooth bar, rare enough to cost nothing. */
const CHECK_PROGRESS_EVERY = 5000;

/**
 * Checks parsed JSON as a company file (and fills in defaulted fields, in place: the caller
 * hands over the parsed value). `onProgress` gets the records checked out of all list records.
 */
export function checkCompanyFile(json: unknown, onProgress?: (done: number, total: number) => void): CompanyFileResult {
  if (!isObject(json) || json['format'] !== COMPANY_FILE_FORMAT) {
    return { ok: false, errors: [`Not a company file: expected "format": "${COMPANY_FILE_FORMAT}".`] };
  }
  const version = json['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, errors: ['The company file has no valid "version" number.'] };
  }
  if (version > CURRENT_VERSION) {
    return {
      ok: false,
      errors: [
        `This company file is version ${version}, made by a newer Exportdesk; this one reads up to version ${CURRENT_VERSION}. Update the app and try again.`,
      ],
    };
  }
  upgrade(json, version);
  const errors: string[] = [];
  const company = json['company'];
  if (!isObject(company)) errors.push('"company" is missing or not an object.');
  else pushAll(errors, validateRecord('company', company, 'company'));
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
      errors.push(`"${section}" is missing or not a list.`);
      continue;
    }
    for (let i = 0; i < list.length && errors.length < MAX_ERRORS; i++) {
      const item: unknown = list[i];
      if (!isObject(item)) errors.push(`${section}[${i}] is not an object.`);
      else {
        fillDefaults(kind, item);
        for (const error of validateRecord(kind, item, `${section}[${i}]`)) errors.push(error);
      }
      if (++done % CHECK_PROGRESS_EVERY === 0) onProgress?.(done, total);
    }
  }
  for (const section of OPTIONAL_SECTIONS) {
    const list = json[section];
    if (list !== undefined && (!Array.isArray(list) || !list.every(isObject)))
      errors.push(`"${section}" must be a list of objects.`);
  }
  pushAll(errors, duplicateKeyErrors(json));
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
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

function duplicateKeyErrors(json: Record<string, unknown>): string[] {
  const errors: string[] = [];
  for (const [section, kind] of LIST_SECTIONS) {
    const key = RECORD_SCHEMAS[kind].key;
    if (!key) continue;
    const seen = new Set<unknown>();
    const list = json[section] as Record<string, unknown>[];
    for (let i = 0; i < list.length; i++) {
      const value = list[i]![key];
      if (seen.has(value)) errors.push(`${section}[${i}]: ${key} ${JSON.stringify(value)} appears more than once.`);
      seen.add(value);
      if (errors.length >= 10) return errors;
    }
  }
  return errors;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
