import { AGREEMENT_DOCUMENT_MAX_BYTES } from '../../../contracts/agreements.js';
import { Permission } from '../../../contracts/roles.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { cleanFileName } from '../../platform/files/document-types.js';
import {
  checkUploadSize,
  markFileDeleted,
  readStoredFile,
  storeWithRow,
} from '../../platform/files/stored-files.js';
import { newId } from '../../platform/ids.js';
import * as repo from './agreements.repository.js';

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/** A PDF starts with `%PDF-` within its first KiB (the spec tolerates leading junk). */
export function looksLikePdf(bytes: Buffer): boolean {
  return bytes.subarray(0, 1024).includes(PDF_MAGIC);
}

/**
 * Stores a signed-agreement scan. Only PDFs, by content and not by the claimed type, and at most
 * 20 MiB. The bytes are written before the row, so a failure leaves at worst an orphan file
 * (never a row pointing at nothing), and the file is removed again when the row fails.
 * @throws FILE_REJECTED, NOT_FOUND
 */
export async function uploadAgreementDocument(
  ctx: ServiceContext,
  agreementId: string,
  file: { fileName: string; bytes: Buffer },
) {
  requirePermission(ctx, Permission.AgreementWrite);
  const agreement = await repo.getAgreement(ctx.deps.db, ctx.actor.organizationId, agreementId);
  if (!agreement) {
    throw notFound('Agreement');
  }
  checkUploadSize(file.bytes, AGREEMENT_DOCUMENT_MAX_BYTES);
  if (!looksLikePdf(file.bytes)) {
    throw new AppError('FILE_REJECTED', 'Only PDF documents are accepted', {
      reason: 'type',
      accepted: ['application/pdf'],
    });
  }
  return storeWithRow(ctx, file.bytes, async (trx, stored) => {
    const doc = {
      id: newId(),
      organizationId: ctx.actor.organizationId,
      agreementId,
      fileName: cleanFileName(file.fileName, 'document.pdf'),
      contentType: 'application/pdf',
      ...stored,
      deletedAt: null,
    };
    await trx.insertInto('agreementDocuments').values(doc).execute();
    const presented = {
      id: doc.id,
      fileName: doc.fileName,
      contentType: doc.contentType,
      sizeBytes: doc.sizeBytes,
      sha256: doc.sha256,
      uploadedAt: doc.uploadedAt,
    };
    await recordAudit(trx, ctx, {
      action: 'upload',
      entityType: 'agreement_document',
      entityId: doc.id,
      after: { agreementId, ...presented },
    });
    return presented;
  });
}

export async function readAgreementDocument(ctx: ServiceContext, agreementId: string, documentId: string) {
  requirePermission(ctx, Permission.AgreementDocumentRead);
  const doc = await repo.getDocument(ctx.deps.db, ctx.actor.organizationId, agreementId, documentId);
  if (!doc) {
    throw notFound('Document');
  }
  return readStoredFile(ctx, doc);
}

/** Removes a document from the agreement; the bytes stay on disk so the audit trail can point at them. */
export async function deleteAgreementDocument(ctx: ServiceContext, agreementId: string, documentId: string) {
  requirePermission(ctx, Permission.AgreementWrite);
  await ctx.deps.db.transaction().execute(async (trx) => {
    const doc = await repo.getDocument(trx, ctx.actor.organizationId, agreementId, documentId);
    if (!doc) {
      throw notFound('Document');
    }
    await markFileDeleted(ctx, trx, 'agreementDocuments', documentId);
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'agreement_document',
      entityId: documentId,
      before: { agreementId, fileName: doc.fileName, sha256: doc.sha256, storageKey: doc.storageKey },
    });
  });
}
