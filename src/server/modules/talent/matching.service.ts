import { Permission } from '../../../contracts/roles.js';
import type { TMatchResult } from '../../../contracts/talent-demand.js';
import { buildTalentIndex, matchWithIndex } from '../../../domain/talent/matcher.js';
import type { TalentProfile } from '../../../domain/talent/types.js';
import { requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { AppError } from '../../platform/errors.js';
import { todayFor } from '../../platform/today.js';
import { loadPosting, toDomainPosting } from './demand.service.js';
import { confirmedSkillAliases } from './skills.service.js';
import { presentProfile, toDomainProfile } from './talent.presenter.js';
import * as repo from './talent.repository.js';
import { verifiedCredentials } from './talent.service.js';

const NO_ABILITIES = { update: false, manageConsent: false, sendLink: false, delete: false };

/**
 * Maps college keys whose ESCO URI the college confirmed (its own skills and starter skills) to
 * that URI, so both sides compare alike; unconfirmed URIs are not used (skills.service.ts).
 */
export async function resolverFor(db: Executor, organizationId: string): Promise<(key: string) => string> {
  const aliases = await confirmedSkillAliases(db, organizationId);
  return (key) => aliases.get(key) ?? key;
}

/**
 * The consented, active profiles of the college as the matcher sees them (consent is filtered in
 * SQL; `ids` narrows to some profiles), with their names for the college's view.
 */
export async function consentedPool(
  ctx: Pick<ServiceContext, 'deps' | 'actor'>,
  db: Executor,
  resolve: (key: string) => string,
  ids?: readonly string[],
): Promise<{ profiles: TalentProfile[]; names: Map<string, { nameLatin: string; nameNative: string }> }> {
  const orgId = ctx.actor.organizationId;
  const rows = await repo.consentedProfiles(db, orgId, ids);
  const children = await repo.childrenOf(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  const consentIds = rows.map((r) => r.currentConsentId).filter((id): id is string => id !== null);
  const consents =
    consentIds.length === 0
      ? []
      : await db
          .selectFrom('talentConsents')
          .selectAll()
          .where('organizationId', '=', orgId)
          .where('id', 'in', consentIds)
          .execute();
  const today = todayFor(ctx as ServiceContext);
  const profiles: TalentProfile[] = [];
  const names = new Map<string, { nameLatin: string; nameNative: string }>();
  for (const row of rows) {
    const full = presentProfile(
      row,
      { skills: children.skills.get(row.id) ?? [], languages: children.languages.get(row.id) ?? [] },
      consents.filter((c) => c.id === row.currentConsentId),
      await verifiedCredentials(ctx, db, row, today),
      NO_ABILITIES,
    );
    const domain = toDomainProfile(full);
    profiles.push({ ...domain, skills: domain.skills.map((s) => ({ ...s, skillKey: resolve(s.skillKey) })) });
    names.set(row.id, { nameLatin: row.nameLatin, nameNative: row.nameNative });
  }
  return { profiles, names };
}

/**
 * Runs the matcher for one posting of the college over its consented, active profiles: the ranked
 * list with the reasons for every score, and how many were excluded per reason.
 */
export async function runMatching(
  ctx: ServiceContext,
  postingId: string,
  limit: number,
): Promise<TMatchResult> {
  requirePermission(ctx, Permission.TalentManage);
  const db = ctx.deps.db;
  const orgId = ctx.actor.organizationId;
  const posting = await loadPosting(ctx, db, postingId);
  if (posting.row.status !== 'open') {
    throw new AppError('INVALID_STATE', 'Only an open posting can be matched', {
      reason: 'posting_not_open',
    });
  }
  const resolve = await resolverFor(db, orgId);
  const { profiles, names } = await consentedPool(ctx, db, resolve);
  const result = matchWithIndex(buildTalentIndex(profiles), toDomainPosting(posting, resolve), {
    today: todayFor(ctx),
    limit,
    exclusions: 'counts',
  });
  const entries = await db
    .selectFrom('shortlistEntries')
    .select(['profileId', 'stage'])
    .where('organizationId', '=', orgId)
    .where('postingId', '=', postingId)
    .execute();
  const stages = new Map(entries.map((e) => [e.profileId, e.stage]));
  return {
    postingId,
    candidates: result.candidates.map((c) => ({
      profileId: c.profileId,
      nameLatin: names.get(c.profileId)?.nameLatin ?? '',
      nameNative: names.get(c.profileId)?.nameNative ?? '',
      score: c.score,
      components: c.components,
      reasons: c.reasons,
      shortlistStage: stages.get(c.profileId) ?? null,
    })),
    eligibleCount: result.eligibleCount,
    excludedCount: result.excludedCount,
    excludedByReason: result.excludedByReason,
    notRelevantCount: result.notRelevantCount,
    poolSize: profiles.length,
  };
}
