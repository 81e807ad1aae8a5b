import type { Role } from '../../../contracts/roles.js';
import type { MarkingScheme } from '../../../domain/competitions/marking-scheme.js';
import { DEFAULT_RULE_SETTINGS } from '../../../domain/competitions/settings.js';
import type { Deps } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { type Client, createMember, signIn, type TestApp } from '../../test/test-app.js';

// A small competition inserted directly (the set-up and scheme modules are built alongside): one
// skill with four members (AT, IE, KH, FR), an entrant each from AT, IE and KH, experts from every
// member plus an independent chief expert, a locked scheme with a measurement sub-criterion (A1)
// and a judgement sub-criterion (B1), marking teams, and every form not started.

export const TEST_SCHEME: MarkingScheme = {
  sections: [{ number: 1, name: 'Work organisation', weight: '5' }],
  criteria: [
    { key: 'A', name: 'Build' },
    { key: 'B', name: 'Finish' },
  ],
  subCriteria: [
    { key: 'A1', criterionKey: 'A', name: 'Dimensions', dayOfMarking: 'C1' },
    { key: 'B1', criterionKey: 'B', name: 'Appearance', dayOfMarking: 'C2' },
  ],
  aspects: [
    {
      key: 'A1.1',
      subCriterionKey: 'A1',
      type: 'M',
      description: 'Frame is square',
      extraDescription: '',
      requirement: '',
      maxMark: '1',
      wsosSection: 1,
      calculation: { kind: 'PASS_FAIL' },
    },
    {
      key: 'A1.2',
      subCriterionKey: 'A1',
      type: 'M',
      description: 'Joints completed',
      extraDescription: '',
      requirement: '',
      maxMark: '2',
      wsosSection: 1,
      calculation: { kind: 'NUMBER_COMPLETED', possible: 4 },
    },
    {
      key: 'B1.1',
      subCriterionKey: 'B1',
      type: 'J',
      description: 'Overall finish',
      extraDescription: '',
      maxMark: '1.25',
      wsosSection: 1,
      descriptors: ['Below standard', 'Meets', 'Exceeds in parts', 'Excellent'],
    },
    {
      key: 'B1.2',
      subCriterionKey: 'B1',
      type: 'M',
      description: 'Clean workstation',
      extraDescription: '',
      requirement: '',
      maxMark: '0.75',
      wsosSection: 1,
      calculation: { kind: 'PASS_FAIL' },
    },
  ],
};

export interface TestExpert {
  expertId: string;
  userId: string;
  client: Client;
}

export type MemberCode = 'AT' | 'IE' | 'KH' | 'FR';

export interface MarkingFixture {
  orgId: string;
  competitionId: string;
  skillId: string;
  schemeId: string;
  members: Record<MemberCode, string>;
  entries: { at: string; ie: string; kh: string };
  experts: {
    chief: TestExpert;
    at: TestExpert;
    ie: TestExpert;
    kh: TestExpert;
    fr: TestExpert;
    /** An expert of the skill on no marking team. */
    outsider: TestExpert;
  };
  /** formId by `${subCriterionKey}:${entry}` e.g. 'A1:at'. */
  forms: Record<string, string>;
}

async function expert(
  t: TestApp,
  orgId: string,
  competitionId: string,
  skillId: string,
  memberId: string | null,
  role: 'chief_expert' | 'expert',
  name: string,
): Promise<TestExpert> {
  const { deps } = t;
  const { email, userId } = await createMember(deps, orgId, role as Role);
  const now = deps.clock.now().toISOString();
  const expertId = newId();
  await deps.db
    .insertInto('competitionExperts')
    .values({
      id: expertId,
      organizationId: orgId,
      competitionId,
      skillId,
      memberId,
      userId,
      firstName: name,
      lastName: 'Expert',
      email,
      role,
      status: 'confirmed',
      registeredBy: null,
      createdAt: now,
      updatedAt: now,
      createdBy: null,
      updatedBy: null,
      version: 1,
    })
    .execute();
  return { expertId, userId, client: await signIn(t.app, email) };
}

function stamps(deps: Deps) {
  const now = deps.clock.now().toISOString();
  return { createdAt: now, updatedAt: now, createdBy: null, updatedBy: null, version: 1 };
}

