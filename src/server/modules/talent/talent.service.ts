import type { Kysely } from 'kysely';
import { Permission } from '../../../contracts/roles.js';
import {
  CONSENT_NOTICE_VERSION,
  type TFindTalentPoolQuery,
  type TFindTalentProfilesQuery,
  type TSelfEditable,
  type TTalentProfile,
  type TTalentProfileInput,
  type TVerifiedCredentials,
} from '../../../contracts/talent.js';
import { addDays, calendarDateInTimeZone } from '../../../domain/dates/calendar-date.js';
import { ESCO_STARTER, isIscoUnitGroupCode, taxonomyItem } from '../../../domain/talent/taxonomy/index.js';
import { validateProfile } from '../../../domain/talent/validation.js';
import { recordAudit, recordAuditAs } from '../../platform/audit/record-audit.js';
import { can, requirePermission } from '../../platform/auth/require-permission.js';
import { hashToken } from '../../platform/auth/tokens.js';
import type { Actor, Deps, ServiceContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import type { Executor } from '../../platform/db/executor.js';
import { parseJson } from '../../platform/db/sql-helpers.js';
import { type VersionedEntity, versionedChange } from '../../platform/db/versioned-change.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId, newToken } from '../../platform/ids.js';
import { todayFor } from '../../platform/today.js';
import { listPublishedAchievements } from '../competition-results/achievements.js';
import * as skillsRepo from './skills.repository.js';
import { renderTalentLinkMail, TALENT_LINK_MAIL_KIND, TALENT_OWNER_MAIL_KINDS } from './talent.mails.js';
import {
  auditSnapshot,
  type Children,
  presentAnonymised,
  presentProfile,
  presentSummary,
} from './talent.presenter.js';
import * as repo from './talent.repository.js';
import type { ConsentChannel, TalentSkillRow } from './talent.tables.js';

/** How long a personal link works. */
export const SELF_LINK_DAYS = 30;

type Issue = { path: (string | number)[]; message: string };

/** ESCO occupation URIs the platform ships (the starter set's verified occupations), by ISCO-08 group. */
const SHIPPED_ESCO_OCCUPATIONS: ReadonlyMap<string, string> = new Map(
  ESCO_STARTER.filter((e) => e.kind === 'occupation' && e.escoUri).map((e) => [
    e.escoUri as string,
    e.iscoGroup,
  ]),
);
const STARTER_SKILL_KEYS: ReadonlySet<string> = new Set(
  ESCO_STARTER.filter((e) => e.kind === 'skill').map((e) => e.key),
);

/** Skill keys a profile may use in this organization: the starter set and the college's own skills. */
export async function knownSkillKeys(db: Executor, organizationId: string): Promise<Set<string>> {
  return new Set([...STARTER_SKILL_KEYS, ...(await repo.collegeSkillKeys(db, organizationId))]);
}

/** Whether an ESCO occupation URI may describe a profile or posting of ISCO-08 group `isco`. */
export type EscoOccupationCheck = (uri: string, isco: string) => 'ok' | 'unknown' | 'other_isco';

/**
 * ESCO occupation URIs a profile or posting of this college may name: the shipped ones, and every
 * URI the college confirmed for an occupation of the starter set or set in place of its shipped one
 * (taxonomy page), each under that occupation's ISCO-08 group. A replaced shipped URI stays known,
 * so profiles that already name it can still be saved.
 */
export async function escoOccupationCheck(
  db: Executor,
  organizationId: string,
): Promise<EscoOccupationCheck> {
  const known = new Map(SHIPPED_ESCO_OCCUPATIONS);
  for (const o of await skillsRepo.overrides(db, organizationId)) {
    const ref = taxonomyItem(o.itemKey);
    if (o.escoUri && ref?.kind === 'starter' && ref.entry.kind === 'occupation') {
      known.set(o.escoUri, ref.entry.iscoGroup);
    }
  }
  return (uri, isco) => {
    const group = known.get(uri);
    if (group === undefined) {
      return 'unknown';
    }
    return group === isco ? 'ok' : 'other_isco';
  };
}

/** The issue of a profile's or posting's ESCO occupation, if any (path `escoUri`). */
export function escoOccupationIssue(
  check: EscoOccupationCheck,
  input: { escoUri: string | null; iscoCode: string },
): Issue | null {
  if (input.escoUri === null) {
    return null;
  }
  const known = check(input.escoUri, input.iscoCode);
  return known === 'ok'
    ? null
    : { path: ['escoUri'], message: known === 'unknown' ? 'unknown_esco_occupation' : 'esco_isco_mismatch' };
}

/** Problems of the editable part that zod cannot see: taxonomy, duplicates (domain rules). */
export function selfEditableIssues(input: TSelfEditable, skillKeys: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  input.skills.forEach((s, i) => {
    if (!skillKeys.has(s.skillKey)) {
      issues.push({ path: ['skills', i, 'skillKey'], message: 'unknown_skill' });
    } else if (seen.has(s.skillKey)) {
      issues.push({ path: ['skills', i, 'skillKey'], message: 'duplicate_skill' });
    }
    seen.add(s.skillKey);
  });
  // The matcher's own input checks (languages, countries, dates), reported on the same paths.
  const domain = validateProfile({
    id: 'input',
    occupation: { isco: '0000' },
    skills: [],
    languages: input.languages.map((l) => ({ code: l.code, cefr: l.cefr as never })),
    credentials: [],
    competitionResults: [],
    education: [],
    experienceYears: 0,
    countries: input.countries,
    availableFrom: input.availableFrom,
    consent: { given: false, scope: 'match', givenOn: null },
  });
  for (const issue of domain) {
    issues.push({
      path: issue.path
        .split(/[.[\]]+/)
        .filter(Boolean)
        .map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      message: issue.code,
    });
  }
  return issues;
}

async function checkProfileInput(ctx: ServiceContext, db: Executor, input: TTalentProfileInput) {
  const orgId = ctx.actor.organizationId;
  const issues = selfEditableIssues(input, await knownSkillKeys(db, orgId));
  if (!isIscoUnitGroupCode(input.iscoCode)) {
    issues.push({ path: ['iscoCode'], message: 'unknown_isco' });
  }
  const esco = escoOccupationIssue(await escoOccupationCheck(db, orgId), input);
  if (esco) {
    issues.push(esco);
  }
  if (
    input.participantId &&
    !(await repo.existsInOrg(db, 'trainingParticipants', orgId, input.participantId))
  ) {
    issues.push({ path: ['participantId'], message: 'unknown_participant' });
  }
  if (
    input.competitorId &&
    !(await repo.existsInOrg(db, 'competitionCompetitors', orgId, input.competitorId))
  ) {
    issues.push({ path: ['competitorId'], message: 'unknown_competitor' });
  }
  if (issues.length > 0) {
    throw new AppError('INVALID_INPUT', 'The profile has problems', { issues });
  }
}

/**
 * Skills as stored. The college's entries are verified unless self-declared; an owner's edit keeps
 * the college's evidence only for a skill left at the level the college recorded, anything else
 * becomes self-declared (unverified).
 */
export function storedSkills(
  input: TSelfEditable['skills'],
  by: 'college' | 'owner',
  existing: readonly TalentSkillRow[] = [],
): repo.StoredSkill[] {
  const before = new Map(existing.map((s) => [s.skillKey, s]));
  return input.map((s) => {
    if (by === 'college') {
      return { skillKey: s.skillKey, level: s.level, evidence: s.evidence, verified: s.evidence !== 'self' };
    }
    const kept = before.get(s.skillKey);
    if (kept && kept.level === s.level && kept.evidence !== 'self') {
      return { skillKey: s.skillKey, level: s.level, evidence: kept.evidence, verified: kept.verified === 1 };
    }
    return { skillKey: s.skillKey, level: s.level, evidence: 'self', verified: false };
  });
}

/** A scope for reads that take an actor but need only the organization (the personal link). */
export function organizationScope(deps: Deps, organizationId: string, timeZone: string) {
  const actor: Actor = {
    userId: '',
    email: '',
    displayName: '',
    locale: 'en',
    organizationId,
    timeZone,
    role: 'participant',
    permissions: new Set(),
    sessionId: '',
    csrfToken: '',
  };
  return { deps, actor };
}

/**
 * Credentials the platform itself vouches for: valid certificates issued to the linked participant,
 * and published competition results (of the participant, or of the linked competitor's participant).
 */
export async function verifiedCredentials(
  scope: Pick<ServiceContext, 'deps' | 'actor'>,
  db: Executor,
  row: repo.ProfileWithConsent,
  today: string,
): Promise<TVerifiedCredentials> {
  const orgId = scope.actor.organizationId;
  const participantId =
    row.participantId ??
    (row.competitorId ? await repo.participantOfCompetitor(db, orgId, row.competitorId) : null);
  if (!participantId) {
    return { certificates: [], achievements: [] };
  }
  const certificates = (await repo.validCertificatesOf(db, orgId, participantId, today)).map((c) => ({
    id: c.id,
    number: c.number,
    title: parseJson<Record<string, string>>(c.programmeTitleJson, {}),
    issuedOn: c.issuedAt.slice(0, 10),
  }));
  // Inside a transaction the reads must use it (SQLite has one connection).
  const inDb = { deps: { ...scope.deps, db: db as Kysely<Database> }, actor: scope.actor };
  const achievements = (await listPublishedAchievements(inDb, { participantId })).map((a) => ({
    competitionNames: a.competitionNames,
    skillNames: a.skillNames,
    skillNumber: a.skillNumber,
    year: Number(a.endsOn.slice(0, 4)),
    points: a.points,
    position: a.position,
    medal: a.medal,
  }));
  return { certificates, achievements };
}

function childrenFor(all: Awaited<ReturnType<typeof repo.childrenOf>>, id: string): Children {
  return { skills: all.skills.get(id) ?? [], languages: all.languages.get(id) ?? [] };
}

/** Loads a full profile inside the organization. @throws NOT_FOUND */
export async function loadFullProfile(
  scope: Pick<ServiceContext, 'deps' | 'actor'>,
  db: Executor,
  id: string,
  abilities: TTalentProfile['abilities'],
): Promise<TTalentProfile> {
  const orgId = scope.actor.organizationId;
  const row = await repo.getProfile(db, orgId, id);
  if (!row) {
    throw notFound('Talent profile');
  }
  const children = childrenFor(await repo.childrenOf(db, orgId, [id]), id);
  const consents = await repo.consentsOf(db, orgId, id);
  const today = calendarDateInTimeZone(scope.deps.clock.now().toISOString(), scope.actor.timeZone);
  return presentProfile(row, children, consents, await verifiedCredentials(scope, db, row, today), abilities);
}

function abilitiesOf(ctx: ServiceContext): TTalentProfile['abilities'] {
  const manage = can(ctx, Permission.TalentManage);
  return { update: manage, manageConsent: manage, sendLink: manage, delete: manage };
}

const loadForCollege = (ctx: ServiceContext, db: Executor, id: string) =>
  loadFullProfile(ctx, db, id, abilitiesOf(ctx));

// ---------------------------------------------------------------------------------------------
// The college (talent.manage): full profiles.

export async function findProfiles(ctx: ServiceContext, q: TFindTalentProfilesQuery) {
  requirePermission(ctx, Permission.TalentManage);
  const orgId = ctx.actor.organizationId;
  const { rows, total } = await repo.findProfiles(ctx.deps.db, orgId, q);
  const children = await repo.childrenOf(
    ctx.deps.db,
    orgId,
    rows.map((r) => r.id),
  );
  return {
    data: rows.map((r) => presentSummary(r, childrenFor(children, r.id))),
    page: q.page,
    pageSize: q.pageSize,
    total,
  };
}

/** @throws NOT_FOUND */
export async function getProfile(ctx: ServiceContext, id: string): Promise<TTalentProfile> {
  requirePermission(ctx, Permission.TalentManage);
  return loadForCollege(ctx, ctx.deps.db, id);
}

/** Inserts a profile with its skills and languages; the caller owns the transaction and the audit. */
export async function insertProfile(ctx: ServiceContext, trx: Executor, input: TTalentProfileInput) {
  const id = newId();
  const now = ctx.deps.clock.now().toISOString();
  // A participant account with this e-mail, not managing another profile yet, gets this one.
  const account = await repo.freeParticipantAccount(trx, ctx.actor.organizationId, input.email);
  await trx
    .insertInto('talentProfiles')
    .values({
      id,
      organizationId: ctx.actor.organizationId,
      userId: account && account.linkedProfileId === null ? account.userId : null,
      ...repo.profileColumns(input),
      status: 'active',
      currentConsentId: null,
      createdAt: now,
      updatedAt: now,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
      version: 1,
    })
    .execute();
  await repo.replaceChildren(
    trx,
    ctx.actor.organizationId,
    id,
    storedSkills(input.skills, 'college'),
    input.languages,
  );
  return id;
}

export async function createProfile(ctx: ServiceContext, input: TTalentProfileInput) {
  requirePermission(ctx, Permission.TalentManage);
  return ctx.deps.db.transaction().execute(async (trx) => {
    await checkProfileInput(ctx, trx, input);
    const id = await insertProfile(ctx, trx, input);
    const created = await loadForCollege(ctx, trx, id);
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'talent_profile',
      entityId: id,
      after: auditSnapshot(created),
    });
    return created;
  });
}

