/**
 * The company file's sections beside the records: export settings, templates, export history,
 * import presets and (optionally) the exported files' bytes. Each is checked as its own reader
 * checks it (a template as a shared template file, a preset as a preset file), so that nothing
 * restored here crashes a page or the CLI later (issue 16: an export setting without a target
 * crashed the CLI and could not be deleted in Settings).
 */
import { isIsoDate } from '../domain/dates.ts';
import { parsePresetJson } from '../import/preset.ts';
import { parseTemplateJson } from '../templates/portable.ts';
import { FACTORING_CUSTOMER_SELECTIONS, INVOICE_DATE_LIMITS } from '../export/types.ts';
import { FORMAT_PURPOSES } from '../formats/types.ts';
import { isBase64 } from './base64.ts';
import { fileIssue, quoted, type CompanyFileIssue } from './file-issues.ts';
import type { IssueSink } from './semantics.ts';

type Row = Record<string, unknown>;

// The purposes an export can have, EHF's among them (a backup with an EHF export must restore).
const PURPOSES = FORMAT_PURPOSES;
const DATA_TYPES = ['invoices', 'timeRecords', 'claims', 'customers'] as const;
const STATUS_PURPOSES = ['accounting', 'factoring'] as const;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z?$/;

export interface Sections {
  exportConfigs: Row[];
  templates: Row[];
  exportHistory: Row[];
  importPresets: Row[];
  exportFiles: Row[];
}

const isObject = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string';
const isId = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';
const textList = (v: unknown): boolean => Array.isArray(v) && v.every(isText);
const numberRecord = (v: unknown): boolean =>
  isObject(v) && Object.values(v).every((n) => typeof n === 'number' && Number.isFinite(n));

/** One field's check: the code and what it expects when `ok` is false. */
function need(sink: IssueSink, ok: boolean, path: string, value: unknown, expected: CompanyFileIssue['code']): void {
  if (!ok && sink.issues.length < sink.limit) sink.issues.push(fileIssue(expected, path, { got: quoted(value) }));
}

function oneOf(sink: IssueSink, values: readonly string[], path: string, value: unknown): void {
  if (!(typeof value === 'string' && values.includes(value)) && sink.issues.length < sink.limit)
    sink.issues.push(fileIssue('not-one-of', path, { values: values.join(', '), got: quoted(value) }));
}

function target(sink: IssueSink, path: string, value: unknown, templateIds: ReadonlySet<string>, own: boolean): void {
  if (value === undefined || value === null) {
    need(sink, false, path, value, 'missing-target');
    return;
  }
  const ok =
    isObject(value) &&
    ((value['kind'] === 'format' && isId(value['formatId'])) ||
      (value['kind'] === 'template' && isId(value['templateId'])));
  if (!ok) {
    if (sink.issues.length < sink.limit) sink.issues.push(fileIssue('bad-target', path, { got: quoted(value) }));
    return;
  }
  // A setting must point at a template of this file; history may name one deleted since.
  if (own && value['kind'] === 'template' && !templateIds.has(String(value['templateId'])))
    need(sink, false, `${path}.templateId`, value['templateId'], 'unknown-template');
}

/** Checks the sections (each a list of objects already), appending to `sink` until it is full. */
export function checkSections(s: Sections, sink: IssueSink): void {
  const templateIds = new Set<string>();
  const ids = (list: Row[], section: string) => {
    const seen = new Set<string>();
    list.forEach((row, i) => {
      const id = row['id'];
      if (!isId(id)) need(sink, false, `${section}[${i}].id`, id, 'empty-id');
      else if (seen.has(id as string) && sink.issues.length < sink.limit)
        sink.issues.push(fileIssue('duplicate-key', `${section}[${i}]`, { key: 'id', value: JSON.stringify(id) }));
      seen.add(String(id));
    });
    return seen;
  };

  s.templates.forEach((row, i) => {
    const where = `templates[${i}]`;
    const { id: _id, ...portable } = row;
    const parsed = parseTemplateJson(JSON.stringify(portable));
    if (!parsed.ok && sink.issues.length < sink.limit)
      sink.issues.push(fileIssue('bad-template', where, { problem: parsed.errors.slice(0, 3).join('; ') }));
  });
  for (const id of ids(s.templates, 'templates')) templateIds.add(id);

  ids(s.exportConfigs, 'exportConfigs');
  s.exportConfigs.forEach((c, i) => {
    const where = `exportConfigs[${i}]`;
    need(sink, isText(c['name']), `${where}.name`, c['name'], 'not-text');
    oneOf(sink, PURPOSES, `${where}.purpose`, c['purpose']);
    target(sink, `${where}.target`, c['target'], templateIds, true);
    need(sink, isObject(c['settings']), `${where}.settings`, c['settings'], 'not-object');
    oneOf(sink, INVOICE_DATE_LIMITS, `${where}.invoiceDateLimit`, c['invoiceDateLimit']);
    need(sink, typeof c['isDefault'] === 'boolean', `${where}.isDefault`, c['isDefault'], 'not-boolean');
    if (c['customerSelection'] !== undefined)
      oneOf(sink, FACTORING_CUSTOMER_SELECTIONS, `${where}.customerSelection`, c['customerSelection']);
  });

  const batchIds = ids(s.exportHistory, 'exportHistory');
  s.exportHistory.forEach((b, i) => checkBatch(sink, b, `exportHistory[${i}]`, templateIds));

  s.importPresets.forEach((preset, i) => {
    const parsed = parsePresetJson(JSON.stringify(preset));
    if (!parsed.ok && sink.issues.length < sink.limit)
      sink.issues.push(
        fileIssue('bad-preset', `importPresets[${i}]`, { problem: parsed.errors.slice(0, 3).join('; ') }),
      );
  });

  ids(s.exportFiles, 'exportFiles');
  s.exportFiles.forEach((f, i) => {
    const where = `exportFiles[${i}]`;
    if (isId(f['batchId']) && !batchIds.has(String(f['batchId'])))
      need(sink, false, `${where}.batchId`, f['batchId'], 'unknown-export-batch');
    else need(sink, isId(f['batchId']), `${where}.batchId`, f['batchId'], 'not-text');
    need(sink, isText(f['name']), `${where}.name`, f['name'], 'not-text');
    need(sink, isText(f['mimeType']), `${where}.mimeType`, f['mimeType'], 'not-text');
    if (!(typeof f['base64'] === 'string' && isBase64(f['base64'])) && sink.issues.length < sink.limit)
      sink.issues.push(fileIssue('not-base64', `${where}.base64`));
  });
}