export async function createMarkingFixture(
  t: TestApp,
  orgId: string,
  skill: { numJudges?: number; maxJudgeSpread?: number; allowCompatriotMarking?: boolean } = {},
): Promise<MarkingFixture> {
  const { deps } = t;
  const db = deps.db;
  const competitionId = newId();
  await db
    .insertInto('competitions')
    .values({
      id: competitionId,
      organizationId: orgId,
      namesJson: JSON.stringify({ en: 'Invitational' }),
      nameSort: 'invitational',
      slug: `inv-${competitionId.slice(-6)}`,
      startsOn: '2026-03-10',
      endsOn: '2026-03-14',
      venue: '',
      city: '',
      country: 'CN',
      hostName: '',
      hostPartnerId: null,
      status: 'running',
      registrationOpensOn: null,
      registrationClosesOn: null,
      settingsJson: JSON.stringify(DEFAULT_RULE_SETTINGS),
      description: '',
      ...stamps(deps),
    })
    .execute();
  const skillId = newId();
  await db
    .insertInto('competitionSkills')
    .values({
      id: skillId,
      organizationId: orgId,
      competitionId,
      number: '26',
      namesJson: JSON.stringify({ en: 'Joinery' }),
      nameSort: 'joinery',
      skillType: 'official',
      teamBased: 0,
      teamSize: 1,
      maxEntriesPerMember: 1,
      allowCompatriotMarking: skill.allowCompatriotMarking ? 1 : 0,
      generateResultsAndMedals: 1,
      excludeFromMemberComparison: 0,
      excludeFromAlbertVidal: 0,
      numJudges: skill.numJudges ?? 3,
      maxJudgeSpread: skill.maxJudgeSpread ?? 1,
      markingSuspended: 0,
      resultsState: 'open',
      resultsSignedOffAt: null,
      resultsSignedOffBy: null,
      resultsPublishedAt: null,
      resultsPublishedBy: null,
      ...stamps(deps),
    })
    .execute();
  const members = {} as Record<MemberCode, string>;
  for (const code of ['AT', 'IE', 'KH', 'FR'] as const) {
    const id = newId();
    members[code] = id;
    await db
      .insertInto('competitionMembers')
      .values({
        id,
        organizationId: orgId,
        competitionId,
        code,
        namesJson: JSON.stringify({ en: code }),
        nameSort: code.toLowerCase(),
        kind: 'country',
        country: code === 'KH' ? 'KH' : code,
        partnerId: null,
        ...stamps(deps),
      })
      .execute();
  }
  const entries = { at: '', ie: '', kh: '' };
  for (const [key, code, bench] of [
    ['at', 'AT', '1'],
    ['ie', 'IE', '2'],
    ['kh', 'KH', '3'],
  ] as const) {
    const id = newId();
    entries[key] = id;
    await db
      .insertInto('competitionEntries')
      .values({
        id,
        organizationId: orgId,
        competitionId,
        skillId,
        memberId: members[code],
        displayName: `Competitor ${code}`,
        bench,
        status: 'confirmed',
        statusReason: '',
        registeredBy: null,
        ...stamps(deps),
      })
      .execute();
  }
  const experts = {
    chief: await expert(t, orgId, competitionId, skillId, null, 'chief_expert', 'Chief'),
    at: await expert(t, orgId, competitionId, skillId, members.AT, 'expert', 'Anna'),
    ie: await expert(t, orgId, competitionId, skillId, members.IE, 'expert', 'Ian'),
    kh: await expert(t, orgId, competitionId, skillId, members.KH, 'expert', 'Kim'),
    fr: await expert(t, orgId, competitionId, skillId, members.FR, 'expert', 'Fleur'),
    outsider: await expert(t, orgId, competitionId, skillId, members.FR, 'expert', 'Otto'),
  };
  const schemeId = newId();
  await db
    .insertInto('markingSchemes')
    .values({
      id: schemeId,
      organizationId: orgId,
      skillId,
      versionNo: 1,
      status: 'locked',
      source: 'manual',
      sourceFileName: '',
      schemeJson: JSON.stringify(TEST_SCHEME),
      lockedAt: deps.clock.now().toISOString(),
      lockedBy: experts.chief.userId,
      lockReason: '',
      ...stamps(deps),
    })
    .execute();
  const team: [string, string, 'marker' | 'judge' | 'supervisor'][] = [
    ['A1', experts.at.expertId, 'marker'],
    ['A1', experts.ie.expertId, 'marker'],
    ['A1', experts.kh.expertId, 'marker'],
    ['A1', experts.fr.expertId, 'supervisor'],
    ['B1', experts.ie.expertId, 'judge'],
    ['B1', experts.kh.expertId, 'judge'],
    ['B1', experts.fr.expertId, 'judge'],
    ['B1', experts.at.expertId, 'marker'],
  ];
  for (const [sub, expertId, teamRole] of team) {
    await db
      .insertInto('markingTeamMembers')
      .values({
        id: newId(),
        organizationId: orgId,
        skillId,
        schemeId,
        subCriterionKey: sub,
        expertId,
        teamRole,
        createdAt: deps.clock.now().toISOString(),
        createdBy: null,
      })
      .execute();
  }
  const forms: Record<string, string> = {};
  for (const sub of ['A1', 'B1']) {
    for (const key of ['at', 'ie', 'kh'] as const) {
      const id = newId();
      forms[`${sub}:${key}`] = id;
      await db
        .insertInto('markingForms')
        .values({
          id,
          organizationId: orgId,
          skillId,
          schemeId,
          subCriterionKey: sub,
          entryId: entries[key],
          state: 'not_started',
          enteredBy: null,
          enteredAt: null,
          checkedBy: null,
          checkedAt: null,
          signedBy: null,
          signedAt: null,
          lockedBy: null,
          lockedAt: null,
          ...stamps(deps),
        })
        .execute();
    }
  }
  return { orgId, competitionId, skillId, schemeId, members, entries, experts, forms };
}
