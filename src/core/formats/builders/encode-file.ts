/**
 * Text → `ExportFile` bytes. Characters the target encoding cannot hold are found first and
 * reported as `unencodable-character` errors that name the record of the line they are on;
 * then no bytes are produced (iconv-lite would silently write `?`).
 */
import { encodeIfHeld, encodeText, findUnencodable, type TextEncodingName } from '../../encoding/text-encoding.ts';
import { issue } from '../issues.ts';
import type { ExportFile, ExportIssue } from '../types.ts';
import type { IssueRecord } from './field-format.ts';

export interface EncodeFileInput {
  name: string;
  mimeType: string;
  text: string;
  encoding: TextEncodingName;
  /** The record of each line (index 0 = line 1), from the builders. */
  lineRecords?: readonly (IssueRecord | undefined)[];
  recordCount: number;
  controlTotals?: Record<string, number>;
  /** What to do about a character the encoding lacks, when a setting solves it (its key, and how). */
  unencodableRemedy?: { field: string; hint: string };
}

const ENCODING_LABEL: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8',
  'windows-1252': 'Windows-1252',
  'iso-8859-1': 'ISO-8859-1',
  'iso-8859-15': 'ISO-8859-15',
  cp437: 'CP437 (SIE PC8)',
  'utf-16le': 'UTF-16',
};

/** One issue per distinct character and record, so a long text does not flood the list. */
export function unencodableIssues(
  text: string,
  encoding: TextEncodingName,
  lineRecords: readonly (IssueRecord | undefined)[] = [],
  remedy?: EncodeFileInput['unencodableRemedy'],
): ExportIssue[] {
  const seen = new Set<string>();
  const issues: ExportIssue[] = [];
  for (const found of findUnencodable(text, encoding)) {
    const record = lineRecords[found.line - 1];
    const key = `${found.char}|${record?.kind ?? ''}|${record?.key ?? found.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const codePoint = `U+${found.char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    const params = {
      char: found.char,
      codePoint,
      encoding: ENCODING_LABEL[encoding],
      line: found.line,
      column: found.column,
      ...(remedy ? { hint: remedy.hint } : {}),
    };
    issues.push(issue('error', 'unencodable-character', params, record, remedy?.field));
  }
  return issues;
}

export function encodeFile(input: EncodeFileInput): { file: ExportFile | undefined; issues: ExportIssue[] } {
  // A single-byte page encodes and checks in one pass; only a file with a character it lacks
  // is scanned again to say which characters, on which lines.
  const bytes = encodeIfHeld(input.text, input.encoding);
  const issues = bytes ? [] : unencodableIssues(input.text, input.encoding, input.lineRecords, input.unencodableRemedy);
  if (issues.length > 0) return { file: undefined, issues };
  return {
    file: {
      name: input.name,
      mimeType: input.mimeType,
      bytes: bytes ?? encodeText(input.text, input.encoding),
      recordCount: input.recordCount,
      controlTotals: input.controlTotals ?? {},
    },
    issues,
  };
}

/** `20261126-0930` from a context clock reading, for file names. */
export function fileStamp(now: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(now);
  if (!m) return '00000000-0000';
  return `${m[1]}${m[2]}${m[3]}-${m[4] ?? '00'}${m[5] ?? '00'}`;
}
