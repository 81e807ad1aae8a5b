import { type Expression, type SqlBool, sql } from 'kysely';
import type {
  TFindTalentPoolQuery,
  TFindTalentProfilesQuery,
  TSelfEditable,
  TTalentProfileInput,
} from '../../../contracts/talent.js';
import type { Executor } from '../../platform/db/executor.js';
import { type AnyEb, containsInsensitive, fromBool, toJson } from '../../platform/db/sql-helpers.js';
import type {
  TalentConsentRow,
  TalentLanguageRow,
  TalentProfileRow,
  TalentSkillRow,
} from './talent.tables.js';

/** A profile row with its current consent (null when none was ever given). */
export type ProfileWithConsent = TalentProfileRow & {
  consentScope: TalentConsentRow['scope'] | null;
  consentWithdrawnAt: string | null;
};

function baseQuery(db: Executor, organizationId: string) {
  return db
    .selectFrom('talentProfiles as p')
    .leftJoin('talentConsents as c', (j) =>
      j.onRef('c.id', '=', 'p.currentConsentId').onRef('c.organizationId', '=', 'p.organizationId'),
    )
    .where('p.organizationId', '=', organizationId);
}

const profileSelection = [
  'p.id',
  'p.organizationId',
  'p.participantId',
  'p.competitorId',
  'p.userId',
  'p.nameLatin',
  'p.nameNative',
  'p.email',
  'p.locale',
  'p.iscoCode',
  'p.escoUri',
  'p.educationJson',
  'p.experienceYears',
  'p.countriesJson',
  'p.availableFrom',
  'p.headlineJson',
  'p.summaryJson',
  'p.status',
  'p.currentConsentId',
  'p.searchText',
  'p.createdAt',
  'p.updatedAt',
  'p.createdBy',
  'p.updatedBy',
  'p.version',
  'c.scope as consentScope',
  'c.withdrawnAt as consentWithdrawnAt',
] as const;

/** Filters shared by the college's list and the enterprise pool. */
function matchConditions(
  eb: AnyEb,
  f: { isco?: string; skill?: string; country?: string; language?: string },
): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [];
  if (f.isco) {
    out.push(eb('p.iscoCode', 'like', `${f.isco}%`));
  }
  if (f.skill) {
    out.push(
      eb.exists(
        eb
          .selectFrom('talentProfileSkills as s')
          .select('s.profileId')
          .whereRef('s.profileId', '=', 'p.id')
          .where('s.skillKey', '=', f.skill),
      ),
    );
  }
  if (f.language) {
    out.push(
      eb.exists(
        eb
          .selectFrom('talentProfileLanguages as l')
          .select('l.profileId')
          .whereRef('l.profileId', '=', 'p.id')
          .where('l.code', '=', f.language),
      ),
    );
  }
  if (f.country) {
    // countries_json is a JSON array of upper-case codes: match the quoted code, or "any".
    out.push(
      eb.or([eb('p.countriesJson', 'like', `%"${f.country}"%`), eb('p.countriesJson', 'like', '%"any"%')]),
    );
  }
  return out;
}

/**
 * The enterprise-facing condition: an active profile whose current consent stands (given, not
 * withdrawn). It is in the SQL of every pool read, so a withdrawal hides the profile at once.
 */
function consentStands(eb: AnyEb): Expression<SqlBool> {
  return eb.and([eb('p.status', '=', 'active'), eb('c.id', 'is not', null), eb('c.withdrawnAt', 'is', null)]);
}

