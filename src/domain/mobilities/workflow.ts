import type {
  ChecklistCode,
  MobilityCategory,
  MobilityDirection,
  MobilityStage,
  TransitionProblem,
} from '../../contracts/exchanges.js';

/**
 * The mobility workflow: proposed → approved → invitation_visa → travelling → returned →
 * report_received, one step at a time, no skipping. Any stage before the return may be
 * cancelled with a reason; report_received and cancelled are final. A returned mobility cannot be
 * cancelled any more: the trip took place, only its report is outstanding.
 */
const FORWARD: Record<MobilityStage, MobilityStage | null> = {
  proposed: 'approved',
  approved: 'invitation_visa',
  invitation_visa: 'travelling',
  travelling: 'returned',
  returned: 'report_received',
  report_received: null,
  cancelled: null,
};

const CANCELLABLE: ReadonlySet<MobilityStage> = new Set([
  'proposed',
  'approved',
  'invitation_visa',
  'travelling',
]);

export const FINAL_STAGES: ReadonlySet<MobilityStage> = new Set(['report_received', 'cancelled']);

/** The stages a mobility may move to next, forward step first; empty for a final stage. */
export function nextStages(stage: MobilityStage): MobilityStage[] {
  const next: MobilityStage[] = [];
  const forward = FORWARD[stage];
  if (forward) {
    next.push(forward);
  }
  if (CANCELLABLE.has(stage)) {
    next.push('cancelled');
  }
  return next;
}

/** What the rule needs to know about the mobility, after the dates sent with the transition. */
export interface TransitionFacts {
  memberCount: number;
  actualStartOn: string | null;
  actualEndOn: string | null;
  hasReport: boolean;
  note: string;
  /** Today in the organization's time zone (YYYY-MM-DD). */
  today: string;
}

export type TransitionCheck =
  | { ok: true }
  | { ok: false; problem: TransitionProblem; allowed: MobilityStage[] };

/** Whether `from → to` may happen now; the first problem found when it may not. */
export function checkTransition(
  from: MobilityStage,
  to: MobilityStage,
  facts: TransitionFacts,
): TransitionCheck {
  const allowed = nextStages(from);
  const refuse = (problem: TransitionProblem): TransitionCheck => ({ ok: false, problem, allowed });
  if (!allowed.includes(to)) {
    return refuse('not_allowed');
  }
  switch (to) {
    case 'cancelled':
      return facts.note.trim() === '' ? refuse('reason_required') : { ok: true };
    case 'invitation_visa':
      return facts.memberCount === 0 ? refuse('members_required') : { ok: true };
    case 'travelling':
      if (!facts.actualStartOn) {
        return refuse('actual_start_required');
      }
      return facts.actualStartOn > facts.today ? refuse('date_in_future') : { ok: true };
    case 'returned':
      if (!facts.actualEndOn) {
        return refuse('actual_end_required');
      }
      if (facts.actualStartOn && facts.actualEndOn < facts.actualStartOn) {
        return refuse('end_before_start');
      }
      return facts.actualEndOn > facts.today ? refuse('date_in_future') : { ok: true };
    case 'report_received':
      return facts.hasReport ? { ok: true } : refuse('report_required');
    default:
      return { ok: true };
  }
}

/** Stages at which the outcome report may be submitted or revised. */
export function canSubmitReport(stage: MobilityStage): boolean {
  return stage === 'returned' || stage === 'report_received';
}

const OUTBOUND_BASE: ChecklistCode[] = [
  'passport_valid',
  'visa',
  'travel_insurance',
  'flight_booked',
  'fao_approval',
];
const INBOUND_BASE: ChecklistCode[] = [
  'invitation_letter_issued',
  'visa_support',
  'accommodation',
  'airport_pickup',
  'local_registration',
];
const EXTRA: Record<MobilityCategory, ChecklistCode[]> = {
  teacher: ['work_plan'],
  staff: ['work_plan'],
  expert: ['work_plan'],
  student: ['learning_agreement'],
  official_delegation: ['agenda_confirmed'],
};

/** The checklist a new mobility starts with, by direction and category, in order. */
export function defaultChecklist(direction: MobilityDirection, category: MobilityCategory): ChecklistCode[] {
  const base = direction === 'outbound' ? OUTBOUND_BASE : INBOUND_BASE;
  const extra = [...EXTRA[category]];
  if (direction === 'inbound' && category === 'official_delegation') {
    extra.push('reception_protocol');
  }
  if (direction === 'inbound' && category === 'student') {
    extra.push('travel_insurance');
  }
  return [...base, ...extra];
}
