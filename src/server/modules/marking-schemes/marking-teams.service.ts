import { createHash } from 'node:crypto';
import type { TeamRole } from '../../../contracts/competitions.js';
import type {
  TMyAssignments,
  TReplaceTeamRequest,
  TSchemeTeams,
  TSubCriterionTeam,
  TTeamProblem,
} from '../../../contracts/marking-schemes.js';
import { Permission } from '../../../contracts/roles.js';
import {
  compatriotShortages,
  type EntrantRef,
  type MarkerRef,
  mayMark,
} from '../../../domain/competitions/compatriot.js';
import type { MarkingScheme } from '../../../domain/competitions/marking-scheme.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { parseJson, toBool } from '../../platform/db/sql-helpers.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { expertOfActor, loadSkill, requireSkillSupervisor } from '../competitions/competition-access.js';
import type { CompetitionSkillRow, MarkingSchemeRow } from '../competitions/competitions.tables.js';
import { findLockedScheme } from '../competitions/schemes.repository.js';
import { loadSchemeVersion, requireSchemeReader } from './marking-schemes.access.js';
import { schemeOf } from './marking-schemes.presenter.js';
import * as repo from './marking-schemes.repository.js';

// Marking teams per sub-criterion under the compatriot rule (worldskills.md §1.6, §6.4, §9.7 item 6).
//
// Who counts: measurement aspects are marked by team members with the role marker or judge; judgement
// aspects by the judges, and every entry needs skill.num_judges of them. An expert of the entry's own
// member is left out for that entry unless the skill allows compatriot marking.
//
// The choice made at assignment: a team is saved even when it leaves some entry uncovered, because
// teams are built up one sub-criterion at a time and substitutions happen during the competition.
// The answer lists every uncovered (sub-criterion, entry) pair as a problem, the teams page shows
// them, and `formCoverageProblems` lets marking refuse to check or lock an uncovered form; a
// compatriot's own entry is refused at mark entry in any case.

type Entry = Awaited<ReturnType<typeof repo.markedEntries>>[number];
type Expert = Awaited<ReturnType<typeof repo.skillExperts>>[number];

const MARKING_ROLES: ReadonlySet<TeamRole> = new Set(['marker', 'judge']);

