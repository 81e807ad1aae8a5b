import { Permission } from '../../../contracts/roles.js';
import type {
  TDemandPosting,
  TDemandPostingInput,
  TFindDemandPostingsQuery,
} from '../../../contracts/talent-demand.js';
import { isIscoUnitGroupCode } from '../../../domain/talent/taxonomy/index.js';
import type { Cefr, DemandPosting, SkillLevel } from '../../../domain/talent/types.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { can, requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { parseJson } from '../../platform/db/sql-helpers.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import * as repo from './demand.repository.js';
import type { PostingStatus } from './demand.tables.js';
import { escoOccupationCheck, escoOccupationIssue, knownSkillKeys } from './talent.service.js';

type Issue = { path: (string | number)[]; message: string };

/**
 * The college (talent.manage) sees every posting (undefined); a poster sees those of the partner
 * their membership is linked to (shared by all its recruiters), else their own (others: 404).
 */
export async function posterScope(ctx: ServiceContext, db: Executor): Promise<repo.PosterScope | undefined> {
  if (can(ctx, Permission.TalentManage)) {
    return undefined;
  }
  const m = await db
    .selectFrom('memberships')
    .select('partnerId')
    .where('organizationId', '=', ctx.actor.organizationId)
    .where('userId', '=', ctx.actor.userId)
    .executeTakeFirst();
  return { userId: ctx.actor.userId, partnerId: m?.partnerId ?? null };
}

function requireDemandAccess(ctx: ServiceContext): void {
  if (!can(ctx, Permission.TalentManage)) {
    requirePermission(ctx, Permission.DemandPost);
  }
}

export function presentPosting(ctx: ServiceContext, p: repo.PostingWithChildren): TDemandPosting {
  const { row } = p;
  const manage = can(ctx, Permission.TalentManage);
  const mine = row.postedBy === ctx.actor.userId;
  // Only postings in the poster's scope are ever loaded: its recruiters share them.
  const poster = can(ctx, Permission.DemandPost);
  const skill = (s: (typeof p.skills)[number]) => ({
    skillKey: s.skillKey,
    minLevel: s.minLevel,
    weight: s.weight,
  });
  const lang = (l: (typeof p.languages)[number]) => ({ code: l.code, minCefr: l.minCefr });
  return {
    id: row.id,
    enterpriseName: row.enterpriseName,
    partnerId: row.partnerId,
    country: row.country,
    site: row.site,
    iscoCode: row.iscoCode,
    escoUri: row.escoUri,
    headcount: row.headcount,
    startDate: row.startDate,
    contract: parseJson(row.contractJson, {
      type: 'permanent',
      durationMonths: null,
      hoursPerWeek: null,
      pay: null,
      accommodationProvided: false,
      notes: '',
    }),
    requiredSkills: p.skills.filter((s) => s.requirement === 'required').map(skill),
    optionalSkills: p.skills.filter((s) => s.requirement === 'optional').map(skill),
    requiredLanguages: p.languages.filter((l) => l.requirement === 'required').map(lang),
    optionalLanguages: p.languages.filter((l) => l.requirement === 'optional').map(lang),
    status: row.status,
    postedByMe: mine,
    stageCounts: p.stageCounts,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    abilities: {
      edit: row.status === 'open' && (manage || poster),
      match: manage && row.status === 'open',
      moveStages: manage,
    },
  };
}

/** The posting as the matcher sees it, with skill keys passed through `resolve`. */
export function toDomainPosting(
  p: repo.PostingWithChildren,
  resolve: (key: string) => string = (k) => k,
): DemandPosting {
  const skill = (s: (typeof p.skills)[number]) => ({
    skillKey: resolve(s.skillKey),
    minLevel: s.minLevel as SkillLevel,
    weight: s.weight,
  });
  const lang = (l: (typeof p.languages)[number]) => ({ code: l.code, minCefr: l.minCefr as Cefr });
  return {
    id: p.row.id,
    enterpriseId: p.row.partnerId ?? p.row.postedBy ?? p.row.organizationId,
    country: p.row.country,
    site: p.row.site,
    occupation: { isco: p.row.iscoCode, escoUri: p.row.escoUri },
    requiredSkills: p.skills.filter((s) => s.requirement === 'required').map(skill),
    optionalSkills: p.skills.filter((s) => s.requirement === 'optional').map(skill),
    requiredLanguages: p.languages.filter((l) => l.requirement === 'required').map(lang),
    optionalLanguages: p.languages.filter((l) => l.requirement === 'optional').map(lang),
    headcount: p.row.headcount,
    startDate: p.row.startDate,
    contract: parseJson(p.row.contractJson, { type: 'permanent' }),
  };
}

