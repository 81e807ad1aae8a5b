import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZProjectInput } from '../../../contracts/projects.js';
import { newId } from '../../platform/ids.js';
import { type Client, createTestApp, signedInAs, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let coordinator: Client;
let orgId: string;
let n = 0;

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

beforeAll(async () => {
  t = await createTestApp();
  const s = await signedInAs(t, 'coordinator');
  coordinator = s.client;
  orgId = s.orgId;
});
afterAll(async () => {
  await t.close();
});

async function createProject(client: Client) {
  n++;
  const res = await client.post(
    '/api/v1/projects',
    ZProjectInput.parse({
      code: `AT-${n}`,
      type: 'teacher_training',
      title: { en: `Project ${n}` },
      plannedStart: '2026-01-01',
      plannedEnd: '2026-12-31',
    }),
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function createProgramme(client: Client, projectId: string) {
  const res = await client.post('/api/v1/training/programmes', {
    projectId,
    title: { en: `Programme ${++n}` },
    description: '',
    modules: [{ kind: 'teacher_workshop', title: { en: 'PLC didactics' }, hours: 20 }],
    learningOutcomes: [],
    languages: ['en'],
    interpretationNeeds: '',
    completionRule: { minAttendancePercent: 80, minPostScore: 60, requirePostTest: false },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** A portal token for a fresh participant enrolled in a new cohort of the programme. */
async function portalTokenFor(programmeId: string) {
  const cohort = await coordinator.post(`/api/v1/training/programmes/${programmeId}/cohorts`, {
    name: `Cohort ${++n}`,
    startsOn: '2026-03-02',
    endsOn: '2026-03-13',
    capacity: 20,
  });
  expect(cohort.statusCode, cohort.body).toBe(201);
  const e = await coordinator.post(`/api/v1/training/cohorts/${cohort.json().id}/enrolments`, {
    participant: { nameLatin: `Learner ${n}`, country: 'BD', gender: 'female', email: `l${n}@x.example` },
  });
  expect(e.statusCode, e.body).toBe(201);
  const link = await coordinator.post(`/api/v1/training/enrolments/${e.json().id}/portal-link`);
  expect(link.statusCode, link.body).toBe(200);
  return link.json().token as string;
}

/** Multipart with the text field `title` ahead of the file, as the web form sends it. */
function uploadWithTitle(client: Client, url: string, title: string, fileName: string, bytes: Buffer) {
  const boundary = `----tvet${newId().replace(/-/g, '')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\n${title}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url,
    cookies: client.cookies,
    headers: {
      'x-csrf-token': client.csrfToken,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload,
  });
}

describe('attachments: project documents', () => {
  it('uploads, lists, downloads and deletes a document, with an audit entry for each change', async () => {
    const projectId = await createProject(coordinator);
    const base = `/api/v1/projects/${projectId}/documents`;
    const up = await uploadWithTitle(coordinator, base, 'Work plan 2026', '工作计划.pdf', pdf);
    expect(up.statusCode, up.body).toBe(201);
    const doc = up.json();
    expect(doc).toMatchObject({
      title: 'Work plan 2026',
      fileName: '工作计划.pdf',
      contentType: 'application/pdf',
      sizeBytes: pdf.length,
      visibleToParticipants: false,
    });
    const untitled = await coordinator.upload(base, 'budget.pdf', pdf, 'application/pdf');
    expect(untitled.statusCode, untitled.body).toBe(201);
    expect(untitled.json().title).toBe('budget.pdf');

    const list = await coordinator.get(base);
    expect(list.statusCode).toBe(200);
    expect(list.json().abilities).toEqual({ upload: true, delete: true });
    expect(
      list
        .json()
        .data.map((d: { id: string }) => d.id)
        .sort(),
    ).toEqual([doc.id, untitled.json().id].sort());

    const down = await coordinator.get(`${base}/${doc.id}`);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['content-disposition']).toContain(
      "filename*=UTF-8''%E5%B7%A5%E4%BD%9C%E8%AE%A1%E5%88%92.pdf",
    );
    expect(down.rawPayload.equals(pdf)).toBe(true);

    expect((await coordinator.delete(`${base}/${doc.id}`)).statusCode).toBe(200);
    expect((await coordinator.get(`${base}/${doc.id}`)).statusCode).toBe(404);
    expect((await coordinator.delete(`${base}/${doc.id}`)).statusCode).toBe(404);
    expect((await coordinator.get(base)).json().data).toHaveLength(1);

    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['action', 'entityType'])
      .where('organizationId', '=', orgId)
      .where('entityId', '=', doc.id)
      .execute();
    expect(audit.map((a) => `${a.action}:${a.entityType}`).sort()).toEqual([
      'delete:project_document',
      'upload:project_document',
    ]);
  });

  it('answers 404 across tenants and to an unknown project, and 403 to a trainer uploading', async () => {
    const projectId = await createProject(coordinator);
    const base = `/api/v1/projects/${projectId}/documents`;
    const doc = (await coordinator.upload(base, 'plan.pdf', pdf, 'application/pdf')).json();

    const outsider = (await signedInAs(t, 'admin')).client;
    expect((await outsider.get(base)).statusCode).toBe(404);
    expect((await outsider.get(`${base}/${doc.id}`)).statusCode).toBe(404);
    expect((await outsider.upload(base, 'x.pdf', pdf, 'application/pdf')).statusCode).toBe(404);
    expect((await outsider.delete(`${base}/${doc.id}`)).statusCode).toBe(404);
    expect((await coordinator.get(`/api/v1/projects/${newId()}/documents`)).statusCode).toBe(404);

    const trainer = (await signedInAs(t, 'trainer', orgId)).client;
    const list = await trainer.get(base);
    expect(list.statusCode).toBe(200);
    expect(list.json().abilities).toEqual({ upload: false, delete: false });
    expect((await trainer.get(`${base}/${doc.id}`)).statusCode).toBe(200);
    expect((await trainer.upload(base, 'x.pdf', pdf, 'application/pdf')).statusCode).toBe(403);
    expect((await trainer.delete(`${base}/${doc.id}`)).statusCode).toBe(403);

    // A document of one project is not reachable through another project.
    const other = await createProject(coordinator);
    expect((await coordinator.get(`/api/v1/projects/${other}/documents/${doc.id}`)).statusCode).toBe(404);
  });

  it('sniffs the file type: a fake PDF and an unknown extension are refused', async () => {
    const projectId = await createProject(coordinator);
    const base = `/api/v1/projects/${projectId}/documents`;
    const fake = await coordinator.upload(
      base,
      'plan.pdf',
      Buffer.from('<html>hi</html>'),
      'application/pdf',
    );
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error).toMatchObject({ code: 'FILE_REJECTED', details: { reason: 'type' } });
    const exe = await coordinator.upload(base, 'setup.exe', pdf, 'application/octet-stream');
    expect(exe.statusCode).toBe(415);
    expect((await coordinator.get(base)).json().data).toEqual([]);
  });
});

describe('attachments: programme materials in the participant portal', () => {
  it('shows a material only when flagged, downloads it by token, and 404s hidden or foreign ones', async () => {
    const projectId = await createProject(coordinator);
    const programmeId = await createProgramme(coordinator, projectId);
    const otherProgrammeId = await createProgramme(coordinator, projectId);
    const base = `/api/v1/training/programmes/${programmeId}/materials`;
    const material = (await uploadWithTitle(coordinator, base, 'Slides day 1', 'slides.pdf', pdf)).json();
    const hidden = (await uploadWithTitle(coordinator, base, 'Trainer notes', 'notes.pdf', pdf)).json();
    const foreign = (
      await uploadWithTitle(
        coordinator,
        `/api/v1/training/programmes/${otherProgrammeId}/materials`,
        'Other',
        'other.pdf',
        pdf,
      )
    ).json();
    await coordinator.patch(`/api/v1/training/programmes/${otherProgrammeId}/materials/${foreign.id}`, {
      visibleToParticipants: true,
    });

    const token = await portalTokenFor(programmeId);
    const portal = () => t.app.inject({ method: 'GET', url: `/api/v1/portal/${token}` });
    const download = (id: string, tok = token) =>
      t.app.inject({ method: 'GET', url: `/api/v1/portal/${tok}/materials/${id}` });

    expect((await portal()).json().materials).toEqual([]);
    expect((await download(material.id)).statusCode).toBe(404);

    const flag = await coordinator.patch(`${base}/${material.id}`, { visibleToParticipants: true });
    expect(flag.statusCode, flag.body).toBe(200);
    expect(flag.json().visibleToParticipants).toBe(true);

    const materials = (await portal()).json().materials;
    expect(materials).toEqual([
      {
        id: material.id,
        title: 'Slides day 1',
        fileName: 'slides.pdf',
        sizeBytes: pdf.length,
        url: `http://tvet.test/api/v1/portal/${token}/materials/${material.id}`,
      },
    ]);
    const ok = await download(material.id);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toBe('application/pdf');
    expect(ok.rawPayload.equals(pdf)).toBe(true);

    expect((await download(hidden.id)).statusCode).toBe(404);
    expect((await download(foreign.id)).statusCode).toBe(404);
    expect((await download(material.id, `${token.slice(0, -4)}AAAA`)).statusCode).toBe(404);

    // Hidden again, or deleted: gone from the portal.
    await coordinator.patch(`${base}/${material.id}`, { visibleToParticipants: false });
    expect((await portal()).json().materials).toEqual([]);
    expect((await download(material.id)).statusCode).toBe(404);
    await coordinator.patch(`${base}/${material.id}`, { visibleToParticipants: true });
    expect((await coordinator.delete(`${base}/${material.id}`)).statusCode).toBe(200);
    expect((await download(material.id)).statusCode).toBe(404);
  });

  it('lets a trainer read materials but not change them, and hides them from another tenant', async () => {
    const projectId = await createProject(coordinator);
    const programmeId = await createProgramme(coordinator, projectId);
    const base = `/api/v1/training/programmes/${programmeId}/materials`;
    const m = (await coordinator.upload(base, 'slides.pdf', pdf, 'application/pdf')).json();
    const trainer = (await signedInAs(t, 'trainer', orgId)).client;
    expect((await trainer.get(base)).json().data).toHaveLength(1);
    expect((await trainer.upload(base, 'x.pdf', pdf, 'application/pdf')).statusCode).toBe(403);
    expect((await trainer.patch(`${base}/${m.id}`, { visibleToParticipants: true })).statusCode).toBe(403);
    const outsider = (await signedInAs(t, 'admin')).client;
    expect((await outsider.get(base)).statusCode).toBe(404);
    expect((await outsider.patch(`${base}/${m.id}`, { visibleToParticipants: true })).statusCode).toBe(404);
    // A project id is not a programme: the entity type is part of the lookup.
    expect((await coordinator.get(`/api/v1/training/programmes/${projectId}/materials`)).statusCode).toBe(
      404,
    );
  });
});
