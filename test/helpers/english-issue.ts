/**
 * Issues carry codes and parameters; these give the English text the UI and the CLI show, so
 * that tests can keep asserting the wording (src/ui/i18n/issue-text.ts).
 */
import type { ExportIssue } from '../../src/core/formats/types.ts';
import { englishIssueMessage } from '../../src/ui/i18n/issue-text.ts';

export const messageOf = (found: ExportIssue): string => englishIssueMessage(found);

/** The issue with its English `message`, as issues were before the text moved out of src/core. */
export const withMessage = (found: ExportIssue): ExportIssue => ({ ...found, message: englishIssueMessage(found) });
