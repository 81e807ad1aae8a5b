import type {
  TResultMedal,
  TResultMember,
  TSignOffBlocker,
  TSkillResultRow,
} from '../../../contracts/competition-results.js';
import {
  computeRawTotal,
  type MarkingRules,
  type MarkingScheme,
  type RawTotal,
} from '../../../domain/competitions/index.js';
import { parseDecimal, toFixed } from '../../../domain/competitions/rational.js';
import { computeSkillResults, type SkillResults } from '../../../domain/competitions/results.js';
import type { Medal } from '../../../domain/competitions/skill.js';
import type { Executor } from '../../platform/db/executor.js';
import { parseJson, toBool } from '../../platform/db/sql-helpers.js';
import type {
  CompetitionEntryRow,
  CompetitionMemberRow,
  CompetitionResultRow,
  CompetitionRow,
  CompetitionSkillRow,
} from '../competitions/competitions.tables.js';
import * as repo from './results.repository.js';

// From the stored marks to a skill's results, with the domain engine only (src/domain/competitions):
// computeRawTotal per entrant, then computeSkillResults (scale, positions, medals). No formula lives here.

const TO_CONTRACT: Record<Medal, TResultMedal> = {
  GOLD: 'gold',
  SILVER: 'silver',
  BRONZE: 'bronze',
  MEDALLION_FOR_EXCELLENCE: 'medallion',
};
const TO_DOMAIN: Record<TResultMedal, Medal | null> = {
  gold: 'GOLD',
  silver: 'SILVER',
  bronze: 'BRONZE',
  medallion: 'MEDALLION_FOR_EXCELLENCE',
  none: null,
};

export const medalToContract = (m: Medal | null): TResultMedal => (m ? TO_CONTRACT[m] : 'none');
export const medalToDomain = (m: TResultMedal): Medal | null => TO_DOMAIN[m];

export function presentMember(row: CompetitionMemberRow | undefined, id: string): TResultMember {
  return row
    ? {
        id: row.id,
        code: row.code,
        names: parseJson<Record<string, string>>(row.namesJson, {}),
        country: row.country,
      }
    : { id, code: '', names: {}, country: '' };
}

export const localizedNames = (json: string) => parseJson<Record<string, string>>(json, {});

/** The 2-decimal calculated score (CIS `calculated_score`) of a stored unrounded scale value. */
export function calculatedScore(scaleUnrounded: string): string | null {
  const value = parseDecimal(scaleUnrounded);
  return value ? toFixed(value, 2) : null;
}

export interface LiveSkill {
  schemeLocked: boolean;
  rankedEntries: number;
  formsLocked: number;
  formsTotal: number;
  /** Ranked entrants with an aspect left unmarked (incomplete or re-score pending). */
  incompleteEntries: number;
  results: SkillResults | null;
  rows: TSkillResultRow[];
  entries: Map<string, CompetitionEntryRow>;
  scheme: MarkingScheme | null;
  /** Raw total with per-form and per-criterion marks, per entry (not withdrawn). */
  raw: Map<string, RawTotal>;
}

/**
 * A skill's results computed now from its locked scheme and the marks entered on it. Withdrawn
 * entrants are left out; excluded ones keep a row with their raw total but stay out of the scale
 * population, the ranking and the medals (the choice documented in domain/competitions/results.ts).
 */
