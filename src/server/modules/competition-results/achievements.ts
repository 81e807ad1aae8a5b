import type { TParticipantAchievement } from '../../../contracts/competition-results.js';
import { Permission } from '../../../contracts/roles.js';
import { requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { localizedNames } from './results.calculate.js';

// A training participant's competition results (competitors are linked to the college's training
// participants by competition_competitors.participant_id). Published results only: the embargo holds
// here too. The talent and evaluation modules call listPublishedAchievements directly.

/**
 * Published points, positions and medals of the entries a training participant competed in, newest
 * competition first. Tenant-scoped; no permission check (the calling module checks its own).
 */
export async function listPublishedAchievements(
  ctx: Pick<ServiceContext, 'deps' | 'actor'>,
  { participantId }: { participantId: string },
): Promise<TParticipantAchievement[]> {
  const orgId = ctx.actor.organizationId;
  const rows = await ctx.deps.db
    .selectFrom('competitionCompetitors as p')
    .innerJoin('competitionResults as r', 'r.entryId', 'p.entryId')
    .innerJoin('competitionSkills as s', 's.id', 'r.skillId')
    .innerJoin('competitions as c', 'c.id', 's.competitionId')
    .innerJoin('competitionMembers as m', 'm.id', 'r.memberId')
    .select([
      'c.id as competitionId',
      'c.namesJson as competitionNamesJson',
      'c.slug as competitionSlug',
      'c.startsOn',
      'c.endsOn',
      's.id as skillId',
      's.number as skillNumber',
      's.namesJson as skillNamesJson',
      's.teamBased',
      's.resultsPublishedAt',
      'r.entryId',
      'r.points',
      'r.position',
      'r.medal',
      'm.code as memberCode',
    ])
    .where('p.organizationId', '=', orgId)
    .where('r.organizationId', '=', orgId)
    .where('p.participantId', '=', participantId)
    .where('s.resultsState', '=', 'published')
    .orderBy('c.startsOn', 'desc')
    .orderBy('s.number')
    .execute();
  return rows.map((r) => ({
    competitionId: r.competitionId,
    competitionNames: localizedNames(r.competitionNamesJson),
    competitionSlug: r.competitionSlug,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    skillId: r.skillId,
    skillNumber: r.skillNumber,
    skillNames: localizedNames(r.skillNamesJson),
    entryId: r.entryId,
    teamBased: r.teamBased === 1,
    memberCode: r.memberCode,
    points: r.points,
    position: r.position,
    medal: r.medal,
    publishedAt: r.resultsPublishedAt,
  }));
}

/** The participant profile section: readers of training participants. @throws FORBIDDEN | NOT_FOUND */
export async function participantAchievements(ctx: ServiceContext, participantId: string) {
  requirePermission(ctx, Permission.TrainingRead);
  const participant = await ctx.deps.db
    .selectFrom('trainingParticipants')
    .select('id')
    .where('organizationId', '=', ctx.actor.organizationId)
    .where('id', '=', participantId)
    .executeTakeFirst();
  if (!participant) {
    throw notFound('participant');
  }
  return { data: await listPublishedAchievements(ctx, { participantId }) };
}
