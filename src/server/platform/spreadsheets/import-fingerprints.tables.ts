/** A file an organization imported (migration 2026-11-29T0340_import_fingerprints). */
export interface ImportFingerprintsTable {
  id: string;
  organizationId: string;
  kind: string;
  target: string;
  sha256: string;
  fileName: string;
  rowCount: number;
  importedAt: string;
  /** The e-mail of who imported it last. */
  importedBy: string | null;
}

export interface ImportFingerprintTables {
  importFingerprints: ImportFingerprintsTable;
}
