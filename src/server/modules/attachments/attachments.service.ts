import {
  ATTACHMENT_MAX_BYTES,
  type AttachmentEntityType,
  type TAttachment,
  type TAttachmentList,
} from '../../../contracts/attachments.js';
import { Permission } from '../../../contracts/roles.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { can, requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { notFound } from '../../platform/errors.js';
import { cleanFileName } from '../../platform/files/document-types.js';
import {
  acceptDocument,
  markFileDeleted,
  readStoredFile,
  storeWithRow,
} from '../../platform/files/stored-files.js';
import { newId } from '../../platform/ids.js';
import type { AttachmentRow } from './attachments.tables.js';

/**
 * One attachments capability for every entity that keeps files: a project's documents and a
 * training programme's course materials. What differs per entity type is listed here once.
 */
const ENTITY = {
  project: {
    table: 'projects',
    read: Permission.ProjectRead,
    write: Permission.ProjectWrite,
    auditType: 'project_document',
    label: 'Project',
    itemLabel: 'Document',
  },
  programme: {
    table: 'trainingProgrammes',
    read: Permission.TrainingRead,
    write: Permission.TrainingWrite,
    auditType: 'programme_material',
    label: 'Programme',
    itemLabel: 'Material',
  },
} as const;

/** The permission that uploading to an entity type needs; routes check it before reading the file. */
export function attachmentWritePermission(type: AttachmentEntityType): Permission {
  return ENTITY[type].write;
}

export function presentAttachment(row: AttachmentRow): TAttachment {
  return {
    id: row.id,
    title: row.title,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    visibleToParticipants: row.visibleToParticipants === 1,
    uploadedAt: row.uploadedAt,
    uploadedBy: row.uploadedBy,
  };
}

/** The parent must exist in the actor's organization (checked in SQL), else 404. */
async function requireEntity(ctx: ServiceContext, db: Executor, type: AttachmentEntityType, id: string) {
  const spec = ENTITY[type];
  const row = await db
    .selectFrom(spec.table)
    .select('id')
    .where('organizationId', '=', ctx.actor.organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) {
    throw notFound(spec.label);
  }
}

function liveAttachments(db: Executor, organizationId: string, type: AttachmentEntityType, entityId: string) {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('entityType', '=', type)
    .where('entityId', '=', entityId)
    .where('deletedAt', 'is', null);
}

