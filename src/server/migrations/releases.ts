/**
 * Released schemas, oldest first. Each release's last migration is the boundary its installations
 * upgrade from; its upgrade fixture (real data at that schema, see upgrade-fixtures/README.md) is
 * loaded at the boundary and migrated to the latest schema by upgrade.test.ts. Add a line (and a
 * fixture) for every release.
 */
export interface Release {
  /** Commit of the release on main. */
  commit: string;
  /** Name of the newest migration the release ships. */
  lastMigration: string;
  /** File in upgrade-fixtures/. */
  fixture: string;
}

export const RELEASES: readonly Release[] = [
  { commit: 'c112707', lastMigration: '2026-11-29T0310_talent_demand', fixture: 'release-c112707.json.gz' },
];
