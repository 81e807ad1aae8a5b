import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSelfProfile, TTalentProfile, TTalentProfileInputRaw } from '../../../contracts/talent.js';
import type { TDemandPostingInputRaw } from '../../../contracts/talent-demand.js';
import {
  type Client,
  createMember,
  createTestApp,
  signedInAs,
  signIn,
  type TestApp,
} from '../../test/test-app.js';

// The college's curation reaching every corner of the talent pool: the owner's page shows the
// college's wording, ESCO occupations the college confirmed are accepted, and an import links each
// profile to the participant account with its e-mail.

let t: TestApp;
let orgId: string;
let coordinator: Client;
let otherCoordinator: Client;

const WEB_DEV = 'http://data.europa.eu/esco/occupation/c40a2919-48a9-40ea-b506-1f34f693496d';
const occupation = (n: string) =>
  `http://data.europa.eu/esco/occupation/0c0c0c0c-0000-4000-8000-${n.padStart(12, '0')}`;
const WELD = 'college:weld.gmaw';

let seq = 0;
function profileInput(overrides: Partial<TTalentProfileInputRaw> = {}): TTalentProfileInputRaw {
  seq++;
  return {
    nameLatin: `Curated Person${seq}`,
    email: `curated.person${seq}@example.cn`,
    iscoCode: '7212',
    skills: [{ skillKey: WELD, level: 3, evidence: 'certificate' }],
    languages: [{ code: 'en', cefr: 'B1' }],
    countries: ['AE'],
    availableFrom: '2026-06-01',
    ...overrides,
  };
}

function postingInput(overrides: Partial<TDemandPostingInputRaw> = {}): TDemandPostingInputRaw {
  return {
    enterpriseName: 'Gulf Steel Works',
    country: 'AE',
    iscoCode: '7212',
    headcount: 1,
    startDate: '2026-09-01',
    contract: { type: 'fixed_term', durationMonths: 12 },
    requiredSkills: [{ skillKey: WELD, minLevel: 2, weight: 1 }],
    ...overrides,
  };
}

type Issue = { path: (string | number)[]; message: string };
const issuesOf = (body: string) =>
  (JSON.parse(body).error.details.issues as Issue[]).map(
    (i) => `${i.path.join('.').replace(/^body\./, '')}:${i.message}`,
  );

