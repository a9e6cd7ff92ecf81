/** Words for values src/core names by code (export statuses, status purposes), in the UI language. */
import type { ExportStatus, StatusPurpose } from '../../core/domain/types.ts';
import { t } from '../messages.ts';

export function statusLabel(status: ExportStatus): string {
  return t(`exportStatus.${status}`);
}

export function purposeLabel(purpose: StatusPurpose): string {
  return t(`exportSettings.purpose.${purpose}`);
}
