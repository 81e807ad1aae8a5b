import type { Generated, Selectable } from 'kysely';

/** Per college: its own labels for ISCO-08 groups and starter entries, and ESCO URI confirmations. */
export interface TaxonomyOverridesTable {
  id: string;
  organizationId: string;
  /** 'isco:<code>' or the key of a starter entry. */
  itemKey: string;
  labelsJson: Generated<string>;
  escoUri: string | null;
  escoConfirmedAt: string | null;
  escoConfirmedBy: string | null;
  escoNote: Generated<string>;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
  version: Generated<number>;
}

export type TaxonomyOverrideRow = Selectable<TaxonomyOverridesTable>;
