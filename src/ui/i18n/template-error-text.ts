/**
 * A template error as the editor shows it, in the UI's language: an unknown field (from its `path`
 * and `suggestion`) and a limit that stopped the render (from `limit` and its value) are worded from
 * the catalogue; a syntax error keeps the Liquid engine's own English text (liquidjs words it, with
 * the line and column the editor shows beside it), as the CLI prints it. Decision 0008.
 */
import type { TemplateError } from '../../core/templates/liquid-engine.ts';
import { t } from '../messages.ts';

export function templateErrorText(
  error: Pick<TemplateError, 'message' | 'path' | 'suggestion' | 'limit' | 'limitValue'>,
): string {
  if (error.path !== undefined)
    return error.suggestion
      ? t('templates.unknownFieldSuggest', { path: error.path, suggestion: error.suggestion })
      : t('templates.unknownField', { path: error.path });
  if (error.limit && error.limitValue !== undefined)
    return t(`templates.limit.${error.limit}`, { limit: error.limitValue });
  return error.message;
}
