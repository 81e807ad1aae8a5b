import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from '../../cli/seed-demo.js';
import { buildApp } from '../app.js';
import { FixedClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import type { Deps } from '../platform/context.js';
import type { DbHandle } from '../platform/db/create-db.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { createLocalFileStore } from '../platform/files/file-store.js';
import { createMailer } from '../platform/mail/mailer.js';
import { signIn } from '../test/test-app.js';
import { createTestDatabase } from '../test/test-db.js';
import { migrations } from './index.js';
import { RELEASES } from './releases.js';
import {
  currentRows,
  type FixtureTable,
  fixtureRows,
  loadFixture,
  readFixture,
  rowObjects,
  type UpgradeFixture,
} from './upgrade-fixtures/fixture.js';

/**
 * Upgrades from each release's schema with that release's real data in it (upgrade-fixtures/):
 * migrate to the release's last migration, load its rows, migrate to the latest schema, and check
 * that nothing was lost or changed and that the app works on the result. Every migration after
 * the boundary is covered, whatever this release adds.
 */

const NAMES = Object.keys(migrations).sort();

function migrator(db: Kysely<any>) {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

async function migrateTo(db: Kysely<any>, name: string) {
  const { error } = await migrator(db).migrateTo(name);
  if (error) {
    throw error;
  }
}

const table = (fixture: UpgradeFixture, name: string): FixtureTable => {
  const t = fixture.tables.find((x) => x.name === name);
  if (!t) {
    throw new Error(`no table ${name} in the fixture`);
  }
  return t;
};

/** Every fixture table still holds exactly the fixture's rows, byte for byte in the old columns. */
async function expectFixtureIntact(raw: Kysely<any>, fixture: UpgradeFixture) {
  const columns = new Map(
    (await raw.introspection.getTables()).map((t) => [t.name, new Set(t.columns.map((c) => c.name))]),
  );
  for (const t of fixture.tables) {
    const present = columns.get(t.name);
    expect(present, `table ${t.name} is gone`).toBeDefined();
    expect(
      t.columns.filter((c) => !present?.has(c)),
      `columns of ${t.name} that are gone`,
    ).toEqual([]);
    const rows = await currentRows(raw, t);
    expect(rows.length, `rows in ${t.name}`).toBe(t.rows.length);
    // Whole lists, not a sample: a few thousand rows compare in milliseconds.
    expect(rows, `rows of ${t.name}`).toEqual(fixtureRows(t));
  }
}

describe.each(RELEASES.map((r) => ({ ...r })))('upgrade from release $commit', (release) => {
  let fixture: UpgradeFixture;
  let handle: DbHandle;
  let drop: () => Promise<void>;
  let raw: Kysely<any>;
  const laterMigrations = () => NAMES.filter((n) => n > release.lastMigration);

  beforeAll(async () => {
    fixture = readFixture(release.fixture);
    ({ handle, drop } = await createTestDatabase());
    raw = handle.db.withoutPlugins();
  });
  afterAll(async () => {
    await drop?.();
  });

  it('has a fixture taken at the release boundary, with data in most tables', () => {
    expect(fixture.release).toBe(release.commit);
    expect(fixture.migrations.at(-1)).toBe(release.lastMigration);
    expect(fixture.migrations).toEqual(NAMES.filter((n) => n <= release.lastMigration));
    const filled = fixture.tables.filter((t) => t.rows.length > 0).length;
    expect(filled / fixture.tables.length).toBeGreaterThan(0.85);
  });

  it('loads the data at the boundary and migrates it to the latest schema unchanged', async () => {
    await migrateTo(handle.db, release.lastMigration);
    await loadFixture(raw, fixture);
    await expectFixtureIntact(raw, fixture);
    const applied = await migrateToLatest(handle.db);
    expect(applied).toEqual(laterMigrations().map((n) => `applied ${n}`));
    await expectFixtureIntact(raw, fixture);
  });

  it('reverts to the boundary and migrates up again without losing the data', async () => {
    await migrateTo(handle.db, release.lastMigration);
    const names = (await raw.selectFrom('kysely_migration').select('name').orderBy('name').execute()).map(
      (r) => r.name,
    );
    expect(names).toEqual(fixture.migrations);
    await expectFixtureIntact(raw, fixture);
    expect(await migrateToLatest(handle.db)).toEqual(laterMigrations().map((n) => `applied ${n}`));
    await expectFixtureIntact(raw, fixture);
  });

  it('serves the upgraded data: sign-in, partners, a published result, portfolio, talent, a file', async () => {
    const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-upgrade-files-'));
    for (const f of fixture.files) {
      fs.mkdirSync(path.dirname(path.join(filesDir, f.key)), { recursive: true });
      fs.writeFileSync(path.join(filesDir, f.key), Buffer.from(f.base64, 'base64'));
    }
    // At the seed's own time, so that "today" means for the data what it meant then.
    const clock = new FixedClock(new Date(new Date(fixture.seededAt).getTime() + 60_000));
    const config = { ...loadConfig({ DATA_DIR: path.dirname(filesDir) }), filesDir };
    const deps: Deps = {
      db: handle.db,
      dialect: handle.dialect,
      clock,
      config,
      mailer: createMailer({ smtpUrl: undefined, from: 'test@tvet.test', clock }),
      files: createLocalFileStore(filesDir),
    };
    const app = await buildApp(deps);
    try {
      const admin = await signIn(app, DEMO_ADMIN_EMAIL, DEMO_PASSWORD);
      const orgs = rowObjects(table(fixture, 'organizations'));
      const orgId = orgs.find((o) => o.short_name === 'PRTC')?.id;
      const mine = <T extends Record<string, unknown>>(rows: T[]) =>
        rows.filter((r) => r.organization_id === orgId && !r.archived_at && !r.deleted_at);

      const partners = await admin.get('/api/v1/partners?pageSize=200');
      expect(partners.statusCode, partners.body).toBe(200);
      const partnerIds = mine(rowObjects(table(fixture, 'partners'))).map((p) => p.id);
      expect(partners.json().total).toBe(partnerIds.length);
      expect(
        partners
          .json()
          .data.map((p: { id: string }) => p.id)
          .sort(),
      ).toEqual(partnerIds.sort());

      const published = rowObjects(table(fixture, 'competition_skills')).find((s) => s.results_published_at);
      expect(published).toBeDefined();
      const res = await admin.get(`/api/v1/competition-results/skills/${published?.id}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        source: 'snapshot',
        skill: { publishedAt: published?.results_published_at },
      });
      const frozen = rowObjects(table(fixture, 'competition_results')).filter(
        (r) => r.skill_id === published?.id,
      );
      const shown = res.json().rows as { entryId: string; points: number | null; medal: string | null }[];
      expect(shown.map((r) => [r.entryId, r.points, r.medal]).sort()).toEqual(
        frozen.map((r) => [r.entry_id, r.points, r.medal]).sort(),
      );

      const portfolio = await admin.get('/api/v1/portfolio');
      expect(portfolio.statusCode, portfolio.body).toBe(200);
      expect(portfolio.json().figures.projects.total).toBe(
        mine(rowObjects(table(fixture, 'projects'))).length,
      );
      expect(portfolio.json().figures.mobilities.total).toBe(
        mine(rowObjects(table(fixture, 'mobilities'))).length,
      );

      const profile = mine(rowObjects(table(fixture, 'talent_profiles')))[0];
      const talent = await admin.get(`/api/v1/talent/profiles/${profile?.id}`);
      expect(talent.statusCode, talent.body).toBe(200);
      expect(talent.json()).toMatchObject({ id: profile?.id, version: profile?.version });

      const doc = rowObjects(table(fixture, 'agreement_documents'))[0];
      const file = await admin.get(`/api/v1/agreements/${doc?.agreement_id}/documents/${doc?.id}`);
      expect(file.statusCode).toBe(200);
      expect(createHash('sha256').update(file.rawPayload).digest('hex')).toBe(doc?.sha256);
    } finally {
      await app.close();
      fs.rmSync(filesDir, { recursive: true, force: true });
    }
  });
});
