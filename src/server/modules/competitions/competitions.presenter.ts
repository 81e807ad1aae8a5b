import type {
  TCompetition,
  TCompetitionRuleSettings,
  TCompetitionSummary,
  TCompetitor,
  TEntry,
  TExpert,
  TMember,
  TSkill,
  TWorkshop,
} from '../../../contracts/competitions.js';
import { ZCompetitionRuleSettings } from '../../../contracts/competitions.js';
import { parseJson, toBool } from '../../platform/db/sql-helpers.js';
import type {
  CompetitionDetailRow,
  CompetitionListRow,
  EntryRow,
  ExpertRow,
  MemberListRow,
  SkillListRow,
} from './competitions.repository.js';
import type {
  CompetitionCompetitorRow,
  CompetitionDaysTable,
  CompetitionWorkshopsTable,
} from './competitions.tables.js';

type Names = Record<string, string>;
const names = (json: string | null | undefined) => parseJson<Names>(json, {});

/** Stored settings with any field added since filled in with its default. */
export function readSettings(json: string): TCompetitionRuleSettings {
  return ZCompetitionRuleSettings.parse(parseJson<unknown>(json, {}));
}

export function presentCompetitionSummary(row: CompetitionListRow): TCompetitionSummary {
  return {
    id: row.id,
    names: names(row.namesJson),
    slug: row.slug,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    city: row.city,
    country: row.country,
    hostName: row.hostName,
    status: row.status,
    registrationOpensOn: row.registrationOpensOn,
    registrationClosesOn: row.registrationClosesOn,
    skillCount: Number(row.skillCount ?? 0),
    memberCount: Number(row.memberCount ?? 0),
    updatedAt: row.updatedAt,
  };
}

export function presentCompetition(
  row: CompetitionDetailRow,
  days: CompetitionDaysTable[],
  opts: {
    registrationOpen: boolean;
    myMemberIds: string[];
    canUpdate: boolean;
    canRegister: boolean;
    viewSensitive: boolean;
  },
): TCompetition {
  return {
    ...presentCompetitionSummary(row),
    venue: row.venue,
    hostPartner:
      row.hostPartnerId && row.partnerNamesJson
        ? { id: row.hostPartnerId, names: names(row.partnerNamesJson), country: row.partnerCountry ?? '' }
        : null,
    description: row.description,
    settings: readSettings(row.settingsJson),
    registrationOpen: opts.registrationOpen,
    days: days.map((d) => ({ id: d.id, code: d.code, date: d.date, label: d.label })),
    myMemberIds: opts.myMemberIds,
    createdAt: row.createdAt,
    version: row.version,
    abilities: { update: opts.canUpdate, register: opts.canRegister, viewSensitive: opts.viewSensitive },
  };
}

/** What the audit log keeps of a competition: everything but caller-specific fields and counts. */
export function competitionSnapshot(c: TCompetition) {
  const {
    abilities: _a,
    registrationOpen: _r,
    myMemberIds: _m,
    skillCount: _s,
    memberCount: _mc,
    days,
    ...rest
  } = c;
  return { ...rest, days: days.map(({ id: _id, ...d }) => d) };
}

export function presentSkill(row: SkillListRow): TSkill {
  return {
    id: row.id,
    competitionId: row.competitionId,
    number: row.number,
    names: names(row.namesJson),
    skillType: row.skillType,
    teamBased: toBool(row.teamBased),
    teamSize: Number(row.teamSize),
    maxEntriesPerMember: Number(row.maxEntriesPerMember),
    allowCompatriotMarking: toBool(row.allowCompatriotMarking),
    generateResultsAndMedals: toBool(row.generateResultsAndMedals),
    excludeFromMemberComparison: toBool(row.excludeFromMemberComparison),
    excludeFromAlbertVidal: toBool(row.excludeFromAlbertVidal),
    numJudges: Number(row.numJudges),
    maxJudgeSpread: Number(row.maxJudgeSpread),
    markingSuspended: toBool(row.markingSuspended),
    resultsState: row.resultsState,
    entryCount: Number(row.entryCount ?? 0),
    expertCount: Number(row.expertCount ?? 0),
    version: row.version,
  };
}

export function skillSnapshot(s: TSkill) {
  const { entryCount: _e, expertCount: _x, ...rest } = s;
  return rest;
}

