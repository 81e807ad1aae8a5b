import type { TDemandPostingInput } from '../../../contracts/talent-demand.js';
import type { Executor } from '../../platform/db/executor.js';
import { toJson } from '../../platform/db/sql-helpers.js';
import type { DemandLanguageRow, DemandPostingRow, DemandSkillRow } from './demand.tables.js';

export interface PostingWithChildren {
  row: DemandPostingRow;
  skills: DemandSkillRow[];
  languages: DemandLanguageRow[];
  stageCounts: Record<string, number>;
}

/** Postings of the organization, with their children; `postedBy` limits them to one user's own. */
export async function loadPostings(
  db: Executor,
  organizationId: string,
  f: { ids?: readonly string[]; postedBy?: string; status?: DemandPostingRow['status'] },
  page?: { limit: number; offset: number },
): Promise<{ items: PostingWithChildren[]; total: number }> {
  let q = db.selectFrom('demandPostings').where('organizationId', '=', organizationId);
  if (f.ids) {
    q = q.where('id', 'in', f.ids.length > 0 ? [...f.ids] : ['']);
  }
  if (f.postedBy !== undefined) {
    q = q.where('postedBy', '=', f.postedBy);
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

export function postingColumns(input: TDemandPostingInput) {
  return {
    enterpriseName: input.enterpriseName,
    partnerId: input.partnerId,
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
