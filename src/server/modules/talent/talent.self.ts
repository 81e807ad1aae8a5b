import { CONSENT_NOTICE_VERSION, type TSelfEditable, type TSelfProfile } from '../../../contracts/talent.js';
import type { TIntroduction } from '../../../contracts/talent-demand.js';
import { recordAuditAs } from '../../platform/audit/record-audit.js';
import { hashToken } from '../../platform/auth/tokens.js';
import type { Deps } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import { decideIntroduction, introductionsOf } from './shortlist.service.js';
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

// The owner's self-service through a personal link: no account, no password. The link is the
// credential; only its SHA-256 hash is stored. An unknown or malformed token answers 404; a known
// one past its expiry answers TOKEN_INVALID (reason 'expired'), so the page can say "ask for a new
// link" rather than "this link is wrong".

const NO_ABILITIES = { update: false, manageConsent: false, sendLink: false, delete: false };

interface Link {
  organizationId: string;
  organizationName: string;
  timeZone: string;
  profileId: string;
  expiresAt: string;
}

async function linkOf(deps: Deps, db: Executor, token: string): Promise<Link> {
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
  return link;
}

const scopeOf = (deps: Deps, link: Link) => organizationScope(deps, link.organizationId, link.timeZone);

async function present(deps: Deps, db: Executor, link: Link): Promise<TSelfProfile> {
  const { abilities: _none, ...profile } = await loadFullProfile(
    scopeOf(deps, link),
    db,
    link.profileId,
    NO_ABILITIES,
  );
  return {
    organizationName: link.organizationName,
    linkExpiresAt: link.expiresAt,
    noticeVersion: CONSENT_NOTICE_VERSION,
    profile,
  };
}

async function audit(
  trx: Executor,
  deps: Deps,
  link: Link,
  e: { action: 'update' | 'create' | 'export'; entityType: string; after?: unknown },
) {
  await recordAuditAs(trx, {
    organizationId: link.organizationId,
    actorId: null,
    actorEmail: null,
    at: deps.clock.now().toISOString(),
    entityId: link.profileId,
    reason: 'personal_link',
    ...e,
  });
}

export async function getSelfProfile(deps: Deps, token: string): Promise<TSelfProfile> {
  const link = await linkOf(deps, deps.db, token);
  return present(deps, deps.db, link);
}

/**
 * The owner corrects skills, languages, countries and availability. Skills they change become
 * self-declared (unverified). Compare-and-set on the profile's version.
 * @throws NOT_FOUND, TOKEN_INVALID, VERSION_CONFLICT, INVALID_INPUT
 */
export async function updateSelfProfile(
  deps: Deps,
  token: string,
  input: { version: number; data: TSelfEditable },
): Promise<TSelfProfile> {
  return deps.db.transaction().execute(async (trx) => {
    const link = await linkOf(deps, trx, token);
    const issues = selfEditableIssues(input.data, await knownSkillKeys(trx, link.organizationId));
    if (issues.length > 0) {
      throw new AppError('INVALID_INPUT', 'The profile has problems', { issues });
    }
    const existing = (await repo.childrenOf(trx, link.organizationId, [link.profileId])).skills.get(
      link.profileId,
    );
    const updated = await trx
      .updateTable('talentProfiles')
      .set({
        ...repo.selfColumns(input.data),
        updatedAt: deps.clock.now().toISOString(),
        updatedBy: null,
        version: input.version + 1,
      })
      .where('id', '=', link.profileId)
      .where('organizationId', '=', link.organizationId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      const current = await repo.getProfile(trx, link.organizationId, link.profileId);
      throw versionConflict(current?.version ?? input.version);
    }
    await repo.replaceChildren(
      trx,
      link.organizationId,
      link.profileId,
      storedSkills(input.data.skills, 'owner', existing),
      input.data.languages,
    );
    await audit(trx, deps, link, {
      action: 'update',
      entityType: 'talent_profile',
      after: {
        countries: input.data.countries,
        availableFrom: input.data.availableFrom,
        skills: input.data.skills.map((s) => `${s.skillKey}:${s.level}`),
        languages: input.data.languages.map((l) => `${l.code}:${l.cefr}`),
      },
    });
    return present(deps, trx, link);
  });
}