export function presentMember(
  row: MemberListRow,
  registrars: { userId: string; displayName: string; email: string }[],
): TMember {
  return {
    id: row.id,
    competitionId: row.competitionId,
    code: row.code,
    names: names(row.namesJson),
    kind: row.kind,
    country: row.country,
    partner:
      row.partnerId && row.partnerNamesJson
        ? { id: row.partnerId, names: names(row.partnerNamesJson), country: row.partnerCountry ?? '' }
        : null,
    registrars,
    entryCount: Number(row.entryCount ?? 0),
    expertCount: Number(row.expertCount ?? 0),
    version: row.version,
  };
}

export function memberSnapshot(m: TMember) {
  const { entryCount: _e, expertCount: _x, registrars: _r, ...rest } = m;
  return rest;
}

export function presentCompetitor(c: CompetitionCompetitorRow, showSensitive: boolean): TCompetitor {
  return {
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    nameNative: c.nameNative,
    gender: showSensitive ? c.gender : null,
    birthDate: showSensitive ? c.birthDate : null,
    email: showSensitive ? c.email : null,
    participantId: c.participantId,
  };
}

export function presentEntry(
  row: EntryRow,
  competitors: CompetitionCompetitorRow[],
  showSensitive: boolean,
): TEntry {
  return {
    id: row.id,
    competitionId: row.competitionId,
    skill: {
      id: row.skillId,
      number: row.skillNumber,
      names: names(row.skillNamesJson),
      teamBased: toBool(row.skillTeamBased),
    },
    member: {
      id: row.memberId,
      code: row.memberCode,
      names: names(row.memberNamesJson),
      country: row.memberCountry,
    },
    displayName: row.displayName,
    bench: row.bench,
    status: row.status,
    statusReason: row.statusReason,
    competitors: competitors.map((c) => presentCompetitor(c, showSensitive)),
    sensitiveHidden: !showSensitive,
    createdAt: row.createdAt,
    version: row.version,
  };
}

/** Entries with their competitors, in the order of `rows`. */
export function presentEntries(
  rows: EntryRow[],
  competitors: CompetitionCompetitorRow[],
  showSensitive: boolean,
): TEntry[] {
  const byEntry = new Map<string, CompetitionCompetitorRow[]>();
  for (const c of competitors) {
    const list = byEntry.get(c.entryId) ?? [];
    list.push(c);
    byEntry.set(c.entryId, list);
  }
  return rows.map((r) => presentEntry(r, byEntry.get(r.id) ?? [], showSensitive));
}

/** The audit keeps all of an entry, sensitive fields included (the audit log is admin-only). */
export function entrySnapshot(row: EntryRow, competitors: CompetitionCompetitorRow[]) {
  const e = presentEntry(row, competitors, true);
  return {
    skillId: e.skill.id,
    memberId: e.member.id,
    displayName: e.displayName,
    bench: e.bench,
    status: e.status,
    statusReason: e.statusReason,
    competitors: e.competitors,
  };
}

export function presentExpert(row: ExpertRow, showEmail: boolean): TExpert {
  return {
    id: row.id,
    competitionId: row.competitionId,
    skill: {
      id: row.skillId,
      number: row.skillNumber,
      names: names(row.skillNamesJson),
      teamBased: toBool(row.skillTeamBased),
    },
    member:
      row.memberId && row.memberCode
        ? {
            id: row.memberId,
            code: row.memberCode,
            names: names(row.memberNamesJson),
            country: row.memberCountry ?? '',
          }
        : null,
    user: row.userId ? { id: row.userId, displayName: row.userDisplayName ?? '' } : null,
    firstName: row.firstName,
    lastName: row.lastName,
    email: showEmail ? row.email : null,
    role: row.role,
    status: row.status,
    version: row.version,
  };
}

export function expertSnapshot(row: ExpertRow) {
  return {
    skillId: row.skillId,
    memberId: row.memberId,
    userId: row.userId,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    role: row.role,
    status: row.status,
  };
}

export function presentWorkshop(w: CompetitionWorkshopsTable): TWorkshop {
  return {
    id: w.id,
    competitionId: w.competitionId,
    skillId: w.skillId,
    name: w.name,
    location: w.location,
    workstations: Number(w.workstations),
    notes: w.notes,
    version: w.version,
  };
}
