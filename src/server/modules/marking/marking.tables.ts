// Tables of migration 2026-11-29T0110_marking_batches (the marking module's own); the forms,
// marks, judge scores and disputes are in competitions.tables.ts.

/** One delivered batch of marks and the answer it got (idempotent replays of the offline queue). */
export interface MarkingBatchesTable {
  id: string;
  organizationId: string;
  clientBatchId: string;
  formId: string;
  userId: string;
  resultJson: string;
  createdAt: string;
}

export interface MarkingTables {
  markingBatches: MarkingBatchesTable;
}