/** Records the college's ESCO URI for a starter entry (confirming it, or replacing the shipped one). */
async function confirmEsco(client: Client, item: string, escoUri: string) {
  const current = (await client.get('/api/v1/talent/taxonomy'))
    .json()
    .entries.find((e: { item: string }) => e.item === item);
  const res = await client.post('/api/v1/talent/taxonomy/esco-confirmation', {
    item,
    version: current.version,
    escoUri,
    note: 'Checked in the ESCO portal',
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** Sends a personal link and reads the token from the outbox message. */
async function linkFor(id: string): Promise<string> {
  const res = await coordinator.post(`/api/v1/talent/profiles/${id}/link`);
  expect(res.statusCode, res.body).toBe(200);
  const mail = await t.deps.db
    .selectFrom('outbox')
    .select('bodyText')
    .where('kind', '=', 'talent_link')
    .where('toAddress', '=', res.json().sentTo)
    .orderBy('createdAt', 'desc')
    .executeTakeFirstOrThrow();
  return /\/t\/([A-Za-z0-9_-]+)/.exec(mail.bodyText)?.[1] as string;
}

beforeAll(async () => {
  t = await createTestApp();
  const c = await signedInAs(t, 'coordinator');
  coordinator = c.client;
  orgId = c.orgId;
  otherCoordinator = (await signedInAs(t, 'coordinator')).client;
});

afterAll(async () => {
  await t?.close();
});

describe('the owner’s page in the college’s words', () => {
  it('carries the college’s labels and own skills, through the link and the account alike', async () => {
    let res = await coordinator.put('/api/v1/talent/taxonomy/labels', {
      item: 'isco:7212',
      version: 0,
      labels: { fr: 'Soudeurs (libellé du lycée)', 'zh-CN': '焊工（学院用语）', ar: '  ' },
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await coordinator.put('/api/v1/talent/taxonomy/labels', {
      item: WELD,
      version: 0,
      labels: { fr: 'Soudage MAG (libellé du lycée)' },
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await coordinator.post('/api/v1/talent/college-skills', {
      code: 'own.pipe-bending',
      labels: { en: 'Pipe bending', fr: 'Cintrage de tubes' },
      iscoGroup: '7212',
    });
    expect(res.statusCode, res.body).toBe(201);
    // Another college's wording never shows on this college's pages.
    res = await otherCoordinator.put('/api/v1/talent/taxonomy/labels', {
      item: 'isco:7212',
      version: 0,
      labels: { fr: 'Libellé d’un autre établissement' },
    });
    expect(res.statusCode, res.body).toBe(200);

    const owner = await createMember(t.deps, orgId, 'participant', `wording-${seq}@example.cn`);
    const create = await coordinator.post(
      '/api/v1/talent/profiles',
      profileInput({
        email: owner.email,
        locale: 'fr',
        skills: [
          { skillKey: WELD, level: 3, evidence: 'certificate' },
          { skillKey: 'college:own.pipe-bending', level: 2, evidence: 'self' },
        ],
      }),
    );
    expect(create.statusCode, create.body).toBe(201);
    const profile: TTalentProfile = create.json();
    expect(profile.userId).toBe(owner.userId);

    const token = await linkFor(profile.id);
    res = await t.app.inject({ method: 'GET', url: `/api/v1/public/talent/${token}` });
    expect(res.statusCode, res.body).toBe(200);
    const viaLink: TSelfProfile = res.json();
    expect(viaLink.taxonomy.labels).toEqual({
      'isco:7212': { fr: 'Soudeurs (libellé du lycée)', 'zh-CN': '焊工（学院用语）' },
      [WELD]: { fr: 'Soudage MAG (libellé du lycée)' },
    });
    expect(viaLink.taxonomy.collegeSkills).toEqual([
      expect.objectContaining({
        key: 'college:own.pipe-bending',
        labels: { en: 'Pipe bending', fr: 'Cintrage de tubes' },
        archived: false,
      }),
    ]);
    expect(res.body).not.toContain('autre établissement');

    // Signed in with the account: the same wording; and it follows the college's changes.
    const me = await signIn(t.app, owner.email);
    res = await coordinator.put('/api/v1/talent/taxonomy/labels', {
      item: WELD,
      version: 1,
      labels: { fr: 'Soudage semi-automatique' },
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await me.get('/api/v1/talent/me');
    expect(res.statusCode, res.body).toBe(200);
    const viaAccount: TSelfProfile = res.json();
    expect(viaAccount.taxonomy.labels[WELD]).toEqual({ fr: 'Soudage semi-automatique' });
    expect(viaAccount.taxonomy.collegeSkills.map((s) => s.key)).toEqual(['college:own.pipe-bending']);

    // Saving through the link answers with the wording too (the page keeps showing it).
    res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/public/talent/${token}/profile`,
      payload: {
        version: viaAccount.profile.version,
        data: {
          skills: [{ skillKey: WELD, level: 3 }],
          languages: [{ code: 'fr', cefr: 'B2' }],
          countries: ['FR'],
          availableFrom: '2026-07-01',
        },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as TSelfProfile).taxonomy.labels['isco:7212']?.fr).toBe('Soudeurs (libellé du lycée)');
  });
});

describe('ESCO occupations the college confirmed', () => {
  it('are accepted for profiles, postings and imports; unknown ones are still refused', async () => {
    const replacement = occupation('1');
    const welder = occupation('2');
    // Before the college records them: unknown, with the existing error code.
    let res = await coordinator.post(
      '/api/v1/talent/profiles',
      profileInput({ iscoCode: '2513', escoUri: replacement }),
    );
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res.body)).toEqual(['escoUri:unknown_esco_occupation']);

    // A replacement of the shipped web developer URI, and a URI for the welder the college teaches.
    await confirmEsco(coordinator, WEB_DEV, replacement);
    await confirmEsco(coordinator, 'college:occ.welder', welder);

    res = await coordinator.post(
      '/api/v1/talent/profiles',
      profileInput({ iscoCode: '2513', escoUri: replacement }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const web: TTalentProfile = res.json();
    expect(web.escoUri).toBe(replacement);
    // The shipped URI it replaced stays valid, so profiles that name it can still be saved.
    res = await coordinator.put(`/api/v1/talent/profiles/${web.id}`, {
      version: web.version,
      data: { ...profileInput({ iscoCode: '2513', escoUri: WEB_DEV }), email: web.email },
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await coordinator.post('/api/v1/talent/profiles', profileInput({ escoUri: welder }));
    expect(res.statusCode, res.body).toBe(201);
    // The URI belongs to its occupation's ISCO-08 group.
    res = await coordinator.post(
      '/api/v1/talent/profiles',
      profileInput({ iscoCode: '7212', escoUri: replacement }),
    );
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res.body)).toEqual(['escoUri:esco_isco_mismatch']);
    // A well-formed URI nobody recorded is refused.
    res = await coordinator.post('/api/v1/talent/profiles', profileInput({ escoUri: occupation('3') }));
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res.body)).toEqual(['escoUri:unknown_esco_occupation']);

    // Postings follow the same rule.
    res = await coordinator.post('/api/v1/talent/demand', postingInput({ escoUri: welder }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().escoUri).toBe(welder);
    res = await coordinator.post('/api/v1/talent/demand', postingInput({ escoUri: occupation('3') }));
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res.body)).toEqual(['escoUri:unknown_esco_occupation']);

    // So does the import file.
    const csv = [
      'name_latin,name_native,email,isco,esco_occupation,skills,languages,countries,available_from',
      `Imported Welder,,imported.welder@example.cn,7212,${welder},weld.gmaw:2,en:B1,AE,2026-06-01`,
      `Unknown Occupation,,unknown.occupation@example.cn,7212,${occupation('3')},weld.gmaw:2,en:B1,AE,2026-06-01`,
    ].join('\n');
    res = await coordinator.upload('/api/v1/talent/import/preview', 'esco.csv', Buffer.from(csv), 'text/csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(
      (res.json().problems as { row: number; column: string; code: string }[]).map(
        (p) => `${p.row}:${p.column}:${p.code}`,
      ),
    ).toEqual(['3:esco_occupation:unknown_esco_occupation']);

    // Another college has recorded nothing: the same URIs are unknown there.
    res = await otherCoordinator.post('/api/v1/talent/profiles', profileInput({ escoUri: welder }));
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res.body)).toEqual(['escoUri:unknown_esco_occupation']);
  });
});

describe('import links participant accounts', () => {
  it('links each imported profile to the participant account with its e-mail, and only that', async () => {
    const participant = await createMember(t.deps, orgId, 'participant', `import.owner${seq}@example.cn`);
    const trainer = await createMember(t.deps, orgId, 'trainer', `import.trainer${seq}@example.cn`);
    const csv = [
      'name_latin,name_native,email,isco,esco_occupation,skills,languages,countries,available_from',
      // The file's capitals do not matter: e-mails compare in lower case.
      `Import Owner,,${participant.email.toUpperCase()},7212,,weld.gmaw:2,en:B1,AE,2026-06-01`,
      `Import Trainer,,${trainer.email},7212,,weld.gmaw:2,en:B1,AE,2026-06-01`,
      'Import Nobody,,import.nobody@example.cn,7212,,weld.gmaw:2,en:B1,AE,2026-06-01',
    ].join('\n');
    let res = await coordinator.upload('/api/v1/talent/import', 'owners.csv', Buffer.from(csv), 'text/csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 3 });

    const rows = await t.deps.db
      .selectFrom('talentProfiles')
      .select(['id', 'email', 'userId'])
      .where('organizationId', '=', orgId)
      .where('nameLatin', 'like', 'Import %')
      .orderBy('nameLatin')
      .execute();
    expect(rows.map((r) => [r.email, r.userId])).toEqual([
      ['import.nobody@example.cn', null],
      [participant.email, participant.userId],
      [trainer.email, null], // not a participant account
    ]);
    const imported = rows.find((r) => r.email === participant.email);
    const full: TTalentProfile = (await coordinator.get(`/api/v1/talent/profiles/${imported?.id}`)).json();
    expect(full.userId).toBe(participant.userId);

    // The participant manages it signed in at once; the trainer has no profile to manage.
    res = await (await signIn(t.app, participant.email)).get('/api/v1/talent/me');
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as TSelfProfile).profile).toMatchObject({ id: imported?.id, consentState: 'none' });
    res = await (await signIn(t.app, trainer.email)).get('/api/v1/talent/me');
    expect(res.statusCode).toBe(403);
  });
});
