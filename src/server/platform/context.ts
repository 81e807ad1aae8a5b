import type { Kysely } from 'kysely';
import type { Permission, Role } from '../../contracts/roles.js';
import type { Clock } from './clock.js';
import type { AppConfig } from './config.js';
import type { Dialect } from './db/create-db.js';
import type { Database } from './db/database.js';
import type { FileStore } from './files/file-store.js';
import type { Mailer } from './mail/mailer.js';

/** Everything with I/O that services use, injected once by buildApp (tests pass fakes). */
export interface Deps {
  db: Kysely<Database>;
  dialect: Dialect;
  clock: Clock;
  config: AppConfig;
  mailer: Mailer;
  files: FileStore;
}

/** The signed-in user, acting inside one organization with one role. */
export interface Actor {
  userId: string;
  email: string;
  displayName: string;
  locale: string;
  organizationId: string;
  /** IANA time zone of the organization: "today" for date rules is the date there. */
  timeZone: string;
  role: Role;
  permissions: ReadonlySet<Permission>;
  sessionId: string;
  csrfToken: string;
}

/** What every service function receives first. */
export interface ServiceContext {
  deps: Deps;
  actor: Actor;
  requestId: string;
  ip: string;
}
