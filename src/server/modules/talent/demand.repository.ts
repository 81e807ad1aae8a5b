import type { ExpressionBuilder } from 'kysely';
import type { TDemandPostingInput } from '../../../contracts/talent-demand.js';
import type { Database } from '../../platform/db/database.js';
import type { Executor } from '../../platform/db/executor.js';
import { toJson } from '../../platform/db/sql-helpers.js';
import type { DemandLanguageRow, DemandPostingRow, DemandSkillRow } from './demand.tables.js';

export interface PostingWithChildren {
  row: DemandPostingRow;
  skills: DemandSkillRow[];
  languages: DemandLanguageRow[];
  stageCounts: Record<string, number>;
}

/**
 * Whose postings a poster (enterprise or partner user) sees: those of the partner their membership
 * is linked to, shared by all its users, plus their own from before they were linked; an unlinked
 * poster sees only their own partner-less postings.
 */
export interface PosterScope {
  userId: string;
  partnerId: string | null;
}

/** Postings of the organization, with their children; `poster` limits them to a poster's scope. */
export async function loadPostings(
  db: Executor,
  organizationId: string,
  f: { ids?: readonly string[]; poster?: PosterScope; status?: DemandPostingRow['status'] },
  page?: { limit: number; offset: number },
): Promise<{ items: PostingWithChildren[]; total: number }> {
  let q = db.selectFrom('demandPostings').where('organizationId', '=', organizationId);
  if (f.ids) {
    q = q.where('id', 'in', f.ids.length > 0 ? [...f.ids] : ['']);
  }
  const poster = f.poster;
  if (poster) {
    const ownUnlinked = (eb: ExpressionBuilder<Database, 'demandPostings'>) =>
      eb.and([eb('postedBy', '=', poster.userId), eb('partnerId', 'is', null)]);
    q = q.where((eb) =>
      poster.partnerId === null
        ? ownUnlinked(eb)
        : eb.or([eb('partnerId', '=', poster.partnerId), ownUnlinked(eb)]),
    );
  }
  if (f.status) {
    q = q.where('status', '=', f.status);
  }
  const { total } = (await q
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow()) as { total: number };
  let rq = q.selectAll().orderBy('createdAt', 'desc').orderBy('id', 'desc');
  if (page) {
    rq = rq.limit(page.limit).offset(page.offset);
  }
  const rows = await rq.execute();
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) {
    return { items: [], total: Number(total) };
  }
  const skills = await db
    .selectFrom('demandPostingSkills')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('postingId', 'in', ids)
    .orderBy('weight', 'desc')
    .orderBy('skillKey')
    .execute();
  const languages = await db
    .selectFrom('demandPostingLanguages')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('postingId', 'in', ids)
    .orderBy('code')
    .execute();
  const counts = await db
    .selectFrom('shortlistEntries')
    .select(['postingId', 'stage', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organizationId', '=', organizationId)
    .where('postingId', 'in', ids)
    .groupBy(['postingId', 'stage'])
    .execute();
  const items = rows.map((row) => {
    const stageCounts: Record<string, number> = {};
    for (const c of counts.filter((c) => c.postingId === row.id)) {
      stageCounts[c.stage] = Number(c.n);
    }
    return {
      row,
      skills: skills.filter((s) => s.postingId === row.id),
      languages: languages.filter((l) => l.postingId === row.id),
      stageCounts,
    };
  });
  return { items, total: Number(total) };
}

/** Columns of a posting; the enterprise (partner and name) is decided by the service. */
export function postingColumns(
  input: TDemandPostingInput,
  enterprise: { partnerId: string | null; enterpriseName: string },
) {
  return {
    enterpriseName: enterprise.enterpriseName,
    partnerId: enterprise.partnerId,
    country: input.country,
    site: input.site,
    iscoCode: input.iscoCode,
    escoUri: input.escoUri,
    headcount: input.headcount,
    startDate: input.startDate,
    contractJson: toJson(input.contract),
  };
}

/** Replaces a posting's skills and languages (the caller owns the transaction). */
export async function replacePostingChildren(
  trx: Executor,
  organizationId: string,
  postingId: string,
  input: TDemandPostingInput,
): Promise<void> {
  await trx.deleteFrom('demandPostingSkills').where('postingId', '=', postingId).execute();
  await trx.deleteFrom('demandPostingLanguages').where('postingId', '=', postingId).execute();
  const skills = [
    ...input.requiredSkills.map((s) => ({ ...s, requirement: 'required' as const })),
    ...input.optionalSkills.map((s) => ({ ...s, requirement: 'optional' as const })),
  ];
  if (skills.length > 0) {
    await trx
      .insertInto('demandPostingSkills')
      .values(
        skills.map((s) => ({
          postingId,
          organizationId,
          requirement: s.requirement,
          skillKey: s.skillKey,
          minLevel: s.minLevel,
          weight: s.weight,
        })),
      )
      .execute();
  }
  const languages = [
    ...input.requiredLanguages.map((l) => ({ ...l, requirement: 'required' as const })),
    ...input.optionalLanguages.map((l) => ({ ...l, requirement: 'optional' as const })),
  ];
  if (languages.length > 0) {
    await trx
      .insertInto('demandPostingLanguages')
      .values(
        languages.map((l) => ({
          postingId,
          organizationId,
          requirement: l.requirement,
          code: l.code,
          minCefr: l.minCefr,
        })),
      )
      .execute();
  }
}
