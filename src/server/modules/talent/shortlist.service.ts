import { Permission } from '../../../contracts/roles.js';
import type { TIntroduction, TScoreReason, TShortlistEntry } from '../../../contracts/talent-demand.js';
import { matchCandidates } from '../../../domain/talent/matcher.js';
import { recordAudit, recordAuditAs } from '../../platform/audit/record-audit.js';
import { can, requirePermission } from '../../platform/auth/require-permission.js';
import type { Deps, ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { parseJson, toJson } from '../../platform/db/sql-helpers.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { todayFor } from '../../platform/today.js';
import { loadPosting, toDomainPosting } from './demand.service.js';
import type { ShortlistEntryRow, ShortlistStage } from './demand.tables.js';
import { consentedPool, resolverFor } from './matching.service.js';
import { canMove, isIntroduced } from './shortlist.stages.js';
import {
  countryIn,
  occupationIn,
  renderTalentProposalMail,
  TALENT_PROPOSAL_MAIL_KIND,
} from './talent.mails.js';
import { consentStateOf, presentAnonymised } from './talent.presenter.js';
import * as repo from './talent.repository.js';
import { issueSelfLink, verifiedCredentials } from './talent.service.js';

interface StageEvent {
  stage: ShortlistStage;
  at: string;
  by: 'college' | 'candidate';
  note: string;
}

function requireShortlistRead(ctx: ServiceContext): void {
  if (!can(ctx, Permission.TalentManage)) {
    requirePermission(ctx, Permission.DemandPost);
  }
}

/**
 * The shortlist of a posting. The college sees every entry with the name; the poster (enterprise or
 * partner) sees only entries whose consent stands (filtered in SQL), anonymised, and the name and
 * e-mail only once the candidate agreed to be introduced for this posting.
 */
export async function listShortlist(
  ctx: ServiceContext,
  postingId: string,
): Promise<{ data: TShortlistEntry[] }> {
  requireShortlistRead(ctx);
  const db = ctx.deps.db;
  const orgId = ctx.actor.organizationId;
  await loadPosting(ctx, db, postingId); // 404 for another poster's posting
  const college = can(ctx, Permission.TalentManage);
  let q = db
    .selectFrom('shortlistEntries as e')
    .innerJoin('talentProfiles as p', 'p.id', 'e.profileId')
    .leftJoin('talentConsents as c', (j) =>
      j.onRef('c.id', '=', 'p.currentConsentId').onRef('c.organizationId', '=', 'p.organizationId'),
    )
    .select(['e.id'])
    .where('e.organizationId', '=', orgId)
    .where('p.organizationId', '=', orgId)
    .where('e.postingId', '=', postingId);
  if (!college) {
    q = q.where('p.status', '=', 'active').where('c.id', 'is not', null).where('c.withdrawnAt', 'is', null);
  }
  const ids = (await q.orderBy('e.score', 'desc').orderBy('e.id').execute()).map((r) => r.id);
  return { data: await presentEntries(ctx, db, ids, college) };
}

async function presentEntries(
  ctx: ServiceContext,
  db: Executor,
  ids: readonly string[],
  college: boolean,
): Promise<TShortlistEntry[]> {
  if (ids.length === 0) {
    return [];
  }
  const orgId = ctx.actor.organizationId;
  const entries = await db
    .selectFrom('shortlistEntries')
    .selectAll()
    .where('organizationId', '=', orgId)
    .where('id', 'in', [...ids])
    .execute();
  const byId = new Map(entries.map((e) => [e.id, e]));
  const profileIds = [...new Set(entries.map((e) => e.profileId))];
  const out: TShortlistEntry[] = [];
  const children = await repo.childrenOf(db, orgId, profileIds);
  const today = todayFor(ctx);
  for (const id of ids) {
    const e = byId.get(id) as ShortlistEntryRow;
    const row = await repo.getProfile(db, orgId, e.profileId);
    if (!row) {
      continue;
    }
    const state = consentStateOf(row);
    const stands = state === 'given' && row.status === 'active';
    if (!college && !stands) {
      continue; // belt and braces: the SQL already filtered these out
    }
    const profile = stands
      ? presentAnonymised(
          row,
          { skills: children.skills.get(row.id) ?? [], languages: children.languages.get(row.id) ?? [] },
          await verifiedCredentials(ctx, db, row, today),
        )
      : null;
    const person =
      college || (stands && isIntroduced(e.stage))
        ? { nameLatin: row.nameLatin, nameNative: row.nameNative, email: row.email }
        : null;
    out.push({
      id: e.id,
      postingId: e.postingId,
      stage: e.stage,
      score: e.score / 100,
      reasons: parseJson<TScoreReason[]>(e.reasonsJson, []),
      history: parseJson<StageEvent[]>(e.historyJson, []),
      placedOn: e.placedOn,
      version: e.version,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
      profile,
      person,
      consentState: state,
    });
  }
  return out;
}

/** Proposes a consented candidate for an open posting, with the score and reasons as of now. */
export async function shortlist(
  ctx: ServiceContext,
  postingId: string,
  profileId: string,
): Promise<TShortlistEntry> {
  requirePermission(ctx, Permission.TalentManage);
  const orgId = ctx.actor.organizationId;
  const id = await ctx.deps.db.transaction().execute(async (trx) => {
    const posting = await loadPosting(ctx, trx, postingId);
    if (posting.row.status !== 'open') {
      throw new AppError('INVALID_STATE', 'Only an open posting takes proposals', {
        reason: 'posting_not_open',
      });
    }
    const resolve = await resolverFor(trx, orgId);
    const { profiles } = await consentedPool(ctx, trx, resolve, [profileId]);
    if (profiles.length === 0) {
      if (await repo.getProfile(trx, orgId, profileId)) {
        throw new AppError('INVALID_STATE', 'The candidate has no standing consent to matching', {
          reason: 'consent_not_standing',
        });
      }
      throw notFound('Talent profile');
    }
    const result = matchCandidates(toDomainPosting(posting, resolve), profiles, {
      today: todayFor(ctx),
      limit: 1,
      exclusions: 'list',
    });
    const match = result.candidates[0];
    if (!match) {
      throw new AppError('INVALID_STATE', 'The candidate does not pass the posting’s hard filters', {
        reason: 'not_eligible',
        exclusions: result.excluded?.[0]?.reasons.map((r) => r.code) ?? ['NOT_RELEVANT'],
      });
    }
    const existing = await trx
      .selectFrom('shortlistEntries')
      .select('id')
      .where('organizationId', '=', orgId)
      .where('postingId', '=', postingId)
      .where('profileId', '=', profileId)
      .executeTakeFirst();
    if (existing) {
      throw new AppError('ALREADY_EXISTS', 'The candidate is already on this shortlist', {
        field: 'profileId',
      });
    }
    const now = ctx.deps.clock.now().toISOString();
    const entryId = newId();
    const history: StageEvent[] = [{ stage: 'proposed', at: now, by: 'college', note: '' }];
    await trx
      .insertInto('shortlistEntries')
      .values({
        id: entryId,
        organizationId: orgId,
        postingId,
        profileId,
        stage: 'proposed',
        score: Math.round(match.score * 100),
        componentsJson: toJson(match.components),
        reasonsJson: toJson(match.reasons),
        historyJson: toJson(history),
        placedOn: null,
        createdAt: now,
        updatedAt: now,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
        version: 1,
      })
      .execute();
    const candidateMailed = await mailProposal(ctx, trx, posting.row, profileId);
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'shortlist_entry',
      entityId: entryId,
      after: { postingId, stage: 'proposed', score: match.score, candidateMailed },
    });
    return entryId;
  });
  await ctx.deps.mailer.flush(ctx.deps.db);
  const [entry] = await presentEntries(ctx, ctx.deps.db, [id], true);
  return entry as TShortlistEntry;
}

