/** Words for values src/core names by code (export statuses, status purposes), in the UI language. */
import type { ExportStatus, StatusPurpose } from '../../core/domain/types.ts';
import { hasMessage, t } from '../messages.ts';
import { definitionText } from './definition-text.ts';

export function statusLabel(status: ExportStatus): string {
  return t(`exportStatus.${status}`);
}

export function purposeLabel(purpose: StatusPurpose): string {
  return t(`exportSettings.purpose.${purpose}`);
}

/** A template data type's name (src/core/templates/data-types), or the core's own label for one the catalogue lacks. */
export function dataTypeLabel(id: string, fallback: string): string {
  const key = `dataType.${id}`;
  return hasMessage(key) ? t(key) : fallback;
}

/**
 * An export as a list names it: its name, and its system or template when the name does not say it
 * already (a new export is named after its system: "Visma Lønn", not "Visma Lønn (Visma Lønn)").
 */
export function exportChoiceText(name: string, targetName: string): string {
  const target = definitionText(targetName);
  return target && target !== name && targetName !== name ? `${name} (${target})` : name;
}
