/**
 * The status shown for a cooperation agreement, derived from what people record (its stage and dates)
 * and from "today" in the organization's time zone (see `calendarDateInTimeZone`). Nothing here reads a
 * clock: the caller passes `today`, so the same agreement always gets the same status on the same day.
 *
 * Rules, in the order they are applied:
 *
 * 1. Terminated. `terminatedOn` set and `terminatedOn <= today` → 'terminated' (on the termination day
 *    itself the agreement is no longer in force). `effectiveEndsOn` = terminatedOn, `daysToEnd` = null.
 *    This applies whatever the stage. A termination date in the future leaves the agreement running
 *    (rules 2-6) until that day; meanwhile the termination date acts as the effective end when it is
 *    earlier than the (renewed) end date, so the agreement shows as 'expiring' as it approaches.
 * 2. Stage 'draft' → 'draft'; stage 'negotiating' → 'negotiating'. Nothing is in force yet:
 *    `effectiveEndsOn` = the planned end date (or null), `daysToEnd` = null.
 * 3. Stage 'signed' with no end date (and no future termination) → 'active' (open-ended),
 *    `effectiveEndsOn` = null, `daysToEnd` = null.
 * 4. Auto-renewal (autoRenewal with renewalMonths >= 1): the effective end is
 *    `addMonths(endsOn, k * renewalMonths)` for the smallest k >= 0 that makes it >= today. Each renewal
 *    is counted from the original end date, so month-end dates stay at month end
 *    (2025-01-31 renewing monthly → 02-28, 03-31, 04-30 ...; never drifting to the 28th). An
 *    auto-renewing agreement therefore never expires; it can only be terminated. autoRenewal with a
 *    missing or non-positive renewalMonths is treated as not renewing (the input schema forbids it).
 * 5. `today` > effective end → 'expired'. `daysToEnd` is then negative (-1 on the day after the end).
 * 6. `daysToEnd` = days from today to the effective end. The end day itself is still in force:
 *    0 <= daysToEnd <= expiringWindowDays → 'expiring' (so with a 90-day window, 90 days before the end
 *    is the first 'expiring' day and 91 days before is still 'active'); otherwise 'active'.
 *
 * A signed agreement whose start date is still in the future counts as 'active': it is a binding
 * commitment, and lists of "active partnerships" should include it.
 */
import { addMonths, type CalendarDate, daysBetween, toDayNumber } from '../dates/calendar-date.js';

export type AgreementStage = 'draft' | 'negotiating' | 'signed';
export type DerivedAgreementStatus =
  | 'draft'
  | 'negotiating'
  | 'active'
  | 'expiring'
  | 'expired'
  | 'terminated';

export interface AgreementStatusInput {
  stage: AgreementStage;
  startsOn: CalendarDate | null;
  endsOn: CalendarDate | null;
  autoRenewal: boolean;
  renewalMonths: number | null;
  terminatedOn: CalendarDate | null;
  expiringWindowDays: number;
}

export interface AgreementStatusResult {
  status: DerivedAgreementStatus;
  /** End date after automatic renewals and a pending termination; null when open-ended. */
  effectiveEndsOn: CalendarDate | null;
  /** Days from today to the effective end (0 on the end day, negative once expired); null when not running. */
  daysToEnd: number | null;
}

/** Smallest `addMonths(endsOn, k * step)` (k >= 0) that is on or after `today`. */
export function rolledEndDate(
  endsOn: CalendarDate,
  renewalMonths: number,
  today: CalendarDate,
): CalendarDate {
  if (!Number.isInteger(renewalMonths) || renewalMonths < 1) {
    throw new RangeError(`renewalMonths must be a positive integer: ${renewalMonths}`);
  }
  const todayN = toDayNumber(today);
  if (toDayNumber(endsOn) >= todayN) {
    return endsOn;
  }
  // Jump close to the answer by whole months, then step; addMonths clamps, so stepping corrects the guess.
  const [ey, em] = endsOn.split('-').map(Number) as [number, number];
  const [ty, tm] = today.split('-').map(Number) as [number, number];
  const monthsApart = (ty - ey) * 12 + (tm - em);
  let k = Math.max(0, Math.floor(monthsApart / renewalMonths) - 1);
  let candidate = addMonths(endsOn, k * renewalMonths);
  while (toDayNumber(candidate) < todayN) {
    k += 1;
    candidate = addMonths(endsOn, k * renewalMonths);
  }
  while (k > 0) {
    const previous = addMonths(endsOn, (k - 1) * renewalMonths);
    if (toDayNumber(previous) < todayN) {
      break;
    }
    k -= 1;
    candidate = previous;
  }
  return candidate;
}

export function deriveAgreementStatus(
  agreement: AgreementStatusInput,
  today: CalendarDate,
): AgreementStatusResult {
  const todayN = toDayNumber(today);
  const { terminatedOn } = agreement;

  // Rule 1: a termination that has taken effect wins over everything else.
  if (terminatedOn !== null && toDayNumber(terminatedOn) <= todayN) {
    return { status: 'terminated', effectiveEndsOn: terminatedOn, daysToEnd: null };
  }

  // Rule 2: not signed yet.
  if (agreement.stage === 'draft' || agreement.stage === 'negotiating') {
    return { status: agreement.stage, effectiveEndsOn: agreement.endsOn, daysToEnd: null };
  }

  // Rules 3-4: where the signed agreement currently ends.
  let effectiveEnd: CalendarDate | null = agreement.endsOn;
  const renews = agreement.autoRenewal && agreement.renewalMonths !== null && agreement.renewalMonths >= 1;
  if (effectiveEnd !== null && renews) {
    effectiveEnd = rolledEndDate(effectiveEnd, agreement.renewalMonths as number, today);
  }
  // A pending termination (necessarily after today here) caps the end.
  if (
    terminatedOn !== null &&
    (effectiveEnd === null || toDayNumber(terminatedOn) < toDayNumber(effectiveEnd))
  ) {
    effectiveEnd = terminatedOn;
  }
  if (effectiveEnd === null) {
    return { status: 'active', effectiveEndsOn: null, daysToEnd: null };
  }

  // Rules 5-6.
  const daysToEnd = daysBetween(today, effectiveEnd);
  if (daysToEnd < 0) {
    return { status: 'expired', effectiveEndsOn: effectiveEnd, daysToEnd };
  }
  if (daysToEnd <= agreement.expiringWindowDays) {
    return { status: 'expiring', effectiveEndsOn: effectiveEnd, daysToEnd };
  }
  return { status: 'active', effectiveEndsOn: effectiveEnd, daysToEnd };
}

/** Statuses in which an agreement is in force (a signed commitment that has not ended). */
export const IN_FORCE_STATUSES: ReadonlySet<DerivedAgreementStatus> = new Set(['active', 'expiring']);