/**
 * Tells the candidate of a new proposal, in their language: the posting's country, occupation and
 * start, and a fresh personal link to agree or decline. Never the enterprise's name or contacts:
 * those follow the candidate's agreement. Sent once, when the entry is created (a second proposal
 * for the same posting is refused). Returns false when the profile has no e-mail.
 */
async function mailProposal(
  ctx: ServiceContext,
  trx: Executor,
  posting: { country: string; iscoCode: string; escoUri: string | null; startDate: string },
  profileId: string,
): Promise<boolean> {
  const p = await repo.getProfile(trx, ctx.actor.organizationId, profileId);
  if (!p?.email) {
    return false;
  }
  const link = await issueSelfLink(ctx, trx, profileId);
  const mail = renderTalentProposalMail(p.locale, {
    organization: link.organizationName,
    name: p.nameNative || p.nameLatin,
    country: countryIn(p.locale, posting.country),
    occupation: occupationIn(p.locale, posting.iscoCode, posting.escoUri),
    startDate: posting.startDate,
    link: link.url,
    expires: link.expiresOn,
  });
  await ctx.deps.mailer.enqueue(trx, {
    organizationId: ctx.actor.organizationId,
    to: p.email,
    kind: TALENT_PROPOSAL_MAIL_KIND,
    ...mail,
  });
  return true;
}

async function writeStage(
  trx: Executor,
  e: ShortlistEntryRow,
  version: number,
  to: ShortlistStage,
  event: StageEvent,
  placedOn: string | null,
  updatedBy: string | null,
): Promise<void> {
  if (e.version !== version) {
    throw versionConflict(e.version);
  }
  const history = [...parseJson<StageEvent[]>(e.historyJson, []), event];
  const res = await trx
    .updateTable('shortlistEntries')
    .set({
      stage: to,
      historyJson: toJson(history),
      placedOn,
      updatedAt: event.at,
      updatedBy,
      version: version + 1,
    })
    .where('organizationId', '=', e.organizationId)
    .where('id', '=', e.id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) {
    throw versionConflict(e.version);
  }
}

