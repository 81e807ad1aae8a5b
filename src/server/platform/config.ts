import path from 'node:path';
import { z } from 'zod';
import { defaultS3Endpoint, type S3Settings } from './files/s3-file-store.js';

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
  /** Seconds between scheduler ticks; ticks fall on multiples of it on the clock, on every server. */
  JOBS_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  /**
   * How long a server's claim on a running certificate batch lasts without renewal (renewed after
   * every chunk of ten). After a crash another server, or the restarted one, resumes the batch
   * once it runs out. Tests shorten it; keep it well above the time one chunk takes.
   */
  CERTIFICATE_BATCH_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  /** Where uploads live: `local` (DATA_DIR/files) or `s3` (an S3-compatible bucket, S3_* below). */
  FILE_STORE: z.enum(['local', 's3']).default('local'),
  /** Default https://s3.<region>.amazonaws.com; for MinIO and others their URL. */
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_REGION: z.string().min(1).optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('false'),
  /**
   * Master secret (at least 32 characters) that encrypts the certificate signing keys at rest.
   * Without it a random master key is created in DATA_DIR/keys/credential-master.key (mode 0600).
   */
  CREDENTIAL_KEY_SECRET: z.string().min(32).optional(),
  /** Bearer token for GET /metrics (at least 16 characters); without it only loopback may scrape. */
  METRICS_TOKEN: z.string().min(16).optional(),
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
  jobsIntervalSeconds: number;
  certificateBatchLeaseSeconds: number;
  /** The S3-compatible bucket for uploads; null keeps them on local disk under `filesDir`. */
  s3: S3Settings | null;
  credentialKeySecret: string | undefined;
  metricsToken: string | undefined;
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
    jobsIntervalSeconds: e.JOBS_INTERVAL_SECONDS,
    certificateBatchLeaseSeconds: e.CERTIFICATE_BATCH_LEASE_SECONDS,
    s3: e.FILE_STORE === 's3' ? s3SettingsOf(e) : null,
    credentialKeySecret: e.CREDENTIAL_KEY_SECRET,
    metricsToken: e.METRICS_TOKEN,
  };
}

/** FILE_STORE=s3 without all of its settings stops the start with a message naming what is missing. */
function s3SettingsOf(e: z.infer<typeof ZEnv>): S3Settings {
  const required = ['S3_REGION', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;
  const missing = required.filter((name) => !e[name]);
  if (missing.length > 0) {
    throw new Error(`FILE_STORE=s3 needs ${required.join(', ')}; missing: ${missing.join(', ')}`);
  }
  const region = e.S3_REGION as string;
  return {
    endpoint: e.S3_ENDPOINT ?? defaultS3Endpoint(region),
    region,
    bucket: e.S3_BUCKET as string,
    accessKeyId: e.S3_ACCESS_KEY_ID as string,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY as string,
    forcePathStyle: e.S3_FORCE_PATH_STYLE === 'true',
  };
}
