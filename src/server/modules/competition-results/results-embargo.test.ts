import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Permission, ROLES, type Role, roleHas } from '../../../contracts/roles.js';
import {
  type Client,
  createMember,
  createOrganization,
  createTestApp,
  signIn,
  type TestApp,
} from '../../test/test-app.js';
import { type SeededSkill, seedSkill, WORKED_EXAMPLE } from './test-fixtures.js';

// The embargo (worldskills.md §6.8): before publication only an admin or the skill's own chief/deputy
// chief expert sees its results. Every role is checked on every place results could leak: the skill
// endpoint, its exports, the competition endpoint, the public page, the scoreboard.

let t: TestApp;
let orgId: string;
let s: SeededSkill;
const clients = new Map<Role, Client>();
let chief: Client;
let deputy: Client;
let expertAsChief: Client;
let admin: Client;

const base = '/api/v1/competition-results';
/** Anything that would reveal a result: a points, position or medal field, a raw total, an entrant's name. */
const LEAKS = ['"points":', '"position":', '"medal":', '"gold":', '88.9', '80.35', 'Anna Berger'];

beforeAll(async () => {
  t = await createTestApp();
  orgId = await createOrganization(t.deps);
  for (const role of ROLES) {
    const m = await createMember(t.deps, orgId, role);
    clients.set(role, await signIn(t.app, m.email));
  }
  admin = clients.get('admin') as Client;
  const c = await createMember(t.deps, orgId, 'chief_expert');
  chief = await signIn(t.app, c.email);
  const d = await createMember(t.deps, orgId, 'chief_expert');
  deputy = await signIn(t.app, d.email);
  // A user whose role is only 'expert' but who was registered as chief expert of the skill: the role
  // lacks results.view_embargoed, so the record alone does not lift the embargo.
  const e = await createMember(t.deps, orgId, 'expert');
  expertAsChief = await signIn(t.app, e.email);
  s = await seedSkill(t.deps, orgId, {
    entrants: WORKED_EXAMPLE,
    experts: [
      { userId: c.userId, role: 'chief_expert' },
      { userId: d.userId, role: 'deputy_chief_expert' },
      { userId: e.userId, role: 'chief_expert' },
      // The generic 'expert' and 'chief_expert' role clients are experts of the skill too.
      { userId: clients.get('expert')?.userId ?? null, role: 'expert', member: 'AT' },
    ],
  });
});

afterAll(async () => {
  await t.close();
});

function noLeak(body: string) {
  for (const leak of LEAKS) {
    expect(body).not.toContain(leak);
  }
}

async function expectEmbargoed(client: Client, who: string) {
  const readsCompetitions = ROLES.some(
    (r) => clients.get(r) === client && roleHas(r, Permission.CompetitionRead),
  );
  for (const url of [
    `${base}/skills/${s.skillId}`,
    `${base}/skills/${s.skillId}/exports/results/xlsx`,
    `${base}/skills/${s.skillId}/exports/results/pdf`,
    `${base}/skills/${s.skillId}/exports/marks/xlsx`,
    `${base}/skills/${s.skillId}/exports/marks/pdf`,
  ]) {
    const res = await client.get(url);
    // Readers of competitions get the same 404 as for a skill that does not exist; roles that may not
    // read competitions at all are refused (403). Never 200.
    expect([403, 404], `${who} ${url}`).toContain(res.statusCode);
    if (readsCompetitions || client === expertAsChief) {
      expect(res.statusCode, `${who} ${url}`).toBe(404);
    }
    noLeak(res.body);
  }
  const res = await client.get(`${base}/competitions/${s.competitionId}`);
  if (res.statusCode === 200) {
    expect(res.json().skills, who).toEqual([]);
    noLeak(res.body);
  } else {
    expect(res.statusCode, who).toBe(403);
  }
}

async function expectPublicEmbargoed() {
  const page = await t.app.inject({ method: 'GET', url: `/api/v1/public/competitions/${orgId}/${s.slug}` });
  expect(page.statusCode).toBe(200);
  expect(page.json().skills).toEqual([]);
  expect(page.json().medalTable).toEqual([]);
  noLeak(page.body);
  const board = await t.app.inject({
    method: 'GET',
    url: `/api/v1/public/competitions/${orgId}/${s.slug}/scoreboard`,
  });
  expect(board.statusCode).toBe(200);
  expect(board.json().skills[0]).toMatchObject({
    state: 'pending',
    formsLocked: 12,
    formsTotal: 12,
    podium: [],
  });
  noLeak(board.body);
}

