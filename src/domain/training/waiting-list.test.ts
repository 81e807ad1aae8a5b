import { describe, expect, it } from 'vitest';
import { placeNewEnrolment, rebalanceWaitingList, type SeatHolder } from './waiting-list.js';

const seat = (id: string): SeatHolder => ({ id, status: 'confirmed', waitlistPosition: null });
const wait = (id: string, p: number): SeatHolder => ({ id, status: 'invited', waitlistPosition: p });
const gone = (id: string, p: number | null = null): SeatHolder => ({
  id,
  status: 'withdrawn',
  waitlistPosition: p,
});

describe('placeNewEnrolment', () => {
  it('gives a seat while one is free, then the end of the waiting list', () => {
    expect(placeNewEnrolment(2, [seat('a')])).toBeNull();
    expect(placeNewEnrolment(2, [seat('a'), seat('b')])).toBe(1);
    expect(placeNewEnrolment(2, [seat('a'), seat('b'), wait('c', 1)])).toBe(2);
    expect(placeNewEnrolment(2, [seat('a'), gone('b')])).toBeNull();
  });
});

describe('rebalanceWaitingList', () => {
  it('promotes the head of the list into a freed seat and closes ranks', () => {
    expect(rebalanceWaitingList(2, [gone('a'), seat('b'), wait('c', 1), wait('d', 2), wait('e', 3)])).toEqual(
      [
        { id: 'c', waitlistPosition: null },
        { id: 'd', waitlistPosition: 1 },
        { id: 'e', waitlistPosition: 2 },
      ],
    );
  });
  it('fills several seats when capacity grows, in list order', () => {
    expect(rebalanceWaitingList(4, [seat('a'), seat('b'), wait('d', 2), wait('c', 1)])).toEqual([
      { id: 'c', waitlistPosition: null },
      { id: 'd', waitlistPosition: null },
    ]);
  });
  it('takes a withdrawn enrolment off the list', () => {
    expect(rebalanceWaitingList(1, [seat('a'), gone('b', 1), wait('c', 2)])).toEqual([
      { id: 'c', waitlistPosition: 1 },
      { id: 'b', waitlistPosition: null },
    ]);
  });
  it('changes nothing when the list is in order and no seat is free', () => {
    expect(rebalanceWaitingList(1, [seat('a'), wait('b', 1), wait('c', 2)])).toEqual([]);
  });
});