/** A short fingerprint of a team, so that replacing a team someone changed meanwhile answers 409. */
export function teamRevision(members: readonly { expertId: string; teamRole: string }[]): string {
  const canonical = members
    .map((m) => `${m.expertId}:${m.teamRole}`)
    .sort()
    .join(',');
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

interface CoverageInput {
  scheme: MarkingScheme;
  skill: CompetitionSkillRow;
  experts: readonly Expert[];
  entries: readonly Entry[];
  team: readonly repo.TeamMemberRow[];
}

function teamOf(input: CoverageInput, subCriterionKey: string): TSubCriterionTeam {
  const { scheme, skill } = input;
  const allow = toBool(skill.allowCompatriotMarking);
  const sc = scheme.subCriteria.find((s) => s.key === subCriterionKey);
  const aspects = scheme.aspects.filter((a) => a.subCriterionKey === subCriterionKey);
  const judgementAspects = aspects.filter((a) => a.type === 'J').length;
  const measurementAspects = aspects.length - judgementAspects;
  const memberOf = new Map(input.experts.map((x) => [x.id, x.memberId]));
  const members = input.team
    .filter((m) => m.subCriterionKey === subCriterionKey && memberOf.has(m.expertId))
    .map((m) => ({ expertId: m.expertId, teamRole: m.teamRole }));
  const ref = (m: { expertId: string }): MarkerRef => ({
    expertId: m.expertId,
    memberId: memberOf.get(m.expertId) ?? null,
  });
  const markers = members.filter((m) => MARKING_ROLES.has(m.teamRole)).map(ref);
  const judges = members.filter((m) => m.teamRole === 'judge').map(ref);
  const entrants: EntrantRef[] = input.entries.map((e) => ({ entrantId: e.id, memberId: e.memberId }));

  const problems: TTeamProblem[] = [];
  if (measurementAspects > 0) {
    for (const s of compatriotShortages(markers, entrants, 1, allow)) {
      problems.push({
        code: 'no_non_compatriot_marker',
        entryId: s.entrantId,
        eligible: s.eligibleMarkers.length,
        required: 1,
      });
    }
  }
  if (judgementAspects > 0) {
    for (const s of compatriotShortages(judges, entrants, skill.numJudges, allow)) {
      problems.push({
        code: 'not_enough_non_compatriot_judges',
        entryId: s.entrantId,
        eligible: s.eligibleMarkers.length,
        required: skill.numJudges,
      });
    }
  }
  return {
    subCriterionKey,
    criterionKey: sc?.criterionKey ?? '',
    name: sc?.name ?? '',
    dayOfMarking: sc?.dayOfMarking ?? '',
    measurementAspects,
    judgementAspects,
    revision: teamRevision(members),
    members,
    coverage: entrants.map((entrant) => ({
      entryId: entrant.entrantId,
      eligibleMarkerIds: markers.filter((m) => mayMark(m, entrant, allow)).map((m) => m.expertId),
      eligibleJudgeIds: judges.filter((m) => mayMark(m, entrant, allow)).map((m) => m.expertId),
    })),
    problems,
  };
}

async function coverageInput(
  ctx: ServiceContext,
  db: Executor,
  skill: CompetitionSkillRow,
  row: MarkingSchemeRow,
): Promise<CoverageInput> {
  const org = ctx.actor.organizationId;
  return {
    scheme: schemeOf(row),
    skill,
    experts: await repo.skillExperts(db, org, skill.id),
    entries: await repo.markedEntries(db, org, skill.id),
    team: await repo.teamMembers(db, org, row.id),
  };
}

function presentTeams(input: CoverageInput, row: MarkingSchemeRow, assign: boolean): TSchemeTeams {
  const teams = input.scheme.subCriteria.map((sc) => teamOf(input, sc.key));
  return {
    schemeId: row.id,
    schemeStatus: row.status,
    versionNo: row.versionNo,
    numJudges: input.skill.numJudges,
    allowCompatriotMarking: toBool(input.skill.allowCompatriotMarking),
    experts: input.experts.map((x) => ({
      id: x.id,
      firstName: x.firstName,
      lastName: x.lastName,
      role: x.role,
      memberId: x.memberId,
      memberCode: x.memberCode,
      memberNames: x.memberNamesJson ? parseJson<Record<string, string>>(x.memberNamesJson, {}) : null,
    })),
    entries: input.entries.map((e) => ({
      id: e.id,
      displayName: e.displayName,
      bench: e.bench,
      status: e.status,
      memberId: e.memberId,
      memberCode: e.memberCode,
    })),
    teams,
    problemCount: teams.reduce((n, t) => n + t.problems.length, 0),
    abilities: { assign: assign && row.status !== 'superseded' },
  };
}

/** The teams of every sub-criterion of a version, with the compatriot coverage per entry. */
export async function getSchemeTeams(
  ctx: ServiceContext,
  skillId: string,
  schemeId: string,
): Promise<TSchemeTeams> {
  const access = await requireSchemeReader(ctx, skillId);
  const row = await loadSchemeVersion(ctx, ctx.deps.db, skillId, schemeId, access.edit || access.supervise);
  return presentTeams(await coverageInput(ctx, ctx.deps.db, access.skill, row), row, access.supervise);
}

/**
 * Replaces the team of one sub-criterion (skill supervisor). Saved even when some entry is left
 * uncovered; the answer lists the coverage problems.
 * @throws AppError FORBIDDEN | NOT_FOUND | INVALID_INPUT (unknown or duplicate expert) |
 *   VERSION_CONFLICT (stale revision) | INVALID_STATE (superseded)
 */
export async function replaceTeam(
  ctx: ServiceContext,
  skillId: string,
  schemeId: string,
  subCriterionKey: string,
  input: TReplaceTeamRequest,
): Promise<TSchemeTeams> {
  const skill = await requireSkillSupervisor(ctx, skillId);
  const org = ctx.actor.organizationId;
  return ctx.deps.db.transaction().execute(async (trx) => {
    const row = await loadSchemeVersion(ctx, trx, skillId, schemeId, true);
    if (row.status === 'superseded') {
      throw new AppError('INVALID_STATE', `Version ${row.versionNo} is superseded`, { reason: 'superseded' });
    }
    const before = await coverageInput(ctx, trx, skill, row);
    if (!before.scheme.subCriteria.some((s) => s.key === subCriterionKey)) {
      throw notFound('sub-criterion');
    }
    const current = teamOf(before, subCriterionKey);
    if (current.revision !== input.revision) {
      throw new AppError('VERSION_CONFLICT', 'The team was changed by someone else', {
        currentRevision: current.revision,
      });
    }
    const known = new Set(before.experts.map((x) => x.id));
    const seen = new Set<string>();
    const issues: { path: string[]; message: string }[] = [];
    input.members.forEach((m, i) => {
      if (!known.has(m.expertId)) {
        issues.push({ path: ['members', String(i), 'expertId'], message: 'team_member_unknown_expert' });
      } else if (seen.has(m.expertId)) {
        issues.push({ path: ['members', String(i), 'expertId'], message: 'team_member_duplicate' });
      }
      seen.add(m.expertId);
    });
    if (issues.length > 0) {
      throw new AppError('INVALID_INPUT', 'The team names unknown or repeated experts', { issues });
    }
    const at = ctx.deps.clock.now().toISOString();
    await repo.replaceTeam(
      trx,
      { org, skillId, schemeId, subCriterionKey },
      input.members.map((m) => ({ id: newId(), expertId: m.expertId, teamRole: m.teamRole })),
      { at, by: ctx.actor.userId },
    );
    const after = await coverageInput(ctx, trx, skill, row);
    const updated = teamOf(after, subCriterionKey);
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'marking_team',
      entityId: schemeId,
      before: { subCriterionKey, members: current.members },
      after: { subCriterionKey, members: updated.members, problems: updated.problems.length },
    });
    return presentTeams(after, row, true);
  });
}

