import { DOCUMENT_FILE_EXTENSIONS } from '../../../contracts/attachments.js';
import type { ServiceContext } from '../context.js';
import type { Database } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import { AppError } from '../errors.js';
import { documentContentType } from './document-types.js';
import type { StoredFile } from './file-store.js';

// The steps every file kept next to a row goes through (project and programme attachments, results
// evidence, library files, agreement documents, dispute evidence): upload, download, delete. Shared
// so that all of them refuse a file with the same codes and details, none leaves a stored file
// without its row, and a deleted file's bytes stay for the audit trail everywhere.

/**
 * An empty file or one over `maxBytes` is refused before anything is stored.
 * @throws AppError FILE_REJECTED (reason size, with maxBytes)
 */
export function checkUploadSize(bytes: Buffer, maxBytes: number): void {
  if (bytes.length === 0 || bytes.length > maxBytes) {
    throw new AppError('FILE_REJECTED', 'The file is empty or too large', { reason: 'size', maxBytes });
  }
}

/**
 * The content type of an uploaded document (PDF, office document or ZIP, by content, not by the
 * claimed type) of at most `maxBytes`.
 * @throws AppError FILE_REJECTED (reason size | type)
 */
export function acceptDocument(fileName: string, bytes: Buffer, maxBytes: number): string {
  checkUploadSize(bytes, maxBytes);
  const contentType = documentContentType(fileName, bytes);
  if (!contentType) {
    throw new AppError('FILE_REJECTED', 'Only PDF, office documents and ZIP archives are accepted', {
      reason: 'type',
      accepted: DOCUMENT_FILE_EXTENSIONS,
    });
  }
  return contentType;
}

/** The columns every file row has about the stored bytes and their upload. */
export interface StoredFileColumns {
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedBy: string;
  uploadedAt: string;
}

/**
 * Writes the bytes to the file store, then runs `write` (the row and its audit entry) in one
 * transaction, with the columns of the stored file. The bytes go first so that a failure leaves at
 * worst an orphan file, never a row pointing at nothing; when the transaction fails the file is
 * removed again.
 */
export async function storeWithRow<T>(
  ctx: ServiceContext,
  bytes: Buffer,
  write: (trx: Executor, stored: StoredFileColumns) => Promise<T>,
): Promise<T> {
  const stored: StoredFile = await ctx.deps.files.put(bytes);
  try {
    return await ctx.deps.db.transaction().execute((trx) =>
      write(trx, {
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        storageKey: stored.key,
        uploadedBy: ctx.actor.userId,
        uploadedAt: ctx.deps.clock.now().toISOString(),
      }),
    );
  } catch (err) {
    await ctx.deps.files.remove(stored.key);
    throw err;
  }
}

/** A stored file's bytes with the name and type it is served under. */
export async function readStoredFile(
  ctx: ServiceContext,
  row: { fileName: string; contentType: string; storageKey: string },
): Promise<{ fileName: string; contentType: string; bytes: Buffer }> {
  return {
    fileName: row.fileName,
    contentType: row.contentType,
    bytes: await ctx.deps.files.get(row.storageKey),
  };
}

/** Tables of file rows that are marked deleted rather than removed. */
type SoftDeletedFileTable = {
  [K in keyof Database]: Database[K] extends { deletedAt: string | null; storageKey: string } ? K : never;
}[keyof Database];

/**
 * Marks a file row deleted inside the actor's organization. The row and the bytes stay, so that
 * the audit entry of the deletion can still point at them.
 */
export async function markFileDeleted(
  ctx: ServiceContext,
  trx: Executor,
  table: SoftDeletedFileTable,
  id: string,
): Promise<void> {
  await trx
    .updateTable(table)
    .set({ deletedAt: ctx.deps.clock.now().toISOString() })
    .where('id', '=', id)
    .where('organizationId', '=', ctx.actor.organizationId)
    .execute();
}
