import {
  RESOURCE_FILE_MAX_BYTES,
  type TFindResourcesQuery,
  type TResource,
  type TResourceInput,
} from '../../../contracts/library.js';
import { Permission } from '../../../contracts/roles.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { can, requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import {
  creationStamps,
  type VersionedEntity,
  versionedChange,
  versionedCreate,
} from '../../platform/db/versioned-change.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import { cleanFileName } from '../../platform/files/document-types.js';
import { acceptDocument, readStoredFile, storeWithRow } from '../../platform/files/stored-files.js';
import { newId } from '../../platform/ids.js';
import { existingPartnerIds } from '../partners/partners.repository.js';
import { presentResource } from './library.presenter.js';
import * as repo from './library.repository.js';
import type { ResourceRow } from './library.tables.js';

/**
 * Staff with `resource.read` see every resource of the organization; a partner user (only
 * `resource.read_shared`) sees those shared with a partner they are linked to, and nothing else:
 * anything else answers 404, exactly as an id that does not exist.
 * @throws FORBIDDEN
 */
export function viewerOf(ctx: ServiceContext): repo.ResourceViewer {
  if (can(ctx, Permission.ResourceRead)) {
    return { organizationId: ctx.actor.organizationId, sharedWithUserId: null };
  }
  requirePermission(ctx, Permission.ResourceReadShared);
  return { organizationId: ctx.actor.organizationId, sharedWithUserId: ctx.actor.userId };
}

function abilitiesFor(ctx: ServiceContext): TResource['abilities'] {
  return { update: can(ctx, Permission.ResourceWrite), share: can(ctx, Permission.ResourceShare) };
}

async function presentMany(ctx: ServiceContext, db: Executor, rows: ResourceRow[]): Promise<TResource[]> {
  const ids = rows.map((r) => r.id);
  const org = ctx.actor.organizationId;
  const abilities = abilitiesFor(ctx);
  const [versions, files, shares] = await Promise.all([
    repo.versionsOf(db, org, ids),
    repo.filesOf(db, org, ids),
    abilities.share ? repo.sharesOf(db, org, ids) : Promise.resolve([]),
  ]);
  return rows.map((row) =>
    presentResource(
      row,
      {
        versions: versions.filter((v) => v.resourceId === row.id),
        files: files.filter((f) => f.resourceId === row.id),
        shares: shares.filter((s) => s.resourceId === row.id),
      },
      abilities,
    ),
  );
}

async function loadResource(ctx: ServiceContext, db: Executor, id: string): Promise<TResource> {
  const row = await repo.getResource(db, viewerOf(ctx), id);
  if (!row) {
    throw notFound('Resource');
  }
  const [presented] = await presentMany(ctx, db, [row]);
  if (!presented) {
    throw notFound('Resource');
  }
  return presented;
}

const snapshot = ({ abilities: _a, versions: _v, shares: _s, ...rest }: TResource) => rest;

export async function findResources(ctx: ServiceContext, q: TFindResourcesQuery) {
  const viewer = viewerOf(ctx);
  const { rows, total } = await repo.findResources(ctx.deps.db, viewer, q);
  return { data: await presentMany(ctx, ctx.deps.db, rows), page: q.page, pageSize: q.pageSize, total };
}

export async function getResource(ctx: ServiceContext, id: string) {
  viewerOf(ctx);
  return loadResource(ctx, ctx.deps.db, id);
}

const resourceEntity: VersionedEntity<TResource> = {
  table: 'resources',
  entityType: 'resource',
  load: loadResource,
  snapshot,
};

export async function createResource(ctx: ServiceContext, input: TResourceInput) {
  requirePermission(ctx, Permission.ResourceWrite);
  return versionedCreate(ctx, resourceEntity, async (trx) => {
    const id = newId();
    await trx
      .insertInto('resources')
      .values({
        id,
        organizationId: ctx.actor.organizationId,
        ...repo.resourceColumns(input),
        ...creationStamps(ctx),
      })
      .execute();
    return id;
  });
}

export async function updateResource(
  ctx: ServiceContext,
  id: string,
  input: { version: number; data: TResourceInput },
) {
  requirePermission(ctx, Permission.ResourceWrite);
  return versionedChange(ctx, resourceEntity, id, input.version, {
    set: () => repo.resourceColumns(input.data),
  });
}

/** Deletes a resource with its versions, file rows and shares; stored bytes stay for the audit trail. */
export async function deleteResource(ctx: ServiceContext, id: string, version: number) {
  requirePermission(ctx, Permission.ResourceWrite);
  await ctx.deps.db.transaction().execute(async (trx) => {
    const before = await loadResource(ctx, trx, id);
    if (before.version !== version) {
      throw versionConflict(before.version);
    }
    await trx
      .deleteFrom('resources')
      .where('id', '=', id)
      .where('organizationId', '=', ctx.actor.organizationId)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'resource',
      entityId: id,
      before: { ...snapshot(before), versions: before.versions },
    });
  });
}

export async function createResourceVersion(
  ctx: ServiceContext,
  resourceId: string,
  input: { label: string; changelog: string; publishedOn: string | null },
) {
  requirePermission(ctx, Permission.ResourceWrite);
  return ctx.deps.db.transaction().execute(async (trx) => {
    const resource = await loadResource(ctx, trx, resourceId);
    if (resource.versions.some((v) => v.label === input.label)) {
      throw new AppError('ALREADY_EXISTS', 'This version label is taken', {
        issues: [{ path: ['label'], message: 'version_label_taken' }],
      });
    }
    const id = newId();
    await trx
      .insertInto('resourceVersions')
      .values({
        id,
        organizationId: ctx.actor.organizationId,
        resourceId,
        versionLabel: input.label,
        changelog: input.changelog,
        publishedOn: input.publishedOn,
        createdBy: ctx.actor.userId,
        createdAt: ctx.deps.clock.now().toISOString(),
      })
      .execute();
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'resource_version',
      entityId: id,
      after: { resourceId, ...input },
    });
    return loadResource(ctx, trx, resourceId);
  });
}