async function findAttachment(
  ctx: ServiceContext,
  db: Executor,
  type: AttachmentEntityType,
  entityId: string,
  attachmentId: string,
) {
  await requireEntity(ctx, db, type, entityId);
  const row = await liveAttachments(db, ctx.actor.organizationId, type, entityId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
  if (!row) {
    throw notFound(ENTITY[type].itemLabel);
  }
  return row;
}

export async function listAttachments(
  ctx: ServiceContext,
  type: AttachmentEntityType,
  entityId: string,
): Promise<TAttachmentList> {
  const spec = ENTITY[type];
  requirePermission(ctx, spec.read);
  await requireEntity(ctx, ctx.deps.db, type, entityId);
  const rows = await liveAttachments(ctx.deps.db, ctx.actor.organizationId, type, entityId)
    .orderBy('uploadedAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const write = can(ctx, spec.write);
  return { data: rows.map(presentAttachment), abilities: { upload: write, delete: write } };
}

/**
 * Stores an attachment: PDF, office documents or ZIP (by content, not by the claimed type), at
 * most 50 MiB. The bytes are written before the row and removed again when the row fails.
 * @throws FORBIDDEN, NOT_FOUND, FILE_REJECTED
 */
export async function uploadAttachment(
  ctx: ServiceContext,
  type: AttachmentEntityType,
  entityId: string,
  input: { fileName: string; bytes: Buffer; title?: string | undefined },
): Promise<TAttachment> {
  const spec = ENTITY[type];
  requirePermission(ctx, spec.write);
  await requireEntity(ctx, ctx.deps.db, type, entityId);
  const contentType = acceptDocument(input.fileName, input.bytes, ATTACHMENT_MAX_BYTES);
  const fileName = cleanFileName(input.fileName);
  return storeWithRow(ctx, input.bytes, async (trx, stored) => {
    // Again inside the transaction: the parent may have gone meanwhile.
    await requireEntity(ctx, trx, type, entityId);
    const row: AttachmentRow = {
      id: newId(),
      organizationId: ctx.actor.organizationId,
      entityType: type,
      entityId,
      title: input.title?.trim() || fileName,
      fileName,
      contentType,
      visibleToParticipants: 0,
      ...stored,
      deletedAt: null,
    };
    await trx.insertInto('attachments').values(row).execute();
    const presented = presentAttachment(row);
    await recordAudit(trx, ctx, {
      action: 'upload',
      entityType: spec.auditType,
      entityId: row.id,
      after: { [`${type}Id`]: entityId, ...presented },
    });
    return presented;
  });
}

export async function readAttachment(
  ctx: ServiceContext,
  type: AttachmentEntityType,
  entityId: string,
  attachmentId: string,
) {
  requirePermission(ctx, ENTITY[type].read);
  const row = await findAttachment(ctx, ctx.deps.db, type, entityId, attachmentId);
  return readStoredFile(ctx, row);
}

/** Marks an attachment deleted; the bytes stay on disk so the audit trail can point at them. */
export async function deleteAttachment(
  ctx: ServiceContext,
  type: AttachmentEntityType,
  entityId: string,
  attachmentId: string,
): Promise<void> {
  const spec = ENTITY[type];
  requirePermission(ctx, spec.write);
  await ctx.deps.db.transaction().execute(async (trx) => {
    const row = await findAttachment(ctx, trx, type, entityId, attachmentId);
    await markFileDeleted(ctx, trx, 'attachments', attachmentId);
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: spec.auditType,
      entityId: attachmentId,
      before: {
        [`${type}Id`]: entityId,
        title: row.title,
        fileName: row.fileName,
        sha256: row.sha256,
        storageKey: row.storageKey,
      },
    });
  });
}

/** Shows a programme material to the programme's participants in their portal, or hides it. */
export async function setMaterialVisibility(
  ctx: ServiceContext,
  programmeId: string,
  attachmentId: string,
  visibleToParticipants: boolean,
): Promise<TAttachment> {
  const spec = ENTITY.programme;
  requirePermission(ctx, spec.write);
  return ctx.deps.db.transaction().execute(async (trx) => {
    const row = await findAttachment(ctx, trx, 'programme', programmeId, attachmentId);
    const next = visibleToParticipants ? 1 : 0;
    if (row.visibleToParticipants === next) {
      return presentAttachment(row);
    }
    await trx
      .updateTable('attachments')
      .set({ visibleToParticipants: next })
      .where('id', '=', attachmentId)
      .where('organizationId', '=', ctx.actor.organizationId)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: spec.auditType,
      entityId: attachmentId,
      before: { programmeId, visibleToParticipants: row.visibleToParticipants === 1 },
      after: { programmeId, visibleToParticipants },
    });
    return presentAttachment({ ...row, visibleToParticipants: next });
  });
}

// ---------------------------------------------------------------------------------------------
// The participant portal (no session: the caller has already resolved the personal link)

/** The materials of a programme that its participants may see. */
export function visibleMaterials(db: Executor, organizationId: string, programmeId: string) {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('entityType', '=', 'programme')
    .where('entityId', '=', programmeId)
    .where('visibleToParticipants', '=', 1)
    .where('deletedAt', 'is', null)
    .orderBy('uploadedAt', 'asc')
    .orderBy('id', 'asc')
    .execute();
}

/** One visible material of that programme, else undefined. */
export function visibleMaterial(db: Executor, organizationId: string, programmeId: string, id: string) {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('entityType', '=', 'programme')
    .where('entityId', '=', programmeId)
    .where('id', '=', id)
    .where('visibleToParticipants', '=', 1)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
}
