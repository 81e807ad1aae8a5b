import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MOBILITY_CATEGORIES,
  MOBILITY_DIRECTIONS,
  MOBILITY_STAGES,
  type MobilityStage,
  type TransitionProblem,
} from '../../contracts/exchanges.js';
import {
  canSubmitReport,
  checkTransition,
  defaultChecklist,
  FINAL_STAGES,
  nextStages,
  type TransitionFacts,
} from './workflow.js';

const TODAY = '2026-03-15';
const facts = (o: Partial<TransitionFacts> = {}): TransitionFacts => ({
  memberCount: 2,
  actualStartOn: '2026-03-01',
  actualEndOn: '2026-03-10',
  hasReport: true,
  note: '',
  today: TODAY,
  ...o,
});

describe('nextStages', () => {
  const rows: [MobilityStage, MobilityStage[]][] = [
    ['proposed', ['approved', 'cancelled']],
    ['approved', ['invitation_visa', 'cancelled']],
    ['invitation_visa', ['travelling', 'cancelled']],
    ['travelling', ['returned', 'cancelled']],
    ['returned', ['report_received']],
    ['report_received', []],
    ['cancelled', []],
  ];
  it.each(rows)('%s → %j', (stage, expected) => {
    expect(nextStages(stage)).toEqual(expected);
  });
  it('covers every stage', () => {
    expect(rows.map(([s]) => s).sort()).toEqual([...MOBILITY_STAGES].sort());
  });
  it('leaves final stages with nowhere to go', () => {
    for (const s of FINAL_STAGES) {
      expect(nextStages(s)).toEqual([]);
    }
  });
});

describe('checkTransition: every pair of stages', () => {
  // Every (from, to) pair: allowed exactly when `to` is in nextStages(from), given complete facts.
  const pairs = MOBILITY_STAGES.flatMap((from) => MOBILITY_STAGES.map((to) => [from, to] as const));
  it.each(pairs)('%s → %s', (from, to) => {
    const result = checkTransition(from, to, facts({ note: 'reason' }));
    if (nextStages(from).includes(to)) {
      expect(result).toEqual({ ok: true });
    } else {
      expect(result).toEqual({ ok: false, problem: 'not_allowed', allowed: nextStages(from) });
    }
  });
  it('never skips a step forward', () => {
    expect(checkTransition('proposed', 'travelling', facts()).ok).toBe(false);
    expect(checkTransition('approved', 'returned', facts()).ok).toBe(false);
    expect(checkTransition('travelling', 'report_received', facts()).ok).toBe(false);
  });
});

describe('checkTransition: preconditions', () => {
  const rows: [string, MobilityStage, MobilityStage, Partial<TransitionFacts>, TransitionProblem | null][] = [
    ['cancel without a reason', 'approved', 'cancelled', { note: '  ' }, 'reason_required'],
    ['cancel with a reason', 'approved', 'cancelled', { note: 'Visa refused' }, null],
    ['cancel while travelling', 'travelling', 'cancelled', { note: 'Trip cut short' }, null],
    ['invitation without members', 'approved', 'invitation_visa', { memberCount: 0 }, 'members_required'],
    ['invitation with members', 'approved', 'invitation_visa', { memberCount: 1 }, null],
    [
      'travel without actual start',
      'invitation_visa',
      'travelling',
      { actualStartOn: null },
      'actual_start_required',
    ],
    [
      'travel starting tomorrow',
      'invitation_visa',
      'travelling',
      { actualStartOn: '2026-03-16' },
      'date_in_future',
    ],
    ['travel starting today', 'invitation_visa', 'travelling', { actualStartOn: TODAY }, null],
    ['return without actual end', 'travelling', 'returned', { actualEndOn: null }, 'actual_end_required'],
    ['return before start', 'travelling', 'returned', { actualEndOn: '2026-02-28' }, 'end_before_start'],
    ['return tomorrow', 'travelling', 'returned', { actualEndOn: '2026-03-16' }, 'date_in_future'],
    ['return today', 'travelling', 'returned', { actualEndOn: TODAY }, null],
    [
      'report received without report',
      'returned',
      'report_received',
      { hasReport: false },
      'report_required',
    ],
    ['report received with report', 'returned', 'report_received', { hasReport: true }, null],
    ['returned cannot be cancelled', 'returned', 'cancelled', { note: 'x' }, 'not_allowed'],
  ];
  it.each(rows)('%s', (_name, from, to, f, problem) => {
    const result = checkTransition(from, to, facts(f));
    if (problem === null) {
      expect(result).toEqual({ ok: true });
    } else {
      expect(result).toEqual({ ok: false, problem, allowed: nextStages(from) });
    }
  });
});

describe('walking the workflow', () => {
  it('any random walk of allowed steps ends in a final stage within six steps', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), (choices) => {
        let stage: MobilityStage = 'proposed';
        for (const c of choices) {
          const next = nextStages(stage);
          if (next.length === 0) {
            break;
          }
          const to = next[c % next.length] as MobilityStage;
          expect(checkTransition(stage, to, facts({ note: 'n' })).ok).toBe(true);
          stage = to;
        }
        expect(FINAL_STAGES.has(stage)).toBe(true);
      }),
    );
  });
});

describe('canSubmitReport', () => {
  it.each(MOBILITY_STAGES.map((s) => [s, s === 'returned' || s === 'report_received'] as const))(
    '%s → %s',
    (stage, expected) => {
      expect(canSubmitReport(stage)).toBe(expected);
    },
  );
});

describe('defaultChecklist', () => {
  it('outbound trips need passport, visa, insurance, flight and foreign affairs office approval', () => {
    expect(defaultChecklist('outbound', 'teacher')).toEqual([
      'passport_valid',
      'visa',
      'travel_insurance',
      'flight_booked',
      'fao_approval',
      'work_plan',
    ]);
  });
  it('inbound delegations need invitation, visa support, lodging, pickup, registration and protocol', () => {
    expect(defaultChecklist('inbound', 'official_delegation')).toEqual([
      'invitation_letter_issued',
      'visa_support',
      'accommodation',
      'airport_pickup',
      'local_registration',
      'agenda_confirmed',
      'reception_protocol',
    ]);
  });
  it('students get a learning agreement; inbound students also insurance', () => {
    expect(defaultChecklist('outbound', 'student')).toContain('learning_agreement');
    expect(defaultChecklist('inbound', 'student')).toEqual(
      expect.arrayContaining(['learning_agreement', 'travel_insurance']),
    );
  });
  it.each(MOBILITY_DIRECTIONS.flatMap((d) => MOBILITY_CATEGORIES.map((c) => [d, c] as const)))(
    '%s %s has no duplicate items',
    (d, c) => {
      const list = defaultChecklist(d, c);
      expect(new Set(list).size).toBe(list.length);
      expect(list.length).toBeGreaterThanOrEqual(6);
    },
  );
});
