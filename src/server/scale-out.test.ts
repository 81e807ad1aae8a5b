import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementColumns } from './modules/agreements/agreements.repository.js';
import { seedSkill, WORKED_EXAMPLE } from './modules/competition-results/test-fixtures.js';
import { systemClock } from './platform/clock.js';
import { loadConfig } from './platform/config.js';
import type { Deps } from './platform/context.js';
import { createDb, type DbHandle } from './platform/db/create-db.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { createLocalFileStore } from './platform/files/file-store.js';
import { type LocalS3, startLocalS3 } from './platform/files/s3-test-server.js';
import { newId } from './platform/ids.js';
import { createMailer } from './platform/mail/mailer.js';
import { buildAgreement, buildPartner } from './test/factories.js';
import { type ServerProcess, startServerProcess } from './test/server-process.js';
import { createMember, createOrganization, TEST_PASSWORD } from './test/test-app.js';
import { createTestDatabase, testDialect } from './test/test-db.js';

// Two real server processes (`src/server/main.ts`) on one database: a fresh PostgreSQL database, or
// one SQLite file in WAL mode that both processes open (one machine, several processes). Whatever
// one process writes, the other serves: sessions, records, files, the live scoreboard, and a
// scheduled job that both run at the same moment claims its period once.

const dialect = testDialect();
let handle: DbHandle;
let dropDb: () => Promise<void>;
let databaseUrl: string;
let deps: Deps;
const tmp: string[] = [];
const processes: ServerProcess[] = [];
let a: ServerProcess;
let b: ServerProcess;
let orgId: string;
let adminEmail: string;
let chiefEmail: string;
let skill: Awaited<ReturnType<typeof seedSkill>>;

function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tvet-scale-${name}-`));
  tmp.push(dir);
  return dir;
}

beforeAll(async () => {
  const dataDir = tempDir('shared');
  if (dialect === 'postgres') {
    const created = await createTestDatabase();
    ({ handle, url: databaseUrl } = created);
    dropDb = created.drop;
  } else {
    databaseUrl = `sqlite:${path.join(dataDir, 'tvet-bridge.db')}`;
    handle = createDb(databaseUrl);
    dropDb = () => handle.close();
  }
  await migrateToLatest(handle.db);
  const config = loadConfig({ DATA_DIR: dataDir });
  deps = {
    db: handle.db,
    dialect: handle.dialect,
    clock: systemClock,
    config,
    mailer: createMailer({ smtpUrl: undefined, from: config.mailFrom, clock: systemClock }),
    files: createLocalFileStore(config.filesDir),
  };
  orgId = await createOrganization(deps);
  adminEmail = (await createMember(deps, orgId, 'admin')).email;
  const chief = await createMember(deps, orgId, 'chief_expert');
  chiefEmail = chief.email;
  skill = await seedSkill(deps, orgId, {
    entrants: WORKED_EXAMPLE,
    experts: [{ userId: chief.userId, role: 'chief_expert', member: 'AT', firstName: 'Karin' }],
  });

  // Both with the built-in scheduler ticking every second, on the same clock seconds.
  const env = {
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    JOBS: 'true',
    JOBS_INTERVAL_SECONDS: '1',
    LOG_LEVEL: 'debug',
  };
  [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  processes.push(a, b);
}, 90_000);

afterAll(async () => {
  await Promise.all(processes.map((p) => p.kill()));
  await dropDb?.();
  for (const dir of tmp) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** A browser's view of one session: the cookie and CSRF token it got, sent to whichever server. */
interface Session {
  cookie: string;
  csrf: string;
  userId: string;
}

async function signIn(server: ServerProcess, email: string): Promise<Session> {
  const res = await fetch(`${server.url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { csrfToken: string; user: { id: string } };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: body.csrfToken, userId: body.user.id };
}

