/**
 * Why a typed date cannot be read (src/core/domain/typed-date.ts's codes), in the UI language,
 * with the form the language expects (`dd.mm.åååå`), so the user sees how to type it.
 */
import type { TypedDateProblem } from '../../core/domain/typed-date.ts';
import { getLocale, INTL_LOCALE, t } from '../messages.ts';

export function dateProblemText(problem: TypedDateProblem, locale = getLocale()): string {
  const pattern = t('dateInput.pattern');
  switch (problem.code) {
    case 'empty':
      return '';
    case 'unreadable':
      return t('dateInput.unreadable', { pattern });
    case 'no-such-month':
      return t('dateInput.noSuchMonth', { month: problem.month, pattern });
    case 'no-such-day': {
      const month = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(new Date(Date.UTC(problem.year, problem.month - 1, 1)));
      return t('dateInput.noSuchDay', { days: problem.days, month, pattern });
    }
    case 'year-out-of-range':
      return t('dateInput.yearOutOfRange', { min: problem.min, max: problem.max, pattern });
  }
}