const profileEntity: VersionedEntity<TTalentProfile> = {
  table: 'talentProfiles',
  entityType: 'talent_profile',
  load: loadForCollege,
  snapshot: auditSnapshot,
};

/** @throws NOT_FOUND, VERSION_CONFLICT, INVALID_INPUT */
export async function updateProfile(
  ctx: ServiceContext,
  id: string,
  input: { version: number; data: TTalentProfileInput },
) {
  requirePermission(ctx, Permission.TalentManage);
  return versionedChange(ctx, profileEntity, id, input.version, {
    set: async (trx) => {
      await checkProfileInput(ctx, trx, input.data);
      return repo.profileColumns(input.data);
    },
    afterSet: (trx) =>
      repo.replaceChildren(
        trx,
        ctx.actor.organizationId,
        id,
        storedSkills(input.data.skills, 'college'),
        input.data.languages,
      ),
  });
}

/**
 * Links the profile to the participant account with the profile's e-mail (or unlinks it).
 * @throws NOT_FOUND, VERSION_CONFLICT, INVALID_STATE no_email | no_participant_account,
 *   ALREADY_EXISTS (the account manages another profile)
 */
export async function linkAccount(
  ctx: ServiceContext,
  id: string,
  input: { version: number; linked: boolean },
) {
  requirePermission(ctx, Permission.TalentManage);
  return versionedChange(ctx, profileEntity, id, input.version, {
    set: async (trx, before) => {
      if (!input.linked) {
        return { userId: null };
      }
      if (!before.email) {
        throw new AppError('INVALID_STATE', 'The profile has no e-mail address', { reason: 'no_email' });
      }
      const account = await repo.freeParticipantAccount(trx, ctx.actor.organizationId, before.email);
      if (!account) {
        throw new AppError('INVALID_STATE', 'No participant account has this e-mail', {
          reason: 'no_participant_account',
        });
      }
      if (account.linkedProfileId !== null && account.linkedProfileId !== id) {
        throw new AppError('ALREADY_EXISTS', 'This account already manages another profile', {
          field: 'userId',
        });
      }
      return { userId: account.userId };
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Consent: an append-only history; the profile points at its latest row.

interface ConsentEvent {
  organizationId: string;
  profileId: string;
  via: ConsentChannel;
  note: string;
  by: string | null;
  now: string;
}

/**
 * Appends a consent and makes it current. The pointer moves by compare-and-set on the previous
 * current consent, so two concurrent changes cannot both win.
 * @throws INVALID_STATE already_consented (the same scope stands already), VERSION_CONFLICT
 */
export async function appendConsent(
  trx: Executor,
  e: ConsentEvent & { scope: 'match' | 'match_and_introduce'; locale: string },
): Promise<string> {
  const current = await repo.getProfile(trx, e.organizationId, e.profileId);
  if (!current) {
    throw notFound('Talent profile');
  }
  if (current.currentConsentId && current.consentWithdrawnAt === null && current.consentScope === e.scope) {
    throw new AppError('INVALID_STATE', 'This consent is already given', { reason: 'already_consented' });
  }
  const id = newId();
  await trx
    .insertInto('talentConsents')
    .values({
      id,
      organizationId: e.organizationId,
      profileId: e.profileId,
      purpose: 'employment_matching',
      scope: e.scope,
      noticeVersion: CONSENT_NOTICE_VERSION,
      locale: e.locale,
      givenAt: e.now,
      givenVia: e.via,
      givenNote: e.note,
      recordedBy: e.by,
      withdrawnAt: null,
      withdrawnVia: null,
      withdrawnNote: '',
      withdrawnBy: null,
    })
    .execute();
  const moved = await trx
    .updateTable('talentProfiles')
    .set({ currentConsentId: id })
    .where('id', '=', e.profileId)
    .where('organizationId', '=', e.organizationId)
    .where((eb) =>
      current.currentConsentId === null
        ? eb('currentConsentId', 'is', null)
        : eb('currentConsentId', '=', current.currentConsentId),
    )
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== 1) {
    throw new AppError('VERSION_CONFLICT', 'The consent was changed at the same time', {});
  }
  return id;
}

/**
 * Withdraws the current consent: from this moment no enterprise read returns the profile.
 * @throws INVALID_STATE not_consented
 */
export async function withdrawCurrentConsent(trx: Executor, e: ConsentEvent): Promise<void> {
  const current = await repo.getProfile(trx, e.organizationId, e.profileId);
  if (!current) {
    throw notFound('Talent profile');
  }
  const done = current.currentConsentId
    ? await trx
        .updateTable('talentConsents')
        .set({ withdrawnAt: e.now, withdrawnVia: e.via, withdrawnNote: e.note, withdrawnBy: e.by })
        .where('id', '=', current.currentConsentId)
        .where('organizationId', '=', e.organizationId)
        .where('withdrawnAt', 'is', null)
        .executeTakeFirst()
    : null;
  if (!done || Number(done.numUpdatedRows) !== 1) {
    throw new AppError('INVALID_STATE', 'There is no consent to withdraw', { reason: 'not_consented' });
  }
}

/** A coordinator records consent the person gave on a signed paper form. */
export async function recordConsent(
  ctx: ServiceContext,
  id: string,
  input: { scope: 'match' | 'match_and_introduce'; note: string },
) {
  requirePermission(ctx, Permission.TalentManage);
  return ctx.deps.db.transaction().execute(async (trx) => {
    const before = await loadForCollege(ctx, trx, id);
    await appendConsent(trx, {
      organizationId: ctx.actor.organizationId,
      profileId: id,
      scope: input.scope,
      locale: before.locale,
      via: 'coordinator_on_paper',
      note: input.note,
      by: ctx.actor.userId,
      now: ctx.deps.clock.now().toISOString(),
    });
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'talent_consent',
      entityId: id,
      after: { scope: input.scope, via: 'coordinator_on_paper' },
      reason: input.note,
    });
    return loadForCollege(ctx, trx, id);
  });
}

export async function withdrawConsent(ctx: ServiceContext, id: string, input: { note: string }) {
  requirePermission(ctx, Permission.TalentManage);
  return ctx.deps.db.transaction().execute(async (trx) => {
    await loadForCollege(ctx, trx, id);
    await withdrawCurrentConsent(trx, {
      organizationId: ctx.actor.organizationId,
      profileId: id,
      via: 'coordinator_on_paper',
      note: input.note,
      by: ctx.actor.userId,
      now: ctx.deps.clock.now().toISOString(),
    });
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'talent_consent',
      entityId: id,
      after: { withdrawn: true, via: 'coordinator_on_paper' },
      reason: input.note || null,
    });
    return loadForCollege(ctx, trx, id);
  });
}