// ---------------------------------------------------------------------------------------------
// Files

/**
 * Stores the file of one language of one version. The bytes are written before the row and
 * removed again when the row fails. A language already present is 409 (delete it first).
 * @throws FILE_REJECTED, NOT_FOUND, ALREADY_EXISTS
 */
export async function uploadResourceFile(
  ctx: ServiceContext,
  resourceId: string,
  versionId: string,
  language: string,
  file: { fileName: string; bytes: Buffer },
) {
  requirePermission(ctx, Permission.ResourceWrite);
  const resource = await loadResource(ctx, ctx.deps.db, resourceId);
  const version = resource.versions.find((v) => v.id === versionId);
  if (!version) {
    throw notFound('Version');
  }
  const contentType = acceptDocument(file.fileName, file.bytes, RESOURCE_FILE_MAX_BYTES);
  if (version.files.some((f) => f.language === language)) {
    throw new AppError('ALREADY_EXISTS', 'This version already has a file in this language', {
      issues: [{ path: ['language'], message: 'language_file_exists' }],
    });
  }
  return storeWithRow(ctx, file.bytes, async (trx, stored) => {
    const row = {
      id: newId(),
      organizationId: ctx.actor.organizationId,
      resourceId,
      versionId,
      language,
      fileName: cleanFileName(file.fileName),
      contentType,
      ...stored,
    };
    await trx.insertInto('resourceFiles').values(row).execute();
    await recordAudit(trx, ctx, {
      action: 'upload',
      entityType: 'resource_file',
      entityId: row.id,
      after: {
        resourceId,
        versionId,
        versionLabel: version.label,
        language,
        fileName: row.fileName,
        sha256: row.sha256,
        sizeBytes: row.sizeBytes,
      },
    });
    return loadResource(ctx, trx, resourceId);
  });
}

async function findFile(ctx: ServiceContext, db: Executor, resourceId: string, fileId: string) {
  // Visibility first: a partner user must see the resource before any of its files.
  const resource = await repo.getResource(db, viewerOf(ctx), resourceId);
  if (!resource) {
    throw notFound('Resource');
  }
  const file = await db
    .selectFrom('resourceFiles')
    .selectAll()
    .where('organizationId', '=', ctx.actor.organizationId)
    .where('resourceId', '=', resourceId)
    .where('id', '=', fileId)
    .executeTakeFirst();
  if (!file) {
    throw notFound('File');
  }
  return file;
}

export async function readResourceFile(ctx: ServiceContext, resourceId: string, fileId: string) {
  const file = await findFile(ctx, ctx.deps.db, resourceId, fileId);
  return readStoredFile(ctx, file);
}

/** Removes a language file from a version; the bytes stay on disk so the audit trail can point at them. */
export async function deleteResourceFile(ctx: ServiceContext, resourceId: string, fileId: string) {
  requirePermission(ctx, Permission.ResourceWrite);
  return ctx.deps.db.transaction().execute(async (trx) => {
    const file = await findFile(ctx, trx, resourceId, fileId);
    await trx
      .deleteFrom('resourceFiles')
      .where('id', '=', fileId)
      .where('organizationId', '=', ctx.actor.organizationId)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'resource_file',
      entityId: fileId,
      before: {
        resourceId,
        versionId: file.versionId,
        language: file.language,
        fileName: file.fileName,
        sha256: file.sha256,
        storageKey: file.storageKey,
      },
    });
    return loadResource(ctx, trx, resourceId);
  });
}

// ---------------------------------------------------------------------------------------------
// Shares

export async function shareResource(ctx: ServiceContext, resourceId: string, partnerId: string) {
  requirePermission(ctx, Permission.ResourceShare);
  return ctx.deps.db.transaction().execute(async (trx) => {
    const resource = await loadResource(ctx, trx, resourceId);
    const known = await existingPartnerIds(trx, ctx.actor.organizationId, [partnerId]);
    if (!known.has(partnerId)) {
      throw new AppError('INVALID_INPUT', 'Unknown partner', {
        issues: [{ path: ['partnerId'], message: 'unknown_partner' }],
      });
    }
    if (resource.shares.some((s) => s.partnerId === partnerId)) {
      return resource;
    }
    await trx
      .insertInto('resourceShares')
      .values({
        organizationId: ctx.actor.organizationId,
        resourceId,
        partnerId,
        sharedBy: ctx.actor.userId,
        sharedAt: ctx.deps.clock.now().toISOString(),
      })
      .execute();
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'resource_share',
      entityId: resourceId,
      after: { resourceId, partnerId },
    });
    return loadResource(ctx, trx, resourceId);
  });
}

export async function unshareResource(ctx: ServiceContext, resourceId: string, partnerId: string) {
  requirePermission(ctx, Permission.ResourceShare);
  return ctx.deps.db.transaction().execute(async (trx) => {
    const resource = await loadResource(ctx, trx, resourceId);
    if (!resource.shares.some((s) => s.partnerId === partnerId)) {
      throw notFound('Share');
    }
    await trx
      .deleteFrom('resourceShares')
      .where('organizationId', '=', ctx.actor.organizationId)
      .where('resourceId', '=', resourceId)
      .where('partnerId', '=', partnerId)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'resource_share',
      entityId: resourceId,
      before: { resourceId, partnerId },
    });
    return loadResource(ctx, trx, resourceId);
  });
}