async function call(
  server: ServerProcess,
  s: Session | null,
  method: string,
  url: string,
  body?: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the expectations
): Promise<{ status: number; json: () => any; bytes: Buffer; contentType: string }> {
  const res = await fetch(`${server.url}/api/v1${url}`, {
    method,
    headers: {
      ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}),
      ...(body === undefined || body instanceof FormData ? {} : { 'content-type': 'application/json' }),
    },
    body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  return {
    status: res.status,
    json: () => JSON.parse(bytes.toString('utf8')),
    bytes,
    contentType: res.headers.get('content-type') ?? '',
  };
}

function pdfForm(name: string, bytes: Buffer): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
  return form;
}

const samplePdf = (label: string) =>
  Buffer.from(
    `%PDF-1.4\n% ${label}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );

describe(`two server processes on one ${dialect} database`, () => {
  let admin: Session;
  let agreementId: string;

  it('serves a session signed in through A from B, with its CSRF token', async () => {
    admin = await signIn(a, adminEmail);
    const onB = await call(b, admin, 'GET', '/auth/session');
    expect(onB.status).toBe(200);
    expect(onB.json().user.id).toBe(admin.userId);
    // The CSRF token belongs to the session, not to the process: a write on B with it passes...
    const partner = await call(b, admin, 'POST', '/partners', buildPartner());
    expect(partner.status).toBe(201);
    // ...and without it is refused there too.
    const forged = await call(b, { ...admin, csrf: 'not-the-token' }, 'POST', '/partners', buildPartner());
    expect(forged.status).toBe(403);
  });

  it('creates and edits on A, reads on B, and answers 409 to a stale write on B', async () => {
    const input = buildPartner({ city: 'Nairobi' });
    const created = await call(a, admin, 'POST', '/partners', input);
    expect(created.status).toBe(201);
    const id = created.json().id as string;
    const read = await call(b, admin, 'GET', `/partners/${id}`);
    expect(read.status).toBe(200);
    expect(read.json()).toMatchObject({ id, city: 'Nairobi', version: 1 });

    const edited = await call(a, admin, 'PUT', `/partners/${id}`, {
      version: 1,
      data: { ...input, city: 'Mombasa' },
    });
    expect(edited.status).toBe(200);
    expect((await call(b, admin, 'GET', `/partners/${id}`)).json()).toMatchObject({
      city: 'Mombasa',
      version: 2,
    });

    // B was shown version 1 before A's edit: its write is refused, not lost over A's.
    const stale = await call(b, admin, 'PUT', `/partners/${id}`, {
      version: 1,
      data: { ...input, city: 'Kisumu' },
    });
    expect(stale.status).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    expect((await call(a, admin, 'GET', `/partners/${id}`)).json().city).toBe('Mombasa');

    const agreement = await call(a, admin, 'POST', '/agreements', buildAgreement([id]));
    expect(agreement.status).toBe(201);
    agreementId = agreement.json().id;
  });

  it('serves a file uploaded through A from B (one DATA_DIR/files for both)', async () => {
    const pdf = samplePdf('uploaded through A');
    const up = await call(a, admin, 'POST', `/agreements/${agreementId}/documents`, pdfForm('mou.pdf', pdf));
    expect(up.status).toBe(201);
    const down = await call(b, admin, 'GET', `/agreements/${agreementId}/documents/${up.json().id}`);
    expect(down.status).toBe(200);
    expect(down.contentType).toBe('application/pdf');
    expect(down.bytes.equals(pdf)).toBe(true);
  });

  it('pushes results published through A to a scoreboard stream open on B', async () => {
    const url = `${b.url}/api/v1/public/competitions/${orgId}/${skill.slug}/scoreboard/stream`;
    const stream = openEventStream(url);
    try {
      const first = await stream.next((e) => e.event === 'scoreboard', 10_000);
      expect(skillState(first.data)).toBe('pending');

      const chief = await signIn(a, chiefEmail);
      const preview = await call(a, chief, 'GET', `/competition-results/skills/${skill.skillId}`);
      expect(preview.status).toBe(200);
      const signed = await call(a, chief, 'POST', `/competition-results/skills/${skill.skillId}/sign-off`, {
        version: preview.json().skill.version,
      });
      expect(signed.status, JSON.stringify(signed.json())).toBe(200);
      const published = await call(a, admin, 'POST', `/competition-results/skills/${skill.skillId}/publish`, {
        version: signed.json().skill.version,
      });
      expect(published.status, JSON.stringify(published.json())).toBe(200);

      // B polls the database (every 3 s): the event arrives without any message between processes.
      const event = await stream.next((e) => e.event === 'published', 10_000);
      expect(event.data).toEqual({ skillId: skill.skillId, number: '01' });
      // The poll that saw the change sent the new scoreboard just before `published`.
      const board = stream
        .all()
        .findLast((e) => e.event === 'scoreboard' && skillState(e.data) === 'published');
      expect(board, 'a scoreboard with the published skill').toBeDefined();
      const podium =
        ((board?.data as Board | undefined)?.skills ?? []).find((k) => k.id === skill.skillId)?.podium ?? [];
      expect(podium.map((p) => [p.medal, p.points])).toEqual([
        ['gold', 743],
        ['silver', 721],
        ['bronze', 702],
      ]);
    } finally {
      stream.close();
    }
  }, 30_000);

  it('runs a scheduled job that both start at the same moment exactly once for its period', async () => {
    // A new organization with an expiring agreement appears while both schedulers tick each second
    // (at the same clock seconds); it is committed whole, so no tick sees it half made.
    const since = Date.now();
    const org2 = await deps.db.transaction().execute(async (trx) => {
      const d: Deps = { ...deps, db: trx };
      const id = await createOrganization(d, 'Second College', 'UTC');
      await createMember(d, id, 'admin', `admin-${newId().slice(-8)}@second.example`);
      const endsOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      const now = new Date().toISOString();
      await trx
        .insertInto('agreements')
        .values({
          id: newId(),
          organizationId: id,
          ...agreementColumns(buildAgreement([], { signedOn: '2024-01-10', startsOn: '2024-01-10', endsOn })),
          createdAt: now,
          updatedAt: now,
          createdBy: null,
          updatedBy: null,
          version: 1,
        })
        .execute();
      return id;
    });
    const jobName = `agreement-reminders:${org2}`;

    // Wait until both processes have ticked twice since, so both raced for the claim and then
    // found it taken (or never saw it free).
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !(ticksSince(a, since).length >= 2 && ticksSince(b, since).length >= 2)) {
      await new Promise((r) => setTimeout(r, 250));
    }
    const ticks = [a, b].map((p) => ticksSince(p, since));
    expect(
      ticks.map((t) => t.length >= 2),
      'both processes ticked twice',
    ).toEqual([true, true]);

    const runs = await deps.db.selectFrom('jobRuns').selectAll().where('jobName', '=', jobName).execute();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'done', resultJson: '1' });
    const mail = await deps.db
      .selectFrom('outbox')
      .select(['toAddress', 'kind'])
      .where('organizationId', '=', org2)
      .execute();
    expect(mail).toEqual([
      { toAddress: expect.stringMatching(/@second\.example$/), kind: 'agreements_expiring' },
    ]);
    // The ticks fall on the same clock seconds: some tick of A ended close to one of B (well under
    // the 1 s between seconds), so both looked for the work at the same moment.
    const [ta = [], tb = []] = ticks;
    const closest = Math.min(...ta.flatMap((x) => tb.map((y) => Math.abs(x.time - y.time))));
    expect(closest).toBeLessThan(700);
    // Exactly one of the two processes did the work; the other's claim lost.
    const won = ticks.map((t) => t.reduce((sum, x) => sum + x.organizations, 0));
    expect(won.sort()).toEqual([0, 1]);
  }, 30_000);

  it('ends the session everywhere when it is signed out through B', async () => {
    const out = await call(b, admin, 'POST', '/auth/sign-out', {});
    expect(out.status).toBe(200);
    expect((await call(a, admin, 'GET', '/partners')).status).toBe(401);
  });
});

describe('two server processes sharing an S3-compatible bucket, no shared disk', () => {
  let s3: LocalS3;
  let c: ServerProcess;
  let d: ServerProcess;
  let dataDirs: string[] = [];

  beforeAll(async () => {
    s3 = await startLocalS3();
    // Each with a DATA_DIR of its own; the master key for certificate signing keys must then be set.
    const [cDir, dDir] = [tempDir('c'), tempDir('d')];
    dataDirs = [cDir, dDir];
    const env = (dataDir: string) => ({
      ...s3.env,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      CREDENTIAL_KEY_SECRET: 'scale-out test secret, 32 characters or more',
    });
    [c, d] = await Promise.all([startServerProcess(env(cDir)), startServerProcess(env(dDir))]);
    processes.push(c, d);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([c?.kill(), d?.kill()]);
    await s3?.close();
  });

  it('serves a file uploaded through one process from the other, and deletes it for both', async () => {
    const admin = await signIn(c, adminEmail);
    const partner = await call(c, admin, 'POST', '/partners', buildPartner());
    const agreement = await call(c, admin, 'POST', '/agreements', buildAgreement([partner.json().id]));
    expect(agreement.status).toBe(201);
    const id = agreement.json().id as string;

    const pdf = samplePdf('uploaded through C into the bucket');
    const up = await call(c, admin, 'POST', `/agreements/${id}/documents`, pdfForm('mou.pdf', pdf));
    expect(up.status).toBe(201);
    const docId = up.json().id as string;
    const down = await call(d, admin, 'GET', `/agreements/${id}/documents/${docId}`);
    expect(down.status).toBe(200);
    expect(down.bytes.equals(pdf)).toBe(true);

    // The bytes are in the bucket (s3rver's folder), not on either server's disk.
    const row = await deps.db
      .selectFrom('agreementDocuments')
      .select('storageKey')
      .where('id', '=', docId)
      .executeTakeFirstOrThrow();
    expect(fs.readdirSync(s3.directory, { recursive: true, encoding: 'utf8' }).join('\n')).toContain(
      row.storageKey,
    );
    for (const dir of dataDirs) {
      expect(fs.existsSync(path.join(dir, 'files')), dir).toBe(false);
    }

    expect((await call(d, admin, 'DELETE', `/agreements/${id}/documents/${docId}`)).status).toBe(200);
    expect((await call(c, admin, 'GET', `/agreements/${id}/documents/${docId}`)).status).toBe(404);
  });
});

/* ---------- helpers ---------- */

interface Board {
  skills: Array<{ id: string; state: string; podium: Array<{ medal: string; points: number }> }>;
}

function skillState(data: unknown): string | undefined {
  return (data as Board).skills.find((k) => k.id === skill.skillId)?.state;
}

/** Debug lines `scheduled task done` of the agreement reminders logged at or after `since`. */
function ticksSince(p: ServerProcess, since: number): Array<{ organizations: number; time: number }> {
  return p
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{') && line.includes('scheduled task done'))
    .map((line) => JSON.parse(line) as { time: number; task: string; result: { organizations: number } })
    .filter((l) => l.task === 'agreement-reminders' && l.time >= since)
    .map((l) => ({ organizations: l.result.organizations, time: l.time }));
}

/** An EventSource-like reader on a real socket; `next` waits for the first matching event not yet taken. */
function openEventStream(url: string) {
  const events: Array<{ event: string; data: unknown }> = [];
  let taken = 0;
  let buffer = '';
  const req = http.get(url, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let cut = buffer.indexOf('\n\n');
      while (cut >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (event && data) {
          events.push({ event, data: JSON.parse(data) });
        }
        cut = buffer.indexOf('\n\n');
      }
    });
  });
  req.on('error', () => {});
  return {
    async next(match: (e: { event: string; data: unknown }) => boolean, timeoutMs: number) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const i = events.findIndex((e, n) => n >= taken && match(e));
        if (i >= 0) {
          taken = i + 1;
          return events[i] as { event: string; data: unknown };
        }
        if (Date.now() > deadline) {
          throw new Error(
            `no matching event in ${timeoutMs} ms; got ${events.map((e) => e.event).join(', ')}`,
          );
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    all: () => [...events],
    close: () => req.destroy(),
  };
}
