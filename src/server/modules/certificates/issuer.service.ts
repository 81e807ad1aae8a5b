import type { TVerification } from '../../../contracts/certificates.js';
import { Permission } from '../../../contracts/roles.js';
import { OB3_CONTEXTS } from '../../../domain/certificates/ob3.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { requirePermission } from '../../platform/auth/require-permission.js';
import type { Deps, ServiceContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { verificationSummary } from './certificates.presenter.js';
import { ensureActiveKey, issuerUrls, keysOf, publishedJwk, rotateKey } from './issuer-keys.js';
import { verifyOb3Jwt } from './ob3-verifier.js';

/* ---------- signed-in: key management ---------- */

export async function listIssuerKeys(ctx: ServiceContext) {
  requirePermission(ctx, Permission.IssuerKeyManage);
  const orgId = ctx.actor.organizationId;
  const urls = issuerUrls(ctx.deps.config.publicUrl, orgId);
  const rows = await keysOf(ctx.deps.db, orgId);
  return {
    data: rows.map((r) => ({
      id: r.id,
      kid: urls.key(r.id),
      algorithm: r.algorithm,
      status: r.status,
      createdAt: r.createdAt,
      retiredAt: r.retiredAt,
    })),
    jwksUrl: urls.jwks,
  };
}

/** A new signing key; certificates signed with the old one still verify (it stays published). */
export async function rotateIssuerKey(ctx: ServiceContext) {
  requirePermission(ctx, Permission.IssuerKeyManage);
  await ctx.deps.db.transaction().execute(async (trx) => {
    const r = await rotateKey(ctx.deps, trx, ctx.actor.organizationId);
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'issuer_key',
      entityId: r.newKeyId,
      after: r,
    });
  });
  return listIssuerKeys(ctx);
}

/* ---------- public documents ---------- */

async function organization(deps: Deps, organizationId: string) {
  const org = await deps.db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('id', '=', organizationId)
    .executeTakeFirst();
  if (!org) {
    throw notFound('Organization');
  }
  return org;
}

/** The issuer Profile the credentials' `issuer.id` points at. */
export async function issuerProfile(deps: Deps, organizationId: string) {
  const org = await organization(deps, organizationId);
  const urls = issuerUrls(deps.config.publicUrl, organizationId);
  return {
    '@context': [...OB3_CONTEXTS],
    id: urls.profile,
    type: ['Profile'],
    name: org.name,
    url: deps.config.publicUrl,
  };
}

/** Every key of the organization, active and retired (a JWKS, RFC 7517). */
export async function issuerJwks(deps: Deps, organizationId: string) {
  await organization(deps, organizationId);
  if ((await keysOf(deps.db, organizationId)).length === 0) {
    await ensureActiveKey(deps, organizationId);
  }
  const rows = await keysOf(deps.db, organizationId);
  return { keys: rows.map((r) => publishedJwk(deps.config.publicUrl, r)) };
}

/** One key, at the URL that is its `kid`. */
export async function issuerKey(deps: Deps, organizationId: string, keyId: string) {
  const row = (await keysOf(deps.db, organizationId)).find((r) => r.id === keyId);
  if (!row) {
    throw notFound('Key');
  }
  return publishedJwk(deps.config.publicUrl, row);
}

/** 1EdTech Revocation List: the credentials of the organization that were revoked, with reasons. */
export async function revocationList(deps: Deps, organizationId: string) {
  await organization(deps, organizationId);
  const urls = issuerUrls(deps.config.publicUrl, organizationId);
  const rows = await deps.db
    .selectFrom('certificates')
    .select(['credentialId', 'revokedReason'])
    .where('organizationId', '=', organizationId)
    .where('status', '=', 'revoked')
    .orderBy('revokedAt')
    .execute();
  return {
    id: urls.revocations,
    issuer: urls.profile,
    revokedCredentials: rows.map((r) => ({ id: r.credentialId, revocationReason: r.revokedReason ?? '' })),
  };
}

/**
 * Resolves the URLs a credential of this server refers to without a network request; any other
 * origin is refused (the server does not fetch arbitrary URLs for anonymous callers).
 */
export function localFetchJson(deps: Deps) {
  const base = new URL(deps.config.publicUrl);
  return async (url: string): Promise<unknown> => {
    const u = new URL(url);
    if (u.origin !== base.origin) {
      throw new Error('foreign issuer');
    }
    const m =
      /^\/api\/v1\/public\/organizations\/([\w-]{1,64})\/(jwks\.json|revocations|profile|keys\/([\w-]{1,100}))$/.exec(
        u.pathname,
      );
    if (!m) {
      throw new Error('not found');
    }
    const [, orgId = '', doc, keyId] = m;
    if (doc === 'jwks.json') {
      return issuerJwks(deps, orgId);
    }
    if (doc === 'revocations') {
      return revocationList(deps, orgId);
    }
    if (doc === 'profile') {
      return issuerProfile(deps, orgId);
    }
    return issuerKey(deps, orgId, keyId ?? '');
  };
}

/** POST /public/verify: the independent verifier on a pasted VC-JWT. */
export async function verifyJwt(deps: Deps, jwt: string): Promise<TVerification> {
  const result = await verifyOb3Jwt(jwt, { fetchJson: localFetchJson(deps), now: () => deps.clock.now() });
  const foreign = result.errors.some((e) =>
    ['key_not_found', 'kid_not_issuer_origin', 'kid_or_iss_not_url'].includes(e),
  );
  const credentialId = typeof result.credential?.id === 'string' ? result.credential.id : null;
  const row =
    credentialId && result.status !== 'invalid'
      ? await deps.db
          .selectFrom('certificates')
          .selectAll()
          .where('credentialId', '=', credentialId)
          .executeTakeFirst()
      : undefined;
  return {
    status: result.status === 'invalid' && foreign ? 'unknown' : result.status,
    errors: result.errors,
    certificate: row ? verificationSummary(row) : null,
  };
}
