import type { FastifyRequest } from 'fastify';
import type { Permission } from '../../../contracts/roles.js';
import { requirePermission } from '../auth/require-permission.js';
import { AppError } from '../errors.js';
import { ctxOf } from './request-context.js';

/**
 * The permission(s) the route's service requires first, all of them. Checked again here because
 * the file is buffered before the service runs: without it anyone signed in could make the server
 * read a body of up to `maxBytes` only to be refused afterwards. The service keeps its own check.
 */
export interface UploadGuard {
  requires: Permission | readonly Permission[];
}

/**
 * Reads the single multipart file field `file` into memory, within `maxBytes`, with the text
 * fields sent before it (`fields`; a form must put them ahead of the file). The caller must be
 * signed in and hold `guard.requires` before a byte is read.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN (before reading), INVALID_INPUT when no file is sent,
 *   FILE_REJECTED (413) when it is too large
 */
export async function readUpload(
  request: FastifyRequest,
  maxBytes: number,
  guard: UploadGuard,
): Promise<{ fileName: string; mimetype: string; bytes: Buffer; fields: Record<string, string> }> {
  const ctx = ctxOf(request);
  for (const permission of typeof guard.requires === 'string' ? [guard.requires] : guard.requires) {
    requirePermission(ctx, permission);
  }
  if (!request.isMultipart()) {
    throw new AppError('INVALID_INPUT', 'Send the file as multipart/form-data in the field "file"', {
      reason: 'not_multipart',
    });
  }
  const part = await request.file({ limits: { fileSize: maxBytes } });
  if (!part) {
    throw new AppError('INVALID_INPUT', 'No file was sent', { reason: 'no_file' });
  }
  const bytes = await part.toBuffer();
  if (part.file.truncated) {
    throw new AppError(
      'FILE_REJECTED',
      `The file is larger than ${maxBytes} bytes`,
      {
        reason: 'too_large',
        maxBytes,
      },
      413,
    );
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first && first.type === 'field' && typeof first.value === 'string') {
      fields[name] = first.value;
    }
  }
  return { fileName: part.filename || 'upload', mimetype: part.mimetype, bytes, fields };
}

/** Content-Disposition for a download, with the UTF-8 name (RFC 6266) and an ASCII fallback. */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