// ---------------------------------------------------------------------------------------------
// Personal links, export, delete.

/**
 * A new personal link for the profile (earlier ones keep working until they expire); only the
 * token's hash is stored. The caller owns the transaction and mails the link.
 */
export async function issueSelfLink(ctx: ServiceContext, trx: Executor, profileId: string) {
  const token = newToken();
  const now = ctx.deps.clock.now();
  const expiresAt = new Date(now.getTime() + SELF_LINK_DAYS * 86_400_000).toISOString();
  await trx
    .insertInto('talentSelfLinks')
    .values({
      tokenHash: hashToken(token),
      organizationId: ctx.actor.organizationId,
      profileId,
      createdAt: now.toISOString(),
      expiresAt,
      createdBy: ctx.actor.userId,
    })
    .execute();
  const org = await trx
    .selectFrom('organizations')
    .select('name')
    .where('id', '=', ctx.actor.organizationId)
    .executeTakeFirstOrThrow();
  return {
    url: `${ctx.deps.config.publicUrl}/t/${token}`,
    expiresAt,
    expiresOn: addDays(todayFor(ctx), SELF_LINK_DAYS),
    organizationName: org.name,
  };
}

/**
 * Mails the owner a new personal link through the outbox, in the profile's language. Earlier
 * links keep working until they expire.
 * @throws INVALID_STATE no_email
 */
