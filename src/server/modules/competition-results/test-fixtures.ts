import type { EntryStatus, ExpertRole, SkillType } from '../../../contracts/competitions.js';
import type { MarkingScheme } from '../../../domain/competitions/marking-scheme.js';
import {
  type CompetitionRuleSettings,
  DEFAULT_RULE_SETTINGS,
} from '../../../domain/competitions/settings.js';
import type { Deps } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';

// Test data for the results module, inserted straight into the tables (the set-up, scheme and marking
// modules are built alongside). One skill = a locked two-form scheme:
//   A1.1  measurement, DEDUCT: max 97, 0.05 per error
//   B1.1  judgement, max 3, three judges: mark = 3 × Σscores / 9
// so an entrant with `errors` e and every judge scoring j totals 97 − 0.05·e + j.

export const RESULTS_SCHEME: MarkingScheme = {
  sections: [{ number: 1, name: 'Work organisation and management', weight: '100' }],
  criteria: [
    { key: 'A', name: 'Measured accuracy' },
    { key: 'B', name: 'Finish and presentation' },
  ],
  subCriteria: [
    { key: 'A1', criterionKey: 'A', name: 'Dimensions', dayOfMarking: 'C1' },
    { key: 'B1', criterionKey: 'B', name: 'Overall impression', dayOfMarking: 'C2' },
  ],
  aspects: [
    {
      key: 'A1.1',
      subCriterionKey: 'A1',
      type: 'M',
      description: 'Dimensions within tolerance',
      extraDescription: '',
      requirement: '0.05 off per error',
      maxMark: '97',
      wsosSection: 1,
      calculation: { kind: 'DEDUCT', perError: '0.05' },
    },
    {
      key: 'B1.1',
      subCriterionKey: 'B1',
      type: 'J',
      description: 'Overall impression',
      extraDescription: '',
      maxMark: '3',
      wsosSection: 1,
      descriptors: ['Below industry standard', 'Industry standard', 'Above standard', 'Excellent'],
    },
  ],
};

/** The §8.1 worked example: totals 88.90, 80.35, 73.10, 71.40, 64.75, 58.20. */
export const WORKED_EXAMPLE: EntrantSpec[] = [
  { name: 'Anna Berger', member: 'AT', errors: 222, judge: 3 },
  { name: 'Brian Kelly', member: 'IE', errors: 373, judge: 2 },
  { name: 'Chenda Sok', member: 'KH', errors: 518, judge: 2 },
  { name: 'Dara Chan', member: 'CN', errors: 532, judge: 1 },
  { name: 'Emil Novak', member: 'DE', errors: 665, judge: 1 },
  { name: 'Farah Saleh', member: 'FR', errors: 776, judge: 0 },
];

export interface EntrantSpec {
  name: string;
  /** Member code; members are created once per competition. */
  member: string;
  errors: number;
  /** Every judge's score (0..3); or give `scores` for per-judge values. */
  judge: 0 | 1 | 2 | 3;
  scores?: [number, number, number];
  /** People of the entry (a team has several); default one competitor named like the entry. */
  competitors?: Array<{ firstName: string; lastName: string; participantId?: string }>;
  status?: EntryStatus;
}

export interface SeedOptions {
  entrants: EntrantSpec[];
  /** Add the skill to this competition instead of creating one. */
  competitionId?: string;
  slug?: string;
  settings?: Partial<CompetitionRuleSettings>;
  skillNumber?: string;
  skillType?: SkillType;
  teamBased?: boolean;
  excludeFromMemberComparison?: boolean;
  /** Users holding expert records on the skill. */
  experts?: Array<{ userId: string | null; role: ExpertRole; member?: string | null; firstName?: string }>;
  /** Form state of every form (default 'locked'). */
  formState?: 'entered' | 'signed' | 'locked';
  /** No locked scheme (the draft one only). */
  schemeDraft?: boolean;
}

export interface SeededSkill {
  competitionId: string;
  slug: string;
  skillId: string;
  schemeId: string;
  members: Map<string, string>;
  entries: Array<{ id: string; name: string; memberId: string; formIds: string[] }>;
  judgeIds: string[];
  chiefExpertIds: string[];
}

