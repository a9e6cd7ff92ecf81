/**
 * Turns an export config into something the pipeline can run: a built-in format from the
 * registry with its resolved settings, or a user template wrapped as a format. Problems
 * (unknown format, deleted template, invalid settings) come back as blocking issues.
 *
 * Two steps, so that listing and checking configs never loads a format's code: `describeTarget`
 * reads metadata only (the registry line, the template's JSON); `resolveTarget` also loads the
 * code (the format module, or Liquid and the template renderer) with a dynamic `import()`.
 */
import { FORMATS, getFormat, resolveSettings } from '../formats/registry.ts';
import type { ExportIssue, FormatDefinition, FormatInfo, FormatSettings, RegisteredFormat } from '../formats/types.ts';
import { templateFormatInfo } from '../templates/format-info.ts';
import { parseTemplateJson } from '../templates/portable.ts';
import type { ExportConfig } from './types.ts';

export interface ResolvedTarget {
  format: FormatDefinition;
  settings: FormatSettings;
  issues: ExportIssue[];
}

/** A target before its code is loaded: metadata, resolved settings and issues, and how to load it. */
export interface DescribedTarget {
  info: FormatInfo;
  settings: FormatSettings;
  issues: ExportIssue[];
  load(): Promise<FormatDefinition>;
}

/** A stored template: its id and the portable template JSON object (`{ format, version, template }`). */
export interface StoredTemplate {
  id: string;
  template: Record<string, unknown>;
}

/** The config's target from metadata only; throws (with a message for the user) when it cannot run at all. */
export function describeTarget(
  config: ExportConfig,
  templates: readonly StoredTemplate[],
  formats: readonly RegisteredFormat[] = FORMATS,
): DescribedTarget {
  if (config.target.kind === 'format') {
    const format = getFormat(config.target.formatId, formats);
    if (!format)
      throw new Error(
        `The export "${config.name}" uses the format "${config.target.formatId}", which this version does not know.`,
      );
    const { settings, errors } = resolveSettings(format, config.settings);
    const { load: _load, ...info } = format;
    return {
      info,
      settings,
      issues: errors.map((e) => e.issue),
      load: () => format.load(),
    };
  }
  const templateId = config.target.templateId;
  const stored = templates.find((t) => t.id === templateId);
  if (!stored)
    throw new Error(`The export "${config.name}" uses a template that has been deleted. Choose another in Settings.`);
  const parsed = parseTemplateJson(JSON.stringify(stored.template));
  if (!parsed.ok) throw new Error(`The template of "${config.name}" cannot be used: ${parsed.errors.join('; ')}`);
  const template = parsed.template;
  const id = `template:${stored.id}`;
  return {
    info: templateFormatInfo(template, id),
    settings: {},
    issues: [],
    // Liquid, the layout builders and the encoders come with the renderer, only for a template run.
    load: () => import('../templates/as-format.ts').then((m) => m.templateAsFormat(template, id)),
  };
}

/** The config's target with its code loaded, ready for the pipeline. */
export async function resolveTarget(
  config: ExportConfig,
  templates: readonly StoredTemplate[],
  formats: readonly RegisteredFormat[] = FORMATS,
): Promise<ResolvedTarget> {
  const { settings, issues, load } = describeTarget(config, templates, formats);
  return { format: await load(), settings, issues };
}
