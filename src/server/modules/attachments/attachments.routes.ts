import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ATTACHMENT_MAX_BYTES,
  type AttachmentEntityType,
  ZAttachmentListSchema,
  ZAttachmentSchema,
  ZAttachmentTitle,
  ZSetAttachmentVisibilityRequestSchema,
} from '../../../contracts/attachments.js';
import { ZId, ZIdParams, ZOk } from '../../../contracts/common.js';
import { AppError } from '../../platform/errors.js';
import { ctxOf } from '../../platform/http/request-context.js';
import { attachment, readUpload } from '../../platform/http/uploads.js';
import * as attachments from './attachments.service.js';

const ZItemParams = z.object({ id: ZId, docId: ZId });

/**
 * Project documents (`/projects/:id/documents`) and programme course materials
 * (`/training/programmes/:id/materials`): the same endpoints over one attachments service.
 */
export async function attachmentsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const mount = (type: AttachmentEntityType, base: string, tag: string) => {
    const tags = [tag];
    r.get(
      base,
      { schema: { tags, params: ZIdParams, response: { 200: ZAttachmentListSchema } } },
      async (req) => attachments.listAttachments(ctxOf(req), type, req.params.id),
    );
    r.post(
      base,
      {
        schema: {
          tags,
          params: ZIdParams,
          consumes: ['multipart/form-data'],
          description: 'Multipart: optional text field `title` (before the file), then the file in `file`.',
          response: { 201: ZAttachmentSchema },
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        const upload = await readUpload(req, ATTACHMENT_MAX_BYTES, {
          requires: attachments.attachmentWritePermission(type),
        });
        const title = ZAttachmentTitle.safeParse(upload.fields.title ?? '');
        if (!title.success) {
          throw new AppError('INVALID_INPUT', 'The title is too long', {
            issues: [{ path: ['title'], message: 'too_long' }],
          });
        }
        const created = await attachments.uploadAttachment(ctx, type, req.params.id, {
          fileName: upload.fileName,
          bytes: upload.bytes,
          title: title.data,
        });
        return reply.code(201).send(created);
      },
    );
    r.get(`${base}/:docId`, { schema: { tags, params: ZItemParams } }, async (req, reply) => {
      const f = await attachments.readAttachment(ctxOf(req), type, req.params.id, req.params.docId);
      return reply
        .type(f.contentType)
        .header('content-disposition', attachment(f.fileName))
        .header('cache-control', 'private, no-store')
        .send(f.bytes);
    });
    r.delete(
      `${base}/:docId`,
      { schema: { tags, params: ZItemParams, response: { 200: ZOk } } },
      async (req) => {
        await attachments.deleteAttachment(ctxOf(req), type, req.params.id, req.params.docId);
        return { ok: true as const };
      },
    );
  };

  mount('project', '/projects/:id/documents', 'projects');
  mount('programme', '/training/programmes/:id/materials', 'training');

  r.patch(
    '/training/programmes/:id/materials/:docId',
    {
      schema: {
        tags: ['training'],
        params: ZItemParams,
        body: ZSetAttachmentVisibilityRequestSchema,
        response: { 200: ZAttachmentSchema },
      },
    },
    async (req) =>
      attachments.setMaterialVisibility(
        ctxOf(req),
        req.params.id,
        req.params.docId,
        req.body.visibleToParticipants,
      ),
  );
}