export async function sendSelfLink(ctx: ServiceContext, id: string) {
  requirePermission(ctx, Permission.TalentManage);
  const result = await ctx.deps.db.transaction().execute(async (trx) => {
    const p = await loadForCollege(ctx, trx, id);
    if (!p.email) {
      throw new AppError('INVALID_STATE', 'The profile has no e-mail address', { reason: 'no_email' });
    }
    const link = await issueSelfLink(ctx, trx, id);
    const mail = renderTalentLinkMail(p.locale, {
      organization: link.organizationName,
      name: p.nameNative || p.nameLatin,
      link: link.url,
      expires: link.expiresOn,
    });
    await ctx.deps.mailer.enqueue(trx, {
      organizationId: ctx.actor.organizationId,
      to: p.email,
      kind: TALENT_LINK_MAIL_KIND,
      ...mail,
    });
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'talent_self_link',
      entityId: id,
      after: { expiresAt: link.expiresAt },
    });
    return { sentTo: p.email, expiresAt: link.expiresAt };
  });
  await ctx.deps.mailer.flush(ctx.deps.db);
  return result;
}

/** Everything stored about the person, as the owner downloads it. */
export async function exportData(
  scope: Pick<ServiceContext, 'deps' | 'actor'>,
  db: Executor,
  id: string,
  organizationName: string,
) {
  const profile = await loadFullProfile(scope, db, id, {
    update: false,
    manageConsent: false,
    sendLink: false,
    delete: false,
  });
  const links = await db
    .selectFrom('talentSelfLinks')
    .select(['createdAt', 'expiresAt'])
    .where('organizationId', '=', scope.actor.organizationId)
    .where('profileId', '=', id)
    .orderBy('createdAt')
    .execute();
  const { abilities: _abilities, consentHistory, credentials, ...stored } = profile;
  return {
    exportedAt: scope.deps.clock.now().toISOString(),
    controller: organizationName,
    purpose: 'employment_matching',
    profile: stored,
    consentHistory,
    verifiedCredentials: credentials,
    personalLinks: links,
  };
}

