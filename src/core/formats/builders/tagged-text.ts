/**
 * SIE-style tagged text: one post per line, `#LABEL field field ...`, fields separated by a
 * blank, quoted when needed (`"..."`, a quote inside written `\"`), object lists `{1 "10" 6 "P1"}`.
 *
 * #KSUMMA (SIE 4B chapter 10, verified on the five sie.se sample files that carry one, see
 * ../shared/research/formats.md §1): CRC-32 (zlib: reflected polynomial 0xEDB88320, init and
 * final XOR 0xFFFFFFFF) over the raw bytes of every post between the opening `#KSUMMA` and the
 * closing one, taking only the label and the field contents: no separators, no line ends, no
 * quotes around fields (an escaped `\"` counts as `"`), no braces of object lists. Written as
 * an unsigned decimal number.
 */
import { encodeText, type TextEncodingName } from '../../encoding/text-encoding.ts';
import { issue } from '../issues.ts';
import type { ExportIssue } from '../types.ts';
import type { LineEnding } from './delimited.ts';
import { lineBreak } from './delimited.ts';
import type { IssueRecord } from './field-format.ts';

const CRC_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** Incremental CRC-32: feed `update` with the running value, starting from `CRC32_START`; finish with `crc32Final`. */
export const CRC32_START = 0xffffffff;

export function crc32Update(crc: number, bytes: Uint8Array): number {
  let c = crc;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return c >>> 0;
}

export function crc32Final(crc: number): number {
  return (crc ^ 0xffffffff) >>> 0;
}

export function crc32(bytes: Uint8Array): number {
  return crc32Final(crc32Update(CRC32_START, bytes));
}

/** An object list field: `{dim "obj" dim "obj"}`; pairs with an empty object are left out. */
export interface ObjectList {
  objects: readonly (readonly [dimension: string, object: string])[];
}

/** A field written bare (numbers, dates, labels that never need quotes). */
export interface BareField {
  bare: string;
}

export type TaggedField = string | number | ObjectList | BareField;

export function objectList(pairs: readonly (readonly [string, string])[]): ObjectList {
  return { objects: pairs.filter(([, object]) => object !== '') };
}

export function bare(text: string): BareField {
  return { bare: text };
}

const NEEDS_QUOTES = /[\s"{}]/;

/** SIE 5.7: quote a field that is empty or holds a blank, a quote or a brace; escape `"` as `\"`. */
export function quoteTagged(text: string): string {
  if (text === '') return '""';
  if (!NEEDS_QUOTES.test(text)) return text;
  return `"${text.replace(/"/g, '\\"')}"`;
}

/** Appends a field's text to `line` and what counts for the checksum to `contents`; one pass, no arrays (SIE files have 300k posts). */
function renderField(field: TaggedField, out: { line: string; contents: string }): void {
  if (typeof field === 'number') {
    const text = String(field);
    out.line += ' ' + text;
    out.contents += text;
  } else if (typeof field === 'string') {
    out.line += ' ' + quoteTagged(field);
    out.contents += field;
  } else if ('bare' in field) {
    out.line += ' ' + field.bare;
    out.contents += field.bare;
  } else {
    let inner = '';
    for (const [dim, obj] of field.objects) {
      inner += (inner === '' ? '' : ' ') + quoteTagged(dim) + ' ' + quoteTagged(obj);
      out.contents += dim + obj;
    }
    out.line += ' {' + inner + '}';
  }
}

export interface TaggedTextOptions {
  lineEnding: LineEnding;
  /** Encoding whose bytes the checksum is computed over (SIE: cp437). */
  encoding: TextEncodingName;
  /** Write `#KSUMMA` after the first post and the checksum at the end. */
  checksum: boolean;
}

/**
 * Collects posts in order. `#KSUMMA` is placed right after the first post (`#FLAGGA`), as the
 * standard requires, when `checksum` is on.
 */
export class TaggedTextWriter {
  private readonly lines: string[] = [];
  private readonly records: (IssueRecord | undefined)[] = [];
  /** What the checksum covers, encoded once at the end (one encoder call per line was the slowest part). */
  private readonly checksumParts: string[] = [];
  private postCount = 0;
  readonly issues: ExportIssue[] = [];

  constructor(private readonly options: TaggedTextOptions) {}

  /** Writes `#LABEL field ...`; text fields lose control characters (reported, never silent). */
  post(label: string, fields: readonly TaggedField[], record?: IssueRecord): void {
    const out = { line: label, contents: label };
    for (const field of fields) renderField(this.clean(field, label, record), out);
    this.lines.push(out.line);
    this.records.push(record);
    // The checksum covers the posts after the opening #KSUMMA, i.e. not the first post (#FLAGGA).
    if (this.postCount > 0) this.feed(out.contents);
    this.postCount++;
    if (this.postCount === 1 && this.options.checksum) {
      this.lines.push('#KSUMMA');
      this.records.push(undefined);
    }
  }

  /** `{` or `}` of a voucher block: braces do not count for the checksum. */
  brace(brace: '{' | '}', record?: IssueRecord): void {
    this.lines.push(brace);
    this.records.push(record);
  }

  private feed(content: string): void {
    if (this.options.checksum) this.checksumParts.push(content);
  }

  private clean(field: TaggedField, label: string, record: IssueRecord | undefined): TaggedField {
    // eslint-disable-next-line no-control-regex -- control characters are exactly what SIE forbids in fields
    if (typeof field !== 'string' || !/[\u0000-\u001f\u007f]/.test(field)) return field;
    this.issues.push(issue('warning', 'control-character-replaced', { value: field }, record, label));
    // eslint-disable-next-line no-control-regex -- see above
    return field.replace(/\r\n|[\u0000-\u001f\u007f]/g, ' ');
  }

  checksumValue(): number {
    return crc32Final(crc32Update(CRC32_START, encodeText(this.checksumParts.join(''), this.options.encoding)));
  }

  /** The finished text (with the closing `#KSUMMA n` when enabled) and the record of each line. */
  finish(): { text: string; lineRecords: (IssueRecord | undefined)[]; checksum: number | undefined } {
    const lines = [...this.lines];
    const lineRecords = [...this.records];
    let checksum: number | undefined;
    if (this.options.checksum) {
      checksum = this.checksumValue();
      lines.push(`#KSUMMA ${checksum}`);
      lineRecords.push(undefined);
    }
    const eol = lineBreak(this.options.lineEnding);
    return { text: lines.join(eol) + eol, lineRecords, checksum };
  }
}