/**
 * Coverage problems of one marking form (sub-criterion × entry) under its scheme's current team:
 * for the marking module, which should not let an uncovered form be checked or locked.
 */
export async function formCoverageProblems(
  ctx: ServiceContext,
  db: Executor,
  form: { skillId: string; schemeId: string; subCriterionKey: string; entryId: string },
): Promise<TTeamProblem[]> {
  const skill = await loadSkill(ctx, form.skillId, db);
  const row = await loadSchemeVersion(ctx, db, form.skillId, form.schemeId, true);
  const input = await coverageInput(ctx, db, skill, row);
  return teamOf(input, form.subCriterionKey).problems.filter((p) => p.entryId === form.entryId);
}

/**
 * What the signed-in expert marks on the skill's locked scheme: per sub-criterion of their teams,
 * the entries they may mark (compatriots left out unless the skill allows them).
 */
export async function myAssignments(ctx: ServiceContext, skillId: string): Promise<TMyAssignments> {
  requirePermission(ctx, Permission.CompetitionRead);
  if (ctx.actor.role === 'partner') {
    throw notFound('skill');
  }
  const db = ctx.deps.db;
  const org = ctx.actor.organizationId;
  const skill = await loadSkill(ctx, skillId, db);
  const expert = await expertOfActor(ctx, skillId, db);
  const locked = await findLockedScheme(db, org, skillId);
  const empty = {
    skillId,
    schemeId: locked?.id ?? null,
    versionNo: locked?.versionNo ?? null,
    expertId: expert?.id ?? null,
    assignments: [],
  };
  if (!expert || !locked) {
    return empty;
  }
  const scheme = schemeOf(locked);
  const team = (await repo.teamMembers(db, org, locked.id)).filter((m) => m.expertId === expert.id);
  const entries = await repo.markedEntries(db, org, skillId);
  const allow = toBool(skill.allowCompatriotMarking);
  const me: MarkerRef = { expertId: expert.id, memberId: expert.memberId };
  return {
    ...empty,
    assignments: scheme.subCriteria.flatMap((sc) => {
      const membership = team.find((m) => m.subCriterionKey === sc.key);
      if (!membership) {
        return [];
      }
      const mayMarkEntry = (e: Entry) => mayMark(me, { entrantId: e.id, memberId: e.memberId }, allow);
      return [
        {
          subCriterionKey: sc.key,
          criterionKey: sc.criterionKey,
          name: sc.name,
          dayOfMarking: sc.dayOfMarking,
          teamRole: membership.teamRole,
          entryIds: entries.filter(mayMarkEntry).map((e) => e.id),
          compatriotEntryIds: entries.filter((e) => !mayMarkEntry(e)).map((e) => e.id),
        },
      ];
    }),
  };
}