export async function findProfiles(
  db: Executor,
  organizationId: string,
  f: TFindTalentProfilesQuery,
): Promise<{ rows: ProfileWithConsent[]; total: number }> {
  const q = baseQuery(db, organizationId).where((eb) => {
    const all = matchConditions(eb as AnyEb, f);
    if (f.q) {
      all.push(containsInsensitive(sql.ref('p.searchText'), f.q));
    }
    if (f.consent === 'none') {
      all.push(eb('c.id', 'is', null));
    } else if (f.consent === 'given') {
      all.push(eb('c.id', 'is not', null), eb('c.withdrawnAt', 'is', null));
    } else if (f.consent === 'withdrawn') {
      all.push(eb('c.withdrawnAt', 'is not', null));
    }
    return eb.and(all);
  });
  const { total } = (await q
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow()) as { total: number };
  const desc = f.sort.startsWith('-');
  const field = f.sort.replace(/^-/, '');
  const column =
    field === 'name' ? 'p.nameLatin' : field === 'availableFrom' ? 'p.availableFrom' : 'p.updatedAt';
  const rows = (await q
    .select([...profileSelection])
    .orderBy(column, desc ? 'desc' : 'asc')
    .orderBy('p.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute()) as ProfileWithConsent[];
  return { rows, total: Number(total) };
}

export async function findPool(
  db: Executor,
  organizationId: string,
  f: TFindTalentPoolQuery,
): Promise<{ rows: ProfileWithConsent[]; total: number }> {
  const q = baseQuery(db, organizationId).where((eb) => {
    const all = [consentStands(eb as AnyEb), ...matchConditions(eb as AnyEb, f)];
    if (f.availableBy) {
      all.push(eb('p.availableFrom', '<=', f.availableBy));
    }
    return eb.and(all);
  });
  const { total } = (await q
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow()) as { total: number };
  const rows = (await q
    .select([...profileSelection])
    .orderBy('p.availableFrom')
    .orderBy('p.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute()) as ProfileWithConsent[];
  return { rows, total: Number(total) };
}

/** Every active profile of the college whose current consent stands (filtered in SQL), for matching. */
export async function consentedProfiles(
  db: Executor,
  organizationId: string,
  ids?: readonly string[],
): Promise<ProfileWithConsent[]> {
  let q = baseQuery(db, organizationId).where((eb) => consentStands(eb as AnyEb));
  if (ids) {
    if (ids.length === 0) {
      return [];
    }
    q = q.where('p.id', 'in', [...ids]);
  }
  return (await q
    .select([...profileSelection])
    .orderBy('p.id')
    .execute()) as ProfileWithConsent[];
}

export async function getProfile(
  db: Executor,
  organizationId: string,
  id: string,
  opts: { consentedOnly?: boolean } = {},
): Promise<ProfileWithConsent | undefined> {
  const q = baseQuery(db, organizationId)
    .where('p.id', '=', id)
    .where((eb) => (opts.consentedOnly ? consentStands(eb as AnyEb) : eb.and([])));
  return (await q.select([...profileSelection]).executeTakeFirst()) as ProfileWithConsent | undefined;
}

export async function childrenOf(
  db: Executor,
  organizationId: string,
  ids: readonly string[],
): Promise<{ skills: Map<string, TalentSkillRow[]>; languages: Map<string, TalentLanguageRow[]> }> {
  const skills = new Map<string, TalentSkillRow[]>();
  const languages = new Map<string, TalentLanguageRow[]>();
  if (ids.length === 0) {
    return { skills, languages };
  }
  const skillRows = await db
    .selectFrom('talentProfileSkills')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('profileId', 'in', [...ids])
    .orderBy('level', 'desc')
    .orderBy('skillKey')
    .execute();
  for (const s of skillRows) {
    skills.set(s.profileId, [...(skills.get(s.profileId) ?? []), s]);
  }
  const languageRows = await db
    .selectFrom('talentProfileLanguages')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('profileId', 'in', [...ids])
    .orderBy('code')
    .execute();
  for (const l of languageRows) {
    languages.set(l.profileId, [...(languages.get(l.profileId) ?? []), l]);
  }
  return { skills, languages };
}

/** The whole consent history of a profile, newest first. */
export function consentsOf(db: Executor, organizationId: string, profileId: string) {
  return db
    .selectFrom('talentConsents')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('profileId', '=', profileId)
    .orderBy('givenAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export function profileColumns(input: TTalentProfileInput) {
  return {
    participantId: input.participantId,
    competitorId: input.competitorId,
    nameLatin: input.nameLatin,
    nameNative: input.nameNative,
    email: input.email,
    locale: input.locale,
    iscoCode: input.iscoCode,
    escoUri: input.escoUri,
    educationJson: toJson(input.education),
    experienceYears: input.experienceYears,
    headlineJson: toJson(input.headline),
    summaryJson: toJson(input.summary),
    searchText: [input.nameLatin, input.nameNative, input.email].join(' ').toLowerCase(),
    ...selfColumns(input),
  };
}

export function selfColumns(input: Pick<TSelfEditable, 'countries' | 'availableFrom'>) {
  return { countriesJson: toJson([...new Set(input.countries)]), availableFrom: input.availableFrom };
}

export interface StoredSkill {
  skillKey: string;
  level: number;
  evidence: TalentSkillRow['evidence'];
  verified: boolean;
}

/** Replaces a profile's skills and languages (the caller owns the transaction). */
export async function replaceChildren(
  trx: Executor,
  organizationId: string,
  profileId: string,
  skills: readonly StoredSkill[],
  languages: TSelfEditable['languages'],
): Promise<void> {
  await trx.deleteFrom('talentProfileSkills').where('profileId', '=', profileId).execute();
  await trx.deleteFrom('talentProfileLanguages').where('profileId', '=', profileId).execute();
  if (skills.length > 0) {
    await trx
      .insertInto('talentProfileSkills')
      .values(
        skills.map((s) => ({
          profileId,
          organizationId,
          skillKey: s.skillKey,
          level: s.level,
          evidence: s.evidence,
          verified: fromBool(s.verified),
        })),
      )
      .execute();
  }
  if (languages.length > 0) {
    await trx
      .insertInto('talentProfileLanguages')
      .values(languages.map((l) => ({ profileId, organizationId, code: l.code, cefr: l.cefr })))
      .execute();
  }
}

/** Keys of the college's own skills (`college:<code>`). */
export async function collegeSkillKeys(db: Executor, organizationId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('collegeSkills')
    .select('code')
    .where('organizationId', '=', organizationId)
    .execute();
  return new Set(rows.map((r) => `college:${r.code}`));
}

/**
 * Certificates issued on the platform to the participant that are valid today (not revoked, not
 * past their validity), newest first.
 */
export function validCertificatesOf(
  db: Executor,
  organizationId: string,
  participantId: string,
  today: string,
) {
  return db
    .selectFrom('certificates as c')
    .innerJoin('trainingEnrolments as e', 'e.id', 'c.enrolmentId')
    .select(['c.id', 'c.number', 'c.programmeTitleJson', 'c.issuedAt'])
    .where('c.organizationId', '=', organizationId)
    .where('e.organizationId', '=', organizationId)
    .where('e.participantId', '=', participantId)
    .where('c.status', '=', 'valid')
    .where((eb) => eb.or([eb('c.validUntil', 'is', null), eb('c.validUntil', '>=', today)]))
    .orderBy('c.issuedAt', 'desc')
    .execute();
}

/** The participant a competitor record is linked to, if any. */
export async function participantOfCompetitor(
  db: Executor,
  organizationId: string,
  competitorId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('competitionCompetitors')
    .select('participantId')
    .where('organizationId', '=', organizationId)
    .where('id', '=', competitorId)
    .executeTakeFirst();
  return row?.participantId ?? null;
}

export async function existsInOrg(
  db: Executor,
  table: 'trainingParticipants' | 'competitionCompetitors',
  organizationId: string,
  id: string,
): Promise<boolean> {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The participant account of the organization with this e-mail that no profile manages yet, or
 * null: a profile created or imported with that e-mail is linked to it.
 */
export async function freeParticipantAccount(
  db: Executor,
  organizationId: string,
  email: string,
): Promise<{ userId: string; linkedProfileId: string | null } | null> {
  if (!email) {
    return null;
  }
  const row = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .leftJoin('talentProfiles as p', (j) =>
      j.onRef('p.userId', '=', 'u.id').onRef('p.organizationId', '=', 'm.organizationId'),
    )
    .select(['u.id as userId', 'p.id as linkedProfileId'])
    .where('m.organizationId', '=', organizationId)
    .where('m.role', '=', 'participant')
    .where('m.status', '!=', 'deactivated')
    .where('u.email', '=', email.toLowerCase())
    .executeTakeFirst();
  return row ?? null;
}

/** The profile an account manages in the organization (talent/me). */
export async function profileIdOfUser(
  db: Executor,
  organizationId: string,
  userId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('talentProfiles')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  return row?.id;
}
