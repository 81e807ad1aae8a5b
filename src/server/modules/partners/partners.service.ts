import type { TFindPartnersQuery, TPartner, TPartnerInput } from '../../../contracts/partners.js';
import { Permission } from '../../../contracts/roles.js';
import { can, requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import {
  creationStamps,
  type VersionedEntity,
  versionedChange,
  versionedCreate,
} from '../../platform/db/versioned-change.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { todayFor } from '../../platform/today.js';
import { auditSnapshot, presentPartner, presentPartnerSummary } from './partners.presenter.js';
import * as repo from './partners.repository.js';

export async function findPartners(ctx: ServiceContext, q: TFindPartnersQuery) {
  requirePermission(ctx, Permission.PartnerRead);
  const { rows, total } = await repo.findPartners(ctx.deps.db, ctx.actor.organizationId, q, todayFor(ctx));
  return { data: rows.map(presentPartnerSummary), page: q.page, pageSize: q.pageSize, total };
}

export async function countPartnersByCountry(ctx: ServiceContext, q: repo.PartnerFilters) {
  requirePermission(ctx, Permission.PartnerRead);
  return { data: await repo.countByCountry(ctx.deps.db, ctx.actor.organizationId, q, todayFor(ctx)) };
}

async function loadPartner(ctx: ServiceContext, db: Executor, id: string): Promise<TPartner> {
  const row = await repo.getPartner(db, ctx.actor.organizationId, id, todayFor(ctx));
  if (!row) {
    throw notFound('Partner');
  }
  const children = await repo.getPartnerChildren(db, ctx.actor.organizationId, id);
  return presentPartner(row, children, {
    canUpdate: can(ctx, Permission.PartnerWrite),
    showContactDetails: can(ctx, Permission.ContactSensitiveRead),
  });
}

/** @throws NOT_FOUND when absent or in another organization */
export async function getPartner(ctx: ServiceContext, id: string): Promise<TPartner> {
  requirePermission(ctx, Permission.PartnerRead);
  return loadPartner(ctx, ctx.deps.db, id);
}

/**
 * Checks what the schema cannot: identifiers unique within the organization, and network
 * links pointing at partners of the same organization other than the partner itself.
 */
async function checkReferences(
  ctx: ServiceContext,
  trx: Executor,
  input: TPartnerInput,
  selfId: string | null,
) {
  const inUse = await repo.identifierKeysInUse(trx, ctx.actor.organizationId, selfId ?? undefined);
  const seen = new Set<string>();
  input.identifiers.forEach((ident, i) => {
    const key = repo.identifierKey(ident.scheme, ident.value);
    if (inUse.has(key) || seen.has(key)) {
      throw new AppError('ALREADY_EXISTS', 'Identifier already used by another partner', {
        issues: [{ path: ['identifiers', String(i), 'value'], message: 'identifier_taken' }],
      });
    }
    seen.add(key);
  });
  const networkIds = [...new Set(input.networkIds)];
  const known = await repo.existingPartnerIds(trx, ctx.actor.organizationId, networkIds);
  const bad = networkIds.findIndex((id) => id === selfId || !known.has(id));
  if (bad >= 0) {
    throw new AppError('INVALID_INPUT', 'Unknown network', {
      issues: [{ path: ['networkIds', String(bad)], message: 'unknown_network' }],
    });
  }
}

/** Inserts one partner with its children; the caller owns the transaction and the audit. */
export async function insertPartner(
  ctx: ServiceContext,
  trx: Executor,
  input: TPartnerInput,
): Promise<string> {
  const id = newId();
  await trx
    .insertInto('partners')
    .values({
      id,
      organizationId: ctx.actor.organizationId,
      ...repo.partnerColumns(input),
      ...creationStamps(ctx),
    })
    .execute();
  await repo.replacePartnerChildren(trx, ctx.actor.organizationId, id, input);
  return id;
}

const partnerEntity: VersionedEntity<TPartner> = {
  table: 'partners',
  entityType: 'partner',
  load: loadPartner,
  snapshot: auditSnapshot,
};

export async function createPartner(ctx: ServiceContext, input: TPartnerInput): Promise<TPartner> {
  requirePermission(ctx, Permission.PartnerWrite);
  return versionedCreate(ctx, partnerEntity, async (trx) => {
    await checkReferences(ctx, trx, input, null);
    return insertPartner(ctx, trx, input);
  });
}

export async function updatePartner(
  ctx: ServiceContext,
  id: string,
  input: { version: number; data: TPartnerInput },
) {
  requirePermission(ctx, Permission.PartnerWrite);
  return versionedChange(ctx, partnerEntity, id, input.version, {
    set: async (trx) => {
      await checkReferences(ctx, trx, input.data, id);
      return repo.partnerColumns(input.data);
    },
    afterSet: (trx) => repo.replacePartnerChildren(trx, ctx.actor.organizationId, id, input.data),
  });
}

/** Archiving hides a partner from lists but keeps it and its history (never deleted). */
export async function archivePartner(
  ctx: ServiceContext,
  id: string,
  input: { version: number; archived: boolean },
) {
  requirePermission(ctx, Permission.PartnerWrite);
  return versionedChange(
    ctx,
    partnerEntity,
    id,
    input.version,
    { set: () => ({ archivedAt: input.archived ? ctx.deps.clock.now().toISOString() : null }) },
    { action: input.archived ? 'archive' : 'restore', snapshot: (p) => ({ archived: p.archived }) },
  );
}
