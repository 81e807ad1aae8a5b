import type { FormState } from '../../../contracts/competitions.js';
import type { EntrantMarks } from '../../../domain/competitions/form-total.js';
import type {
  JudgeScore,
  MarkingScheme,
  MeasurementObservation,
} from '../../../domain/competitions/marking-scheme.js';
import {
  type CompetitionRuleSettings,
  DEFAULT_RULE_SETTINGS,
} from '../../../domain/competitions/settings.js';
import type { Executor } from '../../platform/db/executor.js';
import { parseJson } from '../../platform/db/sql-helpers.js';
import type {
  CompetitionEntryRow,
  CompetitionMemberRow,
  CompetitionResultRow,
  CompetitionRow,
  CompetitionSkillRow,
} from '../competitions/competitions.tables.js';
import { findLockedScheme, parseScheme } from '../competitions/schemes.repository.js';

// Kysely queries of the results module. Every query filters on the organization. The module reads
// the tables of set-up, marking schemes and marking (owned by other modules) but writes only the
// results snapshot and the skill's results_state columns.

/** Entrants that are ranked: registered or confirmed. Excluded ones keep a row but no rank; withdrawn ones are left out. */
export const RANKED_STATUSES = ['registered', 'confirmed'] as const;

/** CompetitionRuleSettings from the competition's JSON, over the documented defaults. */
export function ruleSettings(competition: Pick<CompetitionRow, 'settingsJson'>): CompetitionRuleSettings {
  const stored = parseJson<Partial<CompetitionRuleSettings>>(competition.settingsJson, {});
  return {
    ...DEFAULT_RULE_SETTINGS,
    ...stored,
    scale: { ...DEFAULT_RULE_SETTINGS.scale, ...(stored.scale ?? {}) },
  };
}

export async function getCompetition(db: Executor, organizationId: string, competitionId: string) {
  return db
    .selectFrom('competitions')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', '=', competitionId)
    .executeTakeFirst();
}

