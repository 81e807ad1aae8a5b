/**
 * Seats and the waiting list of a cohort.
 *
 * An enrolment either holds a seat (`waitlistPosition` null) or waits at a position 1, 2, 3…
 * Withdrawn enrolments hold nothing. When a seat frees up (a withdrawal, a larger capacity),
 * the first waiting enrolments move into the free seats in order, and the rest close ranks.
 *
 * Pure: the caller loads the cohort's enrolments and writes back the changes returned.
 */
import type { EnrolmentStatus } from '../../contracts/training.js';

export interface SeatHolder {
  id: string;
  status: EnrolmentStatus;
  waitlistPosition: number | null;
}

export function holdsSeat(e: SeatHolder): boolean {
  return e.status !== 'withdrawn' && e.waitlistPosition === null;
}

export function isWaiting(e: SeatHolder): boolean {
  return e.status !== 'withdrawn' && e.waitlistPosition !== null;
}

/** Where a new enrolment goes: a seat when one is free, else the end of the waiting list. */
export function placeNewEnrolment(capacity: number, enrolments: readonly SeatHolder[]): number | null {
  const seats = enrolments.filter(holdsSeat).length;
  if (seats < capacity) {
    return null;
  }
  return enrolments.filter(isWaiting).length + 1;
}

export interface WaitlistChange {
  id: string;
  waitlistPosition: number | null;
}

/**
 * Fills free seats from the head of the waiting list and renumbers who is left (1..n).
 * Withdrawn enrolments drop off the list. Returns only the enrolments whose position changes.
 */
export function rebalanceWaitingList(capacity: number, enrolments: readonly SeatHolder[]): WaitlistChange[] {
  const changes: WaitlistChange[] = [];
  let free = Math.max(0, capacity - enrolments.filter(holdsSeat).length);
  const waiting = enrolments
    .filter(isWaiting)
    .sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0) || (a.id < b.id ? -1 : 1));
  let next = 1;
  for (const e of waiting) {
    if (free > 0) {
      changes.push({ id: e.id, waitlistPosition: null });
      free--;
    } else {
      if (e.waitlistPosition !== next) {
        changes.push({ id: e.id, waitlistPosition: next });
      }
      next++;
    }
  }
  for (const e of enrolments) {
    if (e.status === 'withdrawn' && e.waitlistPosition !== null) {
      changes.push({ id: e.id, waitlistPosition: null });
    }
  }
  return changes;
}
