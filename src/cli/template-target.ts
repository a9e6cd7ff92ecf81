/** `--template t.json`: a portable template file (as the app's template export writes) used as the export's format. */
import { InputError } from './args.ts';
import { parseTemplateJson } from '../core/templates/portable.ts';
import { templateAsFormat } from '../core/templates/as-format.ts';
import type { FormatDefinition } from '../core/formats/types.ts';

export function templateFormatFromJson(text: string): FormatDefinition {
  const parsed = parseTemplateJson(text);
  if (!parsed.ok) throw new InputError(`The template file cannot be used:\n  ${parsed.errors.join('\n  ')}`);
  return templateAsFormat(parsed.template);
}
