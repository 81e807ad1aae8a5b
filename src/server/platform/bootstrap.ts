import { type Clock, systemClock } from './clock.js';
import type { AppConfig } from './config.js';
import type { Deps } from './context.js';
import { createDb, type DbHandle } from './db/create-db.js';
import { migrateToLatest } from './db/migrate.js';
import { createFileStore } from './files/create-file-store.js';
import { createMailer } from './mail/mailer.js';

/** Opens the database, applies pending migrations and wires the I/O adapters. */
export async function createDeps(
  config: AppConfig,
  clock: Clock = systemClock,
): Promise<{ deps: Deps; handle: DbHandle; migrated: string[] }> {
  const files = await createFileStore(config);
  const handle = createDb(config.databaseUrl);
  const migrated = await migrateToLatest(handle.db);
  const deps: Deps = {
    db: handle.db,
    dialect: handle.dialect,
    clock,
    config,
    mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, clock }),
    files,
  };
  return { deps, handle, migrated };
}