export async function seedSkill(deps: Deps, organizationId: string, o: SeedOptions): Promise<SeededSkill> {
  const db = deps.db;
  const now = deps.clock.now().toISOString();
  const stamps = { createdAt: now, updatedAt: now, createdBy: null, updatedBy: null, version: 1 };
  let competitionId = o.competitionId;
  let slug = o.slug ?? `invitational-${newId().slice(-6)}`;
  if (!competitionId) {
    competitionId = newId();
    await db
      .insertInto('competitions')
      .values({
        id: competitionId,
        organizationId,
        namesJson: JSON.stringify({ en: 'Retail Invitational 2026', 'zh-CN': '零售邀请赛 2026' }),
        nameSort: 'retail invitational 2026',
        slug,
        startsOn: '2026-03-10',
        endsOn: '2026-03-13',
        venue: 'Hall 3',
        city: 'Shenzhen',
        country: 'CN',
        hostName: 'Test College',
        hostPartnerId: null,
        status: 'running',
        registrationOpensOn: null,
        registrationClosesOn: null,
        settingsJson: JSON.stringify({ ...DEFAULT_RULE_SETTINGS, ...o.settings }),
        description: '',
        ...stamps,
      })
      .execute();
  } else {
    const c = await db
      .selectFrom('competitions')
      .select('slug')
      .where('id', '=', competitionId)
      .executeTakeFirstOrThrow();
    slug = c.slug;
  }
  const skillId = newId();
  const number = o.skillNumber ?? '01';
  await db
    .insertInto('competitionSkills')
    .values({
      id: skillId,
      organizationId,
      competitionId,
      number,
      namesJson: JSON.stringify({ en: `Skill ${number}`, 'zh-CN': `技能 ${number}` }),
      nameSort: `skill ${number}`,
      skillType: o.skillType ?? 'official',
      teamBased: o.teamBased ? 1 : 0,
      teamSize: o.teamBased ? 2 : 1,
      maxEntriesPerMember: 1,
      allowCompatriotMarking: 1,
      generateResultsAndMedals: 1,
      excludeFromMemberComparison: o.excludeFromMemberComparison ? 1 : 0,
      excludeFromAlbertVidal: 0,
      numJudges: 3,
      maxJudgeSpread: 1,
      markingSuspended: 0,
      resultsState: 'open',
      resultsSignedOffAt: null,
      resultsSignedOffBy: null,
      resultsPublishedAt: null,
      resultsPublishedBy: null,
      ...stamps,
    })
    .execute();

  const members = new Map<string, string>();
  const existing = await db
    .selectFrom('competitionMembers')
    .select(['id', 'code'])
    .where('competitionId', '=', competitionId)
    .execute();
  for (const m of existing) {
    members.set(m.code, m.id);
  }
  const memberOf = async (code: string) => {
    let id = members.get(code);
    if (!id) {
      id = newId();
      await db
        .insertInto('competitionMembers')
        .values({
          id,
          organizationId,
          competitionId: competitionId as string,
          code,
          namesJson: JSON.stringify({ en: `Member ${code}` }),
          nameSort: code.toLowerCase(),
          kind: 'country',
          country: code.length === 2 ? code : 'CN',
          partnerId: null,
          ...stamps,
        })
        .execute();
      members.set(code, id);
    }
    return id;
  };

  const schemeId = newId();
  await db
    .insertInto('markingSchemes')
    .values({
      id: schemeId,
      organizationId,
      skillId,
      versionNo: 1,
      status: o.schemeDraft ? 'draft' : 'locked',
      source: 'manual',
      sourceFileName: '',
      schemeJson: JSON.stringify(RESULTS_SCHEME),
      lockedAt: o.schemeDraft ? null : now,
      lockedBy: null,
      lockReason: '',
      ...stamps,
    })
    .execute();

  const chiefExpertIds: string[] = [];
  for (const x of o.experts ?? []) {
    const id = newId();
    await db
      .insertInto('competitionExperts')
      .values({
        id,
        organizationId,
        competitionId,
        skillId,
        memberId: x.member ? await memberOf(x.member) : null,
        userId: x.userId,
        firstName: x.firstName ?? x.role,
        lastName: 'Expert',
        email: '',
        role: x.role,
        status: 'confirmed',
        registeredBy: null,
        ...stamps,
      })
      .execute();
    if (x.role === 'chief_expert') {
      chiefExpertIds.push(id);
    }
  }
  const judgeIds: string[] = [];
  for (const n of [1, 2, 3]) {
    const id = newId();
    await db
      .insertInto('competitionExperts')
      .values({
        id,
        organizationId,
        competitionId,
        skillId,
        memberId: null,
        userId: null,
        firstName: `Judge${n}`,
        lastName: 'Independent',
        email: '',
        role: 'judge',
        status: 'confirmed',
        registeredBy: null,
        ...stamps,
      })
      .execute();
    judgeIds.push(id);
  }

  const entries: SeededSkill['entries'] = [];
  for (const spec of o.entrants) {
    const memberId = await memberOf(spec.member);
    const entryId = newId();
    await db
      .insertInto('competitionEntries')
      .values({
        id: entryId,
        organizationId,
        competitionId,
        skillId,
        memberId,
        displayName: spec.name,
        bench: '',
        status: spec.status ?? 'confirmed',
        statusReason: '',
        registeredBy: null,
        ...stamps,
      })
      .execute();
    const people = spec.competitors ?? [
      { firstName: spec.name.split(' ')[0] ?? spec.name, lastName: spec.name.split(' ').slice(1).join(' ') },
    ];
    for (const p of people) {
      await db
        .insertInto('competitionCompetitors')
        .values({
          id: newId(),
          organizationId,
          competitionId,
          entryId,
          firstName: p.firstName,
          lastName: p.lastName,
          nameNative: '',
          gender: null,
          birthDate: null,
          email: '',
          participantId: p.participantId ?? null,
          ...stamps,
        })
        .execute();
    }
    const formIds: string[] = [];
    const state = o.formState ?? 'locked';
    for (const sc of RESULTS_SCHEME.subCriteria) {
      const formId = newId();
      formIds.push(formId);
      await db
        .insertInto('markingForms')
        .values({
          id: formId,
          organizationId,
          skillId,
          schemeId,
          subCriterionKey: sc.key,
          entryId,
          state,
          enteredBy: null,
          enteredAt: now,
          checkedBy: null,
          checkedAt: null,
          signedBy: null,
          signedAt: null,
          lockedBy: null,
          lockedAt: state === 'locked' ? now : null,
          ...stamps,
        })
        .execute();
      if (sc.key === 'A1') {
        await db
          .insertInto('measurementMarks')
          .values({
            id: newId(),
            organizationId,
            formId,
            aspectKey: 'A1.1',
            observationJson: JSON.stringify({ kind: 'DEDUCT', errors: spec.errors }),
            comment: '',
            markerExpertId: null,
            enteredBy: 'fixture',
            enteredAt: now,
            version: 1,
          })
          .execute();
      } else {
        const scores = spec.scores ?? [spec.judge, spec.judge, spec.judge];
        for (const [i, judgeId] of judgeIds.entries()) {
          await db
            .insertInto('judgementScores')
            .values({
              id: newId(),
              organizationId,
              formId,
              aspectKey: 'B1.1',
              judgeExpertId: judgeId,
              score: scores[i] ?? 0,
              enteredBy: 'fixture',
              enteredAt: now,
              version: 1,
            })
            .execute();
        }
      }
    }
    entries.push({ id: entryId, name: spec.name, memberId, formIds });
  }
  return { competitionId, slug, skillId, schemeId, members, entries, judgeIds, chiefExpertIds };
}

