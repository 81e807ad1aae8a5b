import type { TPersonRef } from '../../../contracts/marking.js';
import type { EntrantMarks, MarkingRules } from '../../../domain/competitions/form-total.js';
import type { JudgeScore, MeasurementObservation } from '../../../domain/competitions/marking-scheme.js';
import { DEFAULT_RULE_SETTINGS } from '../../../domain/competitions/settings.js';
import type { Executor } from '../../platform/db/executor.js';
import { newId } from '../../platform/ids.js';
import type {
  CompetitionSkillRow,
  MarkingFormRow,
  MarkingSchemeRow,
} from '../competitions/competitions.tables.js';
import { parseScheme } from '../competitions/schemes.repository.js';

// Queries of the marking module. Every one filters on the organization in SQL.

export async function getForm(
  db: Executor,
  org: string,
  formId: string,
): Promise<MarkingFormRow | undefined> {
  return db
    .selectFrom('markingForms')
    .selectAll()
    .where('organizationId', '=', org)
    .where('id', '=', formId)
    .executeTakeFirst();
}

/** The skill's judgement rules and the competition's aspect rounding setting. */
export async function markingRules(db: Executor, skill: CompetitionSkillRow): Promise<MarkingRules> {
  const competition = await db
    .selectFrom('competitions')
    .select('settingsJson')
    .where('organizationId', '=', skill.organizationId)
    .where('id', '=', skill.competitionId)
    .executeTakeFirst();
  let rounding = DEFAULT_RULE_SETTINGS.aspectMarkRounding;
  try {
    const settings = JSON.parse(competition?.settingsJson ?? '{}') as { aspectMarkRounding?: unknown };
    if (settings.aspectMarkRounding === 'exact' || settings.aspectMarkRounding === 'two_decimals') {
      rounding = settings.aspectMarkRounding;
    }
  } catch {
    // A malformed settings document falls back to the documented default.
  }
  return { numJudges: skill.numJudges, maxJudgeSpread: skill.maxJudgeSpread, aspectMarkRounding: rounding };
}

export interface EntryRow {
  id: string;
  displayName: string;
  bench: string;
  memberId: string;
  memberCode: string;
  status: string;
}

export async function skillEntries(db: Executor, org: string, skillId: string): Promise<EntryRow[]> {
  return db
    .selectFrom('competitionEntries as e')
    .innerJoin('competitionMembers as m', 'm.id', 'e.memberId')
    .select(['e.id', 'e.displayName', 'e.bench', 'e.memberId', 'm.code as memberCode', 'e.status'])
    .where('e.organizationId', '=', org)
    .where('e.skillId', '=', skillId)
    .orderBy('e.bench')
    .orderBy('m.code')
    .orderBy('e.displayName')
    .orderBy('e.id')
    .execute();
}

export async function getEntry(db: Executor, org: string, entryId: string): Promise<EntryRow | undefined> {
  return db
    .selectFrom('competitionEntries as e')
    .innerJoin('competitionMembers as m', 'm.id', 'e.memberId')
    .select(['e.id', 'e.displayName', 'e.bench', 'e.memberId', 'm.code as memberCode', 'e.status'])
    .where('e.organizationId', '=', org)
    .where('e.id', '=', entryId)
    .executeTakeFirst();
}

/**
 * Creates the forms a locked scheme still lacks (an entrant added after the lock): one per
 * sub-criterion × entrant not withdrawn. Idempotent (the unique index on scheme, sub-criterion and
 * entry absorbs a concurrent creation).
 */
export async function ensureForms(
  db: Executor,
  org: string,
  skillId: string,
  scheme: MarkingSchemeRow,
  entries: readonly EntryRow[],
  now: string,
): Promise<void> {
  const subKeys = parseScheme(scheme).subCriteria.map((s) => s.key);
  const existing = await db
    .selectFrom('markingForms')
    .select(['subCriterionKey', 'entryId'])
    .where('organizationId', '=', org)
    .where('schemeId', '=', scheme.id)
    .execute();
  const have = new Set(existing.map((f) => `${f.subCriterionKey}\u0000${f.entryId}`));
  const missing = entries
    .filter((e) => e.status !== 'withdrawn')
    .flatMap((e) => subKeys.map((k) => ({ k, e })))
    .filter(({ k, e }) => !have.has(`${k}\u0000${e.id}`));
  for (let i = 0; i < missing.length; i += 200) {
    const rows = missing.slice(i, i + 200).map(({ k, e }) => ({
      id: newId(),
      organizationId: org,
      skillId,
      schemeId: scheme.id,
      subCriterionKey: k,
      entryId: e.id,
      state: 'not_started' as const,
      enteredBy: null,
      enteredAt: null,
      checkedBy: null,
      checkedAt: null,
      signedBy: null,
      signedAt: null,
      lockedBy: null,
      lockedAt: null,
      createdAt: now,
      updatedAt: now,
      createdBy: null,
      updatedBy: null,
      version: 1,
    }));
    await db
      .insertInto('markingForms')
      .values(rows)
      .onConflict((oc) => oc.columns(['schemeId', 'subCriterionKey', 'entryId']).doNothing())
      .execute();
  }
}

