import type { Selectable } from 'kysely';

// The table of migration 2026-11-29T0230_iati.

export interface IatiActivityLinksTable {
  id: string;
  organizationId: string;
  projectId: string;
  /** The identifier exactly as the imported file had it. */
  iatiIdentifier: string;
  /** IatiExtras (src/domain/iati/project-mapping.ts) as JSON. */
  extrasJson: string;
  sourceFileName: string;
  importedAt: string;
  importedBy: string | null;
}

export type IatiActivityLinkRow = Selectable<IatiActivityLinksTable>;

export interface IatiTables {
  iatiActivityLinks: IatiActivityLinksTable;
}
