import { z } from 'zod';
import { ZId } from './common.js';

/**
 * Attachments: files kept on a project (its documents) or on a training programme (its course
 * materials, which a participant may download through the portal when flagged visible).
 */

/** Accepted document types for uploads, by extension; the server checks the content too. */
export const DOCUMENT_FILE_EXTENSIONS = ['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'zip'] as const;

/** At most 50 MiB per attachment. */
export const ATTACHMENT_MAX_BYTES = 50 * 1024 * 1024;

export const ATTACHMENT_ENTITY_TYPES = ['project', 'programme'] as const;
export const ZAttachmentEntityType = z.enum(ATTACHMENT_ENTITY_TYPES);
export type AttachmentEntityType = z.infer<typeof ZAttachmentEntityType>;

export const ZAttachmentSchema = z.object({
  id: ZId,
  title: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  /** Only meaningful for programme materials (always false for project documents). */
  visibleToParticipants: z.boolean(),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable(),
});
export type TAttachment = z.infer<typeof ZAttachmentSchema>;

export const ZAttachmentListSchema = z.object({
  data: z.array(ZAttachmentSchema),
  abilities: z.object({ upload: z.boolean(), delete: z.boolean() }),
});
export type TAttachmentList = z.infer<typeof ZAttachmentListSchema>;

export const ZSetAttachmentVisibilityRequestSchema = z.object({ visibleToParticipants: z.boolean() });

/** The optional multipart text field `title`. */
export const ZAttachmentTitle = z.string().trim().max(200);
