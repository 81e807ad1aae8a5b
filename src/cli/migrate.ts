import { type Kysely, Migrator } from 'kysely';
import { migrations } from '../server/migrations/index.js';
import type { AppConfig } from '../server/platform/config.js';
import { createDb } from '../server/platform/db/create-db.js';
import type { Database } from '../server/platform/db/database.js';
import { migrateDown, migrateToLatest } from '../server/platform/db/migrate.js';

export type MigrateAction = 'up' | 'down' | 'status';

export interface MigrationState {
  name: string;
  /** ISO time it was applied, or null while pending. */
  appliedAt: string | null;
}

/** Every migration this release knows, oldest first, with when (if ever) it was applied. */
export async function migrationStatus(db: Kysely<Database>): Promise<MigrationState[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const infos = await migrator.getMigrations();
  return infos.map((m) => ({ name: m.name, appliedAt: m.executedAt ? m.executedAt.toISOString() : null }));
}

/**
 * Names of migrations recorded as applied in the database, oldest first, including any this
 * release does not know (a database written by a newer release). Empty when never migrated.
 */
export async function appliedMigrationNames(db: Kysely<Database>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) {
    return [];
  }
  const rows = await db
    .withTables<{ kyselyMigration: { name: string; timestamp: string } }>()
    .selectFrom('kyselyMigration')
    .select(['name', 'timestamp'])
    .orderBy('timestamp')
    .orderBy('name')
    .execute();
  return rows.map((r) => r.name);
}

/** Migration names this release ships, oldest first. */
export function knownMigrationNames(): string[] {
  return Object.keys(migrations).sort();
}

/** `migrate up|down|status` against the configured database; returns the lines to print. */
export async function runMigrate(config: AppConfig, action: MigrateAction): Promise<string[]> {
  const handle = createDb(config.databaseUrl);
  try {
    if (action === 'up') {
      const done = await migrateToLatest(handle.db);
      return done.length > 0 ? done : ['Already up to date: no pending migrations.'];
    }
    if (action === 'down') {
      const done = await migrateDown(handle.db);
      return done.length > 0 ? done : ['Nothing to revert: no migration is applied.'];
    }
    const status = await migrationStatus(handle.db);
    const pending = status.filter((m) => m.appliedAt === null).length;
    return [
      ...status.map((m) => (m.appliedAt ? `applied  ${m.name}  (${m.appliedAt})` : `pending  ${m.name}`)),
      `${status.length - pending} applied, ${pending} pending (${handle.dialect})`,
    ];
  } finally {
    await handle.close();
  }
}