function checkBatch(sink: IssueSink, b: Row, where: string, templateIds: ReadonlySet<string>): void {
  const datetime = (v: unknown) => isText(v) && DATETIME.test(v) && isIsoDate(v.slice(0, 10));
  need(sink, datetime(b['createdAt']), `${where}.createdAt`, b['createdAt'], 'not-datetime-or-empty');
  need(sink, isText(b['configId']), `${where}.configId`, b['configId'], 'not-text');
  need(sink, isText(b['configName']), `${where}.configName`, b['configName'], 'not-text');
  target(sink, `${where}.target`, b['target'], templateIds, false);
  oneOf(sink, DATA_TYPES, `${where}.dataType`, b['dataType']);
  need(sink, isObject(b['settingsSnapshot']), `${where}.settingsSnapshot`, b['settingsSnapshot'], 'not-object');
  need(sink, textList(b['invoiceIds']), `${where}.invoiceIds`, b['invoiceIds'], 'not-list');
  need(sink, textList(b['invoiceNumbers']), `${where}.invoiceNumbers`, b['invoiceNumbers'], 'not-list');
  need(sink, textList(b['recordKeys']), `${where}.recordKeys`, b['recordKeys'], 'not-list');
  if (b['statusPurpose'] !== undefined) oneOf(sink, STATUS_PURPOSES, `${where}.statusPurpose`, b['statusPurpose']);
  const period = b['period'];
  need(
    sink,
    period === null ||
      (isObject(period) &&
        isText(period['from']) &&
        isIsoDate(period['from']) &&
        isText(period['to']) &&
        isIsoDate(period['to'])),
    `${where}.period`,
    period,
    'not-date',
  );
  need(sink, Number.isSafeInteger(b['recordCount']), `${where}.recordCount`, b['recordCount'], 'not-whole-number');
  need(sink, numberRecord(b['controlTotals']), `${where}.controlTotals`, b['controlTotals'], 'not-number');
  const files = b['files'];
  if (!Array.isArray(files)) need(sink, false, `${where}.files`, files, 'not-list');
  else
    files.forEach((f: unknown, j) => {
      const at = `${where}.files[${j}]`;
      if (!isObject(f)) return need(sink, false, at, f, 'not-object');
      need(sink, isId(f['id']), `${at}.id`, f['id'], 'empty-id');
      need(sink, isText(f['name']), `${at}.name`, f['name'], 'not-text');
      need(sink, isText(f['mimeType']), `${at}.mimeType`, f['mimeType'], 'not-text');
      need(sink, Number.isSafeInteger(f['size']), `${at}.size`, f['size'], 'not-whole-number');
      need(sink, isText(f['sha256']), `${at}.sha256`, f['sha256'], 'not-text');
    });
  need(sink, isText(b['downloadName']), `${where}.downloadName`, b['downloadName'], 'not-text');
  oneOf(sink, ['active', 'reverted'], `${where}.status`, b['status']);
  const reverted = b['revertedAt'];
  need(sink, reverted === '' || datetime(reverted), `${where}.revertedAt`, reverted, 'not-datetime-or-empty');
  need(sink, textList(b['report']), `${where}.report`, b['report'], 'not-list');
}
