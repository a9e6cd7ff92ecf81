/**
 * Text rules shared by the register forms and the CSV importer (issue 16):
 * - a length limit per field (src/core/domain/limits.ts);
 * - no control characters. C0 controls other than tab, line feed and carriage return, DEL and
 *   the C1 controls are refused, not stripped: a NUL or a C1 byte in a name means the file was
 *   read with the wrong encoding or is not text, and quietly dropping it would store something
 *   other than what the file says without telling anyone. The user fixes the file (or picks the
 *   encoding) and imports again; a form shows the same error on the field.
 * - no U+FFFD, the replacement character a decoder puts where bytes did not fit the encoding
 *   (a UTF-16 file cut in the middle of a character, a file read with the wrong encoding).
 * - NFC: text is stored composed (`å` as one code point), so `Ålesund` typed on a Mac and on
 *   Windows is the same text; `normalizeText` is what the importer stores and forms can call.
 * - keys (customer number, employee number, codes, and the references to them) are compared by
 *   `keyOf`: NFC, without invisible characters (zero-width space and joiners, word joiner, BOM,
 *   soft hyphen, bidi marks), trimmed. So `10001` and `10001` + U+200B are the same customer,
 *   and a look-alike second record is caught as a duplicate.
 */
import { maxTextLength } from '../domain/limits.ts';
import { problem, type FieldProblem } from './rules.ts';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

/** The text as stored: NFC. */
export function normalizeText(text: string): string {
  // Most text is ASCII, which NFC leaves alone; skipping it keeps million-row imports fast.
  return isAscii(text) ? text : text.normalize('NFC');
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** The form of a key that comparisons use: NFC, invisible characters removed, trimmed. */
export function keyOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  return isAscii(text) ? text.trim() : text.normalize('NFC').replace(INVISIBLE, '').trim();
}

/** A text field: no control characters, at most `maxTextLength(field)` characters. */
export function checkText(field: string, value: unknown, max = maxTextLength(field)): FieldProblem[] {
  if (typeof value !== 'string' || value === '') return [];
  const out: FieldProblem[] = [];
  const control = CONTROL.exec(value);
  if (control)
    out.push(
      problem(
        field,
        'error',
        'text-control-character',
        `${field} contains the control character U+${codePoint(control[0])} at position ${control.index + 1}`,
        { codePoint: `U+${codePoint(control[0])}`, position: control.index + 1 },
      ),
    );
  const replaced = value.indexOf('\ufffd');
  if (replaced !== -1)
    out.push(
      problem(
        field,
        'error',
        'text-replacement-character',
        `${field} contains U+FFFD at position ${replaced + 1}: a character the file's encoding could not give (wrong encoding or a cut file)`,
        { position: replaced + 1 },
      ),
    );
  if (value.length > max)
    out.push(
      problem(field, 'error', 'text-too-long', `${field} has ${value.length} characters; at most ${max} are allowed`, {
        length: value.length,
        max,
      }),
    );
  return out;
}

function codePoint(ch: string): string {
  return ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
}

/**
 * The text rules on every string property of a record, and of its lines/items (named
 * `lines[i].field` as the document rules name them). Values of other types are the number and
 * date rules' business.
 */
export function checkRecordText(record: Readonly<Record<string, unknown>>): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const [field, value] of Object.entries(record)) {
    if (typeof value === 'string') {
      for (const p of checkText(field, value)) out.push(p);
    } else if ((field === 'lines' || field === 'items') && Array.isArray(value)) {
      value.forEach((child: unknown, i) => {
        if (typeof child !== 'object' || child === null) return;
        for (const [name, v] of Object.entries(child as Record<string, unknown>))
          if (typeof v === 'string')
            for (const p of checkText(`${field}[${i}].${name}`, v, maxTextLength(name))) out.push(p);
      });
    }
  }
  return out;
}
