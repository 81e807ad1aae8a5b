/**
 * Whether an enrolment meets its programme's completion rule.
 *
 * Attendance is counted over the sessions held so far: an excused session leaves the count
 * (it is neither attended nor missed), so the percentage is attended / (held − excused). The
 * comparisons are exact: percentages are compared as integer cross-products and scores in
 * hundredths of a point, so 4 of 5 sessions (80 %) meets a minimum of 80 and 59.99 misses 60.
 *
 * Pure: the caller counts sessions and marks; certificates call this with the same rule.
 */
import type { EnrolmentStatus, TCompletionRule } from '../../contracts/training.js';

export const COMPLETION_REASONS = [
  'withdrawn',
  'no_sessions_held',
  'attendance_below_minimum',
  'post_test_missing',
  'post_score_below_minimum',
] as const;
export type CompletionReason = (typeof COMPLETION_REASONS)[number];

export interface CompletionFacts {
  /** Sessions of the cohort that have taken place. */
  sessionsHeld: number;
  /** Sessions marked present. */
  attended: number;
  /** Sessions marked excused (left out of the attendance count). */
  excused?: number;
  /** Post-test score in points (two decimals), or null when not taken. */
  postScore: number | null;
  /** The enrolment status; a withdrawn participant never completes. */
  status?: EnrolmentStatus;
}

export interface CompletionResult {
  eligible: boolean;
  reasons: CompletionReason[];
  /** Attendance in percent (unrounded), or null when no counted session was held. */
  attendancePercent: number | null;
}

/** Points → integer hundredths, immune to binary fractions (59.99 → 5999). */
export function toHundredths(points: number): number {
  return Math.round(points * 100);
}

export function fromHundredths(hundredths: number): number {
  return hundredths / 100;
}

/** attended / (held − excused) in percent, or null when nothing counts. */
export function attendancePercent(sessionsHeld: number, attended: number, excused = 0): number | null {
  const counted = sessionsHeld - excused;
  if (counted <= 0) {
    return null;
  }
  return (attended * 100) / counted;
}

/** attended / counted ≥ min %, compared on integers: attended·10000 ≥ round(min·100)·counted. */
function meetsAttendance(attended: number, counted: number, minPercent: number): boolean {
  return attended * 10000 >= toHundredths(minPercent) * counted;
}

export function evaluateCompletion(rule: TCompletionRule, facts: CompletionFacts): CompletionResult {
  const reasons: CompletionReason[] = [];
  const excused = facts.excused ?? 0;
  const counted = facts.sessionsHeld - excused;
  if (facts.status === 'withdrawn') {
    reasons.push('withdrawn');
  }
  if (facts.sessionsHeld <= 0) {
    reasons.push('no_sessions_held');
  } else if (
    counted <= 0
      ? rule.minAttendancePercent > 0
      : !meetsAttendance(facts.attended, counted, rule.minAttendancePercent)
  ) {
    reasons.push('attendance_below_minimum');
  }
  if (facts.postScore === null) {
    if (rule.requirePostTest) {
      reasons.push('post_test_missing');
    }
  } else if (toHundredths(facts.postScore) < toHundredths(rule.minPostScore)) {
    reasons.push('post_score_below_minimum');
  }
  return {
    eligible: reasons.length === 0,
    reasons,
    attendancePercent: attendancePercent(facts.sessionsHeld, facts.attended, excused),
  };
}
