import type {
  TAwardWinner,
  TCompetitionHeader,
  TCompetitionResults,
  TMedalTableRow,
  TPublishedSkill,
  TScoreboard,
  TSkillProgress,
} from '../../../contracts/competition-results.js';
import { Permission } from '../../../contracts/roles.js';
import type { AwardWinner } from '../../../domain/competitions/awards.js';
import { memberComparison } from '../../../domain/competitions/awards.js';
import {
  type CompetitionSkillResults,
  computeCompetitionAwards,
} from '../../../domain/competitions/results.js';
import { requirePermission } from '../../platform/auth/require-permission.js';
import type { Deps, ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { notFound } from '../../platform/errors.js';
import { loadCompetition } from '../competitions/competition-access.js';
import type {
  CompetitionEntryRow,
  CompetitionRow,
  CompetitionSkillRow,
} from '../competitions/competitions.tables.js';
import {
  calculatedScore,
  localizedNames,
  medalToDomain,
  presentMember,
  presentRows,
  snapshotToBare,
} from './results.calculate.js';
import * as repo from './results.repository.js';

// Competition-wide results: only PUBLISHED skills, from their signed-off snapshots, for signed-in
// readers and the public alike (the embargo holds: unpublished skills contribute nothing — no
// points, positions, medals or awards). Awards and Member reports come from the domain engine.

export function presentCompetitionHeader(c: CompetitionRow): TCompetitionHeader {
  return {
    id: c.id,
    organizationId: c.organizationId,
    slug: c.slug,
    names: localizedNames(c.namesJson),
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    venue: c.venue,
    city: c.city,
    country: c.country,
    hostName: c.hostName,
  };
}

async function progressOf(
  db: Executor,
  organizationId: string,
  skills: CompetitionSkillRow[],
): Promise<TSkillProgress[]> {
  const progress = await repo.formProgress(
    db,
    organizationId,
    skills.map((s) => s.id),
  );
  return skills.map((s) => ({
    id: s.id,
    number: s.number,
    names: localizedNames(s.namesJson),
    state: s.resultsState === 'published' ? 'published' : 'pending',
    formsLocked: progress.get(s.id)?.formsLocked ?? 0,
    formsTotal: progress.get(s.id)?.formsTotal ?? 0,
  }));
}

async function publishedSkills(
  db: Executor,
  organizationId: string,
  skills: CompetitionSkillRow[],
): Promise<TPublishedSkill[]> {
  const published = skills.filter((s) => s.resultsState === 'published');
  const snapshot = await repo.snapshotRows(
    db,
    organizationId,
    published.map((s) => s.id),
  );
  const entries = new Map<string, CompetitionEntryRow>();
  const out: TPublishedSkill[] = [];
  for (const skill of published) {
    const rows = await presentRows(
      db,
      organizationId,
      entries,
      snapshot.filter((r) => r.skillId === skill.id).map(snapshotToBare),
    );
    out.push({
      id: skill.id,
      number: skill.number,
      names: localizedNames(skill.namesJson),
      teamBased: skill.teamBased === 1,
      publishedAt: skill.resultsPublishedAt,
      rows,
    });
  }
  return out;
}

function domainSkills(
  skills: CompetitionSkillRow[],
  published: TPublishedSkill[],
): CompetitionSkillResults[] {
  const flags = new Map(skills.map((s) => [s.id, s]));
  return published.map((p) => {
    const s = flags.get(p.id);
    return {
      skillId: p.id,
      flags: {
        excludeFromMemberComparison: s?.excludeFromMemberComparison === 1,
        excludeFromAlbertVidal: s?.excludeFromAlbertVidal === 1,
      },
      rows: p.rows.map((r) => ({
        entrantId: r.entryId,
        memberId: r.member.id,
        name: r.displayName,
        rawTotal: r.rawTotalExact,
        rawTotal2dp: r.rawTotal,
        scaleUnrounded: r.scaleUnrounded === null ? null : Number(r.scaleUnrounded),
        scaleCalculated: r.scaleUnrounded === null ? null : calculatedScore(r.scaleUnrounded),
        points: r.points,
        position: r.position,
        medal: medalToDomain(r.medal),
        excluded: r.excluded,
      })),
    };
  });
}

function medalTableOf(
  skills: CompetitionSkillResults[],
  members: Map<string, TMedalTableRow['member']>,
): TMedalTableRow[] {
  // The medal table counts every published skill: the Member comparison's counts without its exclusions.
  const counts = memberComparison(
    skills.map((s) => ({
      skillId: s.skillId,
      flags: { excludeFromMemberComparison: false, excludeFromAlbertVidal: false },
      rows: s.rows.map((r) => ({
        skillId: s.skillId,
        entrantId: r.entrantId,
        memberId: r.memberId,
        points: r.excluded ? null : r.points,
        calculated: r.scaleCalculated,
        medal: r.medal,
      })),
    })),
  );
  return counts
    .map((c) => ({
      member: members.get(c.memberId) ?? presentMember(undefined, c.memberId),
      gold: c.gold,
      silver: c.silver,
      bronze: c.bronze,
      medallions: c.medallions,
    }))
    .sort(
      (a, b) =>
        b.gold - a.gold ||
        b.silver - a.silver ||
        b.bronze - a.bronze ||
        b.medallions - a.medallions ||
        a.member.code.localeCompare(b.member.code),
    );
}

/** Published results, medal table, Member comparison, Best of Nation and Albert Vidal of one competition. */
export async function competitionResultsOf(
  db: Executor,
  competition: CompetitionRow,
): Promise<TCompetitionResults> {
  const orgId = competition.organizationId;
  const skills = await repo.listSkills(db, orgId, competition.id);
  const progress = await progressOf(db, orgId, skills);
  const published = await publishedSkills(db, orgId, skills);
  const members = new Map(published.flatMap((p) => p.rows.map((r) => [r.member.id, r.member] as const)));
  const rowsByEntry = new Map(
    published.flatMap((p) => p.rows.map((r) => [r.entryId, { skill: p, row: r }] as const)),
  );
  const domain = domainSkills(skills, published);
  const awards = computeCompetitionAwards(domain, repo.ruleSettings(competition));
  const winner = (w: AwardWinner): TAwardWinner[] => {
    const found = rowsByEntry.get(w.entrantId);
    if (!found) {
      return [];
    }
    return [
      {
        skillId: found.skill.id,
        skillNumber: found.skill.number,
        skillNames: found.skill.names,
        entryId: w.entrantId,
        displayName: found.row.displayName,
        competitors: found.row.competitors,
        member: found.row.member,
        points: w.points,
      },
    ];
  };
  const member = (id: string) => members.get(id) ?? presentMember(undefined, id);
  return {
    competition: presentCompetitionHeader(competition),
    progress,
    skills: published,
    medalTable: medalTableOf(domain, members),
    memberComparison: awards.memberComparison
      .map(({ memberId, ...rest }) => ({ member: member(memberId), ...rest }))
      .sort(
        (a, b) =>
          b.medalPoints - a.medalPoints ||
          b.totalPoints - a.totalPoints ||
          a.member.code.localeCompare(b.member.code),
      ),
    bestOfNation: awards.bestOfNation
      .map((b) => ({ member: member(b.memberId), winners: b.winners.flatMap(winner) }))
      .sort((a, b) => a.member.code.localeCompare(b.member.code)),
    albertVidal: awards.albertVidal.flatMap(winner),
  };
}

/** Signed-in readers: the competition's published results. @throws FORBIDDEN | NOT_FOUND */
export async function getCompetitionResults(ctx: ServiceContext, competitionId: string) {
  requirePermission(ctx, Permission.CompetitionRead);
  const competition = await loadCompetition(ctx, competitionId);
  return competitionResultsOf(ctx.deps.db, competition);
}

/** The competition a public page names: host organization id + competition slug. @throws NOT_FOUND */
export async function publicCompetition(deps: Deps, orgKey: string, slug: string): Promise<CompetitionRow> {
  const competition = await repo.getCompetitionBySlug(deps.db, orgKey, slug);
  if (!competition) {
    throw notFound('competition');
  }
  return competition;
}

export async function getPublicCompetitionResults(deps: Deps, orgKey: string, slug: string) {
  return competitionResultsOf(deps.db, await publicCompetition(deps, orgKey, slug));
}

/** The venue scoreboard: marking progress of every skill, podiums of published skills, medal table. */
export async function scoreboardOf(deps: Deps, competition: CompetitionRow): Promise<TScoreboard> {
  const results = await competitionResultsOf(deps.db, competition);
  const bySkill = new Map(results.skills.map((s) => [s.id, s]));
  return {
    competition: results.competition,
    generatedAt: deps.clock.now().toISOString(),
    skills: results.progress.map((p) => ({
      ...p,
      podium: (bySkill.get(p.id)?.rows ?? [])
        .filter((r) => r.medal === 'gold' || r.medal === 'silver' || r.medal === 'bronze')
        .map((r) => ({
          position: r.position ?? 0,
          medal: r.medal,
          displayName: r.displayName,
          memberCode: r.member.code,
          memberNames: r.member.names,
          points: r.points ?? 0,
        })),
    })),
    medalTable: results.medalTable,
  };
}
