/**
 * Export issues as text: src/core reports a code with parameters (src/core/formats/issues.ts) and
 * the UI renders the catalogue's `issue.<code>` message in the UI language (the CLI in English).
 * The template syntax is described above the `issue.*` keys in src/ui/messages.ts.
 */
import type { ExportIssue } from '../../core/formats/types.ts';
import { hasMessage, t, tEnglish, type MessageKey } from '../messages.ts';
import { definitionText } from './definition-text.ts';

type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;

/** Names filled from the issue itself rather than from `params`. */
export const FROM_ISSUE = ['record', 'field', 'at'] as const;

/**
 * Parameters that hold a definition's English text (a setting's label, a format's name), worded
 * in the UI's language from the definition catalogue (./definition-text.ts); any other value
 * (a key the user typed, a record's own text) has no entry there and is written as it is.
 */
const DEFINITION_PARAMS: ReadonlySet<string> = new Set(['setting', 'format']);

/** `{placeholder}` names of a template, split into required ones and those in `[optional]` parts. */
export function placeholdersOf(template: string): { required: string[]; optional: string[] } {
  const optional = [...template.matchAll(/\[([^[\]]*)\]/g)].flatMap((m) => namesIn(m[1]!));
  const required = namesIn(template.replace(/\[[^[\]]*\]/g, ''));
  return { required, optional };
}

function namesIn(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/** The issue's record as the message names it, e.g. `invoice 1001` (`faktura 1001`). */
export function recordText(record: NonNullable<ExportIssue['record']>, translate: Translate = t): string {
  return `${translate(`record.${record.kind}`)} ${record.key}`;
}

/** The message of an issue, from its code and parameters; an issue made outside the catalogue keeps its own text. */
export function issueMessage(found: ExportIssue, translate: Translate = t): string {
  const english = translate === tEnglish;
  const key = `issue.${found.code}`;
  if (!hasMessage(key)) return found.message ?? found.code;
  const params = found.params ?? {};
  const record = found.record ? recordText(found.record, translate) : undefined;
  const field = found.field || undefined;
  const value = (name: string): string | undefined => {
    if (name === 'record') return record;
    if (name === 'field') return field;
    if (name === 'at') return record && field ? `${record}, ${field}` : record || field;
    const v = params[name];
    if (v === undefined) return undefined;
    return DEFINITION_PARAMS.has(name) && !english ? definitionText(String(v)) : String(v);
  };
  // The template with its placeholders kept: `t` fills none of them (no params), so a value that
  // looks like a placeholder ("{x}") is written as it is.
  const template = translate(key);
  const kept = template.replace(/\[([^[\]]*)\]/g, (_whole, part: string) =>
    namesIn(part).every((name) => value(name) !== undefined) ? part : '',
  );
  return kept.replace(/\{(\w+)\}/g, (whole, name: string) => value(name) ?? whole);
}

export function englishIssueMessage(found: ExportIssue): string {
  return issueMessage(found, tEnglish);
}

/**
 * Whether the message already names the issue's record (most do: "Invoice 1001 has no lines"), so
 * that a list showing the record beside the message does not say it twice.
 */
export function issueNamesItsRecord(found: ExportIssue, translate: Translate = t): boolean {
  return found.record !== undefined && issueMessage(found, translate).includes(found.record.key);
}

/** The issue as one line of text: its record (and field) first, unless the message names the record. */
export function issueText(found: ExportIssue, translate: Translate = t): string {
  const message = issueMessage(found, translate);
  // A capped list (capRepeatedIssues) says on its last issue of a kind how many more there are.
  const more = found.moreLikeThis ? ` ${translate('issues.moreLikeThis', { count: found.moreLikeThis })}` : '';
  if (!found.record || message.includes(found.record.key)) return message + more;
  return `${recordText(found.record, translate)}${found.field ? `, ${found.field}` : ''}: ${message}${more}`;
}

export function englishIssueText(found: ExportIssue): string {
  return issueText(found, tEnglish);
}
