import type { Selectable } from 'kysely';
import type { AttachmentEntityType } from '../../../contracts/attachments.js';

export interface AttachmentsTable {
  id: string;
  organizationId: string;
  entityType: AttachmentEntityType;
  entityId: string;
  title: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  /** 0/1; only meaningful for programme materials. */
  visibleToParticipants: number;
  uploadedBy: string | null;
  uploadedAt: string;
  deletedAt: string | null;
}

export type AttachmentRow = Selectable<AttachmentsTable>;

export interface AttachmentTables {
  attachments: AttachmentsTable;
}
