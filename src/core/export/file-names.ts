/**
 * The one gate for file and ZIP entry names that may come from data (issue 16): a template's
 * `fileNamePattern` and `fileExtension`, an export's name in a bundle, a format's file name. A
 * shared template is someone else's text, and its name ends up as a path in the CLI's `--out`
 * folder and as an entry in a ZIP that others unpack: `txt/../../../x.txt` must never get there.
 *
 * A finished name holds only the safe set (letters, digits, space and `. _ - ( ) [ ] + , = & # @ ! ~ '`),
 * is at most `MAX_FILE_NAME` characters, has no `..`, does not start with a dot or a space, does
 * not end with a dot or a space (Windows drops those), and is not a device name Windows reserves
 * (`CON`, `NUL`, `COM1`, … with any extension). Anything else is refused with a code of the issue
 * catalogue, never repaired silently, except for a pattern's characters that only some file systems
 * forbid (`:` `*` `?` `"` `<` `>` `|` …), which templates have always had replaced by `_`.
 */
import { issue, type IssueCode, type IssueParams } from '../formats/issues.ts';
import { formatDate } from '../domain/dates.ts';
import type { ExportContext, ExportIssue } from '../formats/types.ts';

/** A template's two name settings (templates/types.ts `TemplateCommon`). */
export interface TemplateNames {
  fileNamePattern: string;
  fileExtension: string;
}

/** Most file systems take 255 bytes; 150 characters leave room for UTF-8 letters and a folder's own path. */
export const MAX_FILE_NAME = 150;
/** `csv`, `txt`, `SI`, `xml`, `tar.gz`: short, letters and digits. */
export const MAX_FILE_EXTENSION = 16;

export type FileNameIssueCode = Extract<
  IssueCode,
  | 'file-name-empty'
  | 'file-name-too-long'
  | 'file-name-separator'
  | 'file-name-dot-segment'
  | 'file-name-control-character'
  | 'file-name-character'
  | 'file-name-edge'
  | 'file-name-reserved'
>;

export interface FileNameProblem {
  code: FileNameIssueCode;
  params: IssueParams;
}

/**
 * The refusal in English, for the places that have no issue list and no catalogue: an error thrown
 * by the pipeline or the CLI, and the template reader's error lines. The same words as the UI's
 * English catalogue (`issue.<code>` in src/ui/messages.ts), which the screens use in their language.
 */
const ENGLISH: Record<FileNameIssueCode, string> = {
  'file-name-empty': 'The file name is empty.',
  'file-name-too-long': 'The file name or extension "{value}" is longer than {limit} characters.',
  'file-name-separator':
    'The file name or extension "{value}" holds "{char}": a file name cannot point into another folder.',
  'file-name-dot-segment':
    'The file name or extension "{value}" starts with a dot or holds "..": a file name cannot point into another folder or be hidden.',
  'file-name-control-character': 'The file name or extension "{value}" holds the control character {codePoint}.',
  'file-name-character':
    'The file name or extension "{value}" holds "{char}"; file names may hold letters, digits, space and . _ - ( ) [ ] + , = & # @ ! ~ \' (extensions: letters, digits, _ - and .).',
  'file-name-edge': 'The file name "{value}" starts with a space or ends with a dot or a space, which Windows drops.',
  'file-name-reserved': 'The file name "{value}" is {reserved}, a device name Windows reserves.',
};

export function fileNameProblemText(found: FileNameProblem): string {
  return ENGLISH[found.code].replace(/\{(\w+)\}/g, (whole, name: string) => String(found.params[name] ?? whole));
}

/** Thrown where a name is built and the caller has no issue list: the pipeline, the bundle, the CLI. */
export class UnsafeFileNameError extends Error {
  override name = 'UnsafeFileNameError';
  constructor(readonly problem: FileNameProblem) {
    super(fileNameProblemText(problem));
  }
}