describe('embargo', () => {
  it('holds for every role except admin and the skill’s chief/deputy while results are open', async () => {
    for (const role of ROLES) {
      const client = clients.get(role) as Client;
      if (role === 'admin') {
        expect((await client.get(`${base}/skills/${s.skillId}`)).statusCode).toBe(200);
        expect((await client.get(`${base}/skills/${s.skillId}/exports/results/xlsx`)).statusCode).toBe(200);
        continue;
      }
      await expectEmbargoed(client, role);
    }
    await expectEmbargoed(expertAsChief, 'expert registered as chief');
    expect((await chief.get(`${base}/skills/${s.skillId}`)).statusCode).toBe(200);
    expect((await deputy.get(`${base}/skills/${s.skillId}`)).statusCode).toBe(200);
    expect((await chief.get(`${base}/skills/${s.skillId}/exports/marks/pdf`)).statusCode).toBe(200);
    await expectPublicEmbargoed();
  });

  it('still holds after sign-off, and lifts for every reader on publication', async () => {
    const preview = (await chief.get(`${base}/skills/${s.skillId}`)).json();
    const signed = await chief.post(`${base}/skills/${s.skillId}/sign-off`, {
      version: preview.skill.version,
    });
    expect(signed.statusCode, signed.body).toBe(200);
    for (const role of ROLES) {
      if (role !== 'admin') {
        await expectEmbargoed(clients.get(role) as Client, `${role} (signed off)`);
      }
    }
    await expectEmbargoed(expertAsChief, 'expert registered as chief (signed off)');
    await expectPublicEmbargoed();
    // Publishing is for admins only: every other role is refused.
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const res = await (clients.get(role) as Client).post(`${base}/skills/${s.skillId}/publish`, {
        version: signed.json().skill.version,
      });
      expect(res.statusCode, role).toBe(403);
    }
    const published = await admin.post(`${base}/skills/${s.skillId}/publish`, {
      version: signed.json().skill.version,
    });
    expect(published.statusCode, published.body).toBe(200);

    for (const role of ROLES) {
      const client = clients.get(role) as Client;
      const res = await client.get(`${base}/skills/${s.skillId}`);
      if (roleHas(role, Permission.CompetitionRead)) {
        expect(res.statusCode, role).toBe(200);
        expect(res.json().rows.map((r: { points: number }) => r.points)).toEqual([
          743, 721, 702, 698, 681, 664,
        ]);
        expect(res.json().abilities.publish, role).toBe(false);
        const comp = await client.get(`${base}/competitions/${s.competitionId}`);
        expect(comp.json().skills).toHaveLength(1);
      } else {
        expect(res.statusCode, role).toBe(403);
      }
    }
    const page = await t.app.inject({ method: 'GET', url: `/api/v1/public/competitions/${orgId}/${s.slug}` });
    expect(page.json().skills[0].rows[0]).toMatchObject({
      displayName: 'Anna Berger',
      points: 743,
      medal: 'gold',
    });
    expect(page.json().medalTable[0]).toMatchObject({ member: { code: 'AT' }, gold: 1 });
    const board = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/competitions/${orgId}/${s.slug}/scoreboard`,
    });
    expect(board.json().skills[0].podium.map((p: { medal: string }) => p.medal)).toEqual([
      'gold',
      'silver',
      'bronze',
    ]);
  });

  it('answers 404 for an unknown competition or another college’s skill', async () => {
    const other = await createOrganization(t.deps, 'Other College');
    const theirs = await seedSkill(t.deps, other, { entrants: WORKED_EXAMPLE });
    expect((await admin.get(`${base}/skills/${theirs.skillId}`)).statusCode).toBe(404);
    expect((await admin.get(`${base}/competitions/${theirs.competitionId}`)).statusCode).toBe(404);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/competitions/${orgId}/${theirs.slug}`,
    });
    expect(res.statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/public/competitions/${orgId}/no-such-competition` }))
        .statusCode,
    ).toBe(404);
  });
});
