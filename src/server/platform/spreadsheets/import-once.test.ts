import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signedInAs, type TestApp } from '../../test/test-app.js';

// The partners, training-enrolment and talent imports share importAllOrNothing: a file already
// committed to the same organization and target answers 409 already_imported and writes nothing,
// unless the user confirmed a repeat (allowRepeat=true).

let t: TestApp;
let coordinator: Client;
let orgId: string;
let other: Client;
let otherOrgId: string;
beforeAll(async () => {
  t = await createTestApp();
  ({ client: coordinator, orgId } = await signedInAs(t, 'coordinator'));
  ({ client: other, orgId: otherOrgId } = await signedInAs(t, 'coordinator'));
});
afterAll(async () => {
  await t.close();
});

const samples = path.resolve(import.meta.dirname, '../../../../samples');
const PARTNER_HEADER =
  'name_en,name_native,name_zh,name_fr,name_ar,country,city,type,iati_org_id,schac_code,website,tags,contact_name_latin,contact_name_native,contact_position,contact_email,contact_phone,notes';

function partnerFile(names: string[]): Buffer {
  const rows = names.map((n, i) => `${n},,,,,KE,Nairobi,80,,,https://p${i}.example.ke,tvet,,,,,,`);
  return Buffer.from(`${[PARTNER_HEADER, ...rows].join('\n')}\n`);
}

async function count(table: 'partners' | 'trainingEnrolments' | 'talentProfiles', org: string) {
  const row = await t.deps.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organizationId', '=', org)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function importAudits(org: string) {
  const rows = await t.deps.db
    .selectFrom('auditLog')
    .select('id')
    .where('organizationId', '=', org)
    .where('action', '=', 'import')
    .execute();
  return rows.length;
}

describe('importing the same file twice', () => {
  it('answers 409 already_imported for partners and writes nothing, unless allowRepeat', async () => {
    const file = partnerFile(['Once Polytechnic A', 'Once Polytechnic B']);
    const first = await coordinator.upload('/api/v1/partners/import', 'p.csv', file, 'text/csv');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().imported).toBe(2);
    expect(await count('partners', orgId)).toBe(2);
    const audits = await importAudits(orgId);

    const again = await coordinator.upload('/api/v1/partners/import', 'renamed.csv', file, 'text/csv');
    expect(again.statusCode, again.body).toBe(409);
    const err = again.json().error;
    expect(err.code).toBe('INVALID_STATE');
    expect(err.details).toEqual({
      reason: 'already_imported',
      importedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      importedBy: expect.stringContaining('@'),
      rows: 2,
    });
    expect(await count('partners', orgId)).toBe(2);
    expect(await importAudits(orgId)).toBe(audits);

    // allowRepeat=false is the same as leaving it out.
    const no = await coordinator.upload(
      '/api/v1/partners/import?allowRepeat=false',
      'p.csv',
      file,
      'text/csv',
    );
    expect(no.statusCode).toBe(409);

    const repeat = await coordinator.upload(
      '/api/v1/partners/import?allowRepeat=true',
      'p.csv',
      file,
      'text/csv',
    );
    expect(repeat.statusCode, repeat.body).toBe(200);
    expect(repeat.json().imported).toBe(2);
    expect(await count('partners', orgId)).toBe(4);
    expect(await importAudits(orgId)).toBe(audits + 1);

    // A different file (one byte differs) is not the same file.
    const different = partnerFile(['Once Polytechnic A', 'Once Polytechnic C']);
    const ok = await coordinator.upload('/api/v1/partners/import', 'p.csv', different, 'text/csv');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await count('partners', orgId)).toBe(6);

    // Another organization importing the same bytes is not blocked, and learns nothing of the first.
    const elsewhere = await other.upload('/api/v1/partners/import', 'p.csv', file, 'text/csv');
    expect(elsewhere.statusCode, elsewhere.body).toBe(200);
    expect(await count('partners', otherOrgId)).toBe(2);
  });

  it('imports a file sent twice at once (a double click) exactly once', async () => {
    const file = partnerFile(['Twice Polytechnic A', 'Twice Polytechnic B', 'Twice Polytechnic C']);
    const before = await count('partners', otherOrgId);
    const answers = await Promise.all(
      [1, 2].map(() => other.upload('/api/v1/partners/import', 'p.csv', file, 'text/csv')),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(await count('partners', otherOrgId)).toBe(before + 3);
  });

  it('blocks the same enrolment file in the same cohort only', async () => {
    const project = await coordinator.post('/api/v1/projects', {
      code: 'ONCE-1',
      type: 'teacher_training',
      title: { en: 'Import once' },
      plannedStart: '2026-01-01',
      plannedEnd: '2026-12-31',
    });
    expect(project.statusCode, project.body).toBe(201);
    const programme = await coordinator.post('/api/v1/training/programmes', {
      projectId: project.json().id,
      title: { en: 'Import once workshop' },
      description: '',
      modules: [{ kind: 'teacher_workshop', title: { en: 'PLC didactics' }, hours: 20 }],
      learningOutcomes: [],
      languages: ['en'],
      interpretationNeeds: '',
      completionRule: { minAttendancePercent: 80, minPostScore: 60, requirePostTest: true },
    });
    expect(programme.statusCode, programme.body).toBe(201);
    const cohort = async (name: string) => {
      const res = await coordinator.post(`/api/v1/training/programmes/${programme.json().id}/cohorts`, {
        name,
        startsOn: '2026-03-02',
        endsOn: '2026-03-13',
        capacity: 20,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const [a, b] = [await cohort('Once A'), await cohort('Once B')];
    const sample = fs.readFileSync(path.join(samples, 'enrolments-import.csv'));
    const url = (id: string, q = '') => `/api/v1/training/cohorts/${id}/enrolments/import${q}`;

    expect((await coordinator.upload(url(a), 's.csv', sample)).statusCode).toBe(200);
    const enrolled = await count('trainingEnrolments', orgId);
    const again = await coordinator.upload(url(a), 's.csv', sample);
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().error.details).toMatchObject({ reason: 'already_imported', rows: 8 });
    expect(await count('trainingEnrolments', orgId)).toBe(enrolled);
    // Confirmed, the file goes on to the usual checks: everyone is already enrolled.
    const repeat = await coordinator.upload(url(a, '?allowRepeat=true'), 's.csv', sample);
    expect(repeat.statusCode, repeat.body).toBe(422);
    expect(repeat.json().error.details.problems[0]).toMatchObject({ code: 'already_enrolled' });

    // The same file into another cohort is another import.
    const other = await coordinator.upload(url(b), 's.csv', sample);
    expect(other.statusCode, other.body).toBe(200);
    expect(await count('trainingEnrolments', orgId)).toBe(enrolled + 8);
  });

  it('blocks the same talent file', async () => {
    const bytes = fs.readFileSync(path.join(samples, 'talent/talent-import.csv'));
    const first = await coordinator.upload('/api/v1/talent/import', 't.csv', bytes, 'text/csv');
    expect(first.statusCode, first.body).toBe(200);
    const profiles = await count('talentProfiles', orgId);
    const again = await coordinator.upload('/api/v1/talent/import', 't.csv', bytes, 'text/csv');
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().error.details).toMatchObject({
      reason: 'already_imported',
      rows: first.json().imported,
    });
    expect(await count('talentProfiles', orgId)).toBe(profiles);
  });
});