export async function computeLiveSkill(
  db: Executor,
  organizationId: string,
  competition: CompetitionRow,
  skill: CompetitionSkillRow,
): Promise<LiveSkill> {
  const settings = repo.ruleSettings(competition);
  const scheme = await repo.lockedScheme(db, organizationId, skill.id);
  const entryRows = await repo.listEntries(db, organizationId, [skill.id]);
  const entries = new Map(entryRows.map((e) => [e.id, e]));
  const ranked = entryRows.filter((e) => (repo.RANKED_STATUSES as readonly string[]).includes(e.status));
  if (!scheme) {
    return {
      schemeLocked: false,
      rankedEntries: ranked.length,
      formsLocked: 0,
      formsTotal: 0,
      incompleteEntries: ranked.length,
      results: null,
      rows: [],
      entries,
      scheme: null,
      raw: new Map(),
    };
  }
  const { forms, marks } = await repo.formsAndMarks(db, organizationId, scheme.id);
  const rankedIds = new Set(ranked.map((e) => e.id));
  const rankedForms = forms.filter((f) => rankedIds.has(f.entryId));
  const expected = scheme.scheme.subCriteria.length * ranked.length;
  const formsLocked = rankedForms.filter((f) => f.state === 'locked').length;

  const rules: MarkingRules = {
    numJudges: skill.numJudges,
    maxJudgeSpread: skill.maxJudgeSpread,
    aspectMarkRounding: settings.aspectMarkRounding,
  };
  const empty = { measurements: {}, judgements: {} };
  let incompleteEntries = 0;
  const totals = entryRows.map((entry) => {
    const raw = computeRawTotal(scheme.scheme, marks.get(entry.id) ?? empty, rules);
    if (rankedIds.has(entry.id) && !raw.complete) {
      incompleteEntries++;
    }
    return { entry, raw };
  });
  const results = computeSkillResults({
    skill: { type: skill.skillType, generateResultsAndMedals: toBool(skill.generateResultsAndMedals) },
    settings,
    entrants: totals.map(({ entry, raw }) => ({
      entrantId: entry.id,
      memberId: entry.memberId,
      name: entry.displayName,
      rawTotal: raw.total,
      excluded: entry.status === 'excluded',
    })),
  });
  const rows = await presentRows(
    db,
    organizationId,
    entries,
    results.rows.map((r) => ({
      entryId: r.entrantId,
      rawTotalExact: r.rawTotal,
      rawTotal: r.rawTotal2dp,
      scaleUnrounded: r.scaleUnrounded === null ? null : String(r.scaleUnrounded),
      points: r.points,
      position: r.position,
      medal: medalToContract(r.medal),
      excluded: r.excluded,
    })),
  );
  return {
    schemeLocked: true,
    rankedEntries: ranked.length,
    formsLocked,
    formsTotal: Math.max(expected, rankedForms.length),
    incompleteEntries,
    results,
    rows,
    entries,
    scheme: scheme.scheme,
    raw: new Map(totals.map(({ entry, raw }) => [entry.id, raw])),
  };
}

type BareRow = Pick<
  TSkillResultRow,
  'entryId' | 'rawTotalExact' | 'rawTotal' | 'scaleUnrounded' | 'points' | 'position' | 'medal' | 'excluded'
>;

/** Adds entrant names, competitors and Members to computed or stored rows. */
export async function presentRows(
  db: Executor,
  organizationId: string,
  entries: Map<string, CompetitionEntryRow>,
  rows: readonly BareRow[],
): Promise<TSkillResultRow[]> {
  const ids = rows.map((r) => r.entryId);
  const missing = ids.filter((id) => !entries.has(id));
  for (const e of await repo.getEntriesByIds(db, organizationId, missing)) {
    entries.set(e.id, e);
  }
  const members = await repo.membersById(
    db,
    organizationId,
    ids.map((id) => entries.get(id)?.memberId ?? ''),
  );
  const people = await repo.competitorNames(db, organizationId, ids);
  return rows.map((r) => {
    const entry = entries.get(r.entryId);
    const memberId = entry?.memberId ?? '';
    return {
      ...r,
      displayName: entry?.displayName ?? '',
      competitors: people.get(r.entryId) ?? [],
      member: presentMember(members.get(memberId), memberId),
      entryStatus: entry?.status ?? 'registered',
    };
  });
}

export function snapshotToBare(row: CompetitionResultRow): BareRow {
  return {
    entryId: row.entryId,
    rawTotalExact: row.rawTotalExact,
    rawTotal: row.rawTotal,
    scaleUnrounded: row.scaleUnrounded,
    points: row.points,
    position: row.position,
    medal: row.medal,
    excluded: false,
  };
}

/** Why sign-off is not possible now (empty = possible). */
export function signOffBlockers(
  skill: CompetitionSkillRow,
  live: LiveSkill,
  openDisputes: number,
): TSignOffBlocker[] {
  const blockers: TSignOffBlocker[] = [];
  if (skill.resultsState !== 'open') {
    blockers.push('not_open');
  }
  if (!live.schemeLocked) {
    blockers.push('scheme_not_locked');
  }
  if (live.rankedEntries === 0) {
    blockers.push('no_entries');
  }
  if (live.schemeLocked && live.formsLocked < live.formsTotal) {
    blockers.push('forms_not_locked');
  }
  if (live.schemeLocked && live.incompleteEntries > 0) {
    blockers.push('marks_incomplete');
  }
  if (openDisputes > 0) {
    blockers.push('open_disputes');
  }
  return blockers;
}