export async function exportProfile(ctx: ServiceContext, id: string) {
  requirePermission(ctx, Permission.TalentManage);
  const org = await ctx.deps.db
    .selectFrom('organizations')
    .select('name')
    .where('id', '=', ctx.actor.organizationId)
    .executeTakeFirstOrThrow();
  const data = await exportData(ctx, ctx.deps.db, id, org.name);
  await recordAudit(ctx.deps.db, ctx, { action: 'export', entityType: 'talent_profile', entityId: id });
  return data;
}

/**
 * Hard delete of the person's data: the profile, its skills, languages, consent history and links,
 * and the personal-link and proposal e-mails still in the outbox. The audit log keeps one anonymous entry (audit
 * snapshots of talent profiles never hold names, e-mails or free text).
 */
export async function hardDelete(
  trx: Executor,
  e: { organizationId: string; profileId: string; email: string },
): Promise<{ skills: number; consents: number }> {
  const skills = await trx
    .selectFrom('talentProfileSkills')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('profileId', '=', e.profileId)
    .executeTakeFirstOrThrow();
  const consents = await trx
    .selectFrom('talentConsents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('profileId', '=', e.profileId)
    .executeTakeFirstOrThrow();
  if (e.email) {
    await trx
      .deleteFrom('outbox')
      .where('organizationId', '=', e.organizationId)
      .where('kind', 'in', TALENT_OWNER_MAIL_KINDS)
      .where('toAddress', '=', e.email)
      .execute();
  }
  const deleted = await trx
    .deleteFrom('talentProfiles')
    .where('id', '=', e.profileId)
    .where('organizationId', '=', e.organizationId)
    .executeTakeFirst();
  if (Number(deleted.numDeletedRows) !== 1) {
    throw notFound('Talent profile');
  }
  return { skills: Number(skills.n), consents: Number(consents.n) };
}

export async function deleteProfile(ctx: ServiceContext, id: string) {
  requirePermission(ctx, Permission.TalentManage);
  await ctx.deps.db.transaction().execute(async (trx) => {
    const row = await repo.getProfile(trx, ctx.actor.organizationId, id);
    if (!row) {
      throw notFound('Talent profile');
    }
    const counts = await hardDelete(trx, {
      organizationId: ctx.actor.organizationId,
      profileId: id,
      email: row.email,
    });
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'talent_profile',
      entityId: id,
      after: { personalDataDeleted: true, ...counts },
    });
  });
  return { ok: true as const };
}

