import path from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { z } from 'zod';
import { sendAgreementReminders } from '../server/modules/agreements/agreement-reminders.job.js';
import { runSurveyJobs } from '../server/modules/surveys/surveys.job.js';
import { createDeps } from '../server/platform/bootstrap.js';
import { type AppConfig, loadConfig } from '../server/platform/config.js';
import { createBackup } from './backup.js';
import { createAdmin, MIN_PASSWORD_LENGTH } from './create-admin.js';
import { type MigrateAction, runMigrate } from './migrate.js';
import { ask, processTerminal, readHidden, type Terminal } from './prompt.js';
import { readManifest, restoreBackup } from './restore.js';
import { seedDemoWorkspace } from './seed-demo.js';
import { CliError, type Output, sqliteFileOf } from './support.js';

/** What the CLI talks to; tests pass their own. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** Present when stdin is a terminal (prompts allowed). */
  terminal: Terminal | null;
}

export const processIo = (): CliIo => ({
  env: process.env,
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  terminal: process.stdin.isTTY ? processTerminal() : null,
});

const ENV_HELP = `Configuration comes from the environment, as for the server:
  DATABASE_URL   postgres://... for PostgreSQL; default: SQLite at DATA_DIR/tvet-bridge.db
  DATA_DIR       data folder (database, files/, backups/); default ./data`;

const USAGE = `Usage: tvet-bridge <command> [options]

Commands:
  migrate [up|down|status]   apply pending migrations (default), revert the newest, or list them
  seed-demo                  create the demo workspace in an empty database
  create-admin               create the first administrator of a production install
  backup [--out DIR]         copy the database, uploaded files and a manifest into DIR
  restore <backup-dir>       replace the database and files by a backup (server stopped)
  send-reminders             run the agreement reminder and survey jobs once (for cron)

Run "tvet-bridge <command> --help" for a command's options.
Exit codes: 0 done, 1 failed, 2 wrong command line.

${ENV_HELP}`;

const HELP: Record<string, string> = {
  migrate: `Usage: tvet-bridge migrate [up|down|status]

  up       apply every pending migration (default)
  down     revert the newest applied migration
  status   list every migration as applied or pending

${ENV_HELP}`,
  'seed-demo': `Usage: tvet-bridge seed-demo

Applies pending migrations, then creates the demo workspace (a college with staff, partners and
agreements) when the database has no organization yet, and prints the demo sign-in.

${ENV_HELP}`,
  'create-admin': `Usage: tvet-bridge create-admin --email E --name N --organization "College name"
                            [--country CN] [--time-zone Asia/Shanghai] [--password P] [--reset-password]

Creates the organization unless one with exactly that name exists, the user unless one with that
e-mail exists, and an active admin membership. Running it again changes nothing.

  --email E             the administrator's e-mail (sign-in name)
  --name N              display name, e.g. "Li Wei 李伟"
  --organization NAME   the college; reused when an organization has exactly this name
  --country CC          ISO 3166-1 alpha-2 country of a new organization (default CN)
  --time-zone TZ        IANA time zone of a new organization (default Asia/Shanghai)
  --password P          at least ${MIN_PASSWORD_LENGTH} characters. Without it: TVET_ADMIN_PASSWORD, else a
                        prompt when run in a terminal. (A password on the command line can be seen
                        by other users of the machine and stays in shell history.)
  --reset-password      also set the password of an existing user and clear a sign-in lock

${ENV_HELP}`,
  backup: `Usage: tvet-bridge backup [--out DIR]

Writes DIR/tvet-bridge-<UTC time>/ with
  tvet-bridge.db   SQLite: a consistent online copy (safe while the server runs)
  database.dump    PostgreSQL: made by pg_dump when it is on PATH (otherwise the command to run is
                   printed and the backup is reported incomplete)
  files/           the uploaded files (DATA_DIR/files)
  manifest.json    time, dialect, applied migrations, file count, sha256 of the database copy

  --out DIR   parent folder (default DATA_DIR/backups)

${ENV_HELP}`,
  restore: `Usage: tvet-bridge restore <backup-dir> [--yes]

Replaces the configured database and DATA_DIR/files by the backup in <backup-dir>, after checking
the manifest's sha256, then applies this release's migrations (a backup from an older release is
upgraded). Stop the server first. SQLite: refused while another process has the database open.
PostgreSQL: runs pg_restore --clean --if-exists when it is on PATH, else prints the commands.

  --yes   do not ask for confirmation (required when not run in a terminal)

${ENV_HELP}`,
  'send-reminders': `Usage: tvet-bridge send-reminders

Runs the agreement reminder job once: each organization whose agreements are expiring gets one
digest per day for its coordinators and admins (outbox, and SMTP when SMTP_URL is set). Running it
more often is harmless: a day already sent is skipped. The server runs the same job every 10 minutes
unless JOBS=false.

It also runs the daily survey job: L3 follow-up surveys that are due are created and sent, and
invitations not answered yet are reminded (at most twice, four days apart), once per day.

${ENV_HELP}`,
};

