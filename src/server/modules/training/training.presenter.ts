import type {
  TCohortSummary,
  TCompletionRule,
  TEnrolment,
  TParticipant,
  TProgramme,
  TProgrammeSummary,
  TSession,
} from '../../../contracts/training.js';
import { evaluateCompletion, fromHundredths } from '../../../domain/training/completion.js';
import { holdsSeat, isWaiting } from '../../../domain/training/waiting-list.js';
import { parseJson } from '../../platform/db/sql-helpers.js';
import type { EnrolmentWithParticipant } from './training.repository.js';
import type {
  CohortRow,
  EnrolmentRow,
  ModuleRow,
  ParticipantRow,
  ProgrammeRow,
  SessionRow,
} from './training.tables.js';

type Names = Record<string, string>;
const DEFAULT_RULE: TCompletionRule = { minAttendancePercent: 80, minPostScore: 60, requirePostTest: true };

export function ruleOf(row: ProgrammeRow): TCompletionRule {
  return { ...DEFAULT_RULE, ...parseJson<Partial<TCompletionRule>>(row.completionRuleJson, {}) };
}

export function presentProgrammeSummary(
  row: ProgrammeRow,
  modules: ModuleRow[],
  cohortCount: number,
): TProgrammeSummary {
  return {
    id: row.id,
    projectId: row.projectId,
    title: parseJson<Names>(row.titleJson, {}),
    languages: parseJson<string[]>(row.languagesJson, []),
    moduleKinds: [...new Set(modules.map((m) => m.kind as TProgramme['moduleKinds'][number]))],
    cohortCount,
    updatedAt: row.updatedAt,
  };
}

export function presentCohortSummary(
  row: CohortRow,
  enrolments: Pick<EnrolmentRow, 'id' | 'status' | 'waitlistPosition'>[],
): TCohortSummary {
  return {
    id: row.id,
    programmeId: row.programmeId,
    name: row.name,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    capacity: row.capacity,
    seatsTaken: enrolments.filter(holdsSeat).length,
    waitingCount: enrolments.filter(isWaiting).length,
    version: row.version,
  };
}

export function presentProgramme(
  row: ProgrammeRow,
  modules: ModuleRow[],
  cohorts: TCohortSummary[],
  canUpdate: boolean,
): TProgramme {
  return {
    ...presentProgrammeSummary(row, modules, cohorts.length),
    description: row.description,
    modules: modules.map((m) => ({
      id: m.id,
      kind: m.kind as TProgramme['moduleKinds'][number],
      title: parseJson<Names>(m.titleJson, {}),
      hours: m.hours,
    })),
    learningOutcomes: parseJson<Names[]>(row.learningOutcomesJson, []),
    interpretationNeeds: row.interpretationNeeds,
    completionRule: ruleOf(row),
    cohorts,
    createdAt: row.createdAt,
    version: row.version,
    abilities: { update: canUpdate },
  };
}

/** A session without its abilities (they depend on the actor; the service adds them). */
export function presentSession(
  row: SessionRow & { trainerName?: string | null },
): Omit<TSession, 'abilities'> {
  return {
    id: row.id,
    cohortId: row.cohortId,
    moduleId: row.moduleId,
    title: row.title,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    timeZone: row.timeZone,
    venue: row.venue,
    onlineUrl: row.onlineUrl,
    trainer:
      row.trainerUserId === null ? null : { id: row.trainerUserId, displayName: row.trainerName ?? '' },
    language: row.language,
    interpreter: row.interpreter,
    version: row.version,
  };
}

type ParticipantColumns = Pick<
  ParticipantRow,
  | 'nameNative'
  | 'nameLatin'
  | 'gender'
  | 'country'
  | 'organizationName'
  | 'position'
  | 'email'
  | 'languagesJson'
  | 'passportNumber'
  | 'dateOfBirth'
>;

/** Passport number and date of birth only for roles holding participant.sensitive_read. */
export function presentParticipant(
  id: string,
  row: ParticipantColumns,
  version: number,
  showSensitive: boolean,
): TParticipant {
  return {
    id,
    nameNative: row.nameNative,
    nameLatin: row.nameLatin,
    gender: row.gender,
    country: row.country,
    organizationName: row.organizationName,
    position: row.position,
    email: row.email,
    languages: parseJson<string[]>(row.languagesJson, []),
    sensitive: showSensitive ? { passportNumber: row.passportNumber, dateOfBirth: row.dateOfBirth } : null,
    version,
  };
}

export interface AttendanceStats {
  sessionsHeld: number;
  present: number;
  excused: number;
}

export function presentEnrolment(
  row: EnrolmentWithParticipant,
  stats: AttendanceStats,
  rule: TCompletionRule,
  showSensitive: boolean,
): TEnrolment {
  const postScore = row.postScore === null ? null : fromHundredths(row.postScore);
  const completion = evaluateCompletion(rule, {
    sessionsHeld: stats.sessionsHeld,
    attended: stats.present,
    excused: stats.excused,
    postScore,
    status: row.status,
  });
  return {
    id: row.id,
    cohortId: row.cohortId,
    participant: presentParticipant(row.participantId, row, row.participantVersion, showSensitive),
    status: row.status,
    waitlistPosition: row.waitlistPosition,
    preScore: row.preScore === null ? null : fromHundredths(row.preScore),
    postScore,
    attendance: {
      sessionsHeld: stats.sessionsHeld,
      present: stats.present,
      excused: stats.excused,
      percent: completion.attendancePercent,
    },
    completion: { eligible: completion.eligible, reasons: completion.reasons },
    hasPortalLink: row.portalTokenHash !== null,
    version: row.version,
  };
}
