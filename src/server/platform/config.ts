import path from 'node:path';
import { z } from 'zod';

const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** postgres://… switches to PostgreSQL; otherwise the embedded SQLite file under DATA_DIR. */
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('./data'),
  /** smtp://user:pass@host:port; without it, mail lands in the outbox table only. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('TVET Bridge <no-reply@tvet-bridge.local>'),
  /** Public base URL used in e-mailed links (password reset, invitations). */
  PUBLIC_URL: z.string().optional(),
  /** Seed the demo workspace on first start when the database has no organization. */
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set behind a TLS-terminating proxy so cookies get `Secure` and client IPs are real. */
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  JOBS: z.enum(['true', 'false']).default('true'),
  /**
   * Master secret (at least 32 characters) that encrypts the certificate signing keys at rest.
   * Without it a random master key is created in DATA_DIR/keys/credential-master.key (mode 0600).
   */
  CREDENTIAL_KEY_SECRET: z.string().min(32).optional(),
});

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string;
  dataDir: string;
  filesDir: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  seedDemo: boolean;
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL'];
  trustProxy: boolean;
  login: { maxFailures: number; lockMinutes: number };
  rateLimitPerMinute: number;
  jobsEnabled: boolean;
  credentialKeySecret: string | undefined;
}

/** Reads configuration from the environment once, at start-up; nothing else reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const e = ZEnv.parse(env);
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'tvet-bridge.db')}`,
    dataDir,
    filesDir: path.join(dataDir, 'files'),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    seedDemo: e.SEED_DEMO === 'true',
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === 'true',
    login: { maxFailures: e.LOGIN_MAX_FAILURES, lockMinutes: e.LOGIN_LOCK_MINUTES },
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    jobsEnabled: e.JOBS === 'true',
    credentialKeySecret: e.CREDENTIAL_KEY_SECRET,
  };
}
