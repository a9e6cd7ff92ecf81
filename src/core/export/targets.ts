/**
 * Turns an export config into something the pipeline can run: a built-in format from the
 * registry with its resolved settings, or a user template wrapped as a format. Problems
 * (unknown format, deleted template, invalid settings) come back as blocking issues.
 */
import { getFormat, resolveSettings } from '../formats/registry.ts';
import { issue } from '../formats/issues.ts';
import type { ExportIssue, FormatDefinition, FormatSettings } from '../formats/types.ts';
import { templateAsFormat } from '../templates/as-format.ts';
import { parseTemplateJson } from '../templates/portable.ts';
import type { ExportConfig } from './types.ts';

export interface ResolvedTarget {
  format: FormatDefinition;
  settings: FormatSettings;
  issues: ExportIssue[];
}

/** A stored template: its id and the portable template JSON object (`{ format, version, template }`). */
export interface StoredTemplate {
  id: string;
  template: Record<string, unknown>;
}

export function resolveTarget(config: ExportConfig, templates: readonly StoredTemplate[]): ResolvedTarget {
  if (config.target.kind === 'format') {
    const format = getFormat(config.target.formatId);
    if (!format)
      throw new Error(
        `The export "${config.name}" uses the format "${config.target.formatId}", which this version does not know.`,
      );
    const { settings, errors } = resolveSettings(format, config.settings);
    return {
      format,
      settings,
      issues: errors.map((e) =>
        issue('error', 'setting-error', { setting: e.key, problem: e.message }, undefined, e.key),
      ),
    };
  }
  const templateId = config.target.templateId;
  const stored = templates.find((t) => t.id === templateId);
  if (!stored)
    throw new Error(`The export "${config.name}" uses a template that has been deleted. Choose another in Settings.`);
  const parsed = parseTemplateJson(JSON.stringify(stored.template));
  if (!parsed.ok) throw new Error(`The template of "${config.name}" cannot be used: ${parsed.errors.join('; ')}`);
  return { format: templateAsFormat(parsed.template, `template:${stored.id}`), settings: {}, issues: [] };
}