function invalidMove(from: ShortlistStage, to: ShortlistStage) {
  return new AppError('INVALID_STATE', `A shortlist entry cannot move from ${from} to ${to}`, {
    reason: 'invalid_transition',
    from,
    to,
  });
}

/** The college moves an entry along the workflow (never to the candidate's own decisions). */
export async function moveStage(
  ctx: ServiceContext,
  entryId: string,
  body: { version: number; stage: ShortlistStage; placedOn: string | null; note: string },
): Promise<TShortlistEntry> {
  requirePermission(ctx, Permission.TalentManage);
  const orgId = ctx.actor.organizationId;
  await ctx.deps.db.transaction().execute(async (trx) => {
    const e = await trx
      .selectFrom('shortlistEntries')
      .selectAll()
      .where('organizationId', '=', orgId)
      .where('id', '=', entryId)
      .executeTakeFirst();
    if (!e) {
      throw notFound('Shortlist entry');
    }
    if (e.version !== body.version) {
      throw versionConflict(e.version);
    }
    if (!canMove('college', e.stage, body.stage)) {
      throw invalidMove(e.stage, body.stage);
    }
    const today = todayFor(ctx);
    const placedOn = body.stage === 'placed' ? (body.placedOn ?? today) : null;
    if (placedOn !== null && placedOn > today) {
      throw new AppError('INVALID_INPUT', 'The placement date cannot be in the future', {
        issues: [{ path: ['placedOn'], message: 'date_in_future' }],
      });
    }
    const at = ctx.deps.clock.now().toISOString();
    await writeStage(
      trx,
      e,
      body.version,
      body.stage,
      { stage: body.stage, at, by: 'college', note: body.note },
      placedOn,
      ctx.actor.userId,
    );
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'shortlist_entry',
      entityId: entryId,
      before: { stage: e.stage },
      after: { stage: body.stage, placedOn },
    });
  });
  const [entry] = await presentEntries(ctx, ctx.deps.db, [entryId], true);
  return entry as TShortlistEntry;
}

// ---------------------------------------------------------------------------------------------
// The candidate, through their personal link or their account (talent.self.ts).

/** Proposals for the profile on open postings, newest first (the candidate's "Introductions"). */
export async function introductionsOf(
  db: Executor,
  organizationId: string,
  profileId: string,
): Promise<TIntroduction[]> {
  const rows = await db
    .selectFrom('shortlistEntries as e')
    .innerJoin('demandPostings as d', 'd.id', 'e.postingId')
    .select([
      'e.id',
      'e.stage',
      'e.version',
      'd.enterpriseName',
      'd.country',
      'd.site',
      'd.iscoCode',
      'd.startDate',
    ])
    .where('e.organizationId', '=', organizationId)
    .where('d.organizationId', '=', organizationId)
    .where('e.profileId', '=', profileId)
    .where('d.status', '=', 'open')
    .orderBy('e.createdAt', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    enterpriseName: r.enterpriseName,
    country: r.country,
    site: r.site,
    iscoCode: r.iscoCode,
    startDate: r.startDate,
    stage: r.stage,
    version: r.version,
  }));
}

/** The candidate agrees to be introduced, or declines; only while the consent stands. */
export async function decideIntroduction(
  deps: Deps,
  trx: Executor,
  link: { organizationId: string; profileId: string },
  reason: 'personal_link' | 'account',
  entryId: string,
  version: number,
  decision: 'agree' | 'decline',
): Promise<void> {
  const e = await trx
    .selectFrom('shortlistEntries')
    .selectAll()
    .where('organizationId', '=', link.organizationId)
    .where('profileId', '=', link.profileId)
    .where('id', '=', entryId)
    .executeTakeFirst();
  if (!e) {
    throw notFound('Introduction');
  }
  const to: ShortlistStage = decision === 'agree' ? 'candidate_agreed' : 'declined';
  if (e.version !== version) {
    throw versionConflict(e.version);
  }
  if (!canMove('candidate', e.stage, to)) {
    throw invalidMove(e.stage, to);
  }
  if (decision === 'agree') {
    const [stands] = await repo.consentedProfiles(trx, link.organizationId, [link.profileId]);
    if (!stands) {
      throw new AppError(
        'INVALID_STATE',
        'Give your consent to matching before agreeing to an introduction',
        {
          reason: 'consent_not_standing',
        },
      );
    }
  }
  const at = deps.clock.now().toISOString();
  await writeStage(trx, e, version, to, { stage: to, at, by: 'candidate', note: '' }, null, null);
  await recordAuditAs(trx, {
    organizationId: link.organizationId,
    actorId: null,
    actorEmail: null,
    at,
    action: 'update',
    entityType: 'shortlist_entry',
    entityId: e.id,
    before: { stage: e.stage },
    after: { stage: to },
    reason,
  });
}