/** Loads one posting the actor may see. @throws NOT_FOUND */
export async function loadPosting(
  ctx: ServiceContext,
  db: Executor,
  id: string,
): Promise<repo.PostingWithChildren> {
  const { items } = await repo.loadPostings(db, ctx.actor.organizationId, {
    ids: [id],
    poster: await posterScope(ctx, db),
  });
  const found = items[0];
  if (!found) {
    throw notFound('Demand posting');
  }
  return found;
}

type Enterprise = { partnerId: string | null; enterpriseName: string };

/** The name a partner is known by in postings (English first, as the enterprise signs abroad). */
function partnerName(namesJson: string): string {
  const names = parseJson<Record<string, string>>(namesJson, {});
  return names.en || Object.values(names).find(Boolean) || '';
}

/**
 * Checks the input and decides the enterprise: a poster linked to a partner always posts for it,
 * under the partner's name; an unlinked poster names the enterprise; the college may pick a partner
 * of its own (whose name is used) or give a name.
 * @throws INVALID_INPUT
 */
async function checkInput(
  ctx: ServiceContext,
  db: Executor,
  input: TDemandPostingInput,
  poster: repo.PosterScope | undefined,
): Promise<Enterprise> {
  const orgId = ctx.actor.organizationId;
  const issues: Issue[] = [];
  const partnerId = poster ? poster.partnerId : input.partnerId;
  let enterpriseName = input.enterpriseName;
  if (!isIscoUnitGroupCode(input.iscoCode)) {
    issues.push({ path: ['iscoCode'], message: 'unknown_isco' });
  }
  const esco = escoOccupationIssue(await escoOccupationCheck(db, orgId), input);
  if (esco) {
    issues.push(esco);
  }
  const keys = await knownSkillKeys(db, orgId);
  const seenSkills = new Set<string>();
  for (const list of ['requiredSkills', 'optionalSkills'] as const) {
    input[list].forEach((s, i) => {
      if (!keys.has(s.skillKey)) {
        issues.push({ path: [list, i, 'skillKey'], message: 'unknown_skill' });
      } else if (seenSkills.has(s.skillKey)) {
        issues.push({ path: [list, i, 'skillKey'], message: 'duplicate_skill' });
      }
      seenSkills.add(s.skillKey);
    });
  }
  const seenLanguages = new Set<string>();
  for (const list of ['requiredLanguages', 'optionalLanguages'] as const) {
    input[list].forEach((l, i) => {
      if (seenLanguages.has(l.code)) {
        issues.push({ path: [list, i, 'code'], message: 'duplicate_language' });
      }
      seenLanguages.add(l.code);
    });
  }
  if (input.requiredSkills.length === 0 && input.optionalSkills.length === 0) {
    issues.push({ path: ['requiredSkills'], message: 'skills_required' });
  }
  if (partnerId) {
    const partner = await db
      .selectFrom('partners')
      .select(['id', 'namesJson'])
      .where('organizationId', '=', orgId)
      .where('id', '=', partnerId)
      .executeTakeFirst();
    if (partner) {
      enterpriseName = partnerName(partner.namesJson) || enterpriseName;
    } else {
      issues.push({ path: ['partnerId'], message: 'unknown_partner' });
    }
  } else if (!enterpriseName) {
    issues.push({ path: ['enterpriseName'], message: 'required' });
  }
  if (issues.length > 0) {
    throw new AppError('INVALID_INPUT', 'The demand posting has problems', { issues });
  }
  return { partnerId, enterpriseName };
}

