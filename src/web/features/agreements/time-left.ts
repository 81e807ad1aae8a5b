import type { TFunction } from 'i18next';
import type { TAgreement } from '../../../contracts/agreements.js';

/**
 * "45 days left", "ended 3 days ago", or null when there is no end to count to
 * (no end date, not yet signed, or terminated: the termination date says it all).
 */
export function timeLeftText(
  t: TFunction,
  a: Pick<TAgreement, 'daysToEnd' | 'status' | 'stage'>,
): string | null {
  if (a.daysToEnd === null || a.status === 'terminated' || a.stage !== 'signed') {
    return null;
  }
  return a.daysToEnd >= 0
    ? t('agreements.daysLeft', { days: a.daysToEnd })
    : t('agreements.daysAgo', { days: -a.daysToEnd });
}