/** @throws INVALID_STATE already_consented */
export async function giveSelfConsent(
  deps: Deps,
  token: string,
  input: { scope: 'match' | 'match_and_introduce'; locale: string },
): Promise<TSelfProfile> {
  return deps.db.transaction().execute(async (trx) => {
    const link = await linkOf(deps, trx, token);
    await appendConsent(trx, {
      organizationId: link.organizationId,
      profileId: link.profileId,
      scope: input.scope,
      locale: input.locale,
      via: 'link',
      note: '',
      by: null,
      now: deps.clock.now().toISOString(),
    });
    await audit(trx, deps, link, {
      action: 'create',
      entityType: 'talent_consent',
      after: { scope: input.scope, via: 'link' },
    });
    return present(deps, trx, link);
  });
}

/** Takes effect at once: the next enterprise read no longer finds the profile. @throws INVALID_STATE not_consented */
export async function withdrawSelfConsent(deps: Deps, token: string): Promise<TSelfProfile> {
  return deps.db.transaction().execute(async (trx) => {
    const link = await linkOf(deps, trx, token);
    await withdrawCurrentConsent(trx, {
      organizationId: link.organizationId,
      profileId: link.profileId,
      via: 'link',
      note: '',
      by: null,
      now: deps.clock.now().toISOString(),
    });
    await audit(trx, deps, link, {
      action: 'update',
      entityType: 'talent_consent',
      after: { withdrawn: true, via: 'link' },
    });
    return present(deps, trx, link);
  });
}

export async function exportSelfData(deps: Deps, token: string) {
  const link = await linkOf(deps, deps.db, token);
  const data = await exportData(scopeOf(deps, link), deps.db, link.profileId, link.organizationName);
  await audit(deps.db, deps, link, { action: 'export', entityType: 'talent_profile' });
  return data;
}

/** Deletes the owner's personal data for good (see hardDelete); the link stops working with it. */
export async function deleteSelfProfile(deps: Deps, token: string) {
  await deps.db.transaction().execute(async (trx) => {
    const link = await linkOf(deps, trx, token);
    const row = await repo.getProfile(trx, link.organizationId, link.profileId);
    if (!row) {
      throw notFound('Talent profile');
    }
    const counts = await hardDelete(trx, {
      organizationId: link.organizationId,
      profileId: link.profileId,
      email: row.email,
    });
    await recordOwnerDeletion(trx, deps, {
      organizationId: link.organizationId,
      profileId: link.profileId,
      counts,
    });
  });
  return { ok: true as const };
}

/** The proposals for introductions to enterprises, for the owner's "Introductions" section. */
export async function selfIntroductions(deps: Deps, token: string): Promise<{ data: TIntroduction[] }> {
  const link = await linkOf(deps, deps.db, token);
  return { data: await introductionsOf(deps.db, link.organizationId, link.profileId) };
}

/**
 * The owner agrees to be introduced to the enterprise of one posting (it then sees their name and
 * e-mail for that posting only), or declines. @throws NOT_FOUND, VERSION_CONFLICT, INVALID_STATE
 */
export async function decideSelfIntroduction(
  deps: Deps,
  token: string,
  entryId: string,
  input: { version: number; decision: 'agree' | 'decline' },
): Promise<{ data: TIntroduction[] }> {
  return deps.db.transaction().execute(async (trx) => {
    const link = await linkOf(deps, trx, token);
    await decideIntroduction(deps, trx, link, entryId, input.version, input.decision);
    return { data: await introductionsOf(trx, link.organizationId, link.profileId) };
  });
}