/** The anonymous audit entry of a deletion the owner asked for through their link. */
export async function recordOwnerDeletion(
  trx: Executor,
  deps: Deps,
  e: {
    organizationId: string;
    profileId: string;
    via: 'link' | 'account';
    counts: { skills: number; consents: number };
  },
) {
  await recordAuditAs(trx, {
    organizationId: e.organizationId,
    actorId: null,
    actorEmail: null,
    at: deps.clock.now().toISOString(),
    action: 'delete',
    entityType: 'talent_profile',
    entityId: e.profileId,
    after: { personalDataDeleted: true, via: e.via === 'link' ? 'personal_link' : 'account', ...e.counts },
    reason: 'owner_request',
  });
}

// ---------------------------------------------------------------------------------------------
// Enterprises (talent.read): the consented pool, anonymised. Every read goes through
// presentAnonymised, and every query carries the consent condition in SQL.

export async function findPool(ctx: ServiceContext, q: TFindTalentPoolQuery) {
  requirePermission(ctx, Permission.TalentRead);
  const orgId = ctx.actor.organizationId;
  const { rows, total } = await repo.findPool(ctx.deps.db, orgId, q);
  const children = await repo.childrenOf(
    ctx.deps.db,
    orgId,
    rows.map((r) => r.id),
  );
  const today = todayFor(ctx);
  const data = [];
  for (const r of rows) {
    data.push(
      presentAnonymised(
        r,
        childrenFor(children, r.id),
        await verifiedCredentials(ctx, ctx.deps.db, r, today),
      ),
    );
  }
  return { data, page: q.page, pageSize: q.pageSize, total };
}

/** @throws NOT_FOUND when absent, in another organization, or without a standing consent */
export async function getPoolProfile(ctx: ServiceContext, id: string) {
  requirePermission(ctx, Permission.TalentRead);
  const orgId = ctx.actor.organizationId;
  const row = await repo.getProfile(ctx.deps.db, orgId, id, { consentedOnly: true });
  if (!row) {
    throw notFound('Talent profile');
  }
  const children = childrenFor(await repo.childrenOf(ctx.deps.db, orgId, [id]), id);
  return presentAnonymised(row, children, await verifiedCredentials(ctx, ctx.deps.db, row, todayFor(ctx)));
}
