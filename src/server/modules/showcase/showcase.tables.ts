import type { Selectable } from 'kysely';

// The table of migration 2026-11-29T0250_showcase (the flags on projects and resources are declared
// with those tables). JSON columns are text; 0/1 are flags.

export interface ShowcasesTable {
  id: string;
  organizationId: string;
  enabled: number;
  slug: string;
  namesJson: string;
  introJson: string;
  sectionsJson: string;
  figuresJson: string;
  contactEmail: string;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
  version: number;
}

export type ShowcaseRow = Selectable<ShowcasesTable>;

export interface ShowcaseTables {
  showcases: ShowcasesTable;
}