export async function getCompetitionBySlug(db: Executor, organizationId: string, slug: string) {
  return db
    .selectFrom('competitions')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export async function getSkill(db: Executor, organizationId: string, skillId: string) {
  return db
    .selectFrom('competitionSkills')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', '=', skillId)
    .executeTakeFirst();
}

export async function listSkills(db: Executor, organizationId: string, competitionId: string) {
  return db
    .selectFrom('competitionSkills')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('competitionId', '=', competitionId)
    .orderBy('number')
    .execute();
}

/** The skill's locked marking scheme (the one marking runs on), parsed, if any. */
export async function lockedScheme(
  db: Executor,
  organizationId: string,
  skillId: string,
): Promise<{ id: string; scheme: MarkingScheme } | null> {
  const row = await findLockedScheme(db, organizationId, skillId);
  return row ? { id: row.id, scheme: parseScheme(row) } : null;
}

export async function listEntries(db: Executor, organizationId: string, skillIds: readonly string[]) {
  if (skillIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('competitionEntries')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('skillId', 'in', skillIds)
    .where('status', '!=', 'withdrawn')
    .execute();
}

export async function getEntriesByIds(db: Executor, organizationId: string, ids: readonly string[]) {
  if (ids.length === 0) {
    return [];
  }
  return db
    .selectFrom('competitionEntries')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', 'in', ids)
    .execute();
}

export async function membersById(
  db: Executor,
  organizationId: string,
  ids: readonly string[],
): Promise<Map<string, CompetitionMemberRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectFrom('competitionMembers')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Competitor names per entry ("First Last"), in a stable order. */
export async function competitorNames(
  db: Executor,
  organizationId: string,
  entryIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (entryIds.length === 0) {
    return out;
  }
  const rows = await db
    .selectFrom('competitionCompetitors')
    .select(['entryId', 'firstName', 'lastName', 'nameNative'])
    .where('organizationId', '=', organizationId)
    .where('entryId', 'in', [...entryIds])
    .orderBy('lastName')
    .orderBy('firstName')
    .execute();
  for (const r of rows) {
    const list = out.get(r.entryId) ?? [];
    list.push(`${r.firstName} ${r.lastName}`.trim());
    out.set(r.entryId, list);
  }
  return out;
}

export interface FormWithMarks {
  id: string;
  entryId: string;
  subCriterionKey: string;
  state: FormState;
}

/** The forms of one scheme with every entrant's entered marks, grouped per entry. */
export async function formsAndMarks(
  db: Executor,
  organizationId: string,
  schemeId: string,
): Promise<{ forms: FormWithMarks[]; marks: Map<string, EntrantMarks> }> {
  const forms = await db
    .selectFrom('markingForms')
    .select(['id', 'entryId', 'subCriterionKey', 'state'])
    .where('organizationId', '=', organizationId)
    .where('schemeId', '=', schemeId)
    .execute();
  const measurements = await db
    .selectFrom('measurementMarks as m')
    .innerJoin('markingForms as f', 'f.id', 'm.formId')
    .select(['f.entryId', 'm.aspectKey', 'm.observationJson'])
    .where('m.organizationId', '=', organizationId)
    .where('f.schemeId', '=', schemeId)
    .execute();
  const judgements = await db
    .selectFrom('judgementScores as j')
    .innerJoin('markingForms as f', 'f.id', 'j.formId')
    .select(['f.entryId', 'j.aspectKey', 'j.judgeExpertId', 'j.score'])
    .where('j.organizationId', '=', organizationId)
    .where('f.schemeId', '=', schemeId)
    .orderBy('j.judgeExpertId')
    .execute();
  const marks = new Map<
    string,
    { measurements: Record<string, MeasurementObservation>; judgements: Record<string, JudgeScore[]> }
  >();
  const of = (entryId: string) => {
    let m = marks.get(entryId);
    if (!m) {
      m = { measurements: {}, judgements: {} };
      marks.set(entryId, m);
    }
    return m;
  };
  for (const r of measurements) {
    of(r.entryId).measurements[r.aspectKey] = parseJson<MeasurementObservation>(r.observationJson, {
      kind: 'NOT_ATTEMPTED',
    });
  }
  for (const r of judgements) {
    const list = of(r.entryId).judgements[r.aspectKey] ?? [];
    list.push({ judgeId: r.judgeExpertId, score: r.score as JudgeScore['score'] });
    of(r.entryId).judgements[r.aspectKey] = list;
  }
  return { forms, marks };
}

/** Judgement score sets of a scheme, for the judge analysis. */
export async function judgementSets(db: Executor, organizationId: string, schemeId: string) {
  return db
    .selectFrom('judgementScores as j')
    .innerJoin('markingForms as f', 'f.id', 'j.formId')
    .select(['f.entryId', 'j.aspectKey', 'j.judgeExpertId', 'j.score'])
    .where('j.organizationId', '=', organizationId)
    .where('f.schemeId', '=', schemeId)
    .execute();
}

export async function expertsOfSkill(db: Executor, organizationId: string, skillId: string) {
  return db
    .selectFrom('competitionExperts')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('skillId', '=', skillId)
    .where('status', '!=', 'withdrawn')
    .orderBy('lastName')
    .orderBy('firstName')
    .execute();
}

export async function countOpenDisputes(
  db: Executor,
  organizationId: string,
  skillId: string,
): Promise<number> {
  const r = await db
    .selectFrom('competitionDisputes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organizationId', '=', organizationId)
    .where('skillId', '=', skillId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export interface FormProgress {
  formsLocked: number;
  formsTotal: number;
}

/**
 * Marking progress per skill: forms of each skill's locked scheme that belong to ranked entrants, and
 * how many of them are locked. Counts only, no marks: this is not embargoed information.
 */
export async function formProgress(
  db: Executor,
  organizationId: string,
  skillIds: readonly string[],
): Promise<Map<string, FormProgress>> {
  const out = new Map<string, FormProgress>();
  if (skillIds.length === 0) {
    return out;
  }
  const rows = await db
    .selectFrom('markingForms as f')
    .innerJoin('markingSchemes as s', 's.id', 'f.schemeId')
    .innerJoin('competitionEntries as e', 'e.id', 'f.entryId')
    .select(['f.skillId', 'f.state'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('f.organizationId', '=', organizationId)
    .where('f.skillId', 'in', [...skillIds])
    .where('s.status', '=', 'locked')
    .where('e.status', 'in', [...RANKED_STATUSES])
    .groupBy(['f.skillId', 'f.state'])
    .execute();
  for (const r of rows) {
    const p = out.get(r.skillId) ?? { formsLocked: 0, formsTotal: 0 };
    p.formsTotal += Number(r.n);
    if (r.state === 'locked') {
      p.formsLocked += Number(r.n);
    }
    out.set(r.skillId, p);
  }
  return out;
}

export async function snapshotRows(
  db: Executor,
  organizationId: string,
  skillIds: readonly string[],
): Promise<CompetitionResultRow[]> {
  if (skillIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('competitionResults')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('skillId', 'in', [...skillIds])
    .orderBy('position')
    .orderBy('points', 'desc')
    .execute();
}

export async function deleteSnapshot(db: Executor, organizationId: string, skillId: string): Promise<void> {
  await db
    .deleteFrom('competitionResults')
    .where('organizationId', '=', organizationId)
    .where('skillId', '=', skillId)
    .execute();
}

export type { CompetitionEntryRow, CompetitionSkillRow };
