import type { EntryStatus, ExpertRole } from '../../../contracts/competitions.js';
import type { Deps } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';

// Direct inserts of what the marking-scheme tests need (a competition, a skill, members, entries and
// experts), independent of the set-up module's API.

const stamps = (deps: Deps) => {
  const now = deps.clock.now().toISOString();
  return { createdAt: now, updatedAt: now, createdBy: null, updatedBy: null, version: 1 };
};

export async function insertCompetition(deps: Deps, organizationId: string, name = 'Skills Invitational') {
  const id = newId();
  await deps.db
    .insertInto('competitions')
    .values({
      id,
      organizationId,
      namesJson: JSON.stringify({ en: name }),
      nameSort: name.toLowerCase(),
      slug: `c-${id.slice(-12)}`,
      startsOn: '2026-09-09',
      endsOn: '2026-09-13',
      venue: 'Hall 3',
      city: 'Herning',
      country: 'DK',
      hostName: '',
      hostPartnerId: null,
      status: 'running',
      registrationOpensOn: null,
      registrationClosesOn: null,
      settingsJson: '{}',
      description: '',
      ...stamps(deps),
    })
    .execute();
  return id;
}

export async function insertSkill(
  deps: Deps,
  organizationId: string,
  competitionId: string,
  options: { number?: string; name?: string; numJudges?: number; allowCompatriotMarking?: boolean } = {},
) {
  const id = newId();
  const name = options.name ?? 'Web Development';
  await deps.db
    .insertInto('competitionSkills')
    .values({
      id,
      organizationId,
      competitionId,
      number: options.number ?? '17',
      namesJson: JSON.stringify({ en: name }),
      nameSort: name.toLowerCase(),
      skillType: 'official',
      teamBased: 0,
      teamSize: 1,
      maxEntriesPerMember: 1,
      allowCompatriotMarking: options.allowCompatriotMarking ? 1 : 0,
      generateResultsAndMedals: 1,
      excludeFromMemberComparison: 0,
      excludeFromAlbertVidal: 0,
      numJudges: options.numJudges ?? 3,
      maxJudgeSpread: 1,
      markingSuspended: 0,
      resultsState: 'open',
      resultsSignedOffAt: null,
      resultsSignedOffBy: null,
      resultsPublishedAt: null,
      resultsPublishedBy: null,
      ...stamps(deps),
    })
    .execute();
  return id;
}

export async function insertMember(deps: Deps, organizationId: string, competitionId: string, code: string) {
  const id = newId();
  await deps.db
    .insertInto('competitionMembers')
    .values({
      id,
      organizationId,
      competitionId,
      code,
      namesJson: JSON.stringify({ en: code }),
      nameSort: code.toLowerCase(),
      kind: 'country',
      country: code.slice(0, 2),
      partnerId: null,
      ...stamps(deps),
    })
    .execute();
  return id;
}

export async function insertEntry(
  deps: Deps,
  skill: { organizationId: string; competitionId: string; skillId: string },
  memberId: string,
  displayName: string,
  status: EntryStatus = 'confirmed',
) {
  const id = newId();
  await deps.db
    .insertInto('competitionEntries')
    .values({
      id,
      organizationId: skill.organizationId,
      competitionId: skill.competitionId,
      skillId: skill.skillId,
      memberId,
      displayName,
      bench: displayName.slice(0, 3),
      status,
      statusReason: '',
      registeredBy: null,
      ...stamps(deps),
    })
    .execute();
  return id;
}

export async function insertExpert(
  deps: Deps,
  skill: { organizationId: string; competitionId: string; skillId: string },
  memberId: string | null,
  lastName: string,
  options: {
    role?: ExpertRole;
    userId?: string | null;
    status?: 'registered' | 'confirmed' | 'withdrawn';
  } = {},
) {
  const id = newId();
  await deps.db
    .insertInto('competitionExperts')
    .values({
      id,
      organizationId: skill.organizationId,
      competitionId: skill.competitionId,
      skillId: skill.skillId,
      memberId,
      userId: options.userId ?? null,
      firstName: 'Expert',
      lastName,
      email: '',
      role: options.role ?? 'expert',
      status: options.status ?? 'confirmed',
      registeredBy: null,
      ...stamps(deps),
    })
    .execute();
  return id;
}
