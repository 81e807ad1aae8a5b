import { Permission } from '../../../contracts/roles.js';
import { CONSENT_NOTICE_VERSION, type TSelfEditable, type TSelfProfile } from '../../../contracts/talent.js';
import type { TIntroduction } from '../../../contracts/talent-demand.js';
import { recordAuditAs } from '../../platform/audit/record-audit.js';
import { requirePermission } from '../../platform/auth/require-permission.js';
import { hashToken } from '../../platform/auth/tokens.js';
import type { Deps, ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import { decideIntroduction, introductionsOf } from './shortlist.service.js';
import { collegeWording } from './skills.service.js';
import * as repo from './talent.repository.js';
import {
  appendConsent,
  exportData,
  hardDelete,
  knownSkillKeys,
  loadFullProfile,
  organizationScope,
  recordOwnerDeletion,
  selfEditableIssues,
  storedSkills,
  withdrawCurrentConsent,
} from './talent.service.js';

// The owner's self-service, reached two ways with the same rules:
// - a personal link: no account, no password. The link is the credential; only its SHA-256 hash is
//   stored. An unknown or malformed token answers 404; a known one past its expiry answers
//   TOKEN_INVALID (reason 'expired'), so the page can say "ask for a new link" rather than "this
//   link is wrong";
// - the participant's own account ("My talent profile"), when a coordinator linked the profile to it
//   (talent.self; an account without a linked profile gets 404).
// Every operation below takes a resolver of the owner, so both ways share one implementation. The
// audit entries are anonymous either way (actor null, reason 'personal_link' or 'account'): when the
// owner deletes their data, nothing in the log ties the profile to a person.

const NO_ABILITIES = { update: false, manageConsent: false, sendLink: false, delete: false };

export type OwnerChannel = 'link' | 'account';

/** The owner of one profile, as a link or an account resolved them. */
export interface Owner {
  organizationId: string;
  organizationName: string;
  timeZone: string;
  profileId: string;
  /** When the personal link stops working; null for the account. */
  linkExpiresAt: string | null;
  via: OwnerChannel;
}

/** Resolves the owner inside the transaction (or on the plain connection for reads). */
export type OwnerOf = (db: Executor) => Promise<Owner>;

async function organizationOf(db: Executor, organizationId: string) {
  return db
    .selectFrom('organizations')
    .select(['name', 'timeZone'])
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
}

/** The owner behind a personal link. @throws NOT_FOUND, TOKEN_INVALID expired */
export function byLink(deps: Deps, token: string): OwnerOf {
  return async (db) => {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) {
      throw notFound('Talent link');
    }
    const link = await db
      .selectFrom('talentSelfLinks as l')
      .innerJoin('organizations as o', 'o.id', 'l.organizationId')
      .select(['l.organizationId', 'o.name as organizationName', 'o.timeZone', 'l.profileId', 'l.expiresAt'])
      .where('l.tokenHash', '=', hashToken(token))
      .executeTakeFirst();
    if (!link) {
      throw notFound('Talent link');
    }
    if (link.expiresAt <= deps.clock.now().toISOString()) {
      throw new AppError('TOKEN_INVALID', 'This personal link has expired', { reason: 'expired' });
    }
    const { expiresAt, ...rest } = link;
    return { ...rest, linkExpiresAt: expiresAt, via: 'link' };
  };
}

/**
 * The signed-in participant, owner of the profile linked to their account in their college.
 * Only ever their own profile: the id comes from the session, never from the request.
 * @throws FORBIDDEN without talent.self, NOT_FOUND when no profile is linked to the account
 */
export function byAccount(ctx: ServiceContext): OwnerOf {
  requirePermission(ctx, Permission.TalentSelf);
  return async (db) => {
    const profileId = await repo.profileIdOfUser(db, ctx.actor.organizationId, ctx.actor.userId);
    if (!profileId) {
      throw notFound('Talent profile');
    }
    const org = await organizationOf(db, ctx.actor.organizationId);
    return {
      organizationId: ctx.actor.organizationId,
      organizationName: org.name,
      timeZone: org.timeZone,
      profileId,
      linkExpiresAt: null,
      via: 'account',
    };
  };
}

const scopeOf = (deps: Deps, owner: Owner) => organizationScope(deps, owner.organizationId, owner.timeZone);
const auditReason = (owner: Owner) => (owner.via === 'link' ? 'personal_link' : 'account');

async function present(deps: Deps, db: Executor, owner: Owner): Promise<TSelfProfile> {
  const { abilities: _none, ...profile } = await loadFullProfile(
    scopeOf(deps, owner),
    db,
    owner.profileId,
    NO_ABILITIES,
  );
  return {
    organizationName: owner.organizationName,
    linkExpiresAt: owner.linkExpiresAt,
    noticeVersion: CONSENT_NOTICE_VERSION,
    profile,
    taxonomy: await collegeWording(db, owner.organizationId),
  };
}

async function audit(
  trx: Executor,
  deps: Deps,
  owner: Owner,
  e: { action: 'update' | 'create' | 'export'; entityType: string; after?: unknown },
) {
  await recordAuditAs(trx, {
    organizationId: owner.organizationId,
    actorId: null,
    actorEmail: null,
    at: deps.clock.now().toISOString(),
    entityId: owner.profileId,
    reason: auditReason(owner),
    ...e,
  });
}

export async function getSelfProfile(deps: Deps, ownerOf: OwnerOf): Promise<TSelfProfile> {
  return present(deps, deps.db, await ownerOf(deps.db));
}

