import type { TJudgeAnalysis } from '../../../contracts/competition-results.js';
import { analyzeJudges, type JudgedSet } from '../../../domain/competitions/judge-analysis.js';
import type { JudgeScore } from '../../../domain/competitions/marking-scheme.js';
import type { ServiceContext } from '../../platform/context.js';
import { requireSkillSupervisor } from '../competitions/competition-access.js';
import * as repo from './results.repository.js';

// Per-judge marking pattern of a skill (worldskills.md §1.5, §8.2): each judge's number of scores,
// mean score, mean deviation from the other judges on the same aspect × entrant, and spread
// violations, by the domain's analyzeJudges. For the skill's supervisors only.

/** @throws AppError FORBIDDEN | NOT_FOUND */
export async function judgeAnalysis(ctx: ServiceContext, skillId: string): Promise<TJudgeAnalysis> {
  const skill = await requireSkillSupervisor(ctx, skillId);
  const orgId = ctx.actor.organizationId;
  const scheme = await repo.lockedScheme(ctx.deps.db, orgId, skillId);
  if (!scheme) {
    return { skillId, maxJudgeSpread: skill.maxJudgeSpread, rows: [] };
  }
  const scores = await repo.judgementSets(ctx.deps.db, orgId, scheme.id);
  const sets = new Map<string, JudgedSet & { scores: JudgeScore[] }>();
  for (const s of scores) {
    const key = `${s.entryId}\u0000${s.aspectKey}`;
    const set = sets.get(key) ?? { aspectKey: s.aspectKey, entrantId: s.entryId, scores: [] };
    set.scores.push({ judgeId: s.judgeExpertId, score: s.score as JudgeScore['score'] });
    sets.set(key, set);
  }
  const patterns = analyzeJudges([...sets.values()], skill.maxJudgeSpread);
  const experts = await ctx.deps.db
    .selectFrom('competitionExperts as x')
    .leftJoin('competitionMembers as m', 'm.id', 'x.memberId')
    .select(['x.id', 'x.firstName', 'x.lastName', 'm.code'])
    .where('x.organizationId', '=', orgId)
    .where('x.skillId', '=', skillId)
    .execute();
  const byId = new Map(experts.map((e) => [e.id, e]));
  return {
    skillId,
    maxJudgeSpread: skill.maxJudgeSpread,
    rows: patterns
      .map((p) => {
        const e = byId.get(p.judgeId);
        return {
          judgeExpertId: p.judgeId,
          name: e ? `${e.firstName} ${e.lastName}`.trim() : '',
          memberCode: e?.code ?? null,
          scores: p.scores,
          meanScore: p.meanScore,
          comparedScores: p.comparedScores,
          meanDeviation: p.meanDeviation,
          meanAbsoluteDeviation: p.meanAbsoluteDeviation,
          spreadViolations: p.spreadViolations,
          spreadViolationShare: p.spreadViolationShare,
        };
      })
      .sort(
        (a, b) =>
          Math.abs(b.meanDeviation ?? 0) - Math.abs(a.meanDeviation ?? 0) || a.name.localeCompare(b.name),
      ),
  };
}