export async function schemeForms(db: Executor, org: string, schemeId: string): Promise<MarkingFormRow[]> {
  return db
    .selectFrom('markingForms')
    .selectAll()
    .where('organizationId', '=', org)
    .where('schemeId', '=', schemeId)
    .execute();
}

export interface MeasurementRow {
  id: string;
  formId: string;
  aspectKey: string;
  observationJson: string;
  comment: string;
  markerExpertId: string | null;
  enteredBy: string;
  enteredAt: string;
  version: number;
}

export interface ScoreRow {
  id: string;
  formId: string;
  aspectKey: string;
  judgeExpertId: string;
  score: number;
  enteredBy: string;
  enteredAt: string;
  version: number;
}

/** The marks of the given forms (all forms of a scheme when formIds is 'scheme'). */
export async function marksOf(
  db: Executor,
  org: string,
  filter: { formId: string } | { schemeId: string },
): Promise<{ measurements: MeasurementRow[]; scores: ScoreRow[] }> {
  const measurementsQ = db
    .selectFrom('measurementMarks as mm')
    .select([
      'mm.id',
      'mm.formId',
      'mm.aspectKey',
      'mm.observationJson',
      'mm.comment',
      'mm.markerExpertId',
      'mm.enteredBy',
      'mm.enteredAt',
      'mm.version',
    ])
    .where('mm.organizationId', '=', org);
  const scoresQ = db
    .selectFrom('judgementScores as js')
    .select([
      'js.id',
      'js.formId',
      'js.aspectKey',
      'js.judgeExpertId',
      'js.score',
      'js.enteredBy',
      'js.enteredAt',
      'js.version',
    ])
    .where('js.organizationId', '=', org);
  if ('formId' in filter) {
    const [measurements, scores] = await Promise.all([
      measurementsQ.where('mm.formId', '=', filter.formId).execute(),
      scoresQ.where('js.formId', '=', filter.formId).execute(),
    ]);
    return { measurements, scores };
  }
  const [measurements, scores] = await Promise.all([
    measurementsQ
      .innerJoin('markingForms as f', 'f.id', 'mm.formId')
      .where('f.schemeId', '=', filter.schemeId)
      .execute(),
    scoresQ
      .innerJoin('markingForms as f', 'f.id', 'js.formId')
      .where('f.schemeId', '=', filter.schemeId)
      .execute(),
  ]);
  return { measurements, scores };
}

/** What the domain needs of one entrant's marks on one form. */
export function entrantMarks(
  measurements: readonly MeasurementRow[],
  scores: readonly ScoreRow[],
): EntrantMarks {
  const m: Record<string, MeasurementObservation> = {};
  for (const row of measurements) {
    m[row.aspectKey] = JSON.parse(row.observationJson) as MeasurementObservation;
  }
  const j: Record<string, JudgeScore[]> = {};
  for (const row of scores) {
    const list = j[row.aspectKey] ?? [];
    list.push({ judgeId: row.judgeExpertId, score: row.score as JudgeScore['score'] });
    j[row.aspectKey] = list;
  }
  return { measurements: m, judgements: j };
}

/** Display names of users, for "who entered / checked / signed / locked". */
export async function peopleByIds(
  db: Executor,
  ids: Iterable<string | null | undefined>,
): Promise<Map<string, TPersonRef>> {
  const wanted = [...new Set([...ids].filter((id): id is string => typeof id === 'string' && id !== ''))];
  const out = new Map<string, TPersonRef>();
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'displayName', 'email'])
      .where('id', 'in', wanted.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      out.set(r.id, { id: r.id, name: r.displayName || r.email });
    }
  }
  return out;
}

export interface TeamMemberRow {
  expertId: string;
  subCriterionKey: string;
  teamRole: 'marker' | 'judge' | 'supervisor';
  memberId: string | null;
  userId: string | null;
  firstName: string;
  lastName: string;
  memberCode: string | null;
}

/** The marking team of a scheme (optionally one sub-criterion), with each expert's member. */
export async function teamOf(
  db: Executor,
  org: string,
  schemeId: string,
  subCriterionKey?: string,
): Promise<TeamMemberRow[]> {
  let q = db
    .selectFrom('markingTeamMembers as t')
    .innerJoin('competitionExperts as x', 'x.id', 't.expertId')
    .leftJoin('competitionMembers as m', 'm.id', 'x.memberId')
    .select([
      't.expertId',
      't.subCriterionKey',
      't.teamRole',
      'x.memberId',
      'x.userId',
      'x.firstName',
      'x.lastName',
      'm.code as memberCode',
    ])
    .where('t.organizationId', '=', org)
    .where('t.schemeId', '=', schemeId)
    .where('x.status', '!=', 'withdrawn');
  if (subCriterionKey !== undefined) {
    q = q.where('t.subCriterionKey', '=', subCriterionKey);
  }
  return q.orderBy('x.lastName').orderBy('x.firstName').orderBy('t.expertId').execute();
}