/** What the audit log keeps of a posting. */
function snapshot(p: TDemandPosting) {
  return {
    enterpriseName: p.enterpriseName,
    partnerId: p.partnerId,
    country: p.country,
    iscoCode: p.iscoCode,
    headcount: p.headcount,
    startDate: p.startDate,
    status: p.status,
    skills: [...p.requiredSkills, ...p.optionalSkills].map((s) => `${s.skillKey}:${s.minLevel}`),
  };
}

export async function findPostings(ctx: ServiceContext, q: TFindDemandPostingsQuery) {
  requireDemandAccess(ctx);
  const { items, total } = await repo.loadPostings(
    ctx.deps.db,
    ctx.actor.organizationId,
    { poster: await posterScope(ctx, ctx.deps.db), status: q.status },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
  );
  return { data: items.map((p) => presentPosting(ctx, p)), total, page: q.page, pageSize: q.pageSize };
}

export async function getPosting(ctx: ServiceContext, id: string): Promise<TDemandPosting> {
  requireDemandAccess(ctx);
  return presentPosting(ctx, await loadPosting(ctx, ctx.deps.db, id));
}

export async function createPosting(
  ctx: ServiceContext,
  input: TDemandPostingInput,
): Promise<TDemandPosting> {
  requirePermission(ctx, Permission.DemandPost);
  const orgId = ctx.actor.organizationId;
  return ctx.deps.db.transaction().execute(async (trx) => {
    const enterprise = await checkInput(ctx, trx, input, await posterScope(ctx, trx));
    const id = newId();
    const now = ctx.deps.clock.now().toISOString();
    await trx
      .insertInto('demandPostings')
      .values({
        id,
        organizationId: orgId,
        postedBy: ctx.actor.userId,
        ...repo.postingColumns(input, enterprise),
        status: 'open',
        createdAt: now,
        updatedAt: now,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
        version: 1,
      })
      .execute();
    await repo.replacePostingChildren(trx, orgId, id, input);
    const created = presentPosting(ctx, await loadPosting(ctx, trx, id));
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'demand_posting',
      entityId: id,
      after: snapshot(created),
    });
    return created;
  });
}

async function change(
  ctx: ServiceContext,
  id: string,
  version: number,
  set: (trx: Executor, before: TDemandPosting) => Promise<Record<string, unknown>>,
  after?: (trx: Executor) => Promise<void>,
): Promise<TDemandPosting> {
  const orgId = ctx.actor.organizationId;
  return ctx.deps.db.transaction().execute(async (trx) => {
    const before = presentPosting(ctx, await loadPosting(ctx, trx, id));
    if (before.version !== version) {
      throw versionConflict(before.version);
    }
    const columns = await set(trx, before);
    const res = await trx
      .updateTable('demandPostings')
      .set({
        ...columns,
        version: version + 1,
        updatedAt: ctx.deps.clock.now().toISOString(),
        updatedBy: ctx.actor.userId,
      })
      .where('organizationId', '=', orgId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) {
      throw versionConflict(before.version);
    }
    await after?.(trx);
    const updated = presentPosting(ctx, await loadPosting(ctx, trx, id));
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'demand_posting',
      entityId: id,
      before: snapshot(before),
      after: snapshot(updated),
    });
    return updated;
  });
}

export async function updatePosting(
  ctx: ServiceContext,
  id: string,
  version: number,
  input: TDemandPostingInput,
): Promise<TDemandPosting> {
  requireDemandAccess(ctx);
  return change(
    ctx,
    id,
    version,
    async (trx, before) => {
      if (before.status !== 'open') {
        throw new AppError('INVALID_STATE', 'Only an open posting can be edited', {
          reason: 'posting_not_open',
        });
      }
      const enterprise = await checkInput(ctx, trx, input, await posterScope(ctx, trx));
      return repo.postingColumns(input, enterprise);
    },
    (trx) => repo.replacePostingChildren(trx, ctx.actor.organizationId, id, input),
  );
}

export async function setPostingStatus(
  ctx: ServiceContext,
  id: string,
  version: number,
  status: PostingStatus,
): Promise<TDemandPosting> {
  requireDemandAccess(ctx);
  return change(ctx, id, version, async (_trx, before) => {
    if (before.status === status) {
      throw new AppError('INVALID_STATE', `The posting is already ${status}`, { reason: 'same_status' });
    }
    return { status };
  });
}