const SAFE_CHARACTER = /[\p{L}\p{M}\p{N} ._\-()[\]+,=&#@!~']/u;
const UNSAFE_CHARACTERS = /[^\p{L}\p{M}\p{N} ._\-()[\]+,=&#@!~']/gu;
// Cc: C0/C1 controls and DEL; Cf: invisible format characters (bidi overrides that disguise `exe.txt`).
const CONTROL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
const EXTENSION_CHARACTER = /[\p{L}\p{N}_.-]/u;

/** A value as it can be shown in a message: control characters as `\u000a`, never raw. */
export function printable(value: string): string {
  return value.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

function problem(code: FileNameIssueCode, value: string, extra: Record<string, string | number> = {}): FileNameProblem {
  return { code, params: { value: printable(value), ...extra } };
}

function codePointText(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What is wrong with a finished file or ZIP entry name, or null when it is safe. */
export function fileNameProblem(name: string, shown = name): FileNameProblem | null {
  if (name === '') return { code: 'file-name-empty', params: {} };
  const separator = /[/\\]/.exec(name);
  if (separator) return problem('file-name-separator', shown, { char: separator[0] });
  for (const c of name) {
    if (CONTROL.test(c)) return problem('file-name-control-character', shown, { codePoint: codePointText(c) });
  }
  if (name.includes('..') || name.startsWith('.')) return problem('file-name-dot-segment', shown);
  for (const c of name) {
    if (!SAFE_CHARACTER.test(c)) return problem('file-name-character', shown, { char: c });
  }
  if ([...name].length > MAX_FILE_NAME) return problem('file-name-too-long', shown, { limit: MAX_FILE_NAME });
  if (/^ | $|\.$/.test(name)) return problem('file-name-edge', shown);
  const stem = name.split('.')[0]!.trim();
  if (RESERVED.test(stem)) return problem('file-name-reserved', shown, { reserved: stem.toUpperCase() });
  return null;
}

/** The name itself when it is safe; else throws `UnsafeFileNameError`. Every file and ZIP entry name passes here. */
export function safeFileName(name: string): string {
  const found = fileNameProblem(name);
  if (found) throw new UnsafeFileNameError(found);
  return name;
}

/** A template's extension without its one optional leading dot (`.SI` → `SI`). */
export function bareExtension(extension: string): string {
  return extension.replace(/^\./, '');
}

/** What is wrong with a template's `fileExtension` (letters, digits, `_`, `-`, inner dots; at most 16), or null. */
export function fileExtensionProblem(extension: string): FileNameProblem | null {
  const ext = bareExtension(extension);
  if (ext === '') return null;
  const asName = fileNameProblem(`x.${ext}`, extension);
  if (asName) return asName;
  for (const c of ext) if (!EXTENSION_CHARACTER.test(c)) return problem('file-name-character', extension, { char: c });
  if ([...ext].length > MAX_FILE_EXTENSION)
    return problem('file-name-too-long', extension, { limit: MAX_FILE_EXTENSION });
  return null;
}

/**
 * The base of a name made from a pattern: characters outside the safe set become `_`, except those
 * that could point elsewhere or hide (separators, control characters), which `fileNameProblem` refuses.
 */
function replacedBase(base: string): string {
  return base.replace(UNSAFE_CHARACTERS, (c) => (/[/\\]/.test(c) || CONTROL.test(c) ? c : '_'));
}

/**
 * What is wrong with a template's `fileNamePattern` once expanded (placeholders filled with a sample
 * date), or null. Separators, control characters, `..`, a leading dot and reserved names are
 * refused; characters only some file systems forbid are replaced when the name is built.
 */
export function fileNamePatternProblem(pattern: string, expanded: string, extension = ''): FileNameProblem | null {
  const base = replacedBase(expanded) || 'export';
  const ext = bareExtension(extension);
  return fileNameProblem(ext ? `${base}.${ext}` : base, pattern);
}

/**
 * Builds a file name from a template's expanded pattern and its extension: the one way a
 * template's name is made. Throws `UnsafeFileNameError` for a name `fileNameProblem` refuses.
 */
export function buildFileName(expandedPattern: string, extension: string): string {
  const extProblem = fileExtensionProblem(extension);
  if (extProblem) throw new UnsafeFileNameError(extProblem);
  const base = replacedBase(expandedPattern.replace(/[/\\]/g, '_')) || 'export';
  const ext = bareExtension(extension);
  return safeFileName(ext ? `${base}.${ext}` : base);
}

export function fileNameIssue(found: FileNameProblem): ExportIssue {
  return issue('error', found.code, found.params);
}

/** Any date will do for checking a pattern: placeholders expand to digits. */
const NAME_CHECK_CONTEXT = { now: '2000-01-01T00:00:00', period: { from: '2000-01-01', to: '2000-01-31' } } as const;

/** The pattern with its placeholders filled in, before the file-name rules (export/file-names.ts). */
export function expandFileNamePattern(pattern: string, context: Pick<ExportContext, 'now' | 'period'>): string {
  const period = (d: string | undefined) => (d ? formatDate(d, 'yyyyMMdd') : '');
  return pattern
    .replace(/\{DATETIME\}/g, formatDate(context.now, 'yyyyMMddHHmmss'))
    .replace(/\{DATE\}/g, formatDate(context.now, 'yyyyMMdd'))
    .replace(/\{FROM\}/g, period(context.period?.from))
    .replace(/\{TO\}/g, period(context.period?.to));
}

/**
 * `{DATETIME}` yyyyMMddHHmmss, `{DATE}` yyyyMMdd, `{FROM}` / `{TO}` yyyyMMdd of the period (empty without one).
 * Built by `buildFileName`: characters only some file systems forbid become `_`; an extension or a
 * name that could leave the folder (`..`, control characters, reserved names) throws `UnsafeFileNameError`.
 */
export function templateFileName(template: TemplateNames, context: Pick<ExportContext, 'now' | 'period'>): string {
  return buildFileName(expandFileNamePattern(template.fileNamePattern, context), template.fileExtension);
}

/** The template's first file-name problem (extension, then pattern), or null. */
export function templateNameProblem(
  template: TemplateNames,
  context: Pick<ExportContext, 'now' | 'period'> = NAME_CHECK_CONTEXT,
): FileNameProblem | null {
  return (
    fileExtensionProblem(template.fileExtension) ??
    fileNamePatternProblem(
      template.fileNamePattern,
      expandFileNamePattern(template.fileNamePattern, context),
      template.fileExtension,
    )
  );
}

/** The template's file-name problems (pattern and extension) as issues: pre-flight, Test template. */
export function templateNameIssues(
  template: TemplateNames,
  context: Pick<ExportContext, 'now' | 'period'> = NAME_CHECK_CONTEXT,
): ExportIssue[] {
  const found = templateNameProblem(template, context);
  return found ? [fileNameIssue(found)] : [];
}