const COMMANDS = Object.keys(HELP);

type Values = Record<string, string | boolean | undefined>;

function parse(
  args: string[],
  options: NonNullable<ParseArgsConfig['options']>,
  positionals = 0,
): { values: Values; positionals: string[] } {
  const parsed = parseArgs({
    args,
    options: { ...options, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  if (parsed.positionals.length > positionals) {
    throw new CliError(`Unexpected argument: ${parsed.positionals[positionals]}`, 2);
  }
  return { values: parsed.values as Values, positionals: parsed.positionals };
}

const str = (v: string | boolean | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

function outputOf(io: CliIo): Output {
  return { info: io.stdout, warn: (line) => io.stderr(line) };
}

async function withDeps<T>(
  config: AppConfig,
  io: CliIo,
  fn: (deps: Awaited<ReturnType<typeof createDeps>>['deps']) => Promise<T>,
) {
  const { deps, handle, migrated } = await createDeps(config);
  try {
    for (const line of migrated) {
      io.stdout(line);
    }
    return await fn(deps);
  } finally {
    await handle.close();
  }
}

async function resolvePassword(given: string | undefined, io: CliIo): Promise<string> {
  const tooShort = `The password must be at least ${MIN_PASSWORD_LENGTH} characters.`;
  const fromEnv = io.env.TVET_ADMIN_PASSWORD;
  const password = given ?? (fromEnv ? fromEnv : undefined);
  if (password !== undefined) {
    if (password.length < MIN_PASSWORD_LENGTH) {
      throw new CliError(tooShort, 2);
    }
    return password;
  }
  if (!io.terminal) {
    throw new CliError(
      'No password: pass --password, set TVET_ADMIN_PASSWORD, or run the command in a terminal to be asked.',
      2,
    );
  }
  const first = await readHidden(io.terminal, 'Password for the administrator: ');
  if (first.length < MIN_PASSWORD_LENGTH) {
    throw new CliError(tooShort, 2);
  }
  const second = await readHidden(io.terminal, 'Repeat the password: ');
  if (first !== second) {
    throw new CliError('The two passwords differ; nothing was changed.', 2);
  }
  return first;
}

type Command = (args: string[], config: () => AppConfig, io: CliIo) => Promise<number>;

const commands: Record<string, Command> = {
  async migrate(args, config, io) {
    const { positionals } = parse(args, {}, 1);
    const action = (positionals[0] ?? 'up') as MigrateAction;
    if (!['up', 'down', 'status'].includes(action)) {
      throw new CliError(`Unknown migrate action "${action}": use up, down or status.`, 2);
    }
    for (const line of await runMigrate(config(), action)) {
      io.stdout(line);
    }
    return 0;
  },

  async 'seed-demo'(args, config, io) {
    parse(args, {});
    const seeded = await withDeps(config(), io, (deps) => seedDemoWorkspace(deps));
    if (!seeded) {
      io.stdout(
        'The database already has data (an organization exists); the demo workspace was not created.',
      );
      return 0;
    }
    io.stdout('Demo workspace created. Sign in with');
    io.stdout(`  e-mail:   ${seeded.email}`);
    io.stdout(`  password: ${seeded.password}`);
    return 0;
  },

  async 'create-admin'(args, config, io) {
    const { values } = parse(args, {
      email: { type: 'string' },
      name: { type: 'string' },
      organization: { type: 'string' },
      country: { type: 'string' },
      'time-zone': { type: 'string' },
      password: { type: 'string' },
      'reset-password': { type: 'boolean' },
    });
    const missing = (['email', 'name', 'organization'] as const).filter((k) => !values[k]);
    if (missing.length > 0) {
      throw new CliError(
        `Missing ${missing.map((k) => `--${k}`).join(', ')}. See tvet-bridge create-admin --help.`,
        2,
      );
    }
    if (values.password !== undefined) {
      io.stderr(
        'Note: a password given with --password is visible to other users (ps) and in shell history.',
      );
    }
    const cfg = config();
    const password = await resolvePassword(str(values.password), io);
    const result = await withDeps(cfg, io, (deps) =>
      createAdmin(deps, {
        email: String(values.email),
        name: String(values.name),
        organization: String(values.organization),
        country: str(values.country),
        timeZone: str(values['time-zone']),
        password,
        resetPassword: Boolean(values['reset-password']),
      }),
    );
    const { organization: org, user, membership } = result;
    io.stdout(`Organization: ${org.name} (${org.id})${org.created ? ' created' : ' already existed'}`);
    io.stdout(
      `User:         ${user.email} (${user.id})${user.created ? ' created' : ' already existed'}` +
        (!user.created
          ? user.passwordSet
            ? ', password set'
            : ', password unchanged (use --reset-password to set it)'
          : ''),
    );
    io.stdout(
      {
        created: 'Membership:   active admin membership created',
        promoted: 'Membership:   existing membership made an active admin',
        already_admin: 'Membership:   already an active admin; nothing changed',
      }[membership.outcome],
    );
    io.stdout(`Sign in at ${cfg.publicUrl} with ${user.email}.`);
    return 0;
  },

  async backup(args, config, io) {
    const { values } = parse(args, { out: { type: 'string', short: 'o' } });
    const { dir, manifest } = await createBackup({
      config: config(),
      outDir: str(values.out),
      out: outputOf(io),
    });
    io.stdout(`Backup written to ${dir}`);
    if (manifest.database.file) {
      io.stdout(
        `  database: ${manifest.database.file} (${manifest.database.sizeBytes} bytes, sha256 ${manifest.database.sha256})`,
      );
    }
    io.stdout(`  files:    ${manifest.files.count} (${manifest.files.bytes} bytes)`);
    io.stdout(`  schema:   ${manifest.migrations.length} migrations applied (${manifest.dialect})`);
    if (!manifest.database.file) {
      io.stderr('Backup INCOMPLETE: the database is not in it (see the pg_dump command above).');
      return 1;
    }
    return 0;
  },

  async restore(args, config, io) {
    const { values, positionals } = parse(args, { yes: { type: 'boolean', short: 'y' } }, 1);
    const backupDir = positionals[0];
    if (!backupDir) {
      throw new CliError('Which backup? Usage: tvet-bridge restore <backup-dir> [--yes]', 2);
    }
    const cfg = config();
    const target = sqliteFileOf(cfg) ?? 'the PostgreSQL database in DATABASE_URL';
    const manifest = await readManifest(path.resolve(backupDir));
    io.stderr(`Backup of ${manifest.createdAt} (${manifest.dialect}, ${manifest.files.count} files).`);
    io.stderr(`Restoring replaces ${target} and ${cfg.filesDir}. The TVET Bridge server must be stopped.`);
    if (!values.yes) {
      if (!io.terminal) {
        throw new CliError(
          'Refusing to restore without confirmation: pass --yes when not running in a terminal.',
        );
      }
      const answer = await ask(io.terminal, 'Type "yes" to replace them with the backup: ');
      if (answer.toLowerCase() !== 'yes') {
        io.stderr('Cancelled; nothing was changed.');
        return 1;
      }
    }
    const result = await restoreBackup({ config: cfg, backupDir, out: outputOf(io) });
    io.stdout(`Restored the backup of ${result.manifest.createdAt} (${result.manifest.dialect}).`);
    io.stdout(`  database: ${result.databaseRestored ? 'restored' : 'NOT restored (see above)'}`);
    io.stdout(`  files:    ${result.filesRestored}`);
    for (const line of result.migrated) {
      io.stdout(`  ${line}`);
    }
    return result.databaseRestored ? 0 : 1;
  },

  async 'send-reminders'(args, config, io) {
    parse(args, {});
    const { counts, surveys } = await withDeps(config(), io, async (deps) => ({
      counts: await sendAgreementReminders(deps),
      surveys: await runSurveyJobs(deps),
    }));
    io.stdout(
      `Agreement reminders: ${counts.organizations} organization(s) processed, ${counts.messages} message(s) queued.`,
    );
    io.stdout(`Surveys: ${surveys.followUps} follow-up(s) created, ${surveys.reminders} reminder(s) queued.`);
    return 0;
  },
};

/** Runs one command; returns the exit code (0 done, 1 failed, 2 wrong command line). */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    io.stdout(topic && HELP[topic] ? HELP[topic] : USAGE);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`Unknown command "${name}". Commands: ${COMMANDS.join(', ')}.`);
    io.stderr('Run "tvet-bridge --help" for usage.');
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(HELP[name] ?? USAGE);
    return 0;
  }
  const config = () => {
    try {
      return loadConfig(io.env);
    } catch (err) {
      if (err instanceof z.ZodError) {
        const problems = err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
        throw new CliError(`Invalid configuration in the environment: ${problems}`, 2);
      }
      throw err;
    }
  };
  try {
    return await command(rest, config, io);
  } catch (err) {
    if (err instanceof CliError) {
      io.stderr(`error: ${err.message}`);
      return err.exitCode;
    }
    if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`error: ${(err as Error).message}`);
      io.stderr(`Run "tvet-bridge ${name} --help" for usage.`);
      return 2;
    }
    io.stderr(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return 1;
  }
}