/** Puts one form back to 'entered' (what an unlock does to the form itself). */
export async function setFormState(deps: Deps, formId: string, state: 'entered' | 'locked'): Promise<void> {
  await deps.db.updateTable('markingForms').set({ state }).where('id', '=', formId).execute();
}

export async function openDispute(deps: Deps, organizationId: string, skillId: string, raisedBy: string) {
  const now = deps.clock.now().toISOString();
  const id = newId();
  await deps.db
    .insertInto('competitionDisputes')
    .values({
      id,
      organizationId,
      skillId,
      entryId: null,
      formId: null,
      subject: 'Marks of A1 disputed',
      description: '',
      status: 'open',
      raisedBy,
      raisedAt: now,
      decision: '',
      decidedBy: null,
      decidedAt: null,
      createdAt: now,
      updatedAt: now,
      createdBy: raisedBy,
      updatedBy: raisedBy,
      version: 1,
    })
    .execute();
  return id;
}

export async function createParticipant(
  deps: Deps,
  organizationId: string,
  nameLatin: string,
): Promise<string> {
  const now = deps.clock.now().toISOString();
  const id = newId();
  await deps.db
    .insertInto('trainingParticipants')
    .values({
      id,
      organizationId,
      nameNative: '',
      nameLatin,
      gender: 'undisclosed',
      country: 'CN',
      organizationName: '',
      position: '',
      email: '',
      languagesJson: '[]',
      passportNumber: '',
      dateOfBirth: null,
      createdAt: now,
      updatedAt: now,
      createdBy: null,
      updatedBy: null,
      version: 1,
    })
    .execute();
  return id;
}