/**
 * The owner corrects skills, languages, countries and availability. Skills they change become
 * self-declared (unverified). Compare-and-set on the profile's version.
 * @throws NOT_FOUND, TOKEN_INVALID, VERSION_CONFLICT, INVALID_INPUT
 */
export async function updateSelfProfile(
  deps: Deps,
  ownerOf: OwnerOf,
  input: { version: number; data: TSelfEditable },
): Promise<TSelfProfile> {
  return deps.db.transaction().execute(async (trx) => {
    const owner = await ownerOf(trx);
    const issues = selfEditableIssues(input.data, await knownSkillKeys(trx, owner.organizationId));
    if (issues.length > 0) {
      throw new AppError('INVALID_INPUT', 'The profile has problems', { issues });
    }
    const existing = (await repo.childrenOf(trx, owner.organizationId, [owner.profileId])).skills.get(
      owner.profileId,
    );
    const updated = await trx
      .updateTable('talentProfiles')
      .set({
        ...repo.selfColumns(input.data),
        updatedAt: deps.clock.now().toISOString(),
        updatedBy: null,
        version: input.version + 1,
      })
      .where('id', '=', owner.profileId)
      .where('organizationId', '=', owner.organizationId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      const current = await repo.getProfile(trx, owner.organizationId, owner.profileId);
      throw versionConflict(current?.version ?? input.version);
    }
    await repo.replaceChildren(
      trx,
      owner.organizationId,
      owner.profileId,
      storedSkills(input.data.skills, 'owner', existing),
      input.data.languages,
    );
    await audit(trx, deps, owner, {
      action: 'update',
      entityType: 'talent_profile',
      after: {
        countries: input.data.countries,
        availableFrom: input.data.availableFrom,
        skills: input.data.skills.map((s) => `${s.skillKey}:${s.level}`),
        languages: input.data.languages.map((l) => `${l.code}:${l.cefr}`),
      },
    });
    return present(deps, trx, owner);
  });
}

/** Purpose, scope, notice version, language and date are recorded. @throws INVALID_STATE already_consented */
export async function giveSelfConsent(
  deps: Deps,
  ownerOf: OwnerOf,
  input: { scope: 'match' | 'match_and_introduce'; locale: string },
): Promise<TSelfProfile> {
  return deps.db.transaction().execute(async (trx) => {
    const owner = await ownerOf(trx);
    await appendConsent(trx, {
      organizationId: owner.organizationId,
      profileId: owner.profileId,
      scope: input.scope,
      locale: input.locale,
      via: owner.via,
      note: '',
      by: null,
      now: deps.clock.now().toISOString(),
    });
    await audit(trx, deps, owner, {
      action: 'create',
      entityType: 'talent_consent',
      after: { scope: input.scope, via: owner.via },
    });
    return present(deps, trx, owner);
  });
}

/** Takes effect at once: the next enterprise read no longer finds the profile. @throws INVALID_STATE not_consented */
export async function withdrawSelfConsent(deps: Deps, ownerOf: OwnerOf): Promise<TSelfProfile> {
  return deps.db.transaction().execute(async (trx) => {
    const owner = await ownerOf(trx);
    await withdrawCurrentConsent(trx, {
      organizationId: owner.organizationId,
      profileId: owner.profileId,
      via: owner.via,
      note: '',
      by: null,
      now: deps.clock.now().toISOString(),
    });
    await audit(trx, deps, owner, {
      action: 'update',
      entityType: 'talent_consent',
      after: { withdrawn: true, via: owner.via },
    });
    return present(deps, trx, owner);
  });
}

export async function exportSelfData(deps: Deps, ownerOf: OwnerOf) {
  const owner = await ownerOf(deps.db);
  const data = await exportData(scopeOf(deps, owner), deps.db, owner.profileId, owner.organizationName);
  await audit(deps.db, deps, owner, { action: 'export', entityType: 'talent_profile' });
  return data;
}

/** Deletes the owner's personal data for good (see hardDelete); links stop working with it. */
export async function deleteSelfProfile(deps: Deps, ownerOf: OwnerOf) {
  await deps.db.transaction().execute(async (trx) => {
    const owner = await ownerOf(trx);
    const row = await repo.getProfile(trx, owner.organizationId, owner.profileId);
    if (!row) {
      throw notFound('Talent profile');
    }
    const counts = await hardDelete(trx, {
      organizationId: owner.organizationId,
      profileId: owner.profileId,
      email: row.email,
    });
    await recordOwnerDeletion(trx, deps, {
      organizationId: owner.organizationId,
      profileId: owner.profileId,
      via: owner.via,
      counts,
    });
  });
  return { ok: true as const };
}

/** The proposals for introductions to enterprises, for the owner's "Introductions" section. */
export async function selfIntroductions(deps: Deps, ownerOf: OwnerOf): Promise<{ data: TIntroduction[] }> {
  const owner = await ownerOf(deps.db);
  return { data: await introductionsOf(deps.db, owner.organizationId, owner.profileId) };
}

/**
 * The owner agrees to be introduced to the enterprise of one posting (it then sees their name and
 * e-mail for that posting only), or declines. @throws NOT_FOUND, VERSION_CONFLICT, INVALID_STATE
 */
export async function decideSelfIntroduction(
  deps: Deps,
  ownerOf: OwnerOf,
  entryId: string,
  input: { version: number; decision: 'agree' | 'decline' },
): Promise<{ data: TIntroduction[] }> {
  return deps.db.transaction().execute(async (trx) => {
    const owner = await ownerOf(trx);
    await decideIntroduction(deps, trx, owner, auditReason(owner), entryId, input.version, input.decision);
    return { data: await introductionsOf(trx, owner.organizationId, owner.profileId) };
  });
}
