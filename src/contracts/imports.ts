import { z } from 'zod';

/**
 * The query of an import's commit. A file already imported into the same place answers 409
 * INVALID_STATE with {@link AlreadyImportedDetails}; `allowRepeat=true` imports it again anyway
 * (the user confirmed it).
 */
export const ZImportCommitQuerySchema = z.object({
  allowRepeat: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: import the file even if the same file was already imported here'),
});
export type TImportCommitQuery = z.infer<typeof ZImportCommitQuerySchema>;

/** `details` of the 409 INVALID_STATE answer to a file that was already imported. */
export interface AlreadyImportedDetails {
  reason: 'already_imported';
  /** When the file was last imported (ISO 8601). */
  importedAt: string;
  /** The e-mail of who imported it. */
  importedBy: string | null;
  /** How many rows that import wrote. */
  rows: number;
}
